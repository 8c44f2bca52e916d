"""Background work of the accounts context."""

from __future__ import annotations

from celery import shared_task

from accounts.models import Invite, User
from accounts.services import invite_send, password_reset_code_send
from core.tasks import ClinicTask
from notifications.adapters import TransientDeliveryError


@shared_task(
    base=ClinicTask,
    bind=True,
    autoretry_for=(OSError, TransientDeliveryError),
    retry_backoff=True,
    max_retries=5,
)
def invite_deliver(self: ClinicTask, *, clinic_id: str, invite_id: str, token: str) -> None:
    """Send the invite link by SMS (``accounts.services.invite_send``); an invite that
    no longer exists is not sent. Retried on transient delivery errors."""
    invite = Invite.objects.select_related("clinic").filter(pk=invite_id).first()
    if invite is not None:
        invite_send(invite=invite, token=token)


@shared_task(
    autoretry_for=(OSError, TransientDeliveryError),
    retry_backoff=True,
    retry_backoff_max=ClinicTask.retry_backoff_max,  # shorter than the visibility timeout
    max_retries=3,
)
def password_reset_code_deliver(*, user_id: str, code: str, minutes: int) -> None:
    """Send a password reset code by SMS (``accounts.services.password_reset_code_send``)
    to an active user. Retried on transient delivery errors."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is not None:
        password_reset_code_send(user=user, code=code, minutes=minutes)
