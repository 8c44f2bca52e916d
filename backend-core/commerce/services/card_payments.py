"""Card payments through the configured provider (``commerce.payment_providers``) and
the provider's webhook that settles them.

With the ``manual`` provider (default) a card payment succeeds when it is recorded,
exactly as before. With an asynchronous provider (``http``) a card payment taken by
``payment_record``, ``invoice_payments_record`` or ``sale_checkout`` (through
``payment_take``) is settled in three steps, so that no database lock is held while the
gateway thinks:

1. the recording transaction writes the payment ``pending`` (no journal entry, not in
   ``paid_total``, the invoice's status unchanged) and commits, releasing the invoice row;
2. ``card_charges_send``, outside any transaction, asks the gateway for the charge;
3. ``card_charge_outcome_record``, a second short transaction, records the answer: the
   gateway's charge id, and ``failed`` for a decline or a refusal; ``pending`` otherwise,
   until the gateway calls the webhook (``payment_webhook_apply``), which turns it
   ``succeeded`` (journal entry posted then, invoice refreshed, receipt sent) or
   ``failed``.

Steps 3 and the webhook race (the webhook may come first): both lock the invoice row,
then the payment row, and only a ``pending`` payment changes, so the payment settles
once, with one journal entry, one audit event ``payment.settled`` and one live event
``com.aesthetix.payment.settled`` for the till, whichever comes first.

A gateway that gives no usable answer (timeout, 5xx) may hold the charge: the payment
stays ``pending`` without a provider reference and the webhook settles it later. Until
the gateway has answered, a retry of the same request and the sweep
``card_charges_resend`` (beat) send it again with the same reference and
``Idempotency-Key``, so the card is charged once and a payment whose process died
between steps 1 and 2 is not lost.

Pending money counts against the balance: ``payment_record`` accepts at most
``balance_due - payments_pending_total(invoice)``, so the balance cannot be charged a
second time (by card or any other method) while a charge of it is pending; a failed
charge frees it again.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import AuditInput, audit_event_record
from commerce.events import PAYMENT_SETTLED, PaymentSettledEventDataSerializer
from commerce.models import Deposit, Invoice, Payment
from commerce.payment_providers import (
    FAILED,
    PENDING,
    SUCCEEDED,
    ProviderError,
    ProviderRefused,
    card_provider,
)
from commerce.services.invoices import (
    invoice_refresh,
    payment_audit,
    payment_audit_input,
    payment_journal_post,
    payment_write,
    receipt_schedule,
)
from core.exceptions import NotFound
from core.tenancy import clinic_context
from outbox.services import outbox_event_record

if TYPE_CHECKING:
    from accounts.models import User

logger = logging.getLogger(__name__)

# What runs with a payment's invoice and payment rows locked (``_with_payment_locked``).
_Locked = Callable[[Invoice, Payment], Payment]

# Our reference of a payment at the provider is its id, derived from the clinic and the
# payment's idempotency key so that a retried request sends the gateway the same
# reference (and ``Idempotency-Key``) and cannot charge the card twice.
_PAYMENT_ID_NAMESPACE = uuid.UUID("0f3a6c52-5b7e-4d0e-9a53-8c2f6f1d9b41")

# A pending card payment the gateway has not answered for this long is sent again by
# ``card_charges_resend`` (its request is in flight for at most the gateway timeout).
RESEND_AFTER = dt.timedelta(minutes=2)


def payments_pending_total(invoice: Invoice) -> Decimal:
    """The sum of the invoice's ``pending`` payments (its currency; 0 when none)."""
    total = Payment.unscoped.filter(invoice_id=invoice.pk, status=Payment.Status.PENDING).aggregate(
        s=Sum("amount")
    )["s"]
    return total or Decimal(0)


