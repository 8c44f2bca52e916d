import pytest
from django.db import ProgrammingError, connection, transaction
from django.utils import timezone

from emr.models import ClinicalNote

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="triggers exist on PostgreSQL only")


def _signed(world) -> ClinicalNote:
    note = world.a.clinical.note
    ClinicalNote.unscoped.filter(pk=note.pk).update(
        status="signed", signed_at=timezone.now(), signed_by=note.author
    )
    return note


def test_a_signed_note_cannot_be_unsigned_or_relinked_below_the_application(world):
    note = _signed(world)
    for change in ({"status": "draft"}, {"version": 7}, {"signed_by": world.a.user("nurse")}):
        with pytest.raises(ProgrammingError, match="pgtrigger"), transaction.atomic():
            ClinicalNote.unscoped.filter(pk=note.pk).update(**change)
    assert ClinicalNote.unscoped.get(pk=note.pk).status == "signed"


def test_key_rotation_may_rewrite_a_signed_notes_text(world):
    note = _signed(world)
    row = ClinicalNote.unscoped.get(pk=note.pk)
    ClinicalNote.unscoped.bulk_update([row], ["subjective"])  # what reencrypt_fields does
    assert ClinicalNote.unscoped.get(pk=note.pk).subjective == "Frown lines."


def test_no_note_is_ever_deleted(world):
    with pytest.raises(ProgrammingError, match="pgtrigger"), transaction.atomic():
        ClinicalNote.unscoped.filter(pk=world.a.clinical.note.pk).delete()


def test_a_draft_can_still_be_edited(world):
    ClinicalNote.unscoped.filter(pk=world.a.clinical.note.pk).update(objective="Mild ptosis")
    assert ClinicalNote.unscoped.get(pk=world.a.clinical.note.pk).objective == "Mild ptosis"
