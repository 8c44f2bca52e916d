"""Shapes of the clinical-record API. Input serializers check shape; services check
meaning."""

from __future__ import annotations

import base64
from decimal import Decimal
from typing import Any

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from emr.imaging import ALLOWED_IMAGE_TYPES
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    ConsentFormTemplate,
    FaceChart,
    Photo,
    PhotoAngle,
    PhotoKind,
    PlannedSession,
    SessionProduct,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)

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
    service_name = serializers.CharField(source="service.name", read_only=True)

    class Meta:
        model = ConsentFormTemplate
        fields = ["id", "service_id", "service_name", "locale", "version", "title", "body", "created_at"]
        read_only_fields = fields


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
