"""Domain events of scheduling: each type's ``data``, declared once. Services record them
with ``outbox.services.outbox_event_record``; the OpenAPI schema carries them as
components (``core.schema.add_event_components``) for the front end's types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from scheduling.models import Appointment


class AppointmentEventDataSerializer(serializers.Serializer[Appointment]):
    """What the calendar needs to know that it must refresh, and where."""

    id = serializers.UUIDField()
    status = serializers.ChoiceField(choices=Appointment.Status.choices)
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()
    practitioner_id = serializers.UUIDField()
    room_id = serializers.UUIDField(allow_null=True)


APPOINTMENT_CREATED = "appointment.created"
APPOINTMENT_UPDATED = "appointment.updated"
APPOINTMENT_CANCELLED = "appointment.cancelled"

EVENTS: Mapping[str, type[serializers.Serializer[Any]]] = {
    APPOINTMENT_CREATED: AppointmentEventDataSerializer,
    APPOINTMENT_UPDATED: AppointmentEventDataSerializer,
    APPOINTMENT_CANCELLED: AppointmentEventDataSerializer,
}
