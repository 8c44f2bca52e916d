"""The front desk's rules on an appointment's life (issue 15): check-in on the day, no-show
after the start, who may cancel what, late cancellations. The clock is frozen at 23:30
UTC, when Bangkok (clinic A) is already on the next day."""

import datetime as dt
import itertools

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from core.roles import Role
from outbox.models import OutboxEvent
from patients.tests.factories import ClinicPatientFactory
from scheduling.models import Appointment

URL = "/api/v1/calendar/appointments"
_charts = itertools.count(500)


def _local(tenant, day_offset, hour, minute=0):
    """An instant on the clinic's wall clock, ``day_offset`` days from its today."""
    clinic = tenant.clinic
    day = clinic.today() + dt.timedelta(days=day_offset)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=clinic.zone)


def _appointment(tenant, starts_at, status=Appointment.Status.BOOKED):
    """An appointment of a patient of its own (no overlap with the world's rows)."""
    return Appointment.unscoped.create(
        clinic=tenant.clinic,
        patient=ClinicPatientFactory(clinic=tenant.clinic, chart_number=f"HN{next(_charts):06d}"),
        practitioner=tenant.user(Role.DOCTOR),
        service=tenant.service,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(minutes=30),
        blocked_until=starts_at + dt.timedelta(minutes=30),
        status=status,
    )


@pytest.fixture
def desk(clock, api, world):
    return api(world.a.user(Role.RECEPTIONIST), world.a.clinic)


def test_the_clock_puts_bangkok_on_another_day_than_utc(desk, world, clock):
    assert world.a.clinic.today() == clock.date() + dt.timedelta(days=1)


