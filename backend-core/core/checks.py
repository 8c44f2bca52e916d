"""System checks of the platform's own settings (``manage.py check``)."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from core import crypto
from core.net import trusted_networks

# Default keys that earlier releases published in their settings, compose file and
# Dockerfile. A server keyed with one of them lets anyone mint an owner's access token
# or an upload policy of their choosing.
_PUBLISHED_SECRET_KEYS = (
    "insecure-dev-key-change-me-in-production-0123456789",
    "dev-only-insecure-secret-key-change-me-before-any-real-use",
    "build-only-collectstatic-key-not-used-at-runtime",
)


def _derived(purpose: str, secret_key: str) -> str:
    # How those releases derived the field-encryption and blind-index keys from them.
    digest = hashlib.sha256(f"aesthetix-dev-only:{purpose}:{secret_key}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


PUBLISHED_KEYS = frozenset(
    [
        *_PUBLISHED_SECRET_KEYS,
        *(_derived(p, k) for k in _PUBLISHED_SECRET_KEYS for p in ("field-encryption", "blind-index")),
    ]
)
# Django's own bar for SECRET_KEY (security.W009), applied to every HMAC key.
MIN_KEY_LENGTH = 50
MIN_KEY_UNIQUE_CHARACTERS = 5


def _keys() -> dict[str, str]:
    return {
        "DJANGO_SECRET_KEY": settings.SECRET_KEY,
        "JWT_SIGNING_KEY": str(settings.SIMPLE_JWT["SIGNING_KEY"]),
        "OBJECT_STORE_SIGNING_KEY": settings.OBJECT_STORE_SIGNING_KEY,
        "BLIND_INDEX_KEY": settings.BLIND_INDEX_KEY,
        **{f"FIELD_ENCRYPTION_KEYS[{i}]": key for i, key in enumerate(settings.FIELD_ENCRYPTION_KEYS)},
    }


@checks.register(checks.Tags.security)
def crypto_keys_usable(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Malformed ``FIELD_ENCRYPTION_KEYS`` or a short ``BLIND_INDEX_KEY`` stop every
    command, not the first request that touches an encrypted column."""
    try:
        crypto.check_keys()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="core.E001")]
    return []


@checks.register(checks.Tags.security)
def keys_not_published(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """core.E002: a secret key is a value published in the source (an old default).
    Also run when the ASGI/WSGI application or a Celery worker or beat starts
    (``refuse_published_keys``), which run no system checks of their own."""
    return [
        checks.Error(
            f"{name} is a default key published with the source code: anyone can sign with it.",
            hint="Unset it to use the keys generated in the var folder, or set a random value "
            "(see core/settings/keys.py).",
            id="core.E002",
        )
        for name, value in _keys().items()
        if value in PUBLISHED_KEYS
    ]


@checks.register(checks.Tags.security, deploy=True)
def keys_strong(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """core.E003 (``check --deploy``): an HMAC key shorter than 50 characters or with
    fewer than 5 distinct ones (Django's rule for ``SECRET_KEY``), or two purposes
    sharing one key (a leak of one would give away the other)."""
    errors: list[checks.CheckMessage] = []
    keys = _keys()
    for name in ("DJANGO_SECRET_KEY", "JWT_SIGNING_KEY", "OBJECT_STORE_SIGNING_KEY"):
        value = keys[name]
        if len(value) < MIN_KEY_LENGTH or len(set(value)) < MIN_KEY_UNIQUE_CHARACTERS:
            errors.append(
                checks.Error(
                    f"{name} is weak: use at least {MIN_KEY_LENGTH} random characters.",
                    hint='python -c "import secrets; print(secrets.token_urlsafe(50))"',
                    id="core.E003",
                )
            )
    by_value: dict[str, list[str]] = {}
    for name, value in keys.items():
        by_value.setdefault(value, []).append(name)
    errors.extend(
        checks.Error(f"{' and '.join(names)} are the same key: give each its own.", id="core.E003")
        for names in by_value.values()
        if len(names) > 1
    )
    return errors


def refuse_published_keys() -> None:
    """Raise ``ImproperlyConfigured`` when core.E002 fails: the entry points that run
    no system checks (ASGI, WSGI, Celery worker and beat) call it before serving."""
    errors = keys_not_published()
    if errors:
        raise ImproperlyConfigured(" ".join(str(error.msg) for error in errors))


@checks.register(checks.Tags.security)
def trusted_proxies_valid(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """core.E004: a ``TRUSTED_PROXIES`` entry that is not an IP address or network."""
    try:
        trusted_networks(tuple(settings.TRUSTED_PROXIES))
    except ValueError as exc:
        return [checks.Error(f"TRUSTED_PROXIES: {exc}", id="core.E004")]
    return []
