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
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.services import AuditInput, audit_event_record, audit_events_record
from catalog.models import Product, Service
from commerce import ledger
from commerce.events import INVOICE_DRAFTED, InvoiceDraftedEventDataSerializer
from commerce.models import CourseBalance, CourseRedemption, Invoice, InvoiceItem, Payment, Refund
from commerce.payment_methods import method_refusal
from commerce.pricing import LineInput, PricingError, money_format, price_cart
from commerce.services.shared import InvoiceStatus, settings_for
from core.exceptions import Conflict, ValidationFailed
from notifications.services import notification_schedule
from outbox.services import outbox_event_record

if TYPE_CHECKING:
    from accounts.models import User
    from commerce.services.sales import PaymentInput
    from patients.models import ClinicPatient


# What a receipt notification and a payment's audit event are about (``subject_type`` /
# ``object_type``; the id is the payment's).
PAYMENT_SUBJECT = "commerce.Payment"


def invoice_refresh(invoice: Invoice) -> None:
    """Recompute paid total, balance and status from the payments (invoice row locked)."""
    paid = Payment.objects.filter(invoice=invoice, status=Payment.Status.SUCCEEDED).aggregate(
        s=Sum("amount")
    )["s"]
    invoice_totals_set(invoice, paid=paid or Decimal(0))
    invoice.save(update_fields=["paid_total", "refunded_total", "balance_due", "status", "updated_at"])


def invoice_totals_set(invoice: Invoice, *, paid: Decimal) -> None:
    """Set (in memory) the invoice's paid total to ``paid`` (the sum of its succeeded
    payments), its balance and its status, as ``invoice_refresh`` does; the caller saves."""
    invoice.paid_total = paid
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


def payment_write(
    *,
    invoice: Invoice,
    method: str,
    amount: Decimal,
    provider_reference: str,
    idempotency_key: str,
    actor: User | None,
    at: dt.datetime,
    refund: Refund | None = None,
    journal: bool = True,
) -> Payment:
    """Write one succeeded payment of ``invoice`` (``amount`` in the invoice's currency)
    received at ``at`` (UTC), and for a payment in (no ``refund``) its journal entry
    (payment account debited, receivables credited); a refund's payment is journaled by
    the refund. Used by checkout, ``payment_record`` and refunds inside their
    transaction; the caller refreshes the invoice's totals (``invoice_refresh``). With
    ``journal=False`` the caller posts ``payment_entry`` itself (checkout, in its batch).
    ``actor`` ``None``: no staff member (a deposit the patient paid online, given back)."""
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
    if refund is None and journal:
        payment_journal_post(invoice=invoice, payment=payment, at=at)
    return payment


def payment_audit(*, payment: Payment, actor: User | None) -> None:
    """The audit event ``payment.recorded`` of a payment the till took (checkout,
    ``payment_record``, collecting an invoice, taking a deposit): invoice, method,
    amount, currency and status (``succeeded``, or ``pending`` for a card charge still
    with the provider, whose outcome is ``payment.settled``). No card data: the trail
    never holds any. A refund's negative payment is part of ``sale.refunded`` instead."""
    audit_events_record(clinic=payment.clinic, events=[payment_audit_input(payment=payment, actor=actor)])


def payment_audit_input(*, payment: Payment, actor: User | None) -> AuditInput:
    """The ``payment.recorded`` event of ``payment_audit``, for a caller that records it
    with others (``audit_events_record``)."""
    return AuditInput(
        actor=actor,
        action="payment.recorded",
        object_type=PAYMENT_SUBJECT,
        object_id=payment.pk,
        changes={
            "invoice_id": [None, payment.invoice_id],
            "method": [None, payment.method],
            "amount": [None, payment.amount],
            "currency": [None, payment.currency],
            "status": [None, payment.status],
        },
    )


def payment_journal_post(*, invoice: Invoice, payment: Payment, at: dt.datetime) -> None:
    """The journal entry of money received (``payment_entry``), posted."""
    ledger.journal_entries_post([payment_entry(invoice=invoice, payment=payment, at=at)])


