"""Writes of the clinical record: visits, treatment sessions, notes, plans, consent
forms, photographs and face charts. Each function is one transaction; clinical writes
are audited (``audit.services.audit_event_record``)."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import io
import uuid
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from accounts.models import Clinic, User
from accounts.selectors import practitioners_of
from audit.services import audit_event_record
from catalog.models import Product, Service
from commerce.models import StockLot
from commerce.services import invoice_draft_from_services, stock_consume
from core.context import audit_context_get
from core.exceptions import Conflict, PermissionDeniedError, ValidationFailed
from core.objectstore import ObjectChanged, PresignedPost, object_store
from core.services import model_save
from core.tasks import enqueue_on_commit
from emr import charting, selectors, tasks
from emr.events import VISIT_COMPLETED, VISIT_OPENED, VisitEventDataSerializer
from emr.imaging import ALLOWED_IMAGE_TYPES, DERIVATIVE_CONTENT_TYPE, ImageRejected, image_prepare
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    ConsentFormTemplate,
    FaceChart,
    Photo,
    PhotoUpload,
    PlannedSession,
    SessionProduct,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)
from outbox.services import outbox_event_record
from patients.models import ClinicPatient, ConsentPurpose
from patients.selectors import consent_is_granted
from patients.services import patient_viewed_record
from scheduling.models import Appointment

SIGNATURE_PNG_MAX_BYTES = 200 * 1024


class SoapFields(TypedDict, total=False):
    """The SOAP sections of a clinical note (free text each)."""

    subjective: str
    objective: str
    assessment: str
    plan: str


NOTE_FIELDS = tuple(SoapFields.__annotations__)


def _audit(
    *,
    clinic: Clinic,
    actor: User | None,
    action: str,
    obj: Any,
    changes: dict[str, list[Any]] | None = None,
) -> None:
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action=action,
        object_type=f"emr.{type(obj).__name__}",
        object_id=obj.pk,
        changes=changes,
    )


# ------------------------------------------------------------------------------ visits


def _visit_event(visit: Visit, event_type: str) -> None:
    """Schedule-level facts only: the live front desk shows who is in and who is done."""
    outbox_event_record(
        clinic_id=visit.clinic_id,
        type=event_type,
        subject=f"visit/{visit.pk}",
        data=VisitEventDataSerializer(visit).data,
    )


@transaction.atomic
def visit_open(
    *,
    clinic: Clinic,
    actor: User | None,
    patient: ClinicPatient | None = None,
    appointment: Appointment | None = None,
) -> Visit:
    """Open the encounter of ``appointment`` (its patient; idempotent: the appointment's
    visit if it has one) or of a walk-in ``patient``. Audited as ``visit.opened`` and
    announced to the clinic's live channel after commit.
    Raises ``ValidationFailed`` naming ``appointment_id`` for a cancelled or no-show
    appointment, ``patient_id`` when neither is given."""
    if appointment is not None:
        existing = Visit.objects.filter(appointment=appointment).first()
        if existing is not None:
            return existing
        if appointment.status in (Appointment.Status.CANCELLED, Appointment.Status.NO_SHOW):
            raise ValidationFailed(errors={"appointment_id": [_("This appointment did not take place.")]})
        patient = appointment.patient
    if patient is None:
        raise ValidationFailed(errors={"patient_id": [_("Name the patient or the appointment.")]})
    visit = Visit(
        clinic=clinic,
        patient=patient,
        appointment=appointment,
        kind=Visit.Kind.APPOINTMENT if appointment is not None else Visit.Kind.WALK_IN,
        opened_at=timezone.now(),
        opened_by=actor,
    )
    try:
        with transaction.atomic():
            model_save(visit)
    except IntegrityError:  # opened meanwhile by the arrival hook or another desk
        return Visit.objects.get(appointment=appointment)
    _audit(clinic=clinic, actor=actor, action="visit.opened", obj=visit)
    _visit_event(visit, VISIT_OPENED)
    return visit


VISIT_REFERENCE = "emr.visit"


def _visit_invoice_draft(visit: Visit, actor: User) -> None:
    """Draft the invoice of the visit's completed sessions for the cashier
    (``commerce.services.invoice_draft_from_services``, reference ``emr.visit``): one
    line per session, quantity ``session_billable_quantity``, the session's first
    practitioner (the appointment's, when they took part). Nothing to bill, no invoice."""
    booked = visit.appointment.practitioner_id if visit.appointment is not None else None
    items = []
    for session in selectors.sessions_to_bill(visit_id=visit.pk):
        practitioners = sorted(
            session.practitioners.all(), key=lambda user: (user.pk != booked, str(user.pk))
        )
        items.append(
            (
                session.service,
                selectors.session_billable_quantity(session),
                practitioners[0] if practitioners else None,
            )
        )
    if items:
        invoice_draft_from_services(
            patient=visit.patient,
            items=items,
            reference_type=VISIT_REFERENCE,
            reference_id=visit.pk,
            actor=actor,
        )


@transaction.atomic
def visit_complete(*, visit: Visit, actor: User) -> Visit:
    """Close an open visit and draft the invoice of its completed sessions (see
    ``_visit_invoice_draft``). Every session must be completed or cancelled first:
    raises ``Conflict`` (``sessions_open``) otherwise, ``Conflict``
    (``invalid_transition``) for a visit that is not open. Audited as
    ``visit.completed``."""
    locked = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("patient__clinic", "appointment")
        .get(pk=visit.pk)
    )
    if locked.status != Visit.Status.OPEN:
        raise Conflict(_("Only an open visit can be completed."), code="invalid_transition")
    unfinished = TreatmentSession.objects.filter(
        visit=locked, status__in=[TreatmentSession.Status.PLANNED, TreatmentSession.Status.IN_PROGRESS]
    )
    if unfinished.exists():
        raise Conflict(_("Complete or cancel every session of the visit first."), code="sessions_open")
    locked.status, locked.closed_at = Visit.Status.COMPLETED, timezone.now()
    model_save(locked, update_fields=["status", "closed_at"])
    _visit_invoice_draft(locked, actor)
    _audit(clinic=locked.clinic, actor=actor, action="visit.completed", obj=locked)
    _visit_event(locked, VISIT_COMPLETED)
    return locked


