"""Which payment methods a clinic may accept, by its country, and the checks of the
identifiers its payment QR codes carry. Pure functions, no database.

PromptPay is Thailand's national instant-payment scheme (Bank of Thailand) and Pix
Brazil's (Banco Central do Brasil): neither exists elsewhere, so a clinic outside the
country can neither offer nor record it. Cash, card and bank transfer exist everywhere.
"""

from __future__ import annotations

import re
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext as _
from stdnum.br import cnpj, cpf
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.th import tin

from commerce.models import Payment

# The ways to pay at the till (``Payment.Method`` less ``deposit``, which only the
# deposit service writes when it applies a deposit to an invoice).
TILL_METHOD_CHOICES = [
    (value, label) for value, label in Payment.Method.choices if value != Payment.Method.DEPOSIT
]
TILL_METHODS = [value for value, _label in TILL_METHOD_CHOICES]

# The method and the one country where it exists.
NATIONAL_SCHEMES: dict[str, str] = {Payment.Method.PROMPTPAY: "TH", Payment.Method.PIX: "BR"}

# What a new clinic accepts, in the order the till offers them.
_DEFAULTS: dict[str, tuple[str, ...]] = {
    "TH": ("cash", "card", "promptpay", "bank_transfer"),
    "BR": ("cash", "card", "pix", "bank_transfer"),
    "SA": ("cash", "card", "bank_transfer"),
}
_ELSEWHERE = ("cash", "card", "bank_transfer")


def methods_allowed(country: str) -> list[str]:
    """The methods a clinic in ``country`` (ISO 3166 alpha-2) may accept, in
    ``Payment.Method`` order."""
    return [m for m in TILL_METHODS if NATIONAL_SCHEMES.get(m, country) == country]


def methods_default(country: str) -> list[str]:
    """The methods a clinic in ``country`` accepts until its owner changes them."""
    return list(_DEFAULTS.get(country, _ELSEWHERE))


def methods_accepted(*, country: str, chosen: list[str]) -> list[str]:
    """The methods the till offers: ``chosen`` (the clinic's list; empty means the
    country's defaults) less any the country does not have (the clinic moved)."""
    allowed = methods_allowed(country)
    return [m for m in (chosen or methods_default(country)) if m in allowed]


def method_refusal(*, country: str, chosen: list[str], method: str) -> str | None:
    """Why ``method`` cannot be taken by this clinic, or ``None`` when it can."""
    if method not in TILL_METHODS:
        return _("Unknown payment method.")
    if method not in methods_accepted(country=country, chosen=chosen):
        return _("This clinic does not accept %(method)s.") % {"method": Payment.Method(method).label}
    return None


def promptpay_id_clean(raw: str) -> str:
    """A PromptPay ID in the form the QR carries: a Thai mobile number as ten digits
    (``0812345678``; ``+66 81 234 5678`` is accepted) or a 13-digit Thai tax ID (a
    person's national ID or a company's registration number, checksum verified).
    Raises Django's ``ValidationError``."""
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits.startswith("+66"):
        digits = "0" + digits[3:]
    elif digits.startswith("66") and len(digits) == 11:
        digits = "0" + digits[2:]
    if re.fullmatch(r"0[689]\d{8}", digits):
        return digits
    if re.fullmatch(r"\d{13}", digits):
        try:
            return str(tin.validate(digits))
        except StdnumError as exc:
            raise ValidationError(_("This tax ID's check digit is wrong.")) from exc
    raise ValidationError(_("A Thai mobile number (06, 08 or 09 and ten digits) or a 13-digit tax ID."))


def pix_key_clean(raw: str) -> str:
    """A Pix key in the form the BR Code carries: a CPF or CNPJ as digits (checksum
    verified), an e-mail address (lower case), a Brazilian mobile in E.164
    (``+5511987654321``) or a random key (UUID, lower case). Raises Django's
    ``ValidationError``."""
    value = raw.strip()
    if "@" in value:
        value = value.lower()
        EmailValidator(message=_("Not a valid e-mail address."))(value)
        if len(value) > 77:
            raise ValidationError(_("A Pix e-mail key has at most 77 characters."))
        return value
    if value.startswith("+"):
        phone = re.sub(r"[\s\-()]", "", value)
        if not re.fullmatch(r"\+55[1-9]{2}9?\d{8}", phone):
            raise ValidationError(_("A Pix phone key is a Brazilian number: +55, area code and number."))
        return phone
    if len(value) == 36 and value.count("-") == 4:
        try:
            return str(uuid.UUID(value))
        except ValueError as exc:
            raise ValidationError(_("Not a valid random key.")) from exc
    digits = re.sub(r"[.\-/\s]", "", value)
    for module in (cpf, cnpj):
        try:
            return str(module.validate(digits))
        except StdnumError:
            continue
    raise ValidationError(_("A CPF, CNPJ, e-mail, +55 phone number or random key."))
