"""Back-office inventory over the API: reorder suggestions, adjustments with reasons,
stock takes, suppliers and purchase orders received into stock."""

import datetime as dt
from decimal import Decimal

import pytest

from audit.models import AuditEvent
from catalog.tests import factories as catalog_factories
from commerce.models import PurchaseOrder, PurchaseOrderLine, StockLot, StockMovement, Supplier
from commerce.tests import factories as f
from core.roles import Role

LOW = "/api/v1/inventory/low-stock"
TAKE = "/api/v1/inventory/stock-take"
SUPPLIERS = "/api/v1/inventory/suppliers"
ORDERS = "/api/v1/inventory/purchase-orders"


def _fields(response):
    assert response.status_code == 400, response.content
    return [e["field"] for e in response.json()["errors"]]


# Reorder suggestion -----------------------------------------------------------------


def test_low_stock_suggests_enough_to_cover_the_lead_time_at_recent_use(api, world):
    # World A: reorder point 10, 5 usable, 1 sold in the window (90 days).
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    [row] = client.get(LOW).json()["results"]
    assert (row["usable"], row["used"]) == ("5.000", "1.000")
    assert row["suggested"] == "6.000"  # ceil(10 + 1/90*14 - 5)
    [long] = client.get(LOW, {"lead_days": 180}).json()["results"]
    assert long["suggested"] == "7.000"  # ceil(10 + 2 - 5)
    assert _fields(client.get(LOW, {"lead_days": "-1"})) == ["lead_days"]


def test_a_product_exactly_at_its_reorder_point_is_listed(api, world):
    a = world.a
    at_point = catalog_factories.product(a.clinic, a.user(), name="Serum", low_stock_threshold=Decimal(3))
    f.lot(a.clinic, a.user(), at_point, "S1", "3")
    names = [r["name"] for r in api(a.user(), a.clinic).get(LOW).json()["results"]]
    assert "Serum" in names


# Adjustments ------------------------------------------------------------------------


def test_an_adjustment_names_its_reason_and_other_needs_words(api, world):
    owner = api(world.a.user(), world.a.clinic)
    url = f"/api/v1/inventory/lots/{world.a.lot.pk}/adjust"
    assert _fields(owner.post(url, {"quantity": "-1", "reason_code": "lost"}, format="json")) == [
        "reason_code"
    ]
    assert _fields(owner.post(url, {"quantity": "-1", "reason_code": "other"}, format="json")) == ["reason"]
    ok = owner.post(url, {"quantity": "-1", "reason_code": "expired"}, format="json")
    assert ok.status_code == 200 and ok.json()["adjustment_reason"] == "expired"
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="stock.adjusted")
    assert event.changes["reason_code"] == [None, "expired"]


# Stock take -------------------------------------------------------------------------


def test_a_stock_take_writes_one_count_adjustment_per_difference_in_one_go(api, world):
    a = world.a
    owner = api(a.user(), a.clinic)
    filler = catalog_factories.product(a.clinic, a.user())
    other = f.lot(a.clinic, a.user(), filler, "F1", "4")
    sheet = owner.get(TAKE, {"page_size": 100}).json()["results"]
    assert {(r["lot_number"], r["quantity_on_hand"]) for r in sheet} == {("LOT-1", "5.000"), ("F1", "4.000")}
    body = {
        "note": "Monthly count",
        "lines": [
            {"lot_id": str(a.lot.pk), "expected": "5", "counted": "3"},
            {"lot_id": str(other.pk), "expected": "4", "counted": "4"},
        ],
    }
    response = owner.post(TAKE, body, format="json")
    assert response.status_code == 201, response.content
    [adjustment] = response.json()["adjustments"]
    assert (adjustment["lot"], adjustment["quantity"], adjustment["adjustment_reason"]) == (
        str(a.lot.pk),
        "-2.000",
        "count",
    )
    assert StockLot.unscoped.get(pk=a.lot.pk).quantity_on_hand == 3
    take = AuditEvent.unscoped.get(clinic=a.clinic, action="stock.take_committed")
    assert take.object_id == response.json()["id"]
    assert take.changes["lots_counted"] == [None, 2] and take.changes["lots_adjusted"] == [None, 1]


def test_a_stock_take_against_a_stale_sheet_changes_nothing(api, world):
    a = world.a
    owner = api(a.user(), a.clinic)
    filler = catalog_factories.product(a.clinic, a.user())
    other = f.lot(a.clinic, a.user(), filler, "F1", "4")
    body = {
        "lines": [
            {"lot_id": str(other.pk), "expected": "4", "counted": "1"},
            {"lot_id": str(a.lot.pk), "expected": "6", "counted": "3"},  # one was sold since
        ]
    }
    assert _fields(owner.post(TAKE, body, format="json")) == ["lines.1.expected"]
    assert StockLot.unscoped.get(pk=other.pk).quantity_on_hand == 4
    assert not StockMovement.unscoped.filter(reference_type="commerce.stock_take").exists()


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        ([], "lines"),
        ([{"expected": "5", "counted": "1"}], "lines.0.lot_id"),
        ([{"lot_id": "LOT", "expected": "5", "counted": "-1"}], "lines.0.counted"),
        ([{"lot_id": "LOT", "expected": "5", "counted": "x"}], "lines.0.counted"),
    ],
)
def test_bad_stock_takes_are_400_naming_the_field(api, world, lines, field):
    for line in lines:
        if line.get("lot_id") == "LOT":
            line["lot_id"] = str(world.a.lot.pk)
    response = api(world.a.user(), world.a.clinic).post(TAKE, {"lines": lines}, format="json")
    assert field in _fields(response)


