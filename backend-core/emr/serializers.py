"""Shapes of the clinical-record API. Input serializers check shape; services check
meaning."""

from __future__ import annotations

import base64
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.models import Contraindication
from commerce.payment_methods import TILL_METHOD_CHOICES
from core.fields import MoneyField
from emr.imaging import ALLOWED_IMAGE_TYPES
from emr.intake import Answer, ConditionKind, MedicationKind, PhotoSharing, Severity
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    ConsentFormTemplate,
    FaceChart,
    MedicalIntake,
    Photo,
    PhotoAngle,
    PhotoKind,
    PlannedSession,
    SessionProduct,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)
from emr.selectors import TimelineKind

SOAP_MAX_LENGTH = 20_000


# ------------------------------------------------------------------------------ visits


class SessionBriefSerializer(serializers.ModelSerializer[TreatmentSession]):
    service_name = serializers.CharField(source="service.name", read_only=True)

    class Meta:
        model = TreatmentSession
        fields = ["id", "service_id", "service_name", "status"]
        read_only_fields = fields


class VisitSerializer(serializers.ModelSerializer[Visit]):
    """Schedule-level facts of a visit: who, when, which services, which state."""

    chart_number = serializers.CharField(source="patient.chart_number", read_only=True)
    sessions = SessionBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Visit
        fields = [
            "id",
            "patient_id",
            "chart_number",
            "appointment_id",
            "kind",
            "status",
            "opened_at",
            "closed_at",
            "sessions",
        ]
        read_only_fields = fields


class VisitOpenSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField(required=False, help_text="A walk-in patient")
    appointment_id = serializers.UUIDField(required=False, help_text="The appointment the patient came for")


# ---------------------------------------------------------------------------- sessions


class SessionProductSerializer(serializers.ModelSerializer[SessionProduct]):
    product_name = serializers.CharField(source="product.name", read_only=True)
    lot_number = serializers.CharField(source="lot.lot_number", read_only=True)
    expiry_date = serializers.DateField(source="lot.expiry_date", read_only=True)
    registration_number = serializers.CharField(source="lot.registration_number", read_only=True)

    class Meta:
        model = SessionProduct
        fields = [
            "id",
            "product_id",
            "product_name",
            "lot_id",
            "lot_number",
            "expiry_date",
            "registration_number",
            "quantity",
            "unit",
            "recorded_by_id",
            "created_at",
        ]
        read_only_fields = fields


class SessionSerializer(serializers.ModelSerializer[TreatmentSession]):
    """A session with the products used (one row per stock lot)."""

    service_name = serializers.CharField(source="service.name", read_only=True)
    products = SessionProductSerializer(many=True, read_only=True)
    practitioner_ids: Any = serializers.PrimaryKeyRelatedField(
        source="practitioners", many=True, read_only=True
    )

    class Meta:
        model = TreatmentSession
        fields = [
            "id",
            "visit_id",
            "patient_id",
            "service_id",
            "service_name",
            "practitioner_ids",
            "status",
            "started_at",
            "completed_at",
            "consent_signature_id",
            "skip_reason",
            "products",
            "created_at",
        ]
        read_only_fields = fields


class ProductUseSerializer(serializers.Serializer[Any]):
    product_id = serializers.UUIDField()
    quantity = serializers.DecimalField(
        max_digits=12, decimal_places=3, min_value=Decimal("0.001"), help_text="In the product's unit"
    )
    lot_id = serializers.UUIDField(required=False, help_text="Omit to take the lot expiring first (FEFO)")


class ProductsUsedSerializer(serializers.Serializer[Any]):
    products = serializers.ListField(child=ProductUseSerializer(), min_length=1, max_length=30)


class SessionCreateSerializer(serializers.Serializer[Any]):
    visit_id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    practitioner_ids = serializers.ListField(child=serializers.UUIDField(), min_length=1, max_length=5)
    planned_item_id = serializers.UUIDField(required=False, help_text="The plan step this session performs")


# ------------------------------------------------------------------------------- notes


