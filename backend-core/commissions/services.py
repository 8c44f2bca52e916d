"""Writes of the commissions context: rules (audited), the per-sale calculation, the
reversals of refunds and voids, and the period close. Arithmetic: ``commissions.calculation``."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal, InvalidOperation
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from audit.services import audit_changes, audit_event_record
from catalog.models import Course, Product, Service
from commerce.models import Refund, Sale, SaleLine
from commerce.pricing import allocate, round_money
from commissions import calculation, selectors
from commissions.calculation import Terms
from commissions.events import COMMISSION_CALCULATED, CommissionCalculatedEventDataSerializer
from commissions.models import CommissionLog, CommissionRule, CommissionRun
from core.exceptions import ValidationFailed
from core.services import model_save
from core.tasks import enqueue_on_commit
from outbox.services import outbox_event_record


class CommissionRuleFields(TypedDict, total=False):
    """The fields of a rule that ``commission_rule_create`` sets and
    ``commission_rule_update`` changes (``service``/``product``/``course``: rows of the
    rule's clinic; ``tiers``: ``[{"above": "<amount>", "value": "<rate>"}]``)."""

    name: str
    scope: str
    service: Service | None
    service_category: str
    product: Product | None
    course: Course | None
    rate_type: str
    value: Decimal
    tiers: list[dict[str, str]]
    tier_mode: str
    tier_period: str
    settle_at_period_close: bool
    organization_wide: bool
    priority: int
    effective_from: dt.date
    effective_to: dt.date | None
    is_active: bool


RULE_EDITABLE = frozenset(CommissionRuleFields.__annotations__)
_TARGETS = {"service": Service, "product": Product, "course": Course}
_SCOPE_TARGET: dict[str, str] = {
    CommissionRule.Scope.SERVICE: "service",
    CommissionRule.Scope.PRODUCT: "product",
    CommissionRule.Scope.COURSE: "course",
}
ZERO = Decimal(0)


def rule_terms(rule: CommissionRule) -> Terms:
    """The arithmetic's view of a (validated) rule."""
    return Terms.from_json(
        {
            "rate_type": rule.rate_type,
            "value": rule.value,
            "tiers": rule.tiers,
            "tier_mode": rule.tier_mode,
            "tier_period": rule.tier_period,
            "settle": rule.settle_at_period_close,
        }
    )


def _normalized_tiers(tiers: Any, *, percentage: bool) -> list[dict[str, str]]:
    """``[{"above": "100000.00", "value": "10.00"}]`` strictly ascending, thresholds > 0,
    values ≥ 0 (≤ 100 for percentages); raises ``ValidationFailed`` on ``tiers``."""
    if not isinstance(tiers, list):
        raise ValidationFailed(errors={"tiers": [_("Give a list of {above, value} objects.")]})
    normalized, previous = [], Decimal(0)
    for index, tier in enumerate(tiers):
        try:
            above, value = Decimal(str(tier["above"])), Decimal(str(tier["value"]))
        except (TypeError, KeyError, InvalidOperation):
            raise ValidationFailed(
                errors={f"tiers.{index}": [_("Give above and value as decimal strings.")]}
            ) from None
        if not above.is_finite() or not value.is_finite() or above <= previous:
            raise ValidationFailed(
                errors={f"tiers.{index}.above": [_("Thresholds must be positive and strictly ascending.")]}
            )
        if value < 0 or (percentage and value > 100) or above > Decimal("999999999999.99"):
            raise ValidationFailed(errors={f"tiers.{index}.value": [_("Out of range.")]})
        normalized.append(
            {"above": str(above.quantize(Decimal("0.01"))), "value": str(value.quantize(Decimal("0.01")))}
        )
        previous = above
    return normalized


def _validate_rule(rule: CommissionRule) -> None:
    """Meaning checks of a rule (the serializer checked the shapes)."""
    percentage = rule.rate_type == CommissionRule.RateType.PERCENTAGE
    errors: dict[str, list[str]] = {}
    rule.tiers = _normalized_tiers(rule.tiers, percentage=percentage)
    rule.value = Decimal(rule.value).quantize(Decimal("0.01"))
    if percentage and rule.value > 100:
        errors["value"] = [_("A percentage cannot exceed 100.")]
    if rule.tier_mode == CommissionRule.TierMode.MARGINAL and not percentage:
        errors["tier_mode"] = [_("Marginal tiers apply to percentage rules only.")]
    target_field = _SCOPE_TARGET.get(rule.scope)
    for field in _TARGETS:
        if field != target_field and getattr(rule, f"{field}_id") is not None:
            errors[field] = [_("Leave this empty for a rule of scope %(scope)s.") % {"scope": rule.scope}]
    if rule.scope == CommissionRule.Scope.SERVICE_CATEGORY:
        if rule.service_category not in Service.Category.values:
            errors["service_category"] = [_("Name one of the service categories.")]
    elif rule.service_category:
        errors["service_category"] = [_("Only a service_category rule names a category.")]
    if rule.effective_to is not None and rule.effective_to < rule.effective_from:
        errors["effective_to"] = [_("Must not be before effective_from.")]
    if errors:
        raise ValidationFailed(errors=errors)


def _rule_snapshot(rule: CommissionRule) -> dict[str, Any]:
    return {
        field: getattr(rule, f"{field}_id" if field in _TARGETS else field) for field in sorted(RULE_EDITABLE)
    }


@transaction.atomic
def commission_rule_create(
    *, clinic: Clinic, actor: User, **fields: Unpack[CommissionRuleFields]
) -> CommissionRule:
    """Add a rule (``CommissionRuleFields``; ``name``, ``scope``, ``value`` and
    ``effective_from`` are required); the currency is the clinic's. Audited as
    ``commission_rule.created``. Raises ``ValidationFailed`` naming the field."""
    rule = CommissionRule(clinic=clinic, currency=clinic.currency, **fields)
    _validate_rule(rule)
    model_save(rule)
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="commission_rule.created",
        object_type="commissions.CommissionRule",
        object_id=rule.pk,
        changes=audit_changes(before={}, after=_rule_snapshot(rule)),
    )
    return rule


