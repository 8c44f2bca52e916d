"""POS cart, quote and checkout.

Every function here is one transaction. ``sale_checkout`` writes the sale, its lines and
practitioner credits, the invoice and its items, the payments, the stock movements of
product lines (FEFO), the course balances of course lines and the journal entries, then
sends ``commerce.signals.sale_completed`` inside the transaction (listeners enqueue
their slow work, e.g. commissions, with ``enqueue_on_commit``): checkout itself waits
for nothing slow. Amounts follow ``commerce.pricing``.

Sale and invoice numbers are gapless per clinic (``S-000001``, ``INV-000001``), as fiscal
rules require sequential tax invoices (e.g. Thai Revenue Code s.86/4): the counters live
on the clinic's ``CommerceSettings`` row, locked at the END of the checkout transaction,
so a rolled-back checkout consumes no number. Everything that does not need a lock or a
number is written first (sale, lines, credits, invoice, payments); then, each held until
commit, the lots sold from (FEFO), the counters (one statement that also numbers the
sale and invoice), and last the audit trail's chain: the journal entries, the receipt,
the audit events and the outbox event are written in batches after the numbers. So
concurrent checkouts of one clinic queue only for those last few statements. A retried
checkout racing the first one waits on the unique idempotency key and then returns the
first sale.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.services import AuditInput, audit_events_record
from catalog.models import Course, Product, Service
from commerce import ledger
from commerce.events import SALE_COMPLETED, SaleCompletedEventDataSerializer
from commerce.models import (
    CommerceSettings,
    CourseBalance,
    Invoice,
    InvoiceItem,
    Payment,
    Sale,
    SaleLine,
    SaleLineCredit,
    StockLot,
    StockMovement,
)
from commerce.payment_methods import method_refusal
from commerce.pricing import CartAmounts, LineInput, PricingError, allocate, money_format, price_cart
from commerce.services.card_payments import card_charges_send, payment_take
from commerce.services.invoices import invoice_refresh, invoice_totals_set, payment_entry, receipt_schedule
from commerce.services.shared import (
    SALE_LINE_REF,
    SALE_OBJECT_TYPE,
    InvoiceStatus,
    revenue_account,
    settings_for,
)
from commerce.services.stock import stock_take
from commerce.signals import sale_completed
from core.exceptions import Conflict, ValidationFailed
from outbox.services import outbox_event_record

if TYPE_CHECKING:
    from accounts.models import Clinic, User
    from patients.models import ClinicPatient


@dataclass(frozen=True)
class CartLine:
    """One line of a cart: a service, product or course, ``quantity`` of it (unit of the
    item), an optional ``line_discount`` amount, the practitioners credited with their
    percent shares (summing to 100), and for a product optionally the ``lot`` to sell.
    ``unit_price`` is set only by the server, from a draft invoice's locked line (zero
    for a session a course paid); otherwise the catalog price applies. ``used_at_visit``
    is also set only from a draft: a product used in a treatment, whose stock was taken
    then (checkout takes none)."""

    item: Service | Product | Course
    quantity: Decimal = Decimal(1)
    line_discount: Decimal = Decimal(0)
    credits: Sequence[tuple[User, Decimal]] = ()
    lot: StockLot | None = None
    unit_price: Decimal | None = None
    used_at_visit: bool = False

    @property
    def price(self) -> Decimal:
        """The unit price the line is sold at."""
        return self.item.price if self.unit_price is None else self.unit_price

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


def _number_sql(prefix: str, column: str) -> str:
    """SQL of ``f"{prefix}{n:06d}"`` for the counter value before ``column`` was incremented."""
    value = f"({column} - 1)"
    digits = f"CASE WHEN {value} < 1000000 THEN lpad({value}::text, 6, '0') ELSE {value}::text END"
    return f"'{prefix}' || {digits}"


def _numbers_take(row: CommerceSettings, *, sale: Sale, invoice: Invoice, at: dt.datetime) -> tuple[str, str]:
    """The next sale and invoice numbers of the clinic (``S-000001``, ``INV-000001``),
    written on ``sale`` (with its ``created_at`` = ``at``) and ``invoice`` (with its
    totals and status as set in memory) in the same statement. The counters row stays
    locked until the transaction ends (gapless: a rolled-back checkout gives its numbers
    back), so this is the checkout's last statement but the audit trail's and the
    outbox's. On PostgreSQL one statement; elsewhere (the embedded profile, whose
    transactions are serialized anyway) the same in four."""
    updated_at = timezone.now()
    if connection.vendor != "postgresql":
        sale_number, invoice_number = (
            CommerceSettings.unscoped.select_for_update()
            .filter(pk=row.pk)
            .values_list("next_sale_number", "next_invoice_number")
            .get()
        )
        CommerceSettings.unscoped.filter(pk=row.pk).update(
            next_sale_number=F("next_sale_number") + 1, next_invoice_number=F("next_invoice_number") + 1
        )
        numbers = f"S-{sale_number:06d}", f"INV-{invoice_number:06d}"
        Sale.objects.filter(pk=sale.pk).update(number=numbers[0], created_at=at)
        Invoice.objects.filter(pk=invoice.pk).update(
            number=numbers[1],
            paid_total=invoice.paid_total,
            balance_due=invoice.balance_due,
            status=invoice.status,
            updated_at=updated_at,
        )
        return numbers
    counters, sales, invoices = (
        connection.ops.quote_name(model._meta.db_table) for model in (CommerceSettings, Sale, Invoice)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH n AS (
                UPDATE {counters}
                SET next_sale_number = next_sale_number + 1, next_invoice_number = next_invoice_number + 1
                WHERE id = %s
                RETURNING {_number_sql("S-", "next_sale_number")} AS sale_number,
                    {_number_sql("INV-", "next_invoice_number")} AS invoice_number
            ), s AS (
                UPDATE {sales} SET number = n.sale_number, created_at = %s FROM n WHERE {sales}.id = %s
            ), i AS (
                UPDATE {invoices}
                SET number = n.invoice_number, paid_total = %s, balance_due = %s, status = %s, updated_at = %s
                FROM n WHERE {invoices}.id = %s
            )
            SELECT sale_number, invoice_number FROM n
            """,  # noqa: S608 -- table names from the models, values bound
            [
                row.pk,
                at,
                sale.pk,
                invoice.paid_total,
                invoice.balance_due,
                invoice.status,
                updated_at,
                invoice.pk,
            ],
        )
        sale_number, invoice_number = cursor.fetchone()
    return sale_number, invoice_number


