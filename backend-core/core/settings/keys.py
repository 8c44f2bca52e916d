"""The server's secret keys: from the environment, or from a keys file made on first start.

Five independent keys, so that one leaking does not give away the others:

* ``DJANGO_SECRET_KEY``: sessions, CSRF, password-reset and other Django signatures;
* ``JWT_SIGNING_KEY``: the HMAC key of access and refresh tokens (HS256);
* ``OBJECT_STORE_SIGNING_KEY``: presigned uploads and downloads of the local object store;
* ``FIELD_ENCRYPTION_KEYS``: Fernet keys of the encrypted columns (``core/crypto.py``);
* ``BLIND_INDEX_KEY``: the HMAC key of the blind index.

A key set in the environment wins. Any key that is not is read from
``$AESTHETIX_VAR_DIR/secrets.env`` (mode 0600), which the first process that needs it
creates with fresh random keys. The server, the worker and beat of ``bin/run`` start
together: each writes its candidate to a private temporary file and hard-links it into
place, which succeeds for exactly one of them; the others read the winner's file, so
every process of one var folder holds the same keys. There is no built-in default key
any more: a default published in the source lets anyone mint tokens and upload policies.

A deployment whose processes do not share one var folder (compose, several machines)
must set every key in the environment (``deploy/README.md`` shows how to make them).
"""

from __future__ import annotations

import base64
import contextlib
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

KEY_NAMES = (
    "DJANGO_SECRET_KEY",
    "JWT_SIGNING_KEY",
    "OBJECT_STORE_SIGNING_KEY",
    "FIELD_ENCRYPTION_KEYS",
    "BLIND_INDEX_KEY",
)

_HEADER = (
    "# Secret keys of this AesthetixOS installation, made on its first start.\n"
    "# Keep this file private (mode 0600) and back it up with the database: without\n"
    "# FIELD_ENCRYPTION_KEYS and BLIND_INDEX_KEY the encrypted columns cannot be read.\n"
)


def keys_new() -> dict[str, str]:
    """A fresh random value for every name of ``KEY_NAMES``: 50 random bytes (67
    URL-safe characters) for the HMAC keys, a Fernet key (32 random bytes, URL-safe
    base64) for field encryption, 48 random bytes for the blind index."""
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "JWT_SIGNING_KEY": secrets.token_urlsafe(50),
        "OBJECT_STORE_SIGNING_KEY": secrets.token_urlsafe(50),
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "BLIND_INDEX_KEY": secrets.token_urlsafe(48),
    }


def _render(keys: dict[str, str]) -> str:
    return _HEADER + "".join(f"{name}={keys[name]}\n" for name in KEY_NAMES)


def _read(path: Path) -> dict[str, str]:
    if path.stat().st_mode & 0o077:
        # Written by hand or copied with a loose umask: readable by others no longer.
        path.chmod(0o600)
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, value = line.strip().partition("=")
        if sep and not name.startswith("#"):
            values[name.strip()] = value.strip()
    missing = [name for name in KEY_NAMES if not values.get(name)]
    if missing:
        raise ImproperlyConfigured(
            f"{path} lacks {', '.join(missing)}: add them, or set them in the environment."
        )
    return values


def keys_file_load(path: Path) -> dict[str, str]:
    """The keys of ``path``, creating it (mode 0600, fresh ``keys_new()``) when it does
    not exist. Safe when several processes start at once: all of them return the keys
    of the one file that was linked into place first. Raises ``ImproperlyConfigured``
    when an existing file lacks a key."""
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    candidate = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(8)}")
    descriptor = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(_render(keys_new()))
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(candidate, path)  # atomic and never replaces: one process wins
    finally:
        candidate.unlink(missing_ok=True)
    return _read(path)
