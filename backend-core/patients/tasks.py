"""Background work of the patients context."""

from __future__ import annotations

from celery import shared_task
from django.utils import timezone

from core.tasks import ClinicTask
from notifications.adapters import TransientDeliveryError
from notifications.services import message_send
from notifications.templates import render
from patients.models import IdentityLinkRequest, PatientProfile


@shared_task(
    base=ClinicTask,
    bind=True,
    autoretry_for=(OSError, TransientDeliveryError),
    retry_backoff=True,
    max_retries=5,
)
def identity_link_codes_deliver(
    self: ClinicTask, *, clinic_id: str, link_request_id: str, codes: dict[str, str]
) -> None:
    """Send each identity-link code by SMS to the phone on file of its profile
    (``codes``: ``{profile id: code}``, profiles of other organizations), in that
    person's language (template ``patient.identity_link_code``). Nothing is sent once the
    request has ended; a retry sends again under the same idempotency key.

    Sent with ``message_send``, not as stored ``Notification`` rows: the codes are
    secrets of which only keyed hashes are stored, and the messages must not appear in
    the requesting clinic's notification list (they would show other organizations'
    phones)."""
    link_request = IdentityLinkRequest.objects.filter(pk=link_request_id).first()
    now = timezone.now()
    if link_request is None or link_request.confirmed_at is not None or link_request.expires_at <= now:
        return
    minutes = max(1, int((link_request.expires_at - now).total_seconds() // 60))
    # The one read of other organizations' profiles: phone and language, to reach the
    # person; nothing is written back to the requesting clinic.
    for profile in PatientProfile.objects.filter(pk__in=list(codes)).exclude(phone="").order_by("pk"):
        text = render(
            "patient.identity_link_code",
            languages=[profile.preferred_language],
            payload={"code": codes[str(profile.pk)], "minutes": minutes},
        )
        message_send(
            channel="sms",
            to=profile.phone,
            subject=text.subject,
            body=text.body,
            idempotency_key=f"identity-link:{link_request.pk}:{profile.pk}",
        )