def test_another_clinics_lot_in_a_stock_take_is_400_and_changes_nothing(api, world):
    body = {"lines": [{"lot_id": str(world.b.lot.pk), "expected": "5", "counted": "0"}]}
    assert _fields(api(world.a.user(), world.a.clinic).post(TAKE, body, format="json")) == ["lines.0.lot_id"]
    assert StockLot.unscoped.get(pk=world.b.lot.pk).quantity_on_hand == 5


def test_a_receptionist_cannot_take_stock(api, world):
    assert api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(TAKE).status_code == 403


# Suppliers --------------------------------------------------------------------------


def test_a_brazilian_supplier_needs_a_valid_cnpj_stored_as_digits(api, world):
    owner = api(world.b.user(), world.b.clinic)
    bad = owner.post(SUPPLIERS, {"name": "Distribuidora", "tax_id": "11.222.333/0001-00"}, format="json")
    assert _fields(bad) == ["tax_id"]
    ok = owner.post(SUPPLIERS, {"name": "Distribuidora", "tax_id": "11.222.333/0001-81"}, format="json")
    assert ok.status_code == 201, ok.content
    assert ok.json()["tax_id"] == "11222333000181"
    assert AuditEvent.unscoped.filter(clinic=world.b.clinic, action="supplier.created").count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Galderma distributor"}, "name"),  # taken in this clinic
        ({"name": "X", "tax_id": "1234"}, "tax_id"),
        ({"name": "X", "email": "nope"}, "email"),
        ({"name": "X", "lead_time_days": 400}, "lead_time_days"),
    ],
)
def test_bad_suppliers_are_400_naming_the_field(api, world, body, field):
    assert _fields(api(world.a.user(), world.a.clinic).post(SUPPLIERS, body, format="json")) == [field]


def test_a_supplier_is_edited_and_another_clinics_is_404(api, world):
    owner = api(world.a.user(), world.a.clinic)
    url = f"{SUPPLIERS}/{world.a.supplier.pk}"
    ok = owner.patch(url, {"lead_time_days": 21, "tax_id": "0994000165510"}, format="json")
    assert ok.status_code == 200, ok.content
    assert ok.json()["lead_time_days"] == 21
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="supplier.updated")
    assert event.changes["lead_time_days"] == [7, 21]
    assert (
        owner.patch(f"{SUPPLIERS}/{world.b.supplier.pk}", {"name": "Mine"}, format="json").status_code == 404
    )
    assert Supplier.unscoped.get(pk=world.b.supplier.pk).name == "Galderma distributor"


# Purchase orders --------------------------------------------------------------------


def _order_body(tenant, **extra):
    return {
        "supplier_id": str(tenant.supplier.pk),
        "lines": [{"product_id": str(tenant.product.pk), "quantity": "10", "unit_cost": "4000.00"}],
        **extra,
    }


def test_an_order_is_drafted_sent_received_in_two_deliveries_into_lots(api, world):
    a = world.a
    owner = api(a.user(), a.clinic)
    created = owner.post(ORDERS, _order_body(a), format="json")
    assert created.status_code == 201, created.content
    order = created.json()
    assert (order["status"], order["number"], order["currency"]) == ("draft", "PO-000002", "THB")
    url = f"{ORDERS}/{order['id']}"
    line = order["lines"][0]["id"]
    assert owner.post(f"{url}/send", format="json").json()["status"] == "sent"
    assert _fields(owner.post(f"{url}/receive", {"deliveries": []}, format="json")) == ["deliveries"]
    expiry = (a.clinic.today() + dt.timedelta(days=400)).isoformat()
    first = {"line_id": line, "quantity": "4", "lot_number": "PO-A", "expiry_date": expiry}
    partly = owner.post(f"{url}/receive", {"deliveries": [first]}, format="json")
    assert partly.status_code == 200, partly.content
    assert partly.json()["status"] == "partially_received"
    too_much = {**first, "lot_number": "PO-B", "quantity": "7"}
    assert _fields(owner.post(f"{url}/receive", {"deliveries": [too_much]}, format="json")) == [
        "deliveries.0.quantity"
    ]
    rest = {**first, "lot_number": "PO-B", "quantity": "6", "unit_cost": "3900.00"}
    done = owner.post(f"{url}/receive", {"deliveries": [rest]}, format="json")
    assert done.json()["status"] == "received" and done.json()["lines"][0]["quantity_received"] == "10.000"
    lots = {
        lot.lot_number: lot for lot in StockLot.unscoped.filter(clinic=a.clinic, lot_number__startswith="PO-")
    }
    assert (lots["PO-A"].quantity_on_hand, lots["PO-A"].unit_cost) == (4, Decimal("4000.00"))
    assert (lots["PO-B"].quantity_on_hand, lots["PO-B"].unit_cost) == (6, Decimal("3900.00"))
    assert lots["PO-A"].registration_number == a.product.registration_number
    receipts = StockMovement.unscoped.filter(reference_type="commerce.purchase_order_line", reference_id=line)
    assert receipts.count() == 2
    actions = set(
        AuditEvent.unscoped.filter(clinic=a.clinic, object_id=order["id"]).values_list("action", flat=True)
    )
    assert actions == {"purchase_order.created", "purchase_order.sent", "purchase_order.received"}
    assert _fields(owner.post(f"{url}/cancel", format="json")) == ["status"]


