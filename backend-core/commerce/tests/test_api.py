import pytest

from commerce.models import Service
from core.roles import Role
from core.tenancy import clinic_context

URL = "/api/v1/catalog/services"


def test_everyone_reads_the_catalog_with_decimal_prices(api, world):
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(URL)
    assert response.status_code == 200
    row = response.json()["results"][0]
    assert row["price"] == "350.00" and row["currency"] == "THB"


def test_manager_adds_a_service_in_the_clinic_currency(api, world):
    response = api(world.b.user(), world.b.clinic).post(
        URL,
        {
            "name": "Ácido hialurônico (1 ml)",
            "category": "filler",
            "unit": "ml",
            "price": "1890.00",
            "duration_minutes": 45,
            "buffer_minutes": 15,
            "requires_consent": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["currency"] == "BRL"
    with clinic_context(world.b.clinic):
        assert Service.objects.filter(name="Ácido hialurônico (1 ml)").exists()


def test_cashier_cannot_change_prices(api, world):
    response = api(world.a.user(Role.CASHIER), world.a.clinic).patch(
        f"{URL}/{world.a.service.pk}", {"price": "1.00"}, format="json"
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"price": "-1"}, "price"),
        ({"price": "abc"}, "price"),
        ({"duration_minutes": 0}, "duration_minutes"),
        ({"category": "magic"}, "category"),
        ({"name": "Botulinum toxin"}, "name"),
    ],
)
def test_bad_service_input_is_400_naming_the_field(api, world, payload, field):
    body = {"name": "Peel", "category": "peel", "price": "1500", "duration_minutes": 30, **payload}
    response = api(world.a.user(), world.a.clinic).post(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_same_name_is_allowed_in_another_clinic(api, world):
    body = {"name": "Botulinum toxin", "category": "neurotoxin", "price": "40", "duration_minutes": 30}
    assert api(world.b.user(), world.b.clinic).post(URL, body, format="json").status_code == 400
    with clinic_context(world.b.clinic):
        Service.objects.filter(pk=world.b.service.pk).update(name="Toxina botulínica")
    assert api(world.b.user(), world.b.clinic).post(URL, body, format="json").status_code == 201
