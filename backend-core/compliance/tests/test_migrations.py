from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from compliance.models import DataSubjectRequest
from core.tests.migrations import migrator
from core.tests.raw import stored_value
from patients.tests.factories import ClinicPatientFactory


@pytest.mark.django_db
def test_history_models_have_their_migrations():
    """The history models copy the fields of tracked models in other apps: a field
    added there needs a compliance migration too (``makemigrations`` writes both), or
    the history trigger would write to a column that does not exist."""
    out = StringIO()
    call_command("makemigrations", "compliance", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


BEFORE = ("compliance", "0005_history_without_notes")
AFTER = ("compliance", "0006_dsr_result_encrypted")


@pytest.mark.django_db(transaction=True)
def test_existing_request_results_are_encrypted_and_decrypted_on_the_way_back():
    document = {"clinics": [{"clinical": {"clinical_notes": [{"subjective": "Frown lines.", "x": 0.5}]}}]}
    patient = ClinicPatientFactory()
    with migrator() as migrations:
        old_request = migrations.migrate(BEFORE).get_model("compliance", "DataSubjectRequest")
        fields = {
            "clinic_id": patient.clinic_id,
            "patient_id": patient.pk,
            "received_at": timezone.now(),
            "due_on": timezone.localdate(),
        }
        done = old_request.objects.create(kind="export", status="completed", result=document, **fields)
        open_request = old_request.objects.create(kind="erasure", **fields)

        migrations.migrate(AFTER)

        stored = stored_value(DataSubjectRequest, done.pk, "result")
        assert stored.startswith("gAAAAA") and "Frown" not in stored
        assert DataSubjectRequest.unscoped.get(pk=done.pk).result == document
        assert stored_value(DataSubjectRequest, open_request.pk, "result") is None

        migrations.migrate(BEFORE)

        assert old_request.objects.get(pk=done.pk).result == document
