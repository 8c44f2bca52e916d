"""Reads of the reporting context: the dashboard, from the daily figures only.

The caller decides which clinics may be read (the view checks the user's memberships);
these functions read the rows of exactly those clinics through the explicit
``unscoped`` managers, because the organization view crosses clinics."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Max, QuerySet, Sum
from django.db.models.expressions import RawSQL

from accounts.models import Clinic
from accounts.selectors import user_names
from commerce import selectors as commerce_selectors
from core.tenancy import clinic_context
from reporting.models import DailyClinicFigures, DailyItemFigures, DailyPractitionerFigures, DailyRoomFigures

# Longest range the dashboard answers (a year and a day: a leap year's whole year).
RANGE_MAX_DAYS = 366
DEFAULT_DAYS = 30  # a dashboard asked for no dates shows the last 30 days
# Treatments, products and courses listed per currency, best-selling first.
TOP_ITEMS = 15
SALE_KINDS = ("service", "product", "course")  # DailyItemFigures kinds that are sales
USED = "used"  # DailyItemFigures kind of products consumed in treatments
# Lots expiring within this many days of today count as near expiry.
NEAR_EXPIRY_DAYS = 90

CENT = Decimal("0.01")
RATE = Decimal("0.0001")
ZERO = Decimal(0)

COUNT_FIELDS = (
    "appointments",
    "completed",
    "no_shows",
    "late_cancellations",
    "cancellations",
    "new_patients",
    "returning_patients",
)
CLINIC_MONEY_FIELDS = (
    "cash_received",
    "revenue_recognized",
    "deferred_revenue",
    "sales_total",
    "commission_cost",
    "breakage",
)


@dataclass(frozen=True)
class Period:
    """Clinic-local days ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period of the same length that ends the day before this one starts."""
        return Period(self.start - dt.timedelta(days=self.days), self.start - dt.timedelta(days=1))

    @classmethod
    def asked(cls, *, start: dt.date | None, end: dt.date | None, today: dt.date) -> Period:
        """The period a caller asked for: ``start``/``end`` as given, the last
        ``DEFAULT_DAYS`` days to ``today`` when neither is, ``DEFAULT_DAYS`` days from
        ``start`` when only a future ``start`` is, or up to ``end`` when only it is."""
        end = end or today
        start = start or end - dt.timedelta(days=DEFAULT_DAYS - 1)
        if start > end:  # only "from" was sent, after today
            end = start + dt.timedelta(days=DEFAULT_DAYS - 1)
        return cls(start, end)


def _ratio(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    return (Decimal(part) / Decimal(whole)).quantize(RATE, ROUND_HALF_UP) if whole else None


def _activity(row: dict[str, Any]) -> dict[str, Any]:
    """Counts plus rates. No-show and late-cancellation rates are over the appointments
    still due at the cancellation cutoff: all of them but those cancelled in time."""
    counts = {
        name: int(row.get(name) or 0) for name in (*COUNT_FIELDS, "booked_minutes", "available_minutes")
    }
    due = counts["appointments"] - (counts["cancellations"] - counts["late_cancellations"])
    return {
        **counts,
        "no_show_rate": _ratio(counts["no_shows"], due),
        "late_cancellation_rate": _ratio(counts["late_cancellations"], due),
        "utilization": _ratio(counts["booked_minutes"], counts["available_minutes"]),
    }


def _between(rows: QuerySet[Any], clinics: Sequence[Clinic], period: Period) -> QuerySet[Any]:
    return rows.filter(clinic__in=[c.pk for c in clinics], date__gte=period.start, date__lte=period.end)


def _practitioner_rows(
    clinics: Sequence[Clinic], period: Period, practitioner_id: uuid.UUID | None
) -> QuerySet[DailyPractitionerFigures]:
    rows = _between(DailyPractitionerFigures.unscoped.all(), clinics, period)
    return rows if practitioner_id is None else rows.filter(practitioner_id=practitioner_id)


def _sums(fields: Sequence[str]) -> dict[str, Sum]:
    return {name: Sum(name) for name in fields}


def _clinic_totals(
    clinics: Sequence[Clinic], period: Period
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Per currency: the money totals; and the activity totals of every clinic together."""
    rows = _between(DailyClinicFigures.unscoped.all(), clinics, period)
    money: dict[str, dict[str, Any]] = {}
    activity: dict[str, int] = defaultdict(int)
    for row in (
        rows.values("currency")
        .annotate(**_sums((*CLINIC_MONEY_FIELDS, "sales_count", *COUNT_FIELDS)))
        .order_by("currency")
    ):
        count = int(row["sales_count"] or 0)
        total = row["sales_total"] or ZERO
        money[row["currency"]] = {
            **{name: row[name] or ZERO for name in CLINIC_MONEY_FIELDS},
            "sales_count": count,
            "average_ticket": (total / count).quantize(CENT, ROUND_HALF_UP) if count else None,
            "net_sales": ZERO,
            "course_liability": ZERO,
        }
        for name in COUNT_FIELDS:
            activity[name] += int(row[name] or 0)
    items = _between(DailyItemFigures.unscoped.filter(kind__in=SALE_KINDS), clinics, period)
    for row in items.values("clinic__currency").annotate(net=Sum("net_amount")).order_by():
        money.setdefault(row["clinic__currency"], _empty_money())["net_sales"] = row["net"] or ZERO
    for row in (
        DailyClinicFigures.unscoped.filter(clinic__in=[c.pk for c in clinics], date__lte=period.end)
        .values("currency")
        .annotate(held=Sum("deferred_revenue"))
        .order_by()
    ):
        money.setdefault(row["currency"], _empty_money())["course_liability"] = row["held"] or ZERO
    minutes = _between(DailyPractitionerFigures.unscoped.all(), clinics, period).aggregate(
        **_sums(("booked_minutes", "available_minutes"))
    )
    rooms = _between(DailyRoomFigures.unscoped.all(), clinics, period).aggregate(
        room_booked=Sum("booked_minutes"), room_available=Sum("available_minutes")
    )
    return money, {
        **_activity({**activity, **minutes}),
        **_patients(rows, period),
        **_room_rate(rooms["room_booked"], rooms["room_available"]),
    }


