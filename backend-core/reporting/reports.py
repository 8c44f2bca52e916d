"""The report kinds: each a row generator over the clinic-local days of a period.

A kind names its columns (headers translated into the active language) and yields its
rows as tuples in that order, reading the database in chunks (``.iterator(chunk_size=…)``
of ``values_list`` querysets), so a report of a million rows holds one chunk at a time.
Amounts are ``Decimal`` in the clinic's currency (refunds negative), days are the
clinic's local dates. Every function runs inside the clinic's context
(``core.tenancy.clinic_context``): the querysets are the clinic's only.

* ``sales_lines``: each line of the sales made in the period that are not void, dated by
  the sale, and each line given back by a refund in the period, dated by the refund
  (negative). Net, tax and total sum to what the sales and refunds posted to revenue,
  deferred revenue and tax payable (``commerce.ledger``).
* ``payments``: money received (and given back, negative) in the period by a till method
  (cash, card, bank transfer, PromptPay, Pix), dated when received. Sums to the net debit
  of the money accounts of the trial balance (``commerce.selectors.trial_balance``).
* ``practitioner_productivity``: per practitioner, from the daily figures
  (``reporting.models.DailyPractitionerFigures``).
* ``commission_lines``: the commission logs dated in the period (as the dashboard dates them).
* ``inventory_movements``: the stock ledger's movements in the period, valued at the
  lot's unit cost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import CharField, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Concat, TruncDate
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from accounts.models import Clinic
from accounts.selectors import user_names
from commerce.models import Payment, RefundLine, Sale, SaleLine, SaleLineCredit, StockMovement
from commerce.selectors import refund_dated_at
from commissions.models import CommissionLog
from reporting.models import DailyPractitionerFigures

# Rows fetched from the database at a time (and between progress updates).
CHUNK_ROWS = 2000

MONEY, TEXT, DATE, NUMBER = "money", "text", "date", "number"
# Methods whose money lands in the money accounts; "deposit" applies money already received.
TILL_METHODS = ("cash", "card", "bank_transfer", "promptpay", "pix")

Row = tuple[Any, ...]


@dataclass(frozen=True)
class Column:
    key: str
    title: str | Promise
    type: str = TEXT


@dataclass(frozen=True)
class Period:
    """Clinic-local days ``start`` to ``end`` (both included) and their UTC bounds."""

    clinic: Clinic
    start: dt.date
    end: dt.date

    @property
    def since(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time.min, tzinfo=self.clinic.zone)

    @property
    def until(self) -> dt.datetime:
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=self.clinic.zone)


@dataclass(frozen=True)
class ReportKind:
    """``count(period)`` is the number of rows ``rows(period)`` yields."""

    code: str
    title: str | Promise
    columns: tuple[Column, ...]
    count: Callable[[Period], int]
    rows: Callable[[Period], Iterator[Row]]


def _person(prefix: str) -> Concat:
    return Concat(F(f"{prefix}given_name"), Value(" "), F(f"{prefix}family_name"), output_field=CharField())


def _first_credit(line_ref: str) -> Subquery:
    """The name of the practitioner with the largest credited share of the sale line."""
    credits = SaleLineCredit.objects.filter(sale_line_id=OuterRef(line_ref)).order_by("-share", "pk")
    return Subquery(credits.values(name=_person("practitioner__"))[:1], output_field=CharField())


def _chunks(rows: QuerySet[Any]) -> Iterator[Any]:
    return rows.iterator(chunk_size=CHUNK_ROWS)


# ---------------------------------------------------------------------- sales lines

SALES_COLUMNS = (
    Column("date", _("Date"), DATE),
    Column("invoice", _("Invoice number")),
    Column("sale", _("Sale number")),
    Column("patient", _("Patient")),
    Column("item", _("Treatment or product")),
    Column("practitioner", _("Practitioner")),
    Column("quantity", _("Quantity"), NUMBER),
    Column("net", _("Net"), MONEY),
    Column("tax", _("Tax"), MONEY),
    Column("total", _("Total"), MONEY),
    Column("currency", _("Currency")),
)


def _sold_lines(period: Period) -> QuerySet[SaleLine]:
    return SaleLine.objects.filter(
        sale__created_at__gte=period.since, sale__created_at__lt=period.until
    ).exclude(sale__status=Sale.Status.VOID)


def _returned_lines(period: Period) -> QuerySet[RefundLine]:
    return (
        RefundLine.objects.annotate(at=refund_dated_at("refund__"))
        .filter(at__gte=period.since, at__lt=period.until)
        .exclude(sale_line__sale__status=Sale.Status.VOID)
    )


def _sales_count(period: Period) -> int:
    return _sold_lines(period).count() + _returned_lines(period).count()


def _sales_rows(period: Period) -> Iterator[Row]:
    zone = period.clinic.zone
    sold = (
        _sold_lines(period)
        .annotate(
            day=TruncDate("sale__created_at", tzinfo=zone),
            patient_name=_person("sale__patient__profile__"),
            practitioner_name=_first_credit("pk"),
        )
        .order_by("sale__created_at", "sale_id", "position")
        .values_list(
            "day",
            "sale__invoice__number",
            "sale__number",
            "patient_name",
            "description",
            "practitioner_name",
            "quantity",
            "net_amount",
            "tax_amount",
            "total",
            "currency",
        )
    )
    yield from _chunks(sold)
    returned = (
        _returned_lines(period)
        .annotate(
            day=TruncDate("at", tzinfo=zone),
            patient_name=_person("sale_line__sale__patient__profile__"),
            practitioner_name=_first_credit("sale_line_id"),
        )
        .order_by("at", "refund_id", "pk")
        .values_list(
            "day",
            "sale_line__sale__invoice__number",
            "sale_line__sale__number",
            "patient_name",
            "sale_line__description",
            "practitioner_name",
            "quantity",
            "net_amount",
            "tax_amount",
            "amount",
            "sale_line__currency",
        )
    )
    for day, invoice, sale, patient, item, practitioner, quantity, net, tax, total, currency in _chunks(
        returned
    ):
        yield (day, invoice, sale, patient, item, practitioner, -quantity, -net, -tax, -total, currency)


# -------------------------------------------------------------------------- payments

PAYMENT_COLUMNS = (
    Column("date", _("Date"), DATE),
    Column("invoice", _("Invoice number")),
    Column("patient", _("Patient")),
    Column("method", _("Method")),
    Column("kind", _("Kind")),
    Column("reference", _("Reference")),
    Column("amount", _("Amount"), MONEY),
    Column("currency", _("Currency")),
)


def _payments(period: Period) -> QuerySet[Payment]:
    return Payment.objects.filter(
        status=Payment.Status.SUCCEEDED,
        method__in=TILL_METHODS,
        received_at__gte=period.since,
        received_at__lt=period.until,
    )


def _payment_rows(period: Period) -> Iterator[Row]:
    methods = dict(Payment.Method.choices)
    received, returned = str(_("Received")), str(_("Refund"))
    rows = (
        _payments(period)
        .annotate(
            day=TruncDate("received_at", tzinfo=period.clinic.zone),
            patient_name=_person("invoice__patient__profile__"),
        )
        .order_by("received_at", "pk")
        .values_list(
            "day", "invoice__number", "patient_name", "method", "provider_reference", "amount", "currency"
        )
    )
    for day, invoice, patient, method, reference, amount, currency in _chunks(rows):
        kind = returned if amount < 0 else received
        yield (day, invoice, patient, str(methods.get(method, method)), kind, reference, amount, currency)


# ---------------------------------------------------------- practitioner productivity

PRODUCTIVITY_COLUMNS = (
    Column("practitioner", _("Practitioner")),
    Column("appointments", _("Appointments"), NUMBER),
    Column("completed", _("Completed"), NUMBER),
    Column("no_shows", _("No-shows"), NUMBER),
    Column("hours_booked", _("Hours booked"), NUMBER),
    Column("hours_available", _("Hours available"), NUMBER),
    Column("net_revenue", _("Net revenue"), MONEY),
    Column("commission", _("Commission"), MONEY),
    Column("currency", _("Currency")),
)


def _productivity(period: Period) -> QuerySet[Any, dict[str, Any]]:
    return (
        DailyPractitionerFigures.objects.filter(date__gte=period.start, date__lte=period.end)
        .values("practitioner_id")
        .annotate(
            appointments=Sum("appointments"),
            completed=Sum("completed"),
            no_shows=Sum("no_shows"),
            booked=Sum("booked_minutes"),
            available=Sum("available_minutes"),
            net=Sum("net_sales"),
            commission=Sum("commission_cost"),
        )
        .order_by("practitioner_id")
    )


def _productivity_rows(period: Period) -> Iterator[Row]:
    rows = list(_productivity(period))  # one row per practitioner: bounded by the staff
    names = user_names(user_ids=[r["practitioner_id"] for r in rows])
    hour = Decimal(60)
    for r in sorted(rows, key=lambda r: names.get(r["practitioner_id"], "")):
        yield (
            names.get(r["practitioner_id"], ""),
            r["appointments"],
            r["completed"],
            r["no_shows"],
            (Decimal(r["booked"]) / hour).quantize(Decimal("0.01")),
            (Decimal(r["available"]) / hour).quantize(Decimal("0.01")),
            r["net"],
            r["commission"],
            period.clinic.currency,
        )


# ---------------------------------------------------------------- commission lines

COMMISSION_COLUMNS = (
    Column("date", _("Date"), DATE),
    Column("practitioner", _("Practitioner")),
    Column("kind", _("Kind")),
    Column("sale", _("Sale number")),
    Column("item", _("Treatment or product")),
    Column("basis", _("Basis"), MONEY),
    Column("rate", _("Rate"), NUMBER),
    Column("amount", _("Commission"), MONEY),
    Column("status", _("Status")),
    Column("currency", _("Currency")),
)


def _commission_logs(period: Period) -> QuerySet[CommissionLog]:
    """Dated as ``commissions.selectors.commission_cost_daily`` dates them."""
    return CommissionLog.objects.annotate(
        at=Coalesce(
            "refund__payment__received_at",
            "refund__created_at",
            "sale__voided_at",
            "sale__created_at",
            "created_at",
        )
    ).filter(at__gte=period.since, at__lt=period.until)


def _commission_rows(period: Period) -> Iterator[Row]:
    kinds, statuses = dict(CommissionLog.Kind.choices), dict(CommissionLog.Status.choices)
    rows = (
        _commission_logs(period)
        .annotate(day=TruncDate("at", tzinfo=period.clinic.zone), practitioner_name=_person("practitioner__"))
        .order_by("at", "pk")
        .values_list(
            "day",
            "practitioner_name",
            "kind",
            "sale__number",
            "sale_line__description",
            "basis_amount",
            "rate",
            "amount",
            "status",
            "currency",
        )
    )
    for day, name, kind, sale, item, basis, rate, amount, status, currency in _chunks(rows):
        yield (
            day,
            name,
            str(kinds.get(kind, kind)),
            sale,
            item,
            basis,
            rate,
            amount,
            str(statuses.get(status, status)),
            currency,
        )


# ------------------------------------------------------------- inventory movements

INVENTORY_COLUMNS = (
    Column("date", _("Date"), DATE),
    Column("product", _("Product")),
    Column("lot", _("Lot")),
    Column("expiry", _("Expiry"), DATE),
    Column("kind", _("Movement")),
    Column("quantity", _("Quantity"), NUMBER),
    Column("unit_cost", _("Unit cost"), MONEY),
    Column("value", _("Value"), MONEY),
    Column("patient", _("Patient")),
    Column("currency", _("Currency")),
)


def _movements(period: Period) -> QuerySet[StockMovement]:
    return StockMovement.objects.filter(created_at__gte=period.since, created_at__lt=period.until)


def _inventory_rows(period: Period) -> Iterator[Row]:
    kinds = dict(StockMovement.Kind.choices)
    currency = period.clinic.currency
    rows = (
        _movements(period)
        .annotate(
            day=TruncDate("created_at", tzinfo=period.clinic.zone), patient_name=_person("patient__profile__")
        )
        .order_by("created_at", "pk")
        .values_list(
            "day",
            "lot__product__name",
            "lot__lot_number",
            "lot__expiry_date",
            "kind",
            "quantity",
            "lot__unit_cost",
            "patient_name",
        )
    )
    for day, product, lot, expiry, kind, quantity, cost, patient in _chunks(rows):
        value = (quantity * cost).quantize(Decimal("0.01"))
        yield (
            day,
            product,
            lot,
            expiry,
            str(kinds.get(kind, kind)),
            quantity,
            cost,
            value,
            patient or "",
            currency,
        )


KINDS: dict[str, ReportKind] = {
    kind.code: kind
    for kind in (
        ReportKind("sales_lines", _("Sales lines"), SALES_COLUMNS, _sales_count, _sales_rows),
        ReportKind("payments", _("Payments"), PAYMENT_COLUMNS, lambda p: _payments(p).count(), _payment_rows),
        ReportKind(
            "practitioner_productivity",
            _("Practitioner productivity"),
            PRODUCTIVITY_COLUMNS,
            lambda p: _productivity(p).count(),
            _productivity_rows,
        ),
        ReportKind(
            "commission_lines",
            _("Commission statement lines"),
            COMMISSION_COLUMNS,
            lambda p: _commission_logs(p).count(),
            _commission_rows,
        ),
        ReportKind(
            "inventory_movements",
            _("Inventory movements"),
            INVENTORY_COLUMNS,
            lambda p: _movements(p).count(),
            _inventory_rows,
        ),
    )
}