def _tax_rate(row: CommerceSettings, kind: str) -> Decimal:
    rates: dict[str, Decimal] = {
        SaleLine.Kind.SERVICE: row.service_tax_rate,
        SaleLine.Kind.PRODUCT: row.product_tax_rate,
        SaleLine.Kind.COURSE: row.course_tax_rate,
    }
    return rates[kind]


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
    chosen_methods: list[str] | None = None,
    customer: tuple[CommerceSettings, bool] | None = None,
) -> None:
    """``ValidationFailed`` naming every bad field of the cart; ``chosen_methods`` is the
    clinic's ``CommerceSettings.payment_methods`` against which payments are checked;
    ``customer`` is ``(the clinic's settings, walk_in)`` when the buyer is checked too
    (checkout)."""
    errors: dict[str, str] = {}
    if customer is not None:
        settings, walk_in = customer
        errors.update(_customer_errors(patient=patient, lines=lines, settings=settings, walk_in=walk_in))
    if currency != clinic.currency:
        errors["currency"] = _("This clinic sells in %(c)s.") % {"c": clinic.currency}
    if not lines:
        errors["lines"] = _("Add at least one line.")
    for index, line in enumerate(lines):
        errors.update(_cart_line_errors(index=index, line=line, clinic=clinic, patient=patient))
    for index, payment in enumerate(payments):
        refusal = method_refusal(country=clinic.country, chosen=chosen_methods or [], method=payment.method)
        if refusal is not None:  # unknown, or not one the clinic accepts
            errors[f"payments.{index}.method"] = refusal
        if payment.amount <= 0:
            errors[f"payments.{index}.amount"] = _("Must be greater than zero.")
    if errors:
        raise ValidationFailed(errors=errors)


