import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.models import AuditEvent
from catalog.models import Service
from commerce.models import Sale, SaleLine
from commerce.pricing import round_money
from commissions.calculation import Terms, earned
from commissions.models import CommissionLog, CommissionRule, CommissionRun
from commissions.services import (
    commission_period_settle,
    commission_periods_settle_due,
    commission_rule_create,
    commission_rule_preview,
    commission_rule_update,
    sale_commission_reversals_sync,
    sale_commissions_calculate,
)
from commissions.tests.factories import Line, at, refund, rule, sale, service
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context

SEED_TIERS = [{"above": "100000.00", "value": "10.00"}]


@pytest.fixture
def a(world):
    """Clinic A in context, without the world's catch-all rule."""
    CommissionRule.unscoped.filter(pk=world.a.commission_rule.pk).update(is_active=False)
    with clinic_context(world.a.clinic):
        yield world.a


def amounts(sale_row, practitioner=None):
    logs = CommissionLog.objects.filter(sale=sale_row)
    if practitioner is not None:
        logs = logs.filter(practitioner=practitioner)
    return sorted(logs.values_list("amount", flat=True))


def sell(a, net, *credits, when=None, item=None, **kwargs):
    row = sale(a.clinic, a.user(Role.CASHIER), [Line(item or a.service, net, credits, **kwargs)], at=when)
    sale_commissions_calculate(sale=row)
    return row


@pytest.mark.parametrize(
    ("mode", "crossing_commission"),
    [("whole_period", Decimal("1000.00")), ("marginal", Decimal("750.00"))],
)
def test_seed_tier_example_at_the_boundary(a, mode, crossing_commission):
    """ "10% if sales > 100 000, else 5%": 95 000 then 10 000 in the same month."""
    rule(a.clinic, value=Decimal(5), tiers=SEED_TIERS, tier_mode=mode)
    therapist = a.user(Role.THERAPIST)
    first = sell(a, "95000.00", (therapist, 100), when=at(2026, 3, 2))
    crossing = sell(a, "10000.00", (therapist, 100), when=at(2026, 3, 20))
    after = sell(a, "1000.00", (therapist, 100), when=at(2026, 3, 25))
    next_month = sell(a, "1000.00", (therapist, 100), when=at(2026, 4, 1))
    assert amounts(first) == [Decimal("4750.00")]
    assert amounts(crossing) == [crossing_commission]
    assert amounts(after) == [Decimal("100.00")]
    assert amounts(next_month) == [Decimal("50.00")]  # a new month starts below the tier
    log = CommissionLog.objects.get(sale=crossing)
    assert log.rate == Decimal(10) and log.tier_above == Decimal(100000) and log.period == dt.date(2026, 3, 1)


def test_exactly_the_threshold_is_not_above_it(a):
    rule(a.clinic, value=Decimal(5), tiers=SEED_TIERS)
    therapist = a.user(Role.THERAPIST)
    sell(a, "90000.00", (therapist, 100), when=at(2026, 3, 2))
    reaching = sell(a, "10000.00", (therapist, 100), when=at(2026, 3, 3))
    assert amounts(reaching) == [Decimal("500.00")]


def test_a_60_40_split_sums_exactly_to_the_line_commission(a):
    rule(a.clinic, value=Decimal(10))
    doctor, nurse = a.user(Role.DOCTOR), a.user(Role.NURSE)
    row = sell(a, "100.05", (nurse, 40), (doctor, 60), when=at(2026, 3, 2))
    logs = {log.practitioner_id: log for log in CommissionLog.objects.filter(sale=row)}
    # The line earns round(10.005) = 10.01; rounded one by one, 6.003 and 4.002 would give
    # 10.00. The odd minor unit goes to the larger share.
    assert (logs[doctor.pk].amount, logs[nurse.pk].amount) == (Decimal("6.01"), Decimal("4.00"))
    assert (logs[doctor.pk].basis_amount, logs[nurse.pk].basis_amount) == (Decimal("60.03"), Decimal("40.02"))
    assert CommissionRun.objects.get(sale=row).status == CommissionRun.Status.DONE


