"""The back office of the catalog: products (search, edit, deactivate) and courses
(edit, deactivate) through ``/api/v1/catalog/…``, audited, 400 naming the field and 404
for another clinic's record."""

from decimal import Decimal

import pytest

from audit.models import AuditEvent
from catalog.models import Course, CourseItem, Product, Service
from core.roles import Role
from core.tenancy import clinic_context

PRODUCTS = "/api/v1/catalog/products"
COURSES = "/api/v1/catalog/courses"


def _events(clinic, action, pk):
    with clinic_context(clinic):
        return list(AuditEvent.objects.filter(action=action, object_id=str(pk)))


def _product(tenant, name, **extra):
    return Product.unscoped.create(
        clinic=tenant.clinic, name=name, currency=tenant.clinic.currency, **{"kind": "retail", **extra}
    )


# Products ------------------------------------------------------------------------------


def test_products_are_searched_by_words_of_name_registration_or_manufacturer(api, world):
    _product(world.b, "Sérum vitamina C", manufacturer="Dermage")
    _product(world.b, "Protetor solar", manufacturer="La Roche")
    manager = api(world.b.user(Role.ADMIN), world.b.clinic)

    def names(**query):
        response = manager.get(PRODUCTS, query)
        assert response.status_code == 200, response.content
        return [row["name"] for row in response.json()["results"]]

    assert names(search="sérum dermage") == ["Sérum vitamina C"]
    assert names(search="8011758") == ["Restylane Lyft 1 ml"]
    assert names(search="restylane", kind="retail") == []
    assert names(search="SOLAR") == ["Protetor solar"]


def test_owner_edits_a_product_and_the_change_is_audited(api, world):
    product = world.b.product
    response = api(world.b.user(), world.b.clinic).patch(
        f"{PRODUCTS}/{product.pk}",
        {"price": "980.00", "low_stock_threshold": "4", "registration_number": "1.0295.0123.001-2"},
        format="json",
    )
    assert response.status_code == 200, response.content
    row = response.json()
    assert row["price"] == "980.00" and row["low_stock_threshold"] == "4.000"
    assert row["registration_number"] == "1029501230012"
    assert row["on_hand"] == "5.000"  # the world's lot
    (event,) = _events(world.b.clinic, "product.updated", product.pk)
    assert event.changes["price"] == ["9000.00", "980.00"]
    assert event.changes["registration_number"] == ["80117580578", "1029501230012"]


def test_a_deactivated_product_leaves_the_active_list_and_keeps_its_lots(api, world):
    owner = api(world.b.user(), world.b.clinic)
    response = owner.patch(f"{PRODUCTS}/{world.b.product.pk}", {"is_active": False}, format="json")
    assert response.status_code == 200, response.content
    active = owner.get(PRODUCTS, {"is_active": "true"}).json()["results"]
    assert str(world.b.product.pk) not in [row["id"] for row in active]
    assert owner.get(f"{PRODUCTS}/{world.b.product.pk}").json()["on_hand"] == "5.000"
    (event,) = _events(world.b.clinic, "product.updated", world.b.product.pk)
    assert event.changes == {"is_active": [True, False]}


def test_an_unchanged_product_writes_no_audit_event(api, world):
    body = {"name": world.b.product.name, "price": "9000.00"}
    response = api(world.b.user(), world.b.clinic).patch(
        f"{PRODUCTS}/{world.b.product.pk}", body, format="json"
    )
    assert response.status_code == 200, response.content
    assert _events(world.b.clinic, "product.updated", world.b.product.pk) == []


def test_a_created_product_is_audited(api, world):
    response = api(world.a.user(), world.a.clinic).post(
        PRODUCTS, {"name": "Sunscreen", "kind": "retail", "price": "590"}, format="json"
    )
    assert response.status_code == 201, response.content
    (event,) = _events(world.a.clinic, "product.created", response.json()["id"])
    assert event.changes["name"] == [None, "Sunscreen"]