# ---------------------------------------------------------------------------- sessions


def _practitioners(clinic: Clinic, ids: Sequence[uuid.UUID]) -> list[User]:
    found = {
        m.user_id: m.user for m in practitioners_of(clinic).filter(user_id__in=ids).select_related("user")
    }
    if not ids or len(found) != len(set(ids)):
        raise ValidationFailed(errors={"practitioner_ids": [_("Name practitioners of this clinic.")]})
    return list(found.values())


@transaction.atomic
def session_create(
    *,
    visit: Visit,
    actor: User,
    service: Service,
    practitioner_ids: Sequence[uuid.UUID],
    planned_item: PlannedSession | None = None,
) -> TreatmentSession:
    """Add a treatment session of ``service`` to an open visit, performed by
    ``practitioner_ids`` (clinical staff of the clinic). ``planned_item``, a step of
    one of the patient's plans, is marked done when the session completes. Raises
    ``ValidationFailed`` naming the field, ``Conflict`` for a closed visit."""
    if visit.status != Visit.Status.OPEN:
        raise Conflict(_("The visit is closed."), code="visit_closed")
    practitioners = _practitioners(visit.clinic, practitioner_ids)
    if planned_item is not None and (
        planned_item.plan.patient_id != visit.patient_id
        or planned_item.status != PlannedSession.Status.PLANNED
    ):
        raise ValidationFailed(errors={"planned_item_id": [_("Not an open step of this patient's plans.")]})
    session = TreatmentSession(clinic=visit.clinic, visit=visit, patient=visit.patient, service=service)
    model_save(session)
    session.practitioners.set(practitioners)
    if planned_item is not None:
        planned_item.session = session
        model_save(planned_item, update_fields=["session"])
    _audit(clinic=visit.clinic, actor=actor, action="session.created", obj=session)
    return session