def test_running_again_writes_nothing_new(a):
    rule(a.clinic, value=Decimal(7))
    doctor = a.user(Role.DOCTOR)
    row = sell(a, "500.00", (doctor, 100), when=at(2026, 3, 2))
    before = list(CommissionLog.objects.filter(sale=row).values_list("pk", "amount"))
    sale_commissions_calculate(sale=row)
    # A redelivered message after the first run committed but before the ack:
    CommissionRun.objects.filter(sale=row).update(status=CommissionRun.Status.PENDING)
    sale_commissions_calculate(sale=row)
    assert list(CommissionLog.objects.filter(sale=row).values_list("pk", "amount")) == before


def test_the_database_refuses_a_second_log_for_the_same_line_and_rule_version(a):
    rule(a.clinic, value=Decimal(7))
    row = sell(a, "500.00", (a.user(Role.DOCTOR), 100), when=at(2026, 3, 2))
    log = CommissionLog.objects.get(sale=row)
    log.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        log.save(force_insert=True)


def test_free_and_uncovered_lines_earn_nothing(a):
    rule(a.clinic, value=Decimal(10), scope=CommissionRule.Scope.PRODUCT)
    doctor = a.user(Role.DOCTOR)
    free = sell(a, "0.00", (doctor, 100), when=at(2026, 3, 2))
    uncovered = sell(a, "900.00", (doctor, 100), when=at(2026, 3, 2))
    assert amounts(free) == [] and amounts(uncovered) == []
    assert CommissionRun.objects.get(sale=uncovered).status == CommissionRun.Status.DONE


def test_highest_priority_then_most_specific_rule_wins(a):
    laser = service(a.clinic, "CO2 laser", Service.Category.LASER)
    rule(a.clinic, name="Every service", value=Decimal(1))
    rule(
        a.clinic,
        name="Lasers",
        scope=CommissionRule.Scope.SERVICE_CATEGORY,
        service_category="laser",
        value=2,
    )
    rule(a.clinic, name="This laser", service=laser, value=Decimal(3))
    doctor = a.user(Role.DOCTOR)
    assert amounts(sell(a, "100.00", (doctor, 100), item=laser, when=at(2026, 3, 2))) == [Decimal("3.00")]
    rule(a.clinic, name="Promotion", scope=CommissionRule.Scope.SERVICE_CATEGORY, service_category="laser",
         value=Decimal(4), priority=10)  # fmt: skip
    assert amounts(sell(a, "100.00", (doctor, 100), item=laser, when=at(2026, 3, 3))) == [Decimal("4.00")]
    assert amounts(sell(a, "100.00", (doctor, 100), when=at(2026, 3, 3))) == [Decimal("1.00")]  # toxin


def test_effective_dates_and_inactive_rules(a):
    rule(a.clinic, value=Decimal(5), effective_from=dt.date(2026, 3, 10), effective_to=dt.date(2026, 3, 20))
    rule(a.clinic, value=Decimal(50), priority=5, is_active=False)
    doctor = a.user(Role.DOCTOR)
    assert amounts(sell(a, "100.00", (doctor, 100), when=at(2026, 3, 9))) == []
    assert amounts(sell(a, "100.00", (doctor, 100), when=at(2026, 3, 20))) == [Decimal("5.00")]
    assert amounts(sell(a, "100.00", (doctor, 100), when=at(2026, 3, 21))) == []


