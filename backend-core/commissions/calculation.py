"""Commission arithmetic: one pure module (no database), so it can be tested exhaustively.

Rules (amounts ``Decimal`` in the sale currency, volumes in the same currency):

1. **Basis.** A line's basis is its net amount (after line and cart discounts,
   excluding tax). Each practitioner credited on the line gets ``net * share / 100``,
   split to the minor unit by ``commerce.pricing.allocate`` with the credits ordered by
   share (largest first) then practitioner id: the largest-remainder minor units go to
   the largest share, ties to the lower practitioner id. The parts sum to the net.
2. **Volume.** A practitioner's volume is the sum of their bases on every line of the
   clinic's non-void sales in the tier period, net of refunds, in sale order
   (``Sale.created_at``, sale id, line position). ``volume_before`` of a line excludes
   it, ``volume_after`` includes it.
3. **Tier.** "``value`` if sales > ``above``": the applied value is the one of the
   highest tier whose ``above`` is strictly below the volume, else the base value.
4. **Earned** (unrounded), per practitioner:
   * ``whole_period``: ``basis * v / 100`` (percentage) or ``units * v`` (fixed per unit,
     ``units = quantity * share / 100``), ``v`` the tier reached by ``volume_after``;
   * ``marginal`` (percentage only): each slice of ``[volume_before, volume_after]``
     earns the value of the bracket it falls in.
5. **Line commission** ``= round_half_up(Σ earned)`` to the minor unit; it is split back
   over the practitioners in proportion to what each earned, by the same
   largest-remainder rule, so the parts sum exactly to the line's commission and none
   is negative.
6. **Period close.** With final data, the target of a practitioner under a rule version
   is ``round(Σ earned)`` over their lines, using the FINAL period volume for every line
   in ``whole_period`` mode and the final running volumes in ``marginal`` mode; the
   adjustment is the target minus what the logs already hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from commerce.pricing import allocate, round_money

HUNDRED = Decimal(100)
PERCENTAGE = "percentage"
FIXED_PER_UNIT = "fixed_per_unit"
WHOLE_PERIOD = "whole_period"
MARGINAL = "marginal"
MONTH = "month"
QUARTER = "quarter"


@dataclass(frozen=True)
class Terms:
    """The parts of a rule the arithmetic needs (also stored on every log)."""

    rate_type: str
    value: Decimal
    tiers: tuple[tuple[Decimal, Decimal], ...] = ()
    tier_mode: str = WHOLE_PERIOD
    tier_period: str = MONTH
    settle: bool = True

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Terms:
        return cls(
            rate_type=data["rate_type"],
            value=Decimal(data["value"]),
            tiers=tuple((Decimal(t["above"]), Decimal(t["value"])) for t in data.get("tiers", [])),
            tier_mode=data.get("tier_mode", WHOLE_PERIOD),
            tier_period=data.get("tier_period", MONTH),
            settle=bool(data.get("settle", True)),
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "rate_type": self.rate_type,
            "value": str(self.value),
            "tiers": [{"above": str(above), "value": str(value)} for above, value in self.tiers],
            "tier_mode": self.tier_mode,
            "tier_period": self.tier_period,
            "settle": self.settle,
        }


@dataclass(frozen=True)
class Earned:
    amount: Decimal  # unrounded
    rate: Decimal  # the value of the tier reached
    tier_above: Decimal | None  # that tier's threshold, None for the base value


def tier_at(terms: Terms, volume: Decimal) -> tuple[Decimal, Decimal | None]:
    """``(value, above)`` of the tier reached by ``volume`` (rule 3)."""
    value, above = terms.value, None
    for threshold, tier_value in terms.tiers:
        if volume > threshold:
            value, above = tier_value, threshold
    return value, above


def earned(
    terms: Terms,
    *,
    basis: Decimal,
    units: Decimal,
    volume_before: Decimal,
    tier_volume: Decimal | None = None,
) -> Earned:
    """What one practitioner earns on one line (rule 4). ``tier_volume`` overrides the
    volume that picks the whole-period tier (the period close passes the final volume)."""
    volume_after = volume_before + basis
    value, above = tier_at(terms, volume_after if tier_volume is None else tier_volume)
    if terms.rate_type == FIXED_PER_UNIT:
        return Earned(units * value, value, above)
    if terms.tier_mode == WHOLE_PERIOD:
        return Earned(basis * value / HUNDRED, value, above)
    lowers = [None, *(threshold for threshold, _ in terms.tiers)]
    uppers = [*(threshold for threshold, _ in terms.tiers), None]
    values = [terms.value, *(tier_value for _, tier_value in terms.tiers)]
    amount = Decimal(0)
    for lower, upper, bracket_value in zip(lowers, uppers, values, strict=True):
        start = volume_before if lower is None else max(volume_before, lower)
        end = volume_after if upper is None else min(volume_after, upper)
        if end > start:
            amount += (end - start) * bracket_value / HUNDRED
    return Earned(amount, value, above)


def line_commission(raw: Sequence[Decimal], currency: str) -> tuple[Decimal, list[Decimal]]:
    """Rule 5: ``(line total, per-practitioner amounts)`` from the unrounded amounts, in
    the callers' order (largest share first, ties by practitioner id), which makes the
    remainder's destination deterministic."""
    total = round_money(sum(raw, Decimal(0)), currency)
    return total, allocate(total, raw, currency)


def period_start(day: dt.date, tier_period: str) -> dt.date:
    """First day of the month or quarter holding ``day``."""
    if tier_period == QUARTER:
        return day.replace(month=(day.month - 1) // 3 * 3 + 1, day=1)
    return day.replace(day=1)


def period_end(start: dt.date, tier_period: str) -> dt.date:
    """First day of the next period (exclusive end)."""
    months = 3 if tier_period == QUARTER else 1
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1)
