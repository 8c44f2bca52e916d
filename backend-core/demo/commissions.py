"""Demo commission rules (one of each kind) and the close of the demo's commission periods.

Rules are written by the owner through ``commissions.services`` (so they are audited like
any edit), before the sales: each checkout queues the calculation task for its sale, and
``demo_build`` runs queued tasks inline (``core.tasks.tasks_inline``), so the history of
the demo sales is what the workers write for real sales. Once the sales are made, the
ended periods are closed as the daily beat task does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from accounts.models import Clinic, User
from catalog.models import Service
from commissions.models import CommissionLog, CommissionRule, CommissionRun
from commissions.services import commission_periods_settle_due, commission_rule_create
from core.tenancy import clinic_context

# "Sales above this in a month": about two busy weeks of one practitioner in each city.
TIER_THRESHOLD = {"THB": Decimal(100000), "BRL": Decimal(15000), "SAR": Decimal(10000)}
# Fixed fee per session of a device treatment, in the clinic currency.
FIXED_FEE = {"THB": Decimal(200), "BRL": Decimal(30), "SAR": Decimal(20)}
RULES_FROM = dt.date(2025, 1, 1)


@dataclass(frozen=True)
class CommissionSummary:
    rules: int
    sales: int
    logs: int


def _rules(clinic: Clinic) -> list[dict[str, Any]]:
    threshold = TIER_THRESHOLD.get(clinic.currency, Decimal(100000))
    tiers = [{"above": str(threshold), "value": "10.00"}]
    device = (
        Service.objects.filter(
            unit=Service.Unit.SESSION, category__in=[Service.Category.LASER, Service.Category.ENERGY]
        )
        .order_by("name")
        .first()
    )
    neurotoxin, filler = Service.Category.NEUROTOXIN, Service.Category.FILLER
    rules: list[dict[str, Any]] = [
        # The seed's example: 10 % if the month's sales exceed the threshold, else 5 %.
        {
            "name": "Injectables: 5 %, 10 % above the monthly target",
            "scope": "service_category",
            "service_category": neurotoxin,
            "value": Decimal(5),
            "tiers": tiers,
        },
        {
            "name": "Fillers: 5 %, 10 % on sales above the target (marginal)",
            "scope": "service_category",
            "service_category": filler,
            "value": Decimal(5),
            "tiers": tiers,
            "tier_mode": "marginal",
        },
        {"name": "Every other treatment: 3 %", "scope": "service", "value": Decimal(3), "priority": -10},
        {"name": "Retail products: 10 %", "scope": "product", "value": Decimal(10)},
        {"name": "Courses: 2 % at sale", "scope": "course", "value": Decimal(2)},
    ]
    if device is not None:
        rules.append(
            {
                "name": f"{device.name}: fixed fee per session",
                "scope": "service",
                "service": device,
                "rate_type": CommissionRule.RateType.FIXED_PER_UNIT,
                "value": FIXED_FEE.get(clinic.currency, Decimal(20)),
            }
        )
    return rules


def commission_rules_build(clinic: Clinic, owner: User) -> None:
    """Add the demo rules the clinic lacks (by name), in force from ``RULES_FROM``; its
    catalog must exist. Running it again adds nothing."""
    with clinic_context(clinic):
        existing = set(CommissionRule.objects.values_list("name", flat=True))
        for fields in _rules(clinic):
            if fields["name"] not in existing:
                commission_rule_create(clinic=clinic, actor=owner, effective_from=RULES_FROM, **fields)


def commission_periods_close(clinic: Clinic) -> CommissionSummary:
    """Close the clinic's ended commission periods (adjustment logs, as the daily beat
    task writes) and count its rules, computed sales and logs. Running it again changes
    nothing."""
    with clinic_context(clinic):
        commission_periods_settle_due(clinic=clinic)
        return CommissionSummary(
            rules=CommissionRule.objects.count(),
            sales=CommissionRun.objects.filter(status=CommissionRun.Status.DONE).count(),
            logs=CommissionLog.objects.count(),
        )
