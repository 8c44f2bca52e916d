"""Stock transfers between sister clinics over the API (destinations, both movements,
retries, the transfer list) and what each supplier sells the clinic (supplier items:
services, API, the preferred supplier on the reorder list)."""

import uuid
from decimal import Decimal

import pytest

from accounts.tests.factories import ClinicFactory, MembershipFactory
from audit.models import AuditEvent
from catalog.tests import factories as catalog_factories
from commerce.models import StockLot, StockMovement, Supplier, SupplierItem
from commerce.services import stock_transfer, supplier_item_create, supplier_item_update
from commerce.tests import factories as f
from core.exceptions import Conflict, ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context

LOTS = "/api/v1/inventory/lots"
TRANSFERS = "/api/v1/inventory/movements/transfers"
ITEMS = "/api/v1/inventory/supplier-items"
LOW = "/api/v1/inventory/low-stock"


def _fields(response):
    assert response.status_code == 400, response.content
    return [e["field"] for e in response.json()["errors"]]


@pytest.fixture
def sister(world):
    """A second clinic of world A's organization where A's owner is admin, carrying A's
    product (same unit and registration) and one of another unit."""
    a, owner = world.a, world.a.user()
    clinic = ClinicFactory(organization=a.clinic.organization, name="Sister clinic")
    MembershipFactory(user=owner, clinic=clinic, role=Role.ADMIN)
    same = {"unit": a.product.unit, "registration_number": a.product.registration_number}
    clinic.same_product = catalog_factories.product(clinic, owner, name="Same product there", **same)
    other_unit = "ml" if a.product.unit != "ml" else "piece"
    clinic.other_product = catalog_factories.product(
        clinic, owner, name="Other unit", unit=other_unit, registration_number=a.product.registration_number
    )
    return clinic


# Transfers ----------------------------------------------------------------------------


def test_destinations_list_only_sister_clinics_with_the_products_that_can_take_the_lot(api, world, sister):
    a, owner = world.a, world.a.user()
    desk_only = ClinicFactory(organization=a.clinic.organization, name="Desk only")
    MembershipFactory(user=owner, clinic=desk_only, role=Role.RECEPTIONIST)
    MembershipFactory(user=owner, clinic=world.b.clinic, role=Role.OWNER)  # another organization
    body = api(owner, a.clinic).get(f"{LOTS}/{a.lot.pk}/destinations").json()
    assert [(d["clinic_id"], [p["id"] for p in d["products"]]) for d in body] == [
        (str(sister.pk), [str(sister.same_product.pk)])
    ]


def test_destinations_of_another_clinics_lot_are_404_and_a_nurse_is_403(api, world, sister):
    owner = api(world.a.user(), world.a.clinic)
    assert owner.get(f"{LOTS}/{world.b.lot.pk}/destinations").status_code == 404
    nurse = api(world.a.user(Role.NURSE), world.a.clinic)
    assert nurse.get(f"{LOTS}/{world.a.lot.pk}/destinations").status_code == 403


def test_a_transfer_answers_both_movements_and_keeps_the_note(api, world, sister):
    a = world.a
    client = api(a.user(), a.clinic)
    body = {
        "quantity": "2",
        "to_clinic_id": str(sister.pk),
        "to_product_id": str(sister.same_product.pk),
        "note": "  Weekend campaign  ",
    }
    sent = client.post(f"{LOTS}/{a.lot.pk}/transfer", body, format="json")
    assert sent.status_code == 201, sent.content
    answer = sent.json()
    assert (answer["out"]["kind"], answer["out"]["quantity"]) == ("transfer_out", "-2.000")
    assert (answer["into"]["kind"], answer["into"]["quantity"]) == ("transfer_in", "2.000")
    assert answer["to_clinic_id"] == str(sister.pk)
    assert answer["out"]["reason"] == answer["into"]["reason"] == "Weekend campaign"
    arrived = StockLot.unscoped.get(pk=answer["into"]["lot"])
    assert (arrived.clinic_id, arrived.lot_number, arrived.quantity_on_hand) == (
        sister.pk,
        a.lot.lot_number,
        2,
    )
    event = AuditEvent.unscoped.get(clinic=a.clinic, action="stock.transferred_out")
    assert event.changes["note"] == [None, "Weekend campaign"]


