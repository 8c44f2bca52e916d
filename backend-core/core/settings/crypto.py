"""Keys of field encryption at rest and of the blind index (used by ``core/crypto.py``).

``FIELD_ENCRYPTION_KEYS``: comma-separated Fernet keys (32 url-safe base64-encoded bytes
each), newest first. The first key encrypts every new or re-saved value; every key in the
list decrypts. To rotate: put a new key first, deploy, run ``manage.py reencrypt_fields``,
then remove the old key. Generate one with::

    python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"

``BLIND_INDEX_KEY``: a separate secret of at least 32 characters, the HMAC key of the
blind index that lets national IDs be found and kept unique without being stored in clear.
Every stored hash depends on it, so changing it needs every hash recomputed: there is no
rotation by configuration alone. Generate one with::

    python -c "import secrets; print(secrets.token_urlsafe(48))"

Production must set both. When they are not set, keys are derived from
``DJANGO_SECRET_KEY`` so a laptop runs with zero configuration; in that mode changing
``DJANGO_SECRET_KEY`` makes every encrypted value unreadable, and ``manage.py check
--deploy`` warns about it.
"""

import base64
import hashlib

from .base import SECRET_KEY
from .env import env


def _derived_from_secret_key(purpose: str) -> str:
    digest = hashlib.sha256(f"aesthetix-dev-only:{purpose}:{SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


_FIELD_ENCRYPTION_KEYS = [key.strip() for key in env.list("FIELD_ENCRYPTION_KEYS", default=[]) if key.strip()]
_BLIND_INDEX_KEY = env.str("BLIND_INDEX_KEY", default="").strip()

# True when the keys came from the environment rather than from DJANGO_SECRET_KEY.
CRYPTO_KEYS_CONFIGURED = bool(_FIELD_ENCRYPTION_KEYS and _BLIND_INDEX_KEY)
FIELD_ENCRYPTION_KEYS = _FIELD_ENCRYPTION_KEYS or [_derived_from_secret_key("field-encryption")]
BLIND_INDEX_KEY = _BLIND_INDEX_KEY or _derived_from_secret_key("blind-index")
