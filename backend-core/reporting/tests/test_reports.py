"""The report kinds added for stock valuation, retention cohorts and follow-ups, read
straight from their row generators with figures worked out by hand. The clock is the
``clock`` fixture's: 23:30 UTC on 10 June 2026, already 11 June 06:30 in Bangkok."""

import datetime as dt
from decimal import Decimal

import pytest

from catalog.models import Product, Service
from commerce.models import StockLot, StockMovement
from core.roles import Role
from core.tenancy import clinic_context
from emr.models import TreatmentSession, Visit
from patients.tests.factories import ClinicPatientFactory
from reporting import reports
from reporting.reports import Period
from reporting.tests.conftest import appointment
from reporting.tests.test_runs import _csv_rows, _generate, _run


def _rows(tenant, kind, start, end):
    with clinic_context(tenant.clinic):
        period = Period(tenant.clinic, start, end)
        rows = list(reports.KINDS[kind].rows(period))
        assert reports.KINDS[kind].count(period) == len(rows)
    return rows


def _at(tenant, day, hour, minute=0):
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tenant.clinic.zone)


def _move(tenant, lot, kind, quantity, at):
    movement = StockMovement.unscoped.create(
        clinic=tenant.clinic, lot=lot, kind=kind, quantity=Decimal(quantity), actor=tenant.user(Role.OWNER)
    )
    StockMovement.unscoped.filter(pk=movement.pk).update(created_at=at)


# ----------------------------------------------------------------- stock valuation


@pytest.fixture
def stock(clock, world):
    """Clinic A (Bangkok): the world's lot LOT-1 (received 6, sold 1 at the clock: 11 June
    local) now at 100.00; LOT-2 of the same product at 20.00: +10 on 1 June, -2 on 5 June,
    -3 at 23:30 on 10 June (local; 16:30 UTC); J-1 of another product at 5.00: +4 on 2
    June, -4 on 3 June (nothing left). Clinic B's lot costs 7.00."""
    a = world.a
    StockLot.unscoped.filter(pk=a.lot.pk).update(unit_cost=Decimal("100.00"))
    StockLot.unscoped.filter(pk=world.b.lot.pk).update(unit_cost=Decimal("7.00"))
    second = StockLot.unscoped.create(
        clinic=a.clinic,
        product=a.product,
        lot_number="LOT-2",
        expiry_date=dt.date(2027, 3, 31),
        unit_cost=Decimal("20.00"),
        received_at=_at(a, dt.date(2026, 6, 1), 9),
    )
    _move(a, second, "receive", 10, _at(a, dt.date(2026, 6, 1), 9))
    _move(a, second, "consume", -2, _at(a, dt.date(2026, 6, 5), 11))
    _move(a, second, "consume", -3, _at(a, dt.date(2026, 6, 10), 23, 30))
    other = Product.unscoped.create(
        clinic=a.clinic,
        name="Juvederm Volbella",
        kind=Product.Kind.MEDICAL_SUPPLY,
        unit=Product.Unit.SYRINGE,
        price=Decimal("5000.00"),
        currency="THB",
    )
    emptied = StockLot.unscoped.create(
        clinic=a.clinic,
        product=other,
        lot_number="J-1",
        expiry_date=dt.date(2026, 12, 31),
        unit_cost=Decimal("5.00"),
        received_at=_at(a, dt.date(2026, 6, 2), 9),
    )
    _move(a, emptied, "receive", 4, _at(a, dt.date(2026, 6, 2), 9))
    _move(a, emptied, "consume", -4, _at(a, dt.date(2026, 6, 3), 9))
    # What ``stock_movement_write`` would have kept (the movements above are written raw).
    StockLot.unscoped.filter(pk=second.pk).update(quantity_on_hand=Decimal(5))
    return a


def test_stock_valuation_as_of_a_clinic_day(stock):
    """At the end of 10 June (Bangkok) LOT-1's movements (11 June local, still 10 June
    in UTC) have not happened: only LOT-2's 10 - 2 - 3 = 5 at 20.00."""
    rows = _rows(stock, "stock_valuation", dt.date(2026, 6, 1), dt.date(2026, 6, 10))
    assert rows == [
        (
            "Restylane Lyft 1 ml",
            "LOT-2",
            dt.date(2027, 3, 31),
            Decimal(5),
            Decimal("20.00"),
            Decimal("100.00"),
            "THB",
        )
    ]


