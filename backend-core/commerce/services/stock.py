"""Writes of the stock ledger.

``_movement_write`` (one lot) and ``_lots_take`` (stock taken out: FEFO or a chosen lot)
are the writers of ``StockMovement``: each locks the lot rows it moves until the
transaction ends, refuses a movement that would take a lot below zero, and keeps
``StockLot.quantity_on_hand`` equal to the sum of the lot's movements. Lots are usable
through their expiry date (inclusive) in the clinic's time zone; picking is FEFO (first
expiry, first out), then by receipt time.

Receipts, adjustments (write-offs included), transfers and stock taken out by hand
(``stock_use``) are audited as ``stock.<verb>`` on the lot; stock taken out by a sale
or a treatment session is audited with that operation (``sale.completed``,
``session.products_recorded``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from catalog.models import Product
from catalog.services import registration_number_normalize
from commerce import ledger
from commerce.models import StockLot, StockMovement
from core.exceptions import Conflict, ValidationFailed
from core.services import model_save

if TYPE_CHECKING:
    from accounts.models import Clinic, User
    from patients.models import ClinicPatient

Kind = StockMovement.Kind
# Three decimals, as ``StockMovement.quantity`` and ``StockLot.quantity_on_hand`` store.
_QUANTITY_SCALE = Decimal("0.001")


def _movement_write(
    *,
    lot: StockLot,
    kind: str,
    quantity: Decimal,
    actor: User,
    patient: ClinicPatient | None = None,
    reference_type: str = "",
    reference_id: uuid.UUID | None = None,
    reason: str = "",
    adjustment_reason: str = "",
) -> StockMovement:
    """Append one movement to a lot; keeps on-hand in step with one conditional UPDATE
    (atomic under the row lock it takes, so concurrent writers cannot overdraw a lot).
    Raises ``ValidationFailed`` (``quantity``) when on-hand would go negative."""
    changed = StockLot.unscoped.filter(pk=lot.pk, quantity_on_hand__gte=-quantity).update(
        quantity_on_hand=F("quantity_on_hand") + quantity
    )
    if not changed:
        raise ValidationFailed(
            errors={
                "quantity": [
                    _("Only %(n)s on hand in lot %(lot)s.")
                    % {"n": lot.quantity_on_hand, "lot": lot.lot_number}
                ]
            }
        )
    lot.quantity_on_hand += quantity
    return StockMovement.unscoped.create(
        clinic_id=lot.clinic_id,
        lot=lot,
        kind=kind,
        quantity=quantity,
        patient=patient,
        reference_type=reference_type,
        reference_id=reference_id,
        reason=reason,
        adjustment_reason=adjustment_reason,
        actor=actor,
    )


def _stock_audit(*, movement: StockMovement, actor: User, action: str, **changes: object) -> None:
    """The audit event ``action`` on ``movement``'s lot, in the lot's clinic: the
    movement, its signed quantity and the lot's on-hand before and after (read from the
    row, locked since the movement's update, so a stale instance cannot misreport it), and
    ``changes`` (``{field: [old, new]}``). Quantities at the ledger's scale (``"-1.000"``)."""
    lot = movement.lot
    on_hand = StockLot.unscoped.filter(pk=lot.pk).values_list("quantity_on_hand", flat=True)[0]
    quantity = movement.quantity.quantize(_QUANTITY_SCALE)
    audit_event_record(
        clinic=lot.clinic,
        actor=actor,
        action=action,
        object_type="commerce.StockLot",
        object_id=lot.pk,
        changes={
            "movement_id": [None, movement.pk],
            "quantity": [None, quantity],
            "quantity_on_hand": [on_hand - quantity, on_hand],
            **changes,
        },
    )


def _cost_post(*, movement: StockMovement, lot: StockLot, debit: str, credit: str) -> None:
    """Journal of a movement at lot cost: ``debit``/``credit`` accounts for its value."""
    entry = _cost_entry(movement=movement, lot=lot, debit=debit, credit=credit)
    if entry is not None:
        ledger.journal_entries_post([entry])


