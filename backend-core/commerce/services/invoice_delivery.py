"""Sending an invoice to its patient, and the link that opens its PDF without signing in.

* :func:`invoice_send`: by e-mail with the PDF attached (template ``invoice.document``),
  or by SMS / WhatsApp with a link to the PDF (template ``invoice.link``), through the
  notifications module after commit; idempotent by key; audited as ``invoice.sent``.
* :func:`invoice_link_url` / :func:`invoice_by_link_token`: the link is
  ``/api/v1/commerce/invoice-links/<token>``, the token the invoice id (base64url) signed
  with the server's secret and the time it was made (``TimestampSigner``): unguessable,
  no personal data, valid ``INVOICE_LINK_MAX_AGE_HOURS``; a voided invoice's link opens
  nothing.
* :func:`invoice_document_attachments`: the PDF the e-mail carries, built at send time.
"""

from __future__ import annotations

import base64
import binascii
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from commerce.models import INVOICE_SUBJECT, Invoice
from commerce.pricing import money_format
from commerce.services.shared import InvoiceStatus
from core.exceptions import Conflict, NotFound, ValidationFailed
from core.masking import format_phone, mask_email, mask_phone
from notifications.adapters import Attachment, PermanentDeliveryError
from notifications.models import Notification
from notifications.selectors import notification_by_dedupe_key
from notifications.services import notification_schedule

if TYPE_CHECKING:
    from accounts.models import User
    from patients.models import PatientProfile

INVOICE_TEMPLATES = {"email": "invoice.document", "sms": "invoice.link", "whatsapp": "invoice.link"}
CHANNELS = tuple(INVOICE_TEMPLATES)
_LINK_SALT = "commerce.invoice-link"
_NOT_SENDABLE = (InvoiceStatus.DRAFT, InvoiceStatus.VOID)


@dataclass(frozen=True)
class InvoiceDestinations:
    """Where an invoice can go, masked for display (``""``: no address for that channel),
    and the channel the patient prefers among ``CHANNELS``."""

    email: str
    sms: str
    whatsapp: str
    preferred: str


def _profile(invoice: Invoice) -> PatientProfile | None:
    return invoice.patient.profile if invoice.patient is not None else None


def _preferred(profile: PatientProfile | None) -> str:
    """The patient's preferred channel when an invoice can go by it, else SMS."""
    preferred = profile.preferred_channel if profile is not None else ""
    return preferred if preferred in CHANNELS else "sms"


def _address(profile: PatientProfile | None, channel: str) -> str:
    if profile is None:
        return ""
    return profile.email if channel == "email" else profile.phone


def destination_mask(address: str, channel: str, region: str) -> str:
    """``address`` as the *Send* dialog and its answer show it: ``p***@example.com`` for
    e-mail, ``081-XXX-0101`` for a phone (formatted for the clinic's ``region``)."""
    if not address:
        return ""
    return mask_email(address) if channel == "email" else mask_phone(format_phone(address, region=region))


def invoice_destinations(invoice: Invoice) -> InvoiceDestinations:
    """The masked destination per channel of ``invoice`` (its patient's e-mail, phone)
    and the default channel: what the *Send* dialog shows. Reads the patient profile
    (join it: ``select_related("patient__profile")``)."""
    profile = _profile(invoice)
    region = invoice.clinic.country

    def masked(channel: str) -> str:
        return destination_mask(_address(profile, channel), channel, region)

    return InvoiceDestinations(
        email=masked("email"), sms=masked("sms"), whatsapp=masked("whatsapp"), preferred=_preferred(profile)
    )


def invoice_link_token(invoice: Invoice) -> str:
    """A signed, timestamped token naming ``invoice`` (about 75 URL-safe characters)."""
    raw = base64.urlsafe_b64encode(invoice.pk.bytes).rstrip(b"=").decode()
    return signing.TimestampSigner(salt=_LINK_SALT).sign(raw)


def invoice_link_url(invoice: Invoice) -> str:
    """The absolute link (``PUBLIC_BASE_URL``) that opens ``invoice``'s PDF for
    ``INVOICE_LINK_MAX_AGE_HOURS`` without signing in."""
    path = reverse("invoice-link", kwargs={"token": invoice_link_token(invoice)})
    return f"{settings.PUBLIC_BASE_URL.rstrip('/')}{path}"


