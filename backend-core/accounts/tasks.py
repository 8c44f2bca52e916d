"""Background work of the accounts context."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone
from django.utils.translation import override

from accounts.models import Invite, PasswordResetCode, User
from accounts.services import invite_accept_url, invite_mark_sent, password_reset_code_hash
from core.tasks import ClinicTask
from notifications.adapters import TransientDeliveryError
from notifications.services import message_send
from notifications.templates import render


@shared_task(
    base=ClinicTask,
    bind=True,
    autoretry_for=(OSError, TransientDeliveryError),
    retry_backoff=True,
    max_retries=5,
)
def invite_deliver(self: ClinicTask, *, clinic_id: str, invite_id: str, token: str) -> None:
    """Send the invite link by SMS in the clinic's language (template ``invite.sent``).
    Idempotent: an invite already sent, accepted or revoked is not sent again.

    Sent with ``message_send``, not as a stored ``Notification``: the link carries the
    one-time token, of which only the hash is stored."""
    invite = Invite.objects.select_related("clinic").filter(pk=invite_id).first()
    if invite is None or invite.sent_at is not None or invite.status != Invite.Status.PENDING:
        return
    with override(invite.clinic.locale):
        role = str(invite.get_role_display())
    text = render(
        "invite.sent",
        languages=[invite.clinic.locale],
        payload={"clinic": invite.clinic.name, "role": role, "url": invite_accept_url(token)},
    )
    message_send(
        channel="sms",
        to=invite.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"invite:{invite.pk}",
    )
    invite_mark_sent(invite=invite)


@shared_task(
    autoretry_for=(OSError, TransientDeliveryError),
    retry_backoff=True,
    retry_backoff_max=ClinicTask.retry_backoff_max,  # shorter than the visibility timeout
    max_retries=3,
)
def password_reset_code_deliver(*, user_id: str, code: str, minutes: int) -> None:
    """Send a password reset code by SMS to the phone on file, in the user's language
    (template ``password_reset.code``). Sent with ``message_send``, not stored as a
    ``Notification``: only the code's hash is kept. A code that expired or was replaced
    while queued is not sent."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return
    live = PasswordResetCode.objects.filter(
        user=user,
        code_hash=password_reset_code_hash(user, code),
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if not live.exists():
        return
    text = render(
        "password_reset.code", languages=[user.preferred_language], payload={"code": code, "minutes": minutes}
    )
    message_send(
        channel="sms",
        to=user.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"password-reset:{user.pk}:{code}",
    )
