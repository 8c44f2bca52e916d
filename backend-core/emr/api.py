"""Clinical-record API under ``/api/v1/clinic/``: visits, treatment sessions, SOAP notes,
treatment plans, consent forms, photographs (direct uploads, gallery), face charts and
the patient's chart.

Clinical content needs ``clinical.view``/``clinical.write`` (doctors, nurses,
therapists; ``core.permissions``); reads of it are audited (``patient.viewed``,
``photo.viewed``). State changes that are not allowed answer 409 with a stable ``code``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from catalog.models import Product, Service
from commerce.models import StockLot
from commerce.selectors import deposit_state
from commerce.services import accepted_methods, deposit_take
from core.api import ClinicScopedViewSet, clinic_row_or_400, validated_body
from core.exceptions import Conflict, PermissionDeniedError, ValidationFailed
from core.permissions import role_has_permission
from emr import selectors, serializers, services
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    ConsentFormTemplate,
    FaceChart,
    Photo,
    PhotoUpload,
    PlannedSession,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)
from patients.models import ClinicPatient
from scheduling.models import Appointment


def _uuid_param(request: Request, name: str) -> Any:
    """The query parameter ``name`` as a UUID, ``None`` when absent; 400 naming it when
    malformed."""
    raw = request.query_params.get(name)
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError as exc:
        raise ValidationFailed(errors={name: [_("Must be a valid UUID.")]}) from exc


def _patients_viewed(view: ClinicScopedViewSet[Any], patient_ids: Iterable[Any]) -> None:
    """Audit ``patient.viewed`` once for each patient whose clinical content is returned."""
    ids = set(patient_ids)
    for patient in ClinicPatient.objects.filter(pk__in=ids).select_related("clinic"):
        services.chart_viewed(patient=patient, actor=view.actor)


def _items(values: Sequence[dict[str, Any]], field: str) -> list[tuple[Service, Any]]:
    return [
        (clinic_row_or_400(Service, item["service_id"], f"{field}.{index}.service_id"), item["target_date"])
        for index, item in enumerate(values)
    ]


PATIENT_PARAM = OpenApiParameter("patient", OpenApiTypes.UUID)
VISIT_PARAM = OpenApiParameter("visit", OpenApiTypes.UUID)
SESSION_PARAM = OpenApiParameter("session", OpenApiTypes.UUID)


# ------------------------------------------------------------------------------ visits


class VisitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Visit]):
    """Visits (encounters). Everyone sees these schedule-level facts; the front desk
    opens walk-ins (``POST`` with ``patient_id``) and visits of appointments
    (``appointment_id``; arrival opens them too); clinicians complete them."""

    model = Visit
    serializer_class = serializers.VisitSerializer
    required_permissions = {
        "list": "visit.view",
        "retrieve": "visit.view",
        "create": "visit.manage",
        "complete": "clinical.write",
    }

    def get_base_queryset(self) -> QuerySet[Visit]:
        status = self.request.query_params.get("status", "")
        if status and status not in Visit.Status.values:
            raise ValidationFailed(errors={"status": [_("Unknown status.")]})
        return selectors.visit_list(patient_id=_uuid_param(self.request, "patient"), status=status)

    @extend_schema(
        parameters=[PATIENT_PARAM, OpenApiParameter("status", OpenApiTypes.STR, enum=Visit.Status.values)]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(request=serializers.VisitOpenSerializer, responses={201: serializers.VisitSerializer})
    def create(self, request: Request) -> Response:
        data = serializers.VisitOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        appointment = patient = None
        if "appointment_id" in values:
            appointment = clinic_row_or_400(Appointment, values["appointment_id"], "appointment_id")
        elif "patient_id" in values:
            patient = clinic_row_or_400(ClinicPatient, values["patient_id"], "patient_id")
        visit = services.visit_open(
            clinic=self.clinic,
            actor=self.actor,
            patient=patient,
            appointment=appointment,
        )
        return Response(self.get_serializer(selectors.visit_list().get(pk=visit.pk)).data, status=201)

    @extend_schema(request=None, responses={200: serializers.VisitSerializer})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        visit = services.visit_complete(visit=self.get_object(), actor=self.actor)
        return Response(self.get_serializer(selectors.visit_list().get(pk=visit.pk)).data)


# ---------------------------------------------------------------- appointment deposits


class AppointmentDepositViewSet(ClinicScopedViewSet[Appointment]):
    """``/calendar/appointments/{id}/deposit``: the deposit an appointment's treatment
    asks for, and the desk taking it. Served here because the EMR is the context above
    both scheduling (the appointment) and commerce (the money)."""

    model = Appointment
    required_permissions = {"retrieve": "calendar.view", "take": "deposit.take"}

    def get_base_queryset(self) -> QuerySet[Appointment]:
        return Appointment.objects.select_related("service", "patient__clinic")

    def _state(self, appointment: Appointment) -> Response:
        state = deposit_state(appointment_id=appointment.pk, service=appointment.service)
        body = {
            "appointment_id": appointment.pk,
            **dataclasses.asdict(state),
            "payment_methods": accepted_methods(self.clinic),
        }
        return Response(serializers.AppointmentDepositSerializer(body).data)

    @extend_schema(responses={200: serializers.AppointmentDepositSerializer})
    def retrieve(self, request: Request, pk: str | None = None) -> Response:
        """What is asked, received, applied, refunded or forfeited (``status``)."""
        return self._state(self.get_object())

    @extend_schema(
        request=serializers.AppointmentDepositTakeSerializer,
        responses={200: serializers.AppointmentDepositSerializer},
    )
    def take(self, request: Request, pk: str | None = None) -> Response:
        """Take the deposit by ``method`` (``commerce.services.deposit_take``; the same
        ``idempotency_key`` again answers as the first time). 400 names ``method``; 409
        ``deposit_already_paid``, ``deposit_not_required``, ``deposit_settled`` or
        ``appointment_not_open`` (cancelled, no-show or past check-in)."""
        appointment = self.get_object()  # another clinic's appointment is a 404 first
        values = validated_body(serializers.AppointmentDepositTakeSerializer, request.data)
        if appointment.status not in (Appointment.Status.BOOKED, Appointment.Status.CONFIRMED):
            raise Conflict(
                _("A deposit is taken for a booked appointment, not one that is %s.")
                % appointment.get_status_display().lower(),
                code="appointment_not_open",
            )
        deposit_take(
            appointment_id=appointment.pk,
            patient=appointment.patient,
            service=appointment.service,
            actor=self.actor,
            method=values["method"],
            idempotency_key=values["idempotency_key"],
        )
        return self._state(appointment)


# ---------------------------------------------------------------------------- sessions


class SessionViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[TreatmentSession]):
    """Treatment sessions. ``start`` refuses (409 ``consent_required``) a service that
    requires consent until the patient signed its newest consent form; ``complete`` and
    ``cancel`` end it. ``gallery`` lists its ready photos and pairs before/after by
    angle."""

    model = TreatmentSession
    serializer_class = serializers.SessionSerializer
    required_permissions = {
        "list": "clinical.view",
        "retrieve": "clinical.view",
        "gallery": "clinical.view",
        "create": "clinical.write",
        "start": "clinical.write",
        "complete": "clinical.write",
        "cancel": "clinical.write",
        "products": "clinical.write",
    }

    def get_base_queryset(self) -> QuerySet[TreatmentSession]:
        return selectors.session_list(
            patient_id=_uuid_param(self.request, "patient"), visit_id=_uuid_param(self.request, "visit")
        )

    def _render(self, session: TreatmentSession, status: int = 200) -> Response:
        return Response(self.get_serializer(selectors.session_list().get(pk=session.pk)).data, status=status)

    @extend_schema(parameters=[PATIENT_PARAM, VISIT_PARAM])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        _patients_viewed(self, (row["patient_id"] for row in response.data["results"]))
        return response

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        session = self.get_object()
        _patients_viewed(self, [session.patient_id])
        return Response(self.get_serializer(session).data)

    @extend_schema(
        request=serializers.SessionCreateSerializer, responses={201: serializers.SessionSerializer}
    )
    def create(self, request: Request) -> Response:
        data = serializers.SessionCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        planned = values.get("planned_item_id")
        session = services.session_create(
            visit=clinic_row_or_400(Visit, values["visit_id"], "visit_id"),
            actor=self.actor,
            service=clinic_row_or_400(Service, values["service_id"], "service_id"),
            practitioner_ids=values["practitioner_ids"],
            planned_item=clinic_row_or_400(PlannedSession, planned, "planned_item_id") if planned else None,
        )
        return self._render(session, status=201)

    @extend_schema(request=serializers.SessionStartSerializer, responses={200: serializers.SessionSerializer})
    @action(detail=True, methods=["post"])
    def start(self, request: Request, pk: str | None = None) -> Response:
        session = self.get_object()
        values = validated_body(serializers.SessionStartSerializer, request.data)
        session = services.session_start(
            session=session, actor=self.actor, acknowledged_alerts=values["acknowledged_alerts"]
        )
        return self._render(session)

    @extend_schema(request=None, responses={200: serializers.SessionSerializer})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        session = services.session_finish(
            session=self.get_object(),
            actor=self.actor,
            to_status=TreatmentSession.Status.COMPLETED,
        )
        return self._render(session)

    @extend_schema(
        request=serializers.SessionCancelSerializer, responses={200: serializers.SessionSerializer}
    )
    @action(detail=True, methods=["post"])
    def cancel(self, request: Request, pk: str | None = None) -> Response:
        """Skip the session; ``reason`` (required) says why."""
        session = self.get_object()
        values = validated_body(serializers.SessionCancelSerializer, request.data)
        session = services.session_finish(
            session=session,
            actor=self.actor,
            to_status=TreatmentSession.Status.CANCELLED,
            reason=values["reason"],
        )
        return self._render(session)

    @extend_schema(request=serializers.ProductsUsedSerializer, responses={200: serializers.SessionSerializer})
    @action(detail=True, methods=["post"])
    def products(self, request: Request, pk: str | None = None) -> Response:
        """Record products used (taken out of stock in the same transaction)."""
        session = self.get_object()
        data = serializers.ProductsUsedSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        items = [
            (
                clinic_row_or_400(Product, item["product_id"], f"products.{index}.product_id"),
                item["quantity"],
                clinic_row_or_400(StockLot, item["lot_id"], f"products.{index}.lot_id")
                if "lot_id" in item
                else None,
            )
            for index, item in enumerate(data.validated_data["products"])
        ]
        services.session_products_record(session=session, actor=self.actor, items=items)
        return self._render(session)

    @extend_schema(responses={200: serializers.GallerySerializer})
    @action(detail=True, methods=["get"])
    def gallery(self, request: Request, pk: str | None = None) -> Response:
        session = self.get_object()
        photos = list(selectors.photo_list(session_id=session.pk))
        context = services.photos_view(clinic=self.clinic, photos=photos, actor=self.actor)
        body = {"pairs": selectors.photo_pairs(photos), "photos": photos}
        return Response(serializers.GallerySerializer(body, context=context).data)


# ------------------------------------------------------------------------------- notes


class NoteViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[ClinicalNote]):
    """SOAP notes. A draft is edited (``PATCH``) and signed (``sign``) by its author; a
    signed note answers 409 ``note_signed`` to edits and is corrected with ``amend``,
    which creates the next version. ``?current=true`` leaves out amended versions."""

    model = ClinicalNote
    serializer_class = serializers.NoteSerializer
    required_permissions = {
        "list": "clinical.view",
        "retrieve": "clinical.view",
        "create": "clinical.write",
        "partial_update": "clinical.write",
        "sign": "clinical.write",
        "amend": "clinical.write",
    }

    def get_base_queryset(self) -> QuerySet[ClinicalNote]:
        current = self.request.query_params.get("current", "")
        if current not in ("", "true", "false"):
            raise ValidationFailed(errors={"current": [_("true or false.")]})
        return selectors.note_list(
            patient_id=_uuid_param(self.request, "patient"),
            visit_id=_uuid_param(self.request, "visit"),
            current_only=current == "true",
        )

    @extend_schema(
        parameters=[
            PATIENT_PARAM,
            VISIT_PARAM,
            OpenApiParameter("current", OpenApiTypes.STR, enum=["true", "false"]),
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        _patients_viewed(self, (row["patient_id"] for row in response.data["results"]))
        return response

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        note = self.get_object()
        _patients_viewed(self, [note.patient_id])
        return Response(self.get_serializer(note).data)

    @extend_schema(request=serializers.NoteCreateSerializer, responses={201: serializers.NoteSerializer})
    def create(self, request: Request) -> Response:
        data = serializers.NoteCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        visit = clinic_row_or_400(Visit, values.pop("visit_id"), "visit_id")
        session_id = values.pop("session_id", None)
        session = clinic_row_or_400(TreatmentSession, session_id, "session_id") if session_id else None
        note = services.note_create(visit=visit, session=session, actor=self.actor, **values)
        return Response(self.get_serializer(note).data, status=201)

    @extend_schema(request=serializers.SoapSerializer, responses={200: serializers.NoteSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        note = self.get_object()  # a foreign id is a 404 before the body is read
        data = serializers.SoapSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.note_update(note=note, actor=self.actor, **data.validated_data)
        return Response(self.get_serializer(note).data)

    @extend_schema(request=None, responses={200: serializers.NoteSerializer})
    @action(detail=True, methods=["post"])
    def sign(self, request: Request, pk: str | None = None) -> Response:
        note = services.note_sign(note=self.get_object(), actor=self.actor)
        return Response(self.get_serializer(note).data)

    @extend_schema(request=serializers.NoteAmendSerializer, responses={201: serializers.NoteSerializer})
    @action(detail=True, methods=["post"])
    def amend(self, request: Request, pk: str | None = None) -> Response:
        note = self.get_object()
        data = serializers.NoteAmendSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        amendment = services.note_amend(note=note, actor=self.actor, reason=values.pop("reason"), **values)
        return Response(self.get_serializer(amendment).data, status=201)


# ------------------------------------------------------------------------------- plans


class PlanViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[TreatmentPlan]):
    """Treatment plans: goals, planned sessions with target dates, status and progress
    (``steps_done`` of ``steps_total``)."""

    model = TreatmentPlan
    serializer_class = serializers.PlanSerializer
    required_permissions = {
        "list": "clinical.view",
        "retrieve": "clinical.view",
        "create": "clinical.write",
        "partial_update": "clinical.write",
    }

    def get_base_queryset(self) -> QuerySet[TreatmentPlan]:
        return selectors.plan_list(patient_id=_uuid_param(self.request, "patient"))

    def _render(self, plan: TreatmentPlan, status: int = 200) -> Response:
        return Response(self.get_serializer(selectors.plan_list().get(pk=plan.pk)).data, status=status)

    @extend_schema(parameters=[PATIENT_PARAM])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        _patients_viewed(self, (row["patient_id"] for row in response.data["results"]))
        return response

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        plan = self.get_object()
        _patients_viewed(self, [plan.patient_id])
        return Response(self.get_serializer(plan).data)

    @extend_schema(request=serializers.PlanCreateSerializer, responses={201: serializers.PlanSerializer})
    def create(self, request: Request) -> Response:
        data = serializers.PlanCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        plan = services.plan_create(
            clinic=self.clinic,
            actor=self.actor,
            patient=clinic_row_or_400(ClinicPatient, values["patient_id"], "patient_id"),
            title=values["title"],
            goals=values.get("goals", []),
            items=_items(values.get("items", []), "items"),
        )
        return self._render(plan, status=201)

    @extend_schema(request=serializers.PlanUpdateSerializer, responses={200: serializers.PlanSerializer})
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        plan = self.get_object()
        data = serializers.PlanUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        items_add = _items(values.pop("items_add", []), "items_add")
        plan = services.plan_update(plan=plan, actor=self.actor, items_add=items_add, **values)
        return self._render(plan)


# ------------------------------------------------------------------------ consent forms


class ConsentTemplateViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[ConsentFormTemplate]
):
    """Consent form templates per service and language, with ``signatures_count``;
    ``?service=``, ``?locale=`` and ``?current=true`` (only the newest version of each
    service and language) filter. ``POST`` publishes the next version: a published
    template is never changed, so an edit is a new version and the signatures of earlier
    ones stop counting for new sessions."""

    model = ConsentFormTemplate
    serializer_class = serializers.ConsentTemplateSerializer
    required_permissions = {
        "list": "consent_form.view",
        "retrieve": "consent_form.view",
        "create": "consent_form.manage",
    }

    def get_base_queryset(self) -> QuerySet[ConsentFormTemplate]:
        query = validated_body(serializers.ConsentTemplateQuerySerializer, self.request.query_params)
        return selectors.consent_template_list(
            service_id=_uuid_param(self.request, "service"),
            locale=query.get("locale", ""),
            current=query.get("current", False),
        )

    @extend_schema(
        parameters=[
            OpenApiParameter("service", OpenApiTypes.UUID),
            OpenApiParameter("locale", OpenApiTypes.STR, enum=settings.LANGUAGE_CODES),
            OpenApiParameter("current", OpenApiTypes.BOOL, description="Only the newest version of each"),
        ]
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=serializers.ConsentTemplateInputSerializer,
        responses={201: serializers.ConsentTemplateSerializer},
    )
    def create(self, request: Request) -> Response:
        data = serializers.ConsentTemplateInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        template = services.consent_template_publish(
            clinic=self.clinic,
            actor=self.actor,
            service=clinic_row_or_400(Service, values["service_id"], "service_id"),
            locale=values["locale"],
            title=values["title"],
            body=values["body"],
        )
        return Response(self.get_serializer(template).data, status=201)


class ConsentSignatureViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[ConsentFormSignature]
):
    """Signed consent forms: a drawn signature (base64 PNG) or a typed name, with the
    instant, address and a SHA-256 of the wording."""

    model = ConsentFormSignature
    serializer_class = serializers.ConsentSignatureSerializer
    required_permissions = {
        "list": "consent_form.view",
        "retrieve": "consent_form.view",
        "create": "consent_form.sign",
    }

    def get_base_queryset(self) -> QuerySet[ConsentFormSignature]:
        return selectors.consent_signature_list(patient_id=_uuid_param(self.request, "patient"))

    @extend_schema(parameters=[PATIENT_PARAM])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=serializers.ConsentSignInputSerializer,
        responses={201: serializers.ConsentSignatureSerializer},
    )
    def create(self, request: Request) -> Response:
        data = serializers.ConsentSignInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        signature = services.consent_form_sign(
            clinic=self.clinic,
            actor=self.actor,
            patient=clinic_row_or_400(ClinicPatient, values["patient_id"], "patient_id"),
            template=clinic_row_or_400(ConsentFormTemplate, values["template_id"], "template_id"),
            method=values["method"],
            signature_png=values.get("signature_png", ""),
            typed_name=values.get("typed_name", ""),
        )
        return Response(self.get_serializer(signature).data, status=201)


# ------------------------------------------------------------------------------ photos


class PhotoViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[Photo]):
    """Clinical photographs. Lists show ready photos only; a photo read by id shows its
    state (``processing``, ``ready``, ``rejected`` with the reason). Links are presigned
    and short-lived (``PHOTO_VIEW_URL_SECONDS``); each link issued is audited."""

    model = Photo
    serializer_class = serializers.PhotoSerializer
    required_permissions = {"list": "clinical.view", "retrieve": "clinical.view"}

    def get_base_queryset(self) -> QuerySet[Photo]:
        if self.action != "list":
            return Photo.objects.all()
        return selectors.photo_list(
            session_id=_uuid_param(self.request, "session"), patient_id=_uuid_param(self.request, "patient")
        )

    @extend_schema(parameters=[SESSION_PARAM, PATIENT_PARAM])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        rows = list(page or [])
        context = services.photos_view(clinic=self.clinic, photos=rows, actor=self.actor)
        return self.get_paginated_response(serializers.PhotoSerializer(rows, many=True, context=context).data)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        photo = self.get_object()
        context = services.photos_view(clinic=self.clinic, photos=[photo], actor=self.actor)
        return Response(serializers.PhotoSerializer(photo, context=context).data)


class PhotoUploadViewSet(ClinicScopedViewSet[PhotoUpload]):
    """Direct uploads: ``GET upload-token/`` issues a presigned POST for one photo of a
    session, the browser posts the file straight to storage, ``POST confirm-upload/``
    links the object to the session. Photo bytes never pass through this server (the
    embedded profile's local store aside)."""

    model = PhotoUpload
    required_permissions = {"upload_token": "clinical.write", "confirm_upload": "clinical.write"}

    @extend_schema(
        parameters=[serializers.UploadTokenQuerySerializer],
        responses={200: serializers.UploadTokenSerializer},
    )
    def upload_token(self, request: Request) -> Response:
        query = serializers.UploadTokenQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        values = query.validated_data
        upload, post = services.photo_upload_issue(
            clinic=self.clinic,
            actor=self.actor,
            session=clinic_row_or_400(TreatmentSession, values["session"], "session"),
            kind=values["kind"],
            angle=values["angle"],
            content_type=values["content_type"],
            size=values["size"],
        )
        body = {
            "upload_id": upload.pk,
            "key": upload.object_key,
            "url": post.url,
            "fields": post.fields,
            "expires_at": post.expires_at,
            "max_bytes": settings.PHOTO_UPLOAD_MAX_BYTES,
        }
        return Response(serializers.UploadTokenSerializer(body).data)

    @extend_schema(
        request=serializers.ConfirmUploadSerializer,
        responses={200: serializers.PhotoSerializer, 201: serializers.PhotoSerializer},
    )
    def confirm_upload(self, request: Request) -> Response:
        data = serializers.ConfirmUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        photo, created = services.photo_upload_confirm(
            clinic=self.clinic,
            actor=self.actor,
            key=values["key"],
            usage=values.get("usage", Photo.Usage.CLINICAL),
        )
        return Response(serializers.PhotoSerializer(photo).data, status=201 if created else 200)


# -------------------------------------------------------------------------- face charts


class FaceChartViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[FaceChart]):
    """Face charts of sessions, newest version first (``?session=`` to load one
    session's); ``POST`` saves the next version. Bad annotations answer 400 naming the
    field (``annotations.points[3].x``)."""

    model = FaceChart
    serializer_class = serializers.FaceChartSerializer
    required_permissions = {"list": "clinical.view", "retrieve": "clinical.view", "create": "clinical.write"}

    def get_base_queryset(self) -> QuerySet[FaceChart]:
        return selectors.face_chart_list(session_id=_uuid_param(self.request, "session"))

    @extend_schema(parameters=[SESSION_PARAM])
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    @extend_schema(
        request=serializers.FaceChartInputSerializer, responses={201: serializers.FaceChartSerializer}
    )
    def create(self, request: Request) -> Response:
        data = serializers.FaceChartInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        photo_id = values.get("photo_id")
        chart = services.face_chart_save(
            session=clinic_row_or_400(TreatmentSession, values["session_id"], "session_id"),
            actor=self.actor,
            annotations=values["annotations"],
            template=values.get("template", ""),
            photo=clinic_row_or_400(Photo, photo_id, "photo_id") if photo_id else None,
        )
        return Response(self.get_serializer(chart).data, status=201)


