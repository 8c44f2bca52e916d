"""Devices (``scheduling.Resource``): the API under ``/api/v1/resources``, booking a
treatment that needs a device, and free slots limited to times a device is free."""

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from django.db import IntegrityError, transaction

from accounts.tests.factories import tokens_for
from catalog.models import DeviceKind, Service
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from patients.tests.factories import ClinicPatientFactory
from scheduling import services
from scheduling.models import Appointment, Resource
from scheduling.selectors import practitioner_free_slots
from scheduling.services import AppointmentConflict
from scheduling.tests.test_api import _at, _hours

URL = "/api/v1/resources"
BOOK = "/api/v1/calendar/appointments"


def _laser_service(tenant):
    return Service.unscoped.create(
        clinic=tenant.clinic,
        name="Laser resurfacing",
        category=Service.Category.LASER,
        price="4000.00",
        currency=tenant.clinic.currency,
        duration_minutes=60,
        buffer_minutes=15,
        device_kind=DeviceKind.LASER,
        follow_up_days=28,
    )


def _device(tenant, name="CO2 laser", kind=DeviceKind.LASER, **extra):
    return Resource.unscoped.create(clinic=tenant.clinic, name=name, kind=kind, **extra)


@pytest.fixture
def laser(clock, world):
    """Clinic A: a laser treatment, one CO2 laser, doctor and nurse working every day; the
    clock at 23:30 UTC, when Bangkok's day is already the next one."""
    for role in (Role.DOCTOR, Role.NURSE):
        _hours(world.a.clinic, world.a.user(role))
    return _laser_service(world.a), _device(world.a)


def _book(client, tenant, service, starts_at, *, role=Role.DOCTOR, patient=None, **extra):
    return client.post(
        BOOK,
        {
            "patient_id": str((patient or tenant.patient).pk),
            "practitioner_id": str(tenant.user(role).pk),
            "service_id": str(service.pk),
            "starts_at": starts_at.isoformat(),
            **extra,
        },
        format="json",
    )


# ------------------------------------------------------------------------------ the API


def test_manager_adds_renames_and_retypes_a_device(api, world):
    manager = api(world.a.user(Role.ADMIN), world.a.clinic)
    created = manager.post(URL, {"name": " Fotona ", "kind": "laser"}, format="json")
    assert created.status_code == 201, created.content
    device = created.json()
    assert device["name"] == "Fotona" and device["kind"] == "laser" and device["is_active"] is True
    changed = manager.patch(f"{URL}/{device['id']}", {"name": "Ultherapy", "kind": "hifu"}, format="json")
    assert changed.status_code == 200
    assert changed.json()["kind"] == "hifu"
    listed = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(URL, {"kind": "hifu"})
    assert [r["name"] for r in listed.json()["results"]] == ["Ultherapy"]


def test_receptionist_lists_devices_but_may_not_add_one(api, world):
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert desk.get(URL).status_code == 200
    assert desk.post(URL, {"name": "IPL", "kind": "ipl"}, format="json").status_code == 403
    device = _device(world.a)
    assert desk.patch(f"{URL}/{device.pk}", {"name": "x"}, format="json").status_code == 403
    assert desk.delete(f"{URL}/{device.pk}").status_code == 403


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "IPL", "kind": "toaster"}, "kind"),
        ({"kind": "ipl"}, "name"),
        ({"name": "   ", "kind": "ipl"}, "name"),
        ({"name": "co2 LASER", "kind": "laser"}, "name"),  # another device's name
    ],
)
def test_bad_device_input_is_400_naming_the_field(api, world, body, field):
    _device(world.a)
    response = api(world.a.user(Role.ADMIN), world.a.clinic).post(URL, body, format="json")
    assert response.status_code == 400
    assert field in [e["field"] for e in response.json()["errors"]]


def test_another_clinics_device_is_404(api, world):
    device = _device(world.b)
    manager = api(world.a.user(Role.ADMIN), world.a.clinic)
    assert manager.get(f"{URL}/{device.pk}").status_code == 404
    assert manager.patch(f"{URL}/{device.pk}", {"name": "Mine"}, format="json").status_code == 404
    assert manager.delete(f"{URL}/{device.pk}").status_code == 404
    assert str(device.pk) not in [row["id"] for row in manager.get(URL).json()["results"]]
    Resource.unscoped.get(pk=device.pk)  # untouched


