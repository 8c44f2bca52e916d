"""Reads of the commissions context: matching rules, practitioners' period sales, the
status a POS polls and the statements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import DecimalField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, TruncDate

from accounts.models import Clinic
from commerce.models import Invoice, RefundLine, Sale, SaleLine, SaleLineCredit
from commerce.pricing import round_money
from commissions.calculation import HUNDRED, period_end, period_start
from commissions.models import CommissionLog, CommissionRule, CommissionRun

ZERO = Decimal(0)


def clinic_midnight(clinic: Clinic, day: dt.date) -> dt.datetime:
    """The UTC instant the clinic's ``day`` starts."""
    return dt.datetime.combine(day, dt.time.min, tzinfo=clinic.zone)


def commission_rule_list() -> QuerySet[CommissionRule]:
    """The current clinic's rules, highest priority first."""
    return CommissionRule.objects.select_related("service", "product", "course").order_by("-priority", "name")


def commission_rules_in_force(
    *, clinic: Clinic, day: dt.date, currency: str, lines: Sequence[SaleLine] | None = None
) -> list[CommissionRule]:
    """Active rules of ``clinic`` and the organization-wide rules of its organization
    that are effective on ``day`` (clinic-local) and priced in ``currency``, best first
    (see ``commission_rule_for_line``); with ``lines``, only those that could cover one
    of them (the database leaves out rules of other items). Organization-wide rules of
    sibling clinics are an explicit cross-clinic read."""
    rows = CommissionRule.unscoped.filter(
        Q(clinic=clinic) | Q(organization_wide=True, clinic__organization_id=clinic.organization_id),
        Q(effective_to__isnull=True) | Q(effective_to__gte=day),
        is_active=True,
        currency=currency,
        effective_from__lte=day,
    )
    if lines is not None:
        rows = rows.filter(_could_cover(lines))
    return sorted(
        rows,
        key=lambda rule: (-rule.priority, -_specificity(rule), -rule.effective_from.toordinal(), rule.pk),
    )


def _could_cover(lines: Sequence[SaleLine]) -> Q:
    scope = CommissionRule.Scope
    services = {line.service_id for line in lines if line.service_id}
    categories = {line.service.category for line in lines if line.service is not None}
    products = {line.product_id for line in lines if line.product_id}
    courses = {line.course_id for line in lines if line.course_id}
    covers = Q(pk__in=[])
    if services:
        covers |= Q(scope=scope.SERVICE) & (Q(service__isnull=True) | Q(service_id__in=services))
        covers |= Q(scope=scope.SERVICE_CATEGORY, service_category__in=categories)
    if products:
        covers |= Q(scope=scope.PRODUCT) & (Q(product__isnull=True) | Q(product_id__in=products))
    if courses:
        covers |= Q(scope=scope.COURSE) & (Q(course__isnull=True) | Q(course_id__in=courses))
    return covers


def _specificity(rule: CommissionRule) -> int:
    """3: one item; 2: a service category; 1: every item of a kind."""
    if rule.scope == CommissionRule.Scope.SERVICE_CATEGORY:
        return 2
    return 3 if (rule.service_id or rule.product_id or rule.course_id) else 1


def _covers(rule: CommissionRule, line: SaleLine) -> bool:
    scope = rule.scope
    if scope == CommissionRule.Scope.SERVICE:
        return line.kind == SaleLine.Kind.SERVICE and rule.service_id in (None, line.service_id)
    if scope == CommissionRule.Scope.SERVICE_CATEGORY:
        return (
            line.kind == SaleLine.Kind.SERVICE
            and line.service is not None
            and (line.service.category == rule.service_category)
        )
    if scope == CommissionRule.Scope.PRODUCT:
        return line.kind == SaleLine.Kind.PRODUCT and rule.product_id in (None, line.product_id)
    return line.kind == SaleLine.Kind.COURSE and rule.course_id in (None, line.course_id)


def commission_rule_for_line(line: SaleLine, rules: Sequence[CommissionRule]) -> CommissionRule | None:
    """The first rule of ``rules`` (ordered by ``commission_rules_in_force``: priority,
    then specificity, then the later ``effective_from``, then id) that covers ``line``."""
    return next((rule for rule in rules if _covers(rule, line)), None)


@dataclass(frozen=True)
class SalesEntry:
    """A practitioner's part of one sale line, net of refunds (calculation rule 2)."""

    sale_line_id: UUID
    basis: Decimal  # net_amount * share / 100, unrounded
    units: Decimal  # quantity * share / 100


