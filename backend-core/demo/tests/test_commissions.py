from decimal import Decimal

from catalog.models import Service
from commerce.services import CartLine, sale_checkout
from commissions.models import CommissionLog, CommissionRule, CommissionRun
from commissions.tests.factories import at, service
from core.roles import Role
from core.tasks import tasks_inline
from core.tenancy import clinic_context
from demo.commissions import commission_periods_close, commission_rules_build


def test_demo_sales_earn_commissions_under_the_demo_rules_and_a_second_build_changes_nothing(world):
    clinic, owner = world.a.clinic, world.a.user(Role.OWNER)
    CommissionRule.unscoped.filter(pk=world.a.commission_rule.pk).update(is_active=False)
    service(clinic, "Fractional CO2 laser", Service.Category.LASER)
    doctor, nurse = world.a.user(Role.DOCTOR), world.a.user(Role.NURSE)
    commission_rules_build(clinic, owner)
    # 200 toxin units at 350.00 less 10 000.00: 60 000.00 net, credited 60/40.
    toxin = CartLine(
        item=world.a.service,
        quantity=Decimal(200),
        line_discount=Decimal(10000),
        credits=[(doctor, Decimal(60)), (nurse, Decimal(40))],
    )
    with tasks_inline(), clinic_context(clinic):  # as demo_build runs the queued calculations
        sold = [
            sale_checkout(
                clinic=clinic,
                actor=world.a.user(Role.CASHIER),
                patient=world.a.patient,
                lines=[toxin],
                payments=[],
                idempotency_key=f"demo-commissions-{day}",
                at=at(2026, 3, day),
            )[0]
            for day in (3, 10, 17)
        ]

    first = commission_periods_close(clinic)
    assert first.rules == 7  # six demo rules and the fixture's (inactive) one
    runs = CommissionRun.unscoped.filter(sale__in=sold)
    assert sorted(runs.values_list("status", flat=True)) == ["done"] * 3
    logs = list(CommissionLog.unscoped.filter(clinic=clinic).order_by("pk").values_list("pk", "amount"))
    # Injectables: the doctor's 60 % share crosses 100 000 THB with the third sale; the
    # month is then closed: 108 000 at 10 % for the doctor, 72 000 at 5 % for the nurse.
    month = CommissionLog.unscoped.filter(clinic=clinic, period="2026-03-01")
    assert sum(month.filter(practitioner=doctor).values_list("amount", flat=True)) == Decimal("10800.00")
    assert sum(month.filter(practitioner=nurse).values_list("amount", flat=True)) == Decimal("3600.00")

    commission_rules_build(clinic, owner)
    again = commission_periods_close(clinic)
    assert again == first
    assert (
        list(CommissionLog.unscoped.filter(clinic=clinic).order_by("pk").values_list("pk", "amount")) == logs
    )
