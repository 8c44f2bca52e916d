"""Encryption at rest of sensitive columns, and the blind index that lets them be found.

Sensitive values (national IDs; the EMR's free-text clinical notes; the copies of a
person's data made for data-subject requests) are stored as Fernet tokens: AES-128-CBC
with a random IV, authenticated with HMAC-SHA256 (the ``cryptography`` package's
``Fernet``; spec: github.com/fernet/spec). A token also carries, in clear, the instant it
was written.

Keys come from ``settings.FIELD_ENCRYPTION_KEYS``, newest first (``MultiFernet``): the first
key encrypts, every key decrypts. Rotation: put a new key first, run ``manage.py
reencrypt_fields`` (it rewrites every encrypted column found in the installed models with
the newest key), then drop the old key. See ``core/settings/crypto.py``.

A token is randomized, so the same value never encrypts twice to the same text and the
column cannot be compared: the encrypted fields refuse lookups. Equality lookups and
uniqueness go through a separate column holding ``blind_index(value, purpose=...)``.

Empty values are stored as ``""`` (not encrypted): that a person has no national ID on
file is visible, as it is from the blind-index column anyway.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

BLIND_INDEX_MIN_KEY_LENGTH = 32


class DecryptionError(Exception):
    """A stored token could not be decrypted with any key of ``FIELD_ENCRYPTION_KEYS``:
    a key was removed before ``reencrypt_fields`` ran, or the column was written outside
    the application."""


@functools.lru_cache(maxsize=8)
def _fernet_for(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty: at least one key is needed.")
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except ValueError as exc:
            raise ImproperlyConfigured(
                f"FIELD_ENCRYPTION_KEYS entry {position} is not a Fernet key "
                "(32 url-safe base64-encoded bytes)."
            ) from exc
    return MultiFernet(fernets)


def _fernet() -> MultiFernet:
    # Keyed by the configured keys, so a change of settings (tests, a reload) takes effect
    # at once and nothing needs clearing.
    return _fernet_for(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    """Encrypt ``value`` with the newest key; return the Fernet token as ASCII text."""
    return _fernet().encrypt(value.encode()).decode("ascii")


def decrypt(token: str) -> str:
    """Decrypt a token written by ``encrypt`` with any configured key.

    Raises ``DecryptionError`` when no key opens it (never returns the token itself:
    a value that silently stayed ciphertext would be encrypted again on the next save).
    """
    try:
        return _fernet().decrypt(token.encode("ascii")).decode()
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionError("No key in FIELD_ENCRYPTION_KEYS decrypts this value.") from exc


def check_keys() -> None:
    """Raise ``ImproperlyConfigured`` unless both key settings are usable."""
    _fernet()
    if len(settings.BLIND_INDEX_KEY) < BLIND_INDEX_MIN_KEY_LENGTH:
        raise ImproperlyConfigured(
            f"BLIND_INDEX_KEY must be at least {BLIND_INDEX_MIN_KEY_LENGTH} characters."
        )


def blind_index(value: str, *, purpose: str) -> str:
    """Return the blind index of ``value``: hex HMAC-SHA256 (64 characters) keyed with
    ``settings.BLIND_INDEX_KEY`` over ``purpose``, a NUL byte and ``value``.

    Why: encrypted columns cannot be compared, yet a national ID must be looked up
    (``patient_register`` links an existing person) and kept unique per country. The
    index is deterministic, so equality and a unique constraint work on it, and it does
    not hold the value. It is keyed because an unkeyed hash of a national ID is
    reversible: a Thai ID has 13 digits, one of them a check digit (about 10^12
    candidates), which an attacker with a stolen database hashes through in hours. With
    the key kept out of the database, the stolen hashes cannot be tested offline.

    ``purpose`` (e.g. ``"national_id:TH"``) separates uses: the same digits issued by two
    countries, or stored in two kinds of field, never share an index. Callers normalize
    ``value`` first (the compact form of a national ID), since ``"1-1017"`` and
    ``"11017"`` hash differently. Raises ``ValueError`` for an empty or NUL-containing
    purpose.
    """
    if not purpose or "\x00" in purpose:
        raise ValueError("purpose must be non-empty and contain no NUL character")
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(settings.BLIND_INDEX_KEY.encode(), message, hashlib.sha256).hexdigest()


# ------------------------------------------------------------------------------ fields


class EncryptedField(models.Field):  # a mixin over the concrete field classes below
    """Base of the encrypted model fields: stored as a ``text`` column holding a Fernet
    token, decrypted when read. Python code sees the plain value; validation
    (``max_length``, choices) applies to the plain value.

    Every lookup but ``isnull`` is refused (``FieldError: Unsupported lookup``): comparing
    a randomized token would silently match nothing. Use the blind-index column.
    ``dumpdata`` writes the plain values.
    """

    def get_internal_type(self) -> str:
        return "TextField"

    def get_db_prep_value(self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False) -> Any:
        value = super().get_db_prep_value(value, connection, prepared)
        if value is None or value == "":
            return value
        return encrypt(str(value))

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        if value is None or value == "":
            return value
        try:
            return self.to_python(decrypt(value))
        except DecryptionError as exc:
            raise DecryptionError(
                f"{self.model._meta.label}.{self.name}: no key in FIELD_ENCRYPTION_KEYS decrypts "
                "the stored value (was a key removed before reencrypt_fields ran?)."
            ) from exc

    def get_lookup(self, lookup_name: str) -> Any:
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def get_transform(self, lookup_name: str) -> Any:
        return None


class EncryptedCharField(EncryptedField, models.CharField):
    """An encrypted ``CharField``: ``max_length`` limits the plain value; the column is
    ``text`` because a token is about 4/3 of (value + 57) bytes long."""


class EncryptedTextField(EncryptedField, models.TextField):
    """An encrypted ``TextField``, for free-text notes."""


class EncryptedJSONField(EncryptedField, models.JSONField):
    """An encrypted ``JSONField``: the value's JSON text (``encoder``) is one token; it is
    decoded (``decoder``) when read. ``None`` is SQL ``NULL``. The column is ``text``:
    no key, path or containment lookups."""

    def get_db_prep_value(self, value: Any, connection: BaseDatabaseWrapper, prepared: bool = False) -> Any:
        if not prepared:
            value = self.get_prep_value(value)
        if value is None:
            return None
        return encrypt(json.dumps(value, cls=self.encoder))

    def from_db_value(self, value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        text = super().from_db_value(value, expression, connection)
        return json.loads(text, cls=self.decoder) if text else text


# -------------------------------------------------------------------------- rotation


def encrypted_models() -> list[tuple[type[models.Model], list[str]]]:
    """Every installed, managed, concrete model with encrypted fields, and the attribute
    names of those fields (declared on the model itself, so a multi-table child does not
    repeat its parent's columns)."""
    found: list[tuple[type[models.Model], list[str]]] = []
    for model in apps.get_models():
        opts = model._meta
        if opts.proxy or not opts.managed:
            continue
        names = [f.attname for f in opts.local_concrete_fields if isinstance(f, EncryptedField)]
        if names:
            found.append((model, names))
    return found


def reencrypt_model(
    model: type[models.Model],
    *,
    field_names: list[str],
    batch_size: int = 500,
    using: str = DEFAULT_DB_ALIAS,
    dry_run: bool = False,
) -> int:
    """Rewrite ``field_names`` of every row of ``model`` with the newest key and return
    how many rows hold a value in at least one of them (with ``dry_run``: how many would
    be rewritten; nothing is written).

    Rows are read through ``_base_manager``: re-encryption is a platform job that runs
    outside any clinic context, and tenant-local default managers fail closed there.
    Batches go by primary key; each is one transaction that locks its rows
    (``select_for_update``) and writes only these columns (``bulk_update``), so an edit
    made to the same row meanwhile is neither lost nor overwritten, and a stop part-way
    leaves every row readable (each holds a token of one key or the other). Raises
    ``DecryptionError`` when a stored value opens with no configured key.
    """
    manager = model._base_manager.db_manager(using)
    rows = manager.order_by("pk").only("pk", *field_names)
    total, last_pk = 0, None
    while True:
        with transaction.atomic(using=using):
            page = rows if last_pk is None else rows.filter(pk__gt=last_pk)
            batch = list((page if dry_run else page.select_for_update())[:batch_size])
            if not batch:
                return total
            last_pk = batch[-1].pk
            filled = [
                row for row in batch if any(getattr(row, name) not in (None, "") for name in field_names)
            ]
            if filled and not dry_run:
                manager.bulk_update(filled, field_names)
            total += len(filled)
