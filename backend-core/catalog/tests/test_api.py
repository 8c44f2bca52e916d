import pytest

from catalog.models import Service
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
        ({"deposit_kind": "percent", "deposit_value": "101"}, "deposit_value"),
        ({"deposit_kind": "percent", "deposit_value": "0"}, "deposit_value"),
        ({"deposit_kind": "fixed", "deposit_value": "1500.01"}, "deposit_value"),
        ({"deposit_kind": "half", "deposit_value": "10"}, "deposit_kind"),
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


# Catalog: products, materials, courses -------------------------------------------------


def test_manager_adds_a_product_with_a_normalised_anvisa_number_and_service_materials(api, world):
    owner = api(world.b.user(), world.b.clinic)
    response = owner.post(
        "/api/v1/catalog/products",
        {
            "name": "Sculptra",
            "kind": "medical_supply",
            "unit": "vial",
            "registration_number": "8011.758.0578",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    product = response.json()
    assert product["registration_number"] == "80117580578" and product["currency"] == "BRL"
    response = owner.patch(
        f"{URL}/{world.b.service.pk}",
        {"materials": [{"product_id": product["id"], "quantity": "0.5"}]},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["materials"] == [
        {
            "product": product["id"],
            "product_name": "Sculptra",
            "product_unit": "vial",
            "registration_number": "80117580578",
            "quantity": "0.500",
        }
    ]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"registration_number": "123"}, "registration_number"),
        ({"kind": "drug"}, "kind"),
        ({"price": 10}, "price"),
        ({"name": "Restylane Lyft 1 ml"}, "name"),
        ({"billable": "sometimes"}, "billable"),
    ],
)
def test_bad_product_input_is_400_naming_the_field(api, world, body, field):
    base = {"name": "Sculptra", "kind": "medical_supply", "registration_number": "80117580578"}
    response = api(world.b.user(), world.b.clinic).post(
        "/api/v1/catalog/products", base | body, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_materials_and_course_items_of_another_clinic_are_400(api, world):
    owner = api(world.b.user(), world.b.clinic)
    response = owner.patch(
        f"{URL}/{world.b.service.pk}",
        {"materials": [{"product_id": str(world.a.product.pk), "quantity": "1"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "materials.0.product_id"
    response = owner.post(
        "/api/v1/catalog/courses",
        {
            "name": "X",
            "price": "1.00",
            "validity_days": 30,
            "items": [{"service_id": str(world.a.service.pk), "sessions": 2}],
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "items.0.service_id"


def test_manager_creates_a_course_of_sessions(api, world):
    response = api(world.a.user(), world.a.clinic).post(
        "/api/v1/catalog/courses",
        {
            "name": "Laser x6",
            "price": "12000.00",
            "validity_days": 180,
            "items": [{"service_id": str(world.a.service.pk), "sessions": 6}],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["sessions_total"] == 6 and response.json()["currency"] == "THB"


def test_a_treatment_asks_for_a_deposit_checked_against_its_price(api, world):
    manager = api(world.a.user(), world.a.clinic)
    url = f"{URL}/{world.a.service.pk}"
    percent = manager.patch(url, {"deposit_kind": "percent", "deposit_value": "20"}, format="json")
    assert percent.status_code == 200, percent.content
    assert {k: percent.json()[k] for k in ("deposit_kind", "deposit_value", "deposit_amount")} == {
        "deposit_kind": "percent",
        "deposit_value": "20.00",
        "deposit_amount": "70.00",
    }
    fixed = manager.patch(url, {"deposit_kind": "fixed", "deposit_value": "100.00"}, format="json")
    assert fixed.json()["deposit_amount"] == "100.00"
    cheaper = manager.patch(url, {"price": "99.00"}, format="json")  # below the fixed deposit
    assert cheaper.status_code == 400 and [e["field"] for e in cheaper.json()["errors"]] == ["deposit_value"]
    none = manager.patch(url, {"deposit_kind": ""}, format="json")
    assert (none.json()["deposit_value"], none.json()["deposit_amount"]) == ("0.00", "0.00")


PRODUCTS = "/api/v1/catalog/products"


def test_a_retail_product_is_billable_at_the_visit_unless_the_clinic_says_otherwise(api, world):
    owner = api(world.a.user(), world.a.clinic)
    retail = owner.post(PRODUCTS, {"name": "Sunscreen SPF 50", "kind": "retail"}, format="json").json()
    supply = owner.post(
        PRODUCTS,
        {"name": "Needle 30G", "kind": "medical_supply", "registration_number": "1C 15/50"},
        format="json",
    ).json()
    assert (retail["billable"], supply["billable"]) == (True, False)
    chosen = owner.post(PRODUCTS, {"name": "Gauze", "kind": "retail", "billable": False}, format="json")
    assert chosen.status_code == 201 and chosen.json()["billable"] is False
    response = owner.patch(f"{PRODUCTS}/{supply['id']}", {"billable": True}, format="json")
    assert response.status_code == 200 and response.json()["billable"] is True


def test_another_clinic_cannot_make_a_product_billable(api, world):
    outsider = api(world.b.user(), world.b.clinic)
    response = outsider.patch(f"{PRODUCTS}/{world.a.product.pk}", {"billable": True}, format="json")
    assert response.status_code == 404
    world.a.product.refresh_from_db()
    assert world.a.product.billable is False
