"""The treatment settings screen's API: search, a treatment created with its materials in
one step, archiving, the audit trail, and the clinic boundary."""

from __future__ import annotations

from audit.models import AuditEvent
from catalog.models import Service, ServiceMaterial
from catalog.tests.factories import product
from core.roles import Role
from core.tenancy import clinic_context

URL = "/api/v1/catalog/services"


def _body(**fields):
    return {
        "name": "Toxina glabela",
        "category": "neurotoxin",
        "price": "1200.50",
        "duration_minutes": 30,
    } | fields


def test_search_finds_treatments_by_words_of_the_name(api, world):
    owner = api(world.b.user(), world.b.clinic)
    for name in ("Toxina glabela", "Toxina testa", "Peeling químico"):
        assert owner.post(URL, _body(name=name), format="json").status_code == 201
    names = [row["name"] for row in owner.get(URL, {"search": "TOXINA gla"}).json()["results"]]
    assert names == ["Toxina glabela"]
    assert len(owner.get(URL, {"search": "toxina"}).json()["results"]) == 2


def test_another_clinics_treatments_are_never_listed_nor_found(api, world):
    client = api(world.b.user(), world.b.clinic)
    ids = [row["id"] for row in client.get(URL, {"search": world.a.service.name}).json()["results"]]
    assert str(world.a.service.pk) not in ids
    assert client.get(f"{URL}/{world.a.service.pk}").status_code == 404


def test_a_treatment_is_created_with_its_materials_and_shows_their_registration(api, world):
    supply = product(world.b.clinic, world.b.user(), name="Toxina 100 U", unit="vial")
    response = api(world.b.user(), world.b.clinic).post(
        URL,
        _body(
            device_kind="",
            follow_up_days=14,
            deposit_kind="percent",
            deposit_value="20",
            materials=[{"product_id": str(supply.pk), "quantity": "0.25"}],
        ),
        format="json",
    )
    assert response.status_code == 201, response.content
    row = response.json()
    assert row["price"] == "1200.50" and row["currency"] == "BRL" and row["deposit_amount"] == "240.10"
    assert row["materials"] == [
        {
            "product": str(supply.pk),
            "product_name": "Toxina 100 U",
            "product_unit": "vial",
            "registration_number": "80117580578",
            "quantity": "0.250",
        }
    ]
    event = AuditEvent.unscoped.get(action="service.created", object_id=row["id"])
    assert event.clinic_id == world.b.clinic.pk
    assert event.changes["materials"] == [None, [[str(supply.pk), "0.250"]]]
    assert event.changes["price"] == [None, "1200.50"]


def test_a_refused_material_creates_no_treatment(api, world):
    supply = product(world.b.clinic, world.b.user(), name="Toxina 100 U")
    material = {"product_id": str(supply.pk), "quantity": "1"}
    response = api(world.b.user(), world.b.clinic).post(
        URL, _body(materials=[material, material]), format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "materials"
    with clinic_context(world.b.clinic):
        assert not Service.objects.filter(name="Toxina glabela").exists()


def test_an_edit_is_audited_with_the_fields_and_materials_changed(api, world):
    owner = api(world.b.user(), world.b.clinic)
    supply = product(world.b.clinic, world.b.user(), name="Toxina 100 U")
    service = world.b.service
    response = owner.patch(
        f"{URL}/{service.pk}",
        {"duration_minutes": 40, "materials": [{"product_id": str(supply.pk), "quantity": "2"}]},
        format="json",
    )
    assert response.status_code == 200, response.content
    event = AuditEvent.unscoped.get(action="service.updated", object_id=str(service.pk))
    assert event.changes["duration_minutes"] == [service.duration_minutes, 40]
    assert event.changes["materials"] == [[], [[str(supply.pk), "2.000"]]]
    assert set(event.changes) == {"duration_minutes", "materials"}
    # The same values again change nothing and add no event.
    owner.patch(f"{URL}/{service.pk}", {"duration_minutes": 40}, format="json")
    assert AuditEvent.unscoped.filter(action="service.updated", object_id=str(service.pk)).count() == 1


def test_an_archived_treatment_leaves_the_active_list_and_comes_back(api, world):
    owner = api(world.a.user(), world.a.clinic)
    service = world.a.service
    response = owner.patch(f"{URL}/{service.pk}", {"is_active": False}, format="json")
    assert response.status_code == 200 and response.json()["is_active"] is False
    active = [row["id"] for row in owner.get(URL, {"is_active": "true"}).json()["results"]]
    assert str(service.pk) not in active
    archived = [row["id"] for row in owner.get(URL, {"is_active": "false"}).json()["results"]]
    assert archived == [str(service.pk)]
    assert owner.patch(f"{URL}/{service.pk}", {"is_active": True}, format="json").json()["is_active"] is True


def test_editing_another_clinics_treatment_is_404_and_changes_nothing(api, world):
    service = world.a.service
    supply = product(world.a.clinic, world.a.user(), name="Botox 100 U")
    api(world.a.user(), world.a.clinic).patch(
        f"{URL}/{service.pk}", {"materials": [{"product_id": str(supply.pk), "quantity": "1"}]}, format="json"
    )
    events = AuditEvent.unscoped.filter(action="service.updated", object_id=str(service.pk))
    assert events.count() == 1
    response = api(world.b.user(), world.b.clinic).patch(
        f"{URL}/{service.pk}", {"price": "1.00", "is_active": False, "materials": []}, format="json"
    )
    assert response.status_code == 404
    with clinic_context(world.a.clinic):
        fresh = Service.objects.get(pk=service.pk)
        assert fresh.price == service.price and fresh.is_active
        assert ServiceMaterial.objects.filter(service=service).count() == 1
    assert events.count() == 1


def test_a_bad_material_quantity_on_edit_is_400_naming_it(api, world):
    supply = product(world.b.clinic, world.b.user(), name="Toxina 100 U")
    response = api(world.b.user(), world.b.clinic).patch(
        f"{URL}/{world.b.service.pk}",
        {"materials": [{"product_id": str(supply.pk), "quantity": "0"}]},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "materials.0.quantity"


def test_a_material_without_its_product_on_edit_is_400_naming_it(api, world):
    materials = ServiceMaterial.unscoped.filter(service=world.b.service).values_list("pk", flat=True)
    before = list(materials)
    response = api(world.b.user(), world.b.clinic).patch(
        f"{URL}/{world.b.service.pk}", {"materials": [{"quantity": "1"}]}, format="json"
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["materials.0.product_id"]
    assert list(materials.all()) == before


def test_a_receptionist_reads_but_cannot_archive(api, world):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert client.get(URL, {"search": "x"}).status_code == 200
    assert client.patch(f"{URL}/{world.a.service.pk}", {"is_active": False}, format="json").status_code == 403
