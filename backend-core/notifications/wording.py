"""A clinic's own wording of the messages it sends to patients.

* :func:`message_template_set` saves a clinic's text of one message for one channel and
  language (validated, audited); :func:`message_template_reset` goes back to ours;
* :func:`message_template_preview` renders a text with sample values, and counts the SMS
  it costs;
* :func:`wording_for` is what delivery asks for the text to send.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from babel.numbers import format_currency
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.services import audit_changes, audit_event_record
from core.dates import babel_locale, local_date, message_datetime_format
from core.exceptions import ValidationFailed
from core.masking import format_phone
from notifications.models import MessageTemplate
from notifications.templates import (
    CUSTOMIZABLE,
    TEMPLATES,
    Text,
    normalize_language,
    placeholders,
    render,
    wording_errors,
)

if TYPE_CHECKING:
    from accounts.models import Clinic, User

OBJECT_TYPE = "notifications.MessageTemplate"

# GSM 03.38 basic character set and its extension table (each extension character takes
# two septets). A text of only these goes as 7-bit SMS: 160 characters in one message,
# 153 per part when split; any other character makes the whole text UCS-2: 70 and 67.
_GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM_EXTENSION = set("^{}\\[~]|€\f")


@dataclass(frozen=True)
class SmsCount:
    """``units``: characters as the network counts them (septets in GSM-7, UTF-16 code
    units in UCS-2); ``segments``: messages the text is billed as."""

    encoding: str  # "gsm7" | "ucs2"
    units: int
    segments: int


def sms_count(text: str) -> SmsCount:
    """How many SMS ``text`` is sent as (3GPP TS 23.038 alphabets, TS 23.040
    concatenation: a 6-octet header per part leaves 153 septets or 67 UCS-2 characters)."""
    if all(c in _GSM_BASIC or c in _GSM_EXTENSION for c in text):
        units = sum(2 if c in _GSM_EXTENSION else 1 for c in text)
        single, part, encoding = 160, 153, "gsm7"
    else:
        units = len(text.encode("utf-16-le")) // 2
        single, part, encoding = 70, 67, "ucs2"
    segments = 0 if units == 0 else 1 if units <= single else -(-units // part)
    return SmsCount(encoding=encoding, units=units, segments=segments)


def _check(*, key: str, channel: str, language: str) -> str:
    """The normalized language, after checking the key, channel and language exist."""
    errors: dict[str, list[str]] = {}
    language = normalize_language(language)
    if key not in CUSTOMIZABLE:
        errors["key"] = [_("This message cannot be worded by a clinic.")]
    else:
        if channel not in CUSTOMIZABLE[key].channels:
            errors["channel"] = [
                _("This message goes by {channels} only.").format(
                    channels=", ".join(CUSTOMIZABLE[key].channels)
                )
            ]
        if language not in TEMPLATES[key]:
            errors["language"] = [
                _("Choose one of {languages}.").format(languages=", ".join(sorted(TEMPLATES[key])))
            ]
    if errors:
        raise ValidationFailed(errors=errors)
    return language


def _validate(*, key: str, channel: str, subject: str, body: str) -> None:
    errors = wording_errors(key, subject=subject, body=body)
    if not body.strip():
        errors["body"] = [_("Write the text of the message.")]
    if channel == "email" and not subject.strip():
        errors["subject"] = [_("An e-mail needs a subject.")]
    if errors:
        raise ValidationFailed(errors=errors)


def message_template_set(
    *, clinic: Clinic, actor: User, key: str, channel: str, language: str, subject: str, body: str
) -> MessageTemplate:
    """Save ``clinic``'s wording of message ``key`` by ``channel`` in ``language`` (created
    or replaced) and return it; sent from then on instead of ours. Leading and trailing
    blanks are trimmed; the subject is kept for e-mail only. Audited as
    ``message_template.updated`` with the old and new texts.

    Raises ``ValidationFailed`` naming ``key``, ``channel``, ``language`` (not a message
    a clinic words, a channel it does not go by, a language we have no text in),
    ``subject`` or ``body`` (empty, braces that do not pair, an unknown placeholder, a
    required one missing — ``notifications.templates.wording_errors``)."""
    language = _check(key=key, channel=channel, language=language)
    subject = subject.strip() if channel == "email" else ""
    body = body.strip()
    _validate(key=key, channel=channel, subject=subject, body=body)
    with transaction.atomic():
        row = (
            MessageTemplate.objects.select_for_update()
            .filter(key=key, channel=channel, language=language)
            .first()
        )
        before = {"subject": row.subject, "body": row.body} if row else {}
        if row is None:
            row = MessageTemplate(clinic=clinic, key=key, channel=channel, language=language)
        row.subject, row.body = subject, body
        row.save()
        audit_event_record(
            clinic=clinic,
            actor=actor,
            action="message_template.updated",
            object_type=OBJECT_TYPE,
            object_id=row.pk,
            changes={
                "message": [None, f"{key} {channel} {language}"],
                **audit_changes(before=before, after={"subject": subject, "body": body}),
            },
        )
    return row


def message_template_reset(*, clinic: Clinic, actor: User, template: MessageTemplate) -> None:
    """Delete ``clinic``'s wording ``template``: the standard text is sent again.
    Audited as ``message_template.reset`` with the text removed."""
    with transaction.atomic():
        audit_event_record(
            clinic=clinic,
            actor=actor,
            action="message_template.reset",
            object_type=OBJECT_TYPE,
            object_id=template.pk,
            changes={
                "message": [f"{template.key} {template.channel} {template.language}", None],
                "body": [template.body, None],
            },
        )
        template.delete()


def wording_for(key: str, channel: str) -> Callable[[str], Text | None]:
    """For ``render``: the current clinic's own text of ``key`` by ``channel`` in a
    language, or ``None`` (ours is sent). One query, made when a language is asked for."""

    def lookup(language: str) -> Text | None:
        if key not in CUSTOMIZABLE:
            return None
        row = MessageTemplate.objects.filter(key=key, channel=channel, language=language).first()
        return Text(subject=row.subject, body=row.body) if row else None

    return lookup


def _sample_payload(clinic: Clinic, language: str) -> dict[str, Any]:
    """Plausible values for every placeholder, in ``language`` and the clinic's currency."""
    locale = babel_locale(language)
    zone = clinic.time_zone
    tomorrow = local_date(timezone.now(), zone=zone) + dt.timedelta(days=1)
    starts = dt.datetime.combine(tomorrow, dt.time(10, 30), tzinfo=ZoneInfo(zone))

    def money(amount: str) -> str:
        return format_currency(Decimal(amount), clinic.currency, locale=locale)

    with translation.override(language):
        return {
            "patient_name": "Ana Lima",
            "clinic_name": clinic.name,
            "clinic": clinic.name,
            "service_name": _("Botulinum toxin, forehead"),
            "starts_at_local": message_datetime_format(starts, zone=zone, language=language),
            "clinic_phone": format_phone(clinic.phone, region=clinic.country) if clinic.phone else "",
            "invoice_number": "INV-2026-000123",
            "amount": money("1500"),
            "total": money("2500"),
            "balance_due": money("1000"),
            "payments": f"{_('Cash')} {money('1000')}, {_('Card')} {money('500')}",
            "url": "https://clinic.example/i/Xy7Qp2",
            "hours": 72,
        }


@dataclass(frozen=True)
class Preview:
    subject: str
    body: str
    sms: SmsCount


def message_template_preview(
    *, clinic: Clinic, key: str, channel: str, language: str, subject: str, body: str
) -> Preview:
    """``subject`` and ``body`` (ours when both are empty) rendered with sample values in
    ``language`` and ``clinic``'s currency, time zone and phone, and the SMS the body
    costs. Writes nothing. Raises ``ValidationFailed`` as :func:`message_template_set`."""
    language = _check(key=key, channel=channel, language=language)
    if subject or body:
        _validate(key=key, channel=channel, subject=subject, body=body)
        text: Text | None = Text(subject=subject, body=body)
    else:
        text = None
    payload = {
        name: value for name, value in _sample_payload(clinic, language).items() if name in placeholders(key)
    }
    rendered = render(key, languages=[language], payload=payload, wording=lambda _language: text)
    return Preview(subject=rendered.subject, body=rendered.body, sms=sms_count(rendered.body))