def _cost_entry(
    *, movement: StockMovement, lot: StockLot, debit: str, credit: str
) -> ledger.EntryInput | None:
    """The journal entry of ``_cost_post`` (``None`` for a movement of no value)."""
    value = (abs(movement.quantity) * lot.unit_cost).quantize(Decimal("0.01"))
    if not value:
        return None
    return ledger.EntryInput(
        clinic=lot.clinic,
        description=f"Stock {movement.kind}: {lot.product.name} lot {lot.lot_number}",
        currency=lot.product.currency,
        reference_type="commerce.stock_movement",
        reference_id=movement.pk,
        postings=[(debit, value, Decimal(0)), (credit, Decimal(0), value)],
    )


@transaction.atomic
def stock_receive(
    *,
    clinic: Clinic,
    actor: User,
    product: Product,
    lot_number: str,
    expiry_date: dt.date,
    quantity: Decimal,
    unit_cost: Decimal = Decimal(0),
    registration_number: str | None = None,
    received_at: dt.datetime | None = None,
    reference_type: str = "",
    reference_id: uuid.UUID | None = None,
) -> StockMovement:
    """Receive ``quantity`` of a lot (created on first receipt; a later receipt must
    carry the same expiry). The registration defaults to the product's;
    ``reference_type``/``reference_id`` name what the receipt fills (a purchase order
    line). Journal:
    inventory against accounts payable at ``unit_cost``. Audited as ``stock.received``.
    Raises ``ValidationFailed`` naming ``quantity``, ``expiry_date``, ``lot_number`` or
    ``registration_number``."""
    if quantity <= 0:
        raise ValidationFailed(errors={"quantity": [_("Must be greater than zero.")]})
    if expiry_date < clinic.today():
        raise ValidationFailed(errors={"expiry_date": [_("This lot has already expired.")]})
    lot_number = lot_number.strip()
    if not lot_number:
        raise ValidationFailed(errors={"lot_number": [_("Required.")]})
    registration = registration_number_normalize(
        country=clinic.country,
        value=product.registration_number if registration_number is None else registration_number,
        kind=product.kind,
    )
    lot = StockLot.objects.select_for_update().filter(product=product, lot_number=lot_number).first()
    if lot is None:
        lot = StockLot(
            clinic=clinic,
            product=product,
            lot_number=lot_number,
            expiry_date=expiry_date,
            registration_number=registration,
            unit_cost=unit_cost,
            received_at=received_at or timezone.now(),
        )
        model_save(lot)
    elif lot.expiry_date != expiry_date:
        raise ValidationFailed(errors={"expiry_date": [_("Lot %s has another expiry date.") % lot_number]})
    movement = _movement_write(
        lot=lot,
        kind=Kind.RECEIVE,
        quantity=quantity,
        actor=actor,
        reference_type=reference_type,
        reference_id=reference_id,
    )
    _cost_post(movement=movement, lot=lot, debit=ledger.INVENTORY, credit=ledger.ACCOUNTS_PAYABLE)
    _stock_audit(
        movement=movement,
        actor=actor,
        action="stock.received",
        product_id=[None, product.pk],
        lot_number=[None, lot.lot_number],
        reference_type=[None, reference_type],
        reference_id=[None, reference_id],
    )
    return movement


def _usable_lot(*, lot: StockLot, product: Product) -> StockLot:
    if lot.product_id != product.pk:
        raise ValidationFailed(errors={"lot": [_("This lot is not of the product.")]})
    if lot.expiry_date < product.clinic.today():
        raise ValidationFailed(
            errors={
                "lot": [_("Lot %(lot)s expired on %(d)s.") % {"lot": lot.lot_number, "d": lot.expiry_date}]
            }
        )
    return lot


