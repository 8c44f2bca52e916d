"""Domain events of commissions: each type's ``data``, declared once. Services record them
with ``outbox.services.outbox_event_record``; the OpenAPI schema carries them as
components (``core.schema.add_event_components``) for the front end's types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from commissions.models import CommissionLog, CommissionRun
from core.fields import MoneyField


class CommissionEventLineSerializer(serializers.Serializer[CommissionLog]):
    """One commission or reversal log of the sale, as the POS's badge lists it."""

    id = serializers.UUIDField()
    sale_line_id = serializers.UUIDField(allow_null=True)
    line_description = serializers.CharField(source="sale_line.description", allow_null=True)
    practitioner_id = serializers.UUIDField()
    practitioner_name = serializers.CharField(source="practitioner.full_name")
    kind = serializers.ChoiceField(choices=CommissionLog.Kind.choices)
    amount = MoneyField()


class CommissionCalculatedEventDataSerializer(serializers.Serializer[Any]):
    """The news of ``GET /commerce/sales/<id>/commission-status/`` once the worker is
    done (``done``, or ``failed`` with no lines written): a role that reads only its own
    commission logs gets only its lines and their ``total`` (``core.realtime``)."""

    sale_id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=CommissionRun.Status.choices)
    total = MoneyField()
    currency = serializers.CharField()
    lines = CommissionEventLineSerializer(many=True)


COMMISSION_CALCULATED = "commission.calculated"

EVENTS: Mapping[str, type[serializers.Serializer[Any]]] = {
    COMMISSION_CALCULATED: CommissionCalculatedEventDataSerializer,
}
