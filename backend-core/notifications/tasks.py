"""Background work of the notifications context: send one notification; queue the due."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings

from core.tasks import ClinicTask
from notifications.adapters import TransientDeliveryError
from notifications.models import Notification
from notifications.services import notification_deliver, notifications_enqueue_due


@shared_task(
    base=ClinicTask,
    bind=True,
    autoretry_for=(TransientDeliveryError,),
    retry_backoff=30,
    retry_jitter=True,
    max_retries=settings.NOTIFICATIONS_MAX_ATTEMPTS - 1,
)
def notification_send(self: ClinicTask, *, clinic_id: str, notification_id: str) -> None:
    """Deliver one notification of clinic ``clinic_id``. Idempotent: one that is not
    scheduled any more (sent, cancelled, failed, being sent) is left alone; transient
    provider errors are retried with exponential backoff."""
    notification = Notification.objects.filter(pk=notification_id).first()
    if notification is not None:
        notification_deliver(notification=notification)


@shared_task(acks_late=True)
def notifications_dispatch_due() -> int:
    """Every minute (beat): queue the due scheduled notifications of every clinic."""
    return notifications_enqueue_due()