@transaction.atomic
def commission_rule_update(
    *, rule: CommissionRule, actor: User, **fields: Unpack[CommissionRuleFields]
) -> CommissionRule:
    """Change the ``CommissionRuleFields`` given of a rule; each change that alters
    something bumps ``version`` (logs already written keep theirs; nothing is
    recalculated, the next sales and the period close use the new terms). Audited as
    ``commission_rule.updated`` with the old and new values. Raises ``ValidationFailed`` naming the field."""
    rule = CommissionRule.objects.select_for_update().get(pk=rule.pk)
    before = _rule_snapshot(rule)
    for name, value in fields.items():
        setattr(rule, name, value)
    _validate_rule(rule)
    changes = audit_changes(before=before, after=_rule_snapshot(rule))
    if not changes:
        return rule
    rule.version += 1
    model_save(rule)
    audit_event_record(
        clinic=rule.clinic,
        actor=actor,
        action="commission_rule.updated",
        object_type="commissions.CommissionRule",
        object_id=rule.pk,
        changes=changes,
    )
    return rule


def commission_rule_preview(
    *, clinic: Clinic, period: dt.date | None = None, **fields: Unpack[CommissionRuleFields]
) -> dict[str, Any]:
    """What a rule draft (``CommissionRuleFields``, validated as ``commission_rule_create``
    does; ``name`` may be left out) would pay on the clinic's sales of one tier period,
    per practitioner, with the arithmetic of the calculation and the period close
    (``_period_earned``). Reads only: nothing is saved or audited.

    ``period``: the first day of one of the draft's tier periods (clinic-local), default
    the one before today's — "last month". The sales are the clinic's non-void sales of
    that period in its currency, net of refunds, like the ones the calculation pays on;
    the draft is taken as the only rule of the lines it covers (its effective dates and
    the other rules are not applied: the question is what it pays on these sales). A
    practitioner's volume counts all their sales of the period, covered or not::

        {"period": date, "period_end": date,   # first and last clinic-local day
         "currency": "THB", "basis_total": Decimal, "total": Decimal,
         "practitioners": [{"practitioner_id": uuid, "practitioner_name": str,
                            "lines": int, "basis": Decimal, "volume": Decimal,
                            "rate": Decimal, "tier_above": Decimal | None,
                            "amount": Decimal}, ...]}   # highest amount first

    ``rate``/``tier_above``: the tier the period's volume reaches. Amounts are rounded to
    the currency. Raises ``ValidationFailed`` naming the field (``period`` when it is
    not the first day of a tier period)."""
    fields.setdefault("name", "")
    rule = CommissionRule(clinic=clinic, currency=clinic.currency, **fields)
    _validate_rule(rule)
    terms = rule_terms(rule)
    if period is None:
        current = calculation.period_start(clinic.today(), terms.tier_period)
        period = calculation.period_start(current - dt.timedelta(days=1), terms.tier_period)
    elif calculation.period_start(period, terms.tier_period) != period:
        raise ValidationFailed(
            errors={"period": [_("Give the first day of a month or quarter of the rule.")]}
        )
    end = calculation.period_end(period, terms.tier_period)
    lines = (
        SaleLine.objects.filter(
            sale__created_at__gte=selectors.clinic_midnight(clinic, period),
            sale__created_at__lt=selectors.clinic_midnight(clinic, end),
            sale__currency=clinic.currency,
            net_amount__gt=0,
        )
        .exclude(sale__status=Sale.Status.VOID)
        .select_related("service")
        .prefetch_related("credits__practitioner")
    )
    covered: dict[Any, set[Any]] = defaultdict(set)
    names: dict[Any, str] = {}
    for line in lines:
        if selectors.commission_rule_for_line(line, [rule]) is None:
            continue
        for credit in line.credits.all():
            covered[credit.practitioner_id].add(line.pk)
            names[credit.practitioner_id] = credit.practitioner.full_name
    rows = []
    for practitioner_id, mine in covered.items():
        entries = selectors.practitioner_period_sales(
            clinic=clinic, practitioner_id=practitioner_id, start=period, tier_period=terms.tier_period
        )
        raw, volume = _period_earned(terms, entries, mine)
        rate, above = calculation.tier_at(terms, volume)
        basis = sum((entry.basis for entry in entries if entry.sale_line_id in mine), ZERO)
        rows.append(
            {
                "practitioner_id": practitioner_id,
                "practitioner_name": names[practitioner_id],
                "lines": len(mine),
                "basis": round_money(basis, clinic.currency),
                "volume": round_money(volume, clinic.currency),
                "rate": rate,
                "tier_above": above,
                "amount": round_money(raw, clinic.currency),
            }
        )
    rows.sort(key=lambda row: (-row["amount"], row["practitioner_name"], str(row["practitioner_id"])))
    return {
        "period": period,
        "period_end": end - dt.timedelta(days=1),
        "currency": clinic.currency,
        "basis_total": sum((row["basis"] for row in rows), ZERO),
        "total": sum((row["amount"] for row in rows), ZERO),
        "practitioners": rows,
    }


