"""Patients API: ``/api/v1/patients`` (register, search, read, edit, consents) and
``/api/v1/consent-texts``. Personal data is masked by role (core/masking.py)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins
from rest_framework import serializers as drf_serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from audit.selectors import object_access_history
from core.api import ClinicScopedViewSet, clinic_row_or_400
from core.exceptions import ValidationFailed
from core.masking import sees_in_full
from core.pagination import BoundedCountPagination
from patients import selectors, serializers, services
from patients.models import ClinicPatient, ConsentText, PatientProfile


class AccessEventSerializer(drf_serializers.Serializer[Any]):
    occurred_at = drf_serializers.DateTimeField()
    actor = drf_serializers.CharField(source="actor.full_name", allow_null=True)
    actor_role = drf_serializers.CharField()
    ip = drf_serializers.CharField(allow_null=True)


SEARCH_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Name words; accent- and case-insensitive"),
    OpenApiParameter(
        "phone",
        OpenApiTypes.STR,
        description="Any form of the whole number; roles that see phones unmasked may give a part of it",
    ),
    OpenApiParameter("chart_number", OpenApiTypes.STR),
    OpenApiParameter("national_id", OpenApiTypes.STR, description="Of the clinic's country, or `CC:number`"),
    OpenApiParameter("sex", OpenApiTypes.STR, enum=PatientProfile.Sex.values),
]


def consent_decisions(raw: list[dict[str, Any]]) -> list[services.ConsentDecision]:
    """Validated ``consents`` of a request body with each ``text_id`` turned into the
    clinic's text; another clinic's or an unknown text is a 400 naming
    ``consents.<index>.text_id``."""
    decisions: list[services.ConsentDecision] = []
    for index, item in enumerate(raw):
        fields = dict(item)
        text = clinic_row_or_400(ConsentText, fields.pop("text_id", None), f"consents.{index}.text_id")
        decisions.append(services.ConsentDecision(**fields, text=text))  # type: ignore[typeddict-item]
    return decisions


class PatientViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[ClinicPatient]):
    """The clinic's patients. Reading one patient's record is audited (``patient.viewed``).
    The list counts its total up to a bound (``BoundedCountPagination``: ``count_is_exact``)."""

    model = ClinicPatient
    serializer_class = serializers.PatientSerializer
    pagination_class = BoundedCountPagination
    required_permissions = {
        "list": "patient.view",
        "retrieve": "patient.view",
        "create": "patient.manage",
        "matches": "patient.manage",
        "enrol": "patient.manage",
        "partial_update": "patient.manage",
        "consents": "patient.view",
        "access_history": "audit.view",
        "consent_record": "consent.record",
        "identity_link": "patient.manage",
        "identity_link_confirm": "patient.manage",
    }
    # Read by ScopedRateThrottle, which only the identity-link request uses: each request
    # may send an SMS to someone outside the clinic.
    throttle_scope = "identity_link"

    def get_base_queryset(self) -> QuerySet[ClinicPatient]:
        if self.action != "list":
            return ClinicPatient.objects.select_related("profile", "clinic")
        params = self.request.query_params
        sex = params.get("sex", "")
        if sex and sex not in PatientProfile.Sex.values:
            raise ValidationFailed(errors={"sex": [_("Unknown value.")]})
        return selectors.patient_list(
            clinic=self.clinic,
            q=params.get("q", ""),
            phone=params.get("phone", ""),
            chart_number=params.get("chart_number", ""),
            national_id=params.get("national_id", ""),
            sex=sex,
            phone_fragments=sees_in_full(self.membership.role, "phone"),
        )

    @extend_schema(parameters=SEARCH_PARAMETERS)
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().list(request, *args, **kwargs)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        patient = self.get_object()
        services.patient_viewed_record(patient=patient, actor=self.actor)
        return Response(self.get_serializer(patient).data)

    @extend_schema(
        responses={200: AccessEventSerializer(many=True)},
        description="Who opened this patient's record, newest first (owners and admins).",
    )
    @action(detail=True, methods=["get"], url_path="access-history")
    def access_history(self, request: Request, pk: str | None = None) -> Response:
        patient = self.get_object()
        events = object_access_history(object_type=services.PATIENT_OBJECT_TYPE, object_id=patient.pk)
        page = self.paginate_queryset(events)  # type: ignore[arg-type]  # a list of another model
        return self.get_paginated_response(AccessEventSerializer(page, many=True).data)

    @extend_schema(
        request=serializers.PatientRegisterSerializer, responses={201: serializers.PatientSerializer}
    )
    def create(self, request: Request) -> Response:
        """Register a patient (``services.patient_register``), with the consent decisions
        taken in the same step (``consents``): all or nothing."""
        data = serializers.PatientRegisterSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        consents = consent_decisions(fields.pop("consents", []))
        patient = services.patient_register(clinic=self.clinic, actor=self.actor, consents=consents, **fields)
        return Response(self.get_serializer(patient).data, status=201)

    @extend_schema(
        request=serializers.PatientMatchQuerySerializer,
        responses={200: serializers.PatientMatchSerializer(many=True)},
        description=(
            "The organization's patients (this clinic's and its sibling clinics') with this "
            "phone or national ID: the duplicates to offer before registering. A POST so the "
            "number is not written to addresses and logs. Personal data masked by role; "
            "other organizations are never looked at. At most 10."
        ),
    )
    @action(detail=False, methods=["post"], pagination_class=None)
    def matches(self, request: Request) -> Response:
        data = serializers.PatientMatchQuerySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = selectors.patient_matches(clinic=self.clinic, **data.validated_data)
        context = self.get_serializer_context()
        return Response(serializers.PatientMatchSerializer(found, many=True, context=context).data)

    @extend_schema(
        request=serializers.PatientEnrolSerializer,
        responses={201: serializers.PatientSerializer},
        description=(
            "Make a patient of a sibling clinic (a match's `profile`) a patient of this clinic "
            "too, instead of registering them twice; with consent decisions as in registration. "
            "Idempotent. An unknown profile, or one of another organization, is a 400 naming `profile`."
        ),
    )
    @action(detail=False, methods=["post"])
    def enrol(self, request: Request) -> Response:
        data = serializers.PatientEnrolSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        profile = selectors.organization_profile_or_400(clinic=self.clinic, pk=fields.pop("profile"))
        consents = consent_decisions(fields.pop("consents", []))
        patient = services.patient_enrol(
            clinic=self.clinic, actor=self.actor, profile=profile, consents=consents, **fields
        )
        return Response(self.get_serializer(patient).data, status=201)

    @extend_schema(
        request=serializers.PatientUpdateSerializer, responses={200: serializers.PatientSerializer}
    )
    def partial_update(self, request: Request, pk: str | None = None) -> Response:
        patient = self.get_object()  # a foreign id is a 404 before the body is read
        data = serializers.PatientUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        patient = services.patient_update(patient=patient, actor=self.actor, **data.validated_data)
        return Response(self.get_serializer(patient).data)

    @extend_schema(
        request=None,
        responses={202: serializers.IdentityLinkRequestSerializer},
        description=(
            "Ask the patient to prove they are the person other organizations know by the "
            "same national ID: a one-time code goes by SMS to each phone on file there, never "
            "to the caller. The answer is the same whether or not any code was sent. "
            "Throttled per user (`identity_link`)."
        ),
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="identity-link",
        throttle_classes=[ScopedRateThrottle],
    )
    def identity_link(self, request: Request, pk: str | None = None) -> Response:
        patient = self.get_object()
        link_request = services.patient_identity_link_request(patient=patient, actor=self.actor)
        return Response(serializers.IdentityLinkRequestSerializer(link_request).data, status=202)

    @extend_schema(
        request=serializers.IdentityLinkConfirmSerializer,
        responses={200: serializers.PatientSerializer},
        description="Link with the code the patient read out; a wrong or expired one is a 400 naming `code`.",
    )
    @action(detail=True, methods=["post"], url_path="identity-link/confirm")
    def identity_link_confirm(self, request: Request, pk: str | None = None) -> Response:
        patient = self.get_object()
        data = serializers.IdentityLinkConfirmSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        patient = services.patient_identity_link_confirm(
            patient=patient, actor=self.actor, code=data.validated_data["code"]
        )
        return Response(self.get_serializer(patient).data)

    @extend_schema(responses={200: serializers.ConsentStateSerializer})
    @action(detail=True, methods=["get"])
    def consents(self, request: Request, pk: str | None = None) -> Response:
        patient = self.get_object()
        current = selectors.consent_current_map(patient=patient)
        return Response(
            {
                "current": {
                    k: serializers.ConsentSerializer(v).data if v else None for k, v in current.items()
                },
                "history": serializers.ConsentSerializer(
                    selectors.consent_history(patient=patient), many=True
                ).data,
            }
        )

    @extend_schema(request=serializers.ConsentInputSerializer, responses={201: serializers.ConsentSerializer})
    @consents.mapping.post
    def consent_record(self, request: Request, pk: str | None = None) -> Response:
        patient = self.get_object()
        data = serializers.ConsentInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = dict(data.validated_data)
        text = None
        if "text_id" in fields:
            text = clinic_row_or_400(ConsentText, fields.pop("text_id"), "text_id")
        consent = services.consent_record(
            clinic=self.clinic,
            actor=self.actor,
            patient=patient,
            text=text,
            **fields,
        )
        return Response(serializers.ConsentSerializer(consent).data, status=201)


class ConsentTextViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[ConsentText]):
    """Versioned consent wording per purpose and language. ``?purpose=`` and ``?locale=``."""

    model = ConsentText
    serializer_class = serializers.ConsentTextSerializer
    required_permissions = {
        "list": "patient.view",
        "retrieve": "patient.view",
        "current": "patient.view",
        "create": "consent_text.manage",
    }
    filterset_fields = ["purpose", "locale"]

    def get_base_queryset(self) -> QuerySet[ConsentText]:
        return selectors.consent_text_list()

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "locale", OpenApiTypes.STR, description="The patient's language; default: the clinic's"
            )
        ],
        responses={200: serializers.ConsentTextSerializer(many=True)},
        description=(
            "The wording to show a patient now: per purpose, the newest version in `locale`, "
            "else in the clinic's language, else in English, else in any language. Purposes "
            "without a published text are left out."
        ),
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def current(self, request: Request) -> Response:
        locale = request.query_params.get("locale", "") or self.clinic.locale
        if locale.lower() not in {code.lower() for code in serializers.LANGUAGES}:
            raise ValidationFailed(errors={"locale": [_("Unknown value.")]})
        texts = selectors.consent_texts_current(locale=locale, fallbacks=[self.clinic.locale, "en"])
        return Response(serializers.ConsentTextSerializer(texts, many=True).data)

    @extend_schema(
        request=serializers.ConsentTextInputSerializer, responses={201: serializers.ConsentTextSerializer}
    )
    def create(self, request: Request) -> Response:
        data = serializers.ConsentTextInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        text = services.consent_text_publish(clinic=self.clinic, actor=self.actor, **data.validated_data)
        return Response(serializers.ConsentTextSerializer(text).data, status=201)