def test_a_retried_transfer_moves_stock_once_and_another_use_of_its_id_is_409(api, world, sister):
    a = world.a
    client = api(a.user(), a.clinic)
    on_hand = StockLot.unscoped.get(pk=a.lot.pk).quantity_on_hand
    key = str(uuid.uuid4())
    body = {
        "quantity": "1",
        "to_clinic_id": str(sister.pk),
        "to_product_id": str(sister.same_product.pk),
        "transfer_id": key,
    }
    first = client.post(f"{LOTS}/{a.lot.pk}/transfer", body, format="json")
    again = client.post(f"{LOTS}/{a.lot.pk}/transfer", body, format="json")
    assert (first.status_code, again.status_code) == (201, 200), again.content
    assert first.json()["out"]["id"] == again.json()["out"]["id"]
    assert first.json()["transfer_id"] == key
    assert StockLot.unscoped.get(pk=a.lot.pk).quantity_on_hand == on_hand - 1
    reused = client.post(f"{LOTS}/{a.lot.pk}/transfer", body | {"quantity": "2"}, format="json")
    assert reused.status_code == 409


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quantity": "0"}, "quantity"),
        ({"quantity": "999"}, "quantity"),
        ({"to_clinic_id": "nope"}, "to_clinic_id"),
        ({"to_product_id": "OTHER_UNIT"}, "to_product_id"),
        ({"to_product_id": str(uuid.uuid4())}, "to_product_id"),
        ({"note": "x" * 201}, "note"),
        ({"transfer_id": "again"}, "transfer_id"),
    ],
)
def test_bad_transfers_are_400_naming_the_field_and_move_nothing(api, world, sister, change, field):
    a = world.a
    if change.get("to_product_id") == "OTHER_UNIT":
        change = {"to_product_id": str(sister.other_product.pk)}
    body = {"quantity": "1", "to_clinic_id": str(sister.pk), "to_product_id": str(sister.same_product.pk)}
    response = api(a.user(), a.clinic).post(f"{LOTS}/{a.lot.pk}/transfer", body | change, format="json")
    assert _fields(response) == [field]
    assert not StockMovement.unscoped.filter(kind="transfer_out").exists()


def test_another_organizations_clinic_is_refused_even_to_its_owner(api, world, sister):
    a = world.a
    MembershipFactory(user=a.user(), clinic=world.b.clinic, role=Role.OWNER)
    body = {"quantity": "1", "to_clinic_id": str(world.b.clinic.pk), "to_product_id": str(world.b.product.pk)}
    response = api(a.user(), a.clinic).post(f"{LOTS}/{a.lot.pk}/transfer", body, format="json")
    assert _fields(response) == ["to_clinic_id"]
    other_lot = api(a.user(), a.clinic).post(f"{LOTS}/{world.b.lot.pk}/transfer", body, format="json")
    assert other_lot.status_code == 404


def test_the_transfer_list_shows_each_side_with_the_other_clinic(api, world, sister):
    a, owner = world.a, world.a.user()
    with clinic_context(a.clinic):
        stock_transfer(
            lot=a.lot, quantity=Decimal(1), to_product=sister.same_product, actor=owner, note="Loan"
        )
    here = api(owner, a.clinic).get(TRANSFERS).json()
    [row] = here["results"]
    assert (row["kind"], row["counterpart_clinic_name"], row["reason"]) == (
        "transfer_out",
        "Sister clinic",
        "Loan",
    )
    assert row["product_name"] == a.product.name
    there = api(owner, sister).get(TRANSFERS).json()["results"]
    assert [(r["kind"], r["counterpart_clinic_name"]) for r in there] == [("transfer_in", a.clinic.name)]
    assert api(world.b.user(), world.b.clinic).get(TRANSFERS).json()["results"] == []
    assert _fields(api(owner, a.clinic).get(TRANSFERS, {"kind": "sale"})) == ["kind"]


def test_a_transfer_id_of_another_transfer_is_a_conflict_in_the_service(world, sister):
    a, owner = world.a, world.a.user()
    key = uuid.uuid4()
    second = f.lot(a.clinic, owner, a.product, "L-2", "5")
    with clinic_context(a.clinic):
        stock_transfer(
            lot=a.lot, quantity=Decimal(1), to_product=sister.same_product, actor=owner, transfer_id=key
        )
        with pytest.raises(Conflict):
            stock_transfer(
                lot=second, quantity=Decimal(1), to_product=sister.same_product, actor=owner, transfer_id=key
            )


# Supplier items -----------------------------------------------------------------------


def _item_body(tenant, **extra):
    return {
        "supplier_id": str(tenant.supplier.pk),
        "product_id": str(tenant.product.pk),
        "supplier_sku": "GAL-100",
        "pack_size": "10",
        "last_unit_cost": "150.00",
        "is_preferred": True,
        **extra,
    }


