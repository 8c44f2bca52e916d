"""Card payment providers: one adapter, chosen by the setting ``PAYMENTS_CARD_PROVIDER``
(a name below or a dotted path to a class):

* ``manual`` (default): the cashier ran the card on the clinic's own terminal, so the
  payment has succeeded when it is recorded; nothing leaves the server;
* ``http``: a generic card gateway over JSON/HTTPS (:class:`HttpCardProvider`): the
  charge is created by POST and is ``pending`` until the gateway calls our webhook
  (``POST /api/v1/commerce/payments/webhook``, checked by :func:`webhook_verify`).

Every adapter returns ``(provider_reference, status)`` with status ``succeeded``,
``pending`` or ``failed``, or raises :class:`ProviderRefused` (the request never reached
the gateway or the gateway refused it: nothing was charged) or :class:`ProviderError`
(no usable answer: a timeout, a 5xx, a garbled body; the gateway may hold the charge, so
the payment stays pending and a retry with the same reference is safe because it is sent
as the ``Idempotency-Key``). An adapter whose ``settles_at_once`` is true (``manual``)
answers at once without leaving the server; every other one is called outside any
database transaction (``commerce.services.card_payments``).
"""

from __future__ import annotations

import hashlib
import hmac
import http.client
import json
import socket
import time
import urllib.error
import urllib.request
from decimal import Decimal
from typing import Protocol
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.module_loading import import_string

from core.net import NoRedirect

SUCCEEDED = "succeeded"
PENDING = "pending"
FAILED = "failed"

# Headers of a webhook call: the HMAC-SHA256 (hex) of "<timestamp>.<raw body>" and the
# Unix time (seconds) the gateway signed it at.
SIGNATURE_HEADER = "X-Signature"
TIMESTAMP_HEADER = "X-Signature-Timestamp"


class ProviderError(Exception):
    """No usable answer from the gateway (timeout, 5xx, an answer without a charge id):
    it may or may not hold the charge."""


class ProviderRefused(ProviderError):
    """The request never reached the gateway (connection refused, unknown host) or the
    gateway refused it (a 4xx other than a decline): nothing was charged."""


class WebhookSignatureError(Exception):
    """A webhook call whose signature or timestamp is missing, wrong or too old."""


class CardProvider(Protocol):
    settles_at_once: bool

    def charge(self, amount: Decimal, currency: str, reference: str, description: str) -> tuple[str, str]:
        """Charge ``amount`` (in ``currency``, ISO 4217) once per ``reference`` (ours,
        stable across retries); return ``(provider_reference, status)``."""


class ManualCardProvider:
    """The clinic's own terminal: the cashier has already been paid. The provider
    reference is empty (the cashier may type the terminal's slip number instead)."""

    settles_at_once = True

    def charge(self, amount: Decimal, currency: str, reference: str, description: str) -> tuple[str, str]:
        return "", SUCCEEDED


