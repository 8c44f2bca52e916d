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

When they are not set in the environment they come from the keys file of the var folder,
made with fresh random keys on first start (``keys.py``): back that file up with the
database.
"""

from .env import secret

FIELD_ENCRYPTION_KEYS = [key.strip() for key in secret("FIELD_ENCRYPTION_KEYS").split(",") if key.strip()]
BLIND_INDEX_KEY = secret("BLIND_INDEX_KEY")
