"""Clinical photographs: direct upload to the object store, the processing task's
work, and the views of them."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from core.exceptions import ValidationFailed
from core.objectstore import ObjectChanged, PresignedPost, object_store
from core.services import model_save
from core.tasks import enqueue_on_commit
from emr import selectors, tasks
from emr.imaging import ALLOWED_IMAGE_TYPES, DERIVATIVE_CONTENT_TYPE, ImageRejected, image_prepare
from emr.models import Photo, PhotoUpload, TreatmentSession
from emr.services._shared import _audit
from patients.models import ConsentPurpose
from patients.selectors import consent_is_granted


def photo_object_prefix(*, clinic_id: Any) -> str:
    """Every object of a clinic lives under ``clinics/<clinic id>/``."""
    return f"clinics/{clinic_id}/"


@transaction.atomic
def photo_upload_issue(
    *,
    clinic: Clinic,
    actor: User,
    session: TreatmentSession,
    kind: str,
    angle: str,
    content_type: str,
    size: int,
) -> tuple[PhotoUpload, PresignedPost]:
    """Issue a direct upload of one photo of ``session``: the key
    ``clinics/<clinic>/patients/<patient>/sessions/<session>/<uuid>.<ext>`` and a
    presigned POST (valid ``PHOTO_UPLOAD_URL_SECONDS`` ≤ 15 min) fixing that key, the
    content type (JPEG, PNG, HEIC or WebP) and a size of 1 to
    ``PHOTO_UPLOAD_MAX_BYTES`` bytes. ``size`` is the size the browser announces, in
    bytes. Raises ``ValidationFailed`` naming the field."""
    if content_type not in ALLOWED_IMAGE_TYPES:
        raise ValidationFailed(errors={"content_type": [_("Send a JPEG, PNG, HEIC or WebP image.")]})
    max_bytes = settings.PHOTO_UPLOAD_MAX_BYTES
    if not 0 < size <= max_bytes:
        raise ValidationFailed(
            errors={"size": [_("From 1 byte to %(max)d bytes.") % {"max": max_bytes}]},
        )
    if session.status == TreatmentSession.Status.CANCELLED:
        raise ValidationFailed(errors={"session": [_("The session was cancelled.")]})
    extension = ALLOWED_IMAGE_TYPES[content_type][0]
    key = (
        f"{photo_object_prefix(clinic_id=clinic.pk)}patients/{session.patient_id}/sessions/{session.pk}/"
        f"{uuid.uuid4()}.{extension}"
    )
    expires_in = min(settings.PHOTO_UPLOAD_URL_SECONDS, 15 * 60)
    post = object_store().presigned_post(
        key=key, content_type=content_type, max_bytes=max_bytes, expires_in=expires_in
    )
    upload = PhotoUpload(
        clinic=clinic,
        session=session,
        object_key=key,
        kind=kind,
        angle=angle,
        content_type=content_type,
        declared_size=size,
        expires_at=post.expires_at,
        issued_by=actor,
    )
    model_save(upload)
    return upload, post


@transaction.atomic
def photo_upload_confirm(
    *,
    clinic: Clinic,
    actor: User,
    key: str,
    usage: str = Photo.Usage.CLINICAL,
) -> tuple[Photo, bool]:
    """Link an uploaded object to its session as a ``Photo`` and queue its processing
    (``emr.tasks.photo_process``). Returns ``(photo, created)``: confirming the same key
    again returns the same photo. The key must be one this clinic was issued, and a HEAD
    of the object must show it exists with the issued content type and at most
    ``PHOTO_UPLOAD_MAX_BYTES`` bytes; the version it shows (``upload_etag``) is the one
    processed. ``usage`` ``marketing`` needs the patient's ``marketing_photos`` consent.
    Raises ``ValidationFailed`` naming ``key`` or ``usage``."""
    if not key.startswith(photo_object_prefix(clinic_id=clinic.pk)):
        raise ValidationFailed(errors={"key": [_("This key is outside the clinic's storage.")]})
    upload = (
        PhotoUpload.objects.select_for_update(of=("self",))
        .select_related("session")
        .filter(object_key=key)
        .first()
    )
    if upload is None:
        raise ValidationFailed(errors={"key": [_("No upload was issued for this key.")]})
    existing = Photo.objects.filter(upload=upload).first()
    if existing is not None:
        return existing, False
    info = object_store().head(key)
    if info is None:
        raise ValidationFailed(errors={"key": [_("Nothing was uploaded under this key.")]})
    if info.size > settings.PHOTO_UPLOAD_MAX_BYTES or info.size == 0:
        raise ValidationFailed(errors={"key": [_("The uploaded object has a size that is not allowed.")]})
    if info.content_type != upload.content_type:
        raise ValidationFailed(errors={"key": [_("The uploaded object is not of the issued content type.")]})
    if usage == Photo.Usage.MARKETING and not consent_is_granted(
        patient=upload.session.patient, purpose=ConsentPurpose.MARKETING_PHOTOS
    ):
        raise ValidationFailed(
            errors={"usage": [_("The patient has not consented to marketing use of photos.")]}
        )
    photo = Photo(
        clinic=clinic,
        upload=upload,
        session=upload.session,
        patient_id=upload.session.patient_id,
        kind=upload.kind,
        angle=upload.angle,
        object_key=key,
        upload_etag=info.etag,
        content_type=info.content_type,
        size_bytes=info.size,
        usage=usage,
        uploaded_by=actor,
    )
    model_save(photo)
    _audit(clinic=clinic, actor=actor, action="photo.uploaded", obj=photo)
    enqueue_on_commit(tasks.photo_process, clinic_id=str(clinic.pk), photo_id=str(photo.pk))
    return photo, True


def photos_requeue_stale(*, now: dt.datetime | None = None, limit: int = 500) -> int:
    """Platform job (beat, every minute): send ``emr.tasks.photo_process`` again for every
    photo still ``processing`` ``PHOTO_PROCESS_REQUEUE_AFTER_MINUTES`` after it was
    confirmed or last sent — its message was lost (broker down at confirmation, process
    died before sending). DESIGN section 7: work after a commit is recorded in the
    transaction (here the ``processing`` row) and a sweep sends what is stale. Returns how
    many tasks were sent.

    Reads across clinics on purpose (``Photo.unscoped``); each task carries its photo's
    clinic. Rows are claimed under ``SELECT … FOR UPDATE SKIP LOCKED`` and stamped with
    ``now`` (``updated_at``), so two sweeps send each photo once per interval; the task is
    idempotent, so a duplicate message is harmless."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(minutes=settings.PHOTO_PROCESS_REQUEUE_AFTER_MINUTES)
    with transaction.atomic():
        stale = list(
            Photo.unscoped.select_for_update(skip_locked=True)
            .only("pk", "clinic_id")
            .filter(status=Photo.Status.PROCESSING, updated_at__lt=cutoff)
            .order_by("updated_at")[:limit]
        )
        Photo.unscoped.filter(pk__in=[photo.pk for photo in stale]).update(updated_at=now)
        for photo in stale:
            enqueue_on_commit(tasks.photo_process, clinic_id=str(photo.clinic_id), photo_id=str(photo.pk))
    return len(stale)


