"""POS checkout, invoices, payments, refunds and voids.

Every function here is one transaction. ``sale_checkout`` writes the sale, its lines and
practitioner credits, the invoice and its items, the payments, the stock movements of
product lines (FEFO), the course balances of course lines and the journal entries, then
sends ``commerce.signals.sale_completed`` inside the transaction (listeners enqueue
their slow work, e.g. commissions, with ``enqueue_on_commit``): checkout itself waits
for nothing slow. Amounts follow ``commerce.pricing``.

Invoice arithmetic: ``paid_total`` is the sum of succeeded payments (refunds are
negative payments), ``refunded_total`` the value credited back (refunds, or the whole
total when a sale is voided), and ``balance_due = total - refunded_total - paid_total``
(checked by the database). Status: ``draft`` (from a visit, not yet checked out) →
``sent`` (issued, nothing paid) → ``partially_paid`` → ``paid``; ``overdue`` when unpaid
past ``due_date`` (beat task); ``void``.

Sale and invoice numbers are gapless per clinic (``S-000001``, ``INV-000001``), as fiscal
rules require sequential tax invoices (e.g. Thai Revenue Code s.86/4): the counters live
on the clinic's ``CommerceSettings`` row, locked at the END of the checkout transaction
(after the stock rows), so concurrent checkouts of one clinic queue only for the last
few statements and a rolled-back checkout consumes no number. A retried checkout racing
the first one waits on the unique idempotency key and then returns the first sale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from catalog.models import Course, Product, Service
from commerce import ledger
from commerce.events import SALE_COMPLETED, SaleCompletedEventDataSerializer
from commerce.models import (
    CommerceSettings,
    CourseBalance,
    Invoice,
    InvoiceItem,
    JournalEntry,
    Payment,
    Refund,
    RefundLine,
    Sale,
    SaleLine,
    SaleLineCredit,
    StockLot,
    StockMovement,
)
from commerce.pricing import (
    CartAmounts,
    LineInput,
    PricingError,
    allocate,
    line_portion,
    money_format,
    price_cart,
)
from commerce.services.stock import clinic_date, clinic_today, stock_consume, stock_return
from commerce.signals import sale_completed, sale_reversed
from core.exceptions import Conflict, ValidationFailed
from notifications.services import notification_schedule
from outbox.services import outbox_event_record

if TYPE_CHECKING:
    from accounts.models import Clinic, User
    from patients.models import ClinicPatient

InvoiceStatus = Invoice.Status
SALE_LINE_REF = "commerce.sale_line"


@dataclass(frozen=True)
class CartLine:
    """One line of a cart: a service, product or course, ``quantity`` of it (unit of the
    item), an optional ``line_discount`` amount, the practitioners credited with their
    percent shares (summing to 100), and for a product optionally the ``lot`` to sell."""

    item: Service | Product | Course
    quantity: Decimal = Decimal(1)
    line_discount: Decimal = Decimal(0)
    credits: Sequence[tuple[User, Decimal]] = ()
    lot: StockLot | None = None

    @property
    def kind(self) -> str:
        if isinstance(self.item, Service):
            return SaleLine.Kind.SERVICE
        if isinstance(self.item, Product):
            return SaleLine.Kind.PRODUCT
        return SaleLine.Kind.COURSE


@dataclass(frozen=True)
class PaymentInput:
    method: str
    amount: Decimal
    provider_reference: str = ""


def settings_for(clinic: Clinic) -> CommerceSettings:
    """The clinic's commerce settings (created with no tax on first use)."""
    row, _created = CommerceSettings.unscoped.get_or_create(clinic=clinic)
    return row


def _numbers_take(row: CommerceSettings) -> tuple[str, str]:
    """The next sale and invoice numbers of the clinic, taken under the settings row's
    lock (held until the transaction ends)."""
    sale_number, invoice_number = (
        CommerceSettings.unscoped.select_for_update()
        .filter(pk=row.pk)
        .values_list("next_sale_number", "next_invoice_number")
        .get()
    )
    CommerceSettings.unscoped.filter(pk=row.pk).update(
        next_sale_number=F("next_sale_number") + 1, next_invoice_number=F("next_invoice_number") + 1
    )
    return f"S-{sale_number:06d}", f"INV-{invoice_number:06d}"


