import datetime as dt
from decimal import Decimal

import pytest

from commerce import selectors as commerce_selectors
from commerce.services import sale_refund, sale_void
from core.roles import Role
from core.tenancy import clinic_context
from patients.tests.factories import ClinicPatientFactory
from reporting.models import DailyClinicFigures, DailyItemFigures, DailyPractitionerFigures
from reporting.services import daily_figures_backfill, daily_figures_refresh
from reporting.tests.conftest import appointment, checkout

CLOCK_DAY = dt.date(2026, 6, 10)  # conftest's clock day (a Wednesday)


def _net(tenant, sale):
    with clinic_context(tenant.clinic):
        return sale.lines.get().net_amount


def _figures(tenant, day):
    return DailyClinicFigures.unscoped.get(clinic=tenant.clinic, date=day)


@pytest.mark.parametrize("clock", ["23:30"], indirect=True)
def test_a_sale_at_2330_utc_is_on_bangkoks_next_day_not_utcs(clock, world):
    bangkok = world.a
    assert bangkok.clinic.today() == CLOCK_DAY + dt.timedelta(days=1)  # 06:30 on the 11th there
    sale = checkout(bangkok, amount="350.00")
    daily_figures_refresh(
        clinic=bangkok.clinic, start=CLOCK_DAY - dt.timedelta(days=1), end=CLOCK_DAY + dt.timedelta(days=1)
    )

    utc_day, local_day = _figures(bangkok, CLOCK_DAY), _figures(bangkok, CLOCK_DAY + dt.timedelta(days=1))
    assert (utc_day.sales_count, utc_day.cash_received, utc_day.revenue_recognized) == (0, 0, 0)
    # The world's own sale (paid by card) was made at the same instant as ours.
    with clinic_context(bangkok.clinic):
        trial = {r["account"]: r["balance"] for r in commerce_selectors.trial_balance()["accounts"]}
    assert local_day.sales_count == 2
    assert local_day.cash_received == trial["cash"] + trial.get("card_clearing", 0) + trial.get("bank", 0)
    assert local_day.cash_received >= Decimal("350.00")
    assert local_day.currency == "THB"
    doctor_day = DailyPractitionerFigures.unscoped.get(
        clinic=bangkok.clinic, date=local_day.date, practitioner=bangkok.user(Role.DOCTOR)
    )
    assert doctor_day.net_sales == _net(bangkok, sale)


@pytest.mark.parametrize("clock", ["02:00"], indirect=True)
def test_at_0200_utc_sao_paulo_is_still_on_the_day_before(clock, world):
    sao_paulo = world.b
    checkout(sao_paulo, amount="350.00")
    daily_figures_refresh(clinic=sao_paulo.clinic, start=CLOCK_DAY - dt.timedelta(days=1), end=CLOCK_DAY)
    assert _figures(sao_paulo, CLOCK_DAY - dt.timedelta(days=1)).sales_count == 2
    assert _figures(sao_paulo, CLOCK_DAY).sales_count == 0


