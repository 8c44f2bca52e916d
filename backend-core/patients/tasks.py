"""Background work of the patients context."""

from __future__ import annotations

from celery import shared_task

from core.tasks import ClinicTask
from notifications.adapters import TransientDeliveryError
from patients.models import IdentityLinkRequest
from patients.services import identity_link_codes_send


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
    """Send the identity-link codes of request ``link_request_id``
    (``patients.services.identity_link_codes_send``; ``codes``: ``{profile id: code}``).
    Retried on transient delivery errors."""
    link_request = IdentityLinkRequest.objects.filter(pk=link_request_id).first()
    if link_request is not None:
        identity_link_codes_send(link_request=link_request, codes=codes)