def test_stock_valuation_today_equals_the_quantities_on_hand(stock):
    """As of today: LOT-1 5 x 100.00 = 500.00 (expiring first), LOT-2 5 x 20.00 = 100.00;
    the emptied lot and clinic B's lot are not listed."""
    today = stock.clinic.today()
    rows = _rows(stock, "stock_valuation", today, today)
    assert [(r[1], r[3], r[5]) for r in rows] == [
        ("LOT-1", Decimal(5), Decimal("500.00")),
        ("LOT-2", Decimal(5), Decimal("100.00")),
    ]
    on_hand = {lot.lot_number: lot.quantity_on_hand for lot in StockLot.unscoped.filter(clinic=stock.clinic)}
    assert {r[1]: r[3] for r in rows} == {k: v for k, v in on_hand.items() if v}
    run = _generate(stock, _run(stock, kind="stock_valuation", start=today, end=today, language="pt-br"))
    csv_rows = _csv_rows(run)
    assert csv_rows[0][:4] == ["Produto", "Lote", "Validade", "Quantidade em estoque"]
    assert csv_rows[-1][0] == "Total" and Decimal(csv_rows[-1][5]) == Decimal("600.00")
    assert all(row[4] != "7.00" for row in csv_rows)


# ---------------------------------------------------------------- retention cohorts


@pytest.fixture
def cohorts(clock, world):
    """Clinic A's completed appointments (Bangkok wall clock):

    * P1 (the world's patient): 00:30 on 1 April (31 March in UTC), 12 May, 05:00 on 11
      June (today) -> April's cohort, back in +1 and +2;
    * P2: 10 and 15 March, 20 May -> March's cohort, back in +2;
    * P3: 5 May; a no-show on 10 June -> May's cohort, not back;
    * P4: 20 February and 3 April -> first visit before the period, in no cohort;
    * P5: 1 June -> after the period; P6: a cancelled appointment in March only.
    Clinic B: a patient's first completed appointment in April."""
    a = world.a
    p2, p3, p4, p5, p6 = (ClinicPatientFactory(clinic=a.clinic, chart_number=f"HN00010{n}") for n in range(5))
    for patient, day, hour, minute, status in (
        (a.patient, dt.date(2026, 4, 1), 0, 30, "completed"),
        (a.patient, dt.date(2026, 5, 12), 10, 0, "completed"),
        (a.patient, dt.date(2026, 6, 11), 5, 0, "completed"),
        (p2, dt.date(2026, 3, 10), 10, 0, "completed"),
        (p2, dt.date(2026, 3, 15), 10, 0, "completed"),
        (p2, dt.date(2026, 5, 20), 10, 0, "completed"),
        (p3, dt.date(2026, 5, 5), 10, 0, "completed"),
        (p3, dt.date(2026, 6, 10), 10, 0, "no_show"),
        (p4, dt.date(2026, 2, 20), 10, 0, "completed"),
        (p4, dt.date(2026, 4, 3), 10, 0, "completed"),
        (p5, dt.date(2026, 6, 1), 10, 0, "completed"),
        (p6, dt.date(2026, 3, 12), 10, 0, "cancelled"),
    ):
        appointment(a, starts_at=_at(a, day, hour, minute), status=status, patient=patient)
    b = world.b
    appointment(
        b,
        starts_at=_at(b, dt.date(2026, 4, 8), 10),
        patient=ClinicPatientFactory(clinic=b.clinic, chart_number="HN000301"),
    )
    return a


def test_retention_cohorts_by_clinic_local_month(cohorts):
    rows = _rows(cohorts, "retention_cohorts", dt.date(2026, 3, 1), dt.date(2026, 5, 31))
    later = [None] * 9
    assert rows == [
        ("2026-03", 1, 0, 1, 0, *later),  # April, May, June (this month, so far)
        ("2026-04", 1, 1, 1, *later, None),
        ("2026-05", 1, 0, *later, None, None),
    ]
    assert [str(c.title) for c in reports.RETENTION_COLUMNS[:3]] == [
        "Month of first visit",
        "New patients",
        "Month +1",
    ]


def test_retention_cohorts_count_first_visits_on_the_periods_days_only(cohorts):
    """From 2 April: P1's first visit (1 April) is before the period; nobody else is new."""
    rows = _rows(cohorts, "retention_cohorts", dt.date(2026, 4, 2), dt.date(2026, 4, 30))
    assert rows == [("2026-04", 0, 0, 0, *[None] * 10)]


# ------------------------------------------------------------------- follow-ups due


def _session(tenant, patient, service, completed_at):
    visit = Visit.unscoped.create(
        clinic=tenant.clinic,
        patient=patient,
        kind=Visit.Kind.WALK_IN,
        status=Visit.Status.COMPLETED,
        opened_at=completed_at - dt.timedelta(hours=1),
        closed_at=completed_at,
        opened_by=tenant.user(Role.DOCTOR),
    )
    session = TreatmentSession.unscoped.create(
        clinic=tenant.clinic,
        visit=visit,
        patient=patient,
        service=service,
        status=TreatmentSession.Status.COMPLETED,
        started_at=completed_at - dt.timedelta(minutes=30),
        completed_at=completed_at,
    )
    session.practitioners.set([tenant.user(Role.DOCTOR)])
    return session