def _customer_errors(
    *, patient: ClinicPatient | None, lines: Sequence[CartLine], settings: CommerceSettings, walk_in: bool
) -> dict[str, str]:
    """Every sale has a patient, except a product-only sale to a walk-in customer the
    cashier chose explicitly (``walk_in``) in a clinic that allows it
    (``CommerceSettings.walk_in_retail``)."""
    if walk_in:
        if not settings.walk_in_retail:
            return {"walk_in": _("This clinic sells to registered patients only: choose the patient.")}
        if patient is not None:
            return {"walk_in": _("A walk-in sale has no patient.")}
        if any(line.kind != SaleLine.Kind.PRODUCT for line in lines):
            return {"walk_in": _("Only products are sold to a walk-in customer; choose the patient.")}
        return {}
    if patient is None:
        return {"patient_id": _("Choose the patient.")}
    return {}


def _cart_line_errors(
    *, index: int, line: CartLine, clinic: Clinic, patient: ClinicPatient | None
) -> dict[str, str]:
    """The errors of cart line ``index``, keyed by field (``lines.<i>.<field>``, ``patient_id``)."""
    errors: dict[str, str] = {}
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
    if line.lot is not None and (line.kind != SaleLine.Kind.PRODUCT or line.lot.product_id != line.item.pk):
        errors[f"{prefix}.lot_id"] = _("This lot is not of the product.")
    credits_error = _credits_error(line.credits)
    if credits_error is not None:
        errors[f"{prefix}.credits"] = credits_error
    return errors


def _credits_error(credits: Sequence[tuple[User, Decimal]]) -> str | None:
    """What is wrong with a line's practitioner shares, if anything (none is fine)."""
    if not credits:
        return None
    people = [user.pk for user, _share in credits]
    if len(set(people)) != len(people):
        return _("Each practitioner once.")
    if sum((share for _user, share in credits), Decimal(0)) != 100:
        return _("Shares of a line must add up to 100.")
    if any(share <= 0 for _user, share in credits):
        return _("Shares must be positive.")
    return None