def _room_rate(booked: int | None, available: int | None) -> dict[str, Any]:
    booked, available = int(booked or 0), int(available or 0)
    return {
        "room_booked_minutes": booked,
        "room_available_minutes": available,
        "room_utilization": _ratio(booked, available),
    }


def _at(field: str, index: str, day: dt.date, pair: int | None = None) -> RawSQL:
    """Entry ``index`` (days, an SQL expression of ``date``) of a day's cumulative list
    (``DailyClinicFigures.patient_gaps``/``completed_followups``); past its end, its last
    entry; an empty list counts 0. ``pair``: that element of a ``[patients, rebooked]``."""
    part = "" if pair is None else f"->{int(pair)}"
    # Only this module's constant field names and index expressions are spliced in; the day is a parameter.
    return RawSQL(  # noqa: S611
        f"COALESCE(({field}->({index})){part}, ({field}->-1){part}, '0'::jsonb)::text::int",
        (day,),
    )


def _patients(rows: QuerySet[DailyClinicFigures], period: Period) -> dict[str, Any]:
    """Unique patients of ``period`` from the days' gap counts (one row per clinic-day:
    the cost follows the days, not the visits).

    * ``patients_seen``: patients with an uncancelled appointment in the period, each
      once per clinic: on each day D, those whose previous day seen lies before the
      period (``patient_gaps[D - start]``).
      ``new_patients`` are those of them whose first visit at the clinic is in the
      period; ``returning_patients`` = ``patients_seen`` - ``new_patients``.
    * 90-day rebooking: ``rebooking_patients`` are the patients with a completed
      appointment in the period, each counted on their last such day D
      (``completed_followups[end - D]``); of them
      ``rebooked_patients`` held another uncancelled appointment starting on one of the
      90 clinic-local days after D when the day was last refreshed (a booking made
      later counts after the nightly refresh); ``rebooking_rate`` = rebooked / patients.
      Recent days have had less time to rebook, so the rate of a period ending today
      reads low."""
    days = rows.aggregate(
        seen=Sum(_at("patient_gaps", "date - %s::date", period.start)),
        new=Sum("new_patients"),
        base=Sum(_at("completed_followups", "%s::date - date", period.end, pair=0)),
        rebooked=Sum(_at("completed_followups", "%s::date - date", period.end, pair=1)),
    )
    seen, new, base, rebooked = (int(days[k] or 0) for k in ("seen", "new", "base", "rebooked"))
    return {
        "patients_seen": seen,
        "new_patients": new,
        "returning_patients": max(seen - new, 0),
        "rebooking_patients": base,
        "rebooked_patients": rebooked,
        "rebooking_rate": _ratio(rebooked, base),
    }


