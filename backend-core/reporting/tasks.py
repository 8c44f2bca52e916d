"""Celery entry points of the reporting context (thin: they call the services)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from celery import shared_task

from accounts.models import Clinic
from core.tasks import ClinicTask
from core.tenancy import clinic_context
from reporting import services
from reporting.services import daily_figures_backfill, daily_figures_refresh, report_run_fail
from scheduling.selectors import REBOOKING_WINDOW_DAYS

# Days before the clinic's today that beat refreshes each time: late postings (a refund,
# a commission computed after midnight, a deposit settled) land on recent days.
RECENT_DAYS = 3


@shared_task(acks_late=True)
def daily_figures_refresh_recent() -> int:
    """Every few minutes (beat): rebuild the daily figures of every clinic for its local
    today and the ``RECENT_DAYS`` days before. Idempotent. Returns the rows written."""
    written = 0
    for clinic in Clinic.objects.all():
        today = clinic.today()
        written += daily_figures_refresh(
            clinic=clinic, start=today - dt.timedelta(days=RECENT_DAYS), end=today
        )
    return written


class ReportTask(ClinicTask):
    abstract = True

    def on_failure(self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        """The report could not be written: the screen shows ``failed`` with the error
        instead of a bar that never moves."""
        clinic = Clinic.objects.get(pk=kwargs["clinic_id"])
        with clinic_context(clinic):
            report_run_fail(run_id=kwargs["run_id"], error=f"{type(exc).__name__}: {exc}")


@shared_task(base=ReportTask, bind=True)
def report_run_generate(self: ClinicTask, *, clinic_id: str, run_id: str) -> str:
    """Write report run ``run_id`` of clinic ``clinic_id`` (``services.report_run_generate``).
    Idempotent: a run no longer queued is left as it is. Returns the run's status."""
    return services.report_run_generate(run_id=run_id).status


@shared_task(acks_late=True)
def report_runs_requeue_stale() -> int:
    """Every minute (beat): send again the report runs whose message or worker was lost."""
    return services.report_runs_requeue_stale()


@shared_task(acks_late=True)
def daily_figures_refresh_followups() -> int:
    """Nightly (beat): rebuild every clinic's figures of the ``REBOOKING_WINDOW_DAYS``
    days before today, whose rebooking counts (``completed_followups``) change as
    patients book their next visit. Idempotent. Returns the rows written."""
    written = 0
    for clinic in Clinic.objects.all():
        today = clinic.today()
        written += daily_figures_backfill(
            clinic=clinic, start=today - dt.timedelta(days=REBOOKING_WINDOW_DAYS), end=today
        )
    return written