def payment_entry(*, invoice: Invoice, payment: Payment, at: dt.datetime) -> ledger.EntryInput:
    """The journal entry of money received: the method's account debited, receivables
    credited, ``payment.amount`` in the invoice's currency, posted at ``at`` (UTC)."""
    return ledger.EntryInput(
        clinic=invoice.clinic,
        description=f"Payment {payment.method} for {invoice.number}",
        currency=invoice.currency,
        reference_type="commerce.payment",
        reference_id=payment.pk,
        postings=[
            (ledger.PAYMENT_ACCOUNTS[payment.method], payment.amount, Decimal(0)),
            (ledger.ACCOUNTS_RECEIVABLE, Decimal(0), payment.amount),
        ],
        posted_at=at,
    )


def _payments_text(payments: Sequence[Payment], currency: str, language: str) -> str:
    """``"Cash ฿500.00, Card ฿300.00"``: each payment's method (in ``language``) and
    amount, in the order received."""
    with translation.override(language):
        parts = [
            f"{Payment.Method(p.method).label} {money_format(p.amount, currency, language)}" for p in payments
        ]
        separator = "، " if language.lower().startswith("ar") else ", "
    return separator.join(parts)


def receipt_schedule(*, invoice: Invoice, payments: Sequence[Payment], payments_new: bool = False) -> None:
    """One receipt naming every payment taken together (a checkout, or a collection of
    an open invoice in several methods): their total (``amount``), each method and
    amount (``payments``) and the balance left. By e-mail when the patient prefers it
    and has an address, else by SMS to their phone; nothing without payments, a
    patient or a contact. Sent by the notifications module after commit, once per
    batch (dedupe key and subject: the batch's first payment). ``payments_new``: the
    payments were written in this transaction, so no receipt of them can exist yet (one
    insert, no lookup: ``notification_schedule``'s ``dedupe_key_new``)."""
    if not payments or invoice.patient_id is None:
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
    received = sum((p.amount for p in payments), Decimal(0))
    first = payments[0]
    notification_schedule(
        clinic=clinic,
        channel=channel,
        recipient=recipient,
        template="payment.receipt",
        language=language,
        payload={
            "clinic_name": clinic.name,
            "invoice_number": invoice.number,
            "amount": money_format(received, invoice.currency, language),
            "payments": _payments_text(payments, invoice.currency, language),
            "balance_due": money_format(invoice.balance_due, invoice.currency, language),
        },
        scheduled_for=timezone.now(),
        dedupe_key=f"receipt:{first.pk}",
        subject_type=PAYMENT_SUBJECT,
        subject_id=str(first.pk),
        patient_id=invoice.patient_id,
        dedupe_key_new=payments_new,
    )


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
    """Record a payment (see ``_payment_record_write``, one transaction); a card payment
    written ``pending`` is then sent to the provider outside it
    (``card_payments.card_charges_send``), and comes back ``pending`` (until the
    webhook), or ``failed``."""
    from commerce.services.card_payments import card_charges_send  # which imports this module

    payment = _payment_record_write(
        invoice=invoice,
        actor=actor,
        method=method,
        amount=amount,
        currency=currency,
        idempotency_key=idempotency_key,
        provider_reference=provider_reference,
        at=at,
    )
    return card_charges_send([payment])[0]


@transaction.atomic
def _payment_record_write(
    *,
    invoice: Invoice,
    actor: User,
    method: str,
    amount: Decimal,
    currency: str,
    idempotency_key: str,
    provider_reference: str,
    at: dt.datetime | None,
) -> Payment:
    """Record a payment (``amount`` > 0 in ``currency``) against an issued invoice and
    send the receipt (``at`` backdates an imported payment, which gets none); audited
    as ``payment.recorded`` (``payment_audit``).
    Idempotent by ``idempotency_key`` (the same key returns the first payment; with
    another invoice or amount it is a ``Conflict``). Raises ``ValidationFailed``:
    ``currency`` (not the invoice's), ``amount`` (not positive or more than the balance
    due less pending card charges), ``method`` (unknown, or not one the clinic accepts);
    ``Conflict`` for a draft or void invoice. A card payment through an asynchronous
    provider is written ``pending`` (``card_payments.card_charge_pending_write``), not
    yet sent."""
    existing = Payment.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        if existing.invoice_id != invoice.pk or existing.amount != amount:
            raise Conflict(
                _("This idempotency key was used for another payment."), code="idempotency_key_reused"
            )
        return existing
    if currency != invoice.currency:
        raise ValidationFailed(errors={"currency": [_("This invoice is in %s.") % invoice.currency]})
    refusal = method_refusal(
        country=invoice.clinic.country, chosen=settings_for(invoice.clinic).payment_methods, method=method
    )
    if refusal is not None:
        raise ValidationFailed(errors={"method": [refusal]})
    locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
    if locked.status in (InvoiceStatus.DRAFT, InvoiceStatus.VOID):
        raise Conflict(
            _("A %s invoice takes no payments.") % locked.get_status_display(), code="invoice_not_open"
        )
    from commerce.services.card_payments import card_charge_pending_write, payments_pending_total

    payable = locked.balance_due - payments_pending_total(locked)  # a pending card charge holds its part
    if amount <= 0 or amount > payable:
        raise ValidationFailed(errors={"amount": [_("Between 0 and the balance due (%s).") % payable]})
    payment = None
    if method == Payment.Method.CARD and at is None:
        # Pending: sent after the commit (commerce.services.card_payments).
        payment = card_charge_pending_write(
            invoice=locked, amount=amount, idempotency_key=idempotency_key, actor=actor
        )
    if payment is None:
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
            receipt_schedule(invoice=locked, payments=[payment])
    payment_audit(payment=payment, actor=actor)
    return payment


