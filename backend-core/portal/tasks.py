"""Background work of the patient portal."""

from __future__ import annotations

from celery import shared_task

from core.tasks import ClinicTask
from notifications.adapters import TransientDeliveryError
from portal.models import PortalAccount
from portal.services import portal_phone_code_deliver_now, portal_signup_existing_notify_now


@shared_task(
    autoretry_for=(OSError, TransientDeliveryError),
    retry_backoff=True,
    retry_backoff_max=ClinicTask.retry_backoff_max,  # shorter than the visibility timeout
    max_retries=3,
)
def portal_phone_code_deliver(*, account_id: str, code: str, minutes: int, purpose: str = "verify") -> None:
    """Send a portal phone code by SMS (``portal.services.portal_phone_code_deliver_now``).
    Retried on transient delivery errors."""
    account = PortalAccount.objects.filter(pk=account_id).first()
    if account is not None:
        portal_phone_code_deliver_now(account=account, code=code, minutes=minutes, purpose=purpose)


@shared_task(
    autoretry_for=(OSError, TransientDeliveryError),
    retry_backoff=True,
    retry_backoff_max=ClinicTask.retry_backoff_max,
    max_retries=3,
)
def portal_signup_existing_notify(*, account_id: str) -> None:
    """Tell an account's owner that someone tried to sign up with their phone or national
    ID (``portal.services.portal_signup_existing_notify_now``). Retried on transient
    delivery errors."""
    account = PortalAccount.objects.filter(pk=account_id).first()
    if account is not None:
        portal_signup_existing_notify_now(account=account)
