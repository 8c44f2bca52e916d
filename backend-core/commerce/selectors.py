"""Reads of the commerce context (stock, sales, ledger). Every function reads
the current clinic's rows (tenant-local managers) and returns querysets or values."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import (
    Count,
    DecimalField,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Ceil, Coalesce, Greatest, TruncDate, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from accounts.selectors import clinics_permitting
from catalog.models import Product, Service
from catalog.selectors import ZERO
from commerce.models import (
    INVOICE_SUBJECT,
    CourseBalance,
    CourseRedemption,
    Deposit,
    Invoice,
    InvoiceItem,
    JournalLine,
    Payment,
    PurchaseOrder,
    PurchaseOrderLine,
    Refund,
    RefundLine,
    Sale,
    SaleLine,
    SaleLineCredit,
    StockLot,
    StockMovement,
    Supplier,
    SupplierItem,
)
from core.exceptions import ValidationFailed
from notifications.selectors import notification_last_sent_at
from patients.models import ClinicPatient
from patients.selectors import chart_rows_filter


def lot_list() -> QuerySet[StockLot]:
    """Lots by product and FEFO order."""
    return StockLot.objects.select_related("product").order_by("product__name", "expiry_date", "lot_number")


def movement_list() -> QuerySet[StockMovement]:
    return StockMovement.objects.select_related("lot", "lot__product").order_by("-created_at")


# The window of past use the reorder suggestion averages over, in days.
USAGE_WINDOW_DAYS = 90


def low_stock(*, today: dt.date, lead_days: int, window_days: int = USAGE_WINDOW_DAYS) -> QuerySet[Product]:
    """Active products whose usable stock (unexpired lots) is at or below their reorder
    point (``low_stock_threshold``; products with none are never listed), annotated with
    ``usable``, ``used`` (taken out by treatments and sales in the last ``window_days``
    days, net of returns) and ``suggested``: the whole
    units to order so that, after ``lead_days`` days of the average daily use, stock is
    back at the reorder point: ``ceil(reorder point + used / window * lead_days -
    usable)``, at least one; and the product's preferred active supplier
    (``preferred_supplier_id``/``_name``, ``preferred_pack_size``, ``preferred_unit_cost``;
    null without one). Two queries per page at most (no per-row reads)."""
    usable = Coalesce(Sum("lots__quantity_on_hand", filter=Q(lots__expiry_date__gte=today)), ZERO)
    preferred = SupplierItem.objects.filter(
        product=OuterRef("pk"), is_preferred=True, supplier__is_active=True
    )
    since = timezone.now() - dt.timedelta(days=window_days)
    out_kinds = [StockMovement.Kind.CONSUME, StockMovement.Kind.SALE, StockMovement.Kind.RETURN]
    used = (
        StockMovement.objects.filter(lot__product=OuterRef("pk"), kind__in=out_kinds, created_at__gte=since)
        .values("lot__product")
        .annotate(total=-Sum("quantity"))
        .values("total")
    )
    quantity: DecimalField[Decimal, Decimal] = DecimalField(max_digits=12, decimal_places=3)
    cover = F("low_stock_threshold") + F("used") * Decimal(lead_days) / Decimal(window_days) - F("usable")
    return (
        Product.objects.filter(is_active=True, low_stock_threshold__gt=0)
        .annotate(usable=usable)
        .filter(usable__lte=F("low_stock_threshold"))
        .annotate(used=Coalesce(Subquery(used, output_field=quantity), ZERO))
        .annotate(
            suggested=Greatest(Ceil(cover, output_field=quantity), Value(Decimal(1)), output_field=quantity)
        )
        .annotate(
            preferred_supplier_id=Subquery(preferred.values("supplier_id")[:1]),
            preferred_supplier_name=Subquery(preferred.values("supplier__name")[:1]),
            preferred_pack_size=Subquery(preferred.values("pack_size")[:1]),
            preferred_unit_cost=Subquery(preferred.values("last_unit_cost")[:1]),
        )
        .order_by("name")
    )


def near_expiry(*, today: dt.date, within_days: int) -> QuerySet[StockLot]:
    """Lots with stock that expire within ``within_days`` days from ``today`` (expired
    ones included, so they are taken off the shelf), soonest first."""
    return (
        lot_list()
        .filter(quantity_on_hand__gt=0, expiry_date__lte=today + dt.timedelta(days=within_days))
        .order_by("expiry_date", "lot_number")
    )


@dataclass(frozen=True)
class RecallRow:
    patient_id: Any
    chart_number: str
    patient_name: str
    kind: str
    quantity: Decimal
    reference_type: str
    reference_id: Any
    at: dt.datetime


def unscoped_stock_transfer_destination(
    *, actor: User, clinic: Clinic, to_clinic_id: Any, to_product_id: Any
) -> Product:
    """The product ``to_product_id`` of clinic ``to_clinic_id``, where ``actor`` may send
    stock from ``clinic``: a clinic of the same organization where they hold
    ``stock.transfer`` too (``core.permissions``). Reads another clinic's catalog on
    purpose, only in such a clinic. Raises ``ValidationFailed`` naming ``to_clinic_id``
    (any other clinic, another organization's included, reads as unknown) or
    ``to_product_id`` (not a product of that clinic)."""
    destination = (
        clinics_permitting(user=actor, organization_id=clinic.organization_id, permission="stock.transfer")
        .filter(pk=to_clinic_id)
        .first()
    )
    if destination is None:
        raise ValidationFailed(errors={"to_clinic_id": [_("A clinic of this organization you manage.")]})
    product = Product.unscoped.filter(pk=to_product_id, clinic=destination).first()
    if product is None:
        raise ValidationFailed(errors={"to_product_id": [_("Not a product of that clinic.")]})
    return product


def lot_recall(*, lot: StockLot) -> list[RecallRow]:
    """Every patient, and the session or sale line (``reference_type``/``reference_id``),
    that received some of ``lot``, oldest first; one query. Part of a lot transferred to
    a sister clinic is a lot of that clinic with the same number: recall it there."""
    out = (
        StockMovement.objects.filter(
            lot=lot, patient__isnull=False, kind__in=[StockMovement.Kind.CONSUME, StockMovement.Kind.SALE]
        )
        .select_related("patient__profile")
        .order_by("created_at")
    )
    return [
        RecallRow(
            patient_id=row.patient_id,
            chart_number=row.patient.chart_number if row.patient else "",
            patient_name=_name(row),
            kind=row.kind,
            quantity=-row.quantity,
            reference_type=row.reference_type,
            reference_id=row.reference_id,
            at=row.created_at,
        )
        for row in out
    ]


def _name(row: StockMovement) -> str:
    profile = row.patient.profile if row.patient else None
    return f"{profile.given_name} {profile.family_name}".strip() if profile else ""


# What a lot's use is read from: given to a patient in a treatment or a sale, and what came
# back (a return, positive) nets it.
_USE_KINDS = (StockMovement.Kind.CONSUME, StockMovement.Kind.SALE, StockMovement.Kind.RETURN)
TREATMENT_REFERENCE = "emr.treatment_session"


@dataclass(frozen=True)
class LotUsage:
    lot_id: Any
    lot_number: str
    expiry_date: dt.date
    registration_number: str
    product_id: Any
    product_name: str
    unit: str
    quantity: Decimal
    treatments: int
    patients: int
    first_used_at: dt.datetime
    last_used_at: dt.datetime


def lot_usage(*, start: dt.datetime | None, end: dt.datetime | None) -> list[LotUsage]:
    """The current clinic's lots used on patients in ``[start, end)`` (UTC instants, either
    open): per lot, the net ``quantity`` used (the product's unit: consumed in treatments
    and sold, less returns), the ``treatments`` (treatment sessions) and ``patients``
    (distinct charts) it went to, and the first and last use. ``registration_number`` is
    the lot's regulatory registration, else its product's (ANVISA in Brazil: the
    registration a product used on patients must carry, Lei 6.360/1976 Art. 12; RDC
    ANVISA 67/2007 on traceability by lot). Sorted by registration, product and lot
    number; lots netting zero (all returned) are left out. One query."""
    rows = StockMovement.objects.filter(kind__in=_USE_KINDS)
    if start is not None:
        rows = rows.filter(created_at__gte=start)
    if end is not None:
        rows = rows.filter(created_at__lt=end)
    grouped = (
        rows.order_by()
        .values(
            "lot_id",
            "lot__lot_number",
            "lot__expiry_date",
            "lot__registration_number",
            "lot__product_id",
            "lot__product__name",
            "lot__product__registration_number",
            "lot__product__unit",
        )
        .annotate(
            used=-Sum("quantity"),
            treatments=Count("reference_id", distinct=True, filter=Q(reference_type=TREATMENT_REFERENCE)),
            patients=Count("patient_id", distinct=True, filter=~Q(kind=StockMovement.Kind.RETURN)),
            first=Min("created_at"),
            last=Max("created_at"),
        )
    )
    usage = [
        LotUsage(
            lot_id=row["lot_id"],
            lot_number=row["lot__lot_number"],
            expiry_date=row["lot__expiry_date"],
            registration_number=row["lot__registration_number"] or row["lot__product__registration_number"],
            product_id=row["lot__product_id"],
            product_name=row["lot__product__name"],
            unit=row["lot__product__unit"],
            quantity=row["used"],
            treatments=row["treatments"],
            patients=row["patients"],
            first_used_at=row["first"],
            last_used_at=row["last"],
        )
        for row in grouped
        if row["used"] > 0
    ]
    return sorted(usage, key=lambda u: (u.registration_number, u.product_name, u.lot_number))


def sale_list() -> QuerySet[Sale]:
    return (
        Sale.objects.select_related("patient", "invoice")
        .prefetch_related("lines__credits")
        .order_by("-created_at")
    )


def invoice_list() -> QuerySet[Invoice]:
    """Invoices, newest first, with what a list row shows (the patient's name and
    contacts, the clinic for its local date, ``last_sent_at``: when it was last sent to
    the patient) and the items, in a fixed number of queries."""
    return (
        Invoice.objects.select_related("patient__profile", "clinic")
        .prefetch_related("items")
        .annotate(
            last_sent_at=notification_last_sent_at(subject_type=INVOICE_SUBJECT, template_prefix="invoice.")
        )
        .order_by("-created_at", "-pk")
    )


def invoice_dated_at() -> Coalesce:
    """The instant an invoice is dated by: issued (checked out), else created (a draft)."""
    return Coalesce("issued_at", "created_at")


def invoices_dated_between(
    invoices: QuerySet[Invoice], *, clinic: Clinic, start: dt.date | None, end: dt.date | None
) -> QuerySet[Invoice]:
    """``invoices`` dated (``invoice_dated_at``) on the clinic-local days ``start`` to
    ``end``, both included (either may be open): a day runs from the clinic's midnight
    to the next, whatever UTC says."""
    dated = invoices.alias(dated_at=invoice_dated_at())
    if start is not None:
        dated = dated.filter(dated_at__gte=dt.datetime.combine(start, dt.time.min, tzinfo=clinic.zone))
    if end is not None:
        after = end + dt.timedelta(days=1)
        dated = dated.filter(dated_at__lt=dt.datetime.combine(after, dt.time.min, tzinfo=clinic.zone))
    return dated


def invoices_of_practitioner(invoices: QuerySet[Invoice], *, practitioner_id: Any) -> QuerySet[Invoice]:
    """``invoices`` with an item done by the practitioner (a visit's draft) or a sale
    line crediting them (a checkout), without duplicates."""
    return invoices.filter(
        Exists(InvoiceItem.objects.filter(invoice=OuterRef("pk"), practitioner_id=practitioner_id))
        | Exists(
            SaleLineCredit.objects.filter(
                sale_line__sale_id=OuterRef("sale_id"), practitioner_id=practitioner_id
            )
        )
    )


def payment_list() -> QuerySet[Payment]:
    return Payment.objects.select_related("invoice").order_by("-received_at")


def course_balance_list() -> QuerySet[CourseBalance]:
    return CourseBalance.objects.select_related("course", "patient").order_by("expires_at")


def course_redemption_list() -> QuerySet[CourseRedemption]:
    """The current clinic's redemptions, newest first, with their balance, service and
    practitioner, and ``paid_invoice_id``: the invoice whose line the session paid (a
    visit's), if any."""
    paid_line = InvoiceItem.objects.filter(course_redemption=OuterRef("pk")).values("invoice_id")[:1]
    return (
        CourseRedemption.objects.select_related("balance", "service", "practitioner")
        .annotate(paid_invoice_id=Subquery(paid_line))
        .order_by("-created_at")
    )


def unscoped_clinic_has_traded(*, clinic_id: Any) -> bool:
    """True when the clinic has any sale or invoice (any state): money recorded in its
    currency. Reads by clinic id, so it works outside a request's clinic context."""
    return (
        Sale.unscoped.filter(clinic_id=clinic_id).exists()
        or Invoice.unscoped.filter(clinic_id=clinic_id).exists()
    )


def _lines_between(start: dt.datetime | None, end: dt.datetime | None) -> QuerySet[JournalLine]:
    lines = JournalLine.objects.all()
    if start is not None:
        lines = lines.filter(entry__posted_at__gte=start)
    if end is not None:
        lines = lines.filter(entry__posted_at__lt=end)
    return lines


def trial_balance(*, start: dt.datetime | None = None, end: dt.datetime | None = None) -> dict[str, Any]:
    """Per account: total ``debit``, ``credit`` and ``balance`` (debit - credit) of the
    entries posted in ``[start, end)`` (UTC; open ends allowed), plus the grand totals.
    ``total_balance`` is always zero (every entry balances)."""
    rows = list(
        _lines_between(start, end)
        .values("account")
        .annotate(debit=Sum("debit"), credit=Sum("credit"))
        .order_by("account")
    )
    accounts = [
        {
            "account": r["account"],
            "debit": r["debit"],
            "credit": r["credit"],
            "balance": r["debit"] - r["credit"],
        }
        for r in rows
    ]
    debit = sum((a["debit"] for a in accounts), Decimal(0))
    credit = sum((a["credit"] for a in accounts), Decimal(0))
    return {
        "accounts": accounts,
        "total_debit": debit,
        "total_credit": credit,
        "total_balance": debit - credit,
    }


def period_totals(
    *, start: dt.datetime | None = None, end: dt.datetime | None = None
) -> list[dict[str, Any]]:
    """Per calendar month (UTC) and account: debit, credit and balance in ``[start, end)``."""
    rows = (
        _lines_between(start, end)
        .annotate(period=TruncMonth("entry__posted_at", tzinfo=dt.UTC))
        .values("period", "account")
        .annotate(debit=Sum("debit"), credit=Sum("credit"))
        .order_by("period", "account")
    )
    return [
        {
            "period": r["period"].date().isoformat()[:7],
            "account": r["account"],
            "debit": r["debit"],
            "credit": r["credit"],
            "balance": r["debit"] - r["credit"],
        }
        for r in rows
    ]


# Across the clinics of an organization, for a data subject's copy: the reads go
# through the ``unscoped`` managers, bounded by the given chart links (see
# ``emr.selectors.unscoped_patient_clinical_record``).


def _sale_record(sale: Sale) -> dict[str, Any]:
    return {
        "id": sale.pk,
        "number": sale.number,
        "status": sale.status,
        "sold_at": sale.created_at,
        "voided_at": sale.voided_at,
        "currency": sale.currency,
        "subtotal": sale.subtotal,
        "discount_total": sale.discount_total,
        "tax_total": sale.tax_total,
        "total": sale.total,
        "tax_inclusive": sale.tax_inclusive,
        "lines": [
            {
                "position": line.position,
                "kind": line.kind,
                "description": line.description,
                "quantity": line.quantity,
                "unit_price": line.unit_price,
                "line_discount": line.line_discount,
                "cart_discount_share": line.cart_discount_share,
                "net_amount": line.net_amount,
                "tax_rate": line.tax_rate,
                "tax_amount": line.tax_amount,
                "total": line.total,
            }
            for line in sale.lines.all()
        ],
        "refunds": [
            {"amount": refund.amount, "reason": refund.reason, "refunded_at": refund.created_at}
            for refund in sale.refunds.all()
        ],
    }


def _invoice_record(invoice: Invoice) -> dict[str, Any]:
    return {
        "id": invoice.pk,
        "number": invoice.number,
        "status": invoice.status,
        "sale_id": invoice.sale_id,
        "issued_at": invoice.issued_at,
        "due_date": invoice.due_date,
        "currency": invoice.currency,
        "subtotal": invoice.subtotal,
        "discount_total": invoice.discount_total,
        "tax_total": invoice.tax_total,
        "total": invoice.total,
        "paid_total": invoice.paid_total,
        "refunded_total": invoice.refunded_total,
        "balance_due": invoice.balance_due,
        "items": [
            {
                "position": item.position,
                "description": item.description,
                "quantity": item.quantity,
                "unit_price": item.unit_price,
                "discount": item.discount,
                "tax_amount": item.tax_amount,
                "total": item.total,
            }
            for item in invoice.items.all()
        ],
        "payments": [
            {
                "amount": payment.amount,
                "currency": payment.currency,
                "method": payment.method,
                "status": payment.status,
                "provider_reference": payment.provider_reference,
                "received_at": payment.received_at,
            }
            for payment in invoice.payments.all()
        ],
    }


def _course_balance_record(balance: CourseBalance) -> dict[str, Any]:
    return {
        "id": balance.pk,
        "course": {"id": balance.course_id, "name": balance.course.name},
        "bought_at": balance.created_at,
        "expires_at": balance.expires_at,
        "status": balance.status,
        "sessions_total": balance.sessions_total,
        "sessions_remaining": balance.sessions_remaining,
        "redemptions": [
            {
                "service": (
                    {"id": used.service_id, "name": used.service.name} if used.service is not None else None
                ),
                "redeemed_at": used.created_at,
                "reversed_at": used.reversed_at,
            }
            for used in balance.redemptions.all()
        ],
    }


def _stock_movement_record(movement: StockMovement) -> dict[str, Any]:
    lot = movement.lot
    return {
        "id": movement.pk,
        "at": movement.created_at,
        "kind": movement.kind,
        "quantity": movement.quantity,
        "product": {"id": lot.product_id, "name": lot.product.name},
        "lot_number": lot.lot_number,
        "lot_expiry_date": lot.expiry_date,
        "registration_number": lot.registration_number or lot.product.registration_number,
        "reference_type": movement.reference_type,
        "reference_id": movement.reference_id,
    }


def unscoped_patient_commerce_record(
    *, patients: Sequence[ClinicPatient]
) -> dict[Any, dict[str, list[dict[str, Any]]]]:
    """What commerce holds about each chart link in ``patients`` (the person's
    ``ClinicPatient`` rows, possibly at several clinics), for the data subject's copy
    (LGPD Art. 18 II; GDPR Art. 15; PDPA s30). By chart id, every chart present, oldest
    first::

        {chart_id: {
          "sales": [{"id", "number", "status", "sold_at", "voided_at", "currency",
                     "subtotal", "discount_total", "tax_total", "total", "tax_inclusive",
                     "lines": [{"position", "kind", "description", "quantity",
                                "unit_price", "line_discount", "cart_discount_share",
                                "net_amount", "tax_rate", "tax_amount", "total"}],
                     "refunds": [{"amount", "reason", "refunded_at"}]}],
          "invoices": [{"id", "number", "status", "sale_id", "issued_at", "due_date",
                        "currency", "subtotal", "discount_total", "tax_total", "total",
                        "paid_total", "refunded_total", "balance_due",
                        "items": [{"position", "description", "quantity", "unit_price",
                                   "discount", "tax_amount", "total"}],
                        "payments": [{"amount", "currency", "method", "status",
                                      "provider_reference", "received_at"}]}],
          "course_balances": [{"id", "course": {"id", "name"}, "bought_at",
                               "expires_at", "status", "sessions_total",
                               "sessions_remaining",
                               "redemptions": [{"service", "redeemed_at",
                                                "reversed_at"}]}],
          "stock_movements": [{"id", "at", "kind", "quantity", "product": {"id", "name"},
                               "lot_number", "lot_expiry_date", "registration_number",
                               "reference_type", "reference_id"}]}}

    Amounts are ``Decimal`` in the row's currency, quantities ``Decimal`` in the
    product's unit (negative: out of stock to the patient); instants ``datetime``.
    Stock movements are those naming the patient (products used on or sold to them,
    what a recall reads). A fixed number of queries (9), whatever the number of charts
    and rows.
    """
    record: dict[Any, dict[str, list[dict[str, Any]]]] = {
        p.pk: {"sales": [], "invoices": [], "course_balances": [], "stock_movements": []} for p in patients
    }
    if not patients:
        return record
    where = chart_rows_filter(patients)
    sales = Sale.unscoped.filter(where).prefetch_related(
        Prefetch("lines", queryset=SaleLine.unscoped.order_by("position")),
        Prefetch("refunds", queryset=Refund.unscoped.order_by("created_at", "pk")),
    )
    for sale in sales.order_by("created_at", "pk"):
        record[sale.patient_id]["sales"].append(_sale_record(sale))
    invoices = Invoice.unscoped.filter(where).prefetch_related(
        Prefetch("items", queryset=InvoiceItem.unscoped.order_by("position")),
        Prefetch("payments", queryset=Payment.unscoped.order_by("received_at", "pk")),
    )
    for invoice in invoices.order_by("created_at", "pk"):
        record[invoice.patient_id]["invoices"].append(_invoice_record(invoice))
    balances = (
        CourseBalance.unscoped.filter(where)
        .select_related("course")
        .prefetch_related(
            Prefetch(
                "redemptions",
                queryset=CourseRedemption.unscoped.select_related("service").order_by("created_at", "pk"),
            )
        )
    )
    for balance in balances.order_by("created_at", "pk"):
        record[balance.patient_id]["course_balances"].append(_course_balance_record(balance))
    movements = StockMovement.unscoped.filter(where).select_related("lot__product")
    for movement in movements.order_by("created_at", "pk"):
        record[movement.patient_id]["stock_movements"].append(_stock_movement_record(movement))
    return record


def unscoped_patient_payment_ids(*, patients: Sequence[ClinicPatient]) -> list[str]:
    """The ids (text) of every payment of an invoice of the charts ``patients`` (one
    person, possibly at several clinics): what their receipts refer to. Crosses clinics
    deliberately, limited to the given charts (a data-subject erasure)."""
    return [
        str(pk) for pk in Payment.unscoped.filter(invoice__patient__in=patients).values_list("pk", flat=True)
    ]


def course_redemptions_for(
    *, reference_type: str, reference_ids: Iterable[Any]
) -> dict[Any, CourseRedemption]:
    """The standing (not reversed) course redemption of each reference that has one,
    keyed by reference id, with its balance and course loaded: e.g. which treatment
    sessions (``emr.treatment_session``) a prepaid course paid."""
    rows = CourseRedemption.objects.filter(
        reference_type=reference_type, reference_id__in=list(reference_ids), reversed_at__isnull=True
    ).select_related("balance__course")
    return {row.reference_id: row for row in rows}


def invoice_drafts_to_collect() -> QuerySet[Invoice]:
    """The clinic's draft invoices waiting at the till (*To collect*), newest first (the
    patient who just finished is usually the one at the desk),
    with the patient's name, each item's service and practitioner, and the payments
    already on it (a deposit applied) loaded."""
    return (
        Invoice.objects.filter(status=Invoice.Status.DRAFT)
        .select_related("patient__profile")
        .prefetch_related(
            Prefetch(
                "items",
                queryset=InvoiceItem.objects.select_related("practitioner", "course_redemption").order_by(
                    "position"
                ),
            ),
            Prefetch(
                "payments",
                queryset=Payment.objects.filter(status=Payment.Status.SUCCEEDED).order_by("created_at"),
            ),
        )
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class DepositState:
    """What an appointment's deposit stands at. ``status``: ``none`` (the treatment
    asks for none), ``due`` (asked, nothing received yet; ``pending`` while a card
    charge awaits the provider), ``paid`` (held), ``applied``, ``refunded`` or
    ``forfeited``. Amounts in ``currency``: ``amount`` asked, ``paid`` received (and not
    given back), ``applied`` put on the visit's invoice (``applied_invoice_id``)."""

    status: str
    amount: Decimal
    currency: str
    paid: Decimal
    applied: Decimal
    pending: bool
    method: str
    invoice_number: str
    applied_invoice_id: Any
    settled_at: dt.datetime | None


def deposit_state(*, appointment_id: Any, service: Service) -> DepositState:
    """The deposit of the appointment ``appointment_id`` booked for ``service``: its
    row when one was taken, else what the service asks for."""
    deposit = Deposit.objects.select_related("invoice").filter(appointment_id=appointment_id).first()
    if deposit is None:
        amount = service.deposit_amount
        return DepositState(
            status="due" if amount > 0 else "none",
            amount=amount,
            currency=service.currency,
            paid=Decimal(0),
            applied=Decimal(0),
            pending=False,
            method="",
            invoice_number="",
            applied_invoice_id=None,
            settled_at=None,
        )
    payments = list(deposit.invoice.payments.filter(amount__gt=0).order_by("created_at"))  # refunds aside
    paid = deposit.invoice.paid_total
    status = deposit.status
    if status == Deposit.Status.OPEN:
        status = "paid" if paid >= deposit.amount else "due"
    return DepositState(
        status=status,
        amount=deposit.amount,
        currency=deposit.currency,
        paid=paid,
        applied=deposit.applied_amount,
        pending=any(p.status == Payment.Status.PENDING for p in payments),
        method=payments[0].method if payments else "",
        invoice_number=deposit.invoice.number,
        applied_invoice_id=deposit.applied_invoice_id,
        settled_at=deposit.settled_at,
    )


def stock_count_sheet() -> QuerySet[StockLot]:
    """The lots a stock take counts: every lot with stock on hand (expired ones
    included: they are on the shelf until written off), by product and FEFO order."""
    return lot_list().filter(quantity_on_hand__gt=0)


def supplier_list() -> QuerySet[Supplier]:
    """The clinic's suppliers, active first, by name."""
    return Supplier.objects.order_by("-is_active", "name")


def purchase_order_list() -> QuerySet[PurchaseOrder]:
    """Purchase orders, newest first, with supplier and lines (products) in two more
    queries for any page size."""
    return (
        PurchaseOrder.objects.select_related("supplier")
        .prefetch_related(Prefetch("lines", PurchaseOrderLine.objects.select_related("product")))
        .order_by("-created_at")
    )


def supplier_item_list() -> QuerySet[SupplierItem]:
    """What the clinic's suppliers sell it, by supplier then product name; preferred
    first within a product is left to the caller (``?product=`` then order)."""
    return SupplierItem.objects.select_related("supplier", "product").order_by(
        "supplier__name", "product__name"
    )


@dataclass(frozen=True)
class TransferDestination:
    """A sister clinic stock may be sent to, and its products that can take ``lot``
    (same unit and registration number); ``products`` empty when it carries none."""

    clinic_id: Any
    clinic_name: str
    products: list[Product]


def unscoped_stock_transfer_destinations(*, actor: User, lot: StockLot) -> list[TransferDestination]:
    """The clinics ``lot`` may be transferred to by ``actor``: the other clinics of its
    organization where they hold ``stock.transfer`` (the same rule as
    ``unscoped_stock_transfer_destination``), by name, each with its active products
    of the lot's unit and registration number (the ones ``services.stock_transfer``
    accepts), by name. Reads those clinics' catalogs on purpose; never another
    organization's. Two queries."""
    clinics = list(
        clinics_permitting(
            user=actor, organization_id=lot.clinic.organization_id, permission="stock.transfer"
        )
        .exclude(pk=lot.clinic_id)
        .distinct()
        .order_by("name")
    )
    source = lot.product
    products: dict[Any, list[Product]] = {c.pk: [] for c in clinics}
    for product in Product.unscoped.filter(
        clinic__in=clinics,
        is_active=True,
        unit=source.unit,
        registration_number=source.registration_number,
    ).order_by("name"):
        products[product.clinic_id].append(product)
    return [TransferDestination(clinic_id=c.pk, clinic_name=c.name, products=products[c.pk]) for c in clinics]


Kind = StockMovement.Kind


def transfer_movement_list() -> QuerySet[StockMovement]:
    """The clinic's transfer movements (out and in), newest first, with the lot and
    product, and ``counterpart_clinic_name``: the other clinic of the transfer (read
    across clinics on purpose, its name only, through the shared ``reference_id``)."""
    other = (
        StockMovement.unscoped.filter(
            reference_type="commerce.stock_transfer", reference_id=OuterRef("reference_id")
        )
        .exclude(clinic_id=OuterRef("clinic_id"))
        .values("clinic__name")[:1]
    )
    return (
        StockMovement.objects.filter(
            kind__in=[StockMovement.Kind.TRANSFER_OUT, StockMovement.Kind.TRANSFER_IN]
        )
        .select_related("lot", "lot__product", "actor")
        .annotate(counterpart_clinic_name=Subquery(other))
        .order_by("-created_at", "id")
    )


def stock_transfer_made(*, transfer_id: Any) -> bool:
    """Has this clinic already sent a transfer with id ``transfer_id``?"""
    return StockMovement.objects.filter(
        reference_type="commerce.stock_transfer",
        reference_id=transfer_id,
        kind=StockMovement.Kind.TRANSFER_OUT,
    ).exists()


# Daily figures for the reporting context: each function sums the current clinic's rows
# per clinic-local day, so a report reads one row per day instead of scanning these tables.

MONEY_IN_ACCOUNTS = ("cash", "card_clearing", "bank")  # commerce.ledger: where received money lands
REVENUE_ACCOUNT_PREFIX = "revenue:"
DEFERRED_REVENUE_ACCOUNT = "deferred_revenue"
BREAKAGE_ACCOUNT = "revenue:course_breakage"
COURSE_EXPIRY_REFERENCE = "commerce.course_balance_expiry"  # services.courses: its journal entries


def _local_bounds(clinic: Clinic, start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """``[start 00:00, (end + 1) 00:00)`` in the clinic's zone, as aware datetimes."""
    after = end + dt.timedelta(days=1)
    return (
        dt.datetime.combine(start, dt.time.min, tzinfo=clinic.zone),
        dt.datetime.combine(after, dt.time.min, tzinfo=clinic.zone),
    )


@dataclass
class LedgerDay:
    """One clinic-local day of the ledger, in the clinic's currency: ``cash_received``
    (net debit of the money accounts: cash, card clearing, bank; refunds count
    negative), ``revenue_recognized`` (net credit of every ``revenue:*`` account) and
    ``deferred_revenue`` (net credit of ``deferred_revenue``: courses sold minus
    sessions redeemed or expired), ``breakage`` (net credit of
    ``revenue:course_breakage``: unused sessions of courses that expired; part of
    ``revenue_recognized``)."""

    cash_received: Decimal = Decimal(0)
    revenue_recognized: Decimal = Decimal(0)
    deferred_revenue: Decimal = Decimal(0)
    breakage: Decimal = Decimal(0)


def ledger_daily_totals(*, clinic: Clinic, start: dt.date, end: dt.date) -> dict[dt.date, LedgerDay]:
    """Per clinic-local day from ``start`` to ``end`` (both included) with any journal
    line: the day's ``LedgerDay``. Days without lines are absent. One query; the same
    lines ``trial_balance`` sums, so the figures of a period reconcile with it."""
    since, until = _local_bounds(clinic, start, end)
    rows = (
        _lines_between(since, until)
        .annotate(day=TruncDate("entry__posted_at", tzinfo=clinic.zone))
        .values("day", "account")
        .annotate(debit=Sum("debit"), credit=Sum("credit"))
        .order_by()
    )
    days: dict[dt.date, LedgerDay] = {}
    for row in rows:
        day = days.setdefault(row["day"], LedgerDay())
        account = row["account"]
        if account in MONEY_IN_ACCOUNTS:
            day.cash_received += row["debit"] - row["credit"]
        elif account.startswith(REVENUE_ACCOUNT_PREFIX):
            day.revenue_recognized += row["credit"] - row["debit"]
            if account == BREAKAGE_ACCOUNT:
                day.breakage += row["credit"] - row["debit"]
        elif account == DEFERRED_REVENUE_ACCOUNT:
            day.deferred_revenue += row["credit"] - row["debit"]
    return days


def sales_daily_totals(*, clinic: Clinic, start: dt.date, end: dt.date) -> dict[dt.date, tuple[int, Decimal]]:
    """Per clinic-local day: ``(count, total)`` of the sales made that day that are not
    void (total with tax, before any later refund). One query."""
    since, until = _local_bounds(clinic, start, end)
    rows = (
        Sale.objects.filter(created_at__gte=since, created_at__lt=until)
        .exclude(status=Sale.Status.VOID)
        .annotate(day=TruncDate("created_at", tzinfo=clinic.zone))
        .values("day")
        .annotate(count=Count("pk"), total=Sum("total"))
        .order_by()
    )
    return {r["day"]: (r["count"], r["total"]) for r in rows}


@dataclass(frozen=True)
class ItemDay:
    """Net sales (after discounts, without tax, less refunds) of one item on one day."""

    day: dt.date
    kind: str  # SaleLine.Kind
    item_id: Any
    name: str
    quantity: Decimal
    net_amount: Decimal


def refund_dated_at(prefix: str = "") -> Coalesce:
    """The instant a refund is dated by: when its money went back (its payment's
    ``received_at``, the instant its journal entry is posted at), else when it was written."""
    return Coalesce(f"{prefix}payment__received_at", f"{prefix}created_at")


def sale_items_daily(*, clinic: Clinic, start: dt.date, end: dt.date) -> list[ItemDay]:
    """Per clinic-local day and sold item (treatment, product or course): quantity and
    net amount of the lines of sales that are not void, less the refund lines given back
    that day (``refund_dated_at``). The name is the item's current catalog name. Two queries."""
    since, until = _local_bounds(clinic, start, end)
    totals: dict[tuple[dt.date, str, Any], list[Any]] = {}
    sold = (
        SaleLine.objects.filter(sale__created_at__gte=since, sale__created_at__lt=until)
        .exclude(sale__status=Sale.Status.VOID)
        .annotate(day=TruncDate("sale__created_at", tzinfo=clinic.zone))
        .values("day", "kind", "service_id", "product_id", "course_id")
        .annotate(
            quantity=Sum("quantity"),
            net=Sum("net_amount"),
            name=Coalesce(Max("service__name"), Max("product__name"), Max("course__name")),
        )
        .order_by()
    )
    for row in sold:
        item = row[f"{row['kind']}_id"]
        totals[(row["day"], row["kind"], item)] = [row["name"] or "", row["quantity"], row["net"]]
    returned = (
        RefundLine.objects.annotate(at=refund_dated_at("refund__"))
        .filter(at__gte=since, at__lt=until)
        .exclude(sale_line__sale__status=Sale.Status.VOID)
        .annotate(day=TruncDate("at", tzinfo=clinic.zone))
        .values(
            "day", "sale_line__kind", "sale_line__service_id", "sale_line__product_id", "sale_line__course_id"
        )
        .annotate(
            quantity=Sum("quantity"),
            net=Sum("net_amount"),
            name=Coalesce(
                Max("sale_line__service__name"),
                Max("sale_line__product__name"),
                Max("sale_line__course__name"),
            ),
        )
        .order_by()
    )
    for row in returned:
        kind = row["sale_line__kind"]
        key = (row["day"], kind, row[f"sale_line__{kind}_id"])
        entry = totals.setdefault(key, [row["name"] or "", Decimal(0), Decimal(0)])
        entry[1] -= row["quantity"]
        entry[2] -= row["net"]
    return [
        ItemDay(day=day, kind=kind, item_id=item, name=name, quantity=quantity, net_amount=net)
        for (day, kind, item), (name, quantity, net) in totals.items()
    ]


def practitioner_sales_daily(
    *, clinic: Clinic, start: dt.date, end: dt.date
) -> dict[tuple[dt.date, Any], Decimal]:
    """Per clinic-local day and credited practitioner: their share of the net amount
    (without tax) of the lines of sales that are not void, rounded to cents. One query."""
    since, until = _local_bounds(clinic, start, end)
    rows = (
        SaleLineCredit.objects.filter(
            sale_line__sale__created_at__gte=since, sale_line__sale__created_at__lt=until
        )
        .exclude(sale_line__sale__status=Sale.Status.VOID)
        .annotate(day=TruncDate("sale_line__sale__created_at", tzinfo=clinic.zone))
        .values("day", "practitioner_id")
        .annotate(amount=Sum(F("sale_line__net_amount") * F("share") / Value(Decimal(100))))
        .order_by()
    )
    cent = Decimal("0.01")
    return {(r["day"], r["practitioner_id"]): Decimal(r["amount"]).quantize(cent) for r in rows}


def sales_of_days(
    *,
    clinic: Clinic,
    start: dt.date,
    end: dt.date,
    kind: str | None = None,
    item_id: Any = None,
    practitioner_id: Any = None,
) -> QuerySet[Sale]:
    """The sales behind a figure: those made on the clinic-local days ``start`` to
    ``end`` that are not void, newest first, optionally only those with a line of item
    ``kind``/``item_id`` or crediting ``practitioner_id``; with the patient's profile and
    the invoice, for a list page."""
    since, until = _local_bounds(clinic, start, end)
    sales = Sale.objects.filter(created_at__gte=since, created_at__lt=until).exclude(status=Sale.Status.VOID)
    if kind is not None:
        sales = sales.filter(
            Exists(SaleLine.objects.filter(sale=OuterRef("pk"), kind=kind, **{f"{kind}_id": item_id}))
        )
    if practitioner_id is not None:
        sales = sales.filter(
            Exists(
                SaleLineCredit.objects.filter(sale_line__sale=OuterRef("pk"), practitioner_id=practitioner_id)
            )
        )
    return sales.select_related("patient__profile", "invoice").order_by("-created_at", "-pk")


@dataclass(frozen=True)
class UsageDay:
    """One product consumed in treatments on one clinic-local day: ``quantity`` (in the
    product's unit) and ``value`` (quantity x each lot's unit cost, clinic currency)."""

    day: dt.date
    product_id: Any
    name: str
    quantity: Decimal
    value: Decimal


def _consumed() -> QuerySet[StockMovement]:
    return StockMovement.objects.filter(kind=StockMovement.Kind.CONSUME)


def stock_used_daily(*, clinic: Clinic, start: dt.date, end: dt.date) -> list[UsageDay]:
    """Per clinic-local day and product: what was consumed in treatments (movements of
    kind ``consume``; a consumption given back is an adjustment, not counted). One query."""
    since, until = _local_bounds(clinic, start, end)
    rows = (
        _consumed()
        .filter(created_at__gte=since, created_at__lt=until)
        .annotate(day=TruncDate("created_at", tzinfo=clinic.zone))
        .values("day", "lot__product_id")
        .annotate(
            used=Sum("quantity"),
            cost=Sum(F("quantity") * F("lot__unit_cost")),
            name=Max("lot__product__name"),
        )
        .order_by()
    )
    cent = Decimal("0.01")
    return [
        UsageDay(
            day=r["day"],
            product_id=r["lot__product_id"],
            name=r["name"] or "",
            quantity=-r["used"],
            value=(-r["cost"]).quantize(cent),
        )
        for r in rows
    ]


def stock_used_of_days(
    *, clinic: Clinic, start: dt.date, end: dt.date, product_id: Any = None
) -> QuerySet[StockMovement]:
    """The consumptions behind ``stock_used_daily`` (optionally of one product), newest
    first, with the lot, product and patient for a list page."""
    since, until = _local_bounds(clinic, start, end)
    rows = _consumed().filter(created_at__gte=since, created_at__lt=until)
    if product_id is not None:
        rows = rows.filter(lot__product_id=product_id)
    return rows.select_related("lot__product", "patient__profile").order_by("-created_at", "-pk")


def stock_value(*, today: dt.date, within_days: int) -> dict[str, Decimal]:
    """The current clinic's stock now: ``value`` (quantity on hand x unit cost of every
    lot with stock) and ``near_expiry_value`` (the part in lots expiring within
    ``within_days`` days of ``today``, expired ones still on the shelf included). One
    query over the lots with stock (index ``stock_lot_fefo`` starts with the clinic)."""
    soon = today + dt.timedelta(days=within_days)
    worth = F("quantity_on_hand") * F("unit_cost")
    totals = StockLot.objects.filter(quantity_on_hand__gt=0).aggregate(
        value=Sum(worth), near=Sum(worth, filter=Q(expiry_date__lte=soon))
    )
    cent = Decimal("0.01")
    return {
        "value": Decimal(totals["value"] or 0).quantize(cent),
        "near_expiry_value": Decimal(totals["near"] or 0).quantize(cent),
    }


def stock_lots_valued(*, today: dt.date, near_expiry_days: int | None = None) -> QuerySet[StockLot]:
    """The lots behind ``stock_value`` with ``value`` annotated (on hand x unit cost):
    every lot with stock, or with ``near_expiry_days`` those expiring within that many
    days of ``today``; soonest expiry first."""
    lots = StockLot.objects.filter(quantity_on_hand__gt=0)
    if near_expiry_days is not None:
        lots = lots.filter(expiry_date__lte=today + dt.timedelta(days=near_expiry_days))
    return (
        lots.select_related("product")
        .annotate(value=F("quantity_on_hand") * F("unit_cost"))
        .order_by("expiry_date", "lot_number", "pk")
    )


def course_liability_balances() -> QuerySet[CourseBalance]:
    """The current clinic's course balances still holding deferred revenue (the course
    liability now), largest first, with patient and course."""
    return (
        CourseBalance.objects.filter(status=CourseBalance.Status.ACTIVE, deferred_remaining__gt=0)
        .select_related("course", "patient__profile")
        .order_by("-deferred_remaining", "expires_at", "pk")
    )


def course_breakage_of_days(*, clinic: Clinic, start: dt.date, end: dt.date) -> QuerySet[CourseBalance]:
    """The course balances whose expiry was booked as breakage on the clinic-local days
    ``start`` to ``end``, with ``breakage`` (the deferred amount recognized) and
    ``expired_on`` (when it was posted) annotated; newest first."""
    since, until = _local_bounds(clinic, start, end)
    lines = _lines_between(since, until).filter(
        account=BREAKAGE_ACCOUNT, entry__reference_type=COURSE_EXPIRY_REFERENCE
    )
    own = lines.filter(entry__reference_id=OuterRef("pk"))
    return (
        CourseBalance.objects.filter(pk__in=lines.values("entry__reference_id"))
        .annotate(
            breakage=Subquery(own.values("credit")[:1]),
            expired_on=Subquery(own.values("entry__posted_at")[:1]),
        )
        .select_related("course", "patient__profile")
        .order_by("-expired_on", "-pk")
    )