class NoteSerializer(serializers.ModelSerializer[ClinicalNote]):
    class Meta:
        model = ClinicalNote
        fields = [
            "id",
            "patient_id",
            "visit_id",
            "session_id",
            "author_id",
            "subjective",
            "objective",
            "assessment",
            "plan",
            "status",
            "version",
            "amends_id",
            "amendment_reason",
            "signed_at",
            "signed_by_id",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class SoapSerializer(serializers.Serializer[Any]):
    subjective = serializers.CharField(required=False, allow_blank=True, max_length=SOAP_MAX_LENGTH)
    objective = serializers.CharField(required=False, allow_blank=True, max_length=SOAP_MAX_LENGTH)
    assessment = serializers.CharField(required=False, allow_blank=True, max_length=SOAP_MAX_LENGTH)
    plan = serializers.CharField(required=False, allow_blank=True, max_length=SOAP_MAX_LENGTH)


class NoteCreateSerializer(SoapSerializer):
    visit_id = serializers.UUIDField()
    session_id = serializers.UUIDField(required=False)


class NoteAmendSerializer(SoapSerializer):
    reason = serializers.CharField(max_length=300)


# ------------------------------------------------------------------------------- plans


class PlannedSessionSerializer(serializers.ModelSerializer[PlannedSession]):
    service_name = serializers.CharField(source="service.name", read_only=True)

    class Meta:
        model = PlannedSession
        fields = ["id", "sequence", "service_id", "service_name", "target_date", "status", "session_id"]
        read_only_fields = fields


class PlanSerializer(serializers.ModelSerializer[TreatmentPlan]):
    items = PlannedSessionSerializer(many=True, read_only=True)
    steps_total = serializers.IntegerField(read_only=True, help_text="Planned steps, skipped ones left out")
    steps_done = serializers.IntegerField(read_only=True)

    class Meta:
        model = TreatmentPlan
        fields = [
            "id",
            "patient_id",
            "title",
            "goals",
            "status",
            "steps_total",
            "steps_done",
            "items",
            "created_by_id",
            "created_at",
        ]
        read_only_fields = fields


class PlanItemInputSerializer(serializers.Serializer[Any]):
    service_id = serializers.UUIDField()
    target_date = serializers.DateField()


class PlanCreateSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField()
    title = serializers.CharField(max_length=200)
    goals = serializers.ListField(child=serializers.CharField(max_length=300), max_length=20, required=False)
    items = serializers.ListField(child=PlanItemInputSerializer(), required=False, max_length=50)


class PlanUpdateSerializer(serializers.Serializer[Any]):
    title = serializers.CharField(max_length=200, required=False)
    goals = serializers.ListField(child=serializers.CharField(max_length=300), max_length=20, required=False)
    status = serializers.ChoiceField(choices=TreatmentPlan.Status.choices, required=False)
    items_add = serializers.ListField(child=PlanItemInputSerializer(), required=False, max_length=50)


# ------------------------------------------------------------------------ consent forms


class ConsentTemplateSerializer(serializers.ModelSerializer[ConsentFormTemplate]):
    """A version of a treatment's consent form: ``service_id`` is the treatment it covers;
    ``signatures_count`` how many patients signed this version."""

    service_name = serializers.CharField(source="service.name", read_only=True)
    signatures_count = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = ConsentFormTemplate
        fields = [
            "id",
            "service_id",
            "service_name",
            "locale",
            "version",
            "title",
            "body",
            "signatures_count",
            "created_at",
        ]
        read_only_fields = fields


class ConsentTemplateQuerySerializer(serializers.Serializer[Any]):
    """The filters of the consent template list (``?locale=``, ``?current=``)."""

    locale = serializers.ChoiceField(choices=settings.LANGUAGE_CODES, required=False)
    current = serializers.BooleanField(required=False)


class ConsentTemplateInputSerializer(serializers.Serializer[Any]):
    service_id = serializers.UUIDField()
    locale = serializers.ChoiceField(choices=settings.LANGUAGE_CODES)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=50_000)


@extend_schema_field(OpenApiTypes.BYTE)
class Base64BinaryField(serializers.Field):
    """Bytes rendered as base64 text."""

    def to_representation(self, value: Any) -> str:
        return base64.b64encode(bytes(value)).decode("ascii")


class ConsentSignatureSerializer(serializers.ModelSerializer[ConsentFormSignature]):
    template_version = serializers.IntegerField(source="template.version", read_only=True)
    service_id = serializers.UUIDField(source="template.service_id", read_only=True)
    signature_png = Base64BinaryField(read_only=True)

    class Meta:
        model = ConsentFormSignature
        fields = [
            "id",
            "patient_id",
            "template_id",
            "template_version",
            "service_id",
            "method",
            "typed_name",
            "signature_png",
            "text_sha256",
            "signed_at",
            "ip",
            "channel",
            "recorded_by_id",
        ]
        read_only_fields = fields


class ConsentSignInputSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField()
    template_id = serializers.UUIDField()
    method = serializers.ChoiceField(choices=ConsentFormSignature.Method.choices)
    signature_png = serializers.CharField(
        required=False, allow_blank=True, max_length=400_000, help_text="Drawn signature: base64 PNG"
    )
    typed_name = serializers.CharField(required=False, allow_blank=True, max_length=200)


# ------------------------------------------------------------------------------ photos


class UploadTokenQuerySerializer(serializers.Serializer[Any]):
    session = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=PhotoKind.choices)
    angle = serializers.ChoiceField(choices=PhotoAngle.choices)
    content_type = serializers.ChoiceField(choices=sorted(ALLOWED_IMAGE_TYPES))
    size = serializers.IntegerField(min_value=1, help_text="Bytes the browser will upload")


class UploadTokenSerializer(serializers.Serializer[Any]):
    upload_id = serializers.UUIDField()
    key = serializers.CharField()
    url = serializers.CharField(help_text="POST the form here (multipart/form-data)")
    # Named like S3's presigned POST; DRF keeps declared fields apart from ``Serializer.fields``.
    fields = serializers.DictField(  # type: ignore[assignment]
        child=serializers.CharField(), help_text="Form fields, then `file` last"
    )
    expires_at = serializers.DateTimeField()
    max_bytes = serializers.IntegerField()


class ConfirmUploadSerializer(serializers.Serializer[Any]):
    key = serializers.CharField(max_length=300)
    usage = serializers.ChoiceField(choices=Photo.Usage.choices, required=False)


class PhotoSerializer(serializers.ModelSerializer[Photo]):
    """A photo; ``urls`` are presigned, short-lived links (``null`` until ready).
    ``marketing_allowed``: marked for marketing AND the patient's ``marketing_photos``
    consent stands now."""

    marketing_allowed = serializers.SerializerMethodField()
    urls = serializers.SerializerMethodField()

    class Meta:
        model = Photo
        fields = [
            "id",
            "session_id",
            "patient_id",
            "kind",
            "angle",
            "status",
            "usage",
            "marketing_allowed",
            "content_type",
            "size_bytes",
            "width",
            "height",
            "checksum_sha256",
            "rejection_reason",
            "urls",
            "created_at",
        ]
        read_only_fields = fields

    def get_marketing_allowed(self, photo: Photo) -> bool:
        return photo.usage == Photo.Usage.MARKETING and photo.patient_id in self.context.get(
            "marketing", set()
        )

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {n: {"type": "string"} for n in ("original", "display", "thumbnail")},
        }
    )
    def get_urls(self, photo: Photo) -> dict[str, str] | None:
        urls: dict[Any, dict[str, str]] = self.context.get("urls", {})
        return urls.get(photo.pk)


class PhotoPairSerializer(serializers.Serializer[Any]):
    angle = serializers.ChoiceField(choices=PhotoAngle.choices)
    before = PhotoSerializer(allow_null=True)
    after = PhotoSerializer(allow_null=True)


class GallerySerializer(serializers.Serializer[Any]):
    pairs = PhotoPairSerializer(many=True)
    photos = PhotoSerializer(many=True, help_text="Every ready photo, oldest first")


# -------------------------------------------------------------------------- face charts


class FaceChartSerializer(serializers.ModelSerializer[FaceChart]):
    class Meta:
        model = FaceChart
        fields = [
            "id",
            "session_id",
            "version",
            "template",
            "photo_id",
            "annotations",
            "created_by_id",
            "created_at",
        ]
        read_only_fields = fields


class FaceChartInputSerializer(serializers.Serializer[Any]):
    session_id = serializers.UUIDField()
    template = serializers.ChoiceField(choices=FaceChart.Template.choices, required=False, allow_blank=True)
    photo_id = serializers.UUIDField(required=False)
    annotations = serializers.JSONField(help_text="See emr.charting.ANNOTATIONS_SCHEMA")


# ------------------------------------------------------------------------------- chart