@pytest.fixture
def follow_ups(clock, world):
    """Clinic A (Bangkok): toxin followed up after 14 days, filler after 30. Completed
    sessions (local wall clock):

    * P1 (the world's patient) toxin on 20 May -> due 3 June, but booked tomorrow;
    * P2 toxin at 00:30 on 18 May (17 May in UTC) -> due 1 June; a cancelled appointment
      on 2 June does not count as booked;
    * P3 filler on 5 May -> due 4 June;
    * P4 toxin on 10 May and 1 June -> due 15 June (the earlier one is superseded);
    * P5 toxin on 2 and 5 June -> due 19 June;
    * P6 toxin on 10 June -> due 24 June; a no-show on 11 June (missed: still due);
    * P7 toxin on 1 June, booked on 20 June -> not listed.
    Clinic B: a toxin (14 days) session on 25 May -> due 8 June, never in A's report."""
    a = world.a
    Service.unscoped.filter(pk=a.service.pk).update(follow_up_days=14)
    toxin = Service.unscoped.get(pk=a.service.pk)
    filler = Service.unscoped.create(
        clinic=a.clinic,
        name="Dermal filler",
        category=Service.Category.FILLER,
        price=Decimal("9000.00"),
        currency="THB",
        duration_minutes=45,
        follow_up_days=30,
    )
    p2, p3, p4, p5, p6, p7 = (
        ClinicPatientFactory(clinic=a.clinic, chart_number=f"HN00020{n}") for n in range(2, 8)
    )
    for patient, service, day, hour, minute in (
        (a.patient, toxin, dt.date(2026, 5, 20), 10, 0),
        (p2, toxin, dt.date(2026, 5, 18), 0, 30),
        (p3, filler, dt.date(2026, 5, 5), 10, 0),
        (p4, toxin, dt.date(2026, 5, 10), 10, 0),
        (p4, toxin, dt.date(2026, 6, 1), 10, 0),
        (p5, toxin, dt.date(2026, 6, 2), 10, 0),
        (p5, toxin, dt.date(2026, 6, 5), 10, 0),
        (p6, toxin, dt.date(2026, 6, 10), 10, 0),
        (p7, toxin, dt.date(2026, 6, 1), 10, 0),
    ):
        _session(a, patient, service, _at(a, day, hour, minute))
    appointment(a, starts_at=_at(a, dt.date(2026, 6, 2), 10), status="cancelled", patient=p2)
    appointment(a, starts_at=_at(a, dt.date(2026, 6, 11), 9), status="no_show", patient=p6)
    appointment(a, starts_at=_at(a, dt.date(2026, 6, 20), 10), status="booked", patient=p7)
    b = world.b
    Service.unscoped.filter(pk=b.service.pk).update(follow_up_days=14)
    _session(
        b,
        ClinicPatientFactory(clinic=b.clinic, chart_number="HN000302"),
        b.service,
        _at(b, dt.date(2026, 5, 25), 10),
    )
    return {"a": a, "patients": {"P2": p2, "P3": p3, "P4": p4, "P5": p5, "P6": p6}}


def test_follow_ups_due_in_the_period_without_a_later_booking(follow_ups):
    a, patients = follow_ups["a"], follow_ups["patients"]
    rows = _rows(a, "follow_ups_due", dt.date(2026, 6, 1), dt.date(2026, 6, 30))
    doctor = a.user(Role.DOCTOR)
    name = f"{doctor.given_name} {doctor.family_name}"
    expected = [
        (dt.date(2026, 6, 1), "P2", "Botulinum toxin", dt.date(2026, 5, 18)),
        (dt.date(2026, 6, 4), "P3", "Dermal filler", dt.date(2026, 5, 5)),
        (dt.date(2026, 6, 15), "P4", "Botulinum toxin", dt.date(2026, 6, 1)),
        (dt.date(2026, 6, 19), "P5", "Botulinum toxin", dt.date(2026, 6, 5)),
        (dt.date(2026, 6, 24), "P6", "Botulinum toxin", dt.date(2026, 6, 10)),
    ]
    assert [(r[0], r[2], r[4], r[5], r[6]) for r in rows] == [
        (due, patients[p].chart_number, treatment, last, name) for due, p, treatment, last in expected
    ]
    assert rows[0][3] == patients["P2"].profile.phone


def test_follow_ups_due_follow_the_clinic_day(follow_ups):
    """P2's session at 00:30 on 18 May in Bangkok (17 May in UTC) is due on 1 June, not
    on 31 May."""
    a = follow_ups["a"]
    assert _rows(a, "follow_ups_due", dt.date(2026, 5, 31), dt.date(2026, 5, 31)) == []
    assert [r[2] for r in _rows(a, "follow_ups_due", dt.date(2026, 6, 1), dt.date(2026, 6, 1))] == [
        follow_ups["patients"]["P2"].chart_number
    ]


def test_another_clinics_follow_ups_never_appear(follow_ups, world):
    b = world.b
    assert [r[0] for r in _rows(b, "follow_ups_due", dt.date(2026, 6, 1), dt.date(2026, 6, 30))] == [
        dt.date(2026, 6, 8)
    ]
    a_rows = _rows(follow_ups["a"], "follow_ups_due", dt.date(2026, 6, 8), dt.date(2026, 6, 8))
    assert a_rows == []