def commission_run_open(*, sale: Sale) -> CommissionRun:
    """The run of ``sale``, opened ``pending`` if it has none yet (the calculation and
    the sweep open it; checkout writes none: ``commission_runs_requeue_stale`` finds a
    committed sale without a run)."""
    run, _created = CommissionRun.objects.get_or_create(sale=sale, defaults={"clinic": sale.clinic})
    return run


def commission_run_reversals_due(*, sale: Sale) -> None:
    """Record, inside the refund or void transaction, that ``sale`` awaits reversal logs
    (``reversals_enqueued_at``); ``sale_commission_reversals_write`` clears it."""
    CommissionRun.objects.filter(sale=sale).update(reversals_enqueued_at=timezone.now())


def commission_runs_requeue_stale(*, now: dt.datetime | None = None, limit: int = 500) -> int:
    """Platform job (beat, every minute): send again the work whose message was lost —
    the calculation of every sale without a run (opened ``pending`` here) or whose run is
    still ``pending``, and the reversals of every run with ``reversals_enqueued_at`` set,
    ``COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES`` after the sale was made or the work last
    sent (the broker was down at commit, the process died before sending, or the message
    was dropped). Returns how many tasks were sent.

    Reads across clinics on purpose (``CommissionRun.unscoped``); each task carries its
    run's clinic. Rows are claimed under ``SELECT … FOR UPDATE SKIP LOCKED`` (a run a
    worker is calculating is locked, so skipped) and stamped with ``now``, so two sweeps
    send each run once, and a run is sent at most once per interval. A duplicate message
    is harmless: the tasks are idempotent. Tasks are sent after commit; if the broker is
    still down they are logged and the next sweep after the interval tries again."""
    from commissions import tasks  # the tasks call these services

    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=settings.COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES)
    claimable = CommissionRun.unscoped.select_for_update(skip_locked=True).only("pk", "clinic_id", "sale_id")
    with transaction.atomic():
        unstarted = list(
            selectors.unscoped_sales_without_commission_run(created_before=cutoff)
            .select_for_update(skip_locked=True, of=("self",))
            .only("pk", "clinic_id")[:limit]
        )
        CommissionRun.unscoped.bulk_create(
            [CommissionRun(clinic_id=row.clinic_id, sale_id=row.pk, enqueued_at=now) for row in unstarted],
            ignore_conflicts=True,  # a worker that just opened one
        )
        calculations = list(
            claimable.filter(status=CommissionRun.Status.PENDING, enqueued_at__lt=cutoff).order_by(
                "enqueued_at"
            )[:limit]
        )
        CommissionRun.unscoped.filter(pk__in=[run.pk for run in calculations]).update(
            enqueued_at=now, updated_at=now
        )
        reversals = list(
            claimable.filter(reversals_enqueued_at__lt=cutoff).order_by("reversals_enqueued_at")[:limit]
        )
        CommissionRun.unscoped.filter(pk__in=[run.pk for run in reversals]).update(
            reversals_enqueued_at=now, updated_at=now
        )
        for row in unstarted:
            enqueue_on_commit(tasks.calculate_commission, clinic_id=str(row.clinic_id), sale_id=str(row.pk))
        for task, runs in ((tasks.calculate_commission, calculations), (tasks.reverse_commission, reversals)):
            for run in runs:
                enqueue_on_commit(task, clinic_id=str(run.clinic_id), sale_id=str(run.sale_id))
    return len(unstarted) + len(calculations) + len(reversals)


