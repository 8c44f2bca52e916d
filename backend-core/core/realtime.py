"""Live events to the browsers of one clinic (Channels group ``clinic.<clinic_id>``).

Events are sent after the surrounding transaction commits, so a rolled-back write never
reaches a screen. Message shape on the socket::

    {"type": "<event.type>", "clinic_id": "<uuid>", "data": {...}}
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def clinic_group(clinic_id: UUID | str) -> str:
    return f"clinic.{clinic_id}"


def clinic_event_publish(*, clinic_id: UUID | str, event_type: str, data: dict[str, Any]) -> None:
    """Publish ``event_type`` with JSON-serializable ``data`` to the clinic after commit.

    Best effort: a channel layer that cannot take it (Redis down) is logged, not raised,
    so the committed work it reports stands (a commission calculated is not marked
    failed because a screen could not be told)."""

    def send() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        async_to_sync(layer.group_send)(
            clinic_group(clinic_id),
            {
                "type": "clinic.event",
                "event": {"type": event_type, "clinic_id": str(clinic_id), "data": data},
            },
        )

    transaction.on_commit(send, robust=True)
