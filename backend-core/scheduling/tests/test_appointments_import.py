"""``appointments_import``: a history recorded in one call under ``appointment_import``'s
rules."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.tests.factories import MembershipFactory
from audit.models import AuditEvent
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from patients.tests.factories import ClinicPatientFactory
from scheduling.models import Appointment
from scheduling.services import AppointmentConflict, ImportRow, appointment_import, appointments_import

Status = Appointment.Status


def _past(days=3):
    return (timezone.now() - dt.timedelta(days=days)).replace(minute=0, second=0, microsecond=0)


def _row(tenant, starts_at, status=Status.COMPLETED, patient=None, practitioner=None, **extra):
    return ImportRow(
        patient=patient or tenant.patient,
        practitioner=practitioner or tenant.user(Role.DOCTOR),
        service=tenant.service,
        starts_at=starts_at,
        status=status,
        **extra,
    )


def _import_all(tenant, rows):
    with clinic_context(tenant.clinic):
        return appointments_import(clinic=tenant.clinic, actor=tenant.user(Role.RECEPTIONIST), rows=rows)


def test_imports_every_row_with_an_audit_event_each(world):
    starts = _past()
    rows = [
        _row(world.a, starts, room=world.a.room),
        _row(world.a, starts + dt.timedelta(hours=1), status=Status.NO_SHOW),
        _row(world.a, starts + dt.timedelta(hours=2), status=Status.CANCELLED, cancel_reason=" Flu "),
    ]

    assert _import_all(world.a, rows) == 3

    stored = Appointment.unscoped.filter(
        clinic=world.a.clinic, starts_at__range=(starts, starts + dt.timedelta(hours=2))
    ).order_by("starts_at")
    assert [a.status for a in stored] == [Status.COMPLETED, Status.NO_SHOW, Status.CANCELLED]
    assert stored[0].ends_at - starts == dt.timedelta(minutes=30) and stored[0].room == world.a.room
    assert stored[2].cancel_reason == "Flu"
    assert {a.booked_by for a in stored} == {world.a.user(Role.RECEPTIONIST)}
    audited = AuditEvent.unscoped.filter(action="appointment.imported", clinic=world.a.clinic)
    assert set(audited.values_list("object_id", flat=True)) == {str(a.pk) for a in stored}


def test_rows_that_overlap_each_other_are_refused_and_nothing_is_written(world):
    starts, before = _past(), Appointment.unscoped.count()
    rows = [
        _row(world.a, starts),
        _row(
            world.a,
            starts + dt.timedelta(minutes=15),
            patient=ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000077"),
        ),
    ]

    with pytest.raises(AppointmentConflict) as raised:
        _import_all(world.a, rows)

    assert raised.value.subjects == ["practitioner"]
    assert Appointment.unscoped.count() == before


def test_a_row_overlapping_the_practitioner_at_another_clinic_is_refused(world):
    doctor = world.a.user(Role.DOCTOR)
    MembershipFactory(clinic=world.b.clinic, user=doctor, role=Role.DOCTOR)
    starts = _past()
    with clinic_context(world.b.clinic):
        appointment_import(
            clinic=world.b.clinic,
            actor=None,
            patient=world.b.patient,
            practitioner=doctor,
            service=world.b.service,
            starts_at=starts,
            status=Status.COMPLETED,
        )

    with pytest.raises(AppointmentConflict) as raised:
        _import_all(world.a, [_row(world.a, starts + dt.timedelta(minutes=10))])

    assert raised.value.subjects == ["practitioner"]


def test_no_shows_and_cancellations_block_nothing(world):
    starts = _past()
    rows = [
        _row(world.a, starts, status=Status.NO_SHOW),
        _row(world.a, starts, status=Status.CANCELLED, cancel_reason="Travel"),
        _row(world.a, starts),
    ]

    assert _import_all(world.a, rows) == 3


def test_a_bad_row_names_its_field(world):
    before = Appointment.unscoped.count()
    with pytest.raises(ValidationFailed) as raised:
        _import_all(world.a, [_row(world.a, _past()), _row(world.a, _past(1), status=Status.CANCELLED)])

    assert "cancel_reason" in raised.value.errors
    assert Appointment.unscoped.count() == before


def test_a_practitioner_of_another_clinic_is_refused(world):
    with pytest.raises(ValidationFailed) as raised:
        _import_all(world.a, [_row(world.a, _past(), practitioner=world.b.user(Role.DOCTOR))])

    assert "practitioner" in raised.value.errors
