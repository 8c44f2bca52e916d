"""Clinical records: visits, treatment sessions, SOAP notes, treatment plans, consent
forms, clinical photographs and face charts.

Who may read what is in ``core.permissions`` (``clinical.*``): clinical content is for
the clinicians of the clinic only; the front desk sees the schedule-level facts of a
visit (who, when, which service, which state).
"""

from __future__ import annotations

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.crypto import EncryptedJSONField, EncryptedTextField
from core.models import ClinicScopedModel


class Visit(ClinicScopedModel):
    """One encounter of a patient at the clinic: opened when a booked patient arrives
    (``appointment`` set, at most one visit per appointment) or for a walk-in."""

    class Kind(models.TextChoices):
        APPOINTMENT = "appointment", _("Booked appointment")
        WALK_IN = "walk_in", _("Walk-in")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="visits")
    appointment = models.OneToOneField(
        "scheduling.Appointment", on_delete=models.PROTECT, null=True, blank=True, related_name="visit"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="appointment", appointment__isnull=False)
                | Q(kind="walk_in", appointment__isnull=True),
                name="visit_kind_matches_appointment",
            )
        ]
        indexes = [models.Index(fields=["clinic", "patient", "-opened_at"], name="visit_patient_recent")]


class ConsentFormTemplate(ClinicScopedModel):
    """The wording of a treatment's consent form, versioned per service and language.
    Published templates are never edited: a change is a new version, and only a
    signature of the newest version of a language counts (``consent_form_valid_for``)."""

    service = models.ForeignKey("catalog.Service", on_delete=models.PROTECT, related_name="+")
    locale = models.CharField(max_length=10)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    body = models.TextField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "service", "locale", "version"], name="consent_form_template_version_unique"
            )
        ]


class ConsentFormSignature(ClinicScopedModel):
    """A patient's signature of one consent form template: a drawn signature (PNG image)
    or a typed name, with the instant, the address it came from and a SHA-256 of the
    exact wording signed (evidence that the text was not changed afterwards)."""

    class Method(models.TextChoices):
        DRAWN = "drawn", _("Drawn signature")
        TYPED = "typed", _("Typed name")

    class Channel(models.TextChoices):
        CLINIC = "clinic", _("At the clinic")
        PORTAL = "portal", _("Patient portal")

    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    template = models.ForeignKey(ConsentFormTemplate, on_delete=models.PROTECT, related_name="signatures")
    method = models.CharField(max_length=5, choices=Method.choices)
    signature_png = models.BinaryField(blank=True, default=b"", help_text=_("Drawn signature, PNG"))
    typed_name = models.CharField(max_length=200, blank=True)
    text_sha256 = models.CharField(max_length=64)
    signed_at = models.DateTimeField()
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=256, blank=True)
    #: Where it was signed: on a clinic device (``recorded_by``: the staff member who
    #: handed it over) or by the patient on the portal (``recorded_by`` empty).
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.CLINIC)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(method="typed") & ~Q(typed_name="") | Q(method="drawn"),
                name="consent_form_typed_has_name",
            ),
            models.CheckConstraint(
                condition=Q(channel="portal") | Q(recorded_by__isnull=False),
                name="consent_form_clinic_has_recorder",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "patient", "template"], name="consent_form_by_patient")]


class TreatmentPlan(ClinicScopedModel):
    """What a clinician plans for a patient: goals and a series of planned sessions with
    target dates. Progress is the share of planned sessions done."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=200)
    goals = models.JSONField(default=list, blank=True, help_text=_("List of goals, as text"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        indexes = [models.Index(fields=["clinic", "patient", "status"], name="plan_by_patient")]


class TreatmentSession(ClinicScopedModel):
    """One treatment performed in a visit: the service, the practitioners, when it ran,
    and (for a service that requires it) the consent form signature it started under.
    A cancelled session (skipped) carries ``skip_reason``."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="sessions")
    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey("catalog.Service", on_delete=models.PROTECT, related_name="+")
    practitioners = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    started_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    consent_signature = models.ForeignKey(
        ConsentFormSignature, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Why a cancelled session was skipped (required by ``session_finish``): the visit is
    # completed and billed without it, so the record says why it was not done.
    skip_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "patient", "-created_at"], name="session_patient_recent")]


class SessionProduct(ClinicScopedModel):
    """A product used in a session, from one stock lot (for recalls: which patient got
    which lot). Written with the stock movement that took it out of stock
    (``commerce.services.stock_consume``, reference ``emr.treatment_session``); a use
    spread over two lots by FEFO is two rows. ``quantity`` is in the product's unit."""

    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="products")
    product = models.ForeignKey("catalog.Product", on_delete=models.PROTECT, related_name="+")
    lot = models.ForeignKey("commerce.StockLot", on_delete=models.PROTECT, related_name="+")
    movement = models.OneToOneField("commerce.StockMovement", on_delete=models.PROTECT, related_name="+")
    quantity = models.DecimalField(max_digits=12, decimal_places=3)
    unit = models.CharField(max_length=10)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gt=0), name="session_product_quantity_positive")
        ]


