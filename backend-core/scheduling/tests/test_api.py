import datetime as dt
import zoneinfo
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from accounts.tests.factories import ClinicFactory, MembershipFactory, tokens_for
from core.realtime import clinic_group
from core.roles import Role
from core.tenancy import clinic_context
from patients.tests.factories import ClinicPatientFactory
from scheduling.models import Appointment, ScheduleException, StaffSchedule
from scheduling.selectors import BOOKING_HORIZON_DAYS, practitioner_free_slots

URL = "/api/v1/calendar/appointments"


def _hours(clinic, user, spans=((9, 12), (13, 18))):
    """Every day the same hours (replacing the world's Monday schedule)."""
    StaffSchedule.unscoped.filter(clinic=clinic, practitioner=user).delete()
    for weekday in range(7):
        for start, end in spans:
            StaffSchedule.unscoped.create(
                clinic=clinic,
                practitioner=user,
                weekday=weekday,
                start_time=dt.time(start),
                end_time=dt.time(end),
            )


def _at(clinic, days, hour, minute=0):
    zone = zoneinfo.ZoneInfo(clinic.time_zone)
    day = dt.datetime.now(tz=zone).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=zone)


def _book(client, tenant, starts_at, patient=None, practitioner=None, **extra):
    return client.post(
        URL,
        {
            "patient_id": str((patient or tenant.patient).pk),
            "practitioner_id": str((practitioner or tenant.user(Role.DOCTOR)).pk),
            "service_id": str(tenant.service.pk),
            "starts_at": starts_at.isoformat(),
            **extra,
        },
        format="json",
    )


@pytest.fixture
def desk(api, world):
    _hours(world.a.clinic, world.a.user(Role.DOCTOR))
    return api(world.a.user(Role.RECEPTIONIST), world.a.clinic)


def test_receptionist_books_and_the_calendar_lists_it(desk, world):
    starts = _at(world.a.clinic, 2, 10)
    response = _book(desk, world.a, starts, room_id=str(world.a.room.pk))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "booked"
    assert dt.datetime.fromisoformat(body["ends_at"]) - starts == dt.timedelta(minutes=30)
    day = desk.get(
        URL, {"start": starts.replace(hour=0).isoformat(), "end": (starts + dt.timedelta(days=1)).isoformat()}
    )
    assert body["id"] in [a["id"] for a in day.json()["results"]]


def test_overlap_is_409_naming_what_clashed(desk, world):
    starts = _at(world.a.clinic, 2, 10)
    assert _book(desk, world.a, starts).status_code == 201
    other = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000099")
    clash = _book(desk, world.a, starts + dt.timedelta(minutes=15), patient=other)
    assert clash.status_code == 409
    assert [e["field"] for e in clash.json()["errors"]] == ["practitioner"]


def test_the_same_doctor_cannot_be_booked_at_two_organizations_at_once(api, world):
    doctor = world.a.user(Role.DOCTOR)
    MembershipFactory(user=doctor, clinic=world.b.clinic, role=Role.DOCTOR)
    _hours(world.a.clinic, doctor, spans=((0, 23),))
    _hours(world.b.clinic, doctor, spans=((0, 23),))
    starts = _at(world.a.clinic, 3, 12)
    assert _book(api(world.a.user(Role.RECEPTIONIST), world.a.clinic), world.a, starts).status_code == 201
    at_b = _book(api(world.b.user(Role.RECEPTIONIST), world.b.clinic), world.b, starts, practitioner=doctor)
    assert at_b.status_code == 409
    assert at_b.json()["errors"][0]["field"] == "practitioner"