def _cart_price(
    *, counters: CommerceSettings, lines: Sequence[CartLine], currency: str, cart_discount: Decimal
) -> CartAmounts:
    """``commerce.pricing.price_cart`` of the cart at catalog prices with the clinic's tax."""
    try:
        return price_cart(
            [
                LineInput(
                    unit_price=line.price,
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
    draft_invoice: Invoice | None = None,
) -> CartAmounts:
    """Price a cart exactly as ``sale_checkout`` would, writing nothing: the POS shows
    this server total and confirms payment only when it equals its own computation.
    Amounts are ``Decimal`` in ``currency`` (default the clinic's) per ``commerce.pricing``.

    Raises ``ValidationFailed`` naming the field, as ``sale_checkout`` does for the cart
    (``currency``, ``lines``, ``lines.<i>.<field>``, ``patient_id``, ``cart_discount``,
    ``invoice_id``). With ``draft_invoice`` the cart is priced as its checkout would be
    (``_draft_lines_lock``)."""
    currency = currency or clinic.currency
    _validate_cart(clinic=clinic, currency=currency, patient=patient, lines=lines, payments=())
    if draft_invoice is not None:
        _draft_invoice_check(draft_invoice, patient)
        lines = _draft_lines_lock(draft_invoice, lines)
    amounts = _cart_price(
        counters=settings_for(clinic), lines=lines, currency=currency, cart_discount=cart_discount
    )
    _draft_paid_check(draft_invoice, amounts)
    return amounts


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
    walk_in: bool = False,
) -> tuple[Sale, bool]:
    """Check out a cart (``_sale_checkout_write``, one transaction), then send the card
    payments it wrote ``pending`` to the provider outside it
    (``card_payments.card_charges_send``; also those of a retried checkout whose gateway
    has not answered yet). Returns ``(sale, created)``."""
    sale, created, written = _sale_checkout_write(
        clinic=clinic,
        actor=actor,
        patient=patient,
        lines=lines,
        payments=payments,
        idempotency_key=idempotency_key,
        currency=currency,
        cart_discount=cart_discount,
        draft_invoice=draft_invoice,
        at=at,
        walk_in=walk_in,
    )
    if written is None:  # a retry: the first call's card payments may still wait for the gateway
        written = list(
            Payment.objects.filter(
                invoice__sale=sale,
                method=Payment.Method.CARD,
                status=Payment.Status.PENDING,
                provider_reference="",
            ).order_by("created_at")
        )
    card_charges_send(written)  # the card payments among them still pending and unsent
    return sale, created


@transaction.atomic
def _sale_checkout_write(
    *,
    clinic: Clinic,
    actor: User,
    patient: ClinicPatient | None,
    lines: Sequence[CartLine],
    payments: Sequence[PaymentInput],
    idempotency_key: str,
    currency: str | None,
    cart_discount: Decimal,
    draft_invoice: Invoice | None,
    at: dt.datetime | None,
    walk_in: bool,
) -> tuple[Sale, bool, list[Payment] | None]:
    """Check out a cart; returns ``(sale, created, payments)``: the payments it wrote
    (``None`` for a retry, which writes none).

    A retried call with the same ``idempotency_key`` returns ``(first sale, False)`` and
    writes nothing, also when it races the first call: the unique key decides, so of
    concurrent calls with one key exactly one returns ``created=True``. The same key with
    a different cart is a ``Conflict`` (409). Payments may
    be less than the total (the invoice stays partially paid or sent, due after the
    clinic's ``invoice_due_days``) but not more. ``draft_invoice`` (from a completed
    visit) becomes this sale's invoice: the cart starts with its lines as drafted (same
    services and quantities, in order; discounts and credits may be set, further lines
    added), priced at the draft's unit prices (``_draft_lines_lock``); the draft row is
    locked, so two cashiers cannot both collect it. ``at`` backdates an imported sale
    (default now). Every sale has a ``patient``, except a product-only sale with
    ``walk_in`` where the clinic allows walk-in retail.

    Raises ``ValidationFailed`` naming the field: ``currency`` (not the clinic's),
    ``lines`` / ``lines.<i>.<field>`` (empty cart, another currency, discounts out of
    range, credit shares not summing to 100, stock refused: ``lines.<i>.quantity`` /
    ``lines.<i>.lot_id``), ``payments.<i>.<field>`` (``payments.<i>.method``: unknown or not
    accepted by the clinic), ``payments`` (more than the total), ``patient_id`` (none
    chosen), ``walk_in``, ``invoice_id`` (not a draft of this patient, or already
    collected).

    Audited as ``sale.completed`` (number, invoice, patient, total, currency, how many
    lines) and one ``payment.recorded`` per payment (``card_payments.payment_take``); a
    retry audits nothing again."""
    live = at is None  # an imported sale gets no receipt
    at = at or timezone.now()
    currency = currency or clinic.currency
    fingerprint = _fingerprint(patient=patient, lines=lines, payments=payments, cart_discount=cart_discount)
    counters = settings_for(clinic)
    # A retry is found by its key when the sale's insert clashes with the first one, or
    # when the cart is refused (answered as first done, even if prices, stock or the
    # draft changed since): no read of the key for a new checkout.
    try:
        _validate_cart(
            clinic=clinic,
            currency=currency,
            patient=patient,
            lines=lines,
            payments=payments,
            chosen_methods=counters.payment_methods,
            customer=(counters, walk_in),
        )
        if draft_invoice is not None:
            draft_invoice = Invoice.objects.select_for_update().get(pk=draft_invoice.pk)
            _draft_invoice_check(draft_invoice, patient)
            lines = _draft_lines_lock(draft_invoice, lines)
        amounts = _cart_price(counters=counters, lines=lines, currency=currency, cart_discount=cart_discount)
        _draft_paid_check(draft_invoice, amounts)
        paying = sum((p.amount for p in payments), Decimal(0))
        # A draft may already be partly paid (a deposit applied to it).
        payable = amounts.total - (draft_invoice.paid_total if draft_invoice is not None else Decimal(0))
        if paying > payable:
            raise ValidationFailed(errors={"payments": [_("Payments exceed the total of %s.") % payable]})
    except ValidationFailed:
        existing = _sale_for_key(idempotency_key, fingerprint)
        if existing is None:
            raise
        return existing, False, None

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
        return existing, False, None
    sale_lines = _sale_lines_write(
        sale=sale, lines=lines, amounts=amounts, counters=counters, patient=patient, at=at
    )
    invoice = _invoice_for_sale(
        sale=sale,
        lines=sale_lines,
        draft=draft_invoice,
        actor=actor,
        at=at,
        due_days=counters.invoice_due_days,
    )
    # Journal entries and audit events name the numbers: they are written in one batch
    # each at the end, after the numbers are taken.
    journaled: list[Payment] = []
    events: list[AuditInput] = []
    written = [
        payment_take(  # a card payment through the provider, maybe pending
            invoice=invoice,
            method=payment.method,
            amount=payment.amount,
            provider_reference=payment.provider_reference,
            idempotency_key=f"checkout:{idempotency_key}:{index}",
            actor=actor,
            at=at,
            live=live,
            batch=(journaled, events),
        )
        for index, payment in enumerate(payments)
    ]
    received = [p for p in written if p.status == Payment.Status.SUCCEEDED]
    if draft_invoice is not None:  # a deposit may have paid part of it already
        invoice_refresh(invoice)
    else:  # a new invoice: paid by what was just received
        invoice_totals_set(invoice, paid=sum((p.amount for p in received), Decimal(0)))
    _sale_close(
        sale=sale,
        invoice=invoice,
        lines=lines,
        rows=sale_lines,
        counters=counters,
        actor=actor,
        at=at,
        receipt=received if live else [],
        journaled=journaled,
        events=events,
    )
    sale_completed.send(sender=Sale, sale=sale)
    return sale, True, written


def _sale_close(
    *,
    sale: Sale,
    invoice: Invoice,
    lines: Sequence[CartLine],
    rows: Sequence[SaleLine],
    counters: CommerceSettings,
    actor: User,
    at: dt.datetime,
    receipt: Sequence[Payment],
    journaled: Sequence[Payment],
    events: list[AuditInput],
) -> None:
    """The end of a checkout, under the locks, each held until commit: the lots sold from
    (FEFO), the clinic's document counters (gapless numbers, one statement that also
    numbers the sale and its invoice), then the audit trail's chain. What is read here
    is read before the first lock; what names a number is written in one batch each:
    the journal entries (sale, ``journaled`` payments, cost of the stock), the receipt
    of the ``receipt`` payments, the audit events (``events`` and ``sale.completed``)
    and the outbox event."""
    clinic, patient = sale.clinic, sale.patient
    if receipt and patient is not None:
        patient.profile  # noqa: B018 -- the receipt's contact, read before any lock is taken
    for line in lines:  # FEFO reads the clinic's day: no query for it under the locks
        if isinstance(line.item, Product) and line.item.clinic_id == clinic.pk:
            line.item.clinic = clinic
    entries: list[ledger.EntryInput] = []
    _lines_stock_consume(lines=lines, rows=rows, patient=patient, actor=actor, cost_entries=entries)
    sale.number, invoice.number = _numbers_take(counters, sale=sale, invoice=invoice, at=at)
    sale.created_at = at
    sale_entry = ledger.EntryInput(
        clinic=clinic,
        description=f"Sale {sale.number}",
        currency=sale.currency,
        reference_type="commerce.sale",
        reference_id=sale.pk,
        postings=[
            (ledger.ACCOUNTS_RECEIVABLE, sale.total, Decimal(0)),
            (ledger.TAX_PAYABLE, Decimal(0), sale.tax_total),
            *((revenue_account(row), Decimal(0), row.net_amount) for row in rows),
        ],
        posted_at=at,
    )
    ledger.journal_entries_post(
        [sale_entry, *(payment_entry(invoice=invoice, payment=p, at=at) for p in journaled), *entries]
    )
    if receipt:
        receipt_schedule(invoice=invoice, payments=receipt, payments_new=True)
    events.append(
        AuditInput(
            actor=actor,
            action="sale.completed",
            object_type=SALE_OBJECT_TYPE,
            object_id=sale.pk,
            changes={
                "number": [None, sale.number],
                "invoice_id": [None, invoice.pk],
                "patient_id": [None, patient.pk if patient else None],
                "total": [None, sale.total],
                "currency": [None, sale.currency],
                "lines": [None, len(rows)],
            },
        )
    )
    audit_events_record(clinic=clinic, events=events)
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
                "currency": sale.currency,
            }
        ).data,
    )