@transaction.atomic
def sale_commissions_calculate(*, sale: Sale) -> CommissionRun:
    """Compute the commissions of every line of ``sale`` and mark its run ``done``.

    One rule per line (``selectors.commission_rule_for_line`` over the rules in force on
    the sale's clinic-local day); free lines and lines no rule covers earn nothing.
    Practitioners and shares come from ``SaleLineCredit``; amounts follow
    ``commissions.calculation``. Idempotent: the run row is locked, and a line x
    practitioner that already has a commission log is skipped (the database also refuses
    a second log per line x practitioner x rule version). Reversals of refunds or a void
    recorded before this ran are applied too. Publishes ``commission.calculated`` to the
    clinic after commit."""
    run = commission_run_open(sale=sale)
    run = CommissionRun.objects.select_for_update().get(pk=run.pk)
    if run.status == CommissionRun.Status.DONE:
        sale_commission_reversals_write(sale=sale)
        return run
    done = set(
        CommissionLog.objects.filter(sale=sale, kind=CommissionLog.Kind.COMMISSION).values_list(
            "sale_line_id", "practitioner_id"
        )
    )
    clinic = sale.clinic
    lines = list(SaleLine.objects.filter(sale=sale).select_related("service").prefetch_related("credits"))
    day = clinic.date_at(sale.created_at)
    rules = selectors.commission_rules_in_force(clinic=clinic, day=day, currency=sale.currency, lines=lines)
    volumes: dict[tuple[Any, str, dt.date], dict[Any, Decimal]] = {}
    new_logs = []
    for line in lines:
        rule = selectors.commission_rule_for_line(line, rules) if line.net_amount > 0 else None
        credits = sorted(line.credits.all(), key=lambda c: (-c.share, str(c.practitioner_id)))
        if rule is None or not credits or all((line.pk, c.practitioner_id) in done for c in credits):
            continue
        terms = rule_terms(rule)
        start = selectors.sale_period_start(sale, terms.tier_period)
        bases = allocate(line.net_amount, [c.share for c in credits], sale.currency)
        earnings = []
        for credit in credits:
            key = (credit.practitioner_id, terms.tier_period, start)
            if key not in volumes:
                volumes[key] = _running_volumes(
                    clinic, credit.practitioner_id, start, terms.tier_period, sale
                )
            earnings.append(
                calculation.earned(
                    terms,
                    basis=line.net_amount * credit.share / calculation.HUNDRED,
                    units=line.quantity * credit.share / calculation.HUNDRED,
                    volume_before=volumes[key].get(line.pk, ZERO),
                )
            )
        _total, amounts = calculation.line_commission([e.amount for e in earnings], sale.currency)
        for credit, basis, item, amount in zip(credits, bases, earnings, amounts, strict=True):
            if (line.pk, credit.practitioner_id) in done:
                continue
            new_logs.append(
                CommissionLog(
                    clinic=clinic,
                    kind=CommissionLog.Kind.COMMISSION,
                    sale=sale,
                    sale_line=line,
                    practitioner_id=credit.practitioner_id,
                    rule=rule,
                    rule_version=rule.version,
                    terms=terms.as_json(),
                    share=credit.share,
                    quantity=line.quantity * credit.share / calculation.HUNDRED,
                    basis_amount=basis,
                    rate=item.rate,
                    tier_above=item.tier_above,
                    amount=amount,
                    currency=sale.currency,
                    period=start,
                )
            )
    CommissionLog.objects.bulk_create(new_logs)
    run.status = CommissionRun.Status.DONE
    run.attempts += 1
    run.error = ""
    run.completed_at = timezone.now()
    run.reversals_enqueued_at = None  # the reversals are written just below
    model_save(run, update_fields=["status", "attempts", "error", "completed_at", "reversals_enqueued_at"])
    sale_commission_reversals_sync(sale=sale)
    _publish(sale, run)
    return run