OPEN_STATUSES = (InvoiceStatus.SENT, InvoiceStatus.PARTIALLY_PAID, InvoiceStatus.OVERDUE)


def invoice_payments_record(
    *,
    invoice: Invoice,
    actor: User,
    payments: Sequence[PaymentInput],
    currency: str,
    idempotency_key: str,
    leave_balance: bool = False,
) -> list[Payment]:
    """Collect an open invoice (see ``_invoice_payments_write``, one transaction); card
    payments written ``pending`` are then sent to the provider outside it
    (``card_payments.card_charges_send``)."""
    from commerce.services.card_payments import card_charges_send  # which imports this module

    written = _invoice_payments_write(
        invoice=invoice,
        actor=actor,
        payments=payments,
        currency=currency,
        idempotency_key=idempotency_key,
        leave_balance=leave_balance,
    )
    return card_charges_send(written)


@transaction.atomic
def _invoice_payments_write(
    *,
    invoice: Invoice,
    actor: User,
    payments: Sequence[PaymentInput],
    currency: str,
    idempotency_key: str,
    leave_balance: bool,
) -> list[Payment]:
    """Collect an open invoice (sent, partially paid or overdue) in one or several
    methods at once, all or nothing, and send one receipt naming them all.

    ``payments`` are ``(method, amount > 0, provider_reference)`` in ``currency``; their
    sum may not exceed the balance due (change for cash given is the till's business:
    only what stays is recorded) and may be less only with ``leave_balance`` (a partial
    payment is a choice, never an accident). Idempotent by ``idempotency_key``: the
    payments are keyed ``collect:<key>:<index>``; the same key again returns the first
    payments, with other payments or another invoice it is a ``Conflict``. Returns the
    payments written, in order (a card payment through the provider may be ``pending``:
    ``card_payments.payment_take``; pending charges hold their part of the balance, and
    the receipt names the payments received). Raises ``ValidationFailed``: ``currency``,
    ``payments`` (none), ``payments.<i>.method``, ``payments.<i>.amount`` (not positive,
    or past the balance due), ``leave_balance`` (less than the balance without it);
    ``Conflict`` (``invoice_not_open``) for a draft, paid or void invoice."""
    keys = [f"collect:{idempotency_key}:{index}" for index in range(len(payments))]
    # Retries wait for the first attempt here, then find its payments.
    locked = (
        Invoice.objects.select_for_update(of=("self",))
        .select_related("clinic", "patient__profile")
        .get(pk=invoice.pk)
    )
    earlier = _collect_earlier(invoice=locked, payments=payments, keys=keys)
    if earlier is not None:
        return earlier
    _collect_check(invoice=locked, payments=payments, currency=currency, leave_balance=leave_balance)
    from commerce.services.card_payments import payment_take  # which imports this module

    now = timezone.now()
    written = [
        payment_take(  # a card payment through the provider, maybe pending
            invoice=locked,
            method=row.method,
            amount=row.amount,
            provider_reference=row.provider_reference,
            idempotency_key=key,
            actor=actor,
            at=now,
            live=True,
        )
        for key, row in zip(keys, payments, strict=True)
    ]
    invoice_refresh(locked)
    received = [payment for payment in written if payment.status == Payment.Status.SUCCEEDED]
    if received:
        receipt_schedule(invoice=locked, payments=received)
    return written


