"""Domain events of commerce: each type's ``data``, declared once. Services record them
with ``outbox.services.outbox_event_record``; the OpenAPI schema carries them as
components (``core.schema.add_event_components``) for the front end's types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from core.fields import MoneyField


class SaleCompletedEventDataSerializer(serializers.Serializer[Any]):
    sale_id = serializers.UUIDField()
    number = serializers.CharField()
    patient_id = serializers.UUIDField(allow_null=True)
    total = MoneyField()
    currency = serializers.CharField()


class CourseBalanceDeductedEventDataSerializer(serializers.Serializer[Any]):
    """``recognized_amount``: the revenue the session recognised (deferred → earned)."""

    course_balance_id = serializers.UUIDField()
    redemption_id = serializers.UUIDField()
    patient_id = serializers.UUIDField()
    course_id = serializers.UUIDField()
    service_id = serializers.UUIDField()
    sessions_remaining = serializers.IntegerField()
    reference_type = serializers.CharField()
    reference_id = serializers.CharField(allow_null=True)
    recognized_amount = MoneyField()
    currency = serializers.CharField()


class CourseBalanceRestoredEventDataSerializer(serializers.Serializer[Any]):
    course_balance_id = serializers.UUIDField()
    redemption_id = serializers.UUIDField()
    patient_id = serializers.UUIDField()
    sessions_remaining = serializers.IntegerField()


class CourseBalanceExpiredEventDataSerializer(serializers.Serializer[Any]):
    course_balance_id = serializers.UUIDField()
    patient_id = serializers.UUIDField()
    course_id = serializers.UUIDField()
    sessions_unused = serializers.IntegerField()


SALE_COMPLETED = "com.aesthetix.sale.completed"
COURSE_BALANCE_DEDUCTED = "com.aesthetix.course_balance.deducted"
COURSE_BALANCE_RESTORED = "com.aesthetix.course_balance.restored"
COURSE_BALANCE_EXPIRED = "com.aesthetix.course_balance.expired"

EVENTS: Mapping[str, type[serializers.Serializer[Any]]] = {
    SALE_COMPLETED: SaleCompletedEventDataSerializer,
    COURSE_BALANCE_DEDUCTED: CourseBalanceDeductedEventDataSerializer,
    COURSE_BALANCE_RESTORED: CourseBalanceRestoredEventDataSerializer,
    COURSE_BALANCE_EXPIRED: CourseBalanceExpiredEventDataSerializer,
}
