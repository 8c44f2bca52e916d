"""Compliance API (owners and admins): the audit trail, read-only
(``/api/v1/compliance/audit-events``), and data-subject requests
(``/api/v1/compliance/data-subject-requests``)."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from audit.models import AuditEvent
from audit.selectors import audit_event_list
from compliance import selectors, subject_rights
from compliance.models import DataSubjectRequest
from core.api import ClinicScopedViewSet, clinic_row_or_400
from core.fields import InstantField
from patients.models import ClinicPatient


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    actor_name = serializers.SerializerMethodField(help_text="The actor's name; null for the system.")
    changes = serializers.DictField(
        child=serializers.ListField(child=serializers.JSONField(allow_null=True), min_length=2, max_length=2),
        read_only=True,
        help_text="{field: [old, new]}; values of contact and ID fields are masked.",
    )

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "sequence",
            "occurred_at",
            "actor",
            "actor_name",
            "actor_role",
            "action",
            "object_type",
            "object_id",
            "changes",
            "ip",
            "user_agent",
            "request_id",
            "prev_hash",
            "hash",
        ]
        read_only_fields = fields

    def get_actor_name(self, event: AuditEvent) -> str | None:
        return event.actor.full_name if event.actor is not None else None


class UtcDateTimeField(IsoDateTimeField):
    """An ISO 8601 instant with its UTC offset, converted to UTC: any offset Python
    accepts (up to ±24 h) is fine, while PostgreSQL would refuse offsets beyond ±16 h
    with a 500. Without an offset the value is refused (as ``core.fields.InstantField``)."""

    default_error_messages = {
        "out_of_range": _("This instant is out of the supported range."),
        "naive": InstantField.default_error_messages["naive"],
    }

    def to_python(self, value: Any) -> datetime.datetime | None:
        try:
            given = parse_datetime(value.strip()) if isinstance(value, str) else None
        except ValueError:
            given = None  # not a date-time at all: the parent says so
        if given is not None and timezone.is_naive(given):
            raise ValidationError(self.error_messages["naive"], code="naive")
        parsed = super().to_python(value)
        if parsed is None:
            return None
        try:
            return parsed.astimezone(datetime.UTC)
        except OverflowError as exc:
            raise ValidationError(self.error_messages["out_of_range"], code="out_of_range") from exc


class UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UtcDateTimeField


class AuditEventFilter(django_filters.FilterSet):
    actor = django_filters.UUIDFilter(field_name="actor_id", help_text="User id of the actor.")
    action = django_filters.CharFilter(help_text="Exact action, e.g. patient.viewed.")
    object_type = django_filters.CharFilter(help_text='e.g. "patients.ClinicPatient".')
    object_id = django_filters.CharFilter()
    occurred_at_after = UtcDateTimeFilter(
        field_name="occurred_at", lookup_expr="gte", help_text=_("From this instant (ISO 8601), inclusive.")
    )
    occurred_at_before = UtcDateTimeFilter(
        field_name="occurred_at", lookup_expr="lt", help_text=_("Until this instant (ISO 8601), exclusive.")
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []


class AuditEventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[AuditEvent]):
    """The clinic's audit trail, newest first: who did what to which record, from where.
    Filter with ``?actor=``, ``?action=``, ``?object_type=``, ``?object_id=``,
    ``?occurred_at_after=`` and ``?occurred_at_before=``. A malformed filter value is a
    400 naming the parameter."""

    model = AuditEvent
    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilter
    ordering_fields = ["sequence", "occurred_at"]
    required_permissions = {"list": "audit.view", "retrieve": "audit.view"}

    def get_base_queryset(self) -> QuerySet[AuditEvent]:
        return audit_event_list()


class _DataSubjectRequestFieldsSerializer(serializers.ModelSerializer[DataSubjectRequest]):
    """The request's metadata, shared by the list and the detail."""

    patient_id = serializers.UUIDField(read_only=True)
    chart_number = serializers.CharField(source="patient.chart_number", read_only=True)

    class Meta:
        model = DataSubjectRequest
        fields = [
            "id",
            "patient_id",
            "chart_number",
            "kind",
            "status",
            "received_at",
            "due_on",
            "details",
            "completed_at",
            "rejection_reason",
        ]
        read_only_fields = fields