def _empty_money() -> dict[str, Any]:
    return {
        **dict.fromkeys(CLINIC_MONEY_FIELDS, ZERO),
        "sales_count": 0,
        "average_ticket": None,
        "net_sales": ZERO,
        "course_liability": ZERO,
    }


def _own_totals(
    clinics: Sequence[Clinic], period: Period, practitioner_id: uuid.UUID
) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """A practitioner's own money (what was credited to them, their commissions) per
    currency and their own activity; clinic-wide amounts are ``None``."""
    rows = _practitioner_rows(clinics, period, practitioner_id)
    money: dict[str, dict[str, Any]] = {}
    for row in rows.values("clinic__currency").annotate(**_sums(("net_sales", "commission_cost"))).order_by():
        money[row["clinic__currency"]] = {
            **_own_blank(),
            **{
                "net_sales": row["net_sales"] or ZERO,
                "commission_cost": row["commission_cost"] or ZERO,
            },
        }
    activity = rows.aggregate(**_sums((*COUNT_FIELDS, "booked_minutes", "available_minutes")))
    return money, {**_activity(activity), **OWN_PATIENTS}


# A practitioner's own view has no unique-patient, rebooking or room figures: its rows
# are practitioner-days (``new_patients``/``returning_patients`` there count visit-days).
OWN_PATIENTS: dict[str, Any] = dict.fromkeys(
    (
        "patients_seen",
        "rebooking_patients",
        "rebooked_patients",
        "rebooking_rate",
        "room_booked_minutes",
        "room_available_minutes",
        "room_utilization",
    )
)


def _by_day(
    clinics: Sequence[Clinic], period: Period, practitioner_id: uuid.UUID | None
) -> dict[str, list[dict[str, Any]]]:
    """Per currency, one entry per day of the period (zeros where nothing happened)."""
    series: dict[str, dict[dt.date, dict[str, Any]]] = defaultdict(dict)
    if practitioner_id is None:
        rows = _between(DailyClinicFigures.unscoped.all(), clinics, period)
        for row in (
            rows.values("date", "currency")
            .annotate(**_sums(("cash_received", "revenue_recognized", "sales_total", "sales_count")))
            .order_by()
        ):
            series[row["currency"]][row["date"]] = {
                "cash_received": row["cash_received"],
                "revenue_recognized": row["revenue_recognized"],
                "sales_total": row["sales_total"],
                "sales_count": row["sales_count"],
                "net_sales": None,
            }
    else:
        own = _practitioner_rows(clinics, period, practitioner_id)
        for row in own.values("date", "clinic__currency").annotate(net=Sum("net_sales")).order_by():
            series[row["clinic__currency"]][row["date"]] = {
                "cash_received": None,
                "revenue_recognized": None,
                "sales_total": None,
                "sales_count": None,
                "net_sales": row["net"],
            }
    empty = {"cash_received": ZERO, "revenue_recognized": ZERO, "sales_total": ZERO, "sales_count": 0}
    if practitioner_id is not None:
        empty = {"cash_received": None, "revenue_recognized": None, "sales_total": None, "sales_count": None}
    days = [period.start + dt.timedelta(days=n) for n in range(period.days)]
    return {
        currency: [
            {"date": day, **values.get(day, {**empty, "net_sales": ZERO if practitioner_id else None})}
            for day in days
        ]
        for currency, values in series.items()
    }


def _by_item(clinics: Sequence[Clinic], period: Period) -> dict[str, list[dict[str, Any]]]:
    return _top_items(_between(DailyItemFigures.unscoped.filter(kind__in=SALE_KINDS), clinics, period))