def invoice_by_link_token(token: str) -> Invoice:
    """The invoice a link's ``token`` names, any clinic (the signature is the
    authority), with its clinic joined. Raises ``NotFound`` (one answer for all, no
    oracle) when the token is malformed, forged or older than
    ``INVOICE_LINK_MAX_AGE_HOURS``, or the invoice is gone, a draft or void."""
    gone = NotFound(_("This link has expired or does not exist."), code="invoice_link_invalid")
    try:
        raw = signing.TimestampSigner(salt=_LINK_SALT).unsign(
            token, max_age=settings.INVOICE_LINK_MAX_AGE_HOURS * 3600
        )
        invoice_id = uuid.UUID(bytes=base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
    except (signing.BadSignature, binascii.Error, ValueError):
        raise gone from None
    invoice = Invoice.unscoped.select_related("clinic").filter(pk=invoice_id).first()
    if invoice is None or invoice.status in _NOT_SENDABLE:
        raise gone
    return invoice


@transaction.atomic
def invoice_send(
    *, invoice: Invoice, actor: User, channel: str | None, idempotency_key: str
) -> tuple[Notification, bool]:
    """Send ``invoice`` to its patient over ``channel`` (``email``, ``sms`` or
    ``whatsapp``; ``None``: the patient's preferred one, SMS when that is none of these),
    in the patient's language (else the clinic's): by e-mail with the PDF attached, by
    SMS/WhatsApp with a link to it (:func:`invoice_link_url`). The notification is
    recorded now and delivered after commit; the event ``invoice.sent`` (channel and
    notification, no address) is audited. Returns ``(notification, created)``.

    Idempotent: the same ``idempotency_key`` (at most 100 characters) for the same
    invoice answers the first notification (``created`` False) and sends nothing more;
    the invoice row is locked, so a double click sends once.

    Raises ``ValidationFailed``: ``idempotency_key`` missing or too long, ``channel``
    unknown or the patient has no address for it. ``Conflict``: the invoice is a draft
    or void (``invoice_not_sendable``), or the key was used for another channel
    (``idempotency_key_reused``)."""
    if not idempotency_key or len(idempotency_key) > 100:
        raise ValidationFailed(
            errors={"idempotency_key": [_("Send an idempotency key (at most 100 characters).")]}
        )
    locked = (
        Invoice.objects.select_for_update(of=("self",))
        .select_related("clinic", "patient__profile")
        .get(pk=invoice.pk)
    )
    profile = _profile(locked)
    wanted = channel or _preferred(profile)
    if wanted not in CHANNELS:
        raise ValidationFailed(errors={"channel": [_("Choose e-mail, SMS or WhatsApp.")]})
    dedupe_key = f"invoice:{locked.pk}:send:{idempotency_key}"
    existing = notification_by_dedupe_key(dedupe_key=dedupe_key)
    if existing is not None:
        if existing.channel != wanted:
            raise Conflict(
                _("This idempotency key was used for another request."), code="idempotency_key_reused"
            )
        return existing, False
    if locked.status in _NOT_SENDABLE:
        raise Conflict(_("Only an issued invoice can be sent."), code="invoice_not_sendable")
    recipient = _address(profile, wanted)
    if not recipient:
        message = (
            _("The patient has no e-mail address.")
            if wanted == "email"
            else _("The patient has no phone number.")
        )
        raise ValidationFailed(errors={"channel": [message]})
    clinic = locked.clinic
    language = (profile.preferred_language if profile else "") or clinic.locale
    payload = {
        "clinic_name": clinic.name,
        "invoice_number": locked.number,
        "total": money_format(locked.total, locked.currency, language),
        "balance_due": money_format(locked.balance_due, locked.currency, language),
    }
    if wanted != "email":
        payload |= {"url": invoice_link_url(locked), "hours": settings.INVOICE_LINK_MAX_AGE_HOURS}
    notification = notification_schedule(
        clinic=clinic,
        channel=wanted,
        recipient=recipient,
        template=INVOICE_TEMPLATES[wanted],
        language=language,
        payload=payload,
        scheduled_for=timezone.now(),
        dedupe_key=dedupe_key,
        subject_type=INVOICE_SUBJECT,
        subject_id=str(locked.pk),
        patient_id=locked.patient_id,
    )
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="invoice.sent",
        object_type=INVOICE_SUBJECT,
        object_id=locked.pk,
        changes={"channel": [None, wanted], "notification": [None, str(notification.pk)]},
    )
    return notification, True


def invoice_document_attachments(notification: Notification) -> list[Attachment]:
    """The PDF of the invoice ``notification`` is about, as it stands when the e-mail
    goes (registered for ``invoice.document``; runs in the notification's clinic).
    Raises ``PermanentDeliveryError`` when the invoice is gone, a draft or void by then:
    a cancelled invoice is not sent."""
    from commerce.documents import invoice_pdf

    invoice = (
        Invoice.objects.select_related("clinic", "patient__profile")
        .filter(pk=notification.subject_id)
        .first()
    )
    if invoice is None or invoice.status in _NOT_SENDABLE:
        raise PermanentDeliveryError("the invoice is no longer open to send")
    return [
        Attachment(
            filename=f"{invoice.number or invoice.pk}.pdf",
            content=invoice_pdf(invoice=invoice),
            mimetype="application/pdf",
        )
    ]
