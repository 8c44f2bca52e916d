"""The user serializer whose fields are built once per class (``core.fields.FieldsBuiltOnce``)."""

from __future__ import annotations

from typing import Any

import pytest
from rest_framework import serializers

from accounts.models import User
from accounts.serializers import UserSerializer
from accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class _PlainUserSerializer(serializers.ModelSerializer[User]):
    """``UserSerializer``'s model fields as DRF builds them for every instance."""

    class Meta:
        model = User
        fields = ["id", "phone", "given_name", "family_name", "national_id_country", "date_joined"]


def test_each_serializer_gets_fields_of_its_own_bound_to_it() -> None:
    first, second = UserSerializer(UserFactory()), UserSerializer(UserFactory())

    assert first.fields.keys() == second.fields.keys()
    for name in first.fields:
        assert first.fields[name] is not second.fields[name]
        assert first.fields[name].parent is first
        assert second.fields[name].parent is second
    assert first.data["id"] != second.data["id"]
    assert first.data["photo_url"] is None


def test_the_model_is_inspected_once_per_class(monkeypatch: pytest.MonkeyPatch) -> None:
    UserSerializer(UserFactory()).data  # noqa: B018  # the class has built its fields
    built: list[Any] = []
    original = serializers.ModelSerializer.get_fields

    def counting(self: serializers.ModelSerializer[Any]) -> Any:
        built.append(type(self))
        return original(self)

    monkeypatch.setattr(serializers.ModelSerializer, "get_fields", counting)
    for _ in range(3):
        UserSerializer(UserFactory()).data  # noqa: B018

    assert built == []


def test_the_output_is_drfs() -> None:
    user = UserFactory(given_name="Nok", family_name="Chaiyaporn", national_id_country="TH")

    ours = UserSerializer(user).data

    assert {name: ours[name] for name in _PlainUserSerializer.Meta.fields} == _PlainUserSerializer(user).data
