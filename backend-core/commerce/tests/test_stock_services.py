import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models import Sum

from accounts.tests.factories import ClinicFactory
from audit.models import AuditEvent
from catalog.tests import factories as catalog_factories
from commerce import ledger
from commerce.models import JournalLine, StockLot, StockMovement
from commerce.services import stock as stock_services
from commerce.services import stock_adjust, stock_consume, stock_return, stock_transfer, stock_use
from commerce.tests import factories as f
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context


def _consume(tenant, product, quantity, lot=None):
    with clinic_context(tenant.clinic):
        return stock_consume(
            product=product,
            quantity=Decimal(quantity),
            lot=lot,
            patient=tenant.patient,
            reference_type="emr.treatment_session",
            reference_id=None,
            actor=tenant.user(Role.DOCTOR),
        )


def _movement_sum(lot):
    return StockMovement.unscoped.filter(lot=lot).aggregate(s=Sum("quantity"))["s"]


def test_fefo_takes_the_earliest_expiry_first_and_splits_across_lots(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    late = f.lot(a.clinic, owner, filler, "L-LATE", "5", expires_in_days=300)
    early = f.lot(a.clinic, owner, filler, "L-EARLY", "2", expires_in_days=30)

    movements = _consume(a, filler, "3")

    assert [(m.lot.lot_number, m.quantity) for m in movements] == [("L-EARLY", -2), ("L-LATE", -1)]
    for row in (early, late):
        row.refresh_from_db()
        assert row.quantity_on_hand == _movement_sum(row)
    assert (early.quantity_on_hand, late.quantity_on_hand) == (0, 4)
    assert all(m.patient == a.patient and m.reference_type == "emr.treatment_session" for m in movements)


def test_fefo_skips_expired_lots(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    old = f.lot(a.clinic, owner, filler, "OLD", "10", expires_in_days=10)
    f.expire(old)
    fresh = f.lot(a.clinic, owner, filler, "NEW", "1")
    assert [m.lot_id for m in _consume(a, filler, "1")] == [fresh.pk]
    with pytest.raises(ValidationFailed) as error:
        _consume(a, filler, "1")
    assert "quantity" in error.value.errors


def test_an_expired_lot_is_refused_naming_the_lot(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    old = f.lot(a.clinic, owner, filler, "OLD", "10")
    f.expire(old)
    with pytest.raises(ValidationFailed) as error:
        _consume(a, filler, "1", lot=old)
    assert "expired" in error.value.errors["lot"][0]
    assert _movement_sum(old) == 10


def test_more_than_on_hand_is_refused_and_nothing_is_written(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    one = f.lot(a.clinic, owner, filler, "L1", "2")
    with pytest.raises(ValidationFailed) as error:
        _consume(a, filler, "3", lot=one)
    assert "Only 2" in error.value.errors["quantity"][0]
    with pytest.raises(ValidationFailed):
        _consume(a, filler, "0")
    assert StockMovement.unscoped.filter(lot=one).count() == 1


@pytest.fixture(params=["statement", "fallback"])
def lots_take(request, monkeypatch):
    """Stock is taken by the one PostgreSQL statement, or by the embedded profile's
    fallback (a locking read, then an update and an insert per lot)."""
    if request.param == "fallback":
        monkeypatch.setattr(stock_services, "_lots_take", stock_services._lots_take_orm)
    return request.param


def test_fefo_orders_by_expiry_then_receipt_then_number_and_skips_unusable_lots(world, lots_take):
    a, b, owner = world.a, world.b, world.a.user()
    serum = catalog_factories.product(a.clinic, owner)
    other = catalog_factories.product(a.clinic, owner, name="Another product")
    expired = f.lot(a.clinic, owner, serum, "EXPIRED", "5", expires_in_days=5)
    f.expire(expired)
    empty = f.lot(a.clinic, owner, serum, "EMPTY", "1", expires_in_days=10)
    _consume(a, serum, "1", lot=empty)
    f.lot(a.clinic, owner, other, "OTHER", "5", expires_in_days=1)  # another product
    f.lot(b.clinic, b.user(), catalog_factories.product(b.clinic, b.user()), "B", "5", expires_in_days=1)
    b_second = f.lot(a.clinic, owner, serum, "B-SECOND", "1", expires_in_days=20)
    a_third = f.lot(a.clinic, owner, serum, "A-THIRD", "1", expires_in_days=20)
    StockLot.unscoped.filter(pk=a_third.pk).update(received_at=b_second.received_at)  # same day: by number
    first = f.lot(a.clinic, owner, serum, "Z-FIRST", "1", expires_in_days=20)
    StockLot.unscoped.filter(pk=first.pk).update(received_at=b_second.received_at - dt.timedelta(days=1))
    last = f.lot(a.clinic, owner, serum, "LAST", "9", expires_in_days=40)

    movements = _consume(a, serum, "5")

    assert [(m.lot.lot_number, m.quantity) for m in movements] == [
        ("Z-FIRST", -1),
        ("A-THIRD", -1),
        ("B-SECOND", -1),
        ("LAST", -2),
    ]
    doctor = a.user(Role.DOCTOR)
    assert all(m.kind == "consume" and m.patient == a.patient and m.actor == doctor for m in movements)
    for row, left in ((expired, 5), (empty, 0), (first, 0), (a_third, 0), (b_second, 0), (last, 7)):
        row.refresh_from_db()
        assert row.quantity_on_hand == left == _movement_sum(row)
    assert movements[-1].lot.quantity_on_hand == 7  # the lot as left by the take


def test_a_shortage_names_the_quantity_and_takes_nothing(world, lots_take):
    a, owner = world.a, world.a.user()
    serum = catalog_factories.product(a.clinic, owner, name="Serum")
    lots = [f.lot(a.clinic, owner, serum, f"L{n}", "2", expires_in_days=30 + n) for n in range(2)]
    expired = f.lot(a.clinic, owner, serum, "OLD", "10")
    f.expire(expired)
    with pytest.raises(ValidationFailed) as error:
        _consume(a, serum, "5")
    assert error.value.errors == {"quantity": [f"Only 4.000 {serum.unit} of Serum in unexpired stock."]}
    with pytest.raises(ValidationFailed) as error:
        _consume(a, serum, "3", lot=lots[0])
    assert error.value.errors == {"quantity": ["Only 2.000 on hand in lot L0."]}
    for row in [*lots, expired]:
        row.refresh_from_db()
        assert StockMovement.unscoped.filter(lot=row).count() == 1
        assert row.quantity_on_hand == _movement_sum(row)


def test_a_take_in_a_sale_appends_its_cost_entries_for_the_callers_batch(world, lots_take):
    a, owner = world.a, world.a.user()
    serum = catalog_factories.product(a.clinic, owner, name="Serum")
    f.lot(a.clinic, owner, serum, "SOON", "1", expires_in_days=30, unit_cost="400")
    f.lot(a.clinic, owner, serum, "LATER", "5", expires_in_days=60, unit_cost="410")
    entries: list[ledger.EntryInput] = []
    with clinic_context(a.clinic):
        movements = stock_services.stock_take(
            product=serum,
            quantity=Decimal(2),
            lot=None,
            patient=None,
            reference_type="commerce.sale_line",
            reference_id=None,
            actor=owner,
            kind="sale",
            cost_entries=entries,
        )
    assert [(m.kind, m.quantity, m.patient_id) for m in movements] == [("sale", -1, None), ("sale", -1, None)]
    costs = (Decimal("400.00"), Decimal("410.00"))
    assert [(e.reference_id, e.description, e.postings) for e in entries] == [
        (m.pk, f"Stock sale: Serum lot {m.lot.lot_number}", [(ledger.COGS, c, 0), (ledger.INVENTORY, 0, c)])
        for m, c in zip(movements, costs, strict=True)
    ]


@pytest.mark.django_db(transaction=True)
def test_concurrent_fefo_takes_never_oversell_and_empty_the_first_expiry_first(world, lots_take):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    a, owner = world.a, world.a.user()
    serum = catalog_factories.product(a.clinic, owner)
    soon = f.lot(a.clinic, owner, serum, "SOON", "3", expires_in_days=30)
    later = f.lot(a.clinic, owner, serum, "LATER", "3", expires_in_days=60)
    outcomes = f.at_once(lambda: _consume(a, serum, "2"), times=4)
    refused = [o for o in outcomes if not isinstance(o, list)]
    assert [type(o) for o in refused] == [ValidationFailed], refused
    assert sorted([(m.lot.lot_number, m.quantity) for m in o] for o in outcomes if isinstance(o, list)) == [
        [("LATER", -2)],
        [("SOON", -2)],
        [("SOON", -1), ("LATER", -1)],
    ]
    for row, left in ((soon, 0), (later, 0)):
        row.refresh_from_db()
        assert row.quantity_on_hand == left == _movement_sum(row)


def test_the_database_refuses_a_negative_on_hand(world):
    a, owner = world.a, world.a.user()
    one = f.lot(a.clinic, owner, catalog_factories.product(a.clinic, owner), "L1", "1")
    with pytest.raises(IntegrityError), transaction.atomic():
        StockLot.unscoped.filter(pk=one.pk).update(quantity_on_hand=Decimal(-1))


def test_adjust_and_return_keep_on_hand_equal_to_the_movements(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    one = f.lot(a.clinic, owner, filler, "L1", "5")
    with clinic_context(a.clinic):
        stock_adjust(
            lot=one, quantity=Decimal("-1"), reason_code="damaged", reason="Broken syringe", actor=owner
        )
        taken = _consume(a, filler, "2")[0]
        stock_return(movement=taken, quantity=Decimal("1"), actor=owner, reference_type="", reference_id=None)
        with pytest.raises(ValidationFailed) as error:
            stock_adjust(lot=one, quantity=Decimal("-10"), reason_code="count", reason="count", actor=owner)
        assert "quantity" in error.value.errors
        with pytest.raises(ValidationFailed) as error:
            stock_return(
                movement=taken, quantity=Decimal("5"), actor=owner, reference_type="", reference_id=None
            )
        assert "quantity" in error.value.errors
    one.refresh_from_db()
    assert one.quantity_on_hand == _movement_sum(one) == 3


def test_stock_at_cost_posts_balanced_inventory_and_cogs_entries(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    f.lot(a.clinic, owner, filler, "L1", "4", unit_cost="1250.50")
    _consume(a, filler, "1")
    with clinic_context(a.clinic):
        lines = JournalLine.objects.filter(entry__reference_type="commerce.stock_movement")
        balance = {
            row["account"]: row["d"] - row["c"]
            for row in lines.values("account").annotate(d=Sum("debit"), c=Sum("credit"))
        }
    assert balance == {
        ledger.INVENTORY: Decimal("3751.50"),
        ledger.ACCOUNTS_PAYABLE: Decimal("-5002.00"),
        ledger.COGS: Decimal("1250.50"),
    }


def test_transfer_moves_the_lot_to_a_sister_clinic_only(world):
    a, owner = world.a, world.a.user()
    sister = ClinicFactory(organization=a.clinic.organization)
    filler = catalog_factories.product(a.clinic, owner)
    there = catalog_factories.product(sister, owner)
    one = f.lot(a.clinic, owner, filler, "L1", "5", unit_cost="100")
    with clinic_context(a.clinic):
        _out, into = stock_transfer(lot=one, quantity=Decimal(2), to_product=there, actor=owner)
        foreign = catalog_factories.product(world.b.clinic, world.b.user(), registration_number="80117580578")
        with pytest.raises(ValidationFailed) as error:
            stock_transfer(lot=one, quantity=Decimal(1), to_product=foreign, actor=owner)
        assert "to_product_id" in error.value.errors
    assert into.lot.clinic_id == sister.pk and into.lot.lot_number == "L1"
    assert (_movement_sum(one), _movement_sum(into.lot)) == (3, 2)


@pytest.mark.django_db(transaction=True)
def test_two_clinicians_taking_the_last_unit_at_once_leave_zero_not_minus_one(world):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    one = f.lot(a.clinic, owner, filler, "L1", "1")
    outcomes = f.at_once(lambda: _consume(a, filler, "1", lot=one))
    assert sorted(type(o).__name__ for o in outcomes) == ["ValidationFailed", "list"]
    one.refresh_from_db()
    assert one.quantity_on_hand == 0 == _movement_sum(one)


# ------------------------------------------------------------------------- audit trail


def _stock_events(clinic, action):
    return list(AuditEvent.unscoped.filter(clinic=clinic, action=action).order_by("sequence"))


def test_receipts_adjustments_and_stock_used_by_hand_are_audited_on_the_lot(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    one = f.lot(a.clinic, owner, filler, "L1", "5")
    [received] = _stock_events(a.clinic, "stock.received")
    assert (received.actor, received.object_type, received.object_id) == (
        owner,
        "commerce.StockLot",
        str(one.pk),
    )
    assert received.changes["quantity"] == [None, "5.000"]
    assert received.changes["quantity_on_hand"] == ["0.000", "5.000"]
    assert received.changes["lot_number"] == [None, "L1"]
    with clinic_context(a.clinic):
        with pytest.raises(ValidationFailed):
            stock_adjust(lot=one, quantity=Decimal("-10"), reason_code="count", reason="count", actor=owner)
        assert not _stock_events(a.clinic, "stock.adjusted")
        stock_adjust(
            lot=one, quantity=Decimal("-1"), reason_code="damaged", reason="Broken vial", actor=owner
        )
        doctor = a.user(Role.DOCTOR)
        [used] = stock_use(
            product=filler,
            quantity=Decimal(2),
            lot=None,
            patient=a.patient,
            reference_type="",
            reference_id=None,
            actor=doctor,
        )
    [adjusted] = _stock_events(a.clinic, "stock.adjusted")
    assert adjusted.changes["quantity"] == [None, "-1.000"]
    assert adjusted.changes["quantity_on_hand"] == ["5.000", "4.000"]
    assert adjusted.changes["reason"] == [None, "Broken vial"]
    [consumed] = _stock_events(a.clinic, "stock.consumed")
    assert consumed.actor == doctor and consumed.changes["movement_id"] == [None, str(used.pk)]
    assert consumed.changes["quantity_on_hand"] == ["4.000", "2.000"]
    assert consumed.changes["patient_id"] == [None, str(a.patient.pk)]


def test_stock_taken_by_a_treatment_is_not_audited_again_by_the_stock_ledger(world):
    a, owner = world.a, world.a.user()
    filler = catalog_factories.product(a.clinic, owner)
    f.lot(a.clinic, owner, filler, "L1", "5")
    _consume(a, filler, "1")
    assert not _stock_events(a.clinic, "stock.consumed")


def test_a_transfer_is_audited_in_both_clinics_trails(world):
    a, owner = world.a, world.a.user()
    sister = ClinicFactory(organization=a.clinic.organization)
    filler = catalog_factories.product(a.clinic, owner)
    there = catalog_factories.product(sister, owner)
    one = f.lot(a.clinic, owner, filler, "L1", "5")
    with clinic_context(a.clinic):
        _out, into = stock_transfer(lot=one, quantity=Decimal(2), to_product=there, actor=owner)
    [sent] = _stock_events(a.clinic, "stock.transferred_out")
    [arrived] = _stock_events(sister, "stock.transferred_in")
    assert (sent.object_id, sent.changes["quantity"], sent.changes["to_lot_id"]) == (
        str(one.pk),
        [None, "-2.000"],
        [None, str(into.lot_id)],
    )
    assert (arrived.object_id, arrived.actor, arrived.changes["from_lot_id"]) == (
        str(into.lot_id),
        owner,
        [None, str(one.pk)],
    )