def _collect_earlier(
    *, invoice: Invoice, payments: Sequence[PaymentInput], keys: list[str]
) -> list[Payment] | None:
    """The payments an earlier call with these ``keys`` wrote (a retry), ``None`` when
    there was none; ``Conflict`` when the key wrote other payments."""
    # The key one past the last: a retry with fewer rows than the first is not the same.
    beyond = keys[0].rsplit(":", 1)[0] + f":{len(keys)}" if keys else ""
    earlier = {p.idempotency_key: p for p in Payment.objects.filter(idempotency_key__in=[*keys, beyond])}
    if not earlier:
        return None
    same = len(earlier) == len(payments) and all(
        (row := earlier.get(key)) is not None
        and row.invoice_id == invoice.pk
        and row.method == wanted.method
        and row.amount == wanted.amount
        for key, wanted in zip(keys, payments, strict=True)
    )
    if not same:
        raise Conflict(_("This idempotency key was used for other payments."), code="idempotency_key_reused")
    return [earlier[key] for key in keys]


def _payment_rows_errors(*, invoice: Invoice, payments: Sequence[PaymentInput]) -> dict[str, list[str]]:
    """Per row: a method the clinic takes (``payment_methods.method_refusal``), an amount > 0."""
    errors: dict[str, list[str]] = {}
    chosen = settings_for(invoice.clinic).payment_methods
    for index, row in enumerate(payments):
        refusal = method_refusal(country=invoice.clinic.country, chosen=chosen, method=row.method)
        if refusal is not None:
            errors[f"payments.{index}.method"] = [refusal]
        if row.amount <= 0:
            errors[f"payments.{index}.amount"] = [_("Must be greater than zero.")]
    return errors


def _collect_check(
    *, invoice: Invoice, payments: Sequence[PaymentInput], currency: str, leave_balance: bool
) -> None:
    """The refusals of ``invoice_payments_record`` for the (locked) invoice."""
    errors: dict[str, list[str]] = {}
    if currency != invoice.currency:
        errors["currency"] = [_("This invoice is in %s.") % invoice.currency]
    if not payments:
        errors["payments"] = [_("Name at least one payment.")]
    errors |= _payment_rows_errors(invoice=invoice, payments=payments)
    if errors:
        raise ValidationFailed(errors=errors)
    if invoice.status not in OPEN_STATUSES:
        raise Conflict(
            _("A %s invoice takes no payments.") % invoice.get_status_display(), code="invoice_not_open"
        )
    from commerce.services.card_payments import payments_pending_total  # which imports this module

    language = translation.get_language() or invoice.clinic.locale
    # A pending card charge holds its part of the balance until the provider answers.
    due, running = invoice.balance_due - payments_pending_total(invoice), Decimal(0)
    for index, row in enumerate(payments):
        if running + row.amount > due:
            left = money_format(max(due - running, Decimal(0)), invoice.currency, language)
            raise ValidationFailed(errors={f"payments.{index}.amount": [_("Only %s remains to pay.") % left]})
        running += row.amount
    if running < due and not leave_balance:
        left = money_format(due - running, invoice.currency, language)
        raise ValidationFailed(
            errors={
                "leave_balance": [_("%s would remain due: confirm leaving a balance, or pay it all.") % left]
            }
        )


