"""A clinic's payment settings: which methods it accepts, where QR payments go, and
the QR payload of a payment (``commerce.emv_qr``). Rules by country are
``commerce.payment_methods``."""

from __future__ import annotations

import secrets
import string
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_changes, audit_event_record
from commerce import emv_qr
from commerce.models import CommerceSettings, Payment
from commerce.payment_methods import (
    NATIONAL_SCHEMES,
    TILL_METHODS,
    method_refusal,
    methods_accepted,
    methods_allowed,
    pix_key_clean,
    promptpay_id_clean,
)
from commerce.pricing import currency_digits
from commerce.services.shared import settings_for
from core.exceptions import FieldErrors, ValidationFailed

if TYPE_CHECKING:
    from accounts.models import Clinic, User


_NOT_HERE = gettext_lazy("%(method)s is not offered in this clinic's country.")


def accepted_methods(clinic: Clinic) -> list[str]:
    """The ``Payment.Method`` values the clinic takes, in the order the till offers them
    (its country's defaults while it has no settings row; reading creates none)."""
    chosen = CommerceSettings.unscoped.filter(clinic=clinic).values_list("payment_methods", flat=True).first()
    return methods_accepted(country=clinic.country, chosen=chosen or [])


@transaction.atomic
def payment_settings_update(
    *,
    clinic: Clinic,
    actor: User,
    payment_methods: list[str] | None = None,
    promptpay_id: str | None = None,
    pix_key: str | None = None,
    merchant_city: str | None = None,
    walk_in_retail: bool | None = None,
    deposit_no_show: str | None = None,
) -> CommerceSettings:
    """Change the settings given (``None``: unchanged; ``""`` clears an identifier),
    audited as ``commerce_settings.updated`` with the fields changed.

    ``payment_methods``: one or more distinct ``Payment.Method`` values the clinic's
    country has (no PromptPay outside Thailand, no Pix outside Brazil), in the order
    the till offers them. ``promptpay_id`` (Thai clinics): a Thai mobile number or a
    13-digit tax ID. ``pix_key`` (Brazilian clinics): a CPF, CNPJ, e-mail, +55 phone or
    random key; ``merchant_city`` is the city its BR Code prints (≤ 15 characters).
    ``walk_in_retail``: product-only sales without a patient are allowed.
    ``deposit_no_show``: ``forfeit`` (kept as a no-show fee) or ``refund``, what happens
    to a paid deposit on a no-show or a late cancellation. Stored
    normalized. Raises ``ValidationFailed`` naming every bad field
    (``payment_methods.<i>`` for one entry); ``actor`` is checked by the caller."""
    errors = FieldErrors()
    row = CommerceSettings.unscoped.select_for_update().get(pk=settings_for(clinic).pk)
    before = {field: getattr(row, field) for field in AUDITED_FIELDS}
    changed: list[str] = []
    if payment_methods is not None:
        _methods_check(clinic=clinic, methods=payment_methods, errors=errors)
        row.payment_methods = list(payment_methods)
        changed.append("payment_methods")
    for field, value, method, clean in (
        ("promptpay_id", promptpay_id, Payment.Method.PROMPTPAY, promptpay_id_clean),
        ("pix_key", pix_key, Payment.Method.PIX, pix_key_clean),
    ):
        if value is None:
            continue
        if value and NATIONAL_SCHEMES[method] != clinic.country:
            errors.add(
                field, _("%(method)s is not offered in this clinic's country.") % {"method": method.label}
            )
            continue
        with errors.collect(prefix=field):
            setattr(row, field, clean(value) if value else "")
            changed.append(field)
    if merchant_city is not None:
        city = emv_qr.plain_text(merchant_city, 15)
        if merchant_city.strip() and not city:
            errors.add("merchant_city", _("Use letters of the Latin alphabet."))
        row.merchant_city = city
        changed.append("merchant_city")
    changed += _choices_set(
        row=row, walk_in_retail=walk_in_retail, deposit_no_show=deposit_no_show, errors=errors
    )
    errors.raise_if_any()
    diff = audit_changes(before=before, after={field: getattr(row, field) for field in AUDITED_FIELDS})
    if diff:
        row.save(update_fields=[*changed, "updated_at"])
        audit_event_record(
            clinic=clinic,
            actor=actor,
            action="commerce_settings.updated",
            object_type="commerce.CommerceSettings",
            object_id=row.pk,
            changes=diff,
        )
    return row