def card_charge_pending_write(
    *, invoice: Invoice, amount: Decimal, idempotency_key: str, actor: User
) -> Payment | None:
    """Step 1 of a card payment of ``amount`` on ``invoice`` (row locked by the caller,
    inside its transaction). Returns ``None`` when the provider settles at once
    (``manual``): the caller writes the succeeded payment as usual. Otherwise returns the
    card payment written ``pending``, not yet sent: the caller's public function hands it
    to ``card_charges_send`` once its transaction has committed."""
    if getattr(card_provider(), "settles_at_once", False):
        return None
    return Payment.objects.create(
        id=uuid.uuid5(_PAYMENT_ID_NAMESPACE, f"{invoice.clinic_id}:{idempotency_key}"),
        clinic=invoice.clinic,
        invoice=invoice,
        amount=amount,
        currency=invoice.currency,
        method=Payment.Method.CARD,
        status=Payment.Status.PENDING,
        idempotency_key=idempotency_key,
        received_at=timezone.now(),
        created_by=actor,
    )


def _unsent(payment: Payment) -> bool:
    """A card payment still pending that the gateway has not acknowledged."""
    return (
        payment.method == Payment.Method.CARD
        and payment.status == Payment.Status.PENDING
        and not payment.provider_reference
    )


def card_charges_send(payments: Sequence[Payment]) -> list[Payment]:
    """Steps 2 and 3 for each of ``payments`` that is a card payment still pending and
    unacknowledged (others are returned as they are): ask the gateway, then record its
    answer (``card_charge_outcome_record``). Call it outside any transaction (the
    services' public functions do): inside one, the caller's row locks would be held for
    the length of the gateway call. Returns the payments in order, as they are now."""
    return [card_charge_send(payment) if _unsent(payment) else payment for payment in payments]


def card_charge_send(payment: Payment) -> Payment:
    """Ask the provider for the charge of the pending ``payment`` (our reference: its
    id, also the ``Idempotency-Key``) and record the answer. A decline or a refusal
    makes it ``failed``; no usable answer (``ProviderError``) leaves it ``pending`` and
    unacknowledged, logged, for the webhook or a resend. Returns the payment as it is now
    (the webhook may have settled it meanwhile)."""
    invoice = Invoice.unscoped.only("number").get(pk=payment.invoice_id)
    failure_code = ""
    try:
        provider_reference, status = card_provider().charge(
            payment.amount, payment.currency, str(payment.pk), f"Invoice {invoice.number}"
        )
    except ProviderRefused as exc:
        logger.warning("card gateway refused payment %s: %s", payment.pk, exc)
        provider_reference, status, failure_code = "", FAILED, Payment.FailureCode.PROVIDER_REFUSED
    except ProviderError as exc:
        logger.warning("card gateway gave no answer for payment %s, left pending: %s", payment.pk, exc)
        provider_reference, status = "", PENDING
    if status == FAILED and not failure_code:
        failure_code = Payment.FailureCode.DECLINED
    return card_charge_outcome_record(
        payment_id=payment.pk, provider_reference=provider_reference, status=status, failure_code=failure_code
    )


@transaction.atomic
def card_charge_outcome_record(
    *, payment_id: uuid.UUID, provider_reference: str, status: str, failure_code: str = ""
) -> Payment:
    """Step 3: record the gateway's synchronous answer for the payment ``payment_id``:
    its charge id ``provider_reference`` (kept when the payment has none yet) and
    ``status`` (``pending``: nothing else changes; ``failed`` with ``failure_code``, or
    ``succeeded``: settled as by the webhook). Idempotent and tolerant of the webhook
    having come first: a payment no longer pending keeps its status. Locks the invoice
    row, then the payment row, for the length of this short transaction."""

    def locked(invoice: Invoice, payment: Payment) -> Payment:
        if provider_reference and not payment.provider_reference:
            payment.provider_reference = provider_reference[:120]
            payment.save(update_fields=["provider_reference", "updated_at"])
        return _payment_settle(invoice=invoice, payment=payment, status=status, failure_code=failure_code)

    return _with_payment_locked(payment_id, locked)


