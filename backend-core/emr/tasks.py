"""Celery entry points of the clinical record."""

from __future__ import annotations

from celery import shared_task

from core.objectstore import ObjectStoreError
from core.tasks import ClinicTask


@shared_task(
    base=ClinicTask,
    bind=True,
    autoretry_for=(ObjectStoreError, OSError),
    retry_backoff=30,
    retry_jitter=True,
    max_retries=5,
)
def photo_process(self: ClinicTask, *, clinic_id: str, photo_id: str) -> str:
    """Verify and prepare one confirmed photo of clinic ``clinic_id``
    (``emr.services.photo_process``) and return its status. Storage failures are
    retried; the body is idempotent."""
    from emr import services  # services enqueue this task: imported here, not at the top

    return str(services.photo_process(photo_id=photo_id).status)


@shared_task(acks_late=True)
def requeue_stale_photos() -> int:
    """Every minute (beat): send again the processing of photos whose message was lost
    (``emr.services.photos_requeue_stale``)."""
    from emr import services

    return services.photos_requeue_stale()


@shared_task(acks_late=True, ignore_result=True)
def deposits_release_sweep_task() -> list[int]:
    """Every five minutes (beat): deposits of cancelled or missed appointments that are
    still held are settled (``emr.services.deposits_release_sweep``); returns
    ``[settled, failed]``."""
    from emr import services

    return list(services.deposits_release_sweep())