def _draft_invoice_check(draft_invoice: Invoice | None, patient: ClinicPatient | None) -> None:
    """``ValidationFailed`` (``invoice_id``) unless the draft to check out is one of ``patient``."""
    if draft_invoice is not None and (
        draft_invoice.status != InvoiceStatus.DRAFT
        or draft_invoice.patient_id != (patient.pk if patient else None)
    ):
        raise ValidationFailed(errors={"invoice_id": [_("A draft invoice of this patient.")]})


def _draft_paid_check(draft_invoice: Invoice | None, amounts: CartAmounts) -> None:
    """``ValidationFailed`` (``cart_discount``) when discounts would bring the draft's
    total below what a deposit applied to it already paid: its balance would be negative."""
    if draft_invoice is not None and amounts.total < draft_invoice.paid_total:
        language = translation.get_language() or draft_invoice.clinic.locale
        paid = money_format(draft_invoice.paid_total, draft_invoice.currency, language)
        raise ValidationFailed(
            errors={
                "cart_discount": [
                    _("A deposit of %s already paid this visit: the total cannot be less.") % paid
                ]
            }
        )


def _draft_lines_lock(draft: Invoice, lines: Sequence[CartLine]) -> list[CartLine]:
    """The cart with the draft's lines locked to what was done: the first lines must be
    the draft's items in order (same service or product, same quantity), and they take
    the draft's unit price (zero where a course paid the session); a product line of the
    draft is marked ``used_at_visit``. Raises ``ValidationFailed`` (``lines``, or
    ``lines.<i>.item_id`` / ``lines.<i>.quantity``) otherwise."""
    items = list(draft.items.order_by("position"))
    if len(lines) < len(items):
        raise ValidationFailed(errors={"lines": [_("The lines of the visit cannot be removed.")]})
    errors: dict[str, str] = {}
    locked = list(lines)
    for index, (item, line) in enumerate(zip(items, lines, strict=False)):
        kind = Product if item.product_id is not None else Service
        if not isinstance(line.item, kind) or line.item.pk != (item.product_id or item.service_id):
            errors[f"lines.{index}.item_id"] = _("This line of the visit cannot change.")
        elif line.quantity != item.quantity:
            errors[f"lines.{index}.quantity"] = _("The quantity done at the visit cannot change.")
        else:
            locked[index] = replace(line, unit_price=item.unit_price, used_at_visit=kind is Product)
    if errors:
        raise ValidationFailed(errors=errors)
    return locked