def card_charges_resend(*, now: dt.datetime | None = None) -> int:
    """Send again every card payment (any clinic) still pending and unacknowledged for
    ``RESEND_AFTER``: its process died before asking the gateway, or the gateway gave no
    usable answer. Safe to run while a first attempt is in flight: the gateway charges
    one ``Idempotency-Key`` once. Returns how many were sent."""
    stale_before = (now or timezone.now()) - RESEND_AFTER
    stale = Payment.unscoped.filter(
        method=Payment.Method.CARD,
        status=Payment.Status.PENDING,
        provider_reference="",
        created_at__lt=stale_before,
    ).select_related("clinic")
    sent = 0
    for payment in stale.order_by("created_at")[:100]:
        with clinic_context(payment.clinic):
            card_charge_send(payment)
        sent += 1
    return sent


def payment_take(
    *,
    invoice: Invoice,
    method: str,
    amount: Decimal,
    provider_reference: str,
    idempotency_key: str,
    actor: User,
    at: dt.datetime,
    live: bool,
    batch: tuple[list[Payment], list[AuditInput]] | None = None,
) -> Payment:
    """``payment_write`` for a payment taken at checkout: when ``live`` (not an import),
    a card payment through an asynchronous provider is written ``pending`` (see
    ``card_charge_pending_write``; the caller sends it after its commit with
    ``card_charges_send``); every other payment is written succeeded as before. Either
    way audited as ``payment.recorded`` (``invoices.payment_audit``). With ``batch``
    (``(payments to journal, audit events)``) a succeeded payment, whose journal entry
    (``invoices.payment_entry``) the caller posts, and the audit event are appended to
    it instead, for the caller to write with its own (checkout: at its end, once the
    invoice is numbered)."""
    payment = None
    if live and method == Payment.Method.CARD:
        payment = card_charge_pending_write(
            invoice=invoice, amount=amount, idempotency_key=idempotency_key, actor=actor
        )
    if payment is None:
        payment = payment_write(
            invoice=invoice,
            method=method,
            amount=amount,
            provider_reference=provider_reference,
            idempotency_key=idempotency_key,
            actor=actor,
            at=at,
            journal=batch is None,
        )
        if batch is not None:
            batch[0].append(payment)
    if batch is None:
        payment_audit(payment=payment, actor=actor)
    else:
        batch[1].append(payment_audit_input(payment=payment, actor=actor))
    return payment


@transaction.atomic
def payment_webhook_apply(*, reference: str, status: str) -> Payment:
    """Apply the provider's verdict ``status`` (``succeeded`` or ``failed``) to the
    payment whose id is ``reference`` (any clinic: the caller has checked the signature).

    Only a ``pending`` payment changes: to ``succeeded`` with its journal entry (card
    clearing debited, receivables credited), the invoice refreshed and the receipt
    scheduled; or to ``failed`` (``declined``). A payment already settled is returned
    unchanged, so the same event delivered twice is a no-op, a late ``failed`` after
    ``succeeded`` is ignored, and the gateway's synchronous answer recorded after the
    webhook changes nothing. The invoice row, then the payment row, are locked. Raises
    ``NotFound`` (404) for an unknown reference."""
    try:
        payment_id = uuid.UUID(reference)
    except ValueError:
        raise NotFound(_("No payment has this reference."), code="payment_not_found") from None
    failure_code = Payment.FailureCode.DECLINED if status == FAILED else ""

    def locked(invoice: Invoice, payment: Payment) -> Payment:
        return _payment_settle(invoice=invoice, payment=payment, status=status, failure_code=failure_code)

    return _with_payment_locked(payment_id, locked)


