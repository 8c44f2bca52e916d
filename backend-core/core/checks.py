"""System checks of the platform's own settings (``manage.py check``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from core import crypto


@checks.register(checks.Tags.security)
def crypto_keys_usable(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """Malformed ``FIELD_ENCRYPTION_KEYS`` or a short ``BLIND_INDEX_KEY`` stop every
    command, not the first request that touches an encrypted column."""
    try:
        crypto.check_keys()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="core.E001")]
    return []


@checks.register(checks.Tags.security, deploy=True)
def crypto_keys_configured(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if settings.CRYPTO_KEYS_CONFIGURED:
        return []
    return [
        checks.Warning(
            "FIELD_ENCRYPTION_KEYS and BLIND_INDEX_KEY are not both set: they are derived from "
            "DJANGO_SECRET_KEY, and changing that key would make every encrypted value unreadable.",
            hint="Set both before storing real data (see core/settings/crypto.py).",
            id="core.W001",
        )
    ]
