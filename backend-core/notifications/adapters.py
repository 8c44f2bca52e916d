"""Delivery adapters: one per channel, chosen by the settings
``NOTIFICATIONS_SMS_ADAPTER``, ``NOTIFICATIONS_WHATSAPP_ADAPTER`` and
``NOTIFICATIONS_EMAIL_ADAPTER`` (a name below or a dotted path to a class):

* ``file`` (default): appends one JSON line per message to ``NOTIFICATIONS_FILE``
  (``<var>/notifications/outbox.jsonl``), where a developer reads what would have been sent;
* ``console``: writes the message to the process's standard output;
* ``smtp``: e-mail through Django's SMTP backend (``EMAIL_HOST``, ``EMAIL_PORT``, …);
* ``http``: SMS through a generic JSON-over-HTTPS gateway (:class:`HttpSmsAdapter`);
* ``whatsapp_cloud``: the WhatsApp Business Cloud API (:class:`WhatsAppCloudAdapter`).

A message may carry attachments (an invoice's PDF): the e-mail adapters send them as
MIME parts; the file adapter writes each one next to its JSON line
(``<dir of NOTIFICATIONS_FILE>/attachments/<idempotency key>/<filename>``) and records
its name, type and size; the console adapter names them. SMS and WhatsApp carry text
only (a caller links to a document instead).

Every adapter returns the provider's message reference, or raises
:class:`TransientDeliveryError` (timeouts, connection errors, HTTP 5xx and 429, SMTP 4xx:
worth retrying) or :class:`PermanentDeliveryError` (other HTTP 4xx, SMTP 5xx, a malformed
answer: retrying would fail again or risk a duplicate). Every network call has a timeout.
"""

from __future__ import annotations

import http.client
import json
import re
import smtplib
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.utils import make_msgid
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.utils.module_loading import import_string


class DeliveryError(Exception):
    """The provider did not take the message."""


class TransientDeliveryError(DeliveryError):
    """Worth retrying later: timeout, connection error, HTTP 5xx or 429, SMTP 4xx."""


class PermanentDeliveryError(DeliveryError):
    """Retrying would not help: rejected recipient or content, bad credentials, HTTP 4xx."""


@dataclass(frozen=True)
class Attachment:
    filename: str  # as the recipient sees it: "INV-2026-000123.pdf"
    content: bytes
    mimetype: str  # "application/pdf"


@dataclass(frozen=True)
class Message:
    channel: str  # "sms" | "whatsapp" | "email"
    to: str  # E.164 phone or e-mail address
    body: str
    idempotency_key: str
    subject: str = ""  # e-mail only
    attachments: tuple[Attachment, ...] = ()  # e-mail only


def _attachment_file_name(name: str) -> str:
    """``name`` safe as one path segment (no directories, no dot files)."""
    return re.sub(r"[^\w.-]", "_", Path(name).name).lstrip(".") or "attachment"


class Adapter(Protocol):
    def send(self, message: Message) -> str:
        """Deliver ``message``; return the provider's message reference."""


class FileAdapter:
    _lock = threading.Lock()

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or Path(settings.NOTIFICATIONS_FILE)

    def send(self, message: Message) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = {
            **asdict(message),
            "attachments": [self._attachment_write(message, a) for a in message.attachments],
            "sent_at": datetime.now(tz=UTC).isoformat(),
        }
        with self._lock, self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return f"file:{message.idempotency_key}"

    def _attachment_write(self, message: Message, attachment: Attachment) -> dict[str, Any]:
        """Write ``attachment`` under ``attachments/<key>/`` next to the outbox file and
        describe it for the JSON line (``path`` relative to that directory)."""
        folder = self.path.parent / "attachments" / _attachment_file_name(message.idempotency_key)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _attachment_file_name(attachment.filename)
        target.write_bytes(attachment.content)
        return {
            "filename": attachment.filename,
            "mimetype": attachment.mimetype,
            "size": len(attachment.content),
            "path": str(target.relative_to(self.path.parent)),
        }