def test_an_organization_wide_rule_applies_in_sibling_clinics_only(world):
    from accounts.tests.factories import ClinicFactory, MembershipFactory

    sibling = ClinicFactory(
        organization=world.a.clinic.organization, currency="THB", time_zone="Asia/Bangkok"
    )
    rule(world.a.clinic, value=Decimal(8), organization_wide=True)
    therapist = MembershipFactory(clinic=sibling, role=Role.THERAPIST).user
    toxin = service(sibling, "Toxin")
    row = sale(sibling, therapist, [Line(toxin, "100.00", [(therapist, 100)])], at=at(2026, 3, 2))
    with clinic_context(sibling):
        sale_commissions_calculate(sale=row)
        assert amounts(row) == [Decimal("8.00")]
    CommissionRule.unscoped.filter(pk=world.b.commission_rule.pk).update(is_active=False)
    with clinic_context(world.b.clinic):  # another organization
        other = sale(
            world.b.clinic, world.b.user(), [Line(world.b.service, "100.00", [(world.b.user(), 100)])]
        )
        sale_commissions_calculate(sale=other)
        assert amounts(other) == []


def test_fixed_amount_per_unit_is_split_by_share(a):
    rule(a.clinic, rate_type=CommissionRule.RateType.FIXED_PER_UNIT, value=Decimal("2.50"))
    doctor, nurse = a.user(Role.DOCTOR), a.user(Role.NURSE)
    row = sell(a, "3500.00", (doctor, 50), (nurse, 50), quantity="50", when=at(2026, 3, 2))
    assert amounts(row) == [Decimal("62.50"), Decimal("62.50")]


def test_refunds_and_void_reverse_the_commission_exactly(a):
    rule(a.clinic, value=Decimal(10))
    doctor, nurse = a.user(Role.DOCTOR), a.user(Role.NURSE)
    row = sell(a, "1000.00", (doctor, 60), (nurse, 40), when=at(2026, 3, 2))
    refund(row, a.user(Role.CASHIER), {1: "333.33"})
    first = sale_commission_reversals_sync(sale=row)
    assert sorted(log.amount for log in first) == [Decimal("-20.00"), Decimal("-13.33")]
    assert sale_commission_reversals_sync(sale=row) == []  # once per refund
    refund(row, a.user(Role.CASHIER), {1: "666.67"})
    sale_commission_reversals_sync(sale=row)
    assert sum(amounts(row, doctor)) == 0 and sum(amounts(row, nurse)) == 0
    assert all(log.amount <= 0 for log in CommissionLog.objects.filter(kind="reversal"))

    voided = sell(a, "200.00", (doctor, 100), when=at(2026, 3, 3))
    Sale.objects.filter(pk=voided.pk).update(status=Sale.Status.VOID)
    voided.refresh_from_db()
    sale_commission_reversals_sync(sale=voided)
    sale_commission_reversals_sync(sale=voided)
    assert amounts(voided) == [Decimal("-20.00"), Decimal("20.00")]


def test_a_refund_recorded_before_the_calculation_is_reversed_by_it(a):
    rule(a.clinic, value=Decimal(10))
    doctor = a.user(Role.DOCTOR)
    row = sale(
        a.clinic, a.user(Role.CASHIER), [Line(a.service, "100.00", [(doctor, 100)])], at=at(2026, 3, 2)
    )
    refund(row, a.user(Role.CASHIER), {1: "100.00"})
    sale_commissions_calculate(sale=row)
    assert amounts(row) == [Decimal("-10.00"), Decimal("10.00")]


def test_period_close_brings_the_month_to_the_final_tier_once(a):
    rule(a.clinic, value=Decimal(5), tiers=SEED_TIERS)
    therapist = a.user(Role.THERAPIST)
    sell(a, "60000.00", (therapist, 100), when=at(2026, 3, 2))  # 3 000 at 5 %
    sell(a, "50000.00", (therapist, 100), when=at(2026, 3, 9))  # crosses: 5 000 at 10 %
    [adjustment] = commission_period_settle(clinic=a.clinic, period=dt.date(2026, 3, 1))
    assert adjustment.amount == Decimal("3000.00") and adjustment.kind == CommissionLog.Kind.ADJUSTMENT
    total = sum(CommissionLog.objects.filter(practitioner=therapist).values_list("amount", flat=True))
    assert total == Decimal("11000.00")  # 110 000 at 10 %
    assert commission_period_settle(clinic=a.clinic, period=dt.date(2026, 3, 1)) == []
    assert not CommissionLog.objects.filter(practitioner=therapist, status="accrued").exists()