def test_a_supplier_item_is_listed_filtered_edited_deleted_and_audited(api, world):
    a = world.a
    owner = api(a.user(), a.clinic)
    made = owner.post(ITEMS, _item_body(a), format="json")
    assert made.status_code == 201, made.content
    item = made.json()
    assert (item["supplier_name"], item["pack_size"], item["last_unit_cost"]) == (
        a.supplier.name,
        "10.000",
        "150.00",
    )
    # The world's second source of the product comes after it, by supplier name.
    assert [i["id"] for i in owner.get(ITEMS, {"product": str(a.product.pk)}).json()["results"]] == [
        item["id"],
        str(a.supplier_item.pk),
    ]
    assert [i["id"] for i in owner.get(ITEMS, {"supplier": str(a.supplier.pk)}).json()["results"]] == [
        item["id"]
    ]
    changed = owner.patch(f"{ITEMS}/{item['id']}", {"last_unit_cost": "140.50"}, format="json")
    assert changed.status_code == 200 and changed.json()["last_unit_cost"] == "140.50"
    assert owner.delete(f"{ITEMS}/{item['id']}").status_code == 204
    actions = list(
        AuditEvent.unscoped.filter(clinic=a.clinic, object_type="commerce.SupplierItem")
        .order_by("sequence")
        .values_list("action", flat=True)
    )
    assert actions == ["supplier_item.created", "supplier_item.updated", "supplier_item.deleted"]
    assert not SupplierItem.unscoped.filter(pk=item["id"]).exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"supplier_id": "B"}, "supplier_id"),
        ({"product_id": "B"}, "product_id"),
        ({"product_id": "not-a-uuid"}, "product_id"),
        ({"pack_size": "0"}, "pack_size"),
        ({"last_unit_cost": "-1"}, "last_unit_cost"),
        ({"last_unit_cost": 1.5}, "last_unit_cost"),
    ],
)
def test_bad_supplier_items_are_400_naming_the_field(api, world, change, field):
    if change.get("supplier_id") == "B":
        change = {"supplier_id": str(world.b.supplier.pk)}
    if change.get("product_id") == "B":
        change = {"product_id": str(world.b.product.pk)}
    response = api(world.a.user(), world.a.clinic).post(ITEMS, _item_body(world.a, **change), format="json")
    assert _fields(response) == [field]


def test_a_product_twice_for_one_supplier_is_400_naming_product_id(api, world):
    owner = api(world.a.user(), world.a.clinic)
    assert owner.post(ITEMS, _item_body(world.a), format="json").status_code == 201
    assert _fields(owner.post(ITEMS, _item_body(world.a), format="json")) == ["product_id"]


def test_another_clinics_supplier_item_is_404_and_not_listed(api, world):
    b = world.b
    with clinic_context(b.clinic):
        theirs = supplier_item_create(clinic=b.clinic, actor=b.user(), supplier=b.supplier, product=b.product)
    owner = api(world.a.user(), world.a.clinic)
    assert owner.get(f"{ITEMS}/{theirs.pk}").status_code == 404
    assert owner.patch(f"{ITEMS}/{theirs.pk}", {"pack_size": "2"}, format="json").status_code == 404
    assert owner.delete(f"{ITEMS}/{theirs.pk}").status_code == 404
    assert [i["id"] for i in owner.get(ITEMS).json()["results"]] == [str(world.a.supplier_item.pk)]
    assert SupplierItem.unscoped.filter(pk=theirs.pk).exists()


def test_a_receptionist_reads_supplier_items_but_cannot_write_them(api, world):
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert desk.get(ITEMS).status_code == 200
    assert desk.post(ITEMS, _item_body(world.a), format="json").status_code == 403


def test_one_preferred_supplier_per_product_and_it_prefills_the_reorder_list(api, world):
    a, owner = world.a, world.a.user()
    with clinic_context(a.clinic):
        second = Supplier.unscoped.create(clinic=a.clinic, name="Second distributor")
        first = supplier_item_create(
            clinic=a.clinic,
            actor=owner,
            supplier=a.supplier,
            product=a.product,
            pack_size=Decimal(10),
            last_unit_cost=Decimal("150.00"),
            is_preferred=True,
        )
        other = supplier_item_create(
            clinic=a.clinic, actor=owner, supplier=second, product=a.product, last_unit_cost=Decimal("90")
        )
        [row] = api(owner, a.clinic).get(LOW).json()["results"]
        assert (row["preferred_supplier_id"], row["preferred_pack_size"], row["preferred_unit_cost"]) == (
            str(a.supplier.pk),
            "10.000",
            "150.00",
        )
        supplier_item_update(item=other, actor=owner, is_preferred=True)
    first.refresh_from_db()
    assert not first.is_preferred
    [row] = api(owner, a.clinic).get(LOW).json()["results"]
    assert (row["preferred_supplier_name"], row["preferred_unit_cost"]) == ("Second distributor", "90.00")


def test_an_inactive_supplier_cannot_get_items(world):
    a, owner = world.a, world.a.user()
    a.supplier.is_active = False
    a.supplier.save(update_fields=["is_active"])
    with clinic_context(a.clinic), pytest.raises(ValidationFailed) as error:
        supplier_item_create(clinic=a.clinic, actor=owner, supplier=a.supplier, product=a.product)
    assert "supplier_id" in error.value.errors