class DataSubjectRequestSummarySerializer(_DataSubjectRequestFieldsSerializer):
    """A request without its result (the list); ``has_result`` says whether opening it shows one."""

    has_result = serializers.BooleanField(
        read_only=True, help_text="Completed with a result: open the request to read it (audited)."
    )

    class Meta(_DataSubjectRequestFieldsSerializer.Meta):
        fields = [*_DataSubjectRequestFieldsSerializer.Meta.fields, "has_result"]
        read_only_fields = fields


class DataSubjectRequestSerializer(_DataSubjectRequestFieldsSerializer):
    """One request with its ``result``: the export document, the erasure report or the
    rectified fields; null until completed."""

    class Meta(_DataSubjectRequestFieldsSerializer.Meta):
        fields = [*_DataSubjectRequestFieldsSerializer.Meta.fields, "result"]
        read_only_fields = fields


class DataSubjectRequestInputSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField()
    kind = serializers.ChoiceField(choices=DataSubjectRequest.Kind.choices)
    details = serializers.DictField(required=False, help_text="Rectification: {field: corrected value}")


class DataSubjectRequestRejectSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=2000)


class DataSubjectRequestViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[DataSubjectRequest]
):
    """Patients' requests for a copy, erasure or rectification of their data (owners and
    admins). Open requests are listed by due date, without their results;
    ``?status=`` and ``?kind=`` filter. Opening one returns its result, and each opening
    of a request that has one is audited (``dsr_result.viewed``)."""

    model = DataSubjectRequest
    serializer_class = DataSubjectRequestSerializer
    required_permissions = {
        "list": "dsr.manage",
        "retrieve": "dsr.manage",
        "create": "dsr.manage",
        "complete": "dsr.manage",
        "reject": "dsr.manage",
    }
    filterset_fields = ["status", "kind"]

    def get_base_queryset(self) -> QuerySet[DataSubjectRequest]:
        if self.action == "list":
            return selectors.data_subject_request_list()
        return DataSubjectRequest.objects.select_related("patient", "clinic")

    def get_serializer_class(self) -> type[serializers.BaseSerializer[DataSubjectRequest]]:
        if self.action == "list":
            return DataSubjectRequestSummarySerializer
        return DataSubjectRequestSerializer

    def _render(self, dsr: DataSubjectRequest, status: int = 200) -> Response:
        """The request with its result as the caller's role may read it."""
        data = DataSubjectRequestSerializer(dsr).data
        data["result"] = subject_rights.dsr_result_for_role(dsr=dsr, role=self.membership.role)
        return Response(data, status=status)

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        dsr = self.get_object()
        subject_rights.dsr_result_viewed(dsr=dsr, actor=self.actor)
        return self._render(dsr)

    @extend_schema(request=DataSubjectRequestInputSerializer, responses={201: DataSubjectRequestSerializer})
    def create(self, request: Request) -> Response:
        data = DataSubjectRequestInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        patient = clinic_row_or_400(ClinicPatient, data.validated_data["patient_id"], "patient_id")
        dsr = subject_rights.dsr_receive(
            clinic=self.clinic,
            actor=self.actor,
            patient=patient,
            kind=data.validated_data["kind"],
            details=data.validated_data.get("details"),
        )
        return self._render(dsr, status=201)

    @extend_schema(request=None, responses={200: DataSubjectRequestSerializer})
    @action(detail=True, methods=["post"])
    def complete(self, request: Request, pk: str | None = None) -> Response:
        dsr = subject_rights.dsr_complete(dsr=self.get_object(), actor=self.actor)
        return self._render(dsr)

    @extend_schema(request=DataSubjectRequestRejectSerializer, responses={200: DataSubjectRequestSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        dsr = self.get_object()  # before reading the body: another clinic's id is a 404, not a 400
        data = DataSubjectRequestRejectSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        dsr = subject_rights.dsr_reject(
            dsr=dsr,
            actor=self.actor,
            reason=data.validated_data["reason"],
        )
        return self._render(dsr)
