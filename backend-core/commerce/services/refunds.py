"""Refunds and voids of a sale: the money paid back, the goods given back (product
stock to its lots, unused course balances closed) and the reversing journal entries."""

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

from audit.services import audit_event_record
from commerce import ledger
from commerce.models import (
    CourseBalance,
    Invoice,
    JournalEntry,
    Payment,
    Refund,
    RefundLine,
    Sale,
    SaleLine,
    StockMovement,
)
from commerce.payment_methods import TILL_METHODS
from commerce.pricing import line_portion, money_format
from commerce.services.invoices import invoice_refresh, payment_write
from commerce.services.shared import SALE_LINE_REF, SALE_OBJECT_TYPE, InvoiceStatus, revenue_account
from commerce.services.stock import stock_return
from commerce.signals import sale_reversed
from core.exceptions import Conflict, ValidationFailed

if TYPE_CHECKING:
    from accounts.models import User


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
    Audited as ``sale.refunded`` (status, refund, amount, method; not the reason, free
    text that may name the patient's health).
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
    refunded_before = _refund_validate(sale=locked, lines=lines, reason=reason, method=method)
    invoice = Invoice.objects.select_for_update().get(sale=locked)
    portions = _refund_portions(lines, refunded_before)
    total = sum((amount for _l, _q, amount, _t in portions), Decimal(0))
    if total > invoice.paid_total:
        raise ValidationFailed(errors={"amount": [_refund_over_paid(invoice=invoice, asked=total)]})
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
    payment_write(
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
            *((revenue_account(line), amount - tax, Decimal(0)) for line, _q, amount, tax in portions),
            *((ledger.TAX_PAYABLE, tax, Decimal(0)) for _l, _q, _a, tax in portions),
        ],
        posted_at=at,
    )
    invoice.refunded_total += total
    invoice_refresh(invoice)
    everything = (
        RefundLine.objects.filter(sale_line__sale=locked).aggregate(q=Sum("quantity"))["q"] or Decimal(0)
    ) >= sum((row.quantity for row in locked.lines.all()), Decimal(0))
    status_before = locked.status
    locked.status = Sale.Status.REFUNDED if everything else Sale.Status.PARTIALLY_REFUNDED
    locked.save(update_fields=["status", "updated_at"])
    audit_event_record(
        clinic=locked.clinic,
        actor=actor,
        action="sale.refunded",
        object_type=SALE_OBJECT_TYPE,
        object_id=locked.pk,
        changes={
            "status": [status_before, locked.status],
            "refund_id": [None, refund.pk],
            "amount": [None, total],
            "method": [None, method],
        },
    )
    sale_reversed.send(sender=Sale, sale=locked, refund=refund)
    return refund


def _refund_over_paid(*, invoice: Invoice, asked: Decimal) -> str:
    """Why a refund of ``asked`` is refused on ``invoice``: a refund gives back money
    received, so at most the invoice's net paid total (payments less earlier refunds)."""
    language = translation.get_language() or invoice.clinic.locale
    paid = money_format(max(invoice.paid_total, Decimal(0)), invoice.currency, language)
    if invoice.paid_total <= 0:
        return _("Nothing was paid on this invoice, so nothing can be refunded; void the sale instead.")
    return _("These lines come to %(asked)s but only %(paid)s was paid on this invoice: refund fewer.") % {
        "asked": money_format(asked, invoice.currency, language),
        "paid": paid,
    }


def _refund_validate(
    *, sale: Sale, lines: Sequence[tuple[SaleLine, Decimal]], reason: str, method: str
) -> dict[uuid.UUID, Decimal]:
    """``ValidationFailed`` for a refund request ``sale_refund`` refuses (``reason``,
    ``method``, ``lines``, ``lines.<i>.<field>``); else the quantity of each line of the
    (locked) sale refunded before, by sale line id."""
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Say why.")
    if method not in TILL_METHODS:
        errors["method"] = _("Unknown payment method.")
    if not lines:
        errors["lines"] = _("Name at least one line.")
    refunded_before = dict(
        RefundLine.objects.filter(sale_line__sale=sale)
        .values_list("sale_line_id")
        .annotate(q=Sum("quantity"))
        .values_list("sale_line_id", "q")
    )
    for index, (line, quantity) in enumerate(lines):
        left = line.quantity - refunded_before.get(line.pk, Decimal(0))
        if line.sale_id != sale.pk:
            errors[f"lines.{index}.sale_line_id"] = _("Not a line of this sale.")
        elif quantity <= 0 or quantity > left:
            errors[f"lines.{index}.quantity"] = _("Between 0 and %s (not yet refunded).") % left
    if errors:
        raise ValidationFailed(errors=errors)
    return refunded_before


def _refund_portions(
    lines: Sequence[tuple[SaleLine, Decimal]], refunded_before: dict[uuid.UUID, Decimal]
) -> list[tuple[SaleLine, Decimal, Decimal, Decimal]]:
    """``(line, quantity, amount, tax)`` of each portion given back, valued by
    ``commerce.pricing.line_portion``."""
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
    return portions


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
    entry is reversed. Sends ``sale_reversed`` with ``refund=None``. Audited as
    ``sale.voided`` (not the reason: see ``sale_refund``). Raises
    ``ValidationFailed`` (``reason``) and ``Conflict`` when money was received (refund
    it instead) or a card payment is pending, the sale was refunded or already void, or
    a course was used."""
    if not reason.strip():
        raise ValidationFailed(errors={"reason": [_("Say why.")]})
    locked = Sale.objects.select_for_update().get(pk=sale.pk)
    invoice = Invoice.objects.select_for_update().get(sale=locked)
    if locked.status != Sale.Status.COMPLETED:
        raise Conflict(_("Only a completed sale can be voided."), code="sale_not_voidable")
    if Payment.objects.filter(invoice=invoice, status=Payment.Status.SUCCEEDED).exists():
        raise Conflict(_("Money was received for this sale: refund it instead."), code="sale_has_payments")
    if Payment.objects.filter(invoice=invoice, status=Payment.Status.PENDING).exists():
        raise Conflict(
            _("A card payment of this sale is still pending: wait for its result."),
            code="sale_has_pending_payment",
        )
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
    invoice_refresh(invoice)
    locked.status = Sale.Status.VOID
    locked.voided_at = timezone.now()
    locked.save(update_fields=["status", "voided_at", "updated_at"])
    audit_event_record(
        clinic=locked.clinic,
        actor=actor,
        action="sale.voided",
        object_type=SALE_OBJECT_TYPE,
        object_id=locked.pk,
        changes={"status": [Sale.Status.COMPLETED, locked.status], "invoice_id": [None, invoice.pk]},
    )
    sale_reversed.send(sender=Sale, sale=locked, refund=None)
    return locked