def photo_process(*, photo_id: Any) -> Photo:
    """Verify a confirmed photo and prepare it (``emr.imaging.image_prepare``, at most
    ``PHOTO_MAX_PIXELS``): write the original re-encoded without metadata to
    ``<stem>.original.<ext>`` and WebP display and thumbnail copies, keys no presigned
    POST is ever issued for, record width, height, size and SHA-256 of that original and
    mark it ``ready``. A file that is not an image of its type, too large to decode, or
    replaced after it was confirmed (its ETag changed: a replayed POST) is marked
    ``rejected`` with the reason (never shown). The uploaded object is then deleted: it
    may carry the location, and nothing reads it again.

    Idempotent: a photo already processed only has its upload deleted. Runs in the photo
    task; storage failures raise ``ObjectStoreError`` for the task to retry."""
    photo = Photo.objects.get(pk=photo_id)
    if photo.status == Photo.Status.PROCESSING:
        photo = _photo_prepare(photo)
    if photo.original_key != photo.object_key:  # photos from before the move kept it
        object_store().delete(photo.object_key)
    return photo


def _photo_prepare(photo: Photo) -> Photo:
    store = object_store()
    try:
        data = store.read(photo.object_key, if_match=photo.upload_etag)
        prepared = image_prepare(data, content_type=photo.content_type, max_pixels=settings.PHOTO_MAX_PIXELS)
    except ObjectChanged:
        reason = _("The file was replaced after the upload was confirmed.")
        return _photo_mark(photo, status=Photo.Status.REJECTED, rejection_reason=reason)
    except ImageRejected as exc:
        return _photo_mark(photo, status=Photo.Status.REJECTED, rejection_reason=str(exc)[:300])
    del data
    stem, extension = photo.object_key.rsplit(".", 1)
    keys = {
        "original_key": f"{stem}.original.{extension}",
        "display_key": f"{stem}.display.webp",
        "thumbnail_key": f"{stem}.thumb.webp",
    }
    store.write(keys["original_key"], prepared.original, photo.content_type)
    store.write(keys["display_key"], prepared.display, DERIVATIVE_CONTENT_TYPE)
    store.write(keys["thumbnail_key"], prepared.thumbnail, DERIVATIVE_CONTENT_TYPE)
    return _photo_mark(
        photo,
        status=Photo.Status.READY,
        width=prepared.width,
        height=prepared.height,
        size_bytes=len(prepared.original),
        checksum_sha256=prepared.sha256,
        **keys,
    )


@transaction.atomic
def _photo_mark(photo: Photo, **fields: Any) -> Photo:
    locked = Photo.objects.select_for_update().get(pk=photo.pk)
    if locked.status != Photo.Status.PROCESSING:
        return locked
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.processed_at = timezone.now()
    model_save(locked, update_fields=[*fields, "processed_at"])
    return locked


def photos_view(*, clinic: Clinic, photos: Sequence[Photo], actor: User) -> dict[str, Any]:
    """Give ``actor`` viewing links of the ready ones of ``photos``, valid for
    ``PHOTO_VIEW_URL_SECONDS``, each issue audited as ``photo.viewed`` (a read of health
    data; LGPD Art. 37, PDPA s39). Returns the photo serializers' context: ``{"urls":
    {photo id: {"original", "display", "thumbnail"}}, "marketing": {patient id, …}}``,
    the patients whose marketing-photo consent stands
    (``selectors.photo_marketing_patient_ids``)."""
    store, seconds = object_store(), settings.PHOTO_VIEW_URL_SECONDS
    ready = [p for p in photos if p.status == Photo.Status.READY]
    urls = {
        p.pk: {
            "original": store.presigned_get(p.original_key, expires_in=seconds),
            "display": store.presigned_get(p.display_key, expires_in=seconds),
            "thumbnail": store.presigned_get(p.thumbnail_key, expires_in=seconds),
        }
        for p in ready
    }
    for photo in ready:
        _audit(clinic=clinic, actor=actor, action="photo.viewed", obj=photo)
    return {"urls": urls, "marketing": selectors.photo_marketing_patient_ids(photos)}
