"""Compliance API: the audit trail, read-only, with the verification of its hash chain
for a period (``/api/v1/compliance/audit-events``, ``…/verify``; owners, admins and the
accountant), data-subject requests (``/api/v1/compliance/data-subject-requests``;
owners and admins), and the compliance desk's reports: consent coverage
(``/api/v1/compliance/consent-coverage``), the ANVISA lot report
(``/api/v1/compliance/anvisa-report``) and the retention queue
(``/api/v1/compliance/retention/queue``, ``…/retention/<patient id>/decide``)."""

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
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from audit.models import AuditEvent
from audit.selectors import audit_chain_verify_span, audit_event_list
from compliance import retention, selectors, subject_rights
from compliance.models import DataSubjectRequest, RetentionDecision
from core.api import ClinicScopedViewSet, clinic_row_or_400, validated_body
from core.dates import local_days_span
from core.exceptions import ValidationFailed
from core.fields import InstantField, PeriodDayField
from core.permissions import role_has_permission
from patients.models import ClinicPatient, ConsentPurpose
from patients.services import PATIENT_OBJECT_TYPE

# Events about clinical records carry health data in their changes (a plan's goals):
# only roles that may read clinical content see them (core.permissions "clinical.view"),
# plus the managers who have always reviewed the whole trail.
_CLINICAL_OBJECT_PREFIX = "emr."
_CLINICAL_CHANGES_PERMISSIONS = ("clinical.view", "clinic.manage")


class AuditEventSerializer(serializers.ModelSerializer[AuditEvent]):
    actor_name = serializers.SerializerMethodField(help_text="The actor's name; null for the system.")
    changes = serializers.SerializerMethodField(
        help_text=(
            "{field: [old, new]}; values of contact and ID fields are masked; empty when "
            "withheld (changes_withheld)."
        )
    )
    changes_withheld = serializers.SerializerMethodField(
        help_text="True when the event is about a clinical record and your role may not read its changes."
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
            "changes_withheld",
            "ip",
            "user_agent",
            "request_id",
            "prev_hash",
            "hash",
        ]
        read_only_fields = fields

    def get_actor_name(self, event: AuditEvent) -> str | None:
        return event.actor.full_name if event.actor is not None else None

    @extend_schema_field(
        serializers.DictField(
            child=serializers.ListField(
                child=serializers.JSONField(allow_null=True), min_length=2, max_length=2
            )
        )
    )
    def get_changes(self, event: AuditEvent) -> dict[str, Any]:
        return {} if self.get_changes_withheld(event) else dict(event.changes)

    def get_changes_withheld(self, event: AuditEvent) -> bool:
        if not event.object_type.startswith(_CLINICAL_OBJECT_PREFIX) or not event.changes:
            return False
        role = getattr(self.context.get("request"), "membership", None)
        role_name = getattr(role, "role", "")
        return not any(role_has_permission(role_name, name) for name in _CLINICAL_CHANGES_PERMISSIONS)


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


class ClinicDateFilter(django_filters.DateFilter):
    """A local day of the request's clinic (``YYYY-MM-DD``): from its first instant
    (``lookup_expr="gte"``) or until the end of it (``"lt"`` the next day's start)."""

    def filter(self, qs: QuerySet[Any], value: datetime.date | None) -> QuerySet[Any]:
        if value is None:
            return qs
        zone = self.parent.request.clinic.time_zone
        start, end = local_days_span(value, value, zone=zone)
        bound = start if self.lookup_expr == "gte" else end
        return qs.filter(**{f"{self.field_name}__{self.lookup_expr}": bound})


class AuditEventFilter(django_filters.FilterSet):
    actor = django_filters.UUIDFilter(field_name="actor_id", help_text="User id of the actor.")
    action = django_filters.CharFilter(
        lookup_expr="startswith",
        help_text="An action or its start: patient.viewed, or patient. for every patient action.",
    )
    object_type = django_filters.CharFilter(help_text='e.g. "patients.ClinicPatient".')
    object_id = django_filters.CharFilter()
    patient = django_filters.UUIDFilter(
        method="filter_patient", help_text="Events about one of the clinic's patients (ClinicPatient id)."
    )
    date_from = ClinicDateFilter(
        field_name="occurred_at", lookup_expr="gte", help_text="First local day of the clinic, inclusive."
    )
    date_to = ClinicDateFilter(
        field_name="occurred_at", lookup_expr="lt", help_text="Last local day of the clinic, inclusive."
    )
    occurred_at_after = UtcDateTimeFilter(
        field_name="occurred_at", lookup_expr="gte", help_text=_("From this instant (ISO 8601), inclusive.")
    )
    occurred_at_before = UtcDateTimeFilter(
        field_name="occurred_at", lookup_expr="lt", help_text=_("Until this instant (ISO 8601), exclusive.")
    )

    class Meta:
        model = AuditEvent
        fields: list[str] = []

    def filter_patient(self, qs: QuerySet[AuditEvent], name: str, value: Any) -> QuerySet[AuditEvent]:
        return qs.filter(object_type=PATIENT_OBJECT_TYPE, object_id=str(value))


