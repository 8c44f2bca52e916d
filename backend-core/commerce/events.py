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


class InvoiceDraftedEventDataSerializer(serializers.Serializer[Any]):
    """A draft invoice of a completed visit is waiting at the till (*To collect*)."""

    invoice_id = serializers.UUIDField()
    patient_id = serializers.UUIDField()
    total = MoneyField()
    currency = serializers.CharField()
    reference_type = serializers.CharField()
    reference_id = serializers.UUIDField()


class PaymentSettledEventDataSerializer(serializers.Serializer[Any]):
    """A pending card payment settled: ``status`` ``succeeded`` (the invoice's paid total
    and balance include it) or ``failed`` (``failure_code`` says why: ``declined`` or
    ``provider_refused``). ``invoice_status``/``balance_due``: the invoice after it."""

    payment_id = serializers.UUIDField()
    invoice_id = serializers.UUIDField()
    sale_id = serializers.UUIDField(allow_null=True)
    status = serializers.ChoiceField(choices=["succeeded", "failed"])
    failure_code = serializers.CharField(allow_blank=True)
    amount = MoneyField()
    currency = serializers.CharField()
    invoice_status = serializers.CharField()
    balance_due = MoneyField()


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
INVOICE_DRAFTED = "com.aesthetix.invoice.drafted"
PAYMENT_SETTLED = "com.aesthetix.payment.settled"
COURSE_BALANCE_DEDUCTED = "com.aesthetix.course_balance.deducted"
COURSE_BALANCE_RESTORED = "com.aesthetix.course_balance.restored"
COURSE_BALANCE_EXPIRED = "com.aesthetix.course_balance.expired"

EVENTS: Mapping[str, type[serializers.Serializer[Any]]] = {
    SALE_COMPLETED: SaleCompletedEventDataSerializer,
    INVOICE_DRAFTED: InvoiceDraftedEventDataSerializer,
    PAYMENT_SETTLED: PaymentSettledEventDataSerializer,
    COURSE_BALANCE_DEDUCTED: CourseBalanceDeductedEventDataSerializer,
    COURSE_BALANCE_RESTORED: CourseBalanceRestoredEventDataSerializer,
    COURSE_BALANCE_EXPIRED: CourseBalanceExpiredEventDataSerializer,
}