def test_booking_another_clinics_device_is_400_naming_it(api, world, laser):
    service, _ = laser
    foreign = _device(world.b)
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = _book(desk, world.a, service, _at(world.a.clinic, 2, 10), resource_id=str(foreign.pk))
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["resource_id"]


def test_delete_removes_an_unused_device_and_deactivates_a_booked_one(api, world, laser):
    service, device = laser
    manager = api(world.a.user(Role.ADMIN), world.a.clinic)
    unused = _device(world.a, name="Spare IPL", kind=DeviceKind.IPL)
    assert manager.delete(f"{URL}/{unused.pk}").status_code == 204
    assert not Resource.unscoped.filter(pk=unused.pk).exists()
    assert _book(manager, world.a, service, _at(world.a.clinic, 2, 10)).status_code == 201
    kept = manager.delete(f"{URL}/{device.pk}")
    assert kept.status_code == 200
    assert kept.json()["is_active"] is False
    assert Appointment.unscoped.filter(resource=device).count() == 1


# ------------------------------------------------------------------------------ booking


def test_booking_a_laser_treatment_assigns_a_free_laser(api, world, laser):
    service, device = laser
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = _book(desk, world.a, service, _at(world.a.clinic, 2, 10))
    assert response.status_code == 201, response.content
    assert response.json()["resource_id"] == str(device.pk)
    assert response.json()["resource_name"] == "CO2 laser"


def test_second_laser_is_picked_when_the_first_is_busy_and_409_when_none_is_free(api, world, laser):
    service, first = laser
    second = _device(world.a, name="Erbium laser")
    _device(world.a, name="Off laser", is_active=False)
    _device(world.a, name="An IPL", kind=DeviceKind.IPL)
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    starts = _at(world.a.clinic, 2, 10)
    other = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000077")
    third = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000078")
    assert _book(desk, world.a, service, starts).json()["resource_id"] == str(first.pk)
    response = _book(desk, world.a, service, starts, role=Role.NURSE, patient=other)
    assert response.json()["resource_id"] == str(second.pk)
    _hours(world.a.clinic, world.a.user(Role.THERAPIST))
    refused = _book(desk, world.a, service, starts, role=Role.THERAPIST, patient=third)
    assert refused.status_code == 409
    assert [e["field"] for e in refused.json()["errors"]] == ["resource"]


def test_a_chosen_device_of_the_wrong_kind_is_400(api, world, laser):
    service, _ = laser
    ipl = _device(world.a, name="IPL", kind=DeviceKind.IPL)
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = _book(desk, world.a, service, _at(world.a.clinic, 2, 10), resource_id=str(ipl.pk))
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["resource"]


def test_the_service_refuses_a_busy_chosen_device_with_409(world, laser):
    service, device = laser
    clinic = world.a.clinic
    other = ClinicPatientFactory(clinic=clinic, chart_number="HN000079")
    with clinic_context(clinic):
        services.appointment_book(
            clinic=clinic,
            actor=world.a.user(Role.RECEPTIONIST),
            patient=world.a.patient,
            practitioner=world.a.user(Role.DOCTOR),
            service=service,
            starts_at=_at(clinic, 2, 10),
        )
        with pytest.raises(AppointmentConflict) as refused:
            services.appointment_book(
                clinic=clinic,
                actor=world.a.user(Role.RECEPTIONIST),
                patient=other,
                practitioner=world.a.user(Role.NURSE),
                service=service,
                starts_at=_at(clinic, 2, 10, 30),  # overlaps the first hour
                resource=device,
            )
    assert refused.value.subjects == ["resource"]


def test_the_database_refuses_two_overlapping_appointments_on_one_device(world, laser):
    service, device = laser
    starts = _at(world.a.clinic, 2, 10)
    common = {"clinic": world.a.clinic, "service": service, "resource": device}
    Appointment.unscoped.create(
        **common,
        patient=world.a.patient,
        practitioner=world.a.user(Role.DOCTOR),
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=1),
        blocked_until=starts + dt.timedelta(hours=1),
    )
    other = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000080")
    later = starts + dt.timedelta(minutes=30)
    with pytest.raises(IntegrityError, match="appointment_resource_no_overlap"), transaction.atomic():
        Appointment.unscoped.create(
            **common,
            patient=other,
            practitioner=world.a.user(Role.NURSE),
            starts_at=later,
            ends_at=later + dt.timedelta(hours=1),
            blocked_until=later + dt.timedelta(hours=1),
        )