@transaction.atomic
def session_start(*, session: TreatmentSession, actor: User) -> TreatmentSession:
    """Start a planned session. A service that ``requires_consent`` starts only after
    the patient signed the newest version of one of its consent forms: raises
    ``Conflict`` (``consent_required``, 409) otherwise; ``Conflict``
    (``invalid_transition``) for a session that is not planned."""
    locked = (
        TreatmentSession.objects.select_for_update().select_related("service", "clinic").get(pk=session.pk)
    )
    if locked.status != TreatmentSession.Status.PLANNED:
        raise Conflict(_("Only a planned session can start."), code="invalid_transition")
    if locked.service.requires_consent:
        signature = selectors.consent_form_valid_for(patient_id=locked.patient_id, service=locked.service)
        if signature is None:
            raise Conflict(
                _("The patient has not signed the consent form of %(service)s.")
                % {"service": locked.service},
                code="consent_required",
            )
        locked.consent_signature = signature
    locked.status, locked.started_at = TreatmentSession.Status.IN_PROGRESS, timezone.now()
    model_save(locked, update_fields=["status", "started_at", "consent_signature"])
    _audit(clinic=locked.clinic, actor=actor, action="session.started", obj=locked)
    return locked


@transaction.atomic
def session_finish(*, session: TreatmentSession, actor: User, to_status: str) -> TreatmentSession:
    """Complete an in-progress session (its plan step becomes done) or cancel a planned
    or in-progress one. Raises ``Conflict`` (``invalid_transition``)."""
    allowed: dict[str, set[str]] = {
        TreatmentSession.Status.COMPLETED: {TreatmentSession.Status.IN_PROGRESS},
        TreatmentSession.Status.CANCELLED: {
            TreatmentSession.Status.PLANNED,
            TreatmentSession.Status.IN_PROGRESS,
        },
    }
    locked = TreatmentSession.objects.select_for_update().select_related("clinic").get(pk=session.pk)
    if locked.status not in allowed.get(to_status, set()):
        raise Conflict(
            _("A session that is %(current)s cannot become %(target)s.")
            % {"current": locked.status, "target": to_status},
            code="invalid_transition",
        )
    locked.status = to_status
    fields = ["status"]
    if to_status == TreatmentSession.Status.COMPLETED:
        locked.completed_at = timezone.now()
        fields.append("completed_at")
        PlannedSession.objects.filter(session=locked).update(status=PlannedSession.Status.DONE)
    model_save(locked, update_fields=fields)
    _audit(clinic=locked.clinic, actor=actor, action=f"session.{to_status}", obj=locked)
    return locked


STOCK_REFERENCE = "emr.treatment_session"


@transaction.atomic
def session_products_record(
    *,
    session: TreatmentSession,
    actor: User,
    items: Sequence[tuple[Product, Decimal, StockLot | None]],
) -> list[SessionProduct]:
    """Record products used in a started or completed session, each ``(product,
    quantity in the product's unit, lot or None)``, and take them out of stock in the
    same transaction (``commerce.services.stock_consume``: the lot given, or FEFO over
    unexpired lots, reference ``emr.treatment_session``). All or nothing. Raises
    ``ValidationFailed`` naming ``products.<i>.<field>`` (``quantity``: more than on
    hand; ``lot``: expired or another product's), ``Conflict`` for a session that is
    planned or cancelled."""
    locked = (
        TreatmentSession.objects.select_for_update().select_related("clinic", "patient").get(pk=session.pk)
    )
    if locked.status not in (TreatmentSession.Status.IN_PROGRESS, TreatmentSession.Status.COMPLETED):
        raise Conflict(_("Record products of a started or completed session."), code="invalid_transition")
    recorded: list[SessionProduct] = []
    for index, (product, quantity, lot) in enumerate(items):
        try:
            movements = stock_consume(
                product=product,
                quantity=quantity,
                lot=lot,
                patient=locked.patient,
                reference_type=STOCK_REFERENCE,
                reference_id=locked.pk,
                actor=actor,
            )
        except ValidationFailed as exc:
            raise ValidationFailed(
                exc.detail,
                errors={f"products.{index}.{field}": messages for field, messages in exc.errors.items()},
            ) from exc
        for movement in movements:
            line = SessionProduct(
                clinic=locked.clinic,
                session=locked,
                product=product,
                lot=movement.lot,
                movement=movement,
                quantity=-movement.quantity,
                unit=product.unit,
                recorded_by=actor,
            )
            model_save(line)
            recorded.append(line)
    _audit(
        clinic=locked.clinic,
        actor=actor,
        action="session.products_recorded",
        obj=locked,
        changes={
            "products": [None, [f"{line.product_id}:{line.lot_id}:{line.quantity}" for line in recorded]]
        },
    )
    return recorded


