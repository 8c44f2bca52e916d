"""Invoices and payments: recording a payment, the receipt it sends, drafts from a
visit and overdue marking.

Invoice arithmetic: ``paid_total`` is the sum of succeeded payments (refunds are
negative payments), ``refunded_total`` the value credited back (refunds, or the whole
total when a sale is voided), and ``balance_due = total - refunded_total - paid_total``
(checked by the database). Status: ``draft`` (from a visit, not yet checked out) →
``sent`` (issued, nothing paid) → ``partially_paid`` → ``paid``; ``overdue`` when unpaid
past ``due_date`` (beat task); ``void``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Service
from commerce import ledger
from commerce.models import Invoice, InvoiceItem, Payment, Refund
from commerce.pricing import LineInput, PricingError, money_format, price_cart
from commerce.services.shared import InvoiceStatus, settings_for
from core.exceptions import Conflict, ValidationFailed
from notifications.services import notification_schedule

if TYPE_CHECKING:
    from accounts.models import User
    from patients.models import ClinicPatient


def invoice_refresh(invoice: Invoice) -> None:
    """Recompute paid total, balance and status from the payments (invoice row locked)."""
    paid = Payment.objects.filter(invoice=invoice, status=Payment.Status.SUCCEEDED).aggregate(
        s=Sum("amount")
    )["s"]
    invoice.paid_total = paid or Decimal(0)
    invoice.balance_due = invoice.total - invoice.refunded_total - invoice.paid_total
    if invoice.status not in (InvoiceStatus.VOID, InvoiceStatus.DRAFT):
        if invoice.balance_due <= 0:
            invoice.status = InvoiceStatus.PAID
        elif invoice.due_date is not None and invoice.due_date < invoice.clinic.today():
            invoice.status = InvoiceStatus.OVERDUE
        elif invoice.paid_total > 0:
            invoice.status = InvoiceStatus.PARTIALLY_PAID
        else:
            invoice.status = InvoiceStatus.SENT
    invoice.save(update_fields=["paid_total", "refunded_total", "balance_due", "status", "updated_at"])


def payment_write(
    *,
    invoice: Invoice,
    method: str,
    amount: Decimal,
    provider_reference: str,
    idempotency_key: str,
    actor: User,
    at: dt.datetime,
    refund: Refund | None = None,
) -> Payment:
    """Write one succeeded payment of ``invoice`` (``amount`` in the invoice's currency)
    received at ``at`` (UTC), and for a payment in (no ``refund``) its journal entry
    (payment account debited, receivables credited); a refund's payment is journaled by
    the refund. Used by checkout, ``payment_record`` and refunds inside their
    transaction; the caller refreshes the invoice's totals (``invoice_refresh``)."""
    payment = Payment.objects.create(
        clinic=invoice.clinic,
        invoice=invoice,
        refund=refund,
        amount=amount,
        currency=invoice.currency,
        method=method,
        status=Payment.Status.SUCCEEDED,
        provider_reference=provider_reference,
        idempotency_key=idempotency_key,
        received_at=at,
        created_by=actor,
    )
    if refund is None:
        ledger.journal_entry_post(
            clinic=invoice.clinic,
            description=f"Payment {method} for {invoice.number}",
            currency=invoice.currency,
            reference_type="commerce.payment",
            reference_id=payment.pk,
            postings=[
                (ledger.PAYMENT_ACCOUNTS[method], amount, Decimal(0)),
                (ledger.ACCOUNTS_RECEIVABLE, Decimal(0), amount),
            ],
            posted_at=at,
        )
    return payment


# What a receipt notification is about (``subject_type``; the subject id is the payment's).
PAYMENT_SUBJECT = "commerce.Payment"


def receipt_schedule(*, invoice: Invoice, payment: Payment) -> None:
    """The receipt of a payment, by e-mail when the patient prefers it and has an
    address, else by SMS to their phone; nothing without a patient or contact. Sent by
    the notifications module after commit, once per payment (dedupe key)."""
    if invoice.patient_id is None:
        return
    profile = invoice.patient.profile if invoice.patient else None
    if profile is None:
        return
    if profile.preferred_channel == "email" and profile.email:
        channel, recipient = "email", profile.email
    elif profile.phone:
        channel, recipient = "sms", profile.phone
    else:
        return
    clinic = invoice.clinic
    language = profile.preferred_language or clinic.locale
    notification_schedule(
        clinic=clinic,
        channel=channel,
        recipient=recipient,
        template="payment.receipt",
        language=language,
        payload={
            "clinic_name": clinic.name,
            "invoice_number": invoice.number,
            "amount": money_format(payment.amount, invoice.currency, language),
            "balance_due": money_format(invoice.balance_due, invoice.currency, language),
        },
        scheduled_for=timezone.now(),
        dedupe_key=f"receipt:{payment.pk}",
        subject_type=PAYMENT_SUBJECT,
        subject_id=str(payment.pk),
    )


@transaction.atomic
def payment_record(
    *,
    invoice: Invoice,
    actor: User,
    method: str,
    amount: Decimal,
    currency: str,
    idempotency_key: str,
    provider_reference: str = "",
    at: dt.datetime | None = None,
) -> Payment:
    """Record a payment (``amount`` > 0 in ``currency``) against an issued invoice and
    send the receipt (``at`` backdates an imported payment, which gets none).
    Idempotent by ``idempotency_key`` (the same key returns the first payment; with
    another invoice or amount it is a ``Conflict``). Raises ``ValidationFailed``:
    ``currency`` (not the invoice's), ``amount`` (not positive or more than the balance
    due), ``method``; ``Conflict`` for a draft or void invoice."""
    existing = Payment.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        if existing.invoice_id != invoice.pk or existing.amount != amount:
            raise Conflict(
                _("This idempotency key was used for another payment."), code="idempotency_key_reused"
            )
        return existing
    if currency != invoice.currency:
        raise ValidationFailed(errors={"currency": [_("This invoice is in %s.") % invoice.currency]})
    if method not in Payment.Method.values:
        raise ValidationFailed(errors={"method": [_("Unknown payment method.")]})
    locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if locked.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        raise Conflict(
            _("A %s invoice takes no payments.") % locked.get_status_display(), code="invoice_not_open"
        )
    if amount <= 0 or amount > locked.balance_due:
        raise ValidationFailed(
            errors={"amount": [_("Between 0 and the balance due (%s).") % locked.balance_due]}
        )
    payment = payment_write(
        invoice=locked,
        method=method,
        amount=amount,
        provider_reference=provider_reference,
        idempotency_key=idempotency_key,
        actor=actor,
        at=at or timezone.now(),
    )
    invoice_refresh(locked)
    if at is None:
        receipt_schedule(invoice=locked, payment=payment)
    return payment


@transaction.atomic
def invoice_draft_from_services(
    *,
    patient: ClinicPatient,
    items: Sequence[tuple[Service, Decimal, User | None]],
    reference_type: str,
    reference_id: uuid.UUID,
    actor: User,
) -> Invoice:
    """A draft invoice of the services performed at a visit: ``(service, quantity,
    practitioner)`` priced from the catalog with the clinic's tax (no discounts).
    Idempotent per ``reference_type``/``reference_id`` (e.g. ``"emr.visit"``, its id):
    a second call returns the first invoice. The cashier checks it out at the POS
    (``sale_checkout(draft_invoice=…)``). Raises ``ValidationFailed`` (``items``)."""
    clinic = patient.clinic
    existing = Invoice.objects.filter(reference_type=reference_type, reference_id=reference_id).first()
    if existing is not None:
        return existing
    if not items:
        raise ValidationFailed(errors={"items": [_("At least one service.")]})
    if any(service.currency != clinic.currency for service, _q, _p in items):
        raise ValidationFailed(errors={"items": [_("Services must be priced in the clinic currency.")]})
    counters = settings_for(clinic)
    try:
        amounts = price_cart(
            [
                LineInput(unit_price=service.price, quantity=quantity, tax_rate=counters.service_tax_rate)
                for service, quantity, _p in items
            ],
            currency=clinic.currency,
            tax_inclusive=counters.tax_inclusive,
        )
    except PricingError as exc:
        raise ValidationFailed(errors={"items": [str(exc)]}) from exc
    invoice = Invoice.objects.create(
        clinic=clinic,
        patient=patient,
        status=InvoiceStatus.DRAFT,
        currency=clinic.currency,
        subtotal=amounts.subtotal,
        tax_total=amounts.tax_total,
        total=amounts.total,
        balance_due=amounts.total,
        reference_type=reference_type,
        reference_id=reference_id,
        created_by=actor,
    )
    InvoiceItem.objects.bulk_create(
        [
            InvoiceItem(
                clinic=clinic,
                invoice=invoice,
                position=index,
                service=service,
                practitioner=practitioner,
                description=service.name,
                quantity=quantity,
                unit_price=service.price,
                tax_amount=amount.tax,
                total=amount.total,
            )
            for index, ((service, quantity, practitioner), amount) in enumerate(
                zip(items, amounts.lines, strict=True)
            )
        ]
    )
    return invoice


def invoices_mark_overdue() -> int:
    """Mark issued, unpaid invoices past their due date (in the clinic's local date) as
    ``overdue``, across clinics (beat job; idempotent). Returns how many changed."""
    from accounts.models import Clinic

    open_statuses = [InvoiceStatus.SENT, InvoiceStatus.PARTIALLY_PAID]
    pending = Invoice.unscoped.filter(status__in=open_statuses, balance_due__gt=0)
    changed = 0
    for clinic in Clinic.objects.filter(pk__in=pending.values("clinic_id")):
        changed += pending.filter(clinic=clinic, due_date__lt=clinic.today()).update(
            status=InvoiceStatus.OVERDUE, updated_at=timezone.now()
        )
    return changed