@pytest.mark.parametrize(
    ("hour", "field"),
    [(12, "starts_at"), (20, "starts_at")],  # lunch break; after hours
)
def test_outside_working_hours_is_400(desk, world, hour, field):
    response = _book(desk, world.a, _at(world.a.clinic, 2, hour))
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == field


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"starts_at": "2020-01-01T10:00:00+07:00"}, "starts_at"),
        ({"starts_at": "tomorrow"}, "starts_at"),
        ({"starts_at": "2030-01-07T10:00:00"}, "starts_at"),  # no offset: which 10:00?
        ({"starts_at": "9999-12-31T23:59:59-23:59"}, "starts_at"),  # past year 9999 in UTC
        ({"service_id": "00000000-0000-0000-0000-000000000000"}, "service_id"),
        ({"practitioner_id": "00000000-0000-0000-0000-000000000000"}, "practitioner_id"),
    ],
)
def test_bad_booking_input_is_400_naming_the_field(desk, world, patch, field):
    body = {
        "patient_id": str(world.a.patient.pk),
        "practitioner_id": str(world.a.user(Role.DOCTOR).pk),
        "service_id": str(world.a.service.pk),
        "starts_at": _at(world.a.clinic, 2, 10).isoformat(),
        **patch,
    }
    response = desk.post(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == field


def test_booking_or_moving_beyond_the_horizon_is_400_naming_starts_at(desk, world):
    beyond = _at(world.a.clinic, BOOKING_HORIZON_DAYS + 1, 10)
    response = _book(desk, world.a, beyond)
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == "starts_at"
    booked = _book(desk, world.a, _at(world.a.clinic, 2, 10)).json()
    moved = desk.patch(f"{URL}/{booked['id']}", {"starts_at": beyond.isoformat()}, format="json")
    assert moved.status_code == 400 and moved.json()["errors"][0]["field"] == "starts_at"
    assert Appointment.unscoped.get(pk=booked["id"]).starts_at == _at(world.a.clinic, 2, 10)


def test_a_patient_of_another_clinic_cannot_be_booked(desk, world):
    response = _book(desk, world.a, _at(world.a.clinic, 2, 10), patient=world.b.patient)
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "patient_id"


@pytest.mark.parametrize("clock", ["01:00"], indirect=True)  # 08:00 in Bangkok
def test_state_machine_allows_only_legal_moves(clock, desk, world):
    appointment = _book(desk, world.a, _at(world.a.clinic, 0, 10)).json()
    url = f"{URL}/{appointment['id']}"
    started_too_early = desk.post(f"{url}/start")
    assert started_too_early.status_code == 409 and started_too_early.json()["code"] == "invalid_transition"
    assert desk.post(f"{url}/arrive").json()["status"] == "arrived"
    assert desk.post(f"{url}/start").json()["status"] == "in_progress"
    assert desk.post(f"{url}/complete").json()["status"] == "completed"
    cancelled = desk.post(f"{url}/cancel", {"reason": "changed mind"}, format="json")
    assert cancelled.status_code == 409
    assert "completed" in cancelled.json()["detail"]


def test_cancel_needs_a_reason_and_frees_the_slot(desk, world):
    starts = _at(world.a.clinic, 2, 10)
    appointment = _book(desk, world.a, starts).json()
    no_reason = desk.post(f"{URL}/{appointment['id']}/cancel", {"reason": ""}, format="json")
    assert no_reason.status_code == 400 and no_reason.json()["errors"][0]["field"] == "reason"
    assert (
        desk.post(f"{URL}/{appointment['id']}/cancel", {"reason": "Patient ill"}, format="json").status_code
        == 200
    )
    assert _book(desk, world.a, starts).status_code == 201


def test_reschedule_moves_and_checks_conflicts(desk, world):
    first = _book(desk, world.a, _at(world.a.clinic, 2, 10)).json()
    other = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000077")
    second = _book(desk, world.a, _at(world.a.clinic, 2, 14), patient=other).json()
    moved = desk.patch(
        f"{URL}/{first['id']}", {"starts_at": _at(world.a.clinic, 2, 15).isoformat()}, format="json"
    )
    assert moved.status_code == 200
    clash = desk.patch(
        f"{URL}/{second['id']}", {"starts_at": _at(world.a.clinic, 2, 15).isoformat()}, format="json"
    )
    assert clash.status_code == 409


def test_availability_skips_breaks_time_off_and_bookings_at_other_clinics(api, world):
    doctor = world.a.user(Role.DOCTOR)
    _hours(world.a.clinic, doctor)
    MembershipFactory(user=doctor, clinic=world.b.clinic, role=Role.DOCTOR)
    _hours(world.b.clinic, doctor, spans=((0, 23),))
    day_a = _at(world.a.clinic, 3, 9)
    _book(
        api(world.b.user(Role.RECEPTIONIST), world.b.clinic),
        world.b,
        day_a + dt.timedelta(hours=1),
        practitioner=doctor,
    )
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    params = {
        "service": str(world.a.service.pk),
        "practitioner": str(doctor.pk),
        "date_from": day_a.date().isoformat(),
        "date_to": day_a.date().isoformat(),
    }
    slots = client.get(f"{URL}/availability", params)
    assert slots.status_code == 200, slots.content
    local = [dt.datetime.fromisoformat(s["starts_at"]).astimezone(day_a.tzinfo).time() for s in slots.json()]
    assert dt.time(9) in local and dt.time(11, 30) in local
    assert dt.time(10) not in local and dt.time(9, 45) not in local  # booked at clinic B 10:00-10:30
    assert not any(dt.time(12) <= t < dt.time(13) for t in local)  # lunch break
    assert dt.time(17, 45) not in local or dt.time(17, 30) in local
    ScheduleException.unscoped.create(
        clinic=world.a.clinic, practitioner=doctor, date=day_a.date(), kind=ScheduleException.Kind.TIME_OFF
    )
    assert client.get(f"{URL}/availability", params).json() == []


def test_availability_never_offers_a_time_that_does_not_exist(world):
    clinic = ClinicFactory(country="US", time_zone="America/New_York", locale="en", currency="USD")
    doctor = MembershipFactory(clinic=clinic, role=Role.DOCTOR).user
    StaffSchedule.unscoped.create(
        clinic=clinic, practitioner=doctor, weekday=6, start_time=dt.time(1), end_time=dt.time(4)
    )
    with clinic_context(clinic):
        service = type(world.a.service).unscoped.create(
            clinic=clinic,
            name="Consult",
            category="consultation",
            price=100,
            currency="USD",
            duration_minutes=15,
        )
        slots = practitioner_free_slots(
            clinic=clinic,
            service=service,
            date_from=dt.date(2027, 3, 14),
            date_to=dt.date(2027, 3, 14),
            now=dt.datetime(2027, 1, 1, tzinfo=dt.UTC),
        )
    zone = zoneinfo.ZoneInfo("America/New_York")
    local = [s.starts_at.astimezone(zone).strftime("%H:%M") for s in slots]
    assert "01:45" in local and "03:00" in local
    assert not any(t.startswith("02:") for t in local)


def test_availability_input_is_validated(desk, world):
    bad = desk.get(
        f"{URL}/availability",
        {"service": str(world.a.service.pk), "date_from": "2027-01-01", "date_to": "2027-03-01"},
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "date_to"


@pytest.mark.django_db(transaction=True)
def test_booking_reaches_the_clinics_live_calendar_only(world, api):
    layer = get_channel_layer()
    mine, theirs = async_to_sync(layer.new_channel)(), async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(clinic_group(world.a.clinic.pk), mine)
    async_to_sync(layer.group_add)(clinic_group(world.b.clinic.pk), theirs)
    _hours(world.a.clinic, world.a.user(Role.DOCTOR))
    booked = _book(
        api(world.a.user(Role.RECEPTIONIST), world.a.clinic), world.a, _at(world.a.clinic, 2, 10)
    ).json()
    message = async_to_sync(layer.receive)(mine)
    assert (
        message["event"]["type"] == "appointment.created" and message["event"]["data"]["id"] == booked["id"]
    )

    async def nothing_for_b():
        import asyncio

        try:
            await asyncio.wait_for(layer.receive(theirs), timeout=0.5)
        except TimeoutError:
            return True
        return False

    assert async_to_sync(nothing_for_b)()


@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_bookings_of_one_slot_end_with_exactly_one(world, live_server):
    doctor = world.a.user(Role.DOCTOR)
    _hours(world.a.clinic, doctor)
    patients = [ClinicPatientFactory(clinic=world.a.clinic, chart_number=f"HN9{i:05d}") for i in range(50)]
    headers = {
        "Authorization": f"Bearer {tokens_for(world.a.user(Role.RECEPTIONIST)).access}",
        "X-Clinic-Id": str(world.a.clinic.pk),
    }
    starts = _at(world.a.clinic, 2, 10)

    def book(patient):
        body = {
            "patient_id": str(patient.pk),
            "practitioner_id": str(doctor.pk),
            "service_id": str(world.a.service.pk),
            "starts_at": starts.isoformat(),
        }
        return httpx.post(f"{live_server.url}{URL}", json=body, headers=headers, timeout=30).status_code

    # Ten at a time: the live server's listen backlog is ten (django WSGIServer
    # request_queue_size); more simultaneous connects are reset before reaching the app.
    with ThreadPoolExecutor(max_workers=10) as pool:
        codes = list(pool.map(book, patients))
    assert codes.count(201) == 1, codes
    assert codes.count(409) == 49, codes
    assert Appointment.unscoped.filter(practitioner=doctor, starts_at=starts).count() == 1


def _reminders(tenant, appointment_id, **filters):
    from notifications.models import Notification

    with clinic_context(tenant.clinic):
        return list(
            Notification.objects.filter(
                subject_type="scheduling.Appointment", subject_id=appointment_id, **filters
            ).order_by("scheduled_for")
        )


def test_booking_schedules_exactly_three_reminders_in_the_patients_language(desk, world):
    starts = _at(world.a.clinic, 3, 10)
    appointment = _book(desk, world.a, starts).json()
    reminders = _reminders(world.a, appointment["id"])
    assert [starts - r.scheduled_for for r in reminders] == [
        dt.timedelta(hours=24),
        dt.timedelta(hours=3),
        dt.timedelta(hours=1),
    ]
    assert {(r.template, r.channel, r.recipient) for r in reminders} == {
        ("appointment.reminder", "sms", "+66815550101")
    }


def test_running_the_dispatcher_twice_queues_each_due_reminder_once(desk, world):
    from notifications.services import notifications_enqueue_due

    appointment = _book(desk, world.a, _at(world.a.clinic, 3, 10)).json()
    later = dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=10)
    first, second = notifications_enqueue_due(now=later), notifications_enqueue_due(now=later)
    assert (first, second) == (3, 0)
    assert len(_reminders(world.a, appointment["id"])) == 3


def test_cancelling_cancels_the_reminders_and_moving_replaces_them(desk, world):
    moved = _book(desk, world.a, _at(world.a.clinic, 3, 10)).json()
    desk.patch(f"{URL}/{moved['id']}", {"starts_at": _at(world.a.clinic, 4, 11).isoformat()}, format="json")
    assert len(_reminders(world.a, moved["id"], status="scheduled")) == 3
    assert len(_reminders(world.a, moved["id"], status="cancelled")) == 3
    desk.post(f"{URL}/{moved['id']}/cancel", {"reason": "Travelling"}, format="json")
    assert _reminders(world.a, moved["id"], status="scheduled") == []


def test_the_ical_feed_shows_a_doctors_bookings_at_every_clinic_without_patient_names(api, client, world):
    from icalendar import Calendar

    doctor = world.a.user(Role.DOCTOR)
    MembershipFactory(user=doctor, clinic=world.b.clinic, role=Role.DOCTOR)
    _hours(world.b.clinic, doctor, spans=((0, 23),))
    _book(
        api(world.b.user(Role.RECEPTIONIST), world.b.clinic),
        world.b,
        _at(world.b.clinic, 4, 15),
        practitioner=doctor,
    )
    url = api(doctor).get("/api/v1/calendar/my-feed").json()["url"]
    path = url.split("://", 1)[1].split("/", 1)[1]
    response = client.get(f"/{path}")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert {str(e["location"]).split(" · ")[0] for e in events} == {world.a.clinic.name, world.b.clinic.name}
    assert "Ploy" not in response.content.decode()
    forged = client.get("/api/v1/calendar/feeds/not-a-token.ics")
    assert forged.status_code == 404


@pytest.mark.parametrize("clock", ["01:00"], indirect=True)  # 08:00 in Bangkok
def test_status_changes_are_announced_after_commit_for_other_contexts(
    clock, desk, world, django_capture_on_commit_callbacks
):
    from scheduling.signals import appointment_status_changed

    appointment = _book(desk, world.a, _at(world.a.clinic, 0, 10)).json()
    heard = []

    def receiver(sender, **event):
        heard.append((str(event["appointment_id"]), event["status"]))

    appointment_status_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            desk.post(f"{URL}/{appointment['id']}/arrive")
        with django_capture_on_commit_callbacks(execute=True):
            desk.post(f"{URL}/{appointment['id']}/complete")  # illegal: nothing announced
    finally:
        appointment_status_changed.disconnect(receiver)
    assert heard == [(appointment["id"], "arrived")]


@pytest.mark.parametrize(
    ("path", "payload", "field"),
    [
        ("rooms", {"name": "Room 1"}, "name"),  # the world's clinic already has it
        (
            "schedules",
            {"practitioner_id": "PRACTITIONER", "weekday": 7, "start_time": "09:00", "end_time": "18:00"},
            "weekday",
        ),
        (
            "schedules",
            {"practitioner_id": "PRACTITIONER", "weekday": 1, "start_time": "18:00", "end_time": "09:00"},
            "end_time",
        ),
        (
            "schedules",
            {"practitioner_id": "RECEPTIONIST", "weekday": 1, "start_time": "09:00", "end_time": "18:00"},
            "practitioner_id",
        ),
        (
            "schedule-exceptions",
            {"practitioner_id": "PRACTITIONER", "date": "2030-02-01", "kind": "extra"},
            "start_time",
        ),
        (
            "schedule-exceptions",
            {"practitioner_id": "PRACTITIONER", "date": "soon", "kind": "time_off"},
            "date",
        ),
    ],
)
def test_bad_calendar_setup_is_400_naming_the_field(api, world, path, payload, field):
    ids = {
        "PRACTITIONER": str(world.a.user(Role.DOCTOR).pk),
        "RECEPTIONIST": str(world.a.user(Role.RECEPTIONIST).pk),
    }
    body = {k: ids.get(v, v) if isinstance(v, str) else v for k, v in payload.items()}
    response = api(world.a.user(), world.a.clinic).post(f"/api/v1/calendar/{path}", body, format="json")
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_manager_sets_hours_and_time_off(api, world):
    client = api(world.a.user(), world.a.clinic)
    doctor = str(world.a.user(Role.DOCTOR).pk)
    hours = client.post(
        "/api/v1/calendar/schedules",
        {"practitioner_id": doctor, "weekday": 2, "start_time": "09:00", "end_time": "12:00"},
        format="json",
    )
    assert hours.status_code == 201 and hours.json()["start_time"] == "09:00:00"
    off = client.post(
        "/api/v1/calendar/schedule-exceptions",
        {"practitioner_id": doctor, "date": "2030-02-01", "kind": "time_off", "reason": "Congress"},
        format="json",
    )
    assert off.status_code == 201
    receptionist = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert receptionist.post("/api/v1/calendar/rooms", {"name": "Room 9"}, format="json").status_code == 403


def test_manager_removes_hours_and_time_off_of_this_clinic_only(api, world):
    client, doctor = api(world.a.user(), world.a.clinic), world.a.user(Role.DOCTOR)
    hours = client.post(
        "/api/v1/calendar/schedules",
        {"practitioner_id": str(doctor.pk), "weekday": 2, "start_time": "19:00", "end_time": "20:00"},
        format="json",
    ).json()["id"]
    off = client.post(
        "/api/v1/calendar/schedule-exceptions",
        {"practitioner_id": str(doctor.pk), "date": "2030-02-01", "kind": "time_off"},
        format="json",
    ).json()["id"]
    receptionist = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert receptionist.delete(f"/api/v1/calendar/schedules/{hours}").status_code == 403
    assert (
        api(world.b.user(), world.b.clinic).delete(f"/api/v1/calendar/schedules/{hours}").status_code == 404
    )
    assert client.delete(f"/api/v1/calendar/schedules/{hours}").status_code == 204
    assert client.delete(f"/api/v1/calendar/schedule-exceptions/{off}").status_code == 204
    assert not StaffSchedule.unscoped.filter(pk=hours).exists()
    assert not ScheduleException.unscoped.filter(pk=off).exists()


def test_every_unknown_booking_reference_is_named_in_one_answer(desk, world):
    unknown = "00000000-0000-0000-0000-000000000000"
    body = {
        "patient_id": unknown,
        "practitioner_id": str(world.b.user(Role.DOCTOR).pk),  # another clinic's doctor
        "service_id": str(world.a.service.pk),
        "room_id": unknown,
        "starts_at": _at(world.a.clinic, 2, 10).isoformat(),
    }
    response = desk.post(URL, body, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"patient_id", "practitioner_id", "room_id"}


def test_overlapping_hours_are_400_naming_start_time_and_touching_hours_are_a_break(api, world):
    """The working-hours editor saves a day with a break as two windows: touching ends are
    fine, an overlap is refused naming ``start_time``."""
    client, doctor = api(world.a.user(), world.a.clinic), world.a.user(Role.DOCTOR)
    _hours(world.a.clinic, doctor, spans=((9, 12),))
    url = "/api/v1/calendar/schedules"
    body = {"practitioner_id": str(doctor.pk), "weekday": 3}
    overlap = client.post(url, {**body, "start_time": "11:45", "end_time": "15:00"}, format="json")
    assert overlap.status_code == 400, overlap.content
    assert [e["field"] for e in overlap.json()["errors"]] == ["start_time"]
    touching = client.post(url, {**body, "start_time": "12:00", "end_time": "15:00"}, format="json")
    assert touching.status_code == 201, touching.content
    listed = client.get(url, {"practitioner": str(doctor.pk), "weekday": 3}).json()["results"]
    assert [(r["start_time"], r["end_time"]) for r in listed] == [
        ("09:00:00", "12:00:00"),
        ("12:00:00", "15:00:00"),
    ]


def test_hours_and_time_off_of_another_clinic_are_not_listed_nor_readable(api, world):
    doctor = world.a.user(Role.DOCTOR)
    _hours(world.a.clinic, doctor, spans=((9, 12),))
    off = ScheduleException.unscoped.create(
        clinic=world.a.clinic, practitioner=doctor, date=dt.date(2030, 2, 1), kind="time_off"
    )
    hours = StaffSchedule.unscoped.get(clinic=world.a.clinic, practitioner=doctor, weekday=0)
    other = api(world.b.user(), world.b.clinic)
    for path in ("schedules", "schedule-exceptions"):
        listed = other.get(f"/api/v1/calendar/{path}", {"practitioner": str(doctor.pk)})
        assert listed.status_code == 200 and listed.json()["results"] == []
    assert other.get(f"/api/v1/calendar/schedules/{hours.pk}").status_code == 404
    assert other.get(f"/api/v1/calendar/schedule-exceptions/{off.pk}").status_code == 404
    assert other.delete(f"/api/v1/calendar/schedule-exceptions/{off.pk}").status_code == 404


WEEK_URL = "/api/v1/calendar/schedules/week"


def test_a_whole_week_replaces_the_saved_hours_at_once_and_again_changes_nothing(api, world):
    client, doctor = api(world.a.user(), world.a.clinic), world.a.user(Role.DOCTOR)
    _hours(world.a.clinic, doctor)  # every day 9-12 and 13-18
    week = {
        "practitioner_id": str(doctor.pk),
        "windows": [
            {"weekday": 5, "start_time": "10:00", "end_time": "14:00"},
            {"weekday": 0, "start_time": "13:00", "end_time": "19:00"},
            {"weekday": 0, "start_time": "08:00", "end_time": "12:00"},
        ],
    }
    for _ in range(2):
        saved = client.put(WEEK_URL, week, format="json")
        assert saved.status_code == 200, saved.content
        assert [(r["weekday"], r["start_time"], r["end_time"]) for r in saved.json()] == [
            (0, "08:00:00", "12:00:00"),
            (0, "13:00:00", "19:00:00"),
            (5, "10:00:00", "14:00:00"),
        ]
    listed = client.get("/api/v1/calendar/schedules", {"practitioner": str(doctor.pk)}).json()["results"]
    assert len(listed) == 3
    none = client.put(WEEK_URL, {"practitioner_id": str(doctor.pk), "windows": []}, format="json")
    assert none.status_code == 200 and none.json() == []
    assert not StaffSchedule.unscoped.filter(clinic=world.a.clinic, practitioner=doctor).exists()


@pytest.mark.parametrize(
    ("windows", "field"),
    [
        (
            [
                {"weekday": 2, "start_time": "09:00", "end_time": "12:00"},
                {"weekday": 2, "start_time": "11:30", "end_time": "15:00"},
            ],
            "windows.1.start_time",
        ),
        ([{"weekday": 2, "start_time": "12:00", "end_time": "09:00"}], "windows.0.end_time"),
        ([{"weekday": 7, "start_time": "09:00", "end_time": "12:00"}], "windows.0.weekday"),
    ],
)
def test_a_bad_week_is_400_naming_the_window_and_keeps_the_saved_hours(api, world, windows, field):
    client, doctor = api(world.a.user(), world.a.clinic), world.a.user(Role.DOCTOR)
    _hours(world.a.clinic, doctor)
    refused = client.put(WEEK_URL, {"practitioner_id": str(doctor.pk), "windows": windows}, format="json")
    assert refused.status_code == 400, refused.content
    assert field in [e["field"] for e in refused.json()["errors"]]
    assert StaffSchedule.unscoped.filter(clinic=world.a.clinic, practitioner=doctor).count() == 14


def test_another_clinics_practitioner_is_unknown_to_the_week_and_a_receptionist_may_not_save_one(api, world):
    """A practitioner of another clinic answers as an unknown id does (400 naming
    ``practitioner_id``): nothing tells the caller they exist."""
    doctor = world.a.user(Role.DOCTOR)
    _hours(world.a.clinic, doctor)
    body = {"practitioner_id": str(doctor.pk), "windows": []}
    other = api(world.b.user(), world.b.clinic)
    foreign = other.put(WEEK_URL, body, format="json")
    nobody = {**body, "practitioner_id": "00000000-0000-0000-0000-000000000000"}
    unknown = other.put(WEEK_URL, nobody, format="json")
    assert foreign.status_code == unknown.status_code == 400
    assert foreign.json()["errors"] == unknown.json()["errors"]
    assert [e["field"] for e in foreign.json()["errors"]] == ["practitioner_id"]
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert desk.put(WEEK_URL, body, format="json").status_code == 403
    assert StaffSchedule.unscoped.filter(clinic=world.a.clinic, practitioner=doctor).count() == 14
