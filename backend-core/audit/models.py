"""The audit trail: what the *application* says happened.

:class:`AuditEvent` records who did which action to which record, from where, when —
reads included (``patient.viewed``), which no database trigger can see. Each clinic's
events form a SHA-256 hash chain, so an edit, deletion or insertion made behind the
application's back is detected by ``manage.py verify_audit_chain``. The row history the
*database* saw (django-pghistory ``*Event`` models) is ``compliance``'s.

Why: LGPD Art. 37 (controllers and processors keep a record of the personal-data
processing operations they carry out), PDPA s39 (record of processing activities), and
tamper evidence for clinical records (Brazil keeps them 20 years).

This app sits below ``accounts`` (so that accounts can audit its own operations): it
names the clinic and the user by setting (``TENANT_MODEL``, ``AUTH_USER_MODEL``), never by
import. On SQLite (the embedded profile) ``AuditEvent`` is written and verified the same
way, but the append-only rule is not enforced by the database (django-pgtrigger installs
triggers on PostgreSQL only). The hash chain still detects tampering there.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
from datetime import UTC
from typing import Any

import pgtrigger
from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ClinicScopedManager, UUIDModel

GENESIS_HASH = "0" * 64
ACTION_PATTERN = r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$"
USER_AGENT_MAX_LENGTH = 256

validate_action = RegexValidator(
    ACTION_PATTERN,
    _("Use the form <noun>.<verb> in lower case, e.g. patient.viewed."),
    code="invalid_action",
)


class AuditEvent(UUIDModel):
    """One audited operation in one clinic. Rows are never updated or deleted.

    ``sequence`` numbers a clinic's events 1, 2, 3… without gaps; ``prev_hash`` is the
    ``hash`` of the clinic's previous event (64 zeros for the first) and ``hash`` is
    :func:`audit_event_hash` of this row. ``changes`` is ``{field: [old, new]}`` with the
    values of ``audit.masking.AUDIT_MASKED_FIELDS`` masked. ``occurred_at`` is UTC.

    Written only by ``audit.services.audit_event_record``. Not a
    ``ClinicScopedModel``: it has no ``updated_at`` because it is never updated, but it
    keeps the same fail-closed ``objects`` and explicit ``unscoped`` managers.
    """

    clinic = models.ForeignKey(
        settings.TENANT_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    sequence = models.PositiveBigIntegerField(editable=False)
    occurred_at = models.DateTimeField()
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_role = models.CharField(max_length=20, blank=True)
    action = models.CharField(max_length=64, validators=[validate_action])
    object_type = models.CharField(max_length=100)
    object_id = models.CharField(max_length=64)
    changes = models.JSONField(default=dict, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=USER_AGENT_MAX_LENGTH, blank=True)
    request_id = models.CharField(max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = ClinicScopedManager()
    unscoped = models.Manager()  # explicit cross-clinic manager

    class Meta:
        # Moved here from compliance by a state-only migration: the table and its rows stay.
        db_table = "compliance_auditevent"
        constraints = [
            models.UniqueConstraint(fields=["clinic", "sequence"], name="audit_event_sequence_per_clinic"),
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="audit_event_sequence_positive"),
        ]
        indexes = [
            models.Index(fields=["clinic", "-occurred_at"], name="audit_event_clinic_recent"),
            models.Index(fields=["clinic", "object_type", "object_id"], name="audit_event_clinic_object"),
        ]
        triggers = [pgtrigger.Protect(name="append_only", operation=pgtrigger.Update | pgtrigger.Delete)]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.object_type}:{self.object_id}"


def audit_event_canonical(event: AuditEvent) -> bytes:
    """The bytes an event's hash is computed over.

    A JSON object with exactly these keys::

        action, actor_id, actor_role, changes, clinic_id, id, ip, object_id,
        object_type, occurred_at, prev_hash, request_id, sequence, user_agent

    serialized with ``json.dumps(sort_keys=True, separators=(",", ":"),
    ensure_ascii=False, allow_nan=False)`` and encoded as UTF-8. Values: UUIDs
    (``id``, ``clinic_id``, ``actor_id``) as lower-case hyphenated text, ``actor_id``
    and ``ip`` ``null`` when absent; ``occurred_at`` in UTC as
    ``YYYY-MM-DDTHH:MM:SS.ffffffZ`` (microseconds, what both databases store);
    ``ip`` in Python's ``ipaddress`` text form (so the database's own rendering of
    ``inet`` does not matter); ``sequence`` a JSON integer; ``changes`` the stored JSON
    (its keys sorted at every level); every other field the stored text.
    """
    occurred_at = event.occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    body: dict[str, Any] = {
        "action": event.action,
        "actor_id": str(event.actor_id) if event.actor_id is not None else None,
        "actor_role": event.actor_role,
        "changes": event.changes,
        "clinic_id": str(event.clinic_id),
        "id": str(event.id),
        "ip": str(ipaddress.ip_address(event.ip)) if event.ip else None,
        "object_id": event.object_id,
        "object_type": event.object_type,
        "occurred_at": occurred_at,
        "prev_hash": event.prev_hash,
        "request_id": event.request_id,
        "sequence": int(event.sequence),
        "user_agent": event.user_agent,
    }
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def audit_event_hash(event: AuditEvent) -> str:
    """Lower-case hex SHA-256 (64 characters) of :func:`audit_event_canonical`."""
    return hashlib.sha256(audit_event_canonical(event)).hexdigest()