def test_period_close_after_a_refund_drops_the_tier_back(a):
    rule(a.clinic, value=Decimal(5), tiers=SEED_TIERS, tier_mode="marginal")
    therapist = a.user(Role.THERAPIST)
    sell(a, "95000.00", (therapist, 100), when=at(2026, 3, 2))
    crossing = sell(a, "10000.00", (therapist, 100), when=at(2026, 3, 3))
    assert commission_period_settle(clinic=a.clinic, period=dt.date(2026, 3, 1)) == []  # marginal: exact
    refund(crossing, a.user(Role.CASHIER), {1: "6000.00"})
    sale_commission_reversals_sync(sale=crossing)  # 750 * 0.4 = 300 left
    [adjustment] = commission_period_settle(clinic=a.clinic, period=dt.date(2026, 3, 1))
    assert adjustment.amount == Decimal("-100.00")  # 99 000 at 5 % = 4 950 = 4 750 + 300 - 100


def test_period_close_is_configurable_per_rule(a):
    rule(a.clinic, value=Decimal(5), tiers=SEED_TIERS, settle_at_period_close=False)
    therapist = a.user(Role.THERAPIST)
    sell(a, "60000.00", (therapist, 100), when=at(2026, 3, 2))
    sell(a, "50000.00", (therapist, 100), when=at(2026, 3, 9))
    assert commission_period_settle(clinic=a.clinic, period=dt.date(2026, 3, 1)) == []


def test_the_daily_close_only_closes_ended_periods(a):
    rule(a.clinic, value=Decimal(5), tiers=SEED_TIERS)
    therapist = a.user(Role.THERAPIST)
    sell(a, "60000.00", (therapist, 100), when=at(2026, 3, 2))
    sell(a, "50000.00", (therapist, 100), when=at(2026, 3, 9))
    assert commission_periods_settle_due(clinic=a.clinic) == 1
    assert commission_periods_settle_due(clinic=a.clinic) == 0
    # The fixture's sale of this month (world) stays accrued until the month ends.
    assert CommissionLog.objects.filter(status="accrued").exists()


def test_rules_are_validated_and_every_change_is_audited(a):
    owner = a.user(Role.OWNER)
    created = commission_rule_create(
        clinic=a.clinic,
        actor=owner,
        name="Therapists",
        scope="service",
        value=Decimal(5),
        tiers=SEED_TIERS,
        effective_from=dt.date(2026, 1, 1),
    )
    assert created.currency == "THB" and created.version == 1
    updated = commission_rule_update(rule=created, actor=owner, value=Decimal(6))
    assert updated.version == 2
    assert commission_rule_update(rule=created, actor=owner, value=Decimal(6)).version == 2  # no change
    events = AuditEvent.objects.filter(object_id=str(created.pk)).order_by("sequence")
    assert [e.action for e in events] == ["commission_rule.created", "commission_rule.updated"]
    assert events[1].changes == {"value": ["5.00", "6.00"]}
    bad = [
        ({"value": Decimal(101)}, "value"),
        ({"tiers": [{"above": "5", "value": "1"}, {"above": "5", "value": "2"}]}, "tiers.1.above"),
        ({"tiers": [{"above": "x"}]}, "tiers.0"),
        ({"tier_mode": "marginal", "rate_type": "fixed_per_unit"}, "tier_mode"),
        ({"scope": "service_category", "service_category": "nails"}, "service_category"),
        ({"scope": "product", "service": a.service}, "service"),
        ({"effective_to": dt.date(2025, 1, 1)}, "effective_to"),
    ]
    for fields, field in bad:
        with pytest.raises(ValidationFailed) as error:
            commission_rule_update(rule=updated, actor=owner, **fields)
        assert field in error.value.errors, (fields, error.value.errors)
    assert CommissionRule.objects.get(pk=created.pk).version == 2


