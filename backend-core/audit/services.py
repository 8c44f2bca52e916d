"""Writes of the audit context: appending to the audit trail.

``audit_event_record`` is the one function other contexts call to audit an operation;
``audit_changes`` builds its ``changes`` argument from before/after values.
"""

from __future__ import annotations

import datetime
import hashlib
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.masking import AUDIT_MASKED_FIELDS, mask_value
from audit.models import GENESIS_HASH, USER_AGENT_MAX_LENGTH, AuditEvent, audit_event_hash
from core.context import audit_context_get
from core.exceptions import ValidationFailed

if TYPE_CHECKING:
    from accounts.models import Clinic, User

# First key of the two-key advisory lock: "audit trail" locks, not anyone else's.
_ADVISORY_LOCK_NAMESPACE = 0x41554454  # "AUDT"


class AuditChanges(dict[str, list[Any]]):
    """``{field: [old, new]}`` whose sensitive values are already masked and whose
    values are JSON-safe. Made by :func:`audit_changes`; ``audit_event_record`` does
    not mask it a second time."""


def _json_safe(value: Any) -> Any:
    """A value that survives a round trip through JSON/``jsonb`` unchanged, so the
    stored event hashes the same when it is read back: ``None``, ``bool``, ``int`` and
    ``str`` as they are; lists, tuples and dicts element by element (keys as text);
    ``datetime``/``date``/``time`` in ISO 8601; a model instance as its primary key;
    anything else (``Decimal``, ``float``, ``UUID``) as ``str(value)``, which keeps
    ``Decimal("350.00")`` exact and ``float`` out of ``jsonb``'s number rewriting."""
    if value is None or isinstance(value, bool | int | str):
        return value.replace("\x00", "") if isinstance(value, str) else value
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_json_safe(v) for v in value]
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Model):
        return str(value.pk)
    return str(value)