class ConsoleAdapter:
    def send(self, message: Message) -> str:
        sys.stdout.write(f"[{message.channel} → {message.to}] {message.body}\n")
        for attachment in message.attachments:
            sys.stdout.write(
                f"  + {attachment.filename} ({attachment.mimetype}, {len(attachment.content)} bytes)\n"
            )
        sys.stdout.flush()
        return f"console:{message.idempotency_key}"


class SmtpEmailAdapter:
    """E-mail through Django's SMTP backend with ``EMAIL_HOST``, ``EMAIL_PORT``,
    ``EMAIL_HOST_USER``/``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``/``EMAIL_USE_SSL``,
    ``EMAIL_TIMEOUT`` and ``DEFAULT_FROM_EMAIL``. The reference is the Message-ID we set.
    SMTP reply codes 4xx are transient, 5xx permanent (RFC 5321 §4.2.1)."""

    def send(self, message: Message) -> str:
        message_id = make_msgid(domain=_email_domain())
        email = EmailMessage(
            subject=message.subject,
            body=message.body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[message.to],
            headers={"Message-ID": message_id, "X-Idempotency-Key": message.idempotency_key},
        )
        for attachment in message.attachments:
            email.attach(attachment.filename, attachment.content, attachment.mimetype)
        connection = get_connection(
            "django.core.mail.backends.smtp.EmailBackend", fail_silently=False, timeout=settings.EMAIL_TIMEOUT
        )
        try:
            connection.send_messages([email])
        except smtplib.SMTPRecipientsRefused as exc:
            codes = [code for code, _msg in exc.recipients.values()]
            error = f"recipient refused: {exc.recipients}"
            if codes and all(400 <= code < 500 for code in codes):
                raise TransientDeliveryError(error) from exc
            raise PermanentDeliveryError(error) from exc
        except smtplib.SMTPResponseException as exc:
            error = f"SMTP {exc.smtp_code}: {exc.smtp_error!r}"
            if 400 <= exc.smtp_code < 500:
                raise TransientDeliveryError(error) from exc
            raise PermanentDeliveryError(error) from exc
        except (smtplib.SMTPException, OSError) as exc:  # timeouts, refused connections, drops
            raise TransientDeliveryError(f"SMTP: {exc!r}") from exc
        return message_id.strip("<>")


def _email_domain() -> str:
    address = str(settings.DEFAULT_FROM_EMAIL).rsplit("@", 1)[-1]
    return address.strip(" >") or "localhost"


def _post_json(
    url: str, *, token: str, body: dict[str, Any], extra_headers: dict[str, str]
) -> dict[str, Any]:
    """POST ``body`` as JSON with a bearer token and return the decoded JSON answer.

    Maps failures onto the delivery errors: HTTP 429 and 5xx, timeouts and connection
    errors are transient; other 4xx and an answer that is not a JSON object are permanent.
    Redirects are not followed (a POST must not silently become a GET elsewhere).
    """
    if urlsplit(url).scheme not in ("https", "http"):
        raise PermanentDeliveryError(f"provider URL must be http(s), got {url!r}")
    request = urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        data=json.dumps(body, ensure_ascii=False).encode(),
        method="POST",
        headers={
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            **extra_headers,
        },
    )
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=settings.NOTIFICATIONS_HTTP_TIMEOUT) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read(2000).decode(errors="replace")
        error = f"HTTP {exc.code}: {detail}"
        if exc.code == 429 or exc.code >= 500:
            raise TransientDeliveryError(error) from exc
        raise PermanentDeliveryError(error) from exc
    except (OSError, http.client.HTTPException) as exc:  # timeouts, refused, reset, truncated
        raise TransientDeliveryError(f"{type(exc).__name__}: {exc}") from exc
    try:
        answer = json.loads(raw)
    except ValueError as exc:
        raise PermanentDeliveryError(f"provider answered non-JSON: {raw[:200]!r}") from exc
    if not isinstance(answer, dict):
        raise PermanentDeliveryError(f"provider answered {answer!r}")
    return answer


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class HttpSmsAdapter:
    """SMS through a generic JSON-over-HTTPS gateway. The contract a gateway must meet:

    * request: ``POST NOTIFICATIONS_SMS_HTTP_URL`` with headers
      ``Authorization: Bearer NOTIFICATIONS_SMS_HTTP_API_KEY``,
      ``Content-Type: application/json`` and ``Idempotency-Key: <reference>``; body
      ``{"to": "+66815550101", "text": "…", "reference": "<our id>"}`` plus
      ``"from": NOTIFICATIONS_SMS_SENDER`` when that is set. ``reference`` is stable across
      our retries so the gateway can drop a duplicate.
    * success: any 2xx with a JSON object holding the gateway's message id as ``id``
      (or ``message_id``).
    * failure: 429 or 5xx (retried), other 4xx (not retried; the body is kept as the error).
    """

    def send(self, message: Message) -> str:
        body = {"to": message.to, "text": message.body, "reference": message.idempotency_key}
        if settings.NOTIFICATIONS_SMS_SENDER:
            body["from"] = settings.NOTIFICATIONS_SMS_SENDER
        answer = _post_json(
            settings.NOTIFICATIONS_SMS_HTTP_URL,
            token=settings.NOTIFICATIONS_SMS_HTTP_API_KEY,
            body=body,
            extra_headers={"Idempotency-Key": message.idempotency_key},
        )
        reference = answer.get("id") or answer.get("message_id")
        if not reference:
            raise PermanentDeliveryError(f"gateway answered without a message id: {answer!r}")
        return str(reference)