def _running_volumes(
    clinic: Clinic, practitioner_id: Any, start: dt.date, tier_period: str, until: Sale | None
) -> dict[Any, Decimal]:
    """``{sale_line_id: volume_before}`` of the practitioner in the period (rule 2)."""
    running, before = ZERO, {}
    for entry in selectors.practitioner_period_sales(
        clinic=clinic, practitioner_id=practitioner_id, start=start, tier_period=tier_period, until=until
    ):
        before[entry.sale_line_id] = running
        running += entry.basis
    return before


def _publish(sale: Sale, run: CommissionRun) -> None:
    status = selectors.sale_commission_status(sale=sale)
    outbox_event_record(
        clinic_id=sale.clinic_id,
        type=COMMISSION_CALCULATED,
        subject=f"sale/{sale.pk}",
        data=CommissionCalculatedEventDataSerializer({**status, "status": run.status}).data,
    )


def commission_run_fail(*, sale_id: Any, error: str) -> None:
    """Mark the run of ``sale_id`` ``failed`` with a short ``error`` (the task gave up)."""
    with transaction.atomic():
        sale = Sale.objects.filter(pk=sale_id).first()
        if sale is None:  # nothing to report on
            return
        run = commission_run_open(sale=sale)
        run.status = CommissionRun.Status.FAILED
        run.attempts += 1
        run.error = error[:500]
        model_save(run, update_fields=["status", "attempts", "error"])
        _publish(sale, run)


def _reversal(log: CommissionLog, *, amount: Decimal, basis: Decimal, refund: Refund | None) -> CommissionLog:
    return CommissionLog(
        clinic=log.clinic,
        kind=CommissionLog.Kind.REVERSAL,
        sale=log.sale,
        sale_line=log.sale_line,
        refund=refund,
        practitioner_id=log.practitioner_id,
        rule=log.rule,
        rule_version=log.rule_version,
        terms=log.terms,
        share=log.share,
        basis_amount=basis,
        rate=log.rate,
        tier_above=log.tier_above,
        amount=amount,
        currency=log.currency,
        period=log.period,
    )


@transaction.atomic
def sale_commission_reversals_write(*, sale: Sale) -> list[CommissionLog]:
    """``sale_commission_reversals_sync`` under the lock of the sale's run, then clear the
    run's ``reversals_enqueued_at``: a refund committed meanwhile waits for the lock and
    sets it again, so its reversals are never marked written unseen. Returns the new logs."""
    run = CommissionRun.objects.select_for_update().filter(sale=sale).first()
    logs = sale_commission_reversals_sync(sale=sale)
    if run is not None and run.reversals_enqueued_at is not None:
        run.reversals_enqueued_at = None
        model_save(run, update_fields=["reversals_enqueued_at"])
    return logs