weights = st.lists(st.integers(min_value=1, max_value=20), min_size=1, max_size=3)


def credited(staff, weights):
    """Shares in percent with two decimals summing to 100 (the first takes the rest)."""
    total = sum(weights)
    shares = [(Decimal(w * 100) / total).quantize(Decimal("0.01")) for w in weights]
    shares[0] = Decimal(100) - sum(shares[1:], Decimal(0))
    return [(staff[i], share) for i, share in enumerate(shares)]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rules=st.lists(
        st.tuples(
            st.decimals(min_value=0, max_value=99, places=2),
            st.sampled_from(["whole_period", "marginal"]),
            st.lists(st.decimals(min_value=1, max_value=5000, places=2), max_size=2),
        ),
        min_size=1,
        max_size=3,
    ),
    lines=st.lists(
        st.tuples(st.decimals(min_value=0, max_value=5000, places=2), weights), min_size=1, max_size=4
    ),
)
def test_random_rules_and_sales_split_exactly_and_rerun_to_the_same_logs(a, rules, lines):
    staff = [a.user(Role.DOCTOR), a.user(Role.NURSE), a.user(Role.THERAPIST)]
    with transaction.atomic():
        for priority, (value, mode, thresholds) in enumerate(rules):
            tiers = [{"above": str(t), "value": str(value + 1)} for t in sorted(set(thresholds))]
            rule(a.clinic, value=value, tier_mode=mode, priority=priority, tiers=tiers)
        terms = Terms.from_json(
            {"rate_type": "percentage", "value": value, "tiers": tiers, "tier_mode": mode}
        )
        row = sale(
            a.clinic,
            a.user(Role.CASHIER),
            [Line(a.service, net, credited(staff, w)) for net, w in lines],
            at=at(2026, 5, 5),
        )
        sale_commissions_calculate(sale=row)
        logs = list(
            CommissionLog.objects.filter(sale=row).order_by("pk").values_list("pk", "amount", "basis_amount")
        )
        assert all(amount >= 0 and basis >= 0 for _, amount, basis in logs)
        # Independently: the winning rule is the last (highest priority); volumes run over the lines.
        volume = {user.pk: Decimal(0) for user in staff}
        for line in SaleLine.objects.filter(sale=row).prefetch_related("credits").order_by("position"):
            parts = CommissionLog.objects.filter(sale_line=line)
            raw = Decimal(0)
            for credit in line.credits.all():
                basis = line.net_amount * credit.share / 100
                raw += earned(
                    terms, basis=basis, units=Decimal(1), volume_before=volume[credit.practitioner_id]
                ).amount
                volume[credit.practitioner_id] += basis
            if line.net_amount == 0:
                assert not parts.exists()
                continue
            assert sum(p.amount for p in parts) == round_money(raw, "THB")
            assert sum(p.basis_amount for p in parts) == line.net_amount
        CommissionRun.objects.filter(sale=row).update(status=CommissionRun.Status.PENDING)
        sale_commissions_calculate(sale=row)
        again = list(
            CommissionLog.objects.filter(sale=row).order_by("pk").values_list("pk", "amount", "basis_amount")
        )
        assert again == logs
        transaction.set_rollback(True)


