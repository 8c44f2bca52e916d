from decimal import Decimal

from commerce.models import Service
from commissions.models import CommissionLog, CommissionRule, CommissionRun
from commissions.tests.factories import Line, at, sale, service
from core.roles import Role
from demo.commissions import commissions_build


def test_demo_commissions_follow_the_sales_and_a_second_build_changes_nothing(world):
    clinic = world.a.clinic
    CommissionRule.unscoped.filter(pk=world.a.commission_rule.pk).update(is_active=False)
    service(clinic, "Fractional CO2 laser", Service.Category.LASER)
    doctor, nurse = world.a.user(Role.DOCTOR), world.a.user(Role.NURSE)
    toxin = Line(world.a.service, "60000.00", [(doctor, 60), (nurse, 40)])
    for day in (3, 10, 17):
        sale(clinic, world.a.user(Role.CASHIER), [toxin], at=at(2026, 3, day))

    first = commissions_build(clinic, world.a.user(Role.OWNER))
    assert first.rules == 7  # six demo rules and the fixture's (inactive) one
    assert first.sales == 4  # the three above and the fixture's own sale
    logs = list(CommissionLog.unscoped.filter(clinic=clinic).order_by("pk").values_list("pk", "amount"))
    # Injectables: the doctor's 60 % share crosses 100 000 THB with the third sale; the
    # month is then closed: 108 000 at 10 % for the doctor, 72 000 at 5 % for the nurse.
    month = CommissionLog.unscoped.filter(clinic=clinic, period="2026-03-01")
    assert sum(month.filter(practitioner=doctor).values_list("amount", flat=True)) == Decimal("10800.00")
    assert sum(month.filter(practitioner=nurse).values_list("amount", flat=True)) == Decimal("3600.00")

    again = commissions_build(clinic, world.a.user(Role.OWNER))
    assert again == first
    assert (
        list(CommissionLog.unscoped.filter(clinic=clinic).order_by("pk").values_list("pk", "amount")) == logs
    )
    assert not CommissionRun.unscoped.filter(clinic=clinic).exclude(status="done").exists()
