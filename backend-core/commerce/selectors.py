"""Reads of the commerce context (catalog, stock, sales, ledger). Every function reads
the current clinic's rows (tenant-local managers) and returns querysets or values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from commerce.models import (
    Course,
    CourseBalance,
    Invoice,
    JournalLine,
    Payment,
    Product,
    Sale,
    Service,
    StockLot,
    StockMovement,
)

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=14, decimal_places=3))


def service_list() -> QuerySet[Service]:
    """The current clinic's services, by category then name, with their materials."""
    return Service.objects.prefetch_related("materials").order_by("category", "name")


def product_list() -> QuerySet[Product]:
    """Products by name, each annotated with ``on_hand`` (all lots, expired included)."""
    return Product.objects.annotate(on_hand=Coalesce(Sum("lots__quantity_on_hand"), ZERO)).order_by("name")


def course_list() -> QuerySet[Course]:
    return Course.objects.prefetch_related("items__service").order_by("name")


def lot_list() -> QuerySet[StockLot]:
    """Lots by product and FEFO order."""
    return StockLot.objects.select_related("product").order_by("product__name", "expiry_date", "lot_number")


def movement_list() -> QuerySet[StockMovement]:
    return StockMovement.objects.select_related("lot", "lot__product").order_by("-created_at")


def low_stock(*, today: dt.date) -> QuerySet[Product]:
    """Active products whose usable stock (unexpired lots) is below their
    ``low_stock_threshold``; annotated with ``usable``."""
    usable = Coalesce(Sum("lots__quantity_on_hand", filter=Q(lots__expiry_date__gte=today)), ZERO)
    return (
        Product.objects.filter(is_active=True, low_stock_threshold__gt=0)
        .annotate(usable=usable)
        .filter(usable__lt=F("low_stock_threshold"))
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


def sale_list() -> QuerySet[Sale]:
    return (
        Sale.objects.select_related("patient", "invoice")
        .prefetch_related("lines__credits")
        .order_by("-created_at")
    )


def invoice_list() -> QuerySet[Invoice]:
    return Invoice.objects.select_related("patient").prefetch_related("items").order_by("-created_at")


def payment_list() -> QuerySet[Payment]:
    return Payment.objects.select_related("invoice").order_by("-received_at")


def course_balance_list() -> QuerySet[CourseBalance]:
    return CourseBalance.objects.select_related("course", "patient").order_by("expires_at")


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