def _with_payment_locked(payment_id: uuid.UUID, then: _Locked) -> Payment:
    """``then(invoice, payment)`` with the invoice row, then the payment row, locked, in
    the payment's clinic context (inside the caller's transaction). ``NotFound`` when no
    payment has ``payment_id``."""
    found = Payment.unscoped.filter(pk=payment_id).select_related("clinic").first()
    if found is None:
        raise NotFound(_("No payment has this reference."), code="payment_not_found")
    with clinic_context(found.clinic):
        invoice = (
            Invoice.objects.select_for_update(of=("self",)).select_related("clinic").get(pk=found.invoice_id)
        )
        payment = Payment.objects.select_for_update().get(pk=payment_id)
        return then(invoice, payment)


def _settled_deposit_payment_returned(*, invoice: Invoice, payment: Payment, at: dt.datetime) -> bool:
    """Give back at once a ``payment`` that succeeded on the (locked) invoice of a
    deposit already settled — refunded when its appointment was cancelled, forfeited or
    applied — while the gateway was still deciding: the deposit is closed, so the clinic
    has no claim on the money. A negative payment by the same method and provider
    reference (its journal entry: the payment account credited, receivables debited), so
    the invoice's balance is zero again; audited as ``deposit.late_payment_returned``.
    Returns whether it was given back (``False`` for any other invoice)."""
    deposit = Deposit.objects.filter(invoice=invoice).exclude(status=Deposit.Status.OPEN).first()
    if deposit is None:
        return False
    payment_write(
        invoice=invoice,
        method=payment.method,
        amount=-payment.amount,
        provider_reference=payment.provider_reference,
        idempotency_key=f"deposit-late:{payment.pk}",
        actor=None,
        at=at,
    )
    audit_event_record(
        clinic=invoice.clinic,
        actor=None,
        action="deposit.late_payment_returned",
        object_type="commerce.Deposit",
        object_id=deposit.pk,
        changes={"status": [None, deposit.status], "amount": [None, str(payment.amount)]},
    )
    return True


def _payment_settle(*, invoice: Invoice, payment: Payment, status: str, failure_code: str) -> Payment:
    """Settle the locked pending ``payment`` as ``status`` says (``pending`` or a payment
    already settled: unchanged). ``succeeded``: received now, journal entry, invoice
    refreshed, receipt; ``failed``: ``failure_code``. Either way the audit event
    ``payment.settled`` (status and provider reference; no card data) and the live
    event ``com.aesthetix.payment.settled`` for the clinic."""
    if payment.status != Payment.Status.PENDING or status not in (SUCCEEDED, FAILED):
        return payment
    now = timezone.now()
    if status == FAILED:
        payment.status = Payment.Status.FAILED
        payment.failure_code = failure_code or Payment.FailureCode.DECLINED
        payment.save(update_fields=["status", "failure_code", "updated_at"])
    else:
        payment.status = Payment.Status.SUCCEEDED
        payment.received_at = now
        payment.save(update_fields=["status", "received_at", "updated_at"])
        payment_journal_post(invoice=invoice, payment=payment, at=now)
        returned = _settled_deposit_payment_returned(invoice=invoice, payment=payment, at=now)
        invoice_refresh(invoice)
        if not returned:  # a deposit's refund sends no receipt either
            receipt_schedule(invoice=invoice, payments=[payment])
    audit_event_record(
        clinic=invoice.clinic,
        actor=None,
        action="payment.settled",
        object_type="commerce.Payment",
        object_id=payment.pk,
        changes={
            "status": [Payment.Status.PENDING, payment.status],
            "provider_reference": [None, payment.provider_reference],
            "failure_code": [None, payment.failure_code],
        },
    )
    outbox_event_record(
        clinic_id=invoice.clinic_id,
        type=PAYMENT_SETTLED,
        subject=f"payment/{payment.pk}",
        data=PaymentSettledEventDataSerializer(
            {
                "payment_id": payment.pk,
                "invoice_id": invoice.pk,
                "sale_id": invoice.sale_id,
                "status": payment.status,
                "failure_code": payment.failure_code,
                "amount": payment.amount,
                "currency": payment.currency,
                "invoice_status": invoice.status,
                "balance_due": invoice.balance_due,
            }
        ).data,
    )
    return payment