class PlannedSession(ClinicScopedModel):
    """One step of a treatment plan: a service to perform by a target date; ``session``
    is the treatment session that fulfilled it."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        DONE = "done", _("Done")
        SKIPPED = "skipped", _("Skipped")

    plan = models.ForeignKey(TreatmentPlan, on_delete=models.CASCADE, related_name="items")
    sequence = models.PositiveSmallIntegerField()
    service = models.ForeignKey("catalog.Service", on_delete=models.PROTECT, related_name="+")
    target_date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    session = models.OneToOneField(
        TreatmentSession, on_delete=models.SET_NULL, null=True, blank=True, related_name="planned_item"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "sequence"], name="planned_session_sequence_unique")
        ]


# What a signature fixes besides the text (see ClinicalNote).
_SIGNED_COLUMNS = ", ".join(
    f"@.{column}"
    for column in (
        "status", "version", "amends_id", "author_id", "signed_at", "signed_by_id",
        "visit_id", "patient_id", "session_id", "clinic_id",
    )
)  # fmt: skip


class ClinicalNote(ClinicScopedModel):
    """A SOAP note (subjective, objective, assessment, plan), encrypted at rest.

    A draft can be edited by its author; once signed it is locked. A correction is an
    amendment: a new draft version that points at the signed one (``amends``), so the
    chain of versions 1, 2, 3… of a note is never rewritten (CFM Resolution 1.638/2002
    art. 5: medical records are kept unaltered; LGPD Art. 6 V accuracy).

    On PostgreSQL triggers back this up below the application: no note is ever deleted,
    and a signed note's status, version, links and signature cannot change. Its text
    columns are left to the application, because key rotation (``reencrypt_fields``)
    legitimately rewrites their ciphertext.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed")

    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    visit = models.ForeignKey(Visit, on_delete=models.PROTECT, related_name="notes")
    session = models.ForeignKey(
        TreatmentSession, on_delete=models.PROTECT, null=True, blank=True, related_name="notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    subjective = EncryptedTextField(blank=True)
    objective = EncryptedTextField(blank=True)
    assessment = EncryptedTextField(blank=True)
    plan = EncryptedTextField(blank=True)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    amends = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="amendment"
    )
    amendment_reason = models.CharField(max_length=300, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(signed_at__isnull=False, signed_by__isnull=False),
                name="clinical_note_signed_has_signer",
            ),
            models.CheckConstraint(
                condition=Q(amends__isnull=True, version=1) | Q(amends__isnull=False, version__gt=1),
                name="clinical_note_version_follows_amends",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "patient", "-created_at"], name="note_patient_recent")]
        triggers = [
            pgtrigger.Protect(name="clinical_note_never_deleted", operation=pgtrigger.Delete),
            pgtrigger.Protect(
                name="signed_note_stays_signed",
                operation=pgtrigger.Update,
                condition=pgtrigger.Condition(
                    f"OLD.status = 'signed' AND ({_SIGNED_COLUMNS.replace('@', 'OLD')})"
                    f" IS DISTINCT FROM ({_SIGNED_COLUMNS.replace('@', 'NEW')})"
                ),
            ),
        ]


class PhotoKind(models.TextChoices):
    BEFORE = "before", _("Before")
    AFTER = "after", _("After")
    PROGRESS = "progress", _("Progress")


class PhotoAngle(models.TextChoices):
    """The standard views of facial photography (frontal, obliques, laterals)."""

    FRONT = "front", _("Frontal")
    LEFT_OBLIQUE = "left_oblique", _("Left oblique (45°)")
    RIGHT_OBLIQUE = "right_oblique", _("Right oblique (45°)")
    LEFT_LATERAL = "left_lateral", _("Left profile (90°)")
    RIGHT_LATERAL = "right_lateral", _("Right profile (90°)")
    OTHER = "other", _("Other")


class PhotoUpload(ClinicScopedModel):
    """An upload slot the API issued: the exact object key the browser may write, with
    the content type and size it promised. Only an issued key can become a photo."""

    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="+")
    object_key = models.CharField(max_length=300, unique=True)
    kind = models.CharField(max_length=10, choices=PhotoKind.choices)
    angle = models.CharField(max_length=15, choices=PhotoAngle.choices)
    content_type = models.CharField(max_length=20)
    declared_size = models.PositiveBigIntegerField()
    expires_at = models.DateTimeField()
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")