@transaction.atomic
def invoice_draft_from_services(
    *,
    patient: ClinicPatient,
    items: Sequence[tuple[Service, Decimal, User | None]],
    reference_type: str,
    reference_id: uuid.UUID,
    actor: User,
    redemptions: Sequence[CourseRedemption | None] = (),
    sessions: Sequence[uuid.UUID | None] = (),
    products: Sequence[tuple[Product, Decimal, User | None]] = (),
    appointment_id: uuid.UUID | None = None,
) -> Invoice:
    """A draft invoice of the services performed at a visit: ``(service, quantity,
    practitioner)`` priced from the catalog with the clinic's service tax (no
    discounts), then the billable products used at it: ``(product, quantity in its
    unit, practitioner)`` at the product's price with the clinic's product tax (their
    stock was taken when they were used, so checking the draft out takes none).
    ``redemptions``, aligned with ``items`` when given, names the course redemption that
    paid a line: that line is priced at zero and says so ("… · course session: <course>");
    ``sessions``, aligned likewise, the treatment session each line bills (kept on the
    line, so a course session redeemed for it at the till names it).
    Idempotent per ``reference_type``/``reference_id`` (e.g. ``"emr.visit"``, its id):
    a second call returns the first invoice. Records ``com.aesthetix.invoice.drafted``
    so the till's *To collect* queue shows it live; the cashier checks it out at the POS
    (``sale_checkout(draft_invoice=…)``). ``appointment_id``: the booked appointment
    of the visit; its paid deposit is applied to the draft (``deposits.deposit_apply``:
    a "Deposit applied" payment, so the balance to collect is reduced). Raises
    ``ValidationFailed`` (``items``; ``products`` for a product not in the clinic's
    currency)."""
    clinic = patient.clinic
    existing = Invoice.objects.filter(reference_type=reference_type, reference_id=reference_id).first()
    if existing is not None:
        return existing
    if not items:
        raise ValidationFailed(errors={"items": [_("At least one service.")]})
    if any(service.currency != clinic.currency for service, _q, _p in items):
        raise ValidationFailed(errors={"items": [_("Services must be priced in the clinic currency.")]})
    if any(product.currency != clinic.currency for product, _q, _p in products):
        raise ValidationFailed(errors={"products": [_("Products must be priced in the clinic currency.")]})
    paid_by = list(redemptions) or [None] * len(items)
    billed: list[uuid.UUID | None] = list(sessions) or [None] * len(items)
    if len(paid_by) != len(items) or len(billed) != len(items):
        raise ValidationFailed(errors={"items": [_("One redemption (or none) per service.")]})
    counters = settings_for(clinic)
    # (item, quantity, practitioner, unit price, tax rate, redemption) per printed line.
    rows: list[tuple[Service | Product, Decimal, User | None, Decimal, Decimal, CourseRedemption | None]] = [
        (
            service,
            quantity,
            practitioner,
            Decimal(0) if redemption is not None else service.price,
            counters.service_tax_rate,
            redemption,
        )
        for (service, quantity, practitioner), redemption in zip(items, paid_by, strict=True)
    ]
    rows += [
        (product, quantity, practitioner, product.price, counters.product_tax_rate, None)
        for product, quantity, practitioner in products
    ]
    try:
        amounts = price_cart(
            [
                LineInput(unit_price=price, quantity=quantity, tax_rate=rate)
                for _i, quantity, _p, price, rate, _r in rows
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
                service=item if isinstance(item, Service) else None,
                product=item if isinstance(item, Product) else None,
                practitioner=practitioner,
                description=(
                    _redeemed_description(item, redemption, clinic.locale)
                    if isinstance(item, Service)
                    else item.name[:200]
                ),
                quantity=quantity,
                unit_price=price,
                tax_amount=amount.tax,
                total=amount.total,
                course_redemption=redemption,
                treatment_session_id=billed[index] if index < len(billed) else None,
            )
            for index, ((item, quantity, practitioner, price, _rate, redemption), amount) in enumerate(
                zip(rows, amounts.lines, strict=True)
            )
        ]
    )
    outbox_event_record(
        clinic_id=clinic.pk,
        type=INVOICE_DRAFTED,
        subject=f"invoice/{invoice.pk}",
        data=InvoiceDraftedEventDataSerializer(
            {
                "invoice_id": invoice.pk,
                "patient_id": patient.pk,
                "total": invoice.total,
                "currency": invoice.currency,
                "reference_type": reference_type,
                "reference_id": reference_id,
            }
        ).data,
    )
    if appointment_id is not None:
        from commerce.services.deposits import deposit_apply  # which imports this module

        deposit_apply(invoice=invoice, appointment_id=appointment_id, actor=actor)
    return invoice


# The reference a course redemption for a visit's line names: the treatment session it
# billed, or (a line that names none) the invoice line itself.
SESSION_REFERENCE = "emr.treatment_session"
INVOICE_ITEM_REFERENCE = "commerce.invoice_item"


