"""Background work of the accounts context."""

from __future__ import annotations

from celery import shared_task
from django.utils.translation import override

from accounts.models import Invite
from accounts.services import invite_accept_url, invite_mark_sent
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
