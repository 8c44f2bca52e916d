import datetime as dt

import pytest
from django.utils import timezone

from accounts.tests.factories import MembershipFactory
from audit.models import AuditEvent
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from notifications.models import Notification
from patients.tests.factories import ClinicPatientFactory
from scheduling.models import Appointment
from scheduling.services import AppointmentConflict, appointment_import


def _import(tenant, starts_at, status=Appointment.Status.COMPLETED, patient=None, practitioner=None, **extra):
    with clinic_context(tenant.clinic):
        return appointment_import(
            clinic=tenant.clinic,
            actor=tenant.user(Role.RECEPTIONIST),
            patient=patient or tenant.patient,
            practitioner=practitioner or tenant.user(Role.DOCTOR),
            service=tenant.service,
            starts_at=starts_at,
            status=status,
            **extra,
        )


def _past(days=3):
    return (timezone.now() - dt.timedelta(days=days)).replace(minute=0, second=0, microsecond=0)


def _other_patient(tenant):
    return ClinicPatientFactory(clinic=tenant.clinic, chart_number="HN000077")


def test_import_records_a_past_completed_appointment_without_reminders(world):
    starts = _past()

    appointment = _import(world.a, starts, room=world.a.room)

    assert appointment.status == Appointment.Status.COMPLETED
    assert appointment.ends_at - starts == dt.timedelta(minutes=30)
    assert appointment.booked_by == world.a.user(Role.RECEPTIONIST)
    assert not Notification.unscoped.filter(subject_id=str(appointment.pk)).exists()
    assert AuditEvent.unscoped.filter(object_id=str(appointment.pk), action="appointment.imported").exists()


def test_import_refuses_an_overlap_of_the_practitioner_with_409(world):
    starts = _past()
    _import(world.a, starts)

    with pytest.raises(AppointmentConflict) as raised:
        _import(world.a, starts + dt.timedelta(minutes=15), patient=_other_patient(world.a))

    assert raised.value.status == 409
    assert raised.value.subjects == ["practitioner"]


def test_import_refuses_an_overlap_with_the_practitioner_at_another_clinic(world):
    doctor = world.a.user(Role.DOCTOR)
    MembershipFactory(clinic=world.b.clinic, user=doctor, role=Role.DOCTOR)
    starts = _past()
    _import(world.a, starts)

    with pytest.raises(AppointmentConflict):
        _import(world.b, starts + dt.timedelta(minutes=10), practitioner=doctor)


def test_imported_no_show_and_cancellation_block_nothing(world):
    starts = _past()
    _import(world.a, starts, status=Appointment.Status.NO_SHOW)
    _import(world.a, starts, status=Appointment.Status.CANCELLED, cancel_reason="Patient had the flu")

    completed = _import(world.a, starts)

    assert completed.status == Appointment.Status.COMPLETED


def test_import_refuses_a_cancellation_without_reason(world):
    with pytest.raises(ValidationFailed) as raised:
        _import(world.a, _past(), status=Appointment.Status.CANCELLED, cancel_reason="  ")

    assert "cancel_reason" in raised.value.errors


@pytest.mark.parametrize("status", ["booked", "confirmed", "arrived"])
def test_import_refuses_a_status_that_is_not_final(world, status):
    with pytest.raises(ValidationFailed) as raised:
        _import(world.a, _past(), status=status)

    assert "status" in raised.value.errors


def test_import_refuses_a_completed_appointment_in_the_future(world):
    with pytest.raises(ValidationFailed) as raised:
        _import(world.a, timezone.now() + dt.timedelta(days=2))

    assert "starts_at" in raised.value.errors


def _losing_deadlocks(monkeypatch, times):
    """Make the next ``times`` appointment saves fail as the loser of a deadlock, the way
    PostgreSQL ends one of two concurrent inserts over an exclusion constraint."""
    import psycopg.errors
    from django.db import OperationalError

    from scheduling import services

    real_save = services.model_save
    calls = []

    def save(instance, **kwargs):
        calls.append(instance.pk)
        if len(calls) <= times:
            cause = psycopg.errors.DeadlockDetected("deadlock detected")
            raise OperationalError("deadlock detected") from cause
        real_save(instance, **kwargs)

    monkeypatch.setattr(services, "model_save", save)
    return calls


def test_a_booking_that_loses_a_deadlock_is_saved_on_its_retry(world, monkeypatch):
    calls = _losing_deadlocks(monkeypatch, times=2)

    appointment = _import(world.a, _past())

    assert len(calls) == 3
    assert Appointment.unscoped.filter(pk=appointment.pk).exists()


def test_a_booking_that_keeps_losing_deadlocks_gives_up(world, monkeypatch):
    from django.db import OperationalError

    calls = _losing_deadlocks(monkeypatch, times=10)
    before = Appointment.unscoped.count()

    with pytest.raises(OperationalError):
        _import(world.a, _past())

    assert len(calls) == 4
    assert Appointment.unscoped.count() == before
