"""Subscriptions of the clinical record to other contexts' integration events."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import Clinic, User
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