def _top_items(
    rows: QuerySet[DailyItemFigures], order: str = "-net_amount"
) -> dict[str, list[dict[str, Any]]]:
    """Per currency, the first ``TOP_ITEMS`` items of ``rows`` summed over their days."""
    summed = (
        rows.values("kind", "item_id", "clinic__currency")
        .annotate(name=Max("name"), quantity=Sum("quantity"), net_amount=Sum("net_amount"))
        .order_by(order, "name")
    )
    items: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in summed:
        listed = items[row["clinic__currency"]]
        if len(listed) < TOP_ITEMS:
            listed.append(
                {
                    "kind": row["kind"],
                    "item_id": row["item_id"],
                    "name": row["name"],
                    "quantity": row["quantity"],
                    "net_amount": row["net_amount"],
                }
            )
    return items


def _by_practitioner(
    clinics: Sequence[Clinic], period: Period, practitioner_id: uuid.UUID | None
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]]]:
    """Per currency: each practitioner's credited net sales and commission cost; and
    each practitioner's utilization (booked and available minutes) across clinics."""
    rows = list(
        _practitioner_rows(clinics, period, practitioner_id)
        .values("practitioner_id", "clinic__currency")
        .annotate(
            **_sums(("net_sales", "commission_cost", "booked_minutes", "available_minutes", *COUNT_FIELDS))
        )
        .order_by()
    )
    names = user_names(user_ids={row["practitioner_id"] for row in rows})
    money: dict[str, list[dict[str, Any]]] = defaultdict(list)
    minutes: dict[uuid.UUID, dict[str, Any]] = {}
    for row in rows:
        pid = row["practitioner_id"]
        if row["net_sales"] or row["commission_cost"]:
            money[row["clinic__currency"]].append(
                {
                    "practitioner_id": pid,
                    "name": names.get(pid, ""),
                    "net_sales": row["net_sales"],
                    "commission_cost": row["commission_cost"],
                }
            )
        entry = minutes.setdefault(pid, defaultdict(int))
        for name in ("booked_minutes", "available_minutes", *COUNT_FIELDS):
            entry[name] += int(row[name] or 0)
    for listed in money.values():
        listed.sort(key=lambda r: (-r["net_sales"], r["name"]))
    utilization = sorted(
        (
            {"practitioner_id": pid, "name": names.get(pid, ""), **_activity(entry)}
            for pid, entry in minutes.items()
        ),
        key=lambda r: r["name"],
    )
    return money, utilization


def dashboard(
    *, clinics: Sequence[Clinic], period: Period, practitioner_id: uuid.UUID | None = None
) -> dict[str, Any]:
    """The dashboard of ``clinics`` (already checked readable by the caller) for
    ``period`` and the previous period of the same length, from the daily figures.

    Shape: ``period``/``previous`` (``Period``), ``money``: one entry per currency
    (sorted) with ``current``/``previous`` totals (``cash_received``,
    ``revenue_recognized``, ``deferred_revenue``, ``sales_total``, ``sales_count``,
    ``average_ticket``, ``net_sales``, ``commission_cost``, ``breakage``: expired
    courses' unused value booked in the period, ``course_liability``: the deferred
    revenue still held for unredeemed course sessions at the period's end, i.e. the
    running sum of ``deferred_revenue`` of every day to then; Decimal in that currency),
    ``by_day``, ``by_treatment`` (top ``TOP_ITEMS``), ``by_practitioner``,
    ``used_by_value``/``used_by_quantity`` (products consumed in treatments, top
    ``TOP_ITEMS``), ``stock`` (``value``, ``near_expiry_value``: now, not as of the
    period; ``None`` in an own view); ``activity``: ``current``/``previous`` counts and
    rates (0-1, 4 places, ``None`` without a base), unique patients and the 90-day
    rebooking rate (``_patients``), rooms' booked and available minutes;
    ``utilization`` per practitioner; ``rooms``: each room's utilization. With
    ``practitioner_id`` every figure is that practitioner's own: clinic-wide amounts,
    patient and room figures are ``None``, item, stock and room lists empty."""
    previous = period.previous()
    stock: dict[str, dict[str, Decimal]] = {}
    by_value: dict[str, list[dict[str, Any]]] = {}
    by_quantity: dict[str, list[dict[str, Any]]] = {}
    rooms: list[dict[str, Any]] = []
    if practitioner_id is None:
        current_money, current_activity = _clinic_totals(clinics, period)
        previous_money, previous_activity = _clinic_totals(clinics, previous)
        items = _by_item(clinics, period)
        stock = _stock(clinics)
        by_value, by_quantity = _used(clinics, period)
        rooms = _rooms(clinics, period)
    else:
        current_money, current_activity = _own_totals(clinics, period, practitioner_id)
        previous_money, previous_activity = _own_totals(clinics, previous, practitioner_id)
        items = {}
    days = _by_day(clinics, period, practitioner_id)
    people, utilization = _by_practitioner(clinics, period, practitioner_id)
    currencies = sorted({c.currency for c in clinics} | set(current_money) | set(previous_money))
    blank = _empty_money() if practitioner_id is None else None
    return {
        "period": period,
        "previous": previous,
        "money": [
            {
                "currency": currency,
                "current": current_money.get(currency) or blank or _own_blank(),
                "previous": previous_money.get(currency) or blank or _own_blank(),
                "by_day": days.get(currency) or _blank_days(period, own=practitioner_id is not None),
                "by_treatment": items.get(currency, []),
                "by_practitioner": people.get(currency, []),
                "used_by_value": by_value.get(currency, []),
                "used_by_quantity": by_quantity.get(currency, []),
                "stock": stock.get(currency) if practitioner_id is None else None,
            }
            for currency in currencies
        ],
        "activity": {"current": current_activity, "previous": previous_activity},
        "utilization": utilization,
        "rooms": rooms,
    }