class WhatsAppCloudAdapter:
    """WhatsApp Business Cloud API: ``POST {graph}/{version}/{phone_number_id}/messages``
    with a bearer token and ``{"messaging_product": "whatsapp", "to": …, "type": "text",
    "text": {"body": …}}``; the reference is ``messages[0].id`` of the answer.

    WhatsApp accepts free-form text only within 24 hours of the person's last message to
    the business; outside that window (most reminders) Meta requires an approved template
    message and answers 400, which lands here as a permanent failure.
    """

    def send(self, message: Message) -> str:
        url = "/".join(
            (
                settings.NOTIFICATIONS_WHATSAPP_GRAPH_URL.rstrip("/"),
                settings.NOTIFICATIONS_WHATSAPP_API_VERSION,
                settings.NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID,
                "messages",
            )
        )
        answer = _post_json(
            url,
            token=settings.NOTIFICATIONS_WHATSAPP_TOKEN,
            body={
                "messaging_product": "whatsapp",
                "recipient_type": "individual",
                "to": message.to,
                "type": "text",
                "text": {"preview_url": False, "body": message.body},
            },
            extra_headers={},
        )
        try:
            return str(answer["messages"][0]["id"])
        except (KeyError, IndexError, TypeError) as exc:
            raise PermanentDeliveryError(f"WhatsApp answered without a message id: {answer!r}") from exc


ADAPTERS = {
    "file": "notifications.adapters.FileAdapter",
    "console": "notifications.adapters.ConsoleAdapter",
    "smtp": "notifications.adapters.SmtpEmailAdapter",
    "http": "notifications.adapters.HttpSmsAdapter",
    "whatsapp_cloud": "notifications.adapters.WhatsAppCloudAdapter",
}

CHANNEL_SETTINGS = {
    "sms": "NOTIFICATIONS_SMS_ADAPTER",
    "whatsapp": "NOTIFICATIONS_WHATSAPP_ADAPTER",
    "email": "NOTIFICATIONS_EMAIL_ADAPTER",
}


def get_adapter(channel: str) -> Adapter:
    """The adapter configured for ``channel`` ("sms", "whatsapp" or "email")."""
    try:
        name = getattr(settings, CHANNEL_SETTINGS[channel])
    except KeyError:
        raise PermanentDeliveryError(f"unknown channel {channel!r}") from None
    adapter_class = import_string(ADAPTERS.get(name, name))
    adapter: Adapter = adapter_class()
    return adapter
