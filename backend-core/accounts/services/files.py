"""Files people keep about themselves in the object store (``core.objectstore``): their
profile photograph, and the evidence document of a professional licence. The bytes are
checked and re-encoded here (``accounts.files``), written under a key of their own, and
read back only through short-lived links."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.files import FileRejected, PreparedFile, licence_evidence_prepare, profile_photo_prepare
from accounts.models import Clinic, ProfessionalLicence, User
from audit.services import audit_event_record
from core.exceptions import NotFound, ValidationFailed
from core.objectstore import ObjectStoreError, object_store
from core.services import model_save

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileLink:
    """A download link of ``content_type`` that works until ``expires_at``."""

    url: str
    content_type: str
    expires_at: dt.datetime


def _member_clinics(user: User) -> list[Clinic]:
    return list(Clinic.objects.filter(memberships__user=user, memberships__is_active=True))


def _checked(data: bytes, *, max_bytes: int, prepare: Callable[[bytes], PreparedFile]) -> PreparedFile:
    if not data:
        raise ValidationFailed(errors={"file": [_("Choose a file to upload.")]})
    if len(data) > max_bytes:
        raise ValidationFailed(
            errors={
                "file": [
                    _("The file is larger than %(limit)s MB.") % {"limit": f"{max_bytes / 1024 / 1024:g}"}
                ]
            }
        )
    try:
        return prepare(data)
    except FileRejected as exc:
        raise ValidationFailed(errors={"file": [str(exc)]}) from exc


def _object_forget(key: str) -> None:
    """Delete ``key`` after the commit; a storage failure leaves an unreferenced object
    (logged), never a failed request."""
    if not key:
        return

    def delete() -> None:
        try:
            object_store().delete(key)
        except ObjectStoreError:
            logger.warning("could not delete the replaced object %s", key, exc_info=True)

    transaction.on_commit(delete)


def _stored_then(key: str, prepared: PreparedFile, save: Callable[[], None]) -> None:
    """Write ``prepared`` under ``key``, then run ``save`` (the transaction that points
    at it); the object is deleted again when that fails."""
    object_store().write(key, prepared.data, prepared.content_type)
    try:
        save()
    except BaseException:
        object_store().delete(key)
        raise


def user_photo_set(*, user: User, data: bytes) -> User:
    """Make ``data`` (a JPEG, PNG or WebP of at most ``PROFILE_PHOTO_MAX_BYTES``) ``user``'s
    photograph: upright, centred square of ``PROFILE_PHOTO_SIDE_PX`` pixels, WebP, no
    metadata. The previous one is deleted after the commit. Audited as
    ``user.photo_changed`` at every clinic where ``user`` is an active member.
    Raises ``ValidationFailed`` naming ``file``."""
    prepared = _checked(
        data,
        max_bytes=settings.PROFILE_PHOTO_MAX_BYTES,
        prepare=lambda raw: profile_photo_prepare(
            raw, max_pixels=settings.PROFILE_PHOTO_MAX_PIXELS, side=settings.PROFILE_PHOTO_SIDE_PX
        ),
    )
    key = f"accounts/photos/{user.pk}/{uuid.uuid4().hex}.{prepared.extension}"
    _stored_then(key, prepared, lambda: _user_photo_record(user=user, key=key))
    return user


@transaction.atomic
def _user_photo_record(*, user: User, key: str) -> None:
    locked = User.objects.select_for_update(no_key=True).get(pk=user.pk)
    before = locked.photo_key
    locked.photo_key = key
    model_save(locked, update_fields=["photo_key"])
    user.photo_key = key
    _object_forget(before)
    for clinic in _member_clinics(user):
        audit_event_record(
            clinic=clinic,
            actor=user,
            action="user.photo_changed",
            object_type="accounts.User",
            object_id=user.pk,
            changes={"photo": [bool(before), True]},
        )


@transaction.atomic
def user_photo_remove(*, user: User) -> User:
    """Remove ``user``'s photograph (the object is deleted after the commit); nothing to
    do when they have none. Audited as ``user.photo_changed`` like a new one."""
    locked = User.objects.select_for_update(no_key=True).get(pk=user.pk)
    if not locked.photo_key:
        return user
    before = locked.photo_key
    locked.photo_key = ""
    model_save(locked, update_fields=["photo_key"])
    user.photo_key = ""
    _object_forget(before)
    for clinic in _member_clinics(user):
        audit_event_record(
            clinic=clinic,
            actor=user,
            action="user.photo_changed",
            object_type="accounts.User",
            object_id=user.pk,
            changes={"photo": [True, False]},
        )
    return user


def user_photo_url(user: User) -> str | None:
    """A link to ``user``'s photograph that works for ``PROFILE_PHOTO_URL_SECONDS``;
    ``None`` when they have none. Made without a request to the store."""
    if not user.photo_key:
        return None
    return object_store().presigned_get(user.photo_key, expires_in=settings.PROFILE_PHOTO_URL_SECONDS)


def licence_evidence_set(
    *, licence: ProfessionalLicence, actor: User, clinic: Clinic | None, data: bytes
) -> ProfessionalLicence:
    """Keep ``data`` as ``licence``'s evidence (a PDF, or a JPEG, PNG or WebP image,
    recognised by its bytes; at most ``LICENCE_EVIDENCE_MAX_BYTES``), replacing any
    before. ``actor`` is the holder (``clinic`` ``None``: audited at each of their
    clinics) or an owner or admin of ``clinic`` (the caller scopes the licence to it).
    Audited as ``licence.evidence_added``. Raises ``ValidationFailed`` naming ``file``."""
    prepared = _checked(
        data,
        max_bytes=settings.LICENCE_EVIDENCE_MAX_BYTES,
        prepare=lambda raw: licence_evidence_prepare(raw, max_pixels=settings.PROFILE_PHOTO_MAX_PIXELS),
    )
    key = f"accounts/licences/{licence.pk}/{uuid.uuid4().hex}.{prepared.extension}"
    _stored_then(
        key,
        prepared,
        lambda: _licence_evidence_record(
            licence=licence, actor=actor, clinic=clinic, key=key, content_type=prepared.content_type
        ),
    )
    return licence


@transaction.atomic
def _licence_evidence_record(
    *, licence: ProfessionalLicence, actor: User, clinic: Clinic | None, key: str, content_type: str
) -> None:
    locked = ProfessionalLicence.objects.select_for_update().get(pk=licence.pk)
    before = locked.evidence_key
    locked.evidence_key, locked.evidence_content_type = key, content_type
    locked.evidence_uploaded_at, locked.evidence_uploaded_by = timezone.now(), actor
    fields = ["evidence_key", "evidence_content_type", "evidence_uploaded_at", "evidence_uploaded_by"]
    model_save(locked, update_fields=fields)
    for name in fields:
        setattr(licence, name, getattr(locked, name))
    _object_forget(before)
    for audited_at in [clinic] if clinic is not None else _member_clinics(licence.user):
        audit_event_record(
            clinic=audited_at,
            actor=actor,
            action="licence.evidence_added",
            object_type="accounts.ProfessionalLicence",
            object_id=licence.pk,
            changes={"evidence": [bool(before), content_type]},
        )


@transaction.atomic
def licence_evidence_link(*, licence: ProfessionalLicence, actor: User, clinic: Clinic | None) -> FileLink:
    """A link to ``licence``'s evidence that works for ``LICENCE_EVIDENCE_URL_SECONDS``,
    for ``actor`` (the holder, ``clinic`` ``None``, or an owner or admin of ``clinic``).
    Each link issued is audited as ``licence.evidence_viewed`` (at ``clinic``, or at each
    of the holder's clinics). Raises ``NotFound`` (404, ``evidence_not_found``) when the
    licence has no evidence on file."""
    if not licence.evidence_key:
        raise NotFound(_("No evidence is on file for this licence."), code="evidence_not_found")
    seconds = settings.LICENCE_EVIDENCE_URL_SECONDS
    url = object_store().presigned_get(licence.evidence_key, expires_in=seconds)
    for audited_at in [clinic] if clinic is not None else _member_clinics(licence.user):
        audit_event_record(
            clinic=audited_at,
            actor=actor,
            action="licence.evidence_viewed",
            object_type="accounts.ProfessionalLicence",
            object_id=licence.pk,
        )
    return FileLink(
        url=url,
        content_type=licence.evidence_content_type,
        expires_at=timezone.now() + dt.timedelta(seconds=seconds),
    )