# ------------------------------------------------------------------------------- notes


@transaction.atomic
def note_create(
    *,
    visit: Visit,
    actor: User,
    session: TreatmentSession | None = None,
    **soap: Unpack[SoapFields],
) -> ClinicalNote:
    """Write a draft SOAP note (``subjective``, ``objective``, ``assessment``, ``plan``)
    for ``visit`` (and one of its sessions). Raises ``ValidationFailed`` naming
    ``session_id`` for a session of another visit."""
    if session is not None and session.visit_id != visit.pk:
        raise ValidationFailed(errors={"session_id": [_("Not a session of this visit.")]})
    note = ClinicalNote(
        clinic=visit.clinic, patient=visit.patient, visit=visit, session=session, author=actor, **soap
    )
    model_save(note)
    _audit(clinic=visit.clinic, actor=actor, action="note.created", obj=note)
    return note


def _locked_draft(note: ClinicalNote, actor: User) -> ClinicalNote:
    locked = ClinicalNote.objects.select_for_update().select_related("clinic").get(pk=note.pk)
    if locked.status == ClinicalNote.Status.SIGNED:
        raise Conflict(_("A signed note cannot be changed; amend it instead."), code="note_signed")
    if locked.author_id != actor.pk:
        raise PermissionDeniedError(_("Only the author edits or signs a draft note."))
    return locked


@transaction.atomic
def note_update(*, note: ClinicalNote, actor: User, **soap: Unpack[SoapFields]) -> ClinicalNote:
    """Change the SOAP fields of a draft note (its author only). Raises ``Conflict``
    (``note_signed``, 409) for a signed note, ``PermissionDeniedError`` for another
    author's draft."""
    locked = _locked_draft(note, actor)
    for name, value in soap.items():
        setattr(locked, name, value)
    if soap:
        model_save(locked, update_fields=list(soap))
    _audit(clinic=locked.clinic, actor=actor, action="note.updated", obj=locked)
    return locked


@transaction.atomic
def note_sign(*, note: ClinicalNote, actor: User) -> ClinicalNote:
    """Sign (lock) a draft note: its author only. Raises as ``note_update``."""
    locked = _locked_draft(note, actor)
    if not any(getattr(locked, name).strip() for name in NOTE_FIELDS):
        raise ValidationFailed(errors={"subjective": [_("An empty note cannot be signed.")]})
    locked.status, locked.signed_at, locked.signed_by = ClinicalNote.Status.SIGNED, timezone.now(), actor
    model_save(locked, update_fields=["status", "signed_at", "signed_by"])
    _audit(clinic=locked.clinic, actor=actor, action="note.signed", obj=locked)
    return locked


@transaction.atomic
def note_amend(*, note: ClinicalNote, actor: User, reason: str, **soap: Unpack[SoapFields]) -> ClinicalNote:
    """Amend a signed note: a new draft version (``version`` + 1, ``amends`` = the
    note) holding the note's SOAP fields overridden by ``soap``. Only the newest version
    of a note is amended. Raises ``ValidationFailed`` naming ``reason`` when empty,
    ``Conflict`` (``note_not_signed``/``note_superseded``)."""
    locked = ClinicalNote.objects.select_for_update().select_related("clinic", "visit").get(pk=note.pk)
    if locked.status != ClinicalNote.Status.SIGNED:
        raise Conflict(_("Only a signed note is amended; edit the draft."), code="note_not_signed")
    if ClinicalNote.objects.filter(amends=locked).exists():
        raise Conflict(_("This version was already amended; amend the newest."), code="note_superseded")
    if not reason.strip():
        raise ValidationFailed(errors={"reason": [_("Say why the note is amended.")]})
    amendment = ClinicalNote(
        clinic=locked.clinic,
        patient_id=locked.patient_id,
        visit=locked.visit,
        session_id=locked.session_id,
        author=actor,
        version=locked.version + 1,
        amends=locked,
        amendment_reason=reason.strip(),
        **{name: soap.get(name, getattr(locked, name)) for name in NOTE_FIELDS},
    )
    model_save(amendment)
    _audit(clinic=locked.clinic, actor=actor, action="note.amended", obj=amendment)
    return amendment


