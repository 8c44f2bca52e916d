"""Appointment deposits: taken when a treatment that asks for one is booked, held as
customer deposits (a liability) until the visit's invoice is drafted (applied: the
draft shows a "Deposit applied" payment), or the appointment ends without a visit
(refunded, or forfeited as a no-show fee).

Journal entries (all through ``commerce.ledger.journal_entry_post``):

- taken: the deposit invoice is issued (receivables debited, customer deposits
  credited) and paid through ``payment_record`` (payment account debited, receivables
  credited), so the money sits in customer deposits;
- applied: a ``deposit`` payment on the visit's draft (customer deposits debited,
  receivables credited), collected at checkout with the rest;
- refunded: a negative payment on the deposit invoice (receivables debited, payment
  account credited) and customer deposits debited against receivables;
- forfeited: customer deposits debited, ``revenue:no_show_fee`` credited with the fee
  net of the tax inside it and ``tax_payable`` with that tax (``no_show_fee_tax``).

Commerce does not know appointments: callers pass the appointment's id, patient and
service (the EMR, which sits above scheduling and commerce, bridges them).
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import F, Sum
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from catalog.models import Service
from commerce import ledger
from commerce.models import CommerceSettings, Deposit, Invoice, InvoiceItem, Payment
from commerce.payment_methods import method_refusal
from commerce.pricing import round_money
from commerce.services.card_payments import payment_take
from commerce.services.invoices import invoice_refresh, payment_audit, payment_write, receipt_schedule
from commerce.services.shared import InvoiceStatus, settings_for
from core.exceptions import Conflict, ValidationFailed

if TYPE_CHECKING:
    from accounts.models import Clinic, User
    from patients.models import ClinicPatient

DEPOSIT_REFERENCE = "commerce.deposit"


def _invoice_number_take(row: CommerceSettings) -> str:
    """The clinic's next invoice number, taken under the settings row's lock (held
    until the transaction ends, so numbers stay gapless)."""
    number = (
        CommerceSettings.unscoped.select_for_update()
        .filter(pk=row.pk)
        .values_list("next_invoice_number", flat=True)[0]
    )
    CommerceSettings.unscoped.filter(pk=row.pk).update(next_invoice_number=F("next_invoice_number") + 1)
    return f"INV-{number:06d}"


def _audit(deposit: Deposit, actor: User | None, action: str, **changes: object) -> None:
    audit_event_record(
        clinic=deposit.clinic,
        actor=actor,
        action=action,
        object_type="commerce.Deposit",
        object_id=deposit.pk,
        changes={"appointment_id": [None, str(deposit.appointment_id)], **changes},
    )


def _deposit_open(
    *,
    appointment_id: uuid.UUID,
    patient: ClinicPatient,
    service: Service,
    actor: User | None,
    row: CommerceSettings,
) -> Deposit:
    """The appointment's deposit row (locked), created with its issued deposit invoice
    (one line, the amount the service asks for) and the issue's journal entry."""
    existing = Deposit.objects.select_for_update().filter(appointment_id=appointment_id).first()
    if existing is not None:
        return existing
    clinic = patient.clinic
    amount = service.deposit_amount
    now = timezone.now()
    invoice = Invoice.objects.create(
        clinic=clinic,
        patient=patient,
        status=InvoiceStatus.SENT,
        currency=clinic.currency,
        subtotal=amount,
        total=amount,
        balance_due=amount,
        issued_at=now,
        due_date=clinic.date_at(now),
        number=_invoice_number_take(row),
        created_by=actor,
    )
    deposit = Deposit.objects.create(
        clinic=clinic,
        appointment_id=appointment_id,
        patient=patient,
        service=service,
        amount=amount,
        currency=clinic.currency,
        invoice=invoice,
        created_by=actor,
    )
    Invoice.objects.filter(pk=invoice.pk).update(reference_type=DEPOSIT_REFERENCE, reference_id=deposit.pk)
    with translation.override(clinic.locale):
        description = _("Deposit: %(service)s") % {"service": service.name}
    InvoiceItem.objects.create(
        clinic=clinic,
        invoice=invoice,
        position=0,
        service=service,
        description=description[:200],
        quantity=Decimal(1),
        unit_price=amount,
        total=amount,
    )
    ledger.journal_entry_post(
        clinic=clinic,
        description=f"Deposit invoice {invoice.number}",
        currency=clinic.currency,
        reference_type=DEPOSIT_REFERENCE,
        reference_id=deposit.pk,
        postings=[
            (ledger.ACCOUNTS_RECEIVABLE, amount, Decimal(0)),
            (ledger.CUSTOMER_DEPOSITS, Decimal(0), amount),
        ],
        posted_at=now,
    )
    return deposit