@transaction.atomic
def stock_consume(
    *,
    product: Product,
    quantity: Decimal,
    lot: StockLot | None = None,
    patient: ClinicPatient | None,
    reference_type: str,
    reference_id: uuid.UUID | None,
    actor: User,
    kind: str = Kind.CONSUME,
    cost_entries: list[ledger.EntryInput] | None = None,
) -> list[StockMovement]:
    """Take ``quantity`` (product unit) out of stock for ``patient``, caused by
    ``reference_type``/``reference_id`` (e.g. ``"emr.treatment_session"``, its id).

    With ``lot`` given, only that lot; without, FEFO over the non-expired lots with stock
    (may split across lots: one movement per lot). ``kind`` is ``consume`` (treatment)
    or ``sale`` (POS). Journal: COGS against inventory at each lot's cost, posted here
    or, given ``cost_entries``, appended to it for the caller to post in its batch
    (``ledger.journal_entries_post``). Raises ``ValidationFailed``: ``quantity`` (not
    positive, more than on hand), ``lot`` (expired, another product's)."""
    return stock_take(
        product=product,
        quantity=quantity,
        lot=lot,
        patient=patient,
        reference_type=reference_type,
        reference_id=reference_id,
        actor=actor,
        kind=kind,
        cost_entries=cost_entries,
    )


def stock_take(
    *,
    product: Product,
    quantity: Decimal,
    lot: StockLot | None,
    patient: ClinicPatient | None,
    reference_type: str,
    reference_id: uuid.UUID | None,
    actor: User,
    kind: str,
    cost_entries: list[ledger.EntryInput] | None,
) -> list[StockMovement]:
    """``stock_consume`` in the caller's transaction without a savepoint of its own: a
    refusal must fail the caller's transaction, as checkout's does. The lots are locked,
    taken from and their movements written by ``_lots_take`` (one statement on
    PostgreSQL), so a caller that takes stock last holds the lots' row locks only from
    there to its commit."""
    if quantity <= 0:
        raise ValidationFailed(errors={"quantity": [_("Must be greater than zero.")]})
    if lot is not None:
        _usable_lot(lot=lot, product=product)
    movements = _lots_take(
        product=product,
        quantity=quantity,
        lot=lot,
        movement=StockMovement(
            clinic_id=product.clinic_id,
            kind=kind,
            patient=patient,
            reference_type=reference_type,
            reference_id=reference_id,
            actor=actor,
        ),
    )
    for movement in movements:
        entry = _cost_entry(movement=movement, lot=movement.lot, debit=ledger.COGS, credit=ledger.INVENTORY)
        if entry is not None and cost_entries is not None:
            cost_entries.append(entry)
        elif entry is not None:
            ledger.journal_entries_post([entry])
    return movements


def _shortage(*, product: Product, lot: StockLot | None, available: Decimal) -> ValidationFailed:
    """The refusal (``quantity``) of taking more than the usable lots hold: ``available``
    is what the chosen ``lot`` holds, or without one all of ``product``'s usable lots."""
    if lot is not None:
        message = _("Only %(n)s on hand in lot %(lot)s.") % {"n": available, "lot": lot.lot_number}
    else:
        message = _("Only %(n)s %(unit)s of %(p)s in unexpired stock.") % {
            "n": available,
            "unit": product.unit,
            "p": product.name,
        }
    return ValidationFailed(errors={"quantity": [message]})


