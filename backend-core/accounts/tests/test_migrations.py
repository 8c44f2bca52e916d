"""Data migrations of the accounts app, run on rows written by the previous schema."""

from __future__ import annotations

import pytest

from accounts.models import User
from accounts.validators import national_id_hash
from core.tests.migrations import migrator
from core.tests.raw import stored_value

THAI_ID = "1101700230708"
BEFORE = ("accounts", "0001_initial")
AFTER = ("accounts", "0002_user_national_id_encrypted")


@pytest.mark.django_db(transaction=True)
def test_existing_national_ids_are_encrypted_and_indexed_and_decrypted_on_the_way_back():
    with migrator() as migrations:
        old_user = migrations.migrate(BEFORE).get_model("accounts", "User")
        with_id = old_user.objects.create(
            phone="+66815550101", given_name="A", national_id=THAI_ID, national_id_country="TH"
        )
        without_id = old_user.objects.create(phone="+66815550102", given_name="B")

        new_user = migrations.migrate(AFTER).get_model("accounts", "User")

        stored = stored_value(User, with_id.pk, "national_id")
        assert stored.startswith("gAAAAA") and THAI_ID not in stored
        assert stored_value(User, with_id.pk, "national_id_hash") == national_id_hash(
            country="TH", national_id=THAI_ID
        )
        # The model as it stands after this migration (later ones add columns).
        assert new_user.objects.get(pk=with_id.pk).national_id == THAI_ID
        assert stored_value(User, without_id.pk, "national_id") == ""
        assert stored_value(User, without_id.pk, "national_id_hash") == ""

        migrations.migrate(BEFORE)

        assert stored_value(User, with_id.pk, "national_id") == THAI_ID