def test_commission_is_earned_on_paid_revenue_later_payments_add_and_refunds_reverse(world):
    """A 1 000.00 sale credited 60/40, 10 %: the doctor's 60.00 is earned as it is paid —
    24.00 after 400.00, all after the rest; refunding one of three units reverses 20.00."""
    from commerce.models import Invoice
    from commerce.services import CartLine, PaymentInput, payment_record, sale_checkout, sale_refund
    from commissions.selectors import commission_statement
    from commissions.services import sale_commission_reversals_write

    tenant = world.a
    CommissionLog.unscoped.filter(clinic=tenant.clinic).delete()  # the world's own sale's
    doctor, nurse, cashier = tenant.user(Role.DOCTOR), tenant.user(Role.NURSE), tenant.user(Role.CASHIER)
    line = CartLine(
        item=tenant.service,
        quantity=Decimal(3),
        line_discount=Decimal(50),
        credits=[(doctor, Decimal(60)), (nurse, Decimal(40))],
    )
    with clinic_context(tenant.clinic):
        row, _created = sale_checkout(
            clinic=tenant.clinic,
            actor=cashier,
            patient=tenant.patient,
            lines=[line],
            payments=[PaymentInput(method="cash", amount=Decimal("400.00"))],
            idempotency_key="paid-revenue",
        )
        sale_commissions_calculate(sale=row)
        period = CommissionLog.objects.filter(sale=row).values_list("period", flat=True).first()

        def statement():
            figures = commission_statement(practitioner_id=doctor.pk, period=period)
            return {key: figures[key] for key in ("total", "earned_total", "pending_total", "reversal_total")}

        assert statement() == {
            "total": Decimal("60.00"),
            "earned_total": Decimal("24.00"),
            "pending_total": Decimal("36.00"),
            "reversal_total": Decimal(0),
        }
        invoice = Invoice.objects.get(sale=row)
        payment_record(
            invoice=invoice,
            actor=cashier,
            method="card",
            amount=Decimal("600.00"),
            currency=invoice.currency,
            idempotency_key="paid-revenue-rest",
        )
        assert statement()["earned_total"] == Decimal("60.00")

        sale_refund(
            sale=row,
            actor=tenant.user(Role.OWNER),
            lines=[(row.lines.get(), Decimal(1))],
            reason="Session not given",
            method="cash",
            idempotency_key="paid-revenue-refund",
        )
        sale_commission_reversals_write(sale=row)
        assert statement() == {
            "total": Decimal("40.00"),
            "earned_total": Decimal("40.00"),
            "pending_total": Decimal(0),
            "reversal_total": Decimal("-20.00"),
        }


# 20:00 UTC on 30 November is 03:00 on 1 December in Bangkok: "last month" is November
# there (October in UTC), and a sale made at 19:00 UTC that evening is already December's.
PREVIEW_NOW = dt.datetime(2026, 11, 30, 20, 0, tzinfo=dt.UTC)
TIERED = {
    "scope": CommissionRule.Scope.SERVICE_CATEGORY,
    "service_category": Service.Category.NEUROTOXIN,
    "value": Decimal(5),
    "tiers": [{"above": "1000.00", "value": "10.00"}],
    "effective_from": dt.date(2027, 1, 1),  # not in force yet: a preview ignores the dates
}


def _november(a):
    """Neurotoxin and laser sales around the Bangkok month of November 2026: the doctor
    sells 1 100 of neurotoxin and 300 of laser in it (volume 1 400), the nurse 200."""
    doctor, nurse, cashier = a.user(Role.DOCTOR), a.user(Role.NURSE), a.user(Role.CASHIER)
    laser = service(a.clinic, "Laser", Service.Category.LASER)
    sales = [
        sale(a.clinic, cashier, [Line(a.service, "100.00", [(doctor, 100)])], at=at(2026, 10, 31, 18)),
        sale(a.clinic, cashier, [Line(a.service, "800.00", [(doctor, 100)])], at=at(2026, 11, 2)),
        sale(
            a.clinic,
            cashier,
            [Line(a.service, "400.00", [(doctor, 50), (nurse, 50)]), Line(laser, "300.00", [(doctor, 100)])],
            at=at(2026, 11, 10),
        ),
        sale(a.clinic, cashier, [Line(a.service, "5000.00", [(doctor, 100)])], at=at(2026, 11, 30, 19)),
        sale(
            a.clinic,
            cashier,
            [Line(a.service, "5000.00", [(nurse, 100)])],
            at=at(2026, 11, 20),
            status=Sale.Status.VOID,
        ),
    ]
    return doctor, nurse, sales


