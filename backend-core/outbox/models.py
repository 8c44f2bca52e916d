"""The transactional outbox: domain events written in the same transaction as the change
they describe, relayed afterwards (``outbox.tasks.outbox_relay``).

Each row is a CloudEvents 1.0 event (https://github.com/cloudevents/spec, ``spec.md``):
``id``, ``source``, ``type``, ``subject``, ``time`` and JSON ``data``. ``sequence`` (the
auto-increment key) orders the events; the relay publishes in that order and sets
``published_at`` once, after every sink accepted the event.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models


class OutboxEvent(models.Model):
    sequence = models.BigAutoField(primary_key=True)
    clinic = models.ForeignKey(settings.TENANT_MODEL, on_delete=models.PROTECT, related_name="+")
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    type = models.CharField(max_length=120)
    source = models.CharField(max_length=200)
    subject = models.CharField(max_length=200, blank=True)
    time = models.DateTimeField()
    data = models.JSONField()
    published_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["sequence"], condition=models.Q(published_at__isnull=True), name="outbox_unpublished"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sequence} {self.type}"

    def envelope(self) -> dict[str, object]:
        """The structured-mode CloudEvents 1.0 JSON envelope of this event, the one shape
        every sink gets (the clinic's sockets and Kafka)::

            {"specversion": "1.0", "id": "<uuid>", "type": "appointment.created",
             "source": "urn:aesthetix/clinics/<uuid>", "subject": "appointment/<uuid>",
             "time": "2026-01-31T09:00:00.123456Z", "datacontenttype": "application/json",
             "sequence": "<outbox key>", "clinic": "<uuid>", "clinicid": "<uuid>",
             "data": {...}}

        ``data`` has the shape declared for ``type`` in the apps' ``events`` modules
        (OpenAPI components ``<Type>Event``). ``clinic`` is the clinic's id;
        ``clinicid`` carries the same for Kafka consumers that read it before
        ``clinic`` existed."""
        return {
            "specversion": "1.0",
            "id": str(self.event_id),
            "source": self.source,
            "type": self.type,
            "subject": self.subject,
            "time": self.time.isoformat().replace("+00:00", "Z"),
            "datacontenttype": "application/json",
            "sequence": str(self.sequence),
            "clinic": str(self.clinic_id),
            "clinicid": str(self.clinic_id),
            "data": self.data,
        }
