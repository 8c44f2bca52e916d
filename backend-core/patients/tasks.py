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
def identity_link_code_deliver(
    self: ClinicTask, *, clinic_id: str, link_request_id: str, profile_id: str, code: str
) -> None:
    """Send an identity-link code by SMS to the phone on file of ``profile_id`` (a
    profile of another organization), in that person's language (template
    ``patient.identity_link_code``). Nothing is sent once the request has ended.

    Sent with ``message_send``, not as a stored ``Notification``: the code is a secret
    of which only a keyed hash is stored, and the message must not appear in the
    requesting clinic's notification list (it would show another organization's phone)."""
    link_request = IdentityLinkRequest.objects.filter(pk=link_request_id).first()
    if (
        link_request is None
        or link_request.confirmed_at is not None
        or link_request.expires_at <= timezone.now()
    ):
        return
    # The one read of another organization's profile: its phone and language, to reach
    # the person; nothing is written back to the requesting clinic.
    profile = PatientProfile.objects.filter(pk=profile_id).exclude(phone="").first()
    if profile is None:
        return
    text = render(
        "patient.identity_link_code",
        languages=[profile.preferred_language],
        payload={
            "code": code,
            "minutes": max(1, int((link_request.expires_at - timezone.now()).total_seconds() // 60)),
        },
    )
    message_send(
        channel="sms",
        to=profile.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"identity-link:{link_request.pk}:{profile.pk}",
    )