# ------------------------------------------------------------------------------- chart


class ChartViewSet(mixins.RetrieveModelMixin, ClinicScopedViewSet[ClinicPatient]):
    """A patient's clinical chart: visits, current notes, plans and signed consent
    forms. Each read is audited as ``patient.viewed``."""

    model = ClinicPatient
    serializer_class = serializers.ChartSerializer
    required_permissions = {"retrieve": "clinical.view"}

    def get_base_queryset(self) -> QuerySet[ClinicPatient]:
        return ClinicPatient.objects.select_related("clinic")

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        patient = self.get_object()
        services.chart_viewed(patient=patient, actor=self.actor)
        body = {
            "patient_id": patient.pk,
            "chart_number": patient.chart_number,
            "visits": selectors.visit_list(patient_id=patient.pk),
            "notes": selectors.note_list(patient_id=patient.pk, current_only=True),
            "plans": selectors.plan_list(patient_id=patient.pk),
            "consent_forms": selectors.consent_signature_list(patient_id=patient.pk),
        }
        return Response(serializers.ChartSerializer(body).data)


# -------------------------------------------- a patient's medical history, alerts, timeline


class PatientRecordViewSet(ClinicScopedViewSet[ClinicPatient]):
    """What the chart shows of one patient besides the clinical entries, under
    ``/api/v1/patients/{id}/``: the medical history (``intake``; clinical roles), the
    contraindication alerts of a treatment (``alerts``) and the timeline (``timeline``).

    Every action is open to roles that see the patient (``patient.view``) so that
    another clinic's patient is a 404 for everyone; the clinical parts are then checked
    on the role (``clinical.view``/``clinical.write``): a receptionist gets 403 on the
    intake of a patient of their clinic."""

    model = ClinicPatient
    required_permissions = {
        "intake": "patient.view",
        "intake_record": "patient.view",
        "alerts": "patient.view",
        "timeline": "patient.view",
    }

    def get_base_queryset(self) -> QuerySet[ClinicPatient]:
        return ClinicPatient.objects.select_related("clinic")

    def _may(self, permission: str) -> bool:
        return role_has_permission(self.membership.role, permission)

    def _patient(self, permission: str) -> ClinicPatient:
        patient = self.get_object()  # 404 for another clinic's patient, before the role
        if not self._may(permission):
            raise PermissionDeniedError()
        return patient

    def _intake_state(self, patient: ClinicPatient) -> Response:
        versions = list(selectors.intake_versions(patient_id=patient.pk))
        body = {"current": versions[0] if versions else None, "versions": versions}
        return Response(serializers.IntakeStateSerializer(body).data)

    @extend_schema(responses={200: serializers.IntakeStateSerializer})
    @action(detail=True, methods=["get"])
    def intake(self, request: Request, pk: str | None = None) -> Response:
        """The patient's medical history (clinical roles; audited as ``patient.viewed``)."""
        patient = self._patient("clinical.view")
        services.chart_viewed(patient=patient, actor=self.actor)
        return self._intake_state(patient)

    @extend_schema(request=serializers.IntakeSerializer, responses={201: serializers.IntakeStateSerializer})
    @intake.mapping.post
    def intake_record(self, request: Request, pk: str | None = None) -> Response:
        """Record the medical history as a new version (clinical roles). Sending the
        current history again records nothing (a retried request) and answers 200."""
        patient = self._patient("clinical.write")
        history = validated_body(serializers.IntakeSerializer, request.data)
        current = selectors.intake_current(patient_id=patient.pk)
        if current is not None and current.history == serializers.IntakeSerializer(history).data:
            return self._intake_state(patient)
        services.medical_intake_record(patient=patient, actor=self.actor, history=history)
        response = self._intake_state(patient)
        response.status_code = 201
        return response

    @extend_schema(
        parameters=[OpenApiParameter("service", OpenApiTypes.UUID, required=True)],
        responses={200: serializers.PatientAlertsSerializer},
    )
    @action(detail=True, methods=["get"])
    def alerts(self, request: Request, pk: str | None = None) -> Response:
        """The contraindications of treatment ``service`` that the patient's medical
        history matches. Every role that sees the patient learns whether there is a match
        (the front desk must send the patient to a clinician before booking it); only
        clinical roles learn what matched (audited as ``patient.viewed`` when there is
        something to see). 400 naming ``service`` for a missing or foreign id."""
        patient = self.get_object()
        service_id = _uuid_param(request, "service")
        if service_id is None:
            raise ValidationFailed(errors={"service": [_("This field is required.")]})
        service = clinic_row_or_400(Service, service_id, "service")
        found = selectors.patient_alerts(patient_id=patient.pk, service=service)
        visible = self._may("clinical.view")
        if visible and found:
            services.chart_viewed(patient=patient, actor=self.actor)
        body = {
            "service_id": service.pk,
            "intake_recorded": selectors.intake_current(patient_id=patient.pk) is not None,
            "has_alerts": bool(found),
            "details_visible": visible,
            "alerts": found if visible else [],
        }
        return Response(serializers.PatientAlertsSerializer(body).data)

    @extend_schema(
        parameters=[serializers.TimelineQuerySerializer],
        responses={200: serializers.TimelineSerializer},
    )
    @action(detail=True, methods=["get"])
    def timeline(self, request: Request, pk: str | None = None) -> Response:
        """The patient's appointments, visits, sessions, invoices and consent decisions,
        newest first (``emr.selectors.patient_timeline``). ``kind`` (comma-separated),
        ``date_from``/``date_to`` (clinic-local dates, both included), ``page``,
        ``page_size`` (≤ 100). Sessions only for clinical roles; amounts only for roles
        that see invoices."""
        patient = self.get_object()
        query = validated_body(serializers.TimelineQuerySerializer, request.query_params)
        zone = self.clinic.zone
        since = until = None
        if "date_from" in query:
            since = dt.datetime.combine(query["date_from"], dt.time(0), zone)
        if "date_to" in query:
            until = dt.datetime.combine(query["date_to"] + dt.timedelta(days=1), dt.time(0), zone)
        access = selectors.TimelineAccess(
            clinical=self._may("clinical.view"), amounts=self._may("invoice.view")
        )
        page, size = query["page"], query["page_size"]
        result = selectors.patient_timeline(
            patient=patient,
            access=access,
            kinds=query.get("kind", []),
            since=since,
            until=until,
            offset=(page - 1) * size,
            limit=size,
        )
        body = {
            "count": result.count,
            "page": page,
            "page_size": size,
            "results": result.items,
            "balance_due": result.balance_due,
            "currency": result.currency,
        }
        return Response(serializers.TimelineSerializer(body).data)