def _masked(changes: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field, pair in changes.items():
        safe = _json_safe(pair)
        if field in AUDIT_MASKED_FIELDS:
            safe = [mask_value(v) for v in safe] if isinstance(safe, list) else mask_value(safe)
        out[str(field)] = safe
    return out


def audit_changes(
    *, before: Mapping[str, Any], after: Mapping[str, Any], fields: Iterable[str] | None = None
) -> AuditChanges:
    """The fields whose value differs between ``before`` and ``after``, as
    ``{field: [old, new]}`` ready for ``audit_event_record``.

    ``fields`` limits the comparison (default: every key of either mapping); a key
    missing on one side counts as ``None``. Values are made JSON-safe (see
    ``_json_safe``) and the values of ``audit.masking.AUDIT_MASKED_FIELDS`` are masked
    (``mask_value``), e.g. ``{"phone": ["+6XXXXX50101", "+6XXXXX50202"]}``.
    """
    names = list(fields) if fields is not None else sorted(set(before) | set(after))
    diff = {
        name: [before.get(name), after.get(name)] for name in names if before.get(name) != after.get(name)
    }
    return AuditChanges(_masked(diff))


def _advisory_lock_key(clinic_id: uuid.UUID) -> int:
    """A signed 32-bit key derived from the clinic id (second key of the lock)."""
    digest = hashlib.sha256(clinic_id.bytes).digest()
    return int.from_bytes(digest[:4], "big", signed=True)


def _lock_clinic_chain(clinic_id: uuid.UUID) -> None:
    """Serialize appends to one clinic's chain until the transaction ends.

    On PostgreSQL a transaction-level advisory lock keyed by the clinic: unlike
    ``SELECT … FOR UPDATE`` on the clinic row it does not block other transactions
    that merely insert rows referencing the clinic. Two clinics whose keys collide
    only share a queue. On SQLite the embedded profile's ``IMMEDIATE`` transactions
    already serialize every writer. The unique ``(clinic, sequence)`` constraint is the
    backstop either way: a fork cannot be stored.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                [_ADVISORY_LOCK_NAMESPACE, _advisory_lock_key(clinic_id)],
            )


@transaction.atomic
def audit_event_record(
    *,
    clinic: Clinic,
    actor: User | None,
    action: str,
    object_type: str,
    object_id: Any,
    changes: Mapping[str, Any] | None = None,
    actor_role: str | None = None,
) -> AuditEvent:
    """Append one event to ``clinic``'s audit trail and return it.

    * ``actor``: the user who acted, ``None`` for the system (tasks, commands).
      ``actor_role`` defaults to the audit context's (``core.context``: the caller's
      role at the request's clinic; ``""`` outside a request). The trail never looks a
      membership up itself: ``audit`` sits below ``accounts`` and imports none of it.
    * ``action``: ``<noun>.<verb>`` in lower case (``patient.viewed``,
      ``patient.updated``, ``consent.granted``); anything else raises
      ``ValidationFailed`` naming ``action``.
    * ``object_type``: ``"<app_label>.<ModelName>"`` (``"patients.ClinicPatient"``);
      ``object_id``: the record's id (stored as text, at most 64 characters).
    * ``changes``: ``{field: [old, new]}``, best built with :func:`audit_changes`; the
      values of ``AUDIT_MASKED_FIELDS`` are masked here if they are not already.
    * From the audit context (``core.context.audit_context_get``): the client's address
      (``core.net.client_ip``), the ``User-Agent`` (truncated to 256 characters) and the
      request id are recorded; none of them outside a request.

    The event gets the clinic's next ``sequence`` (1, 2, …), ``prev_hash`` = the previous
    event's ``hash`` (64 zeros for the first) and its own ``hash`` (see
    ``audit.models.audit_event_canonical``). Appends to one clinic are serialized
    (``_lock_clinic_chain``) so concurrent writers never fork the chain; the lock is
    held until the caller's transaction ends, so call this late in long transactions.
    The event is rolled back with the caller's transaction: an operation that did not
    happen leaves no record. (LGPD Art. 37; PDPA s39.)
    """
    [event] = audit_events_record(
        clinic=clinic,
        events=[
            AuditInput(
                actor=actor,
                action=action,
                object_type=object_type,
                object_id=object_id,
                changes=changes,
                actor_role=actor_role,
            )
        ],
    )
    return event


@dataclass(frozen=True)
class AuditInput:
    """One event for ``audit_events_record`` (fields as ``audit_event_record``'s)."""

    actor: User | None
    action: str
    object_type: str
    object_id: Any
    changes: Mapping[str, Any] | None = None
    actor_role: str | None = None


@transaction.atomic(savepoint=False)
def audit_events_record(*, clinic: Clinic, events: Sequence[AuditInput]) -> list[AuditEvent]:
    """Append ``events`` to ``clinic``'s audit trail in order, as consecutive links of
    its chain, and return them: ``audit_event_record`` of each (same checks, context
    and masking; ``ValidationFailed`` before anything is written), but under one take
    of the chain's lock, one read of its last link and one insert, so a transaction
    that audits several things (a checkout: each payment and the sale) holds the lock
    only for its last few statements when it calls this last. No savepoint of its own:
    an error here fails the caller's whole transaction (``audit_event_record`` keeps
    its savepoint)."""
    origin = audit_context_get()
    rows = []
    for item in events:
        changes = item.changes
        if not isinstance(changes, AuditChanges):
            changes = _masked(changes or {})
        if any(not isinstance(pair, list) or len(pair) != 2 for pair in changes.values()):
            raise ValidationFailed(errors={"changes": [_("Give each changed field as [old, new].")]})
        event = AuditEvent(
            clinic=clinic,
            sequence=1,
            occurred_at=timezone.now(),
            actor=item.actor,
            actor_role=origin.actor_role if item.actor_role is None else item.actor_role,
            action=item.action,
            object_type=item.object_type,
            object_id=str(item.object_id),
            changes=dict(changes),
            ip=origin.ip,
            user_agent=origin.user_agent[:USER_AGENT_MAX_LENGTH],
            request_id=origin.request_id,
            prev_hash=GENESIS_HASH,
        )
        try:
            # Checked before taking the lock. (clinic, sequence) uniqueness is ensured by
            # the lock and enforced by the database; clinic and actor are instances the
            # caller holds: no queries for them.
            event.full_clean(
                exclude=["clinic", "actor", "hash"], validate_unique=False, validate_constraints=False
            )
        except DjangoValidationError as exc:
            raise ValidationFailed(errors=exc.message_dict) from exc
        rows.append(event)
    if not rows:
        return rows
    _lock_clinic_chain(clinic.pk)
    last = (
        AuditEvent.unscoped.filter(clinic_id=clinic.pk)
        .order_by("-sequence")
        .values_list("sequence", "hash")
        .first()
    )
    sequence, prev_hash = last if last is not None else (0, GENESIS_HASH)
    # Taken under the lock: along a clinic's chain, occurred_at does not go back
    # (unless the server clock does).
    now = timezone.now()
    for event in rows:
        sequence += 1
        event.sequence, event.prev_hash, event.occurred_at = sequence, prev_hash, now
        event.hash = prev_hash = audit_event_hash(event)
    if len(rows) == 1:
        rows[0].save(force_insert=True)
    else:
        AuditEvent.unscoped.bulk_create(rows)
    return rows