def test_another_clinics_product_is_404_and_unchanged(api, world):
    response = api(world.b.user(), world.b.clinic).patch(
        f"{PRODUCTS}/{world.a.product.pk}", {"is_active": False, "price": "1.00"}, format="json"
    )
    assert response.status_code == 404
    world.a.product.refresh_from_db()
    assert world.a.product.is_active and world.a.product.price == Decimal("9000.00")
    assert _events(world.a.clinic, "product.updated", world.a.product.pk) == []


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"registration_number": "1029501230"}, "registration_number"),  # 10 digits
        ({"registration_number": ""}, "registration_number"),  # a medical supply needs one
        ({"low_stock_threshold": "-1"}, "low_stock_threshold"),
        ({"unit": "crate"}, "unit"),
        ({"price": "-0.01"}, "price"),
    ],
)
def test_bad_product_edit_is_400_naming_the_field(api, world, body, field):
    response = api(world.b.user(), world.b.clinic).patch(
        f"{PRODUCTS}/{world.b.product.pk}", body, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    world.b.product.refresh_from_db()
    assert world.b.product.registration_number == "80117580578"


# Courses -------------------------------------------------------------------------------


def _new_course(tenant, name="Peeling x4"):
    course = Course.unscoped.create(
        clinic=tenant.clinic,
        name=name,
        price=Decimal("800.00"),
        currency=tenant.clinic.currency,
        validity_days=90,
    )
    CourseItem.unscoped.create(clinic=tenant.clinic, course=course, service=tenant.service, sessions=4)
    return course


def _service(tenant, name):
    return Service.unscoped.create(
        clinic=tenant.clinic,
        name=name,
        category=Service.Category.PEEL,
        price=Decimal("200.00"),
        currency=tenant.clinic.currency,
        duration_minutes=30,
    )


def test_owner_changes_a_course_not_yet_sold_items_included(api, world):
    course = _new_course(world.b)
    peel = _service(world.b, "Peeling químico")
    response = api(world.b.user(), world.b.clinic).patch(
        f"{COURSES}/{course.pk}",
        {
            "name": "Pele renovada",
            "price": "1200.00",
            "validity_days": 180,
            "items": [
                {"service_id": str(peel.pk), "sessions": 3},
                {"service_id": str(world.b.service.pk), "sessions": 1},
            ],
        },
        format="json",
    )
    assert response.status_code == 200, response.content
    row = response.json()
    assert (row["name"], row["price"], row["validity_days"], row["sessions_total"]) == (
        "Pele renovada",
        "1200.00",
        180,
        4,
    )
    assert sorted(item["service_name"] for item in row["items"]) == ["Botulinum toxin", "Peeling químico"]
    (event,) = _events(world.b.clinic, "course.updated", course.pk)
    assert event.changes["price"] == ["800.00", "1200.00"]
    assert len(event.changes["items"][1]) == 2


def test_a_sold_course_keeps_its_treatments_but_its_price_may_change(api, world):
    sold = world.a.course_balance.course
    owner = api(world.a.user(), world.a.clinic)
    url = f"{COURSES}/{sold.pk}"
    other = _service(world.a, "Peel")
    refused = owner.patch(url, {"items": [{"service_id": str(other.pk), "sessions": 6}]}, format="json")
    assert refused.status_code == 400, refused.content
    assert [e["field"] for e in refused.json()["errors"]] == ["items"]
    assert [item.service_id for item in CourseItem.unscoped.filter(course=sold)] == [world.a.service.pk]
    same = [{"service_id": str(world.a.service.pk), "sessions": 6}]
    response = owner.patch(url, {"price": "6500.00", "items": same, "is_active": False}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["price"] == "6500.00" and response.json()["is_active"] is False
    world.a.course_balance.refresh_from_db()
    assert world.a.course_balance.sessions_total == 6


def test_a_created_course_is_audited(api, world):
    body = {
        "name": "Laser x6",
        "price": "12000.00",
        "validity_days": 180,
        "items": [{"service_id": str(world.a.service.pk), "sessions": 6}],
    }
    response = api(world.a.user(), world.a.clinic).post(COURSES, body, format="json")
    assert response.status_code == 201, response.content
    (event,) = _events(world.a.clinic, "course.created", response.json()["id"])
    assert event.changes["items"] == [None, [[str(world.a.service.pk), 6]]]


def test_another_clinics_course_is_404_and_unchanged(api, world):
    course = _new_course(world.a)
    response = api(world.b.user(), world.b.clinic).patch(
        f"{COURSES}/{course.pk}", {"price": "1.00", "is_active": False}, format="json"
    )
    assert response.status_code == 404
    course.refresh_from_db()
    assert course.price == Decimal("800.00") and course.is_active
    assert _events(world.a.clinic, "course.updated", course.pk) == []


def test_a_receptionist_cannot_change_a_course(api, world):
    course = _new_course(world.a)
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).patch(
        f"{COURSES}/{course.pk}", {"price": "1.00"}, format="json"
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"validity_days": 0}, "validity_days"),
        ({"price": "-5"}, "price"),
        ({"name": "6 sessions"}, "name"),  # the world's course
        ({"items": []}, "items"),
        ({"items": [{"service_id": "OTHER", "sessions": 2}]}, "items.0.service_id"),
        ({"items": [{"sessions": 2}]}, "items.0.service_id"),
        ({"items": [{"service_id": "OWN", "sessions": 0}]}, "items.0.sessions"),
    ],
)
def test_bad_course_edit_is_400_naming_the_field(api, world, body, field):
    course = _new_course(world.a)
    for row in body.get("items", []):
        if "service_id" in row:
            row["service_id"] = str((world.b if row["service_id"] == "OTHER" else world.a).service.pk)
    response = api(world.a.user(), world.a.clinic).patch(f"{COURSES}/{course.pk}", body, format="json")
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    course.refresh_from_db()
    assert course.price == Decimal("800.00") and course.validity_days == 90
