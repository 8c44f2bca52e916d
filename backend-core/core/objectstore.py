"""Object storage for files browsers upload directly (clinical photographs): one small
interface, two backends with the same contract.

* :class:`S3ObjectStore`: S3 or an S3-compatible server (MinIO), through boto3.
  Presigned POSTs carry a policy that fixes the key, the ``Content-Type`` and a
  ``content-length-range``, and expires; S3/MinIO enforce it.
* :class:`LocalObjectStore`: the embedded profile. Files live under
  ``settings.OBJECT_STORE_ROOT``; the browser posts the same multipart form to
  ``local_upload`` (``core/objectstore_views.py``), which checks the same policy the way
  S3 does (signature, expiry, exact key, exact type, size range) and accepts one POST
  per key (write-once; S3 would take another until the policy expires), and downloads go
  through a signed, expiring URL.

A presigned POST can be replayed on S3 until it expires, so an uploaded key is an inbox,
not a record: callers pin what they checked with ``head(...).etag`` and
``read(key, if_match=etag)``, and keep what they verified under keys no POST was ever
issued for.

``object_store()`` picks the backend from the settings (``S3_BUCKET`` set: S3). Keys are
relative paths of letters, digits, ``_ . - /`` (no ``..``), chosen by the caller.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import hashlib
import hmac
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$")


class ObjectStoreError(Exception):
    """The storage service failed or answered an error (``code``: its error code)."""

    def __init__(self, message: str, code: str = "") -> None:
        super().__init__(message)
        self.code = code


class ObjectChanged(Exception):
    """The object is no longer the version the caller pinned (``read(if_match=…)``): it
    was written again after it was checked. Not a storage failure: retrying cannot help."""


@contextmanager
def _s3_errors() -> Iterator[None]:
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        yield
    except ClientError as exc:
        raise ObjectStoreError(str(exc), code=str(exc.response.get("Error", {}).get("Code", ""))) from exc
    except BotoCoreError as exc:
        raise ObjectStoreError(str(exc)) from exc


@dataclass(frozen=True)
class PresignedPost:
    """What a browser needs to upload one object: POST ``url`` as
    ``multipart/form-data`` with every field of ``fields`` and then ``file``."""

    url: str
    fields: dict[str, str]
    expires_at: dt.datetime


@dataclass(frozen=True)
class ObjectInfo:
    """``etag`` names this version of the object (S3's ETag, the local store's SHA-256):
    ``read(key, if_match=etag)`` returns these bytes or raises ``ObjectChanged``."""

    size: int
    content_type: str
    etag: str


def key_is_valid(key: str) -> bool:
    return bool(KEY_PATTERN.fullmatch(key)) and ".." not in key.split("/")


def _iso_z(instant: dt.datetime) -> str:
    return instant.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ObjectStore(ABC):
    """The contract both backends keep."""

    @abstractmethod
    def presigned_post(
        self, *, key: str, content_type: str, max_bytes: int, expires_in: int
    ) -> PresignedPost:
        """An upload of exactly ``key``, of type ``content_type``, 1 to ``max_bytes``
        bytes, accepted for ``expires_in`` seconds."""

    @abstractmethod
    def head(self, key: str) -> ObjectInfo | None:
        """Size and stored content type of ``key``, ``None`` when there is no such object."""

    @abstractmethod
    def read(self, key: str, *, if_match: str = "") -> bytes:
        """The bytes of ``key``; with ``if_match`` only of that version (an ``etag``
        from ``head``), else ``ObjectChanged``."""

    @abstractmethod
    def write(self, key: str, data: bytes, content_type: str) -> None: ...

    @abstractmethod
    def write_file(self, key: str, path: Path, content_type: str) -> None:
        """Write the file at ``path`` as ``key``, read in pieces (a large export is
        never held in memory whole)."""

    @abstractmethod
    def delete(self, key: str) -> None: ...

    @abstractmethod
    def presigned_get(self, key: str, *, expires_in: int, attachment: bool = False) -> str:
        """A URL that downloads ``key`` for ``expires_in`` seconds; with ``attachment`` the
        browser saves it as a file named like the key's last part instead of showing it
        (the local store does so for anything but raster images anyway)."""


# ------------------------------------------------------------------------------ S3


@functools.lru_cache(maxsize=8)
def _s3_client(endpoint: str, region: str, access_key: str, secret_key: str) -> Any:
    import boto3
    from botocore.config import Config

    return boto3.client(
        "s3",
        endpoint_url=endpoint or None,
        region_name=region,
        aws_access_key_id=access_key or None,
        aws_secret_access_key=secret_key or None,
        # Path-style addressing: MinIO and other S3-compatible servers need it.
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}, retries={"max_attempts": 3}),
    )


class S3ObjectStore(ObjectStore):
    """S3/MinIO. Server-side calls go to ``S3_ENDPOINT_URL``; presigned URLs are signed
    for ``S3_PUBLIC_ENDPOINT_URL``, the address browsers reach (SigV4 signs the host)."""

    def __init__(self) -> None:
        self.bucket = settings.S3_BUCKET
        credentials = (settings.S3_REGION, settings.S3_ACCESS_KEY_ID, settings.S3_SECRET_ACCESS_KEY)
        self.client = _s3_client(settings.S3_ENDPOINT_URL, *credentials)
        self.public_client = _s3_client(
            settings.S3_PUBLIC_ENDPOINT_URL or settings.S3_ENDPOINT_URL, *credentials
        )

    def presigned_post(
        self, *, key: str, content_type: str, max_bytes: int, expires_in: int
    ) -> PresignedPost:
        expires_at = timezone.now() + dt.timedelta(seconds=expires_in)
        post = self.public_client.generate_presigned_post(
            Bucket=self.bucket,
            Key=key,
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=expires_in,
        )
        return PresignedPost(url=post["url"], fields=dict(post["fields"]), expires_at=expires_at)

    def head(self, key: str) -> ObjectInfo | None:
        try:
            with _s3_errors():
                found = self.client.head_object(Bucket=self.bucket, Key=key)
        except ObjectStoreError as exc:
            if exc.code in ("404", "NoSuchKey", "NotFound"):
                return None
            raise
        return ObjectInfo(
            size=int(found["ContentLength"]),
            content_type=found.get("ContentType", ""),
            etag=str(found.get("ETag", "")),
        )

    def read(self, key: str, *, if_match: str = "") -> bytes:
        condition = {"IfMatch": if_match} if if_match else {}
        try:
            with _s3_errors():
                return bytes(self.client.get_object(Bucket=self.bucket, Key=key, **condition)["Body"].read())
        except ObjectStoreError as exc:
            if exc.code in ("PreconditionFailed", "412"):
                raise ObjectChanged(f"{key} was written again after it was checked.") from exc
            raise

    def write(self, key: str, data: bytes, content_type: str) -> None:
        with _s3_errors():
            self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)

    def write_file(self, key: str, path: Path, content_type: str) -> None:
        with _s3_errors():  # multipart upload for large files
            self.client.upload_file(str(path), self.bucket, key, ExtraArgs={"ContentType": content_type})

    def delete(self, key: str) -> None:
        with _s3_errors():
            self.client.delete_object(Bucket=self.bucket, Key=key)

    def presigned_get(self, key: str, *, expires_in: int, attachment: bool = False) -> str:
        params = {"Bucket": self.bucket, "Key": key}
        if attachment:
            params["ResponseContentDisposition"] = f'attachment; filename="{key.rsplit("/", 1)[-1]}"'
        return str(
            self.public_client.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in)
        )


# --------------------------------------------------------------------------- local


class UploadRefused(Exception):
    """A local upload broke its policy. ``status`` and ``code`` are what S3 answers
    (403 ``AccessDenied`` for a bad signature, expiry or a field that does not match,
    400 ``EntityTooLarge``/``EntityTooSmall`` for the size, 412 ``PreconditionFailed``
    for a key already written, as S3 answers a conditional write)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def _sign(message: str) -> str:
    return salted_hmac(
        "core.objectstore", message, secret=settings.OBJECT_STORE_SIGNING_KEY, algorithm="sha256"
    ).hexdigest()


