"""The beat sweep that settles deposits left held after their appointment ended without
a visit (the release after the appointment's change failed or was lost)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import timezone

from audit.models import AuditEvent
from catalog.models import Service
from commerce.models import Deposit
from commerce.services import deposit_take
from core.exceptions import Conflict
from core.roles import Role
from core.tenancy import clinic_context
from emr import tasks
from emr.services import deposits as sweep
from emr.services import deposits_release_sweep
from scheduling.models import Appointment


@pytest.fixture
def held(world):
    """Clinic A: a 70.00 cash deposit for the toxin appointment, which was then
    cancelled in time without the release happening."""
    a = world.a
    Service.unscoped.filter(pk=a.service.pk).update(deposit_kind="fixed", deposit_value=Decimal(70))
    a.service.refresh_from_db()
    with clinic_context(a.clinic):
        deposit = deposit_take(
            appointment_id=a.appointment.pk,
            patient=a.patient,
            service=a.service,
            actor=a.user(Role.RECEPTIONIST),
            method="cash",
            idempotency_key="sweep-1",
        )
    Appointment.unscoped.filter(pk=a.appointment.pk).update(status=Appointment.Status.CANCELLED)
    return a, deposit


def _ended_ago(appointment, minutes):
    Appointment.unscoped.filter(pk=appointment.pk).update(
        updated_at=timezone.now() - dt.timedelta(minutes=minutes)
    )


def test_a_deposit_held_after_its_appointment_was_cancelled_is_refunded_once(held):
    a, deposit = held
    _ended_ago(a.appointment, 1)  # the receiver may still be at work: left alone
    assert deposits_release_sweep() == (0, 0)
    _ended_ago(a.appointment, 10)
    assert deposits_release_sweep() == (1, 0)
    deposit.refresh_from_db()
    assert deposit.status == Deposit.Status.REFUNDED
    assert AuditEvent.unscoped.filter(action="deposit.refunded", object_id=str(deposit.pk)).count() == 1
    assert deposits_release_sweep() == (0, 0)  # nothing left to settle


def test_a_missed_appointment_follows_the_no_show_rule(held):
    a, deposit = held
    Appointment.unscoped.filter(pk=a.appointment.pk).update(status=Appointment.Status.NO_SHOW)
    _ended_ago(a.appointment, 10)
    assert tasks.deposits_release_sweep_task() == [1, 0]
    deposit.refresh_from_db()
    assert deposit.status == Deposit.Status.FORFEITED


def test_a_release_that_fails_again_is_audited_and_tried_next_time(held, monkeypatch):
    a, deposit = held
    _ended_ago(a.appointment, 10)

    def refused(**kwargs):
        raise Conflict("the payment adapter refused")

    monkeypatch.setattr(sweep, "deposit_release", refused)
    assert deposits_release_sweep() == (0, 1)
    deposit.refresh_from_db()
    assert deposit.status == Deposit.Status.OPEN
    [event] = AuditEvent.unscoped.filter(action="deposit.release_failed", object_id=str(deposit.pk))
    assert event.changes == {"error": [None, "Conflict"]}
    monkeypatch.undo()
    assert deposits_release_sweep() == (1, 0)


def test_a_run_is_bounded(held, monkeypatch):
    monkeypatch.setattr(sweep, "RELEASE_BATCH", 0)
    _ended_ago(held[0].appointment, 10)
    assert deposits_release_sweep() == (0, 0)


def test_the_sweep_is_in_the_beat_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["emr-deposits-release-sweep"]
    assert entry["task"] == "emr.tasks.deposits_release_sweep_task" == tasks.deposits_release_sweep_task.name