def test_a_periods_figures_reconcile_with_the_trial_balance(world, local):
    """Sales on several days, a refund and a void: the period's cash received and
    revenue recognized equal the trial balance of the same clinic-local days."""
    a = world.a
    first, last = dt.date(2026, 5, 1), dt.date(2026, 5, 31)
    kept = checkout(a, at=local(a, dt.date(2026, 5, 3), 0, 15), amount="350.00")  # just after midnight
    checkout(a, at=local(a, dt.date(2026, 5, 17), 23, 50), amount="200.00", method="card")  # half paid
    voided = checkout(a, at=local(a, dt.date(2026, 5, 20), 12), amount=None)  # voided later, today
    checkout(a, at=local(a, dt.date(2026, 4, 30), 23, 59), amount="350.00")  # the day before: outside
    checkout(a, at=local(a, dt.date(2026, 6, 1), 0, 1), amount="350.00")  # the day after: outside
    with clinic_context(a.clinic):
        sale_refund(
            sale=kept,
            actor=a.user(Role.OWNER),
            lines=[(kept.lines.get(), Decimal(1))],
            reason="Changed their mind",
            method="cash",
            idempotency_key="refund-1",
            at=local(a, dt.date(2026, 5, 4), 9),
        )
        sale_void(sale=voided, actor=a.user(Role.OWNER), reason="Wrong patient")
    daily_figures_backfill(clinic=a.clinic, start=dt.date(2026, 4, 1), end=dt.date(2026, 6, 30))

    rows = DailyClinicFigures.unscoped.filter(clinic=a.clinic, date__gte=first, date__lte=last)
    assert rows.count() == 31
    with clinic_context(a.clinic):
        trial = commerce_selectors.trial_balance(
            start=local(a, first, 0), end=local(a, last + dt.timedelta(days=1), 0)
        )
    balance = {r["account"]: r["balance"] for r in trial["accounts"]}
    cash = sum((balance.get(acc, Decimal(0)) for acc in ("cash", "card_clearing", "bank")), Decimal(0))
    revenue = -sum((v for acc, v in balance.items() if acc.startswith("revenue:")), Decimal(0))
    assert sum(r.cash_received for r in rows) == cash
    assert sum(r.revenue_recognized for r in rows) == revenue
    assert cash == Decimal("200.00")  # 350 + 200 (of 350) - 350 refunded
    # Revenue is recognized at sale, the void reverses it today (outside May): 3 x 350 - 350.
    assert revenue == Decimal("700.00")
    assert sum(r.sales_count for r in rows) == 2  # a void sale is not a sale
    items = DailyItemFigures.unscoped.filter(clinic=a.clinic, date__gte=first, date__lte=last)
    assert sum(i.net_amount for i in items) == revenue - _net(a, voided)


def test_appointments_patients_and_utilization_of_a_day(world, local):
    a = world.a
    monday = dt.date(2026, 6, 8)  # the doctor works Mondays 09:00-18:00 (540 minutes)
    newcomer = ClinicPatientFactory(clinic=a.clinic, chart_number="HN000777")
    appointment(a, starts_at=local(a, monday - dt.timedelta(days=7), 10))  # the world patient's earlier visit
    appointment(a, starts_at=local(a, monday, 9), minutes=60)  # returning, completed
    appointment(a, starts_at=local(a, monday, 11), patient=newcomer, status="no_show")  # new, no-show
    appointment(a, starts_at=local(a, monday, 14), status="cancelled", late=True)
    appointment(a, starts_at=local(a, monday, 15), status="cancelled")
    daily_figures_refresh(clinic=a.clinic, start=monday, end=monday)

    day = _figures(a, monday)
    assert (day.appointments, day.completed, day.no_shows) == (4, 1, 1)
    assert (day.cancellations, day.late_cancellations) == (2, 1)
    assert (day.new_patients, day.returning_patients) == (1, 1)
    doctor = DailyPractitionerFigures.unscoped.get(
        clinic=a.clinic, date=monday, practitioner=a.user(Role.DOCTOR)
    )
    assert (doctor.booked_minutes, doctor.available_minutes) == (90, 540)


def test_refreshing_again_writes_the_same_rows(world):
    a = world.a
    today = a.clinic.today()
    first = daily_figures_refresh(clinic=a.clinic, start=today - dt.timedelta(days=3), end=today)
    before = list(
        DailyClinicFigures.unscoped.filter(clinic=a.clinic).values_list(
            "date", "sales_count", "cash_received"
        )
    )
    assert daily_figures_refresh(clinic=a.clinic, start=today - dt.timedelta(days=3), end=today) == first
    after = list(
        DailyClinicFigures.unscoped.filter(clinic=a.clinic).values_list(
            "date", "sales_count", "cash_received"
        )
    )
    assert sorted(before) == sorted(after)
    assert not DailyClinicFigures.unscoped.filter(clinic=world.b.clinic).exists()


def test_a_reversed_or_too_long_range_is_refused(world):
    with pytest.raises(ValueError):
        daily_figures_refresh(clinic=world.a.clinic, start=dt.date(2026, 6, 2), end=dt.date(2026, 6, 1))
    with pytest.raises(ValueError):
        daily_figures_refresh(clinic=world.a.clinic, start=dt.date(2026, 1, 1), end=dt.date(2026, 6, 1))
