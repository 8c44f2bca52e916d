"""Domain events of the EMR: each type's ``data``, declared once. Services record them
with ``outbox.services.outbox_event_record``; the OpenAPI schema carries them as
components (``core.schema.add_event_components``) for the front end's types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from emr.models import Visit


class VisitEventDataSerializer(serializers.Serializer[Visit]):
    """Schedule-level facts only: the live front desk shows who is in and who is done."""

    id = serializers.UUIDField()
    patient_id = serializers.UUIDField()
    appointment_id = serializers.UUIDField(allow_null=True)
    status = serializers.ChoiceField(choices=Visit.Status.choices)


VISIT_OPENED = "visit.opened"
VISIT_COMPLETED = "visit.completed"

EVENTS: Mapping[str, type[serializers.Serializer[Any]]] = {
    VISIT_OPENED: VisitEventDataSerializer,
    VISIT_COMPLETED: VisitEventDataSerializer,
}
