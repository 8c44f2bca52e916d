"""Free slots against their definition: a start every 15 minutes inside working hours
whose service plus buffer overlaps no active appointment of the practitioner at any
clinic, checked by scanning every appointment (what ``Busy`` replaces)."""

import datetime as dt
import random
import zoneinfo
from decimal import Decimal

from catalog.models import Service
from core.roles import Role
from core.tenancy import clinic_context
from scheduling.models import ACTIVE_STATUSES, Appointment, StaffSchedule
from scheduling.selectors import Busy, practitioner_free_slots


def _overlaps_any(spans, start, end):
    return any(b_start < end and start < b_end for b_start, b_end in spans)


def test_busy_answers_as_a_scan_of_every_span_does():
    rng = random.Random(18)
    base = dt.datetime(2027, 3, 1, tzinfo=dt.UTC)
    for _ in range(200):
        spans = []
        for _ in range(rng.randrange(0, 12)):  # overlapping, touching, nested and apart
            start = base + dt.timedelta(minutes=rng.randrange(0, 600, 5))
            spans.append((start, start + dt.timedelta(minutes=rng.randrange(5, 120, 5))))
        busy = Busy(spans)
        for _ in range(30):
            start = base + dt.timedelta(minutes=rng.randrange(-60, 700, 5))
            end = start + dt.timedelta(minutes=rng.randrange(5, 90, 5))
            assert busy.overlaps(start, end) == _overlaps_any(spans, start, end), (spans, start, end)


def test_free_slots_of_a_busy_week_are_every_start_a_scan_of_the_appointments_allows(world):
    clinic, doctor = world.a.clinic, world.a.user(Role.DOCTOR)
    zone = zoneinfo.ZoneInfo(clinic.time_zone)
    StaffSchedule.unscoped.filter(practitioner=doctor).delete()
    StaffSchedule.unscoped.bulk_create(
        StaffSchedule(clinic=clinic, practitioner=doctor, weekday=day, start_time=start, end_time=end)
        for day in range(7)
        for start, end in ((dt.time(8), dt.time(12, 10)), (dt.time(13), dt.time(20)))
    )
    service = Service.unscoped.create(
        clinic=clinic,
        name="Peel",
        category=Service.Category.CONSULTATION,
        price=Decimal("80.00"),
        currency=clinic.currency,
        duration_minutes=25,
        buffer_minutes=10,
    )
    first_day = clinic.today() + dt.timedelta(days=20)
    rng = random.Random(1806)
    # The practitioner's appointments one after the other (some touching), at this clinic
    # and at the other one, any status; the first began the evening before the week.
    at = dt.datetime.combine(first_day - dt.timedelta(days=1), dt.time(21), tzinfo=zone)
    rows = []
    while at < dt.datetime.combine(first_day + dt.timedelta(days=7), dt.time(0), tzinfo=zone):
        minutes = 730 if not rows else rng.randrange(5, 95, 5)
        tenant = world.b if rng.random() < 0.2 else world.a
        ends_at = at + dt.timedelta(minutes=minutes)
        blocked_until = ends_at + dt.timedelta(minutes=rng.choice((0, 0, 5, 15)))
        rows.append(
            Appointment(
                clinic=tenant.clinic,
                patient=tenant.patient,
                practitioner=doctor,
                service=tenant.service,
                starts_at=at,
                ends_at=ends_at,
                blocked_until=blocked_until,
                status=rng.choice(list(Appointment.Status.values)),
            )
        )
        at = blocked_until + dt.timedelta(minutes=rng.choice((0, 0, 5, 20, 45, 180)))
    Appointment.unscoped.bulk_create(rows)
    active = list(
        Appointment.unscoped.filter(practitioner=doctor, status__in=ACTIVE_STATUSES).values_list(
            "starts_at", "blocked_until"
        )
    )
    assert len(active) > 50

    with clinic_context(clinic):
        slots = practitioner_free_slots(
            clinic=clinic,
            service=service,
            date_from=first_day,
            date_to=first_day + dt.timedelta(days=6),
            practitioner_id=doctor.pk,
        )

    expected = []
    for n in range(7):
        day = first_day + dt.timedelta(days=n)
        for opens, closes in ((dt.time(8), dt.time(12, 10)), (dt.time(13), dt.time(20))):
            start = dt.datetime.combine(day, opens, tzinfo=zone)
            while start + dt.timedelta(minutes=35) <= dt.datetime.combine(day, closes, tzinfo=zone):
                if not _overlaps_any(active, start, start + dt.timedelta(minutes=35)):
                    expected.append((start, start + dt.timedelta(minutes=25)))
                start += dt.timedelta(minutes=15)
    assert [(s.starts_at, s.ends_at) for s in slots] == expected
    assert {s.practitioner_id for s in slots} == {doctor.pk}
    assert 0 < len(expected) < 7 * 44  # some starts taken, some free