def practitioner_period_sales(
    *, clinic: Clinic, practitioner_id: Any, start: dt.date, tier_period: str, until: Sale | None = None
) -> list[SalesEntry]:
    """The practitioner's credited lines on the clinic's non-void sales of the tier period
    starting ``start`` (clinic-local days), net of the refunds recorded so far, in sale
    order (created_at, sale id, line position). With ``until``, only the sales up to and
    including that one."""
    refunded = (
        RefundLine.objects.filter(sale_line=OuterRef("sale_line"))
        .values("sale_line")
        .annotate(net=Sum("net_amount"), quantity=Sum("quantity"))
    )
    credits = SaleLineCredit.objects.filter(
        practitioner_id=practitioner_id,
        sale_line__sale__created_at__gte=clinic_midnight(clinic, start),
        sale_line__sale__created_at__lt=clinic_midnight(clinic, period_end(start, tier_period)),
    ).exclude(sale_line__sale__status=Sale.Status.VOID)
    if until is not None:
        credits = credits.filter(
            Q(sale_line__sale__created_at__lt=until.created_at)
            | Q(sale_line__sale__created_at=until.created_at, sale_line__sale_id__lte=until.pk)
        )
    rows = credits.annotate(
        refunded_net=Coalesce(
            Subquery(refunded.values("net")),
            Value(ZERO),
            output_field=DecimalField(max_digits=14, decimal_places=3),
        ),
        refunded_quantity=Coalesce(
            Subquery(refunded.values("quantity")),
            Value(ZERO),
            output_field=DecimalField(max_digits=14, decimal_places=3),
        ),
    ).values_list(
        "sale_line_id",
        "sale_line__net_amount",
        "sale_line__quantity",
        "share",
        "refunded_net",
        "refunded_quantity",
        "sale_line__sale__created_at",
        "sale_line__sale_id",
        "sale_line__position",
    )
    ordered = sorted(rows, key=lambda row: (row[6], str(row[7]), row[8]))
    return [
        SalesEntry(
            sale_line_id=line_id,
            basis=(Decimal(net) - Decimal(refunded_net)) * share / HUNDRED,
            units=(Decimal(quantity) - Decimal(refunded_quantity)) * share / HUNDRED,
        )
        for line_id, net, quantity, share, refunded_net, refunded_quantity, *_ in ordered
    ]


def sale_period_start(sale: Sale, tier_period: str) -> dt.date:
    """First day of the tier period holding the sale (clinic-local)."""
    return period_start(sale.clinic.date_at(sale.created_at), tier_period)


def unscoped_sales_without_commission_run(*, created_before: dt.datetime) -> QuerySet[Sale]:
    """Sales of every clinic made before ``created_before`` that have no commission run:
    their calculation was never started (the message sent after checkout was lost, or
    the process died before sending it). Oldest first. Reads across clinics on purpose,
    for the platform sweep (``services.commission_runs_requeue_stale``)."""
    return Sale.unscoped.filter(commission_run__isnull=True, created_at__lt=created_before).order_by(
        "created_at"
    )


def sale_commission_status(*, sale: Sale) -> dict[str, Any]:
    """What the POS shows after checkout::

        {"sale_id": uuid, "status": "pending" | "done" | "failed", "error": str,
         "completed_at": datetime | None, "total": Decimal, "currency": "THB",
         "lines": [CommissionLog, ...]}   # commission and reversal logs of the sale

    A sale whose run does not exist yet (its calculation has not started) is
    ``pending``."""
    run = CommissionRun.objects.filter(sale=sale).first()
    logs = list(
        CommissionLog.objects.filter(sale=sale)
        .select_related("sale", "sale_line", "practitioner", "rule")
        .order_by("sale_line__position", "created_at", "practitioner_id")
    )
    return {
        "sale_id": sale.pk,
        "status": run.status if run is not None else CommissionRun.Status.PENDING,
        "error": run.error if run is not None else "",
        "completed_at": run.completed_at if run is not None else None,
        "total": sum((log.amount for log in logs), ZERO),
        "currency": sale.currency,
        "lines": logs,
    }


def commission_log_list() -> QuerySet[CommissionLog]:
    """The current clinic's commission ledger, newest first."""
    return CommissionLog.objects.select_related(
        "sale", "sale_line", "refund", "practitioner", "rule"
    ).order_by("-created_at")


def commission_log_occurred_at(log: CommissionLog) -> dt.datetime:
    """When what ``log`` records happened (a UTC instant): the sale for a commission, the
    refund or the void for a reversal, the close itself for an adjustment. Not when the
    log was written: a calculation may run later than its sale (a retry, a recalculation),
    and a statement is read by the sale's date. Reads ``sale`` and ``refund`` (joined by
    ``commission_log_list``)."""
    if log.refund is not None:
        return log.refund.created_at
    if log.sale is None:
        return log.created_at
    if log.kind == CommissionLog.Kind.REVERSAL:
        return log.sale.voided_at or log.created_at
    return log.sale.created_at