@transaction.atomic
def deposit_take(
    *,
    appointment_id: uuid.UUID,
    patient: ClinicPatient,
    service: Service,
    actor: User,
    method: str,
    idempotency_key: str,
) -> Deposit:
    """Take the whole deposit ``service`` asks for (``Service.deposit_amount``) for the
    appointment ``appointment_id`` of ``patient``, by ``method``, on a deposit invoice
    (as ``payment_record`` does: card through the provider, maybe pending; a receipt
    for money received). The caller checks that the
    appointment is booked or confirmed. Idempotent by ``idempotency_key`` (the same key
    returns the deposit; used for another payment it is a ``Conflict``). Raises
    ``ValidationFailed`` naming ``method`` (unknown, or not one the clinic accepts);
    ``Conflict``: ``deposit_not_required`` (the treatment asks for none),
    ``deposit_already_paid`` (paid, or a card charge for it pending), ``deposit_settled``
    (applied, refunded or forfeited). Audited as ``deposit.taken``."""
    key = f"deposit:{idempotency_key}"
    earlier = Payment.objects.filter(idempotency_key=key).select_related("invoice__deposit").first()
    if earlier is not None:
        deposit: Deposit | None = getattr(earlier.invoice, "deposit", None)
        if deposit is None or deposit.appointment_id != appointment_id:
            raise Conflict(
                _("This idempotency key was used for another payment."), code="idempotency_key_reused"
            )
        return deposit
    if service.deposit_amount <= 0 and not Deposit.objects.filter(appointment_id=appointment_id).exists():
        raise Conflict(_("This treatment asks for no deposit."), code="deposit_not_required")
    row = settings_for(patient.clinic)
    refusal = method_refusal(country=patient.clinic.country, chosen=row.payment_methods, method=method)
    if refusal is not None:
        raise ValidationFailed(errors={"method": [refusal]})
    deposit = _deposit_open(
        appointment_id=appointment_id, patient=patient, service=service, actor=actor, row=row
    )
    if deposit.status != Deposit.Status.OPEN:
        raise Conflict(
            _("This deposit was already %s.") % deposit.get_status_display().lower(), code="deposit_settled"
        )
    invoice = (
        Invoice.objects.select_for_update(of=("self",))
        .select_related("clinic", "patient__profile")
        .get(pk=deposit.invoice_id)
    )
    if invoice.balance_due <= 0 or invoice.payments.filter(status=Payment.Status.PENDING).exists():
        raise Conflict(_("The deposit is already paid."), code="deposit_already_paid")
    payment = payment_take(  # a card payment through the provider, maybe pending
        invoice=invoice,
        method=method,
        amount=invoice.balance_due,
        provider_reference="",
        idempotency_key=key,
        actor=actor,
        at=timezone.now(),
        live=True,
    )
    invoice_refresh(invoice)
    if payment.status == Payment.Status.SUCCEEDED:
        receipt_schedule(invoice=invoice, payments=[payment])
    _audit(deposit, actor, "deposit.taken", method=[None, method], amount=[None, str(payment.amount)])
    return deposit


def deposit_received(deposit: Deposit) -> Decimal:
    """What was received for ``deposit`` and not given back (its invoice's paid total)."""
    return deposit.invoice.paid_total