def _sale_lines_write(
    *,
    sale: Sale,
    lines: Sequence[CartLine],
    amounts: CartAmounts,
    counters: CommerceSettings,
    patient: ClinicPatient | None,
    at: dt.datetime,
) -> list[SaleLine]:
    """The sale's lines, their practitioner credits and the course balances bought."""
    sale_lines = SaleLine.objects.bulk_create(
        [
            SaleLine(
                clinic=sale.clinic,
                sale=sale,
                position=index,
                kind=line.kind,
                service=line.item if isinstance(line.item, Service) else None,
                product=line.item if isinstance(line.item, Product) else None,
                course=line.item if isinstance(line.item, Course) else None,
                description=line.item.name[:200],
                quantity=line.quantity,
                unit_price=line.price,
                line_discount=amount.line_discount,
                cart_discount_share=amount.cart_discount_share,
                net_amount=amount.net,
                tax_rate=_tax_rate(counters, line.kind),
                tax_amount=amount.tax,
                total=amount.total,
                currency=sale.currency,
            )
            for index, (line, amount) in enumerate(zip(lines, amounts.lines, strict=True))
        ]
    )
    SaleLineCredit.objects.bulk_create(
        [
            SaleLineCredit(clinic=sale.clinic, sale_line=row, practitioner=user, share=share)
            for line, row in zip(lines, sale_lines, strict=True)
            for user, share in line.credits
        ]
    )
    for line, row in zip(lines, sale_lines, strict=True):
        if isinstance(line.item, Course) and patient is not None:
            _balances_create(line=row, course=line.item, patient=patient, at=at)
    return sale_lines


