"""Data migrations of the patients app, run on rows written by the previous schema."""

from __future__ import annotations

import datetime

import pytest

from accounts.validators import national_id_hash
from core.tests.migrations import migrator
from core.tests.raw import stored_value
from patients.models import PatientProfile

THAI_ID = "1101700230708"
BEFORE = ("patients", "0003_search_name_trigram")
AFTER = ("patients", "0004_profile_national_id_encrypted")


@pytest.mark.django_db(transaction=True)
def test_existing_national_ids_are_encrypted_and_indexed_and_decrypted_on_the_way_back():
    with migrator() as migrations:
        old_profile = migrations.migrate(BEFORE).get_model("patients", "PatientProfile")
        born = datetime.date(1988, 4, 12)
        with_id = old_profile.objects.create(
            given_name="A",
            birth_date=born,
            phone="+66815550101",
            national_id=THAI_ID,
            national_id_country="TH",
        )
        without_id = old_profile.objects.create(given_name="B", birth_date=born, phone="+66815550102")

        migrations.migrate(AFTER)

        stored = stored_value(PatientProfile, with_id.pk, "national_id")
        assert stored.startswith("gAAAAA") and THAI_ID not in stored
        assert stored_value(PatientProfile, with_id.pk, "national_id_hash") == national_id_hash(
            country="TH", national_id=THAI_ID
        )
        assert PatientProfile.objects.get(pk=with_id.pk).national_id == THAI_ID
        assert stored_value(PatientProfile, without_id.pk, "national_id_hash") == ""

        migrations.migrate(BEFORE)

        assert stored_value(PatientProfile, with_id.pk, "national_id") == THAI_ID