def deposit_apply(*, invoice: Invoice, appointment_id: uuid.UUID, actor: User) -> Deposit | None:
    """Apply the appointment's paid deposit to ``invoice`` (the visit's draft, locked by
    the caller): a ``deposit`` payment of what was received, at most the invoice's
    total, so the balance to collect is reduced and never goes below zero; the deposit
    becomes ``applied``. A deposit larger than the visit's invoice gives the rest back to
    the patient at once (``_deposit_money_back``: by the method it was paid with), as a
    deposit cancelled in time would be: the clinic holds no credit for patients.
    Nothing (``None``) when the appointment has no open, paid deposit. Part of the
    caller's transaction; audited as ``deposit.applied`` (and ``deposit.excess_returned``)."""
    deposit = (
        Deposit.objects.select_for_update(of=("self",))
        .select_related("invoice")
        .filter(appointment_id=appointment_id, status=Deposit.Status.OPEN)
        .first()
    )
    if deposit is None:
        return None
    received = deposit_received(deposit)
    amount = min(received, invoice.total)
    if received <= 0:
        return None
    if amount > 0:
        payment_write(
            invoice=invoice,
            method=Payment.Method.DEPOSIT,
            amount=amount,
            provider_reference=deposit.invoice.number,
            idempotency_key=f"deposit-applied:{deposit.pk}",
            actor=actor,
            at=timezone.now(),
        )
        invoice_refresh(invoice)
    deposit.status, deposit.applied_invoice, deposit.applied_amount = Deposit.Status.APPLIED, invoice, amount
    deposit.settled_at = timezone.now()
    deposit.save(update_fields=["status", "applied_invoice", "applied_amount", "settled_at", "updated_at"])
    _audit(deposit, actor, "deposit.applied", amount=[None, str(amount)], invoice_id=[None, str(invoice.pk)])
    if received > amount:
        _deposit_money_back(deposit=deposit, amount=received - amount, actor=actor)
    return deposit


def deposit_excess_return(*, invoice: Invoice, actor: User) -> Decimal:
    """When the deposit applied to the (locked) draft ``invoice`` pays more than its
    total now is (a line of it was since paid from a prepaid course), take the excess
    off the draft (a negative ``deposit`` payment: back into customer deposits) and give
    it back to the patient (``_deposit_money_back``), so the draft's balance is zero,
    never negative. Returns the amount given back (0 when nothing exceeds). Part of the
    caller's transaction; audited as ``deposit.excess_returned``."""
    excess = -invoice.balance_due
    deposit = (
        Deposit.objects.select_for_update(of=("self",))
        .select_related("invoice")
        .filter(applied_invoice=invoice, status=Deposit.Status.APPLIED)
        .first()
    )
    if excess <= 0 or deposit is None:
        return Decimal(0)
    excess = min(excess, deposit.applied_amount)
    taken_back = Payment.objects.filter(invoice=invoice, method=Payment.Method.DEPOSIT, amount__lt=0).count()
    payment_write(
        invoice=invoice,
        method=Payment.Method.DEPOSIT,
        amount=-excess,
        provider_reference=deposit.invoice.number,
        idempotency_key=f"deposit-unapplied:{deposit.pk}:{taken_back}",
        actor=actor,
        at=timezone.now(),
    )
    invoice_refresh(invoice)
    deposit.applied_amount -= excess
    deposit.save(update_fields=["applied_amount", "updated_at"])
    _deposit_money_back(deposit=deposit, amount=excess, actor=actor)
    return excess


