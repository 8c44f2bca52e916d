from io import StringIO

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from audit.models import AuditEvent
from audit.selectors import audit_chain_verify
from audit.services import audit_event_record
from core.tests.migrations import migrator

BEFORE_THE_MOVE = (("audit", None), ("compliance", "0008_patientprofileevent_identity"))
AFTER_THE_MOVE = ("compliance", "0010_auditevent_moved_to_audit")


def _content_type_labels() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT app_label FROM django_content_type WHERE model = 'auditevent'")
        return {row[0] for row in cursor.fetchall()}


def _rows(model) -> list[tuple]:
    return list(model._base_manager.order_by("clinic_id", "sequence").values_list("pk", "sequence", "hash"))


@pytest.mark.django_db
def test_the_models_match_their_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_trail_moves_to_audit_and_back_without_touching_a_row(world):
    for tenant in (world.a, world.b):
        for n in range(3):
            audit_event_record(
                clinic=tenant.clinic,
                actor=tenant.user(),
                action="patient.viewed",
                object_type="patients.ClinicPatient",
                object_id=f"p-{n}",
            )
    rows = _rows(AuditEvent)
    assert len(rows) == 8  # each world clinic starts with one event
    assert _content_type_labels() == {"audit"}

    with migrator() as migrations:
        old_event = migrations.migrate(*BEFORE_THE_MOVE).get_model("compliance", "AuditEvent")
        assert old_event._meta.db_table == "compliance_auditevent"
        assert _rows(old_event) == rows
        assert _content_type_labels() == {"compliance"}

        migrations.migrate(AFTER_THE_MOVE)

        assert _rows(AuditEvent) == rows
        assert _content_type_labels() == {"audit"}
        assert all(report.intact for report in audit_chain_verify())
        if connection.vendor == "postgresql":
            with pytest.raises(DatabaseError, match="Cannot update or delete rows"), transaction.atomic():
                AuditEvent.unscoped.filter(clinic=world.a.clinic).update(action="patient.deleted")
