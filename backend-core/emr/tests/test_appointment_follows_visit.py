"""The appointment follows the visit (issue 15): a session that starts puts it in
progress, a session that completes completes it, and each change reaches the clinic's
live screens."""

import asyncio
import datetime as dt

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from core.realtime import clinic_group
from core.roles import Role
from outbox.models import OutboxEvent
from scheduling.models import Appointment

EMR = "/api/v1/clinic"
CALENDAR = "/api/v1/calendar/appointments"


def _today(tenant):
    starts = timezone.now().replace(second=0, microsecond=0) + dt.timedelta(minutes=30)
    return Appointment.unscoped.create(
        clinic=tenant.clinic,
        patient=tenant.patient,
        practitioner=tenant.user(Role.DOCTOR),
        service=tenant.service,
        starts_at=starts,
        ends_at=starts + dt.timedelta(minutes=30),
        blocked_until=starts + dt.timedelta(minutes=30),
    )


def _session(doctor, tenant, visit_id):
    response = doctor.post(
        f"{EMR}/sessions",
        {
            "visit_id": visit_id,
            "service_id": str(tenant.service.pk),
            "practitioner_ids": [str(tenant.user(Role.DOCTOR).pk)],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()["id"]


def _statuses(appointment):
    return [
        event.data["status"]
        for event in OutboxEvent.objects.filter(subject=f"appointment/{appointment.pk}").order_by("sequence")
    ]


@pytest.mark.parametrize("clock", ["01:00"], indirect=True)  # 08:00 in Bangkok
def test_session_start_and_completion_move_the_checked_in_appointment(
    clock, api, world, django_capture_on_commit_callbacks
):
    appointment = _today(world.a)
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    doctor = api(world.a.user(Role.DOCTOR), world.a.clinic)
    with django_capture_on_commit_callbacks(execute=True):  # arrival opens the visit
        assert desk.post(f"{CALENDAR}/{appointment.pk}/arrive").status_code == 200
    visit = doctor.post(f"{EMR}/visits", {"appointment_id": str(appointment.pk)}, format="json").json()
    session = _session(doctor, world.a, visit["id"])

    assert doctor.post(f"{EMR}/sessions/{session}/start").status_code == 200
    assert desk.get(f"{CALENDAR}/{appointment.pk}").json()["status"] == "in_progress"
    assert doctor.post(f"{EMR}/sessions/{session}/complete").status_code == 200
    assert desk.get(f"{CALENDAR}/{appointment.pk}").json()["status"] == "completed"
    assert _statuses(appointment) == ["arrived", "in_progress", "completed"]


@pytest.mark.parametrize("clock", ["01:00"], indirect=True)
def test_a_session_for_an_appointment_not_checked_in_walks_it_through_arrival(clock, api, world):
    appointment = _today(world.a)
    doctor = api(world.a.user(Role.DOCTOR), world.a.clinic)
    visit = doctor.post(f"{EMR}/visits", {"appointment_id": str(appointment.pk)}, format="json").json()
    session = _session(doctor, world.a, visit["id"])

    doctor.post(f"{EMR}/sessions/{session}/start")

    assert _statuses(appointment) == ["arrived", "in_progress"]


def test_a_walk_in_session_touches_no_appointment(api, world):
    doctor = api(world.a.user(Role.DOCTOR), world.a.clinic)
    visit = doctor.post(f"{EMR}/visits", {"patient_id": str(world.a.patient.pk)}, format="json").json()
    session = _session(doctor, world.a, visit["id"])
    before = OutboxEvent.objects.filter(type__startswith="appointment.").count()

    doctor.post(f"{EMR}/sessions/{session}/start")
    doctor.post(f"{EMR}/sessions/{session}/complete")

    assert OutboxEvent.objects.filter(type__startswith="appointment.").count() == before


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("clock", ["01:00"], indirect=True)
def test_session_completion_reaches_the_clinics_live_screens(clock, api, world):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(clinic_group(world.a.clinic.pk), channel)
    appointment = _today(world.a)
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    doctor = api(world.a.user(Role.DOCTOR), world.a.clinic)
    desk.post(f"{CALENDAR}/{appointment.pk}/arrive")
    visit = doctor.post(f"{EMR}/visits", {"appointment_id": str(appointment.pk)}, format="json").json()
    session = _session(doctor, world.a, visit["id"])
    doctor.post(f"{EMR}/sessions/{session}/start")
    doctor.post(f"{EMR}/sessions/{session}/complete")

    async def statuses_heard():
        heard = []
        while "completed" not in heard:
            message = await asyncio.wait_for(layer.receive(channel), timeout=5)
            event = message["event"]
            if event["type"] == "appointment.updated" and event["data"]["id"] == str(appointment.pk):
                heard.append(event["data"]["status"])
        return heard

    assert async_to_sync(statuses_heard)() == ["arrived", "in_progress", "completed"]
