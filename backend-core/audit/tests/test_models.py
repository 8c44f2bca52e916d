"""Database-level guarantees of the audit trail: append-only, one event per sequence
(PostgreSQL: the embedded SQLite profile has no triggers)."""

import pytest
from django.db import DatabaseError, IntegrityError, connection, transaction

from audit.models import AuditEvent

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="triggers exist on PostgreSQL only")

PROTECTED = "Cannot update or delete rows"


def test_audit_events_cannot_be_updated(world):
    with pytest.raises(DatabaseError, match=PROTECTED), transaction.atomic():
        AuditEvent.unscoped.filter(pk=world.a.audit_event.pk).update(action="patient.deleted")
    world.a.audit_event.refresh_from_db()
    assert world.a.audit_event.action == "service.created"


def test_audit_events_cannot_be_deleted(world):
    with pytest.raises(DatabaseError, match=PROTECTED), transaction.atomic():
        AuditEvent.unscoped.filter(clinic=world.a.clinic).delete()
    with pytest.raises(DatabaseError, match=PROTECTED), transaction.atomic():
        world.b.audit_event.delete()
    assert AuditEvent.unscoped.count() == 2


def test_a_second_event_with_the_same_sequence_is_refused(world):
    first = world.a.audit_event
    clash = AuditEvent(
        clinic=first.clinic,
        sequence=first.sequence,
        occurred_at=first.occurred_at,
        action="patient.viewed",
        object_type="x.Y",
        object_id="1",
        prev_hash=first.prev_hash,
        hash="f" * 64,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        clash.save(force_insert=True)