def _tax_rate(row: CommerceSettings, kind: str) -> Decimal:
    rates: dict[str, Decimal] = {
        SaleLine.Kind.SERVICE: row.service_tax_rate,
        SaleLine.Kind.PRODUCT: row.product_tax_rate,
        SaleLine.Kind.COURSE: row.course_tax_rate,
    }
    return rates[kind]


def _revenue_account(line: SaleLine) -> str:
    if line.service is not None:
        return ledger.revenue_account(line.service.category)
    if line.kind == SaleLine.Kind.PRODUCT:
        return ledger.REVENUE_RETAIL
    return ledger.DEFERRED_REVENUE


def _fingerprint(
    *,
    patient: ClinicPatient | None,
    lines: Sequence[CartLine],
    payments: Sequence[PaymentInput],
    cart_discount: Decimal,
) -> str:
    body = {
        "patient": str(patient.pk) if patient else None,
        "cart_discount": str(cart_discount),
        "lines": [
            [
                line.kind,
                str(line.item.pk),
                str(line.quantity),
                str(line.line_discount),
                sorted([str(u.pk), str(s)] for u, s in line.credits),
                str(line.lot.pk) if line.lot else None,
            ]
            for line in lines
        ],
        "payments": [[p.method, str(p.amount), p.provider_reference] for p in payments],
    }
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()


def _sale_for_key(idempotency_key: str, fingerprint: str) -> Sale | None:
    """The sale already made with this key; ``Conflict`` if it was for another cart."""
    existing = Sale.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None and existing.request_fingerprint != fingerprint:
        raise Conflict(
            _("This idempotency key was used for another checkout."), code="idempotency_key_reused"
        )
    return existing


def _validate_cart(
    *,
    clinic: Clinic,
    currency: str,
    patient: ClinicPatient | None,
    lines: Sequence[CartLine],
    payments: Sequence[PaymentInput],
) -> None:
    errors: dict[str, str] = {}
    if currency != clinic.currency:
        errors["currency"] = _("This clinic sells in %(c)s.") % {"c": clinic.currency}
    if not lines:
        errors["lines"] = _("Add at least one line.")
    for index, line in enumerate(lines):
        prefix = f"lines.{index}"
        if line.item.currency != clinic.currency:
            errors[f"{prefix}.item_id"] = _("Priced in %(c)s, not the clinic currency.") % {
                "c": line.item.currency
            }
        if not line.item.is_active:
            errors[f"{prefix}.item_id"] = _("No longer sold.")
        if line.kind == SaleLine.Kind.COURSE:
            if patient is None:
                errors["patient_id"] = _("A course is sold to a patient.")
            if line.quantity != line.quantity.to_integral_value():
                errors[f"{prefix}.quantity"] = _("Courses are sold in whole numbers.")
        if line.lot is not None and (
            line.kind != SaleLine.Kind.PRODUCT or line.lot.product_id != line.item.pk
        ):
            errors[f"{prefix}.lot_id"] = _("This lot is not of the product.")
        if line.credits:
            people = [user.pk for user, _share in line.credits]
            if len(set(people)) != len(people):
                errors[f"{prefix}.credits"] = _("Each practitioner once.")
            elif sum((share for _user, share in line.credits), Decimal(0)) != 100:
                errors[f"{prefix}.credits"] = _("Shares of a line must add up to 100.")
            elif any(share <= 0 for _user, share in line.credits):
                errors[f"{prefix}.credits"] = _("Shares must be positive.")
    for index, payment in enumerate(payments):
        if payment.method not in Payment.Method.values:
            errors[f"payments.{index}.method"] = _("Unknown payment method.")
        if payment.amount <= 0:
            errors[f"payments.{index}.amount"] = _("Must be greater than zero.")
    if errors:
        raise ValidationFailed(errors=errors)


def _invoice_refresh(invoice: Invoice) -> None:
    """Recompute paid total, balance and status from the payments (invoice row locked)."""
    paid = Payment.objects.filter(invoice=invoice, status=Payment.Status.SUCCEEDED).aggregate(
        s=Sum("amount")
    )["s"]
    invoice.paid_total = paid or Decimal(0)
    invoice.balance_due = invoice.total - invoice.refunded_total - invoice.paid_total
    if invoice.status not in (InvoiceStatus.VOID, InvoiceStatus.DRAFT):
        if invoice.balance_due <= 0:
            invoice.status = InvoiceStatus.PAID
        elif invoice.due_date is not None and invoice.due_date < clinic_today(invoice.clinic):
            invoice.status = InvoiceStatus.OVERDUE
        elif invoice.paid_total > 0:
            invoice.status = InvoiceStatus.PARTIALLY_PAID
        else:
            invoice.status = InvoiceStatus.SENT
    invoice.save(update_fields=["paid_total", "refunded_total", "balance_due", "status", "updated_at"])


