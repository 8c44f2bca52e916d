"""The sweep that settles deposits whose appointment ended without a visit but whose
release did not happen (``emr.receivers.deposit_release_on_cancel`` runs after the
appointment's commit; a failure there, or a process that died, leaves the deposit held)."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import DatabaseError
from django.utils import timezone

from audit.services import audit_event_record
from commerce.models import Deposit
from commerce.services import deposit_release
from core.exceptions import ApplicationError
from core.tenancy import clinic_context
from scheduling.models import Appointment

logger = logging.getLogger(__name__)

# An ended appointment's deposit still held after this long was missed by the receiver
# (which runs right after the appointment's change commits).
RELEASE_RETRY_AFTER = dt.timedelta(minutes=5)
# At most this many deposits per run: a backlog is worked off over several runs.
RELEASE_BATCH = 100


def deposits_release_sweep(*, now: dt.datetime | None = None) -> tuple[int, int]:
    """Beat job across clinics (idempotent, bounded): settle the open deposits of
    appointments cancelled or missed more than ``RELEASE_RETRY_AFTER`` ago, oldest
    first, at most ``RELEASE_BATCH`` per run, each as the receiver would have
    (``commerce.services.deposit_release``: refunded, or per the clinic's no-show rule
    for a no-show or a late cancellation), in its own transaction under its clinic's
    context. A deposit settled meanwhile is left as it is. A release that fails again
    is logged and audited as ``deposit.release_failed`` (the error's kind, no data) and
    tried on the next run. Returns ``(settled, failed)``."""
    before = (now or timezone.now()) - RELEASE_RETRY_AFTER
    ended = Appointment.unscoped.filter(
        status__in=[Appointment.Status.CANCELLED, Appointment.Status.NO_SHOW], updated_at__lt=before
    )
    held = (
        Deposit.unscoped.filter(status=Deposit.Status.OPEN, appointment_id__in=ended.values("pk"))
        .select_related("clinic")
        .order_by("created_at", "pk")[:RELEASE_BATCH]
    )
    settled = failed = 0
    for deposit in held:
        with clinic_context(deposit.clinic):
            appointment = Appointment.objects.get(pk=deposit.appointment_id)
            late = appointment.status == Appointment.Status.NO_SHOW or appointment.late_cancellation
            try:
                deposit_release(appointment_id=appointment.pk, late=late, actor=None)
            except (ApplicationError, DatabaseError) as exc:
                failed += 1
                logger.warning("deposit %s release failed again: %s", deposit.pk, type(exc).__name__)
                audit_event_record(
                    clinic=deposit.clinic,
                    actor=None,
                    action="deposit.release_failed",
                    object_type="commerce.Deposit",
                    object_id=deposit.pk,
                    changes={"error": [None, type(exc).__name__]},
                )
                continue
            settled += 1
    return settled, failed