class HttpCardProvider:
    """A generic card gateway. The contract a gateway must meet:

    * request: ``POST {PAYMENTS_HTTP_BASE_URL}/charges`` with headers
      ``Authorization: Bearer PAYMENTS_HTTP_API_KEY``, ``Content-Type: application/json``
      and ``Idempotency-Key: <reference>``; body ``{"amount": "150.00", "currency": "THB",
      "reference": "<our payment id>", "description": "…"}`` (amount a decimal string in
      the currency's major unit).
    * answer: any 2xx with a JSON object holding the gateway's charge id as ``id``; the
      charge is ``pending`` until the webhook says ``succeeded`` or ``failed``.
    * declined: 402 (the payment is written ``failed`` at once, with the body's ``id``
      if any).
    * refused: any other 4xx but 408, 409 and 429, or no connection at all
      (``ProviderRefused``: the payment is written ``failed``, nothing was charged).
    * no answer: a timeout, a 5xx, 408/409/429 or a 2xx without ``id`` (``ProviderError``:
      the payment stays ``pending``; the webhook or a resend with the same
      ``Idempotency-Key`` settles it).
    * webhook: ``POST /api/v1/commerce/payments/webhook`` with body ``{"id": "<event id>",
      "reference": "<our payment id>", "status": "succeeded"|"failed"}``, signed (see
      :func:`webhook_signature`) with ``PAYMENTS_HTTP_WEBHOOK_SECRET``.
    """

    settles_at_once = False

    def charge(self, amount: Decimal, currency: str, reference: str, description: str) -> tuple[str, str]:
        body = {"amount": str(amount), "currency": currency, "reference": reference}
        request = _gateway_request("charges", {**body, "description": description}, reference)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=settings.PAYMENTS_HTTP_TIMEOUT) as response:
                raw = response.read()
        except urllib.error.HTTPError as exc:
            detail = exc.read(2000).decode(errors="replace")
            if exc.code == 402:  # the card was declined: a failed payment, not an outage
                return _charge_id(detail), FAILED
            if 400 <= exc.code < 500 and exc.code not in _MAYBE_TAKEN:
                raise ProviderRefused(f"HTTP {exc.code}: {detail}") from exc
            raise ProviderError(f"HTTP {exc.code}: {detail}") from exc
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, ConnectionRefusedError | socket.gaierror):  # never sent
                raise ProviderRefused(f"{type(exc.reason).__name__}: {exc.reason}") from exc
            raise ProviderError(f"{type(exc.reason).__name__}: {exc.reason}") from exc
        except (OSError, http.client.HTTPException) as exc:
            raise ProviderError(f"{type(exc).__name__}: {exc}") from exc
        try:
            answer = json.loads(raw)
        except ValueError as exc:
            raise ProviderError(f"gateway answered non-JSON: {raw[:200]!r}") from exc
        if not isinstance(answer, dict) or not answer.get("id"):
            raise ProviderError(f"gateway answered without a charge id: {answer!r}")
        return str(answer["id"]), PENDING


def _gateway_request(path: str, body: dict[str, str], reference: str) -> urllib.request.Request:
    """``POST {PAYMENTS_HTTP_BASE_URL}/{path}`` with ``body`` as JSON, the bearer key and
    ``Idempotency-Key: <reference>`` (the generic gateway's request, for charges and
    checkouts alike). Raises ``ProviderError`` for a base URL that is not http(s)."""
    url = f"{settings.PAYMENTS_HTTP_BASE_URL.rstrip('/')}/{path}"
    if urlsplit(url).scheme not in ("https", "http"):
        raise ProviderError(f"gateway URL must be http(s), got {url!r}")
    return urllib.request.Request(  # noqa: S310 - scheme checked above
        url,
        data=json.dumps(body, ensure_ascii=False).encode(),
        method="POST",
        headers={
            "Authorization": f"Bearer {settings.PAYMENTS_HTTP_API_KEY}",
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "application/json",
            "Idempotency-Key": reference,
        },
    )


# Statuses after which the gateway may still hold (or be creating) the charge.
_MAYBE_TAKEN = frozenset({408, 409, 429})


def _charge_id(detail: str) -> str:
    """The charge id of a decline's JSON body, or empty."""
    try:
        answer = json.loads(detail)
    except ValueError:
        return ""
    return str(answer.get("id") or "")[:120] if isinstance(answer, dict) else ""


class CheckoutProvider(Protocol):
    def checkout(
        self, amount: Decimal, currency: str, reference: str, description: str, return_url: str
    ) -> tuple[str, str]:
        """Open a hosted payment page for ``amount`` (in ``currency``) once per
        ``reference`` (ours, stable across retries: asked again, the gateway answers the
        same page); return ``(provider_reference, page_url)``."""