def _deposit_money_back(*, deposit: Deposit, amount: Decimal, actor: User | None) -> None:
    """Give ``amount`` (at most what was received) of a deposit back to the patient: a
    negative payment of its invoice by the method each payment was made with (newest
    first), that amount taken out of customer deposits, and the deposit invoice credited
    with it, so its balance stays zero. Audited as ``deposit.excess_returned``."""
    invoice = Invoice.objects.select_for_update().get(pk=deposit.invoice_id)
    by = actor or deposit.created_by
    left, now = amount, timezone.now()
    earlier = invoice.payments.filter(status=Payment.Status.SUCCEEDED)
    for payment in earlier.filter(amount__gt=0).order_by("-received_at", "-pk"):
        given = earlier.filter(idempotency_key__startswith=f"deposit-back:{payment.pk}:").aggregate(
            s=Sum("amount")
        )["s"] or Decimal(0)
        part = min(left, payment.amount + given)
        if part <= 0:
            continue
        payment_write(  # journal: the payment account credited, receivables debited
            invoice=invoice,
            method=payment.method,
            amount=-part,
            provider_reference=payment.provider_reference,
            idempotency_key=f"deposit-back:{payment.pk}:{-given}",
            actor=by,
            at=now,
        )
        left -= part
        if left <= 0:
            break
    given_back = amount - left
    ledger.journal_entry_post(
        clinic=deposit.clinic,
        description=f"Deposit {invoice.number}: excess given back",
        currency=deposit.currency,
        reference_type="commerce.deposit_excess",
        reference_id=deposit.pk,
        postings=[
            (ledger.CUSTOMER_DEPOSITS, given_back, Decimal(0)),
            (ledger.ACCOUNTS_RECEIVABLE, Decimal(0), given_back),
        ],
        posted_at=now,
    )
    invoice.refunded_total += given_back
    invoice_refresh(invoice)
    _audit(deposit, actor, "deposit.excess_returned", amount=[None, str(given_back)])


@transaction.atomic
def deposit_release(*, appointment_id: uuid.UUID, late: bool, actor: User | None) -> Deposit | None:
    """Settle the open deposit of an appointment that ended without a visit: cancelled
    in time (``late`` false) it is refunded; a no-show or a late cancellation (``late``)
    follows the clinic's ``CommerceSettings.deposit_no_show``: ``forfeit`` keeps it as a
    no-show fee (revenue, with its tax: ``no_show_fee_tax``), ``refund`` gives it back.
    The refund is a negative payment of the deposit invoice by the method it was paid
    with. An open deposit with nothing
    received is closed as refunded with no money moving. Idempotent: a deposit already
    settled, or none, returns as is (``None`` for none). Audited as ``deposit.refunded``
    or ``deposit.forfeited``."""
    deposit = (
        Deposit.objects.select_for_update(of=("self",))
        .select_related("clinic", "invoice")
        .filter(appointment_id=appointment_id)
        .first()
    )
    if deposit is None or deposit.status != Deposit.Status.OPEN:
        return deposit
    clinic = deposit.clinic
    invoice = Invoice.objects.select_for_update().get(pk=deposit.invoice_id)
    received = invoice.paid_total
    forfeit = late and settings_for(clinic).deposit_no_show == "forfeit" and received > 0
    now = timezone.now()
    tax = Decimal(0)
    if forfeit:
        tax = no_show_fee_tax(clinic=clinic, amount=received, currency=deposit.currency)
        ledger.journal_entry_post(
            clinic=clinic,
            description=f"No-show fee from deposit {invoice.number}",
            currency=deposit.currency,
            reference_type="commerce.deposit_forfeit",
            reference_id=deposit.pk,
            postings=[
                (ledger.CUSTOMER_DEPOSITS, received, Decimal(0)),
                (ledger.REVENUE_NO_SHOW_FEE, Decimal(0), received - tax),
                (ledger.TAX_PAYABLE, Decimal(0), tax),
            ],
            posted_at=now,
        )
        deposit.status = Deposit.Status.FORFEITED
    else:
        _deposit_refund(deposit=deposit, invoice=invoice, actor=actor)
        deposit.status = Deposit.Status.REFUNDED
    deposit.settled_at = now
    deposit.save(update_fields=["status", "settled_at", "updated_at"])
    changes = {"amount": [None, str(received)], "late": [None, late]}
    if forfeit:
        changes["tax"] = [None, str(tax)]
    _audit(deposit, actor, f"deposit.{deposit.status}", **changes)
    return deposit


