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
* ``stock_valuation``: per product and lot, the quantity on hand at the end of the
  period's last day (the sum of the lot's movements until then), its unit cost and value.
* ``retention_cohorts``: patients by the clinic-local month of their first completed
  appointment in the period, and how many of them came back (a completed appointment)
  in each of the ``RETENTION_MONTHS`` months after it.
* ``follow_ups_due``: the patients whose follow-up falls due in the period (the local day
  a treatment session was completed plus the treatment's ``follow_up_days``, as the
  chart's follow-up button reckons it) and who have no appointment booked after it.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import CharField, DateField, Exists, F, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, Concat, TruncDate, TruncMonth
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from accounts.models import Clinic
from accounts.selectors import user_names
from catalog.models import Service
from commerce.models import Payment, RefundLine, Sale, SaleLine, SaleLineCredit, StockMovement
from commerce.selectors import refund_dated_at
from commissions.models import CommissionLog
from emr.models import TreatmentSession
from reporting.models import DailyPractitionerFigures
from scheduling.models import Appointment

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


# ----------------------------------------------------------------- stock valuation

VALUATION_COLUMNS = (
    Column("product", _("Product")),
    Column("lot", _("Lot")),
    Column("expiry", _("Expiry"), DATE),
    Column("quantity", _("Quantity on hand"), NUMBER),
    Column("unit_cost", _("Unit cost"), MONEY),
    Column("value", _("Value"), MONEY),
    Column("currency", _("Currency")),
)


def _stock_on_hand(period: Period) -> QuerySet[Any, dict[str, Any]]:
    """Per lot, the sum of its movements made before the end of the period's last day;
    lots with nothing left are left out."""
    return (
        StockMovement.objects.filter(created_at__lt=period.until)
        .values("lot_id", "lot__product__name", "lot__lot_number", "lot__expiry_date", "lot__unit_cost")
        .annotate(on_hand=Sum("quantity"))
        .exclude(on_hand=0)
        .order_by("lot__product__name", "lot__expiry_date", "lot__lot_number", "lot_id")
    )


def _valuation_rows(period: Period) -> Iterator[Row]:
    currency = period.clinic.currency
    for lot in _chunks(_stock_on_hand(period)):
        quantity, cost = lot["on_hand"], lot["lot__unit_cost"]
        yield (
            lot["lot__product__name"],
            lot["lot__lot_number"],
            lot["lot__expiry_date"],
            quantity,
            cost,
            (quantity * cost).quantize(Decimal("0.01")),
            currency,
        )


# ---------------------------------------------------------------- retention cohorts

# Months after the first visit that the cohort report follows.
RETENTION_MONTHS = 12

RETENTION_COLUMNS = (
    Column("month", _("Month of first visit")),
    Column("patients", _("New patients"), NUMBER),
    *(
        Column(f"month_{n}", format_lazy(_("Month +{n}"), n=n), NUMBER)
        for n in range(1, RETENTION_MONTHS + 1)
    ),
)


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first days of the months from ``start``'s to ``end``'s, both included."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + dt.timedelta(days=32)).replace(day=1)
    return months


def _month_index(month: dt.date) -> int:
    return month.year * 12 + month.month - 1


def _retention_rows(period: Period) -> Iterator[Row]:
    """One row per month of the period: the patients whose first completed appointment
    falls on one of the period's days in that month, then, for +1..+``RETENTION_MONTHS``,
    how many of them had a completed appointment in that later month (months not yet
    begun on the clinic's today are empty). Months are the clinic's local months. Reads
    the distinct (patient, month) pairs of the cohorts' visits chunk by chunk, keeping
    only the counters."""
    zone = period.clinic.zone
    months = _months(period.start, period.end)
    last = _month_index(months[-1]) + RETENTION_MONTHS + 1  # the month after the last one followed
    horizon = dt.datetime.combine(dt.date(last // 12, last % 12 + 1, 1), dt.time.min, tzinfo=zone)
    completed = Appointment.objects.filter(status=Appointment.Status.COMPLETED)
    first = completed.filter(patient_id=OuterRef("patient_id")).order_by("starts_at").values("starts_at")[:1]
    visits = (
        completed.filter(starts_at__gte=period.since, starts_at__lt=horizon)
        .annotate(first_at=Subquery(first))
        .filter(first_at__gte=period.since, first_at__lt=period.until)
        .annotate(
            cohort=TruncMonth("first_at", tzinfo=zone, output_field=DateField()),
            month=TruncMonth("starts_at", tzinfo=zone, output_field=DateField()),
        )
        .values_list("patient_id", "cohort", "month")
        .distinct()
        .order_by()
    )
    counts: dict[tuple[dt.date, int], int] = {}
    for _patient, cohort, month in _chunks(visits):
        after = _month_index(month) - _month_index(cohort)
        if after <= RETENTION_MONTHS:
            counts[cohort, after] = counts.get((cohort, after), 0) + 1
    today = _month_index(period.clinic.today())
    for month in months:
        later = [
            counts.get((month, n), 0) if _month_index(month) + n <= today else None
            for n in range(1, RETENTION_MONTHS + 1)
        ]
        yield (month.strftime("%Y-%m"), counts.get((month, 0), 0), *later)


# ------------------------------------------------------------------- follow-ups due

FOLLOW_UP_COLUMNS = (
    Column("due", _("Follow-up due"), DATE),
    Column("patient", _("Patient")),
    Column("chart", _("Chart number")),
    Column("phone", _("Phone")),
    Column("treatment", _("Treatment")),
    Column("last_session", _("Last session"), DATE),
    Column("practitioner", _("Practitioner")),
)

# Appointments that do not count as the follow-up being booked.
NOT_BOOKED = (Appointment.Status.CANCELLED, Appointment.Status.NO_SHOW)


def _follow_up_days() -> list[int]:
    """The distinct follow-up intervals (days) of the clinic's treatments."""
    days = Service.objects.filter(follow_up_days__isnull=False).values_list("follow_up_days", flat=True)
    return sorted({d for d in days if d is not None})


def _follow_ups(period: Period, days: int) -> QuerySet[TreatmentSession]:
    """The completed sessions of the treatments followed up after ``days`` days whose
    follow-up falls due in the period: completed ``days`` days before one of its days
    (clinic-local), the patient's last completed session of that treatment, with no
    appointment (other than cancelled or missed) starting after it."""
    window = Period(
        period.clinic, period.start - dt.timedelta(days=days), period.end - dt.timedelta(days=days)
    )
    later_session = TreatmentSession.objects.filter(
        patient_id=OuterRef("patient_id"),
        service_id=OuterRef("service_id"),
        status=TreatmentSession.Status.COMPLETED,
        completed_at__gt=OuterRef("completed_at"),
    )
    later_appointment = Appointment.objects.filter(
        patient_id=OuterRef("patient_id"), starts_at__gt=OuterRef("completed_at")
    ).exclude(status__in=NOT_BOOKED)
    return (
        TreatmentSession.objects.filter(
            status=TreatmentSession.Status.COMPLETED,
            service__follow_up_days=days,
            completed_at__gte=window.since,
            completed_at__lt=window.until,
        )
        .exclude(Exists(later_session))
        .exclude(Exists(later_appointment))
    )


def _follow_up_count(period: Period) -> int:
    return sum(_follow_ups(period, days).count() for days in _follow_up_days())


def _follow_up_stream(period: Period, days: int) -> Iterator[Row]:
    through = TreatmentSession.practitioners.through
    first_practitioner = through.objects.filter(treatmentsession_id=OuterRef("pk")).order_by("pk")
    rows = (
        _follow_ups(period, days)
        .annotate(
            day=TruncDate("completed_at", tzinfo=period.clinic.zone),
            patient_name=_person("patient__profile__"),
            practitioner_name=Subquery(
                first_practitioner.values(name=_person("user__"))[:1], output_field=CharField()
            ),
        )
        .order_by("completed_at", "pk")
        .values_list(
            "day",
            "patient_name",
            "patient__chart_number",
            "patient__profile__phone",
            "service__name",
            "practitioner_name",
        )
    )
    interval = dt.timedelta(days=days)
    for day, patient, chart, phone, treatment, practitioner in _chunks(rows):
        yield (day + interval, patient, chart, phone, treatment, day, practitioner or "")


def _follow_up_rows(period: Period) -> Iterator[Row]:
    """The follow-ups due, earliest first: one stream per follow-up interval (each in
    due-date order), merged."""
    streams = [_follow_up_stream(period, days) for days in _follow_up_days()]
    yield from heapq.merge(*streams, key=lambda row: row[0])


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
        ReportKind(
            "stock_valuation",
            _("Stock valuation"),
            VALUATION_COLUMNS,
            lambda p: _stock_on_hand(p).count(),
            _valuation_rows,
        ),
        ReportKind(
            "retention_cohorts",
            _("Retention cohorts"),
            RETENTION_COLUMNS,
            lambda p: len(_months(p.start, p.end)),
            _retention_rows,
        ),
        ReportKind(
            "follow_ups_due",
            _("Patients due for a follow-up"),
            FOLLOW_UP_COLUMNS,
            _follow_up_count,
            _follow_up_rows,
        ),
    )
}