def _choices_set(
    *, row: CommerceSettings, walk_in_retail: bool | None, deposit_no_show: str | None, errors: FieldErrors
) -> list[str]:
    """Set the clinic's plain choices given (``None``: unchanged); the fields changed."""
    changed = []
    if walk_in_retail is not None:
        row.walk_in_retail = walk_in_retail
        changed.append("walk_in_retail")
    if deposit_no_show is not None:
        if deposit_no_show not in CommerceSettings.DepositNoShow.values:
            errors.add("deposit_no_show", _("Forfeit or refund."))
        row.deposit_no_show = deposit_no_show
        changed.append("deposit_no_show")
    return changed


AUDITED_FIELDS = (
    "payment_methods",
    "promptpay_id",
    "pix_key",
    "merchant_city",
    "walk_in_retail",
    "deposit_no_show",
)


def _methods_check(*, clinic: Clinic, methods: list[str], errors: FieldErrors) -> None:
    if not methods:
        errors.add("payment_methods", _("Accept at least one payment method."))
    allowed = methods_allowed(clinic.country)
    for index, method in enumerate(methods):
        if method not in TILL_METHODS:
            errors.add(f"payment_methods.{index}", _("Unknown payment method."))
        elif method not in allowed:
            errors.add(
                f"payment_methods.{index}",
                _("%(method)s is not offered in this clinic's country.")
                % {"method": Payment.Method(method).label},
            )
        elif method in methods[:index]:
            errors.add(f"payment_methods.{index}", _("Each method once."))


@dataclass(frozen=True)
class PaymentQr:
    """What the till draws: ``payload`` is the QR's text for ``amount`` (clinic currency)
    by ``method``; ``reference`` is the transaction id it carries (Pix) or ``""``, to be
    recorded as the payment's provider reference."""

    method: str
    amount: Decimal
    currency: str
    payload: str
    reference: str


_TXID_ALPHABET = string.ascii_uppercase + string.digits


def payment_qr(*, clinic: Clinic, method: str, amount: Decimal, reference: str = "") -> PaymentQr:
    """The payment QR for ``amount`` (> 0, at most the currency's minor digits) by
    ``method`` (``promptpay`` or ``pix``, accepted by the clinic, with its PromptPay ID or
    Pix key set). A Pix QR carries ``reference`` as its transaction id (1 to 25 letters
    and digits), else a new random one. Writes nothing. Raises ``ValidationFailed``
    naming ``method``, ``amount`` or ``reference``."""
    row = settings_for(clinic)
    refusal = method_refusal(country=clinic.country, chosen=row.payment_methods, method=method)
    if refusal is not None:
        raise ValidationFailed(errors={"method": [refusal]})
    if method not in NATIONAL_SCHEMES:
        raise ValidationFailed(errors={"method": [_("Only PromptPay and Pix are paid by QR code.")]})
    digits = currency_digits(clinic.currency)
    if amount <= 0 or amount != amount.quantize(Decimal(1).scaleb(-digits)) or amount >= 10**10:
        raise ValidationFailed(errors={"amount": [_("A positive amount in %s.") % clinic.currency]})
    if reference and not emv_qr.TXID.match(reference):
        raise ValidationFailed(errors={"reference": [_("1 to 25 letters and digits.")]})
    try:
        if method == Payment.Method.PROMPTPAY:
            if not row.promptpay_id:
                raise ValidationFailed(errors={"method": [_("Set the clinic's PromptPay ID first.")]})
            payload = emv_qr.promptpay_payload(proxy=row.promptpay_id, amount=amount)
            reference = ""
        else:
            if not (row.pix_key and row.merchant_city):
                raise ValidationFailed(errors={"method": [_("Set the clinic's Pix key and city first.")]})
            reference = reference or "".join(secrets.choice(_TXID_ALPHABET) for _i in range(25))
            payload = emv_qr.pix_payload(
                key=row.pix_key,
                merchant_name=clinic.name,
                merchant_city=row.merchant_city,
                amount=amount,
                txid=reference,
            )
    except emv_qr.EmvError as exc:  # the stored settings were validated: a name with no Latin letter
        raise ValidationFailed(
            errors={"method": [_("The clinic's name cannot be printed in a QR code.")]}
        ) from exc
    return PaymentQr(
        method=method, amount=amount, currency=clinic.currency, payload=payload, reference=reference
    )
