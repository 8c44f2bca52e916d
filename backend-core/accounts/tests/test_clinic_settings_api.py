"""Clinic settings: who may change which branch, currencies of the clinic's country, a
currency fixed once sold in, and every bad field named in one answer."""

from __future__ import annotations

import pytest

from accounts.models import Clinic
from accounts.tests.factories import ClinicFactory, MembershipFactory
from core.roles import Role

BRANCH = {"name": "Lumière Chiang Mai", "country": "TH", "time_zone": "Asia/Bangkok", "locale": "th"}


@pytest.fixture
def sister(world):
    """A second branch of clinic A's organization where A's admin holds no membership."""
    return ClinicFactory(organization=world.a.clinic.organization, name="Lumière Phuket")


def _fields(response) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def test_bangkok_only_admin_cannot_see_or_change_another_branch(api, world, sister):
    admin = api(world.a.user(Role.ADMIN), world.a.clinic)
    for change in ({"currency": "USD"}, {"time_zone": "Asia/Tokyo"}, {"name": "Taken over"}):
        assert admin.patch(f"/api/v1/clinics/{sister.pk}", change, format="json").status_code == 404
    assert admin.get(f"/api/v1/clinics/{sister.pk}").status_code == 404
    listed = {row["id"] for row in admin.get("/api/v1/clinics").json()["results"]}
    assert listed == {str(world.a.clinic.pk)}
    sister.refresh_from_db()
    assert (sister.name, sister.time_zone, sister.currency) == ("Lumière Phuket", "Asia/Bangkok", "THB")


def test_admin_of_both_branches_edits_both_and_the_owner_edits_every_branch(api, world, sister):
    MembershipFactory(user=world.a.user(Role.ADMIN), clinic=sister, role=Role.ADMIN)
    admin = api(world.a.user(Role.ADMIN), world.a.clinic)
    assert admin.patch(f"/api/v1/clinics/{sister.pk}", {"name": "Phuket"}, format="json").status_code == 200
    owner = api(world.a.user(), world.a.clinic)  # an owner at Bangkok only runs the organization
    response = owner.patch(f"/api/v1/clinics/{sister.pk}", {"time_zone": "Asia/Tokyo"}, format="json")
    assert response.status_code == 200 and response.json()["time_zone"] == "Asia/Tokyo"


def test_admin_cannot_open_a_branch(api, world):
    admin = api(world.a.user(Role.ADMIN), world.a.clinic)
    before = Clinic.objects.count()
    response = admin.post("/api/v1/clinics", {**BRANCH, "currency": "THB"}, format="json")
    assert response.status_code == 403
    assert Clinic.objects.count() == before


def test_another_organizations_owner_cannot_reach_the_branch(api, world, sister):
    owner_b = api(world.b.user(), world.b.clinic)
    assert owner_b.patch(f"/api/v1/clinics/{sister.pk}", {"name": "x"}, format="json").status_code == 404


@pytest.mark.parametrize("currency", ["USD", "BRL", "ZZZ", "EURO", "XTS"])
def test_currency_must_be_an_iso_4217_code_the_country_uses(api, world, currency):
    owner = api(world.a.user(), world.a.clinic)
    response = owner.post("/api/v1/clinics", {**BRANCH, "currency": currency}, format="json")
    assert response.status_code == 400 and _fields(response) == {"currency"}, response.content
    response = owner.post("/api/v1/clinics", {**BRANCH, "currency": "thb"}, format="json")
    assert response.status_code == 201 and response.json()["currency"] == "THB"


def test_currency_is_fixed_once_the_clinic_has_sold(api, world, sister):
    owner = api(world.a.user(), world.a.clinic)
    move = {"country": "BR", "currency": "BRL", "time_zone": "America/Sao_Paulo", "locale": "pt-BR"}
    # Clinic A has the world's sale in THB: its currency stays.
    refused = owner.patch("/api/v1/clinics/me", move, format="json")
    assert refused.status_code == 409 and _fields(refused) == {"currency"}, refused.content
    world.a.clinic.refresh_from_db()
    assert (world.a.clinic.country, world.a.clinic.currency) == ("TH", "THB")
    # Re-sending the same currency is no change; a branch that never sold may move.
    assert (
        owner.patch("/api/v1/clinics/me", {"currency": "THB", "name": "A"}, format="json").status_code == 200
    )
    moved = owner.patch(f"/api/v1/clinics/{sister.pk}", move, format="json")
    assert moved.status_code == 200 and moved.json()["currency"] == "BRL"


def test_changing_the_country_alone_must_keep_a_currency_it_uses(api, world, sister):
    owner = api(world.a.user(), world.a.clinic)
    response = owner.patch(f"/api/v1/clinics/{sister.pk}", {"country": "BR"}, format="json")
    assert response.status_code == 400 and _fields(response) == {"currency"}


def test_every_bad_clinic_field_is_named_in_one_answer(api, world):
    owner = api(world.a.user(), world.a.clinic)
    response = owner.post(
        "/api/v1/clinics",
        {
            "name": "x",
            "country": "TH",
            "time_zone": "Mars/Base",
            "locale": "xx-??",
            "currency": "ZZZ",
            "phone": "12",
        },
        format="json",
    )
    assert response.status_code == 400
    assert _fields(response) == {"time_zone", "locale", "currency", "phone"}
    response = owner.patch("/api/v1/clinics/me", {"time_zone": "Mars/Base", "phone": "12"}, format="json")
    assert response.status_code == 400 and _fields(response) == {"time_zone", "phone"}


def test_signup_names_bad_clinic_and_owner_fields_together(client, db):
    response = client.post(
        "/api/v1/auth/signup",
        {
            "organization_name": "Lumière",
            "clinic": {**BRANCH, "currency": "USD", "time_zone": "Nowhere/City"},
            "owner": {"phone": "12", "password": "short", "given_name": "Ann"},
        },
        format="json",
    )
    assert response.status_code == 400
    assert _fields(response) == {"clinic.currency", "clinic.time_zone", "owner.phone", "owner.password"}
    assert not Clinic.objects.filter(name=BRANCH["name"]).exists()