class ChartSerializer(serializers.Serializer[Any]):
    """A patient's clinical chart at this clinic."""

    patient_id = serializers.UUIDField()
    chart_number = serializers.CharField()
    visits = VisitSerializer(many=True)
    notes = NoteSerializer(many=True, help_text="Current versions (amended ones left out)")
    plans = PlanSerializer(many=True)
    consent_forms = ConsentSignatureSerializer(many=True)


# ------------------------------------------------------------------- medical history


class AllergySerializer(serializers.Serializer[Any]):
    substance = serializers.CharField(max_length=100)
    severity = serializers.ChoiceField(choices=Severity.choices, default=Severity.UNKNOWN)
    notes = serializers.CharField(max_length=300, allow_blank=True, default="")


class MedicationSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=MedicationKind.choices, default=MedicationKind.OTHER)
    notes = serializers.CharField(max_length=300, allow_blank=True, default="")


class ConditionSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=ConditionKind.choices, default=ConditionKind.OTHER)
    severity = serializers.ChoiceField(choices=Severity.choices, default=Severity.UNKNOWN)
    notes = serializers.CharField(max_length=300, allow_blank=True, default="")


class ProcedureSerializer(serializers.Serializer[Any]):
    procedure = serializers.CharField(max_length=150)
    when = serializers.CharField(
        max_length=50, allow_blank=True, default="", help_text="As the patient says it"
    )
    complications = serializers.CharField(max_length=500, allow_blank=True, default="")


class IntakeSerializer(serializers.Serializer[Any]):
    """The medical history (``emr.intake``): lists of at most 50 entries each."""

    allergies = serializers.ListField(child=AllergySerializer(), default=list, max_length=50)
    medications = serializers.ListField(child=MedicationSerializer(), default=list, max_length=50)
    conditions = serializers.ListField(child=ConditionSerializer(), default=list, max_length=50)
    pregnancy = serializers.ChoiceField(choices=Answer.choices, default=Answer.UNKNOWN)
    breast_feeding = serializers.ChoiceField(choices=Answer.choices, default=Answer.UNKNOWN)
    previous_procedures = serializers.ListField(child=ProcedureSerializer(), default=list, max_length=50)
    photo_sharing = serializers.ChoiceField(choices=PhotoSharing.choices, default=PhotoSharing.CLINICAL_ONLY)
    notes = serializers.CharField(max_length=2000, allow_blank=True, default="")


class IntakeVersionSerializer(serializers.ModelSerializer[MedicalIntake]):
    recorded_at = serializers.DateTimeField(source="created_at")
    recorded_by_name = serializers.CharField(source="recorded_by.full_name")

    class Meta:
        model = MedicalIntake
        fields = ["version", "recorded_at", "recorded_by_name"]
        read_only_fields = fields


class MedicalIntakeSerializer(IntakeVersionSerializer):
    history = IntakeSerializer()

    class Meta(IntakeVersionSerializer.Meta):
        fields = [*IntakeVersionSerializer.Meta.fields, "history"]
        read_only_fields = fields


class IntakeStateSerializer(serializers.Serializer[Any]):
    """``current``: the newest version (``null`` before a history is taken);
    ``versions``: who recorded each version and when, newest first."""

    current = MedicalIntakeSerializer(allow_null=True)
    versions = IntakeVersionSerializer(many=True)


class AlertSerializer(serializers.Serializer[Any]):
    code = serializers.ChoiceField(choices=Contraindication.choices)
    name = serializers.CharField(help_text="The contraindication's English name")
    found_in = serializers.ChoiceField(
        choices=["pregnancy", "breast_feeding", "allergy", "medication", "condition"],
        help_text="The part of the medical history that matched",
    )
    detail = serializers.CharField()


class PatientAlertsSerializer(serializers.Serializer[Any]):
    """The contraindication alerts of a treatment for a patient. ``has_alerts`` is
    true when the history matches any contraindication the service lists; clinical
    roles (``details_visible``) get the matches in ``alerts``, other roles get ``[]``
    and only the flag ("check the medical history with the clinician").
    ``intake_recorded`` says whether a medical history was taken at all."""

    service_id = serializers.UUIDField()
    intake_recorded = serializers.BooleanField()
    has_alerts = serializers.BooleanField()
    details_visible = serializers.BooleanField()
    alerts = AlertSerializer(many=True)


class SessionCancelSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=300, help_text="Why the session is skipped")