class AuditVerifyQuerySerializer(serializers.Serializer[Any]):
    date_from = serializers.DateField(required=False, help_text="First local day of the clinic, inclusive.")
    date_to = serializers.DateField(required=False, help_text="Last local day of the clinic, inclusive.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("date_from") and attrs.get("date_to") and attrs["date_to"] < attrs["date_from"]:
            raise serializers.ValidationError({"date_to": _("Must not be before date_from.")})
        return attrs


class ChainBreakSerializer(serializers.Serializer[Any]):
    event_id = serializers.UUIDField()
    sequence = serializers.IntegerField()
    problem = serializers.ChoiceField(
        choices=["sequence_gap", "prev_hash_mismatch", "hash_mismatch"],
        help_text=(
            "sequence_gap: events missing or inserted; prev_hash_mismatch: the event does not "
            "point at the previous one; hash_mismatch: the event was edited."
        ),
    )
    expected = serializers.CharField()
    found = serializers.CharField()


class AuditVerifySerializer(serializers.Serializer[Any]):
    verified = serializers.BooleanField(source="intact")
    events = serializers.IntegerField(help_text="Events checked (up to and including the broken one).")
    first_sequence = serializers.IntegerField(allow_null=True)
    last_sequence = serializers.IntegerField(allow_null=True)
    first_break = ChainBreakSerializer(allow_null=True)


class AuditEventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ClinicScopedViewSet[AuditEvent]):
    """The clinic's audit trail, newest first: who did what to which record, from where.
    Filter with ``?actor=``, ``?action=`` (an action or its start), ``?object_type=``,
    ``?object_id=``, ``?patient=``, ``?date_from=``/``?date_to=`` (the clinic's local
    days) or ``?occurred_at_after=``/``?occurred_at_before=`` (instants). A malformed
    filter value is a 400 naming the parameter; another clinic's event is a 404."""

    model = AuditEvent
    serializer_class = AuditEventSerializer
    filterset_class = AuditEventFilter
    ordering_fields = ["sequence", "occurred_at"]
    required_permissions = {"list": "audit.view", "retrieve": "audit.view", "verify": "audit.view"}

    def get_base_queryset(self) -> QuerySet[AuditEvent]:
        return audit_event_list()

    @extend_schema(parameters=[AuditVerifyQuerySerializer], responses={200: AuditVerifySerializer})
    @action(detail=False, methods=["get"])
    def verify(self, request: Request) -> Response:
        """Check the hash chain of the clinic's events in ``date_from``..``date_to`` (the
        clinic's local days, inclusive; all events without them): ``verified`` and the
        ``events`` checked, or the ``first_break`` (the event, its sequence and why:
        ``audit.selectors.ChainBreak``). 400 names a bad date."""
        query = validated_body(AuditVerifyQuerySerializer, request.query_params)
        occurred_from, occurred_to = local_days_span(
            query.get("date_from"), query.get("date_to"), zone=self.clinic.time_zone
        )
        report = audit_chain_verify_span(
            clinic_id=self.clinic.pk, occurred_from=occurred_from, occurred_to=occurred_to
        )
        return Response(AuditVerifySerializer(report).data)


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
    overdue = serializers.BooleanField(
        read_only=True, help_text="Still open and due before the clinic's today (listed first)."
    )

    class Meta(_DataSubjectRequestFieldsSerializer.Meta):
        fields = [*_DataSubjectRequestFieldsSerializer.Meta.fields, "has_result", "overdue"]
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
    admins). Overdue requests first (``overdue``: open and due before the clinic's today),
    then open ones by due date, then closed ones, without their results;
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
            return selectors.data_subject_request_list(today=self.clinic.today())
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


# --------------------------------------------------------------------- compliance desk

# The longest period at once: a coverage's months and a lot report stay one screen.
PERIOD_MAX_DAYS = 3 * 366


class DeskPeriodSerializer(serializers.Serializer[Any]):
    """``date_from``/``date_to``: the clinic's local days, both included; each a
    ``PeriodDayField``; ``date_to`` not before ``date_from``; at most about three
    years. Defaults are the view's."""

    date_from = PeriodDayField(required=False, help_text="First local day of the clinic, inclusive.")
    date_to = PeriodDayField(required=False, help_text="Last local day of the clinic, inclusive.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        start, end = attrs.get("date_from"), attrs.get("date_to")
        if start is not None and end is not None:
            if end < start:
                raise serializers.ValidationError({"date_to": [_("Must not be before date_from.")]})
            if (end - start).days + 1 > PERIOD_MAX_DAYS:
                raise serializers.ValidationError(
                    {"date_from": [_("At most %(days)s days at once.") % {"days": PERIOD_MAX_DAYS}]}
                )
        return attrs


class PurposeCoverageSerializer(serializers.Serializer[Any]):
    purpose = serializers.ChoiceField(choices=ConsentPurpose.choices)
    granted = serializers.IntegerField(help_text="Charts whose standing decision is a grant.")
    withdrawn = serializers.IntegerField(help_text="Charts whose standing decision is a withdrawal.")
    unanswered = serializers.IntegerField(help_text="Charts with no decision about the purpose.")


class MonthWithdrawalsSerializer(serializers.Serializer[Any]):
    month = serializers.DateField(help_text="First day of the clinic-local month.")
    total = serializers.IntegerField()
    by_purpose = serializers.DictField(child=serializers.IntegerField(), help_text="{purpose: withdrawals}")


class ConsentCoverageSerializer(serializers.Serializer[Any]):
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    patients = serializers.IntegerField(
        help_text="The clinic's active patients: an appointment or visit since active_since, or booked ahead."
    )
    active_since = serializers.DateField(help_text="Clinic-local day 12 months before today.")
    purposes = PurposeCoverageSerializer(many=True)
    withdrawals = MonthWithdrawalsSerializer(many=True, help_text="Every month of the period, oldest first.")


class LotUsageSerializer(serializers.Serializer[Any]):
    lot_id = serializers.UUIDField()
    lot_number = serializers.CharField()
    expiry_date = serializers.DateField()
    registration_number = serializers.CharField(
        help_text="The lot's registration, else its product's; may be empty."
    )
    product_id = serializers.UUIDField()
    product_name = serializers.CharField()
    unit = serializers.CharField(help_text="The product's unit (catalog.Product.Unit).")
    quantity = serializers.DecimalField(max_digits=12, decimal_places=3, help_text="Net used, in the unit.")
    treatments = serializers.IntegerField()
    patients = serializers.IntegerField()
    first_used_at = serializers.DateTimeField()
    last_used_at = serializers.DateTimeField()


class AnvisaReportSerializer(serializers.Serializer[Any]):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    date_from = serializers.DateField()
    date_to = serializers.DateField()
    results = LotUsageSerializer(many=True)


class ComplianceDeskViewSet(ClinicScopedViewSet[ClinicPatient]):
    """The compliance desk's reports of the request's clinic (read-only)."""

    model = ClinicPatient
    required_permissions = {"consent_coverage": "compliance.view", "anvisa_report": "stock.recall"}

    def _period(self, default_days: int) -> tuple[datetime.date, datetime.date]:
        query = validated_body(DeskPeriodSerializer, self.request.query_params)
        date_to = query.get("date_to") or self.clinic.today()
        date_from = query.get("date_from") or max(
            date_to - datetime.timedelta(days=default_days), PeriodDayField.EARLIEST_DAY
        )
        if date_from > date_to:
            raise ValidationFailed(errors={"date_from": [str(_("Must not be after date_to."))]})
        return date_from, date_to

    @extend_schema(parameters=[DeskPeriodSerializer], responses={200: ConsentCoverageSerializer})
    @action(
        detail=False, methods=["get"], url_path="consent-coverage", pagination_class=None, filter_backends=[]
    )
    def consent_coverage(self, request: Request) -> Response:
        """Per consent purpose, how many of the clinic's active patients (an appointment or
        visit in the last 12 months, or one booked ahead) stand granted, withdrawn or never
        answered (now), and the withdrawals of each month of ``date_from``..
        ``date_to`` (local days, inclusive; default the last 365 days)
        (``selectors.consent_coverage_report``). 400 names a bad date."""
        date_from, date_to = self._period(default_days=365)
        body = selectors.consent_coverage_report(clinic=self.clinic, date_from=date_from, date_to=date_to)
        return Response(ConsentCoverageSerializer({**body, "date_from": date_from, "date_to": date_to}).data)

    @extend_schema(parameters=[DeskPeriodSerializer], responses={200: AnvisaReportSerializer})
    @action(detail=False, methods=["get"], url_path="anvisa-report", filter_backends=[])
    def anvisa_report(self, request: Request) -> Response:
        """Products used on patients from ``date_from`` to ``date_to`` (local days,
        inclusive; default the last 30 days), one row per lot, by registration
        (``selectors.anvisa_report``), paginated (``?page=``, ``?page_size=``); the
        patients of a lot are its recall (``/inventory/lots/<id>/recall``). Who received
        which lot is lot traceability: ``stock.recall``, as the recall. 400 names a bad
        date."""
        date_from, date_to = self._period(default_days=29)
        rows = selectors.anvisa_report(clinic=self.clinic, date_from=date_from, date_to=date_to)
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]
        response = self.get_paginated_response(LotUsageSerializer(page, many=True).data)
        response.data.update({"date_from": date_from, "date_to": date_to})
        return response


class RetentionDueSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField(source="patient.pk")
    chart_number = serializers.CharField(source="patient.chart_number")
    patient_name = serializers.SerializerMethodField()
    last_entry_at = serializers.DateTimeField(help_text="The newest entry of the clinical record.")
    retention_until = serializers.DateField(
        help_text="The last day the record had to be kept (clinic-local)."
    )

    def get_patient_name(self, row: retention.RetentionDue) -> str:
        return str(row.patient.profile)


class RetentionDecisionInputSerializer(serializers.Serializer[Any]):
    decision = serializers.ChoiceField(choices=RetentionDecision.Decision.choices)
    reason = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, help_text="Required to keep."
    )