@transaction.atomic
def invoice_item_course_redeem(
    *, item: InvoiceItem, balance: CourseBalance, actor: User, practitioner: User | None = None
) -> CourseRedemption:
    """Pay a treatment line of a visit's draft invoice (waiting in *To collect*) with one
    session of the patient's prepaid course ``balance`` (``courses.course_balance_redeem``,
    for the line's service, given by ``practitioner``, default the line's). The
    redemption names what it paid: the treatment session the line bills (reference
    ``emr.treatment_session``, its id), or the line itself (``commerce.invoice_item``)
    when it bills none. The line is priced at zero and names the course, and the draft is
    priced again (``_draft_reprice``); when a deposit applied to it now pays more than its
    total, the excess is given back (``deposits.deposit_excess_return``). Idempotent: a
    line a course already paid returns its redemption. Raises ``ValidationFailed``
    (``invoice_item_id``: not a treatment line of a draft of the balance's patient;
    ``service_id``: the line's treatment is not in the course), ``Conflict``
    (``course_balance_unavailable``). Audited as ``invoice.course_session_applied``."""
    from commerce.services.courses import course_balance_redeem
    from commerce.services.deposits import deposit_excess_return  # which imports this module

    invoice = Invoice.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=item.invoice_id)
    line = (
        InvoiceItem.objects.select_for_update(of=("self",))
        .select_related("service", "practitioner")
        .get(pk=item.pk)
    )
    if line.course_redemption_id is not None:
        return CourseRedemption.objects.select_related("balance__course").get(pk=line.course_redemption_id)
    if (
        invoice.status != InvoiceStatus.DRAFT
        or line.service is None
        or invoice.patient_id != balance.patient_id
    ):
        raise ValidationFailed(
            errors={"invoice_item_id": [_("Choose a treatment of this patient's visit waiting at the till.")]}
        )
    session = line.treatment_session_id
    redemption = course_balance_redeem(
        balance=balance,
        reference_type=SESSION_REFERENCE if session is not None else INVOICE_ITEM_REFERENCE,
        reference_id=session if session is not None else line.pk,
        actor=actor,
        service=line.service,
        practitioner=practitioner or line.practitioner,
    )
    line.unit_price, line.course_redemption = Decimal(0), redemption
    line.description = _redeemed_description(line.service, redemption, invoice.clinic.locale)
    line.save(update_fields=["unit_price", "course_redemption", "description", "updated_at"])
    _draft_reprice(invoice)
    deposit_excess_return(invoice=invoice, actor=actor)
    audit_event_record(
        clinic=invoice.clinic,
        actor=actor,
        action="invoice.course_session_applied",
        object_type="commerce.Invoice",
        object_id=invoice.pk,
        changes={
            "invoice_item_id": [None, str(line.pk)],
            "course_redemption_id": [None, str(redemption.pk)],
            "treatment_session_id": [None, str(session) if session else None],
            "total": [None, str(invoice.total)],
        },
    )
    return redemption


def _draft_reprice(invoice: Invoice) -> None:
    """Price the (locked) draft's lines again at their unit prices with the clinic's
    taxes (service or product rate), and its totals and balance with them."""
    counters = settings_for(invoice.clinic)
    items = list(InvoiceItem.objects.filter(invoice=invoice).order_by("position"))
    amounts = price_cart(
        [
            LineInput(
                unit_price=row.unit_price,
                quantity=row.quantity,
                tax_rate=counters.product_tax_rate if row.product_id else counters.service_tax_rate,
            )
            for row in items
        ],
        currency=invoice.currency,
        tax_inclusive=counters.tax_inclusive,
    )
    for row, amount in zip(items, amounts.lines, strict=True):
        row.tax_amount, row.total = amount.tax, amount.total
    InvoiceItem.objects.bulk_update(items, ["tax_amount", "total"])
    invoice.subtotal, invoice.tax_total, invoice.total = amounts.subtotal, amounts.tax_total, amounts.total
    invoice.balance_due = invoice.total - invoice.refunded_total - invoice.paid_total
    invoice.save(update_fields=["subtotal", "tax_total", "total", "balance_due", "updated_at"])


def _redeemed_description(service: Service, redemption: CourseRedemption | None, locale: str) -> str:
    """The printed line in the clinic's language: the service, and the course that paid
    it if one did."""
    if redemption is None:
        return service.name[:200]
    with translation.override(locale):
        label = _("%(service)s · course session: %(course)s") % {
            "service": service.name,
            "course": redemption.balance.course.name,
        }
    return label[:200]


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