def test_check_in_opens_two_hours_before_on_the_appointments_day(desk, world):
    # 06:30 in Bangkok: an 08:00 appointment is open for check-in, a 10:00 one not yet.
    soon = _appointment(world.a, _local(world.a, 0, 8))
    later = _appointment(world.a, _local(world.a, 0, 10))

    assert desk.post(f"{URL}/{soon.pk}/arrive").json()["status"] == "arrived"
    refused = desk.post(f"{URL}/{later.pk}/arrive", HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 409
    assert refused.json()["code"] == "checkin_not_open"
    assert "Check-in opens on the appointment's day, from" in refused.json()["detail"]
    assert "08:00" in refused.json()["detail"]
    later.refresh_from_db()
    assert later.status == Appointment.Status.BOOKED


def test_check_in_is_refused_days_early_even_within_the_window(desk, world):
    # The window never reaches into the day before: 00:30 tomorrow opens at midnight.
    world.a.clinic.checkin_opens_minutes_before = 24 * 60
    world.a.clinic.save(update_fields=["checkin_opens_minutes_before"])
    tomorrow = _appointment(world.a, _local(world.a, 1, 0, 30))
    refused = desk.post(f"{URL}/{tomorrow.pk}/arrive")
    assert refused.status_code == 409 and refused.json()["code"] == "checkin_not_open"


def test_check_in_of_yesterdays_appointment_is_closed_though_utc_is_still_on_that_day(desk, world, clock):
    # 22:00 in Bangkok yesterday is 15:00 UTC today: the clinic's day decides.
    yesterday = _appointment(world.a, _local(world.a, -1, 22))
    assert yesterday.starts_at.astimezone(dt.UTC).date() == clock.date()
    refused = desk.post(f"{URL}/{yesterday.pk}/arrive")
    assert refused.status_code == 409 and refused.json()["code"] == "checkin_closed"


def test_the_clinic_sets_how_early_check_in_opens(api, desk, world):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    changed = owner.patch("/api/v1/clinics/me", {"checkin_opens_minutes_before": 30}, format="json")
    assert changed.status_code == 200, changed.content
    assert changed.json()["checkin_opens_minutes_before"] == 30
    soon = _appointment(world.a, _local(world.a, 0, 8))  # opens at 07:30 now; it is 06:30
    assert desk.post(f"{URL}/{soon.pk}/arrive").json()["code"] == "checkin_not_open"


@pytest.mark.parametrize(
    ("field", "value"), [("checkin_opens_minutes_before", -1), ("late_cancellation_hours", 10_000)]
)
def test_bad_front_desk_settings_are_400_naming_the_field(api, world, field, value):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    response = owner.patch("/api/v1/clinics/me", {field: value}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == field


def test_the_front_desk_cannot_change_the_rules(desk):
    response = desk.patch("/api/v1/clinics/me", {"late_cancellation_hours": 2}, format="json")
    assert response.status_code == 403


def test_no_show_only_after_the_start(desk, world):
    ahead = _appointment(world.a, _local(world.a, 0, 8))
    passed = _appointment(world.a, timezone.now() - dt.timedelta(minutes=20))

    refused = desk.post(f"{URL}/{ahead.pk}/no-show")
    assert refused.status_code == 409 and refused.json()["code"] == "no_show_before_start"
    assert desk.post(f"{URL}/{passed.pk}/no-show").json()["status"] == "no_show"


def test_cancelling_early_is_not_late_and_records_who_and_when(desk, world, clock):
    ahead = _appointment(world.a, _local(world.a, 3, 10))
    body = desk.post(f"{URL}/{ahead.pk}/cancel", {"reason": "Travelling"}, format="json").json()
    assert body["status"] == "cancelled" and body["late_cancellation"] is False
    assert body["cancelled_by_id"] == str(world.a.user(Role.RECEPTIONIST).pk)
    assert abs(dt.datetime.fromisoformat(body["cancelled_at"]) - clock) < dt.timedelta(minutes=1)


def test_cancelling_within_the_clinics_window_is_flagged_late_and_audited(desk, world):
    tonight = _appointment(world.a, _local(world.a, 0, 20))  # 13.5 h ahead, window 24 h
    body = desk.post(f"{URL}/{tonight.pk}/cancel", {"reason": "Sick"}, format="json").json()
    assert body["late_cancellation"] is True
    event = AuditEvent.unscoped.get(object_id=str(tonight.pk), action="appointment.cancelled")
    assert event.changes["late_cancellation"] == [None, True]


def test_a_shorter_window_makes_the_same_cancellation_on_time(desk, world):
    world.a.clinic.late_cancellation_hours = 12
    world.a.clinic.save(update_fields=["late_cancellation_hours"])
    tonight = _appointment(world.a, _local(world.a, 0, 20))
    body = desk.post(f"{URL}/{tonight.pk}/cancel", {"reason": "Sick"}, format="json").json()
    assert body["late_cancellation"] is False


def test_only_a_manager_cancels_after_check_in(api, desk, world):
    arrived = _appointment(world.a, _local(world.a, 0, 8), status=Appointment.Status.ARRIVED)
    refused = desk.post(f"{URL}/{arrived.pk}/cancel", {"reason": "Left"}, format="json")
    assert refused.status_code == 403
    assert "only a manager" in refused.json()["detail"]
    manager = api(world.a.user(Role.ADMIN), world.a.clinic)
    body = manager.post(f"{URL}/{arrived.pk}/cancel", {"reason": "Left before treatment"}, format="json")
    assert body.status_code == 200 and body.json()["status"] == "cancelled"


@pytest.mark.parametrize(
    ("method", "suffix", "payload"),
    [
        ("get", "", None),
        ("patch", "", {"starts_at": "2030-01-07T10:00:00+07:00"}),
        ("post", "/confirm", None),
        ("post", "/arrive", None),
        ("post", "/start", None),
        ("post", "/complete", None),
        ("post", "/no-show", None),
        ("post", "/cancel", {"reason": "x"}),
    ],
)
def test_every_action_on_another_clinics_appointment_is_404(api, world, clock, method, suffix, payload):
    theirs = _appointment(world.b, timezone.now() - dt.timedelta(minutes=5))
    mine = api(world.a.user(Role.OWNER), world.a.clinic)
    response = getattr(mine, method)(f"{URL}/{theirs.pk}{suffix}", payload, format="json")
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Appointment.Status.BOOKED


def test_every_status_change_is_a_live_event(desk, world):
    soon = _appointment(world.a, _local(world.a, 0, 8))
    for action in ("confirm", "arrive", "start"):
        assert desk.post(f"{URL}/{soon.pk}/{action}").status_code == 200
    events = OutboxEvent.objects.filter(subject=f"appointment/{soon.pk}").order_by("sequence")
    assert [(e.type, e.data["status"]) for e in events] == [
        ("appointment.updated", "confirmed"),
        ("appointment.updated", "arrived"),
        ("appointment.updated", "in_progress"),
    ]