def _lines_stock_consume(
    *,
    lines: Sequence[CartLine],
    rows: Sequence[SaleLine],
    patient: ClinicPatient | None,
    actor: User,
    cost_entries: list[ledger.EntryInput],
) -> None:
    """Take the product lines' stock (FEFO or the chosen lot), but for products used at
    the visit (taken then); a refusal names the line (``lines.<i>.quantity`` /
    ``lines.<i>.lot_id``). The cost entries are appended to ``cost_entries``."""
    for index, (line, row) in enumerate(zip(lines, rows, strict=True)):
        if isinstance(line.item, Product) and not line.used_at_visit:
            try:
                stock_take(  # no savepoint: a refusal fails the checkout
                    product=line.item,
                    quantity=line.quantity,
                    lot=line.lot,
                    patient=patient,
                    reference_type=SALE_LINE_REF,
                    reference_id=row.pk,
                    actor=actor,
                    kind=StockMovement.Kind.SALE,
                    cost_entries=cost_entries,
                )
            except ValidationFailed as exc:
                renamed = {f"lines.{index}.{'lot_id' if k == 'lot' else k}": v for k, v in exc.errors.items()}
                raise ValidationFailed(errors=renamed) from exc


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
    redeemed: dict[int, uuid.UUID] = {}
    if draft is not None:  # the course redemptions that paid drafted lines stay on them
        redeemed = dict(
            InvoiceItem.objects.filter(invoice=draft, course_redemption__isnull=False).values_list(
                "position", "course_redemption_id"
            )
        )
        InvoiceItem.objects.filter(invoice=draft).delete()
    invoice.sale = sale
    invoice.patient = sale.patient
    invoice.status = InvoiceStatus.SENT
    invoice.subtotal, invoice.discount_total = sale.subtotal, sale.discount_total
    invoice.tax_total, invoice.total = sale.tax_total, sale.total
    invoice.paid_total = invoice.refunded_total = Decimal(0)
    invoice.balance_due = sale.total
    invoice.issued_at = at
    invoice.due_date = sale.clinic.date_at(at) + dt.timedelta(days=due_days)
    invoice.save()
    InvoiceItem.objects.bulk_create(
        [
            InvoiceItem(
                clinic=sale.clinic,
                invoice=invoice,
                position=row.position,
                sale_line=row,
                service=row.service,
                product=row.product,
                description=row.description,
                quantity=row.quantity,
                unit_price=row.unit_price,
                discount=row.line_discount + row.cart_discount_share,
                tax_amount=row.tax_amount,
                total=row.total,
                course_redemption_id=redeemed.get(row.position),
            )
            for row in lines
        ]
    )
    return invoice
