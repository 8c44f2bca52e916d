"""Audit trail API: ``/api/v1/compliance/audit-events`` (owners and admins, read-only)."""

from __future__ import annotations

import datetime
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField
from rest_framework import mixins, serializers

from compliance import selectors
from compliance.models import AuditEvent
from core.api import ClinicScopedViewSet


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
    """An ISO 8601 instant, converted to UTC: any offset Python accepts (up to ±24 h)
    is fine, while PostgreSQL would refuse offsets beyond ±16 h with a 500."""

    default_error_messages = {"out_of_range": _("This instant is out of the supported range.")}

    def to_python(self, value: Any) -> datetime.datetime | None:
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
        return selectors.audit_event_list()
