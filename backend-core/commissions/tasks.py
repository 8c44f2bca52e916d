"""Celery entry points of the commissions context (thin: they call the services)."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import InterfaceError, OperationalError

from accounts.models import Clinic
from commerce.models import Sale
from commissions.services import (
    commission_periods_settle_due,
    commission_run_fail,
    commission_runs_requeue_stale,
    sale_commission_reversals_write,
    sale_commissions_calculate,
)
from core.tasks import ClinicTask
from core.tenancy import clinic_context


class CommissionTask(ClinicTask):
    """Lost database connections, deadlocks and serialization failures are worth another
    try: up to 8 retries with exponential backoff (2 s doubling, at most
    ``ClinicTask.retry_backoff_max``, jittered)."""

    abstract = True
    autoretry_for = (OperationalError, InterfaceError)
    retry_backoff = 2
    retry_jitter = True
    max_retries = 8


class CalculationTask(CommissionTask):
    abstract = True

    def on_failure(self, exc: Exception, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        """The task gave up (a non-transient error, or retries exhausted): the POS sees
        ``failed`` instead of waiting forever."""
        clinic = Clinic.objects.get(pk=kwargs["clinic_id"])
        with clinic_context(clinic):
            commission_run_fail(sale_id=kwargs["sale_id"], error=f"{type(exc).__name__}: {exc}")


@shared_task(base=CalculationTask, bind=True)
def calculate_commission(self: ClinicTask, *, clinic_id: str, sale_id: str) -> str:
    """Compute the commission logs of sale ``sale_id`` of clinic ``clinic_id`` (enqueued
    after the checkout commits, and again by ``commission_runs_requeue_stale`` if that
    message was lost). Idempotent; acknowledged late, so a worker that dies mid-task
    leaves the message to be redelivered; transient database errors are retried with
    exponential backoff. Returns the run status."""
    sale = Sale.objects.select_related("clinic").get(pk=sale_id)
    return sale_commissions_calculate(sale=sale).status


@shared_task(base=CommissionTask, bind=True)
def reverse_commission(self: ClinicTask, *, clinic_id: str, sale_id: str) -> int:
    """Write the reversal logs of the refunds / void of sale ``sale_id``. Idempotent.
    Returns the number of new logs."""
    sale = Sale.objects.select_related("clinic").get(pk=sale_id)
    return len(sale_commission_reversals_write(sale=sale))


@shared_task(acks_late=True)
def requeue_stale_commission_runs() -> int:
    """Every minute (beat): send again the commission calculations and reversals whose
    message was lost (``commissions.services.commission_runs_requeue_stale``)."""
    return commission_runs_requeue_stale()


@shared_task(acks_late=True)
def settle_commission_periods() -> int:
    """Daily (beat): close the ended commission periods of every clinic (adjustment logs
    so period totals match the final tier). Returns the adjustments written."""
    written = 0
    for clinic in Clinic.objects.all():
        with clinic_context(clinic):
            written += commission_periods_settle_due(clinic=clinic)
    return written