def no_show_fee_tax(*, clinic: Clinic, amount: Decimal, currency: str) -> Decimal:
    """The tax inside a deposit kept as a no-show fee: the fee is a charge for the
    booked treatment, taxed at the clinic's service rate, and what the patient paid is
    all the clinic keeps, so the tax is included in it whether the clinic's prices are
    tax-inclusive or not: ``round(amount * r / (100 + r))`` (``commerce.pricing``'s
    inclusive rule), zero where the clinic charges no tax."""
    rate = settings_for(clinic).service_tax_rate
    if rate <= 0:
        return Decimal(0)
    return round_money(amount * rate / (100 + rate), currency)


def _deposit_refund(*, deposit: Deposit, invoice: Invoice, actor: User | None) -> None:
    """Give back what was received on the (locked) deposit invoice, each payment by its
    own method, and take the deposit invoice's total out of customer deposits."""
    paid = list(invoice.payments.filter(status=Payment.Status.SUCCEEDED, amount__gt=0))
    received = sum((payment.amount for payment in paid), Decimal(0))
    by = actor or deposit.created_by
    for payment in paid:
        payment_write(  # journal: the payment account credited, receivables debited
            invoice=invoice,
            method=payment.method,
            amount=-payment.amount,
            provider_reference=payment.provider_reference,
            idempotency_key=f"deposit-refund:{payment.pk}",
            actor=by,
            at=timezone.now(),
        )
    # The deposit invoice is closed: what was received is credited back, an unpaid
    # balance is written off; customer deposits give up the whole invoice.
    ledger.journal_entry_post(
        clinic=deposit.clinic,
        description=f"Deposit {invoice.number} closed",
        currency=deposit.currency,
        reference_type="commerce.deposit_refund",
        reference_id=deposit.pk,
        postings=[
            (ledger.CUSTOMER_DEPOSITS, invoice.total, Decimal(0)),
            (ledger.ACCOUNTS_RECEIVABLE, Decimal(0), invoice.total),
        ],
    )
    invoice.refunded_total = invoice.total - (invoice.paid_total - received)
    invoice_refresh(invoice)


#: Idempotency keys of the deposit payments patients start online (``deposit_online_checkout``).
ONLINE_KEY = "deposit:online:"
# Our reference of an online deposit payment at the gateway (see ``card_payments``).
_ONLINE_NAMESPACE = uuid.UUID("5d0c7f0e-6f55-4d43-9a2e-0c8b7f3e1a64")