def _lots_take(
    *, product: Product, quantity: Decimal, lot: StockLot | None, movement: StockMovement
) -> list[StockMovement]:
    """Take ``quantity`` of ``product`` from ``lot``, or without one FEFO: from the lots
    of the product not expired on the clinic's day and with stock, the earliest expiry
    first (then receipt time, then lot number), splitting across lots. Each lot taken
    from gets one movement like ``movement`` (unsaved: kind, patient, reference, actor)
    for what it gave (negative), and its on-hand goes down by as much; every candidate
    lot stays row-locked until the transaction ends, locked in FEFO order (no
    ``SKIP LOCKED``: a lot another checkout holds is waited for, so FEFO stays exact).
    Returns the movements in FEFO order, each with its lot (``clinic`` and ``product``
    set: no query for the journal). Raises ``ValidationFailed`` (``quantity``) and takes
    nothing when the lots hold less than ``quantity``.

    On PostgreSQL one statement locks, allocates, updates and inserts; elsewhere (the
    embedded profile, whose transactions are serialized anyway) a locking read, then an
    update and an insert per lot."""
    if connection.vendor != "postgresql":
        return _lots_take_orm(product=product, quantity=quantity, lot=lot, movement=movement)
    lots, movements = (connection.ops.quote_name(m._meta.db_table) for m in (StockLot, StockMovement))
    lot_fields = StockLot._meta.concrete_fields
    movement_fields = StockMovement._meta.concrete_fields
    lot_columns = ", ".join(f"taken.{connection.ops.quote_name(f.column)}" for f in lot_fields)
    movement_columns = ", ".join(f"moved.{connection.ops.quote_name(f.column)}" for f in movement_fields)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH locked AS (
                SELECT id, quantity_on_hand, expiry_date, received_at, lot_number FROM {lots}
                WHERE clinic_id = %(clinic)s AND product_id = %(product)s AND expiry_date >= %(today)s
                    AND quantity_on_hand > 0 AND (%(lot)s::uuid IS NULL OR id = %(lot)s::uuid)
                ORDER BY expiry_date, received_at, lot_number
                FOR UPDATE
            ), plan AS (
                -- what is left to take once the lots before this one gave all they hold
                SELECT id,
                    LEAST(quantity_on_hand, %(quantity)s - SUM(quantity_on_hand) OVER fefo + quantity_on_hand)
                        AS take,
                    SUM(quantity_on_hand) OVER () AS available
                FROM locked
                WINDOW fefo AS (ORDER BY expiry_date, received_at, lot_number ROWS UNBOUNDED PRECEDING)
            ), taken AS (
                UPDATE {lots} SET quantity_on_hand = {lots}.quantity_on_hand - plan.take
                FROM plan
                WHERE {lots}.id = plan.id AND plan.take > 0 AND plan.available >= %(quantity)s
                RETURNING {lots}.*
            ), moved AS (
                INSERT INTO {movements} (
                    id, created_at, updated_at, clinic_id, lot_id, kind, quantity, patient_id,
                    reference_type, reference_id, reason, adjustment_reason, actor_id
                )
                SELECT gen_random_uuid(), %(now)s, %(now)s, taken.clinic_id, taken.id, %(kind)s,
                    plan.take * -1, %(patient)s, %(reference_type)s, %(reference_id)s, '', '', %(actor)s
                FROM taken JOIN plan ON plan.id = taken.id
                RETURNING *
            )
            SELECT total.available, {lot_columns}, {movement_columns}
            FROM (SELECT COALESCE(MAX(available), 0) AS available FROM plan) total
            LEFT JOIN (taken JOIN moved ON moved.lot_id = taken.id) ON true
            ORDER BY taken.expiry_date, taken.received_at, taken.lot_number
            """,  # noqa: S608 -- table and column names from the models, values bound
            {
                "clinic": product.clinic_id,
                "product": product.pk,
                "today": product.clinic.today(),
                "lot": lot.pk if lot is not None else None,
                "quantity": quantity,
                "now": now,
                "kind": movement.kind,
                "patient": movement.patient_id,
                "reference_type": movement.reference_type,
                "reference_id": movement.reference_id,
                "actor": movement.actor_id,
            },
        )
        rows = cursor.fetchall()
    if rows[0][1] is None:
        raise _shortage(product=product, lot=lot, available=rows[0][0])
    taken = []
    for row in rows:
        lot_values, movement_values = row[1 : 1 + len(lot_fields)], row[1 + len(lot_fields) :]
        chosen = StockLot.from_db(connection.alias, [f.attname for f in lot_fields], lot_values)
        chosen.clinic, chosen.product = product.clinic, product
        made = StockMovement.from_db(connection.alias, [f.attname for f in movement_fields], movement_values)
        made.lot, made.patient, made.actor = chosen, movement.patient, movement.actor
        taken.append(made)
    return taken


def _lots_take_orm(
    *, product: Product, quantity: Decimal, lot: StockLot | None, movement: StockMovement
) -> list[StockMovement]:
    """``_lots_take`` where the database is not PostgreSQL."""
    candidates = (
        StockLot.unscoped.select_for_update()
        .filter(product=product, expiry_date__gte=product.clinic.today(), quantity_on_hand__gt=0)
        .order_by("expiry_date", "received_at", "lot_number")
    )
    lots = list(candidates.filter(pk=lot.pk) if lot is not None else candidates)
    available = sum((x.quantity_on_hand for x in lots), Decimal(0))
    if available < quantity:
        raise _shortage(product=product, lot=lot, available=available)
    taken, left = [], quantity
    for chosen in lots:
        take = min(left, chosen.quantity_on_hand)
        chosen.clinic, chosen.product = product.clinic, product
        taken.append(
            _movement_write(
                lot=chosen,
                kind=movement.kind,
                quantity=-take,
                actor=movement.actor,
                patient=movement.patient,
                reference_type=movement.reference_type,
                reference_id=movement.reference_id,
            )
        )
        left -= take
        if not left:
            break
    return taken


@transaction.atomic
def stock_use(
    *,
    product: Product,
    quantity: Decimal,
    lot: StockLot | None,
    patient: ClinicPatient | None,
    reference_type: str,
    reference_id: uuid.UUID | None,
    actor: User,
) -> list[StockMovement]:
    """Stock taken out by hand (the stock ledger's endpoint): ``stock_consume``, with one
    ``stock.consumed`` audit event per lot taken from (patient and reference included).
    Raises as ``stock_consume``."""
    movements = stock_consume(
        product=product,
        quantity=quantity,
        lot=lot,
        patient=patient,
        reference_type=reference_type,
        reference_id=reference_id,
        actor=actor,
    )
    for movement in movements:
        _stock_audit(
            movement=movement,
            actor=actor,
            action="stock.consumed",
            patient_id=[None, patient.pk if patient else None],
            reference_type=[None, reference_type],
            reference_id=[None, reference_id],
        )
    return movements


@transaction.atomic
def stock_return(
    *,
    movement: StockMovement,
    quantity: Decimal,
    actor: User,
    reference_type: str,
    reference_id: uuid.UUID | None,
    reason: str = "",
) -> StockMovement:
    """Put back ``quantity`` of what ``movement`` took out (a refunded product, an
    unopened syringe) into the same lot. Raises ``ValidationFailed`` (``quantity``) for
    more than was taken out."""
    if quantity <= 0 or quantity > -movement.quantity:
        raise ValidationFailed(errors={"quantity": [_("Between 0 and what was taken out.")]})
    lot = movement.lot
    back = _movement_write(
        lot=lot,
        kind=Kind.RETURN,
        quantity=quantity,
        actor=actor,
        patient=movement.patient,
        reference_type=reference_type,
        reference_id=reference_id,
        reason=reason,
    )
    _cost_post(movement=back, lot=lot, debit=ledger.INVENTORY, credit=ledger.COGS)
    return back


@transaction.atomic
def stock_adjust(
    *,
    lot: StockLot,
    quantity: Decimal,
    reason_code: str,
    actor: User,
    reason: str = "",
    reference_type: str = "",
    reference_id: uuid.UUID | None = None,
) -> StockMovement:
    """Correct a lot (``quantity`` signed, e.g. ``-1`` for a broken vial) for
    ``reason_code`` (``StockMovement.AdjustmentReason``: damaged, expired, count, other)
    with a free-text ``reason`` (required for ``other``); ``reference_*`` name a stock
    take. Audited as ``stock.adjusted`` with both. Raises ``ValidationFailed`` naming
    ``quantity`` (zero, below zero on hand), ``reason_code`` (unknown) or ``reason``."""
    if quantity == 0:
        raise ValidationFailed(errors={"quantity": [_("Must not be zero.")]})
    if reason_code not in StockMovement.AdjustmentReason.values:
        raise ValidationFailed(errors={"reason_code": [_("Damaged, expired, count correction or other.")]})
    if reason_code == StockMovement.AdjustmentReason.OTHER and not reason.strip():
        raise ValidationFailed(errors={"reason": [_("Say why the count changed.")]})
    movement = _movement_write(
        lot=lot,
        kind=Kind.ADJUST,
        quantity=quantity,
        actor=actor,
        reason=reason.strip(),
        adjustment_reason=reason_code,
        reference_type=reference_type,
        reference_id=reference_id,
    )
    if quantity > 0:
        _cost_post(movement=movement, lot=lot, debit=ledger.INVENTORY, credit=ledger.COGS)
    else:
        _cost_post(movement=movement, lot=lot, debit=ledger.COGS, credit=ledger.INVENTORY)
    _stock_audit(
        movement=movement,
        actor=actor,
        action="stock.adjusted",
        reason_code=[None, reason_code],
        reason=[None, movement.reason],
        reference_type=[None, reference_type],
        reference_id=[None, reference_id],
    )
    return movement


@dataclass(frozen=True)
class CountLine:
    """One line of a stock take: the lot, the quantity the sheet showed (``expected``)
    and the quantity counted on the shelf."""

    lot: StockLot
    expected: Decimal
    counted: Decimal


@transaction.atomic
def stock_take_commit(
    *, clinic: Clinic, lines: list[CountLine], actor: User, note: str = ""
) -> tuple[uuid.UUID, list[StockMovement]]:
    """Commit a stock take of ``clinic``: every lot whose count differs from its on-hand
    gets one ``count`` adjustment (the difference), all in this transaction under the
    lots' row locks, referenced as ``commerce.stock_take``; returns the take's id and
    the adjustments. Audited
    as ``stock.take_committed`` (lots counted, adjusted, the note) besides each
    ``stock.adjusted``. A lot whose on-hand moved since the sheet was read (``expected``
    no longer equals it) refuses the whole take, so a sale made meanwhile is not
    written off. Raises ``ValidationFailed`` naming ``lines`` (empty, a lot twice),
    ``lines.<i>.counted`` (negative) or ``lines.<i>.expected`` (stock moved)."""
    if not lines:
        raise ValidationFailed(errors={"lines": [_("Count at least one lot.")]})
    if len({line.lot.pk for line in lines}) != len(lines):
        raise ValidationFailed(errors={"lines": [_("Each lot once.")]})
    locked = {
        lot.pk: lot
        for lot in StockLot.objects.select_for_update()
        .filter(pk__in=[line.lot.pk for line in lines])
        .order_by("pk")  # one lock order, so two takes cannot deadlock
    }
    errors: dict[str, list[str]] = {}
    for index, line in enumerate(lines):
        if line.counted < 0:
            errors[f"lines.{index}.counted"] = [_("Cannot be below zero.")]
        elif locked[line.lot.pk].quantity_on_hand != line.expected:
            errors[f"lines.{index}.expected"] = [
                _("Stock of lot %(lot)s moved since the sheet was read: %(n)s on hand now.")
                % {"lot": line.lot.lot_number, "n": locked[line.lot.pk].quantity_on_hand}
            ]
    if errors:
        raise ValidationFailed(errors=errors)
    take_id = uuid.uuid4()
    adjustments = []
    for line in lines:
        difference = line.counted - locked[line.lot.pk].quantity_on_hand
        if difference:
            movement = stock_adjust(
                lot=locked[line.lot.pk],
                quantity=difference,
                reason_code=StockMovement.AdjustmentReason.COUNT,
                reason=note,
                actor=actor,
                reference_type="commerce.stock_take",
                reference_id=take_id,
            )
            adjustments.append(movement)
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="stock.take_committed",
        object_type="commerce.StockTake",
        object_id=take_id,
        changes={
            "lots_counted": [None, len(lines)],
            "lots_adjusted": [None, len(adjustments)],
            "note": [None, note],
        },
    )
    return take_id, adjustments


TRANSFER_REFERENCE = "commerce.stock_transfer"


def _transfer_already_made(
    *, transfer_id: uuid.UUID, lot: StockLot, quantity: Decimal, to_product: Product
) -> tuple[StockMovement, StockMovement] | None:
    """The two movements of transfer ``transfer_id`` if it was made already (a retry);
    ``Conflict`` if that id moved another lot, quantity or destination."""
    made = {
        m.kind: m
        for m in StockMovement.unscoped.select_related("lot").filter(
            reference_type=TRANSFER_REFERENCE,
            reference_id=transfer_id,
            clinic__organization_id=lot.clinic.organization_id,
        )
    }
    if not made:
        return None
    out, into = made.get(Kind.TRANSFER_OUT), made.get(Kind.TRANSFER_IN)
    if (
        out is None
        or into is None
        or out.lot_id != lot.pk
        or -out.quantity != quantity
        or into.lot.product_id != to_product.pk
    ):
        raise Conflict(_("This transfer id was used for another transfer."), code="idempotency_key_reused")
    return out, into


@transaction.atomic
def stock_transfer(
    *,
    lot: StockLot,
    quantity: Decimal,
    to_product: Product,
    actor: User,
    note: str = "",
    transfer_id: uuid.UUID | None = None,
) -> tuple[StockMovement, StockMovement]:
    """Move ``quantity`` of ``lot`` (in its product's unit) to another clinic of the same
    organization, into ``to_product`` (that clinic's catalog entry for the same product:
    same unit and registration; the destination must carry it already, this does not
    create catalog entries). The destination lot keeps the lot number, expiry,
    registration and cost, so a recall there finds it; ``note`` (why) is kept on both
    movements. Answers ``(out, into)``: the outgoing movement of ``lot``'s clinic and the
    incoming one of the destination, sharing ``reference_id`` (``transfer_id`` when
    given). A retry with the same ``transfer_id`` answers the first transfer's movements
    and moves nothing; the same id for another lot, quantity or destination is a
    ``Conflict``. Audited in both clinics' trails (``stock.transferred_out`` on the lot,
    ``stock.transferred_in`` on the destination lot). Raises ``ValidationFailed``:
    ``to_product_id`` (same clinic, other organization, other unit or registration),
    ``quantity`` (not positive, more than on hand), ``lot`` (expired), ``note`` (over
    200 characters)."""
    note = note.strip()
    if len(note) > 200:
        raise ValidationFailed(errors={"note": [_("At most 200 characters.")]})
    # The lot's row lock orders a retry after the first attempt's commit.
    StockLot.unscoped.select_for_update().filter(pk=lot.pk).first()
    if transfer_id is not None:
        made = _transfer_already_made(
            transfer_id=transfer_id, lot=lot, quantity=quantity, to_product=to_product
        )
        if made is not None:
            return made
    source = lot.product
    _usable_lot(lot=lot, product=source)
    if quantity <= 0:
        raise ValidationFailed(errors={"quantity": [_("Must be greater than zero.")]})
    if (
        to_product.clinic_id == lot.clinic_id
        or to_product.clinic.organization_id != lot.clinic.organization_id
        or to_product.unit != source.unit
        or to_product.registration_number != source.registration_number
    ):
        raise ValidationFailed(
            errors={"to_product_id": [_("The same product in another clinic of this organization.")]}
        )
    transfer_id = transfer_id or uuid.uuid4()
    out = _movement_write(
        lot=lot,
        kind=Kind.TRANSFER_OUT,
        quantity=-quantity,
        actor=actor,
        reference_type=TRANSFER_REFERENCE,
        reference_id=transfer_id,
        reason=note,
    )
    target, _created = StockLot.unscoped.select_for_update().get_or_create(
        clinic=to_product.clinic,
        product=to_product,
        lot_number=lot.lot_number,
        defaults={
            "expiry_date": lot.expiry_date,
            "registration_number": lot.registration_number,
            "unit_cost": lot.unit_cost,
            "received_at": timezone.now(),
        },
    )
    into = _movement_write(
        lot=target,
        kind=Kind.TRANSFER_IN,
        quantity=quantity,
        actor=actor,
        reference_type=TRANSFER_REFERENCE,
        reference_id=transfer_id,
        reason=note,
    )
    _cost_post(movement=out, lot=lot, debit=ledger.INTERCLINIC, credit=ledger.INVENTORY)
    _cost_post(movement=into, lot=target, debit=ledger.INVENTORY, credit=ledger.INTERCLINIC)
    _stock_audit(
        movement=out,
        actor=actor,
        action="stock.transferred_out",
        to_lot_id=[None, target.pk],
        note=[None, note],
    )
    _stock_audit(
        movement=into,
        actor=actor,
        action="stock.transferred_in",
        from_lot_id=[None, lot.pk],
        note=[None, note],
    )
    return out, into