def test_preview_pays_last_clinic_month_like_the_calculation_and_the_close(a, time_machine):
    time_machine.move_to(PREVIEW_NOW, tick=False)
    doctor, nurse, sales = _november(a)
    preview = commission_rule_preview(clinic=a.clinic, **TIERED)
    assert preview["period"] == dt.date(2026, 11, 1) and preview["period_end"] == dt.date(2026, 11, 30)
    rows = {row["practitioner_id"]: row for row in preview["practitioners"]}
    assert list(rows) == [doctor.pk, nurse.pk]  # highest amount first
    assert rows[doctor.pk]["basis"] == Decimal("1100.00") and rows[doctor.pk]["volume"] == Decimal("1400.00")
    assert rows[doctor.pk]["rate"] == Decimal(10) and rows[doctor.pk]["tier_above"] == Decimal(1000)
    assert rows[doctor.pk]["amount"] == Decimal("110.00") and rows[doctor.pk]["lines"] == 3
    assert rows[nurse.pk]["amount"] == Decimal("10.00") and rows[nurse.pk]["tier_above"] is None
    assert preview["total"] == Decimal("120.00") and preview["basis_total"] == Decimal("1300.00")
    assert not CommissionRule.objects.filter(service_category=Service.Category.NEUROTOXIN).exists()
    assert not AuditEvent.unscoped.filter(action__startswith="commission_rule").exists()

    # The same rule in force pays the same once the month is closed.
    saved = commission_rule_create(
        clinic=a.clinic,
        actor=a.user(Role.OWNER),
        name="Neurotoxin",
        **{**TIERED, "effective_from": dt.date(2026, 1, 1)},
    )
    for row in sales:
        sale_commissions_calculate(sale=row)
    commission_period_settle(clinic=a.clinic, period=dt.date(2026, 11, 1))
    for practitioner in (doctor, nurse):
        paid = sum(
            CommissionLog.objects.filter(
                rule=saved, practitioner=practitioner, period=dt.date(2026, 11, 1)
            ).values_list("amount", flat=True),
            Decimal(0),
        )
        assert paid == rows[practitioner.pk]["amount"], practitioner


def test_preview_of_a_marginal_rule_for_a_given_period(a, time_machine):
    time_machine.move_to(PREVIEW_NOW, tick=False)
    doctor, _nurse, _sales = _november(a)
    draft = {**TIERED, "tier_mode": CommissionRule.TierMode.MARGINAL}
    [row, _] = commission_rule_preview(clinic=a.clinic, period=dt.date(2026, 11, 1), **draft)["practitioners"]
    # Running volume: 100 and 800 at 5 %; 200 (900 → 1 100) half at 5 %, half at 10 %.
    assert row["practitioner_id"] == doctor.pk and row["amount"] == Decimal("60.00")
    december = commission_rule_preview(clinic=a.clinic, period=dt.date(2026, 12, 1), **draft)
    assert [r["amount"] for r in december["practitioners"]] == [
        Decimal("450.00")
    ]  # 1 000 at 5 %, 4 000 at 10 %


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        ({"value": Decimal(101)}, "value"),
        (
            {"tiers": [{"above": "500.00", "value": "8.00"}, {"above": "500.00", "value": "9.00"}]},
            "tiers.1.above",
        ),
        ({"effective_to": dt.date(2026, 12, 1)}, "effective_to"),
        ({"period": dt.date(2026, 11, 2)}, "period"),
        ({"tier_period": CommissionRule.TierPeriod.QUARTER, "period": dt.date(2026, 11, 1)}, "period"),
        ({"service_category": "nothing"}, "service_category"),
    ],
)
def test_a_bad_draft_or_period_is_refused_naming_the_field(a, draft, field):
    with pytest.raises(ValidationFailed) as refused:
        commission_rule_preview(clinic=a.clinic, **{**TIERED, **draft})
    assert field in refused.value.errors
