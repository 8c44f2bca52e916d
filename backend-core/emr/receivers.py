"""Subscriptions of the clinical record to other contexts' integration events, and the
bridge of scheduling and commerce (an appointment's deposit follows its end)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import Clinic, User
from commerce.services import deposit_release
from core.tenancy import clinic_context
from emr.services import visit_open
from scheduling.models import Appointment
from scheduling.signals import appointment_status_changed

OPENS_VISIT = frozenset({Appointment.Status.ARRIVED, Appointment.Status.IN_PROGRESS})


@receiver(appointment_status_changed, dispatch_uid="emr.visit_open_on_arrival")
def visit_open_on_arrival(
    sender: Any, *, appointment_id: Any, clinic_id: Any, status: str, actor_id: Any = None, **kwargs: Any
) -> None:
    """A patient who arrives (or whose appointment starts) gets a visit opened; opening
    twice returns the same visit."""
    if status not in OPENS_VISIT:
        return
    clinic = Clinic.objects.get(pk=clinic_id)
    with clinic_context(clinic):
        appointment = Appointment.objects.select_related("patient").get(pk=appointment_id)
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        visit_open(clinic=clinic, actor=actor, appointment=appointment)


ENDS_WITHOUT_VISIT = frozenset({Appointment.Status.CANCELLED, Appointment.Status.NO_SHOW})


@receiver(appointment_status_changed, dispatch_uid="emr.deposit_release_on_cancel")
def deposit_release_on_cancel(
    sender: Any, *, appointment_id: Any, clinic_id: Any, status: str, actor_id: Any = None, **kwargs: Any
) -> None:
    """An appointment cancelled or missed settles its deposit
    (``commerce.services.deposit_release``): cancelled in time it is refunded; a no-show
    or a cancellation within the clinic's late-cancellation window (as scheduling
    recorded it) follows the clinic's no-show rule. Settling twice changes nothing."""
    if status not in ENDS_WITHOUT_VISIT:
        return
    clinic = Clinic.objects.get(pk=clinic_id)
    with clinic_context(clinic):
        appointment = Appointment.objects.get(pk=appointment_id)
        actor = User.objects.filter(pk=actor_id).first() if actor_id else None
        late = status == Appointment.Status.NO_SHOW or appointment.late_cancellation
        deposit_release(appointment_id=appointment.pk, late=late, actor=actor)