class HttpCheckoutProvider:
    """The generic gateway's hosted checkout, for patients paying online (the portal): the
    card is typed on the gateway's page, never on ours. The contract:

    * request: ``POST {PAYMENTS_HTTP_BASE_URL}/checkouts`` with the headers of
      :class:`HttpCardProvider` (bearer key, ``Idempotency-Key: <reference>``); body
      ``{"amount": "150.00", "currency": "BRL", "reference": "<our payment id>",
      "description": "…", "return_url": "https://…"}``.
    * answer: any 2xx with a JSON object holding the checkout's ``id`` and the ``url`` of
      its page (https, or http for a local gateway); the payment is ``pending`` until
      the webhook of :class:`HttpCardProvider` says ``succeeded`` or ``failed`` (a page
      that expires unpaid: ``failed``).
    * anything else (no connection, a 4xx or 5xx, no ``id`` or ``url``):
      ``ProviderError``; no page was shown to the patient, so nothing can have been paid.
    """

    def checkout(
        self, amount: Decimal, currency: str, reference: str, description: str, return_url: str
    ) -> tuple[str, str]:
        body = {
            "amount": str(amount),
            "currency": currency,
            "reference": reference,
            "description": description,
            "return_url": return_url,
        }
        request = _gateway_request("checkouts", body, reference)
        try:
            with urllib.request.build_opener(NoRedirect).open(
                request, timeout=settings.PAYMENTS_HTTP_TIMEOUT
            ) as response:
                answer = json.loads(response.read())
        except (OSError, http.client.HTTPException, ValueError) as exc:  # HTTPError, URLError too
            raise ProviderError(f"{type(exc).__name__}: {exc}") from exc
        page = str(answer.get("url") or "") if isinstance(answer, dict) else ""
        if (
            not isinstance(answer, dict)
            or not answer.get("id")
            or urlsplit(page).scheme not in ("https", "http")
        ):
            raise ProviderError(f"gateway answered without a checkout id and page: {answer!r}")
        return str(answer["id"])[:120], page


ONLINE_PROVIDERS = {"http": "commerce.payment_providers.HttpCheckoutProvider"}


def online_provider() -> CheckoutProvider | None:
    """The online checkout configured by ``PAYMENTS_ONLINE_PROVIDER`` (a name above or a
    dotted path), or ``None`` when none is (the default)."""
    name = settings.PAYMENTS_ONLINE_PROVIDER
    if not name:
        return None
    provider: CheckoutProvider = import_string(ONLINE_PROVIDERS.get(name, name))()
    return provider


PROVIDERS = {
    "manual": "commerce.payment_providers.ManualCardProvider",
    "http": "commerce.payment_providers.HttpCardProvider",
}


def card_provider() -> CardProvider:
    """The card provider configured by ``PAYMENTS_CARD_PROVIDER``."""
    name = settings.PAYMENTS_CARD_PROVIDER
    provider: CardProvider = import_string(PROVIDERS.get(name, name))()
    return provider


def webhook_signature(body: bytes, timestamp: str, secret: str) -> str:
    """Hex HMAC-SHA256 of ``"<timestamp>.<body>"`` with ``secret`` (what a gateway sends)."""
    return hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def webhook_verify(*, body: bytes, signature: str, timestamp: str, now: float | None = None) -> None:
    """Check a webhook call: ``signature`` must be :func:`webhook_signature` of the raw
    ``body`` with ``PAYMENTS_HTTP_WEBHOOK_SECRET`` (constant-time comparison) and
    ``timestamp`` (Unix seconds) within ``PAYMENTS_WEBHOOK_TOLERANCE_SECONDS`` of now, so
    a captured call cannot be replayed later. Raises :class:`WebhookSignatureError`."""
    secret = settings.PAYMENTS_HTTP_WEBHOOK_SECRET
    if not secret:
        raise WebhookSignatureError("no webhook secret is configured")
    if not signature or not timestamp:
        raise WebhookSignatureError(f"the {SIGNATURE_HEADER} and {TIMESTAMP_HEADER} headers are required")
    try:
        signed_at = int(timestamp)
    except ValueError:
        raise WebhookSignatureError(f"{TIMESTAMP_HEADER} must be Unix seconds") from None
    current = time.time() if now is None else now
    if abs(current - signed_at) > settings.PAYMENTS_WEBHOOK_TOLERANCE_SECONDS:
        raise WebhookSignatureError("the signature timestamp is too old or in the future")
    expected = webhook_signature(body, timestamp, secret)
    if not hmac.compare_digest(expected, signature.strip().lower()):
        raise WebhookSignatureError("the signature does not match the body")
