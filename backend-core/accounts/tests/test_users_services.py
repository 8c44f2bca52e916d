"""Identity services: the national ID is encrypted at rest and unique per country."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from accounts.models import User
from accounts.services import user_create, user_update
from accounts.tests.factories import UserFactory
from accounts.validators import national_id_hash
from core.exceptions import ValidationFailed
from core.tests.raw import stored_value

PASSWORD = "Correct-Horse-42"
THAI_ID = "1101700230708"

pytestmark = pytest.mark.django_db


def person(phone: str, **fields: str) -> User:
    return user_create(phone=phone, password=PASSWORD, given_name="Somchai", **fields)


def test_national_id_is_stored_encrypted_beside_its_blind_index():
    user = person("+66815550101", national_id="1-1017-00230-70-8", national_id_country="th")

    stored = stored_value(User, user.pk, "national_id")
    assert THAI_ID not in stored and stored.startswith("gAAAAA")  # a Fernet token
    assert stored_value(User, user.pk, "national_id_hash") == national_id_hash(
        country="TH", national_id=THAI_ID
    )
    fresh = User.objects.get(pk=user.pk)
    assert (fresh.national_id, fresh.national_id_country) == (THAI_ID, "TH")


def test_no_national_id_stores_empty_columns():
    user = person("+66815550101")

    assert stored_value(User, user.pk, "national_id") == ""
    assert stored_value(User, user.pk, "national_id_hash") == ""


def test_user_create_refuses_a_national_id_registered_in_the_same_country():
    person("+66815550101", national_id=THAI_ID, national_id_country="TH")

    with pytest.raises(ValidationFailed) as caught:
        person("+66815550102", national_id="1-1017-00230-70-8", national_id_country="TH")

    assert list(caught.value.errors) == ["national_id"]


def test_user_update_refuses_another_users_national_id():
    person("+66815550101", national_id=THAI_ID, national_id_country="TH")
    other = person("+66815550102")

    with pytest.raises(ValidationFailed) as caught:
        user_update(user=other, national_id=THAI_ID, national_id_country="TH")

    assert list(caught.value.errors) == ["national_id"]


def test_user_update_keeps_the_blind_index_in_step():
    user = person("+66815550101")

    user_update(user=user, national_id=THAI_ID, national_id_country="TH")
    assert User.objects.get(pk=user.pk).national_id_hash == national_id_hash(
        country="TH", national_id=THAI_ID
    )
    user_update(user=user, national_id="")
    cleared = User.objects.get(pk=user.pk)
    assert (cleared.national_id, cleared.national_id_hash, cleared.national_id_country) == ("", "", "")


def test_user_update_may_repeat_the_users_own_national_id():
    user = person("+66815550101", national_id=THAI_ID, national_id_country="TH")

    user_update(user=user, national_id=THAI_ID, national_id_country="TH", given_name="Somsak")

    assert User.objects.get(pk=user.pk).given_name == "Somsak"


def test_the_database_refuses_a_second_user_with_the_same_national_id_and_country():
    first = person("+66815550101", national_id=THAI_ID, national_id_country="TH")
    second = UserFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=second.pk).update(
            national_id=THAI_ID, national_id_hash=first.national_id_hash, national_id_country="TH"
        )


def test_the_database_refuses_a_national_id_without_a_country():
    user = UserFactory()

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=user.pk).update(national_id=THAI_ID, national_id_hash="0" * 64)