@transaction.atomic
def sale_commission_reversals_sync(*, sale: Sale) -> list[CommissionLog]:
    """Write the reversal logs ``sale``'s refunds and void call for, once each.

    A refund of net ``r`` of a line of net ``N`` brings each practitioner's commission on
    it to ``round(c * (N - refunded so far) / N)``: the reversal is the difference from
    what the logs hold, so the reversals of a fully refunded line cancel it exactly. A
    void reverses whatever the line x practitioner still holds. Returns the new logs."""
    refunds = list(Refund.objects.filter(sale=sale).prefetch_related("lines").order_by("created_at", "pk"))
    if not refunds and sale.status != Sale.Status.VOID:
        return []
    commissions = list(
        CommissionLog.objects.filter(sale=sale, kind=CommissionLog.Kind.COMMISSION).select_related(
            "sale_line"
        )
    )
    if not commissions:
        return []
    held, held_basis, reversed_for = _commission_held(sale)
    new_logs = []
    refunded: dict[Any, Decimal] = defaultdict(Decimal)
    for refund in refunds:
        for refund_line in refund.lines.all():
            refunded[refund_line.sale_line_id] += refund_line.net_amount
            for log in commissions:
                key = (log.sale_line_id, log.practitioner_id)
                if (
                    log.sale_line is None
                    or log.sale_line_id != refund_line.sale_line_id
                    or (refund.pk, *key) in reversed_for
                ):
                    continue
                net = log.sale_line.net_amount
                remaining = (net - refunded[log.sale_line_id]) / net if net else ZERO
                amount = round_money(log.amount * remaining, log.currency) - held[key]
                basis = round_money(log.basis_amount * remaining, log.currency) - held_basis[key]
                if amount or basis:
                    new_logs.append(_reversal(log, amount=min(amount, ZERO), basis=basis, refund=refund))
                    held[key] += min(amount, ZERO)
                    held_basis[key] += basis
    if sale.status == Sale.Status.VOID:
        new_logs += _void_reversals(commissions, held=held, held_basis=held_basis, reversed_for=reversed_for)
    return CommissionLog.objects.bulk_create(new_logs)


def _commission_held(
    sale: Sale,
) -> tuple[dict[tuple[Any, Any], Decimal], dict[tuple[Any, Any], Decimal], set[tuple[Any, Any, Any]]]:
    """What ``sale``'s commission and reversal logs hold: the amount and the basis by
    ``(sale line id, practitioner id)``, and the ``(refund id, sale line id, practitioner
    id)`` already reversed (refund id ``None``: reversed for the void)."""
    held: dict[tuple[Any, Any], Decimal] = defaultdict(Decimal)
    held_basis: dict[tuple[Any, Any], Decimal] = defaultdict(Decimal)
    reversed_for: set[tuple[Any, Any, Any]] = set()
    for log in CommissionLog.objects.filter(
        sale=sale, kind__in=[CommissionLog.Kind.COMMISSION, CommissionLog.Kind.REVERSAL]
    ):
        held[(log.sale_line_id, log.practitioner_id)] += log.amount
        held_basis[(log.sale_line_id, log.practitioner_id)] += log.basis_amount
        if log.kind == CommissionLog.Kind.REVERSAL:
            reversed_for.add((log.refund_id, log.sale_line_id, log.practitioner_id))
    return held, held_basis, reversed_for


def _void_reversals(
    commissions: list[CommissionLog],
    *,
    held: dict[tuple[Any, Any], Decimal],
    held_basis: dict[tuple[Any, Any], Decimal],
    reversed_for: set[tuple[Any, Any, Any]],
) -> list[CommissionLog]:
    """The (unsaved) reversals of a void: whatever each line x practitioner of
    ``commissions`` still holds, unless the void was reversed already."""
    reversals = []
    for log in commissions:
        key = (log.sale_line_id, log.practitioner_id)
        if (None, *key) not in reversed_for and (held[key] or held_basis[key]):
            reversals.append(_reversal(log, amount=-held[key], basis=-held_basis[key], refund=None))
    return reversals