def upload_policy_check(fields: Mapping[str, str], *, file_size: int) -> tuple[str, str]:
    """Check a local upload form as S3 checks a POST policy and return ``(key,
    content_type)``. ``fields`` are the form fields other than the file.

    The policy (base64 JSON ``{"expiration": ISO 8601, "conditions": [...]}``) must carry
    our signature, not be expired, and every form field but ``policy`` and ``signature``
    must be named by an exact-match condition with that value; ``file_size`` must be in
    its ``content-length-range``. Raises ``UploadRefused``.
    """
    policy_b64, signature = fields.get("policy", ""), fields.get("signature", "")
    if not policy_b64 or not hmac.compare_digest(_sign(policy_b64), signature):
        raise UploadRefused(403, "AccessDenied", "The policy signature does not match.")
    try:
        policy = json.loads(base64.b64decode(policy_b64, validate=True))
        expires_at = dt.datetime.fromisoformat(policy["expiration"])
        conditions = policy["conditions"]
    except (ValueError, KeyError, TypeError) as exc:
        raise UploadRefused(400, "InvalidPolicyDocument", "The policy is malformed.") from exc
    if timezone.now() >= expires_at:
        raise UploadRefused(403, "AccessDenied", "Invalid according to Policy: Policy expired.")
    exact, size_range = _policy_conditions(conditions)
    form = {k: v for k, v in fields.items() if k not in ("policy", "signature")}
    for name, value in form.items():
        if name not in exact:
            raise UploadRefused(403, "AccessDenied", f"Extra input field: {name}.")
        if exact[name] != value:
            raise UploadRefused(403, "AccessDenied", f"Policy Condition failed: {name}.")
    missing = set(exact) - set(form)
    if missing:
        raise UploadRefused(403, "AccessDenied", f"Policy Condition failed: {sorted(missing)[0]}.")
    if size_range is not None:
        _size_check(file_size, size_range)
    return exact["key"], exact["Content-Type"]