def test_moving_keeps_the_device_when_free_and_swaps_it_when_not(api, world, laser):
    service, first = laser
    second = _device(world.a, name="Erbium laser")
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    other = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000081")
    booked = _book(desk, world.a, service, _at(world.a.clinic, 2, 10)).json()
    assert booked["resource_id"] == str(first.pk)
    moved = desk.patch(
        f"{BOOK}/{booked['id']}", {"starts_at": _at(world.a.clinic, 2, 14).isoformat()}, format="json"
    )
    assert moved.json()["resource_id"] == str(first.pk)
    # The nurse's 16:00 booking takes the first laser; moving ours there swaps to the second.
    taken = _book(desk, world.a, service, _at(world.a.clinic, 2, 16), role=Role.NURSE, patient=other)
    assert taken.json()["resource_id"] == str(first.pk)
    swapped = desk.patch(
        f"{BOOK}/{booked['id']}", {"starts_at": _at(world.a.clinic, 2, 16).isoformat()}, format="json"
    )
    assert swapped.status_code == 200, swapped.content
    assert swapped.json()["resource_id"] == str(second.pk)


def test_concurrent_bookings_of_the_last_laser_end_with_exactly_one(world, laser, live_server):
    service, device = laser
    other = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000082")
    headers = {
        "Authorization": f"Bearer {tokens_for(world.a.user(Role.RECEPTIONIST)).access}",
        "X-Clinic-Id": str(world.a.clinic.pk),
    }
    starts = _at(world.a.clinic, 2, 10)

    def book(who):
        role, patient = who
        body = {
            "patient_id": str(patient.pk),
            "practitioner_id": str(world.a.user(role).pk),
            "service_id": str(service.pk),
            "starts_at": starts.isoformat(),
        }
        response = httpx.post(f"{live_server.url}{BOOK}", json=body, headers=headers, timeout=30)
        return response.status_code, response.json()

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(book, [(Role.DOCTOR, world.a.patient), (Role.NURSE, other)]))
    codes = sorted(code for code, _ in results)
    assert codes == [201, 409], results
    refused = next(body for code, body in results if code == 409)
    assert [e["field"] for e in refused["errors"]] == ["resource"]
    assert Appointment.unscoped.filter(resource=device).count() == 1


# ------------------------------------------------------------------------------ free slots


def test_free_slots_leave_out_times_when_every_laser_is_busy(api, world, laser):
    service, _ = laser
    clinic = world.a.clinic
    desk = api(world.a.user(Role.RECEPTIONIST), clinic)
    assert _book(desk, world.a, service, _at(clinic, 2, 10)).status_code == 201
    day = _at(clinic, 2, 0).date()
    with clinic_context(clinic):
        nurse = practitioner_free_slots(
            clinic=clinic,
            service=service,
            date_from=day,
            date_to=day,
            practitioner_id=world.a.user(Role.NURSE).pk,
        )
    starts = {s.starts_at for s in nurse}
    # The nurse is free all morning, but the only laser is busy 10:00-11:15 (60 min + 15
    # buffer) and the morning ends at 12:00: no 75-minute block fits before lunch.
    assert not [s for s in starts if s < _at(clinic, 2, 12)]
    assert _at(clinic, 2, 13) in starts


def test_no_device_of_the_kind_means_no_free_slot(world, laser):
    service, device = laser
    Resource.unscoped.filter(pk=device.pk).update(is_active=False)
    day = _at(world.a.clinic, 2, 0).date()
    with clinic_context(world.a.clinic):
        assert (
            practitioner_free_slots(clinic=world.a.clinic, service=service, date_from=day, date_to=day) == []
        )


def test_a_blank_rename_is_refused(world):
    device = _device(world.a)
    with clinic_context(world.a.clinic), pytest.raises(ValidationFailed):
        services.resource_update(resource=device, actor=world.a.user(Role.ADMIN), name=" ")