# ------------------------------------------------------------------------------- plans


@transaction.atomic
def plan_create(
    *,
    clinic: Clinic,
    actor: User,
    patient: ClinicPatient,
    title: str,
    goals: Sequence[str] = (),
    items: Sequence[tuple[Service, dt.date]] = (),
) -> TreatmentPlan:
    """A treatment plan for ``patient``: goals (text) and planned sessions as
    ``(service, target date)`` in order. Audited as ``plan.created``."""
    plan = TreatmentPlan(
        clinic=clinic, patient=patient, title=title.strip(), goals=list(goals), created_by=actor
    )
    model_save(plan)
    for sequence, (service, target_date) in enumerate(items, start=1):
        model_save(
            PlannedSession(
                clinic=clinic, plan=plan, sequence=sequence, service=service, target_date=target_date
            )
        )
    _audit(clinic=clinic, actor=actor, action="plan.created", obj=plan)
    return plan


class PlanFields(TypedDict, total=False):
    """The fields of a treatment plan that ``plan_update`` changes."""

    title: str
    goals: list[str]
    status: str


@transaction.atomic
def plan_update(
    *,
    plan: TreatmentPlan,
    actor: User,
    items_add: Sequence[tuple[Service, dt.date]] = (),
    **fields: Unpack[PlanFields],
) -> TreatmentPlan:
    """Change the ``PlanFields`` given (title, goals, status) and append planned sessions.
    Audited as ``plan.updated`` with the changed fields."""
    locked = TreatmentPlan.objects.select_for_update().select_related("clinic").get(pk=plan.pk)
    changes = {k: [getattr(locked, k), v] for k, v in fields.items() if getattr(locked, k) != v}
    for name, value in fields.items():
        setattr(locked, name, value)
    if fields:
        model_save(locked, update_fields=list(fields))
    last = PlannedSession.objects.filter(plan=locked).aggregate(last=Max("sequence"))["last"] or 0
    for sequence, (service, target_date) in enumerate(items_add, start=last + 1):
        model_save(
            PlannedSession(
                clinic=locked.clinic, plan=locked, sequence=sequence, service=service, target_date=target_date
            )
        )
    _audit(clinic=locked.clinic, actor=actor, action="plan.updated", obj=locked, changes=changes)
    return locked


# ------------------------------------------------------------------------ consent forms


@transaction.atomic
def consent_template_publish(
    *, clinic: Clinic, actor: User, service: Service, locale: str, title: str, body: str
) -> ConsentFormTemplate:
    """Publish the next version (1, 2, …) of ``service``'s consent form in ``locale``.
    Earlier signatures of the language stop counting for new sessions."""
    Service.objects.select_for_update().filter(pk=service.pk).first()
    last = (
        ConsentFormTemplate.objects.filter(service=service, locale=locale).aggregate(last=Max("version"))[
            "last"
        ]
        or 0
    )
    template = ConsentFormTemplate(
        clinic=clinic,
        service=service,
        locale=locale,
        version=last + 1,
        title=title.strip(),
        body=body,
        published_by=actor,
    )
    model_save(template)
    _audit(clinic=clinic, actor=actor, action="consent_form.published", obj=template)
    return template


def consent_text_digest(template: ConsentFormTemplate) -> str:
    """SHA-256 (hex) of the wording signed: title, a blank line, body (UTF-8)."""
    return hashlib.sha256(f"{template.title}\n\n{template.body}".encode()).hexdigest()


