from decimal import Decimal

import pytest

from commerce.models import Refund, Sale
from commissions.models import CommissionLog, CommissionRule
from commissions.selectors import commission_log_list, commission_log_occurred_at
from commissions.services import sale_commission_reversals_sync, sale_commissions_calculate
from commissions.tests.factories import Line, at, refund, sale
from core.roles import Role
from core.tenancy import clinic_context


@pytest.fixture
def a(world):
    with clinic_context(world.a.clinic):
        yield world.a


def _sold(a, net, day):
    return sale(a.clinic, a.user(Role.CASHIER), [Line(a.service, net, [(a.user(Role.DOCTOR), 100)])], at=day)


def test_a_log_happened_when_its_sale_refund_or_void_did_not_when_it_was_written(a):
    doctor = a.user(Role.DOCTOR)
    sold = _sold(a, "1000.00", at(2026, 3, 2))
    sale_commissions_calculate(sale=sold)  # written now, months after the sale
    refunded = refund(sold, a.user(Role.CASHIER), {1: "100.00"})
    Refund.objects.filter(pk=refunded.pk).update(created_at=at(2026, 3, 20))
    sale_commission_reversals_sync(sale=sold)
    voided = _sold(a, "200.00", at(2026, 3, 3))
    sale_commissions_calculate(sale=voided)
    Sale.objects.filter(pk=voided.pk).update(status=Sale.Status.VOID, voided_at=at(2026, 3, 25))
    voided.refresh_from_db()
    sale_commission_reversals_sync(sale=voided)
    adjustment = CommissionLog.objects.create(
        clinic=a.clinic,
        kind=CommissionLog.Kind.ADJUSTMENT,
        practitioner=doctor,
        rule=CommissionRule.objects.get(pk=a.commission_rule.pk),
        rule_version=1,
        basis_amount=Decimal(0),
        rate=Decimal(10),
        amount=Decimal("1.00"),
        currency="THB",
        period=at(2026, 3, 1).date(),
    )

    logs = {(log.sale_id, log.kind, log.refund_id): log for log in commission_log_list()}
    when = {key: commission_log_occurred_at(log) for key, log in logs.items()}
    assert when[(sold.pk, "commission", None)] == at(2026, 3, 2)
    assert when[(sold.pk, "reversal", refunded.pk)] == at(2026, 3, 20)
    assert when[(voided.pk, "commission", None)] == at(2026, 3, 3)
    assert when[(voided.pk, "reversal", None)] == at(2026, 3, 25)
    assert when[(None, "adjustment", None)] == adjustment.created_at