def _own_blank() -> dict[str, Any]:
    return {
        **dict.fromkeys((*CLINIC_MONEY_FIELDS, "sales_count", "average_ticket", "course_liability")),
        "net_sales": ZERO,
        "commission_cost": ZERO,
    }


def _blank_days(period: Period, *, own: bool) -> list[dict[str, Any]]:
    zero = None if own else ZERO
    return [
        {
            "date": period.start + dt.timedelta(days=n),
            "cash_received": zero,
            "revenue_recognized": zero,
            "sales_total": zero,
            "sales_count": None if own else 0,
            "net_sales": ZERO if own else None,
        }
        for n in range(period.days)
    ]


def _used(clinics: Sequence[Clinic], period: Period) -> tuple[dict[str, list[dict[str, Any]]], ...]:
    """Per currency, the products consumed in treatments in ``period``: the top
    ``TOP_ITEMS`` by cost (``net_amount``: quantity x the lots' unit cost) and by
    quantity (in each product's own unit)."""
    rows = _between(DailyItemFigures.unscoped.filter(kind=USED), clinics, period)
    return _top_items(rows), _top_items(rows, "-quantity")


def _rooms(clinics: Sequence[Clinic], period: Period) -> list[dict[str, Any]]:
    """Each room's booked and available minutes and utilization over ``period``."""
    rows = (
        _between(DailyRoomFigures.unscoped.all(), clinics, period)
        .values("room_id", "clinic_id")
        .annotate(name=Max("name"), booked=Sum("booked_minutes"), available=Sum("available_minutes"))
        .order_by("name", "room_id")
    )
    names = {c.pk: c.name for c in clinics}
    return [
        {
            "room_id": row["room_id"],
            "name": row["name"],
            "clinic_name": names.get(row["clinic_id"], ""),
            "booked_minutes": int(row["booked"] or 0),
            "available_minutes": int(row["available"] or 0),
            "utilization": _ratio(int(row["booked"] or 0), int(row["available"] or 0)),
        }
        for row in rows
    ]


def _stock(clinics: Sequence[Clinic]) -> dict[str, dict[str, Decimal]]:
    """Per currency, the stock on hand now: ``value`` and ``near_expiry_value`` (lots
    expiring within ``NEAR_EXPIRY_DAYS`` days of each clinic's today, expired ones still
    on hand included). One query per clinic over its lots with stock."""
    stock: dict[str, dict[str, Decimal]] = {}
    for clinic in clinics:
        with clinic_context(clinic):
            value = commerce_selectors.stock_value(today=clinic.today(), within_days=NEAR_EXPIRY_DAYS)
        entry = stock.setdefault(clinic.currency, {"value": ZERO, "near_expiry_value": ZERO})
        entry["value"] += value["value"]
        entry["near_expiry_value"] += value["near_expiry_value"]
    return stock