def test_a_bad_delivery_receives_nothing_of_the_order(api, world):
    a = world.a
    owner = api(a.user(), a.clinic)
    url = f"{ORDERS}/{a.purchase_order.pk}"
    line = str(PurchaseOrderLine.unscoped.get(order=a.purchase_order).pk)
    good = {"line_id": line, "quantity": "1", "lot_number": "OK-1", "expiry_date": "2031-01-01"}
    expired = {"line_id": line, "quantity": "1", "lot_number": "OLD", "expiry_date": "2020-01-01"}
    assert _fields(owner.post(f"{url}/receive", {"deliveries": [good, expired]}, format="json")) == [
        "deliveries.1.expiry_date"
    ]
    assert not StockLot.unscoped.filter(lot_number__in=["OK-1", "OLD"]).exists()
    assert PurchaseOrder.unscoped.get(pk=a.purchase_order.pk).status == "sent"


def test_a_draft_is_cancelled_and_a_cancelled_order_is_not_received(api, world):
    a = world.a
    owner = api(a.user(), a.clinic)
    order = owner.post(ORDERS, _order_body(a), format="json").json()
    cancelled = owner.post(f"{ORDERS}/{order['id']}/cancel", {"reason": "Ordered twice"}, format="json")
    assert cancelled.json()["status"] == "cancelled"
    delivery = {
        "line_id": order["lines"][0]["id"],
        "quantity": "1",
        "lot_number": "L",
        "expiry_date": "2031-01-01",
    }
    assert _fields(
        owner.post(f"{ORDERS}/{order['id']}/receive", {"deliveries": [delivery]}, format="json")
    ) == ["status"]
    event = AuditEvent.unscoped.get(clinic=a.clinic, action="purchase_order.cancelled")
    assert event.changes["reason"] == [None, "Ordered twice"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"supplier_id": "B"}, "supplier_id"),
        ({"lines": []}, "lines"),
        ({"lines": [{"product_id": "B", "quantity": "1", "unit_cost": "1.00"}]}, "lines.0.product_id"),
        ({"lines": [{"product_id": "A", "quantity": "0", "unit_cost": "1.00"}]}, "lines.0.quantity"),
        ({"lines": [{"product_id": "A", "quantity": "1", "unit_cost": "-1"}]}, "lines.0.unit_cost"),
        ({"expected_on": "2020-01-01"}, "expected_on"),
    ],
)
def test_bad_orders_are_400_naming_the_field(api, world, change, field):
    def resolve(value):
        return {"A": str(world.a.product.pk), "B": str(world.b.product.pk)}.get(value, value)

    if change.get("supplier_id") == "B":
        change = {"supplier_id": str(world.b.supplier.pk)}
    if "lines" in change:
        change = {"lines": [{k: resolve(v) for k, v in line.items()} for line in change["lines"]]}
    response = api(world.a.user(), world.a.clinic).post(ORDERS, _order_body(world.a, **change), format="json")
    assert _fields(response) == [field]
    assert PurchaseOrder.unscoped.filter(clinic=world.a.clinic).count() == 1


def test_another_clinics_order_line_is_400_and_another_clinics_order_404(api, world):
    owner = api(world.a.user(), world.a.clinic)
    foreign_line = str(PurchaseOrderLine.unscoped.get(order=world.b.purchase_order).pk)
    delivery = {"line_id": foreign_line, "quantity": "1", "lot_number": "L", "expiry_date": "2031-01-01"}
    response = owner.post(
        f"{ORDERS}/{world.a.purchase_order.pk}/receive", {"deliveries": [delivery]}, format="json"
    )
    assert _fields(response) == ["deliveries.0.line_id"]
    for step in ("send", "cancel", "receive"):
        assert (
            owner.post(f"{ORDERS}/{world.b.purchase_order.pk}/{step}", {}, format="json").status_code == 404
        )
    assert PurchaseOrder.unscoped.get(pk=world.b.purchase_order.pk).status == "sent"
