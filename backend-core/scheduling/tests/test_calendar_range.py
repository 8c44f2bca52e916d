"""The calendar's one-request range read and the availability that says why."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import MembershipFactory
from core.roles import Role
from patients.tests.factories import ClinicPatientFactory
from scheduling.models import Appointment, ScheduleException, StaffSchedule

URL = "/api/v1/calendar/appointments"
# CLOCK_DAY (conftest) 2026-06-10 at 23:30 UTC is Thursday 2026-06-11 06:30 in Bangkok.
BANGKOK_TODAY = dt.date(2026, 6, 11)
WEEK = dt.date(2026, 6, 15)  # a Monday, next week


def _weekdays(clinic, user, spans=((9, 12), (13, 18)), weekdays=range(5)):
    for weekday in weekdays:
        for start, end in spans:
            StaffSchedule.unscoped.create(
                clinic=clinic,
                practitioner=user,
                weekday=weekday,
                start_time=dt.time(start),
                end_time=dt.time(end),
            )


def _appointment(tenant, practitioner, patient, day, hour, minute=0):
    starts = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tenant.clinic.zone)
    ends = starts + dt.timedelta(minutes=30)
    return Appointment.unscoped.create(
        clinic=tenant.clinic,
        patient=patient,
        practitioner=practitioner,
        service=tenant.service,
        starts_at=starts,
        ends_at=ends,
        blocked_until=ends,
    )


def _week(client, **extra):
    query = {"date_from": WEEK.isoformat(), "date_to": (WEEK + dt.timedelta(days=6)).isoformat(), **extra}
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{URL}/range", query)
    assert response.status_code == 200, response.content
    return response.json(), len(queries)


def test_a_week_of_30_practitioners_takes_as_many_queries_as_one_of_2(clock, api, world):
    tenant = world.a
    desk = api(tenant.user(Role.RECEPTIONIST), tenant.clinic)
    first, second = tenant.user(Role.DOCTOR), tenant.user(Role.NURSE)
    _weekdays(tenant.clinic, first)
    _appointment(tenant, first, tenant.patient, WEEK, 10)
    few, few_queries = _week(desk, practitioner=[str(first.pk), str(second.pk)])
    assert [p["id"] for p in few["practitioners"]] == [str(first.pk), str(second.pk)]
    assert len(few["appointments"]) == 1

    doctors = [MembershipFactory(clinic=tenant.clinic, role=Role.DOCTOR).user for _ in range(28)]
    for n, doctor in enumerate(doctors):
        _weekdays(tenant.clinic, doctor)
        ScheduleException.unscoped.create(
            clinic=tenant.clinic,
            practitioner=doctor,
            date=WEEK + dt.timedelta(days=n % 5),
            kind=ScheduleException.Kind.TIME_OFF,
            start_time=dt.time(13),
            end_time=dt.time(15),
            reason="Training",
        )
        patient = ClinicPatientFactory(clinic=tenant.clinic, chart_number=f"HN9{n:05d}")
        for day in range(5):
            for hour in (9, 10, 11, 15, 16):
                _appointment(tenant, doctor, patient, WEEK + dt.timedelta(days=day), hour)
    many, many_queries = _week(desk)

    assert len(many["appointments"]) == 28 * 25 + 1
    assert len(many["practitioners"]) >= 30
    assert many_queries == few_queries
    row = next(p for p in many["practitioners"] if p["id"] == str(doctors[0].pk))
    assert len(row["working"]) == 10  # two intervals on each of five weekdays, time off cut out
    assert row["time_off"] == [
        {"starts_at": "2026-06-15T06:00:00Z", "ends_at": "2026-06-15T08:00:00Z", "reason": "Training"}
    ]


def test_the_range_hides_the_time_off_reason_from_roles_that_do_not_book(clock, api, world):
    tenant = world.a
    doctor = tenant.user(Role.DOCTOR)
    ScheduleException.unscoped.create(
        clinic=tenant.clinic, practitioner=doctor, date=WEEK, kind="time_off", reason="Surgery"
    )
    accountant = api(tenant.user(Role.ACCOUNTANT), tenant.clinic)
    body, _ = _week(accountant, practitioner=[str(doctor.pk)])
    assert body["practitioners"][0]["time_off"] == [
        # A whole day: Bangkok's midnight to midnight.
        {"starts_at": "2026-06-14T17:00:00Z", "ends_at": "2026-06-15T17:00:00Z", "reason": ""}
    ]
    desk = api(tenant.user(Role.RECEPTIONIST), tenant.clinic)
    assert (
        _week(desk, practitioner=[str(doctor.pk)])[0]["practitioners"][0]["time_off"][0]["reason"]
        == "Surgery"
    )


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"practitioner": ["not-a-uuid"]}, "practitioner.0"),
        ({"date_to": "2026-08-30"}, "date_to"),
        ({"date_to": "2026-06-01"}, "date_to"),
        ({"date_from": "15/06/2026"}, "date_from"),
    ],
)
def test_bad_range_input_is_400_naming_the_field(api, world, query, field):
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = desk.get(f"{URL}/range", {"date_from": "2026-06-15", "date_to": "2026-06-21", **query})
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == field


def test_another_clinics_practitioner_in_the_range_is_400(api, world):
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = desk.get(
        f"{URL}/range",
        {
            "date_from": "2026-06-15",
            "date_to": "2026-06-21",
            "practitioner": [str(world.b.user(Role.DOCTOR).pk)],
        },
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "practitioner"


def test_the_range_of_another_clinic_is_404_and_needs_sign_in(api, world):
    stranger = api(world.b.user(Role.RECEPTIONIST), world.a.clinic)
    query = {"date_from": "2026-06-15", "date_to": "2026-06-21"}
    assert stranger.get(f"{URL}/range", query).status_code == 404
    assert stranger.get(f"{URL}/availability/day", query).status_code == 404
    assert api().get(f"{URL}/range", query).status_code == 401


def _day(client, tenant, day, practitioner):
    response = client.get(
        f"{URL}/availability/day",
        {"service": str(tenant.service.pk), "date": day.isoformat(), "practitioner": str(practitioner.pk)},
    )
    assert response.status_code == 200, response.content
    return response.json()


def test_availability_says_why_a_day_has_no_free_time(clock, api, world):
    tenant = world.a
    desk = api(tenant.user(Role.RECEPTIONIST), tenant.clinic)
    doctor = tenant.user(Role.DOCTOR)
    StaffSchedule.unscoped.filter(practitioner=doctor).delete()
    _weekdays(tenant.clinic, doctor, spans=((9, 10),), weekdays=range(7))
    ScheduleException.unscoped.create(
        clinic=tenant.clinic, practitioner=doctor, date=WEEK, kind="time_off", reason="Conference"
    )
    busy = WEEK + dt.timedelta(days=1)
    _appointment(tenant, doctor, tenant.patient, busy, 9)
    _appointment(tenant, doctor, tenant.patient, busy, 9, 30)

    def reason(day, client=desk):
        body = _day(client, tenant, day, doctor)
        assert body["slots"] == []
        [why] = body["unavailable"]
        assert why["practitioner_id"] == str(doctor.pk)
        return why["reason"], why["detail"], body["next_free_date"]

    assert reason(WEEK) == ("time_off", "Conference", "2026-06-17")
    accountant = api(tenant.user(Role.ACCOUNTANT), tenant.clinic)
    assert reason(WEEK, accountant) == ("time_off", "", "2026-06-17")
    assert reason(busy) == ("fully_booked", "", "2026-06-17")
    # 06:30 in Bangkok: its 10 June is over although it is still 10 June in UTC.
    assert reason(dt.date(2026, 6, 10)) == ("past", "", BANGKOK_TODAY.isoformat())
    # The horizon counts from Bangkok's today (11 June), not UTC's (10 June).
    assert _day(desk, tenant, dt.date(2027, 6, 12), doctor)["slots"]
    assert reason(dt.date(2027, 6, 13)) == ("beyond_horizon", "", None)

    StaffSchedule.unscoped.filter(practitioner=doctor, weekday=WEEK.weekday()).delete()
    assert reason(WEEK + dt.timedelta(days=7))[:2] == ("not_working", "")


@pytest.mark.parametrize("clock", ["12:00"], indirect=True)
def test_availability_says_past_for_the_rest_of_today(clock, api, world):
    # 12:00 UTC is 19:00 in Bangkok: the day's hours (09:00-18:00) are over.
    tenant = world.a
    doctor = tenant.user(Role.DOCTOR)
    _weekdays(tenant.clinic, doctor, spans=((9, 18),), weekdays=range(7))
    desk = api(tenant.user(Role.RECEPTIONIST), tenant.clinic)
    body = _day(desk, tenant, dt.date(2026, 6, 10), doctor)
    assert [w["reason"] for w in body["unavailable"]] == ["past"]
    assert body["next_free_date"] == "2026-06-11"


def test_availability_day_input_is_validated(api, world):
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    bad_date = desk.get(f"{URL}/availability/day", {"service": str(world.a.service.pk), "date": "soon"})
    assert bad_date.status_code == 400 and bad_date.json()["errors"][0]["field"] == "date"
    foreign = desk.get(f"{URL}/availability/day", {"service": str(world.b.service.pk), "date": "2026-06-15"})
    assert foreign.status_code == 400 and foreign.json()["errors"][0]["field"] == "service"


def _varied_day(tenant):
    """Appointments with and without room and device, one cancelled late by a user with
    a reason, one with notes, the patient's name with an empty family name."""
    doctor = tenant.user(Role.DOCTOR)
    patient = ClinicPatientFactory(clinic=tenant.clinic, chart_number="HN777", profile__family_name="")
    plain = _appointment(tenant, doctor, tenant.patient, WEEK, 9)
    with_device = _appointment(tenant, doctor, patient, WEEK, 10, 30)
    Appointment.unscoped.filter(pk=with_device.pk).update(
        room=tenant.room, resource=tenant.device, notes="Bring the consent form"
    )
    cancelled = _appointment(tenant, doctor, tenant.patient, WEEK, 23, 45)  # 16:45 UTC
    Appointment.unscoped.filter(pk=cancelled.pk).update(
        status=Appointment.Status.CANCELLED,
        cancel_reason="Flu",
        cancelled_at=dt.datetime(2026, 6, 14, 1, 2, 3, 456789, tzinfo=dt.UTC),
        cancelled_by=tenant.user(Role.RECEPTIONIST),
        late_cancellation=True,
    )
    return [plain.pk, with_device.pk, cancelled.pk]