def _policy_conditions(conditions: list[Any]) -> tuple[dict[str, str], tuple[int, int] | None]:
    """The exact-match conditions of a POST policy as one ``{field: value}`` and its
    ``content-length-range`` as ``(min, max)`` bytes (``None`` when it has none)."""
    exact: dict[str, str] = {}
    size_range: tuple[int, int] | None = None
    for condition in conditions:
        if isinstance(condition, dict):
            exact.update(condition)
        elif isinstance(condition, list) and condition[:1] == ["content-length-range"]:
            size_range = (int(condition[1]), int(condition[2]))
    return exact, size_range


def _size_check(file_size: int, size_range: tuple[int, int]) -> None:
    if file_size > size_range[1]:
        raise UploadRefused(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.")
    if file_size < size_range[0]:
        raise UploadRefused(
            400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed."
        )


def download_signature_check(key: str, *, expires: str, signature: str) -> bool:
    """True for an unexpired signature made by ``LocalObjectStore.presigned_get``."""
    if not expires.isdigit() or int(expires) < int(timezone.now().timestamp()):
        return False
    return hmac.compare_digest(_sign(f"get\n{key}\n{expires}"), signature)


class LocalObjectStore(ObjectStore):
    """Files under ``settings.OBJECT_STORE_ROOT``: ``data/<key>`` and, in
    ``meta/<key>.json``, the stored content type and SHA-256 (the ``etag``). A deleted
    object leaves its meta file as a tombstone, so ``create`` never takes its key again."""

    def __init__(self) -> None:
        self.root = Path(settings.OBJECT_STORE_ROOT)

    def _path(self, area: str, key: str) -> Path:
        if not key_is_valid(key):
            raise ValueError(f"invalid object key: {key!r}")
        return self.root / area / key

    def presigned_post(
        self, *, key: str, content_type: str, max_bytes: int, expires_in: int
    ) -> PresignedPost:
        self._path("data", key)  # validates the key
        expires_at = timezone.now() + dt.timedelta(seconds=expires_in)
        policy = {
            "expiration": _iso_z(expires_at),
            "conditions": [
                {"key": key},
                {"Content-Type": content_type},
                ["content-length-range", 1, max_bytes],
            ],
        }
        policy_b64 = base64.b64encode(json.dumps(policy, separators=(",", ":")).encode()).decode()
        fields = {
            "key": key,
            "Content-Type": content_type,
            "policy": policy_b64,
            "signature": _sign(policy_b64),
        }
        return PresignedPost(
            url=settings.PUBLIC_BASE_URL + reverse("object-upload"), fields=fields, expires_at=expires_at
        )

    def head(self, key: str) -> ObjectInfo | None:
        data, meta = self._path("data", key), self._path("meta", key + ".json")
        if not data.is_file():
            return None
        stored = json.loads(meta.read_text()) if meta.is_file() else {}
        return ObjectInfo(
            size=data.stat().st_size,
            content_type=stored.get("content_type", ""),
            etag=stored.get("sha256", ""),
        )

    def read(self, key: str, *, if_match: str = "") -> bytes:
        data = self._path("data", key).read_bytes()
        if if_match and not hmac.compare_digest(hashlib.sha256(data).hexdigest(), if_match):
            raise ObjectChanged(f"{key} was written again after it was checked.")
        return data

    def open(self, key: str) -> BinaryIO:
        """The object as a file opened for reading (the download view streams it)."""
        return self._path("data", key).open("rb")

    def write(self, key: str, data: bytes, content_type: str) -> None:
        self._store(key, data, content_type, once=False)

    def create(self, key: str, data: bytes, content_type: str) -> None:
        """Write ``key`` only if it was never written (nor deleted) before: what the
        upload view does, so a presigned POST cannot replace what was checked. Raises
        ``FileExistsError``."""
        self._store(key, data, content_type, once=True)

    def _store(self, key: str, data: bytes, content_type: str, *, once: bool) -> None:
        target, meta = self._path("data", key), self._path("meta", key + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        meta.parent.mkdir(parents=True, exist_ok=True)
        # The meta file is written first, exclusively for ``create``: of two concurrent
        # posts one wins. ``head`` sees the object only once its data is in place.
        with meta.open("x" if once else "w") as out:
            out.write(json.dumps({"content_type": content_type, "sha256": hashlib.sha256(data).hexdigest()}))
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(data)
        partial.replace(target)  # readers never see half a file

    def write_file(self, key: str, path: Path, content_type: str) -> None:
        target, meta = self._path("data", key), self._path("meta", key + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        meta.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        partial = target.with_name(target.name + ".partial")
        with path.open("rb") as source, partial.open("wb") as out:
            while piece := source.read(1 << 16):
                digest.update(piece)
                out.write(piece)
        meta.write_text(json.dumps({"content_type": content_type, "sha256": digest.hexdigest()}))
        partial.replace(target)

    def delete(self, key: str) -> None:
        self._path("data", key).unlink(missing_ok=True)
        meta = self._path("meta", key + ".json")
        if meta.is_file():
            meta.write_text(json.dumps({"deleted": True}))

    def presigned_get(self, key: str, *, expires_in: int, attachment: bool = False) -> str:
        expires = str(int(timezone.now().timestamp()) + expires_in)
        query = urlencode({"expires": expires, "signature": _sign(f"get\n{key}\n{expires}")})
        return f"{settings.PUBLIC_BASE_URL}{reverse('object-download', kwargs={'key': key})}?{query}"


def object_store() -> ObjectStore:
    """The configured backend: S3 when ``settings.S3_BUCKET`` is set, local otherwise."""
    return S3ObjectStore() if settings.S3_BUCKET else LocalObjectStore()