class SessionStartSerializer(serializers.Serializer[Any]):
    acknowledged_alerts = serializers.ListField(
        child=serializers.ChoiceField(choices=Contraindication.choices),
        default=list,
        max_length=len(Contraindication.values),
        help_text="The codes of the contraindication alerts the practitioner acknowledged",
    )


# -------------------------------------------------------------------------- timeline


class TimelineQuerySerializer(serializers.Serializer[Any]):
    kind = serializers.CharField(
        required=False, allow_blank=True, help_text="Comma-separated kinds; empty for every kind"
    )
    date_from = serializers.DateField(required=False, help_text="Clinic-local date, included")
    date_to = serializers.DateField(required=False, help_text="Clinic-local date, included")
    page = serializers.IntegerField(min_value=1, max_value=10_000, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=100, default=25)

    def validate_kind(self, value: str) -> list[str]:
        kinds = [kind for kind in value.split(",") if kind]
        unknown = sorted(set(kinds) - set(TimelineKind.values))
        if unknown:
            raise serializers.ValidationError(_("Unknown kinds: %(kinds)s.") % {"kinds": ", ".join(unknown)})
        return kinds

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "date_from" in attrs and "date_to" in attrs and attrs["date_to"] < attrs["date_from"]:
            raise serializers.ValidationError({"date_to": _("Not before date_from.")})
        return attrs


class TimelineItemSerializer(serializers.Serializer[Any]):
    """One item. ``at`` is the instant (UTC) the item is placed at. By ``kind``:
    ``appointment`` (status, service, practitioner), ``visit`` (status, services of its
    sessions), ``session`` (clinical roles only; status, service, practitioners),
    ``invoice`` (status, number; ``total``/``balance_due``/``currency`` only for roles
    that see invoices, else ``null``/``""``), ``consent`` (``status`` is the decision,
    purpose, channel, ``practitioner_name`` who recorded it)."""

    kind = serializers.ChoiceField(choices=TimelineKind.choices)
    id = serializers.UUIDField()
    at = serializers.DateTimeField()
    status = serializers.CharField()
    service_names = serializers.ListField(child=serializers.CharField())
    practitioner_name = serializers.CharField()
    invoice_number = serializers.CharField()
    total = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    balance_due = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    currency = serializers.CharField()
    purpose = serializers.CharField()
    channel = serializers.CharField()


class TimelineSerializer(serializers.Serializer[Any]):
    """A page of the timeline, newest first: ``count`` items after the filters,
    ``results`` this page; ``balance_due`` (decimal string in ``currency``) is the sum
    owed on the patient's issued invoices, ``null`` for roles that do not see invoices."""

    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = TimelineItemSerializer(many=True)
    balance_due = serializers.DecimalField(max_digits=12, decimal_places=2, allow_null=True)
    currency = serializers.CharField()


# ---------------------------------------------------------------- appointment deposits


class AppointmentDepositSerializer(serializers.Serializer[Any]):
    """An appointment's deposit (``commerce.selectors.DepositState``) and the methods
    the desk may take it by. Money as decimal strings in ``currency``."""

    appointment_id = serializers.UUIDField()
    status = serializers.ChoiceField(
        choices=["none", "due", "paid", "applied", "refunded", "forfeited"],
        help_text="none: the treatment asks for no deposit; due: not received yet; paid: held",
    )
    amount = MoneyField(help_text="Asked for")
    currency = serializers.CharField()
    paid = MoneyField(help_text="Received and not given back")
    applied = MoneyField(help_text="Put on the visit's invoice")
    pending = serializers.BooleanField(help_text="A card charge awaits the provider")
    method = serializers.CharField(help_text="How it was paid (blank: not yet)")
    invoice_number = serializers.CharField(help_text="The deposit invoice (blank: none yet)")
    applied_invoice_id = serializers.UUIDField(allow_null=True)
    settled_at = serializers.DateTimeField(allow_null=True)
    payment_methods = serializers.ListField(
        child=serializers.ChoiceField(choices=TILL_METHOD_CHOICES),
        help_text="The methods the clinic accepts, in the order the till offers them",
    )


class AppointmentDepositTakeSerializer(serializers.Serializer[Any]):
    method = serializers.ChoiceField(choices=TILL_METHOD_CHOICES)
    idempotency_key = serializers.CharField(max_length=100)