class Photo(ClinicScopedModel):
    """A clinical photograph confirmed after a direct upload. ``status`` is
    ``processing`` until the photo task verified it (``ready``: dimensions, checksum,
    metadata-free original and derivatives written) or refused it (``rejected``: never
    shown).

    ``object_key`` is where the browser uploaded (its presigned POST can be replayed until
    it expires, so it is only an inbox: ``upload_etag`` pins the version confirmed, and
    the task deletes it once done). What is served lives under keys no POST was ever
    issued for: ``original_key`` (the verified original, re-encoded without metadata;
    ``size_bytes`` and ``checksum_sha256`` are its own), ``display_key`` and
    ``thumbnail_key``.

    ``usage`` is what the clinician marked: ``clinical`` only, or ``marketing`` (allowed
    only while the patient's ``marketing_photos`` consent stands)."""

    class Status(models.TextChoices):
        PROCESSING = "processing", _("Processing")
        READY = "ready", _("Ready")
        REJECTED = "rejected", _("Rejected")

    class Usage(models.TextChoices):
        CLINICAL = "clinical", _("Clinical record only")
        MARKETING = "marketing", _("May be used in marketing")

    upload = models.OneToOneField(PhotoUpload, on_delete=models.PROTECT, related_name="photo")
    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="photos")
    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=PhotoKind.choices)
    angle = models.CharField(max_length=15, choices=PhotoAngle.choices)
    object_key = models.CharField(max_length=300, unique=True)
    upload_etag = models.CharField(max_length=100, blank=True)
    content_type = models.CharField(max_length=20)
    size_bytes = models.PositiveBigIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROCESSING)
    usage = models.CharField(max_length=10, choices=Usage.choices, default=Usage.CLINICAL)
    checksum_sha256 = models.CharField(max_length=64, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    original_key = models.CharField(max_length=300, blank=True)
    display_key = models.CharField(max_length=300, blank=True)
    thumbnail_key = models.CharField(max_length=300, blank=True)
    rejection_reason = models.CharField(max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["clinic", "session", "angle"], name="photo_session_angle")]


class FaceChart(ClinicScopedModel):
    """Injection and treatment points of a session on a photo of it or on a standard
    face template. Saving writes a new version; earlier versions stay as they were.

    ``annotations`` follows ``emr.charting.ANNOTATIONS_SCHEMA``: ``{"points": [{"x": 0..1,
    "y": 0..1, "product": <product id or null>, "units": "2.5", "unit": "U"|"ml",
    "depth": …, "technique": …, "notes": …}]}`` (x, y normalized to the image)."""

    class Template(models.TextChoices):
        FRONT = "face_front", _("Face, frontal")
        LEFT = "face_left", _("Face, left profile")
        RIGHT = "face_right", _("Face, right profile")

    session = models.ForeignKey(TreatmentSession, on_delete=models.PROTECT, related_name="face_charts")
    version = models.PositiveIntegerField()
    template = models.CharField(max_length=12, choices=Template.choices, blank=True)
    photo = models.ForeignKey(Photo, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    annotations = models.JSONField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["session", "version"], name="face_chart_version_unique"),
            models.CheckConstraint(
                condition=Q(photo__isnull=True) & ~Q(template="") | Q(photo__isnull=False, template=""),
                name="face_chart_on_photo_or_template",
            ),
        ]


class MedicalIntake(ClinicScopedModel):
    """A patient's medical history as taken at the clinic (the initial assessment):
    allergies, medications, conditions, pregnancy and breast-feeding, previous aesthetic
    procedures and their complications, and the photo-sharing preference.

    Versioned like the rest of the record: every save is a new row (``version`` 1, 2, 3…
    per patient), the current history is the newest, and earlier versions stay as they
    were (CFM Resolution 1.638/2002 art. 5). ``history`` is encrypted at rest (health
    data, LGPD Art. 11; PDPA s26) and follows ``emr.intake.INTAKE_SHAPE``. On PostgreSQL
    a trigger refuses deleting a version and changing whose or which version it is; the
    ciphertext column stays writable for key rotation (``reencrypt_fields``).
    """

    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    version = models.PositiveIntegerField()
    history = EncryptedJSONField(help_text=_("The medical history; encrypted at rest"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "patient", "version"], name="medical_intake_version_unique"
            )
        ]
        triggers = [
            pgtrigger.Protect(name="medical_intake_never_deleted", operation=pgtrigger.Delete),
            pgtrigger.Protect(
                name="medical_intake_version_fixed",
                operation=pgtrigger.Update,
                condition=pgtrigger.Condition(
                    "ROW(OLD.patient_id, OLD.version, OLD.recorded_by_id, OLD.clinic_id, OLD.created_at)"
                    " IS DISTINCT FROM "
                    "ROW(NEW.patient_id, NEW.version, NEW.recorded_by_id, NEW.clinic_id, NEW.created_at)"
                ),
            ),
        ]