@transaction.atomic
def commission_period_settle(
    *,
    clinic: Clinic,
    period: dt.date,
    practitioner_id: Any = None,
    ended_by: dt.date | None = None,
    actor: User | None = None,
) -> list[CommissionLog]:
    """Period close of the logs of ``period`` (optionally one practitioner's): for each
    practitioner x rule version whose terms ask for it, write an ``adjustment`` log so
    the total equals the target of calculation rule 6, then mark the logs ``settled``.
    With ``ended_by`` (a clinic-local day), only periods that ended by then are closed.
    A close that settles anything is audited (``commission_period.settled``, by ``actor``;
    ``None``: the daily close): object id the period's first day, changes the number of
    logs settled, of adjustments written and their total.
    Idempotent: a second close finds nothing to adjust. Returns the adjustments."""
    logs = CommissionLog.objects.filter(period=period).select_related("rule")
    if practitioner_id is not None:
        logs = logs.filter(practitioner_id=practitioner_id)
    groups: dict[tuple[Any, Any, int], list[CommissionLog]] = defaultdict(list)
    for log in logs.order_by("created_at"):
        groups[(log.practitioner_id, log.rule_id, log.rule_version)].append(log)
    # One close at a time per rule: concurrent closes would adjust twice.
    list(CommissionRule.unscoped.select_for_update().filter(pk__in={key[1] for key in groups}).order_by("pk"))
    adjustments: list[CommissionLog] = []
    settled: list[Any] = []
    for (practitioner, _rule_id, _version), group in sorted(groups.items(), key=lambda item: str(item[0])):
        terms = Terms.from_json(group[0].terms)
        if ended_by is not None and calculation.period_end(period, terms.tier_period) > ended_by:
            continue
        settled.extend(log.pk for log in group)
        if not terms.settle:
            continue
        entries = selectors.practitioner_period_sales(
            clinic=clinic,
            practitioner_id=practitioner,
            start=period,
            tier_period=terms.tier_period,
            until=None,
        )
        mine = {log.sale_line_id for log in group if log.kind == CommissionLog.Kind.COMMISSION}
        raw, final_volume = _period_earned(terms, entries, mine)
        currency = group[0].currency
        difference = round_money(raw, currency) - sum((log.amount for log in group), ZERO)
        if difference:
            value, above = calculation.tier_at(terms, final_volume)
            adjustments.append(
                CommissionLog(
                    clinic=clinic,
                    kind=CommissionLog.Kind.ADJUSTMENT,
                    status=CommissionLog.Status.SETTLED,
                    practitioner_id=practitioner,
                    rule=group[0].rule,
                    rule_version=group[0].rule_version,
                    terms=group[0].terms,
                    basis_amount=ZERO,
                    rate=value,
                    tier_above=above,
                    amount=difference,
                    currency=currency,
                    period=period,
                )
            )
    CommissionLog.objects.bulk_create(adjustments)
    closed = CommissionLog.objects.filter(pk__in=settled).exclude(status=CommissionLog.Status.SETTLED)
    count = closed.update(status=CommissionLog.Status.SETTLED)
    if count or adjustments:
        audit_event_record(
            clinic=clinic,
            actor=actor,
            action="commission_period.settled",
            object_type="commissions.CommissionLog",
            object_id=period.isoformat(),
            changes={
                "practitioner": [None, str(practitioner_id) if practitioner_id is not None else "all"],
                "settled_logs": [0, count],
                "adjustments": [0, len(adjustments)],
                "adjustment_total": ["0", str(sum((log.amount for log in adjustments), ZERO))],
            },
        )
    return adjustments


def _period_earned(
    terms: Terms, entries: list[selectors.SalesEntry], lines: set[Any]
) -> tuple[Decimal, Decimal]:
    """``(unrounded earnings, final volume)`` of one practitioner over a tier period
    (calculation rule 6): ``entries`` are all their sales of the period in sale order
    (every line counts towards the volume), ``lines`` the sale line ids the terms pay
    on. Whole-period tiers of settling terms use the final volume for every line (what
    the period close brings the logs to); otherwise each line is paid at its running
    volume, as the calculation at sale time pays it."""
    final_volume = sum((entry.basis for entry in entries), ZERO)
    final = terms.tier_mode == calculation.WHOLE_PERIOD and terms.settle
    raw, running = ZERO, ZERO
    for entry in entries:
        if entry.sale_line_id in lines:
            raw += calculation.earned(
                terms,
                basis=entry.basis,
                units=entry.units,
                volume_before=running,
                tier_volume=final_volume if final else None,
            ).amount
        running += entry.basis
    return raw, final_volume


def commission_periods_settle_due(*, clinic: Clinic) -> int:
    """Beat: close every period of ``clinic`` that has ended and still holds accrued
    logs. Returns the number of adjustments written."""
    today = clinic.today()
    periods = CommissionLog.objects.filter(status=CommissionLog.Status.ACCRUED, period__lt=today).values_list(
        "period", flat=True
    )
    return sum(
        len(commission_period_settle(clinic=clinic, period=period, ended_by=today))
        for period in sorted(set(periods))
    )