def _signature_png(data_b64: str) -> bytes:
    try:
        raw = base64.b64decode(data_b64.removeprefix("data:image/png;base64,"), validate=True)
    except (binascii.Error, ValueError) as exc:
        raise ValidationFailed(errors={"signature_png": [_("Send the PNG as base64.")]}) from exc
    if len(raw) > SIGNATURE_PNG_MAX_BYTES:
        raise ValidationFailed(errors={"signature_png": [_("The image is larger than 200 KB.")]})
    try:
        with Image.open(io.BytesIO(raw)) as image:
            image.verify()
            if image.format != "PNG":
                raise ValidationFailed(errors={"signature_png": [_("Not a PNG image.")]})
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationFailed(errors={"signature_png": [_("Not a PNG image.")]}) from exc
    return raw


@transaction.atomic
def consent_form_sign(
    *,
    clinic: Clinic,
    actor: User,
    patient: ClinicPatient,
    template: ConsentFormTemplate,
    method: str,
    signature_png: str = "",
    typed_name: str = "",
) -> ConsentFormSignature:
    """Record the patient's signature of ``template`` (the newest version of its
    language): a drawn signature (``signature_png``: base64 PNG, ≤ 200 KB) or a typed
    name, stamped with the instant, the client address and user agent of the audit
    context (``core.context``) and the SHA-256 of the wording. Raises
    ``ValidationFailed`` naming the field."""
    newest = selectors.consent_template_newest(service=template.service, locale=template.locale)
    if newest is None or newest.pk != template.pk:
        raise ValidationFailed(errors={"template_id": [_("A newer version of this form exists; sign that.")]})
    png = b""
    if method == ConsentFormSignature.Method.DRAWN:
        png = _signature_png(signature_png)
    elif not typed_name.strip():
        raise ValidationFailed(errors={"typed_name": [_("Type the patient's full name.")]})
    origin = audit_context_get()
    signature = ConsentFormSignature(
        clinic=clinic,
        patient=patient,
        template=template,
        method=method,
        signature_png=png,
        typed_name=typed_name.strip(),
        text_sha256=consent_text_digest(template),
        signed_at=timezone.now(),
        ip=origin.ip,
        user_agent=origin.user_agent[:256],
        recorded_by=actor,
    )
    model_save(signature)
    _audit(clinic=clinic, actor=actor, action="consent_form.signed", obj=signature)
    return signature


# ------------------------------------------------------------------------------ photos


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
    upload = PhotoUpload.objects.select_for_update().select_related("session").filter(object_key=key).first()
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


# -------------------------------------------------------------------------- face charts


@transaction.atomic
def face_chart_save(
    *,
    session: TreatmentSession,
    actor: User,
    annotations: Any,
    template: str = "",
    photo: Photo | None = None,
) -> FaceChart:
    """Save the next version (1, 2, …) of ``session``'s face chart: ``annotations``
    as ``emr.charting.ANNOTATIONS_SCHEMA`` on ``photo`` (a ready photo of the session) or
    on a standard ``template``. Raises ``ValidationFailed`` naming the field, e.g.
    ``annotations.points[3].x``."""
    if (photo is None) == (not template):
        raise ValidationFailed(errors={"template": [_("Chart on a photo of the session or on a template.")]})
    if photo is not None and (photo.session_id != session.pk or photo.status != Photo.Status.READY):
        raise ValidationFailed(errors={"photo_id": [_("Not a ready photo of this session.")]})
    clean = charting.annotations_shape_check(annotations)
    charting.annotation_references_check(clean)
    TreatmentSession.objects.select_for_update().filter(pk=session.pk).first()
    last = FaceChart.objects.filter(session=session).aggregate(last=Max("version"))["last"] or 0
    chart = FaceChart(
        clinic=session.clinic,
        session=session,
        version=last + 1,
        template=template,
        photo=photo,
        annotations=clean,
        created_by=actor,
    )
    model_save(chart)
    _audit(clinic=session.clinic, actor=actor, action="face_chart.saved", obj=chart)
    return chart


def chart_viewed(*, patient: ClinicPatient, actor: User) -> None:
    """Audit a read of ``patient``'s clinical chart as ``patient.viewed`` (the access
    history the patient may ask for: LGPD Art. 18 VII, PDPA s30)."""
    patient_viewed_record(patient=patient, actor=actor)