def _payment_write(
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


def _receipt_schedule(*, invoice: Invoice, payment: Payment) -> None:
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


def _cart_price(
    *, counters: CommerceSettings, lines: Sequence[CartLine], currency: str, cart_discount: Decimal
) -> CartAmounts:
    """``commerce.pricing.price_cart`` of the cart at catalog prices with the clinic's tax."""
    try:
        return price_cart(
            [
                LineInput(
                    unit_price=line.item.price,
                    quantity=line.quantity,
                    line_discount=line.line_discount,
                    tax_rate=_tax_rate(counters, line.kind),
                )
                for line in lines
            ],
            currency=currency,
            cart_discount=cart_discount,
            tax_inclusive=counters.tax_inclusive,
        )
    except PricingError as exc:
        raise ValidationFailed(errors={exc.field: [str(exc)]}) from exc


def sale_quote(
    *,
    clinic: Clinic,
    patient: ClinicPatient | None,
    lines: Sequence[CartLine],
    currency: str | None = None,
    cart_discount: Decimal = Decimal(0),
) -> CartAmounts:
    """Price a cart exactly as ``sale_checkout`` would, writing nothing: the POS shows
    this server total and confirms payment only when it equals its own computation.
    Amounts are ``Decimal`` in ``currency`` (default the clinic's) per ``commerce.pricing``.

    Raises ``ValidationFailed`` naming the field, as ``sale_checkout`` does for the cart
    (``currency``, ``lines``, ``lines.<i>.<field>``, ``patient_id``, ``cart_discount``)."""
    currency = currency or clinic.currency
    _validate_cart(clinic=clinic, currency=currency, patient=patient, lines=lines, payments=())
    return _cart_price(
        counters=settings_for(clinic), lines=lines, currency=currency, cart_discount=cart_discount
    )


@transaction.atomic
def sale_checkout(
    *,
    clinic: Clinic,
    actor: User,
    patient: ClinicPatient | None,
    lines: Sequence[CartLine],
    payments: Sequence[PaymentInput],
    idempotency_key: str,
    currency: str | None = None,
    cart_discount: Decimal = Decimal(0),
    draft_invoice: Invoice | None = None,
    at: dt.datetime | None = None,
) -> tuple[Sale, bool]:
    """Check out a cart; returns ``(sale, created)``.

    A retried call with the same ``idempotency_key`` returns ``(first sale, False)`` and
    writes nothing, also when it races the first call: the unique key decides, so of
    concurrent calls with one key exactly one returns ``created=True``. The same key with
    a different cart is a ``Conflict`` (409). Payments may
    be less than the total (the invoice stays partially paid or sent, due after the
    clinic's ``invoice_due_days``) but not more. ``draft_invoice`` (from a completed
    visit) becomes this sale's invoice. ``at`` backdates an imported sale (default now).

    Raises ``ValidationFailed`` naming the field: ``currency`` (not the clinic's),
    ``lines`` / ``lines.<i>.<field>`` (empty cart, another currency, discounts out of
    range, credit shares not summing to 100, stock refused: ``lines.<i>.quantity`` /
    ``lines.<i>.lot_id``), ``payments.<i>.<field>``, ``payments`` (more than the total),
    ``patient_id``, ``invoice_id``."""
    live = at is None  # an imported sale gets no receipt
    at = at or timezone.now()
    currency = currency or clinic.currency
    fingerprint = _fingerprint(patient=patient, lines=lines, payments=payments, cart_discount=cart_discount)
    existing = _sale_for_key(idempotency_key, fingerprint)
    if existing is not None:  # a retry: answered as first done, even if prices or stock changed since
        return existing, False
    counters = settings_for(clinic)
    _validate_cart(clinic=clinic, currency=currency, patient=patient, lines=lines, payments=payments)
    if draft_invoice is not None and (
        draft_invoice.status != InvoiceStatus.DRAFT
        or draft_invoice.patient_id != (patient.pk if patient else None)
    ):
        raise ValidationFailed(errors={"invoice_id": [_("A draft invoice of this patient.")]})
    amounts = _cart_price(counters=counters, lines=lines, currency=currency, cart_discount=cart_discount)
    paying = sum((p.amount for p in payments), Decimal(0))
    if paying > amounts.total:
        raise ValidationFailed(errors={"payments": [_("Payments exceed the total of %s.") % amounts.total]})

    try:
        with transaction.atomic():  # a concurrent attempt with this key waits here, then loses
            sale = Sale.objects.create(
                clinic=clinic,
                patient=patient,
                currency=currency,
                subtotal=amounts.subtotal,
                discount_total=amounts.discount_total,
                cart_discount=cart_discount,
                tax_total=amounts.tax_total,
                total=amounts.total,
                tax_inclusive=counters.tax_inclusive,
                idempotency_key=idempotency_key,
                request_fingerprint=fingerprint,
                created_by=actor,
            )
    except IntegrityError:
        existing = _sale_for_key(idempotency_key, fingerprint)
        if existing is None:
            raise
        return existing, False
    sale_lines = SaleLine.objects.bulk_create(
        [
            SaleLine(
                clinic=clinic,
                sale=sale,
                position=index,
                kind=line.kind,
                service=line.item if isinstance(line.item, Service) else None,
                product=line.item if isinstance(line.item, Product) else None,
                course=line.item if isinstance(line.item, Course) else None,
                description=line.item.name[:200],
                quantity=line.quantity,
                unit_price=line.item.price,
                line_discount=amount.line_discount,
                cart_discount_share=amount.cart_discount_share,
                net_amount=amount.net,
                tax_rate=_tax_rate(counters, line.kind),
                tax_amount=amount.tax,
                total=amount.total,
                currency=currency,
            )
            for index, (line, amount) in enumerate(zip(lines, amounts.lines, strict=True))
        ]
    )
    SaleLineCredit.objects.bulk_create(
        [
            SaleLineCredit(clinic=clinic, sale_line=row, practitioner=user, share=share)
            for line, row in zip(lines, sale_lines, strict=True)
            for user, share in line.credits
        ]
    )
    for line, row in zip(lines, sale_lines, strict=True):
        if isinstance(line.item, Course) and patient is not None:
            _balances_create(line=row, course=line.item, patient=patient, at=at)
    invoice = _invoice_for_sale(
        sale=sale,
        lines=sale_lines,
        draft=draft_invoice,
        actor=actor,
        at=at,
        due_days=counters.invoice_due_days,
    )
    # The row locks come last, so each is held only for the end of the transaction: the
    # lots sold from, then the clinic's document counters (gapless numbers).
    for index, (line, row) in enumerate(zip(lines, sale_lines, strict=True)):
        if isinstance(line.item, Product):
            try:
                stock_consume(
                    product=line.item,
                    quantity=line.quantity,
                    lot=line.lot,
                    patient=patient,
                    reference_type=SALE_LINE_REF,
                    reference_id=row.pk,
                    actor=actor,
                    kind=StockMovement.Kind.SALE,
                )
            except ValidationFailed as exc:
                renamed = {f"lines.{index}.{'lot_id' if k == 'lot' else k}": v for k, v in exc.errors.items()}
                raise ValidationFailed(errors=renamed) from exc
    sale.number, invoice.number = _numbers_take(counters)
    Sale.objects.filter(pk=sale.pk).update(number=sale.number)
    Invoice.objects.filter(pk=invoice.pk).update(number=invoice.number)
    ledger.journal_entry_post(
        clinic=clinic,
        description=f"Sale {sale.number}",
        currency=currency,
        reference_type="commerce.sale",
        reference_id=sale.pk,
        postings=[
            (ledger.ACCOUNTS_RECEIVABLE, sale.total, Decimal(0)),
            (ledger.TAX_PAYABLE, Decimal(0), sale.tax_total),
            *((_revenue_account(row), Decimal(0), row.net_amount) for row in sale_lines),
        ],
        posted_at=at,
    )
    written = [
        _payment_write(
            invoice=invoice,
            method=payment.method,
            amount=payment.amount,
            provider_reference=payment.provider_reference,
            idempotency_key=f"checkout:{idempotency_key}:{index}",
            actor=actor,
            at=at,
        )
        for index, payment in enumerate(payments)
    ]
    _invoice_refresh(invoice)
    if written and live:
        _receipt_schedule(invoice=invoice, payment=written[-1])
    if at != sale.created_at:
        Sale.objects.filter(pk=sale.pk).update(created_at=at)
        sale.created_at = at
    outbox_event_record(
        clinic_id=clinic.pk,
        type=SALE_COMPLETED,
        subject=f"sale/{sale.pk}",
        data=SaleCompletedEventDataSerializer(
            {
                "sale_id": sale.pk,
                "number": sale.number,
                "patient_id": patient.pk if patient else None,
                "total": sale.total,
                "currency": currency,
            }
        ).data,
    )
    sale_completed.send(sender=Sale, sale=sale)
    return sale, True


def _balances_create(*, line: SaleLine, course: Course, patient: ClinicPatient, at: dt.datetime) -> None:
    """One balance per course bought; the line's net is split across them (deferred)."""
    count = int(line.quantity)
    sessions = course.sessions_total
    shares = allocate(line.net_amount, [Decimal(1)] * count, line.currency)
    CourseBalance.objects.bulk_create(
        [
            CourseBalance(
                clinic=line.clinic,
                patient=patient,
                course=course,
                sale_line=line,
                sessions_total=sessions,
                sessions_remaining=sessions,
                expires_at=at + dt.timedelta(days=course.validity_days),
                currency=line.currency,
                deferred_total=share,
                deferred_remaining=share,
            )
            for share in shares
        ]
    )


def _invoice_for_sale(
    *,
    sale: Sale,
    lines: Sequence[SaleLine],
    draft: Invoice | None,
    actor: User,
    at: dt.datetime,
    due_days: int,
) -> Invoice:
    """The sale's invoice (the draft it checks out, or a new one), numbered later."""
    invoice = draft or Invoice(clinic=sale.clinic, created_by=actor, currency=sale.currency)
    if draft is not None:
        InvoiceItem.objects.filter(invoice=draft).delete()
    invoice.sale = sale
    invoice.patient = sale.patient
    invoice.status = InvoiceStatus.SENT
    invoice.subtotal, invoice.discount_total = sale.subtotal, sale.discount_total
    invoice.tax_total, invoice.total = sale.tax_total, sale.total
    invoice.paid_total = invoice.refunded_total = Decimal(0)
    invoice.balance_due = sale.total
    invoice.issued_at = at
    invoice.due_date = clinic_date(sale.clinic, at) + dt.timedelta(days=due_days)
    invoice.save()
    InvoiceItem.objects.bulk_create(
        [
            InvoiceItem(
                clinic=sale.clinic,
                invoice=invoice,
                position=row.position,
                sale_line=row,
                service=row.service,
                description=row.description,
                quantity=row.quantity,
                unit_price=row.unit_price,
                discount=row.line_discount + row.cart_discount_share,
                tax_amount=row.tax_amount,
                total=row.total,
            )
            for row in lines
        ]
    )
    return invoice


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
    payment = _payment_write(
        invoice=locked,
        method=method,
        amount=amount,
        provider_reference=provider_reference,
        idempotency_key=idempotency_key,
        actor=actor,
        at=at or timezone.now(),
    )
    _invoice_refresh(locked)
    if at is None:
        _receipt_schedule(invoice=locked, payment=payment)
    return payment


@transaction.atomic
def sale_refund(
    *,
    sale: Sale,
    actor: User,
    lines: Sequence[tuple[SaleLine, Decimal]],
    reason: str,
    method: str,
    idempotency_key: str,
    at: dt.datetime | None = None,
) -> Refund:
    """Give back ``(sale line, quantity)`` pairs of a sale, paid out by ``method``.

    The value of each portion follows ``commerce.pricing.line_portion``; the refund
    writes a negative payment, returns product stock to the lots it came from, closes
    the refunded course balances (which must be unused) and posts the reversing
    journal entry (revenue or deferred revenue and tax against the payment account).
    Idempotent by ``idempotency_key``. Sends ``sale_reversed`` (with the refund).
    Raises ``ValidationFailed``: ``lines`` (empty, another sale's line, more than was
    left), ``amount`` (more than was paid), ``method``, ``reason``; ``Conflict`` for a
    void sale or a used course balance."""
    at = at or timezone.now()
    existing = Refund.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        if existing.sale_id != sale.pk:
            raise Conflict(
                _("This idempotency key was used for another refund."), code="idempotency_key_reused"
            )
        return existing
    locked = Sale.objects.select_for_update().get(pk=sale.pk)
    if locked.status == Sale.Status.VOID:
        raise Conflict(_("A void sale cannot be refunded."), code="sale_void")
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Say why.")
    if method not in Payment.Method.values:
        errors["method"] = _("Unknown payment method.")
    if not lines:
        errors["lines"] = _("Name at least one line.")
    refunded_before = dict(
        RefundLine.objects.filter(sale_line__sale=locked)
        .values_list("sale_line_id")
        .annotate(q=Sum("quantity"))
        .values_list("sale_line_id", "q")
    )
    for index, (line, quantity) in enumerate(lines):
        left = line.quantity - refunded_before.get(line.pk, Decimal(0))
        if line.sale_id != locked.pk:
            errors[f"lines.{index}.sale_line_id"] = _("Not a line of this sale.")
        elif quantity <= 0 or quantity > left:
            errors[f"lines.{index}.quantity"] = _("Between 0 and %s (not yet refunded).") % left
    if errors:
        raise ValidationFailed(errors=errors)
    invoice = Invoice.objects.select_for_update().get(sale=locked)
    portions = []
    for line, quantity in lines:
        amount, tax = line_portion(
            total=line.total,
            tax=line.tax_amount,
            quantity=quantity,
            line_quantity=line.quantity,
            already=refunded_before.get(line.pk, Decimal(0)),
            currency=line.currency,
        )
        portions.append((line, quantity, amount, tax))
    total = sum((amount for _l, _q, amount, _t in portions), Decimal(0))
    if total > invoice.paid_total:
        raise ValidationFailed(errors={"amount": [_("Only %s was paid.") % invoice.paid_total]})
    refund = Refund.objects.create(
        clinic=locked.clinic,
        sale=locked,
        amount=total,
        reason=reason.strip(),
        created_by=actor,
        idempotency_key=idempotency_key,
    )
    RefundLine.objects.bulk_create(
        [
            RefundLine(
                clinic=locked.clinic,
                refund=refund,
                sale_line=line,
                quantity=quantity,
                amount=amount,
                net_amount=amount - tax,
                tax_amount=tax,
            )
            for line, quantity, amount, tax in portions
        ]
    )
    for line, quantity, _amount, _tax in portions:
        _line_goods_back(line=line, quantity=quantity, actor=actor, status="refunded")
    _payment_write(
        invoice=invoice,
        method=method,
        amount=-total,
        provider_reference="",
        idempotency_key=f"refund:{idempotency_key}",
        actor=actor,
        at=at,
        refund=refund,
    )
    ledger.journal_entry_post(
        clinic=locked.clinic,
        description=f"Refund on {locked.number}",
        currency=locked.currency,
        reference_type="commerce.refund",
        reference_id=refund.pk,
        postings=[
            (ledger.PAYMENT_ACCOUNTS[method], Decimal(0), total),
            *((_revenue_account(line), amount - tax, Decimal(0)) for line, _q, amount, tax in portions),
            *((ledger.TAX_PAYABLE, tax, Decimal(0)) for _l, _q, _a, tax in portions),
        ],
        posted_at=at,
    )
    invoice.refunded_total += total
    _invoice_refresh(invoice)
    everything = (
        RefundLine.objects.filter(sale_line__sale=locked).aggregate(q=Sum("quantity"))["q"] or Decimal(0)
    ) >= sum((row.quantity for row in locked.lines.all()), Decimal(0))
    locked.status = Sale.Status.REFUNDED if everything else Sale.Status.PARTIALLY_REFUNDED
    locked.save(update_fields=["status", "updated_at"])
    sale_reversed.send(sender=Sale, sale=locked, refund=refund)
    return refund


def _line_goods_back(*, line: SaleLine, quantity: Decimal, actor: User, status: str) -> None:
    """Put back what ``quantity`` of a line delivered: product stock to its lots (latest
    first), or ``quantity`` unused course balances (closed with ``status``)."""
    if line.kind == SaleLine.Kind.PRODUCT:
        left = quantity
        taken = StockMovement.objects.filter(
            reference_type=SALE_LINE_REF, reference_id=line.pk, kind=StockMovement.Kind.SALE
        ).select_related("lot", "lot__product", "lot__clinic", "patient")
        for movement in taken.order_by("-created_at"):
            returned = StockMovement.objects.filter(
                lot=movement.lot,
                kind=StockMovement.Kind.RETURN,
                reference_type="commerce.sale_line_return",
                reference_id=line.pk,
            ).aggregate(s=Sum("quantity"))["s"] or Decimal(0)
            room = -movement.quantity - returned
            back = min(room, left)
            if back > 0:
                stock_return(
                    movement=movement,
                    quantity=back,
                    actor=actor,
                    reference_type="commerce.sale_line_return",
                    reference_id=line.pk,
                )
                left -= back
            if not left:
                break
    elif line.kind == SaleLine.Kind.COURSE:
        balances = list(
            CourseBalance.objects.select_for_update()
            .filter(sale_line=line, status=CourseBalance.Status.ACTIVE)
            .order_by("created_at")
        )
        unused = [b for b in balances if b.sessions_remaining == b.sessions_total]
        if len(unused) < quantity:
            raise Conflict(_("A course already used cannot be given back."), code="course_balance_used")
        for balance in unused[: int(quantity)]:
            CourseBalance.objects.filter(pk=balance.pk).update(
                status=status, sessions_remaining=0, deferred_remaining=Decimal(0), updated_at=timezone.now()
            )


@transaction.atomic
def sale_void(*, sale: Sale, actor: User, reason: str) -> Sale:
    """Cancel a sale nothing was paid for (a mistaken checkout): the invoice becomes
    ``void``, stock goes back, course balances (unused) are voided and the sale's journal
    entry is reversed. Sends ``sale_reversed`` with ``refund=None``. Raises
    ``ValidationFailed`` (``reason``) and ``Conflict`` when money was received (refund
    it instead), the sale was refunded or already void, or a course was used."""
    if not reason.strip():
        raise ValidationFailed(errors={"reason": [_("Say why.")]})
    locked = Sale.objects.select_for_update().get(pk=sale.pk)
    invoice = Invoice.objects.select_for_update().get(sale=locked)
    if locked.status != Sale.Status.COMPLETED:
        raise Conflict(_("Only a completed sale can be voided."), code="sale_not_voidable")
    if Payment.objects.filter(invoice=invoice, status=Payment.Status.SUCCEEDED).exists():
        raise Conflict(_("Money was received for this sale: refund it instead."), code="sale_has_payments")
    for line in locked.lines.select_related("product", "course", "service"):
        _line_goods_back(line=line, quantity=line.quantity, actor=actor, status="void")
    entry = JournalEntry.objects.prefetch_related("lines").get(
        reference_type="commerce.sale", reference_id=locked.pk
    )
    ledger.journal_entry_post(
        clinic=locked.clinic,
        description=f"Void of {locked.number}: {reason.strip()}",
        currency=locked.currency,
        reference_type="commerce.sale_void",
        reference_id=locked.pk,
        postings=[(row.account, row.credit, row.debit) for row in entry.lines.all()],
    )
    invoice.status = InvoiceStatus.VOID
    invoice.refunded_total = invoice.total
    _invoice_refresh(invoice)
    locked.status = Sale.Status.VOID
    locked.voided_at = timezone.now()
    locked.save(update_fields=["status", "voided_at", "updated_at"])
    sale_reversed.send(sender=Sale, sale=locked, refund=None)
    return locked


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
        changed += pending.filter(clinic=clinic, due_date__lt=clinic_today(clinic)).update(
            status=InvoiceStatus.OVERDUE, updated_at=timezone.now()
        )
    return changed


# What stays of free text a data-subject erasure removes from a financial record.
ERASED_TEXT = "[erased]"


@transaction.atomic
def patient_free_text_erase(*, patients: Sequence[ClinicPatient]) -> int:
    """Replace the free text staff wrote on the financial records of ``patients`` (one
    person's charts at the clinics of one organization) with ``ERASED_TEXT``: refund
    reasons of their sales and the reasons of stock movements naming them. The records
    themselves (amounts, dates, lines) are kept, as tax and accounting law require; what
    staff wrote freely may name the person or their condition. Returns how many rows
    changed. Used by a data-subject erasure (LGPD Art. 18 VI; PDPA s33); crosses clinics
    deliberately, limited to the given charts."""
    refunds = Refund.unscoped.filter(sale__patient__in=patients).exclude(reason=ERASED_TEXT)
    movements = StockMovement.unscoped.filter(patient__in=patients).exclude(reason="")
    return int(refunds.update(reason=ERASED_TEXT, updated_at=timezone.now())) + int(
        movements.update(reason="", updated_at=timezone.now())
    )
