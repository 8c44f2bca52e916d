import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from commissions.calculation import (
    FIXED_PER_UNIT,
    MARGINAL,
    PERCENTAGE,
    QUARTER,
    Terms,
    earned,
    line_commission,
    period_end,
    period_start,
    tier_at,
)

SEED = Terms(rate_type=PERCENTAGE, value=Decimal(5), tiers=((Decimal(100000), Decimal(10)),))
SEED_MARGINAL = Terms(
    rate_type=PERCENTAGE, value=Decimal(5), tiers=((Decimal(100000), Decimal(10)),), tier_mode=MARGINAL
)


def test_tier_applies_only_above_the_threshold():
    assert tier_at(SEED, Decimal("100000.00")) == (Decimal(5), None)
    assert tier_at(SEED, Decimal("100000.01")) == (Decimal(10), Decimal(100000))


def test_whole_period_mode_pays_the_reached_tier_on_the_whole_line():
    crossing = earned(SEED, basis=Decimal(10000), units=Decimal(1), volume_before=Decimal(95000))
    assert crossing.amount == Decimal(1000) and crossing.rate == Decimal(10)
    below = earned(SEED, basis=Decimal(5000), units=Decimal(1), volume_before=Decimal(95000))
    assert below.amount == Decimal(250) and below.rate == Decimal(5)


def test_marginal_mode_pays_each_slice_at_its_own_tier():
    crossing = earned(SEED_MARGINAL, basis=Decimal(10000), units=Decimal(1), volume_before=Decimal(95000))
    assert crossing.amount == Decimal(750)  # 5 000 at 5 % + 5 000 at 10 %
    above = earned(SEED_MARGINAL, basis=Decimal(1000), units=Decimal(1), volume_before=Decimal(100000))
    assert above.amount == Decimal(100)


def test_fixed_amount_per_unit_uses_the_tier_value():
    terms = Terms(rate_type=FIXED_PER_UNIT, value=Decimal(20), tiers=((Decimal(1000), Decimal(30)),))
    assert earned(terms, basis=Decimal(500), units=Decimal(3), volume_before=Decimal(0)).amount == Decimal(60)
    assert earned(terms, basis=Decimal(500), units=Decimal(3), volume_before=Decimal(600)).amount == Decimal(
        90
    )


def test_a_60_40_split_sums_exactly_and_the_odd_minor_unit_goes_to_the_larger_share():
    # Rounded one by one, 19.983 and 13.322 give 19.98 + 13.32 = 33.30, one minor unit short of
    # the line commission round(33.305) = 33.31.
    raw = [Decimal("19.983"), Decimal("13.322")]
    total, parts = line_commission(raw, "THB")
    assert total == Decimal("33.31") and sum(parts) == total
    assert parts == [Decimal("19.99"), Decimal("13.32")]
    # Equal remainders: the first part (largest share, then lowest practitioner id) wins.
    total, parts = line_commission([Decimal("0.005"), Decimal("0.005"), Decimal("0.005")], "THB")
    assert total == Decimal("0.02") and parts == [Decimal("0.01"), Decimal("0.01"), Decimal("0.00")]


def test_zero_decimal_currencies_round_to_whole_units():
    total, parts = line_commission([Decimal("10.5"), Decimal("7.0")], "JPY")
    assert total == Decimal(18) and sum(parts) == total


def test_periods_are_calendar_months_or_quarters():
    assert period_start(dt.date(2026, 11, 21), "month") == dt.date(2026, 11, 1)
    assert period_end(dt.date(2026, 12, 1), "month") == dt.date(2027, 1, 1)
    assert period_start(dt.date(2026, 11, 21), QUARTER) == dt.date(2026, 10, 1)
    assert period_end(dt.date(2026, 10, 1), QUARTER) == dt.date(2027, 1, 1)


money = st.decimals(min_value=0, max_value=10**7, places=2)
percent = st.decimals(min_value=0, max_value=100, places=2)


@st.composite
def terms(draw: st.DrawFn) -> Terms:
    thresholds = sorted(set(draw(st.lists(st.decimals(min_value=1, max_value=10**7, places=2), max_size=3))))
    values = [draw(percent) for _ in thresholds]
    return Terms(
        rate_type=PERCENTAGE,
        value=draw(percent),
        tiers=tuple(zip(thresholds, values, strict=True)),
        tier_mode=draw(st.sampled_from(["whole_period", MARGINAL])),
    )


@given(terms(), money, money)
def test_earned_is_never_negative_and_marginal_never_exceeds_the_top_rate(rule, basis, before):
    result = earned(rule, basis=basis, units=Decimal(1), volume_before=before)
    assert result.amount >= 0
    top = max([rule.value, *(value for _, value in rule.tiers)])
    assert result.amount <= basis * top / 100


@given(terms(), st.lists(money, min_size=2, max_size=6))
def test_marginal_commission_does_not_depend_on_how_sales_are_cut(rule, bases):
    marginal = Terms(rule.rate_type, rule.value, rule.tiers, MARGINAL)
    volume, pieces = Decimal(0), Decimal(0)
    for basis in bases:
        pieces += earned(marginal, basis=basis, units=Decimal(1), volume_before=volume).amount
        volume += basis
    whole = earned(marginal, basis=volume, units=Decimal(1), volume_before=Decimal(0)).amount
    assert pieces == whole


@given(st.lists(st.decimals(min_value=0, max_value=10**6, places=4), min_size=1, max_size=5))
def test_split_parts_sum_to_the_line_commission_and_are_never_negative(raw):
    total, parts = line_commission(raw, "BRL")
    assert sum(parts) == total and all(part >= 0 for part in parts)
    assert abs(total - sum(raw)) <= Decimal("0.005")
