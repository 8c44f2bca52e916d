import datetime as dt
import uuid
from decimal import Decimal

import pytest

from catalog.models import Product
from commerce.models import CourseBalance, StockLot, StockMovement
from commerce.services import CartLine, PaymentInput, sale_checkout
from commerce.services.courses import course_balances_expire
from core.roles import Role
from core.tenancy import clinic_context
from patients.tests.factories import ClinicPatientFactory
from reporting.services import daily_figures_backfill
from scheduling.models import Appointment


def checkout(tenant, *, at=None, amount="100.00", method="cash", credit=True, item=None):
    """A sale of one treatment (credited to the doctor) paid ``amount`` by ``method``."""
    credits = [(tenant.user(Role.DOCTOR), Decimal(100))] if credit else []
    with clinic_context(tenant.clinic):
        sale, _created = sale_checkout(
            clinic=tenant.clinic,
            actor=tenant.user(Role.CASHIER),
            patient=tenant.patient,
            lines=[CartLine(item=item or tenant.service, credits=credits)],
            payments=[PaymentInput(method=method, amount=Decimal(amount))] if amount else [],
            idempotency_key=str(uuid.uuid4()),
            at=at,
        )
    return sale


def appointment(tenant, *, starts_at, status="completed", late=False, patient=None, minutes=30):
    return Appointment.unscoped.create(
        clinic=tenant.clinic,
        patient=patient or tenant.patient,
        practitioner=tenant.user(Role.DOCTOR),
        service=tenant.service,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=minutes),
        blocked_until=starts_at + dt.timedelta(minutes=minutes),
        status=status,
        late_cancellation=late,
    )


@pytest.fixture
def local():
    """``local(tenant, day, hour)``: that wall-clock hour of the clinic's day, aware."""

    def make(tenant, day, hour, minute=0):
        return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tenant.clinic.zone)

    return make


@pytest.fixture
def may(clock, world, local, time_machine):
    """Bangkok's May 2026 (Mondays: 4, 11, 18, 25; the doctor works Mondays 09-18).

    * P1 (the world's patient): completed on 4 and 11 May, booked on the clock's
      tomorrow (in June: within 90 days of 11 May); P2: completed on 20 April and
      18 May, nothing later; P3: a no-show on 25 May; P2 cancelled on 26 May.
    * Two courses sold on 5 May; the first expires on 20 May (breakage).
    * Stock now: the world's lot (5 on hand at 100.00, expiring in 30 days) and a lot
      of 10 at 20.00 expiring in 400 days; consumed in May: 2 + 1 of Restylane (at
      20.00 and 100.00) and 10 of a second product at 5.00."""
    a = world.a
    p1 = a.patient
    p2, p3 = (ClinicPatientFactory(clinic=a.clinic, chart_number=f"HN00000{n}") for n in (2, 3))
    for patient, day, status in (
        (p1, dt.date(2026, 5, 4), "completed"),
        (p1, dt.date(2026, 5, 11), "completed"),
        (p2, dt.date(2026, 4, 20), "completed"),
        (p2, dt.date(2026, 5, 18), "completed"),
        (p3, dt.date(2026, 5, 25), "no_show"),
        (p2, dt.date(2026, 5, 26), "cancelled"),
    ):
        appointment(a, starts_at=local(a, day, 10), status=status, patient=patient)
    Appointment.unscoped.filter(clinic=a.clinic).update(room=a.room)
    course = a.course_balance.course
    expiring = checkout(a, at=local(a, dt.date(2026, 5, 5), 10), item=course, amount="6000.00")
    kept = checkout(a, at=local(a, dt.date(2026, 5, 5), 11), item=course, amount="6000.00")
    balances = {sale: CourseBalance.unscoped.get(sale_line__sale=sale) for sale in (expiring, kept)}
    CourseBalance.unscoped.filter(pk=balances[expiring].pk).update(
        expires_at=local(a, dt.date(2026, 5, 20), 12)
    )
    time_machine.move_to(local(a, dt.date(2026, 5, 21), 9), tick=True)
    assert course_balances_expire() == 1
    time_machine.move_to(clock, tick=True)

    StockLot.unscoped.filter(pk=a.lot.pk).update(unit_cost=Decimal("100.00"))
    second = StockLot.unscoped.create(
        clinic=a.clinic,
        product=a.product,
        lot_number="LOT-2",
        expiry_date=a.clinic.today() + dt.timedelta(days=400),
        unit_cost=Decimal("20.00"),
        received_at=local(a, dt.date(2026, 4, 1), 9),
        quantity_on_hand=Decimal(10),
    )
    other = Product.unscoped.create(
        clinic=a.clinic,
        name="Juvederm Volbella",
        kind=Product.Kind.MEDICAL_SUPPLY,
        unit=Product.Unit.SYRINGE,
        price=Decimal("5000.00"),
        currency="THB",
    )
    third = StockLot.unscoped.create(
        clinic=a.clinic,
        product=other,
        lot_number="J-1",
        expiry_date=dt.date(2026, 5, 30),
        unit_cost=Decimal("5.00"),
        received_at=local(a, dt.date(2026, 4, 1), 9),
    )
    for lot, quantity, day in ((second, 2, 6), (a.lot, 1, 7), (third, 10, 8)):
        used = StockMovement.unscoped.create(
            clinic=a.clinic,
            lot=lot,
            kind="consume",
            quantity=Decimal(-quantity),
            actor=a.user(Role.DOCTOR),
            patient=p1,
        )
        StockMovement.unscoped.filter(pk=used.pk).update(created_at=local(a, dt.date(2026, 5, day), 11))
    daily_figures_backfill(clinic=a.clinic, start=dt.date(2026, 3, 1), end=a.clinic.today())
    return {"a": a, "balances": balances, "expiring": expiring, "kept": kept}
