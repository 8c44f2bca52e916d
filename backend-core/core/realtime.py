"""Live events to the browsers of one clinic (Channels group ``clinic.<clinic_id>``), who
may see which event, and the message that closes the sockets of an ended session.

Events are sent after the surrounding transaction commits, so a rolled-back write never
reaches a screen. Message shape on the socket::

    {"type": "<event.type>", "clinic_id": "<uuid>", "data": {...}}

A socket sees an event only when the member's role may read the same data over REST
(``EVENT_AUDIENCES``, checked by ``accounts.consumers`` before every delivery); an event type
not listed there reaches nobody.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from core.permissions import role_has_permission


def clinic_group(clinic_id: UUID | str) -> str:
    return f"clinic.{clinic_id}"


def session_group(session_id: UUID | str) -> str:
    """The sockets opened with one session's access tokens."""
    return f"session.{session_id}"


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


def sessions_ended_publish(*, session_ids: Iterable[UUID | str], reason: str) -> None:
    """After commit, tell the sockets of each session that it ended; they send
    ``{"type": "session.ended", "reason": reason}`` and close with 4401."""
    groups = [session_group(session_id) for session_id in session_ids]

    def send() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        for group in groups:
            async_to_sync(layer.group_send)(group, {"type": "session.ended", "reason": reason})

    if groups:
        transaction.on_commit(send, robust=True)


# ------------------------------------------------------------------ who sees which event

Own = Callable[[Mapping[str, Any], str], dict[str, Any] | None]


@dataclass(frozen=True)
class EventAudience:
    """``permission``: the REST permission that reads the same data (the whole event).
    ``own_permission`` + ``own``: roles that read only their own part over REST get
    ``own(data, user_id)`` (``None``: nothing of theirs, no event)."""

    permission: str
    own_permission: str | None = None
    own: Own | None = None


def _own_commission_lines(data: Mapping[str, Any], user_id: str) -> dict[str, Any] | None:
    """A practitioner reads only their own commission logs (``CommissionLogViewSet``):
    their lines, and the total of those."""
    lines = [line for line in data.get("lines", []) if str(line.get("practitioner_id")) == user_id]
    if not lines:
        return None
    total = sum((Decimal(str(line["amount"])) for line in lines), Decimal(0))
    return {**data, "lines": lines, "total": str(total)}


_APPOINTMENTS = EventAudience("calendar.view")
_VISITS = EventAudience("visit.view")
_STAFF = EventAudience("staff.view")
_COURSE_BALANCES = EventAudience("course_balance.view")

EVENT_AUDIENCES: Mapping[str, EventAudience] = {
    "appointment.created": _APPOINTMENTS,
    "appointment.updated": _APPOINTMENTS,
    "appointment.cancelled": _APPOINTMENTS,
    "visit.opened": _VISITS,
    "visit.completed": _VISITS,
    "membership.created": _STAFF,
    "membership.updated": _STAFF,
    # The POS's commission-status route (commission.status) returns every line; the
    # commission ledger gives other practitioners only their own.
    "commission.calculated": EventAudience(
        "commission.status", own_permission="commission.view_own", own=_own_commission_lines
    ),
    "com.aesthetix.sale.completed": EventAudience("sale.view"),
    "com.aesthetix.course_balance.deducted": _COURSE_BALANCES,
    "com.aesthetix.course_balance.restored": _COURSE_BALANCES,
    "com.aesthetix.course_balance.expired": _COURSE_BALANCES,
}


def event_for_member(event: Mapping[str, Any], *, role: str, user_id: str) -> dict[str, Any] | None:
    """What a member with ``role`` may see of a socket ``event`` (``{"type", "clinic_id",
    "data"}``): the event, their own part of it, or ``None``. Unknown types: ``None``."""
    audience = EVENT_AUDIENCES.get(str(event.get("type")))
    if audience is None:
        return None
    if role_has_permission(role, audience.permission):
        return dict(event)
    if (
        audience.own is not None
        and audience.own_permission
        and role_has_permission(role, audience.own_permission)
    ):
        mine = audience.own(event.get("data") or {}, user_id)
        return None if mine is None else {**event, "data": mine}
    return None
