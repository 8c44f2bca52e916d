"""Live events to the browsers of one clinic (Channels group ``clinic.<clinic_id>``), who
may see which event, and the message that closes the sockets of an ended session.

Domain events reach the group only through the outbox (``outbox.services``: recorded in
the service's transaction, published after commit) as the CloudEvents envelope of
``outbox.models.OutboxEvent.envelope``; the socket sends that envelope on.

A socket sees an event only when the member's role may read the same data over REST
(``EVENT_AUDIENCES``, checked by ``accounts.consumers`` before every delivery); an event type
not listed there reaches nobody.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
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


def sessions_ended_publish(*, session_ids: Iterable[UUID | str], reason: str) -> None:
    """After commit, tell the sockets of each session that it ended; they send
    ``{"type": "session.ended", "reason": reason}`` and close with 4401.

    A control message to the sockets, not a domain event: it goes straight to the
    sessions' groups, not through the outbox. Nothing outside this process consumes it
    (no Kafka), it is addressed to sockets rather than to a clinic, and a socket that
    misses it still ends on its next event, which rechecks the session
    (``accounts.consumers``)."""
    groups = [session_group(session_id) for session_id in session_ids]

    def send() -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        for group in groups:
            async_to_sync(layer.group_send)(group, {"type": "session.ended", "reason": reason})

    if groups:
        transaction.on_commit(send, robust=True)


# -------------------------------------------- the embedded profile's in-memory channel layer

_serving_sockets = False
_socket_sweeps: list[Callable[[], object]] = []


def sockets_served_here() -> None:
    """Called by the ASGI entry point: this process holds the clinics' sockets."""
    global _serving_sockets
    _serving_sockets = True


def channel_layer_reaches_sockets() -> bool:
    """Whether a group send from this process reaches the sockets: always with a shared
    layer (Redis); with the embedded profile's in-memory layer only in the process that
    serves them (not in the Celery worker or a management command)."""
    from channels.layers import InMemoryChannelLayer

    return _serving_sockets or not isinstance(get_channel_layer(), InMemoryChannelLayer)


def socket_sweep_register(sweep: Callable[[], object]) -> None:
    """Register ``sweep`` (the outbox relay) to run every second in the process serving
    the sockets when the channel layer is in-memory (``core.asgi``): it publishes what
    other processes recorded but could not send there."""
    if sweep not in _socket_sweeps:
        _socket_sweeps.append(sweep)


def socket_sweeps() -> list[Callable[[], object]]:
    return list(_socket_sweeps)


# ------------------------------------------------------------------ the declared event types


@cache
def event_data_serializers() -> Mapping[str, type[Any]]:
    """``{event type: serializer of its data}`` over the project's installed apps'
    ``events`` modules (their ``EVENTS`` mapping): the one declaration of each event's ``data``, used by
    the services that record the event and by the OpenAPI components
    (``core.schema.add_event_components``). A type declared twice raises
    ``ImproperlyConfigured``."""
    from django.apps import apps
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    declared: dict[str, type[Any]] = {}
    for config in apps.get_app_configs():
        if (
            not Path(config.path).is_relative_to(settings.BASE_DIR)
            or find_spec(f"{config.name}.events") is None
        ):
            continue
        for event_type, serializer in getattr(import_module(f"{config.name}.events"), "EVENTS", {}).items():
            if event_type in declared:
                raise ImproperlyConfigured(f"Event type {event_type} is declared twice.")
            declared[event_type] = serializer
    return declared


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
    # The till's To-collect queue (InvoiceViewSet.to_collect) reads drafts with invoice.view.
    "com.aesthetix.invoice.drafted": EventAudience("invoice.view"),
    # A card payment settling: the payment route (PaymentViewSet.retrieve) needs invoice.view.
    "com.aesthetix.payment.settled": EventAudience("invoice.view"),
    "com.aesthetix.course_balance.deducted": _COURSE_BALANCES,
    "com.aesthetix.course_balance.restored": _COURSE_BALANCES,
    "com.aesthetix.course_balance.expired": _COURSE_BALANCES,
}


def event_for_member(event: Mapping[str, Any], *, role: str, user_id: str) -> dict[str, Any] | None:
    """What a member with ``role`` may see of an event envelope (``{"id", "type", ...,
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