def sale_paid_fractions(sale_ids: Sequence[Any]) -> dict[Any, Decimal]:
    """``{sale_id: fraction}``: how much of each sale's revenue the patient has paid, from
    its invoice — ``paid_total / (total - refunded_total)`` (refund payments count
    negative in ``paid_total``), between 0 and 1; 1 when nothing is left to pay (the
    sale was refunded or voided in full: its reversals already cancel its commission)."""
    fractions: dict[Any, Decimal] = {}
    for sale_id, total, refunded, paid in Invoice.objects.filter(sale_id__in=set(sale_ids)).values_list(
        "sale_id", "total", "refunded_total", "paid_total"
    ):
        due = total - refunded
        fractions[sale_id] = min(max(paid / due, ZERO), Decimal(1)) if due > 0 else Decimal(1)
    return fractions


def commission_statement(*, practitioner_id: Any, period: dt.date) -> dict[str, Any]:
    """One practitioner's statement for the period starting ``period``::

        {"practitioner_id": uuid, "period": date, "currency": "THB" | None,
         "lines": [CommissionLog], "adjustments": [CommissionLog],
         "earned": {log_id: Decimal},
         "commission_total": Decimal, "reversal_total": Decimal,
         "adjustment_total": Decimal, "total": Decimal,
         "earned_total": Decimal, "pending_total": Decimal}

    ``lines`` are commissions and reversals in sale order; every amount in ``currency``
    (the clinic's). Commission is earned on PAID revenue: each line's log earns its
    amount times the paid fraction of its sale (``sale_paid_fractions``, rounded per
    log), so a later payment adds to ``earned_total`` and a refund or void takes away
    through its reversal; period adjustments (tiers, settled at the close) count as
    earned. ``pending_total = total - earned_total``: what payments still to come would
    earn."""
    logs = list(
        commission_log_list()
        .filter(practitioner_id=practitioner_id, period=period)
        .order_by("created_at", "sale_line__position")
    )
    paid = sale_paid_fractions([log.sale_id for log in logs if log.sale_id is not None])
    earned = {
        log.pk: round_money(log.amount * paid.get(log.sale_id, Decimal(1)), log.currency)
        if log.sale_id is not None
        else log.amount
        for log in logs
    }

    def total(kind: str) -> Decimal:
        return sum((log.amount for log in logs if log.kind == kind), ZERO)

    net = sum((log.amount for log in logs), ZERO)
    earned_total = sum(earned.values(), ZERO)
    return {
        "practitioner_id": practitioner_id,
        "period": period,
        "currency": logs[0].currency if logs else None,
        "lines": [log for log in logs if log.kind != CommissionLog.Kind.ADJUSTMENT],
        "adjustments": [log for log in logs if log.kind == CommissionLog.Kind.ADJUSTMENT],
        "earned": earned,
        "commission_total": total(CommissionLog.Kind.COMMISSION),
        "reversal_total": total(CommissionLog.Kind.REVERSAL),
        "adjustment_total": total(CommissionLog.Kind.ADJUSTMENT),
        "total": net,
        "earned_total": earned_total,
        "pending_total": net - earned_total,
    }


def commission_cost_daily(
    *, clinic: Clinic, start: dt.date, end: dt.date
) -> dict[tuple[dt.date, UUID], Decimal]:
    """Per clinic-local day and practitioner: the signed sum of the current clinic's
    commission logs (commissions, reversals, period adjustments) in the clinic's
    currency. A log is dated by what caused it: its refund (when the money went back),
    else the void of its sale
    (so a void sale costs nothing), else its sale, else when it was written (a period
    adjustment). One query."""
    since = clinic_midnight(clinic, start)
    until = clinic_midnight(clinic, end + dt.timedelta(days=1))
    dated = CommissionLog.objects.annotate(
        at=Coalesce(
            "refund__payment__received_at",
            "refund__created_at",
            "sale__voided_at",
            "sale__created_at",
            "created_at",
        )
    ).filter(at__gte=since, at__lt=until)
    rows = (
        dated.annotate(day=TruncDate("at", tzinfo=clinic.zone))
        .values("day", "practitioner_id")
        .annotate(amount=Sum("amount"))
        .order_by()
    )
    return {(r["day"], r["practitioner_id"]): r["amount"] for r in rows}