def deposit_online_checkout(
    *, appointment_id: uuid.UUID, patient: ClinicPatient, service: Service, return_url: str
) -> str:
    """The patient pays the deposit of the appointment ``appointment_id`` by card on the
    online gateway's page (``PAYMENTS_ONLINE_PROVIDER``): returns the page's URL.

    The gateway is asked first, outside any transaction, with our reference of the
    payment (derived from the appointment and the number of earlier failed attempts, so
    a retry or a second tab gets the same page); then, in one transaction, the deposit is
    opened (its invoice issued, as ``deposit_take`` does, with no staff creator) and the
    card payment written ``pending`` with the gateway's checkout id. The gateway's signed
    webhook settles it (``card_payments.payment_webhook_apply``: journal entry, invoice
    paid, receipt), which makes the deposit paid; a page that expires unpaid comes back
    ``failed`` and the patient may start again. The caller checks that the appointment is
    the patient's, booked or confirmed.

    Raises ``ValidationFailed`` naming ``method`` (no online provider, or the clinic takes
    no card) or ``payment`` (the gateway gave no page: nothing was charged); ``Conflict``
    as ``deposit_take`` (``deposit_not_required``, ``deposit_already_paid``,
    ``deposit_settled``). Audited as ``deposit.checkout_started`` and ``payment.recorded``."""
    from commerce.payment_providers import ProviderError, online_provider

    provider = online_provider()
    if provider is None:
        raise ValidationFailed(errors={"method": [_("This clinic takes no card payment online.")]})
    clinic = patient.clinic
    row = settings_for(clinic)
    refusal = method_refusal(country=clinic.country, chosen=row.payment_methods, method=Payment.Method.CARD)
    if refusal is not None:
        raise ValidationFailed(errors={"method": [refusal]})
    deposit = Deposit.objects.select_related("invoice").filter(appointment_id=appointment_id).first()
    if deposit is None and service.deposit_amount <= 0:
        raise Conflict(_("This treatment asks for no deposit."), code="deposit_not_required")
    if deposit is not None and deposit.status != Deposit.Status.OPEN:
        raise Conflict(
            _("This deposit was already %s.") % deposit.get_status_display().lower(), code="deposit_settled"
        )
    payments = Payment.objects.filter(invoice_id=deposit.invoice_id) if deposit else Payment.objects.none()
    if deposit is not None and deposit.invoice.balance_due <= 0:
        raise Conflict(_("The deposit is already paid."), code="deposit_already_paid")
    pending = payments.filter(status=Payment.Status.PENDING).first()
    if pending is not None and not pending.idempotency_key.startswith(ONLINE_KEY):
        raise Conflict(_("The deposit is already paid."), code="deposit_already_paid")  # at the desk
    attempt = payments.filter(idempotency_key__startswith=ONLINE_KEY, status=Payment.Status.FAILED).count()
    key = pending.idempotency_key if pending else f"{ONLINE_KEY}{appointment_id}:{attempt}"
    reference = pending.pk if pending else uuid.uuid5(_ONLINE_NAMESPACE, f"{clinic.pk}:{key}")
    amount = (
        pending.amount if pending else (deposit.invoice.balance_due if deposit else service.deposit_amount)
    )
    with translation.override(clinic.locale):
        description = _("Deposit: %(service)s") % {"service": service.name}
    try:
        checkout_id, page = provider.checkout(
            amount, clinic.currency, str(reference), description, return_url
        )
    except ProviderError as exc:
        raise ValidationFailed(
            errors={"payment": [_("The card payment service did not answer. Try again, or pay another way.")]}
        ) from exc
    _deposit_online_pending_write(
        row=row,
        appointment_id=appointment_id,
        patient=patient,
        service=service,
        reference=reference,
        key=key,
        amount=amount,
        checkout_id=checkout_id,
    )
    return page


@transaction.atomic
def _deposit_online_pending_write(
    *,
    row: CommerceSettings,
    appointment_id: uuid.UUID,
    patient: ClinicPatient,
    service: Service,
    reference: uuid.UUID,
    key: str,
    amount: Decimal,
    checkout_id: str,
) -> Payment:
    """The deposit (opened if new) and its pending online card payment ``reference``
    (written once: a retry finds it). The payment's provider reference is the gateway's
    checkout id, so the till's resend sweep (``card_charges_resend``: payments the gateway
    never acknowledged) never sends it to the till's card provider."""
    deposit = _deposit_open(
        appointment_id=appointment_id, patient=patient, service=service, actor=None, row=row
    )
    invoice = (
        Invoice.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=deposit.invoice_id)
    )
    existing = Payment.objects.filter(pk=reference).first()
    if existing is not None:
        return existing
    if deposit.status != Deposit.Status.OPEN or invoice.balance_due <= 0 or amount != invoice.balance_due:
        raise Conflict(_("The deposit is already paid."), code="deposit_already_paid")
    if invoice.payments.filter(status=Payment.Status.PENDING).exists():
        raise Conflict(_("The deposit is already paid."), code="deposit_already_paid")
    payment = Payment.objects.create(
        id=reference,
        clinic=invoice.clinic,
        invoice=invoice,
        amount=amount,
        currency=invoice.currency,
        method=Payment.Method.CARD,
        status=Payment.Status.PENDING,
        provider_reference=checkout_id,
        idempotency_key=key,
        received_at=timezone.now(),
        created_by=None,
    )
    payment_audit(payment=payment, actor=None)
    _audit(
        deposit,
        None,
        "deposit.checkout_started",
        amount=[None, str(amount)],
        payment_id=[None, str(payment.pk)],
    )
    return payment
