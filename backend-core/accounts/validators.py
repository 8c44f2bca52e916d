"""Validation and normalization of identities: mobile numbers and national IDs.

Phone numbers are parsed with ``phonenumbers`` (Google libphonenumber metadata) and stored
in E.164. National IDs are validated with ``python-stdnum`` per issuing country and stored
in their compact form (digits only):

* TH: Thai personal identification number, 13 digits with check digit (``stdnum.th.pin``).
* BR: CPF, 11 digits with two check digits (``stdnum.br.cpf``).
* SA: Saudi national ID / Iqama, 10 digits, first digit 1 (citizen) or 2 (resident),
  Luhn check digit (python-stdnum has no Saudi module; the checksum is ``stdnum.luhn``).

National IDs are encrypted at rest; ``national_id_hash`` is their blind index, the column
lookups and uniqueness use.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

import phonenumbers
from babel import Locale, UnknownLocaleError
from babel.numbers import get_territory_currencies, list_currencies
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import luhn
from stdnum.br import cpf
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.th import pin
from stdnum.util import clean, isdigits

from core.crypto import blind_index
from core.exceptions import ValidationFailed


def normalize_phone(raw: str, *, region: str | None = None, mobile_only: bool = True) -> str:
    """Return ``raw`` as E.164 (``+66815550101``).

    ``region`` (ISO 3166-1 alpha-2) lets local forms such as ``081-555-0101`` parse.
    Raises ``ValidationError`` (``invalid_phone``; ``not_mobile`` when ``mobile_only``
    and the number is a fixed line).
    """
    try:
        number = phonenumbers.parse(str(raw), region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter a mobile number in international form, e.g. +66 81 555 0101."),
            code="invalid_phone",
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This is not a valid phone number."), code="invalid_phone")
    kind = phonenumbers.number_type(number)
    if mobile_only and kind not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise ValidationError(_("Enter a mobile number (it is used to sign in)."), code="not_mobile")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _saudi_id(number: str) -> str:
    number = clean(number, " -").strip()
    if not isdigits(number) or len(number) != 10:
        raise ValidationError(_("A Saudi ID has 10 digits."), code="invalid_national_id")
    if number[0] not in "12":
        raise ValidationError(_("A Saudi ID starts with 1 or 2."), code="invalid_national_id")
    luhn.validate(number)
    return number


NATIONAL_ID_VALIDATORS: dict[str, Callable[[str], str]] = {
    "TH": pin.validate,
    "BR": cpf.validate,
    "SA": _saudi_id,
}


def normalize_national_id(*, country: str, value: str) -> str:
    """Validate ``value`` as a national ID of ``country`` and return its compact form.

    Raises ``ValidationError`` (``invalid_national_id`` or ``unsupported_country``).
    """
    validate = NATIONAL_ID_VALIDATORS.get(country.upper())
    if validate is None:
        raise ValidationError(
            _("National IDs of %(country)s cannot be validated yet.") % {"country": country},
            code="unsupported_country",
        )
    try:
        return validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("This is not a valid national ID for %(country)s.") % {"country": country.upper()},
            code="invalid_national_id",
        ) from exc


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown IANA time zone, e.g. Asia/Bangkok."), code="invalid_time_zone")


_CURRENCIES = frozenset(list_currencies())


def validate_currency(value: str) -> None:
    if value not in _CURRENCIES:
        raise ValidationError(_("Unknown ISO 4217 currency code, e.g. THB."), code="invalid_currency")


def validate_currency_for_country(*, country: str, currency: str) -> None:
    """Refuse a ``currency`` that is not legal tender in ``country`` today, per CLDR's
    territory currency data (``babel.numbers.get_territory_currencies``): THB in TH,
    BRL in BR, SAR in SA, PAB or USD in PA. Raises ``ValidationError`` naming
    ``currency`` (``currency_not_of_country``)."""
    used = get_territory_currencies(country)
    if currency not in used:
        raise ValidationError(
            {
                "currency": ValidationError(
                    _("%(currency)s is not a currency of %(country)s; use %(used)s.")
                    % {"currency": currency, "country": country, "used": ", ".join(used) or "-"},
                    code="currency_not_of_country",
                )
            }
        )


def validate_locale(value: str) -> None:
    try:
        Locale.parse(value, sep="-")
    except (ValueError, UnknownLocaleError) as exc:
        raise ValidationError(_("Unknown locale, e.g. th or pt-BR."), code="invalid_locale") from exc


def validate_country(value: str) -> None:
    if len(value) != 2 or value.upper() != value or value not in Locale("en").territories:
        raise ValidationError(_("Use an ISO 3166-1 alpha-2 country code, e.g. TH."), code="invalid_country")


def clean_phone(
    raw: str, *, field: str = "phone", region: str | None = None, mobile_only: bool = True
) -> str:
    """``normalize_phone`` for services: errors become ``ValidationFailed`` naming ``field``."""
    try:
        return normalize_phone(raw, region=region, mobile_only=mobile_only)
    except ValidationError as exc:
        raise ValidationFailed(errors={field: exc.messages}) from exc


def clean_national_id(*, country: str, value: str) -> str:
    """``normalize_national_id`` for services: ``""`` stays ``""``; a value needs a
    country; errors become ``ValidationFailed`` naming ``national_id``/``_country``."""
    if not value:
        return ""
    if not country:
        raise ValidationFailed(errors={"national_id_country": [str(_("Required with a national ID."))]})
    try:
        return normalize_national_id(country=country, value=value)
    except ValidationError as exc:
        raise ValidationFailed(errors={"national_id": exc.messages}) from exc


def national_id_hash(*, country: str, national_id: str) -> str:
    """The blind index stored beside an encrypted national ID (``core.crypto.blind_index``
    with purpose ``national_id:<country>``), or ``""`` when there is no ID. Pass the
    compact form ``clean_national_id`` returns and the upper-case country."""
    if not national_id:
        return ""
    return blind_index(national_id, purpose=f"national_id:{country}")
