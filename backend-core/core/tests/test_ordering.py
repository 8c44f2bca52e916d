from types import SimpleNamespace

import pytest
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from core.exceptions import ValidationFailed
from core.ordering import DeclaredOrderingFilter
from core.roles import Role
from patients.models import ClinicPatient


def _ordering(term, *, role, declared):
    request = Request(APIRequestFactory().get("/", {"ordering": term}))
    request.membership = SimpleNamespace(role=role)  # type: ignore[attr-defined]
    view = SimpleNamespace(ordering_fields=declared, ordering=("-created_at",))
    return DeclaredOrderingFilter().get_ordering(request, ClinicPatient.unscoped.all(), view)


def test_declared_fields_order_and_no_term_keeps_the_default():
    assert _ordering("-chart_number", role=Role.RECEPTIONIST, declared=["chart_number"]) == ["-chart_number"]
    assert _ordering("", role=Role.RECEPTIONIST, declared=["chart_number"]) == ("-created_at",)


@pytest.mark.parametrize("declared", [None, ["chart_number"]])
def test_an_undeclared_field_is_400_naming_ordering(declared):
    with pytest.raises(ValidationFailed) as refused:
        _ordering("profile__given_name", role=Role.OWNER, declared=declared)
    assert "ordering" in refused.value.errors


@pytest.mark.parametrize(
    ("role", "allowed"), [(Role.RECEPTIONIST, False), (Role.CASHIER, False), (Role.DOCTOR, True)]
)
def test_a_declared_personal_data_field_orders_only_for_roles_that_see_it_unmasked(role, allowed):
    declared = ["chart_number", "profile__phone"]
    if allowed:
        assert _ordering("profile__phone", role=role, declared=declared) == ["profile__phone"]
    else:
        with pytest.raises(ValidationFailed):
            _ordering("-profile__phone", role=role, declared=declared)