class RetentionDecisionSerializer(serializers.ModelSerializer[RetentionDecision]):
    class Meta:
        model = RetentionDecision
        fields = [
            "id",
            "patient",
            "retention_until",
            "decision",
            "reason",
            "data_subject_request",
            "created_at",
        ]
        read_only_fields = fields


class RetentionViewSet(ClinicScopedViewSet[ClinicPatient]):
    """The retention queue (owners and admins): ``queue`` lists the charts whose clinical
    record is past its retention period and awaits a decision; ``<patient id>/decide``
    keeps one (with the reason) or asks for its erasure (an erasure request, then carried
    out from the requests queue). Another clinic's patient is a 404."""

    model = ClinicPatient
    required_permissions = {"queue": "compliance.view", "decide": "compliance.view"}

    @extend_schema(responses={200: RetentionDueSerializer(many=True)})
    @action(detail=False, methods=["get"], filter_backends=[])
    def queue(self, request: Request) -> Response:
        """Past retention and undecided, longest past first (``retention.retention_queue``),
        paginated."""
        rows = retention.retention_queue(clinic=self.clinic)
        page = self.paginate_queryset(rows)  # type: ignore[arg-type]
        return self.get_paginated_response(RetentionDueSerializer(page, many=True).data)

    @extend_schema(request=RetentionDecisionInputSerializer, responses={201: RetentionDecisionSerializer})
    @action(detail=True, methods=["post"])
    def decide(self, request: Request, pk: str | None = None) -> Response:
        """``{"decision": "keep", "reason"}`` or ``{"decision": "erase"}``
        (``retention.retention_decide``). 400 names ``decision`` or ``reason``; 409 when
        the record is not past retention or was already decided."""
        patient = self.get_object()  # before reading the body: another clinic's id is a 404
        values = validated_body(RetentionDecisionInputSerializer, request.data)
        row = retention.retention_decide(
            clinic=self.clinic,
            actor=self.actor,
            patient=patient,
            decision=values["decision"],
            reason=values.get("reason", ""),
        )
        return Response(RetentionDecisionSerializer(row).data, status=201)