@pytest.mark.parametrize("zone", ["UTC", "Asia/Bangkok"])
def test_the_ranges_lean_rendering_is_the_appointment_serializers_field_for_field(clock, world, zone):
    """``calendar_range_data`` builds the calendar's answer without DRF fields; it must
    be exactly what ``CalendarRangeSerializer`` renders (the OpenAPI schema and the front
    end's types describe that), in the current time zone whatever it is."""
    import json

    from django.utils import timezone

    from core.tenancy import clinic_context
    from scheduling import selectors, serializers

    tenant = world.a
    _weekdays(tenant.clinic, tenant.user(Role.DOCTOR))
    ScheduleException.unscoped.create(
        clinic=tenant.clinic,
        practitioner=tenant.user(Role.DOCTOR),
        date=WEEK,
        kind=ScheduleException.Kind.TIME_OFF,
        start_time=dt.time(13),
        end_time=dt.time(15),
        reason="Training",
    )
    ids = _varied_day(tenant)
    with clinic_context(tenant.clinic), timezone.override(zone):
        result = selectors.calendar_range(
            clinic=tenant.clinic, date_from=WEEK, date_to=WEEK, show_time_off_reason=True
        )
        lean = json.loads(json.dumps(serializers.calendar_range_data(result)))
        models = list(selectors.appointment_list().filter(pk__in=ids))
        expected = json.loads(
            json.dumps(
                {
                    "appointments": serializers.AppointmentSerializer(models, many=True).data,
                    "practitioners": serializers.PractitionerHoursSerializer(
                        result.practitioners, many=True
                    ).data,
                }
            )
        )

    assert [row["id"] for row in lean["appointments"]] == [str(pk) for pk in ids]
    assert lean == expected
    assert [list(row) for row in lean["appointments"]] == [list(row) for row in expected["appointments"]]
    assert lean["practitioners"][0]["time_off"][0]["reason"] == "Training"


@pytest.mark.parametrize("zone", ["UTC", "Asia/Bangkok"])
def test_availabilitys_lean_slots_are_the_slot_serializers_field_for_field(clock, world, zone):
    """``slot_data`` renders the availability answer without DRF fields, exactly as
    ``SlotSerializer`` (the schema) does, in the current time zone."""
    import json

    from django.utils import timezone

    from core.tenancy import clinic_context
    from scheduling import selectors, serializers

    tenant = world.a
    doctor = tenant.user(Role.DOCTOR)
    _weekdays(tenant.clinic, doctor)
    _appointment(tenant, doctor, tenant.patient, WEEK, 10)
    with clinic_context(tenant.clinic), timezone.override(zone):
        slots = selectors.practitioner_free_slots(
            clinic=tenant.clinic,
            service=tenant.service,
            date_from=WEEK,
            date_to=WEEK,
            practitioner_id=doctor.pk,
        )
        lean = json.loads(json.dumps(serializers.slot_data(slots)))
        expected = json.loads(json.dumps(serializers.SlotSerializer(slots, many=True).data))

    assert len(lean) > 10
    assert lean == expected
