"""Suppliers and purchase orders: what the clinic orders, and receiving it into stock.

An order is written as a ``draft``, ``sent`` to the supplier, then received in one or
more deliveries (``partially_received`` → ``received``); it can be ``cancelled`` until
it is fully received (what already arrived stays in stock). Each delivery line becomes
a lot receipt through ``stock_receive`` (lot number, expiry, registration, cost),
referenced as ``commerce.purchase_order_line``. Every write is audited
(``supplier.*``, ``purchase_order.*``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.br import cnpj
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.th import tin

from audit.services import audit_event_record
from catalog.models import Product
from commerce.models import CommerceSettings, PurchaseOrder, PurchaseOrderLine, Supplier, SupplierItem
from commerce.services.shared import settings_for
from commerce.services.stock import stock_receive
from core.exceptions import FieldErrors, ValidationFailed
from core.services import model_save

if TYPE_CHECKING:
    from accounts.models import Clinic, User

Status = PurchaseOrder.Status

# Company tax numbers by clinic country (python-stdnum): Brazil's CNPJ, Thailand's
# 13-digit tax identification number. Other countries keep what was typed.
_TAX_ID_RULES = {"BR": (cnpj, "CNPJ"), "TH": (tin, "TIN")}

SUPPLIER_FIELDS = ("name", "contact_name", "phone", "email", "tax_id", "lead_time_days", "is_active")


def supplier_tax_id_normalize(*, country: str, value: str) -> str:
    """``value`` compact (digits only) when ``country`` has a rule, checked with it;
    else stripped. Blank stays blank. Raises ``ValidationFailed`` naming ``tax_id``."""
    value = value.strip()
    rule = _TAX_ID_RULES.get(country)
    if not value or rule is None:
        return value
    module, label = rule
    try:
        return str(module.validate(value))
    except StdnumError as exc:
        raise ValidationFailed(errors={"tax_id": [_("Not a valid %s.") % label]}) from exc


def _supplier_values(*, clinic: Clinic, values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(SUPPLIER_FIELDS)
    if unknown:
        raise ValueError(f"not supplier fields: {sorted(unknown)}")
    if "name" in values:
        values["name"] = values["name"].strip()
        if not values["name"]:
            raise ValidationFailed(errors={"name": [_("Required.")]})
        if Supplier.objects.filter(name__iexact=values["name"]).exists():
            raise ValidationFailed(errors={"name": [_("A supplier of this clinic has this name.")]})
    if "tax_id" in values:
        values["tax_id"] = supplier_tax_id_normalize(country=clinic.country, value=values["tax_id"])
    return values


@transaction.atomic
def supplier_create(*, clinic: Clinic, actor: User, **values: Any) -> Supplier:
    """A supplier of ``clinic`` (``SUPPLIER_FIELDS``; ``name`` required and unique in the
    clinic). Audited as ``supplier.created``. Raises ``ValidationFailed`` naming the
    field (``name``, ``tax_id``, ``email``, ``lead_time_days``)."""
    values = _supplier_values(clinic=clinic, values={"name": "", **values})
    supplier = Supplier(clinic=clinic, **values)
    model_save(supplier)
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="supplier.created",
        object_type="commerce.Supplier",
        object_id=supplier.pk,
        changes={k: [None, getattr(supplier, k)] for k in SUPPLIER_FIELDS},
    )
    return supplier


@transaction.atomic
def supplier_update(*, supplier: Supplier, actor: User, **values: Any) -> Supplier:
    """Change the given ``SUPPLIER_FIELDS`` of ``supplier`` (a row lock keeps two edits
    apart). Audited as ``supplier.updated`` with what changed. Raises as
    ``supplier_create``."""
    supplier = Supplier.objects.select_for_update().get(pk=supplier.pk)
    if values.get("name", supplier.name).strip().lower() == supplier.name.lower():
        values.pop("name", None)
    values = _supplier_values(clinic=supplier.clinic, values=values)
    changes = {k: [getattr(supplier, k), v] for k, v in values.items() if getattr(supplier, k) != v}
    if not changes:
        return supplier
    for key, value in values.items():
        setattr(supplier, key, value)
    model_save(supplier, update_fields=list(changes))
    audit_event_record(
        clinic=supplier.clinic,
        actor=actor,
        action="supplier.updated",
        object_type="commerce.Supplier",
        object_id=supplier.pk,
        changes=changes,
    )
    return supplier


@dataclass(frozen=True)
class OrderLine:
    """A product to order: ``quantity`` in its unit, ``unit_cost`` in the clinic's currency."""

    product: Product
    quantity: Decimal
    unit_cost: Decimal


@transaction.atomic
def purchase_order_create(
    *,
    clinic: Clinic,
    actor: User,
    supplier: Supplier,
    lines: list[OrderLine],
    expected_on: dt.date | None = None,
    note: str = "",
) -> PurchaseOrder:
    """A draft order to ``supplier`` (active) in the clinic's currency, numbered
    ``PO-000001`` upwards per clinic (taken under the clinic's commerce settings row lock,
    so concurrent orders cannot share a number). Audited as ``purchase_order.created``.
    Raises ``ValidationFailed`` naming ``supplier_id`` (inactive), ``lines`` (none, a
    product twice), ``lines.<i>.product_id`` (inactive), ``lines.<i>.quantity`` (not
    positive), ``lines.<i>.unit_cost`` (negative) or ``expected_on`` (past)."""
    errors = FieldErrors()
    if not supplier.is_active:
        errors.add("supplier_id", _("This supplier is no longer active."))
    if not lines:
        errors.add("lines", _("Order at least one product."))
    elif len({line.product.pk for line in lines}) != len(lines):
        errors.add("lines", _("Each product once."))
    for index, line in enumerate(lines):
        if not line.product.is_active:
            errors.add(f"lines.{index}.product_id", _("This product is no longer sold."))
        if line.quantity <= 0:
            errors.add(f"lines.{index}.quantity", _("Must be greater than zero."))
        if line.unit_cost < 0:
            errors.add(f"lines.{index}.unit_cost", _("Cannot be negative."))
    if expected_on is not None and expected_on < clinic.today():
        errors.add("expected_on", _("Cannot be in the past."))
    errors.raise_if_any()
    settings_for(clinic)  # the row exists, then it is the lock that orders numbering
    CommerceSettings.unscoped.select_for_update().get(clinic=clinic)
    count = PurchaseOrder.unscoped.filter(clinic=clinic).count()
    order = PurchaseOrder(
        clinic=clinic,
        number=f"PO-{count + 1:06d}",
        supplier=supplier,
        currency=clinic.currency,
        expected_on=expected_on,
        note=note.strip(),
        created_by=actor,
    )
    model_save(order)
    for position, line in enumerate(lines):
        model_save(
            PurchaseOrderLine(
                clinic=clinic,
                order=order,
                position=position,
                product=line.product,
                quantity=line.quantity,
                unit_cost=line.unit_cost,
            )
        )
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="purchase_order.created",
        object_type="commerce.PurchaseOrder",
        object_id=order.pk,
        changes={
            "number": [None, order.number],
            "supplier_id": [None, supplier.pk],
            "lines": [None, [[str(x.product.pk), str(x.quantity), str(x.unit_cost)] for x in lines]],
        },
    )
    return order


def _order_locked(order: PurchaseOrder) -> PurchaseOrder:
    return PurchaseOrder.objects.select_for_update().get(pk=order.pk)


def _status_change(*, order: PurchaseOrder, actor: User, status: str, action: str, **extra: Any) -> None:
    old = order.status
    order.status = status
    now = timezone.now()
    fields = ["status"]
    if status == Status.SENT:
        order.sent_at, fields = now, [*fields, "sent_at"]
    if status in (Status.RECEIVED, Status.CANCELLED):
        order.closed_at, fields = now, [*fields, "closed_at"]
    model_save(order, update_fields=fields)
    audit_event_record(
        clinic=order.clinic,
        actor=actor,
        action=action,
        object_type="commerce.PurchaseOrder",
        object_id=order.pk,
        changes={"status": [old, status], **extra},
    )


@transaction.atomic
def purchase_order_send(*, order: PurchaseOrder, actor: User) -> PurchaseOrder:
    """Mark a draft as sent to the supplier (its lines are then fixed). Audited as
    ``purchase_order.sent``. Raises ``ValidationFailed`` naming ``status``."""
    order = _order_locked(order)
    if order.status != Status.DRAFT:
        raise ValidationFailed(errors={"status": [_("Only a draft can be sent.")]})
    _status_change(order=order, actor=actor, status=Status.SENT, action="purchase_order.sent")
    return order


@transaction.atomic
def purchase_order_cancel(*, order: PurchaseOrder, actor: User, reason: str = "") -> PurchaseOrder:
    """Cancel an order not yet fully received; what already arrived stays in stock.
    Audited as ``purchase_order.cancelled`` with the reason. Raises ``ValidationFailed``
    naming ``status`` (received or already cancelled)."""
    order = _order_locked(order)
    if order.status in (Status.RECEIVED, Status.CANCELLED):
        raise ValidationFailed(errors={"status": [_("This order is already closed.")]})
    _status_change(
        order=order,
        actor=actor,
        status=Status.CANCELLED,
        action="purchase_order.cancelled",
        reason=[None, reason.strip()],
    )
    return order


@dataclass(frozen=True)
class Delivery:
    """What arrived for one order line: ``quantity`` of lot ``lot_number`` expiring on
    ``expiry_date``; ``unit_cost`` defaults to the line's, ``registration_number`` to the
    product's."""

    line: PurchaseOrderLine
    quantity: Decimal
    lot_number: str
    expiry_date: dt.date
    unit_cost: Decimal | None = None
    registration_number: str | None = None


@transaction.atomic
def purchase_order_receive(*, order: PurchaseOrder, actor: User, deliveries: list[Delivery]) -> PurchaseOrder:
    """Receive ``deliveries`` against a sent (or partly received) order, all or nothing:
    each becomes a lot receipt (``stock_receive``, audited ``stock.received``) and adds to
    its line's ``quantity_received``; the order becomes ``received`` when every line is
    complete, else ``partially_received``. Audited as ``purchase_order.received``.
    Raises ``ValidationFailed`` naming ``status``, ``deliveries`` (none), or
    ``deliveries.<i>.<field>`` (``line_id`` of another order, ``quantity`` above what is
    still due, and ``stock_receive``'s ``lot_number``, ``expiry_date``,
    ``registration_number``)."""
    order = _order_locked(order)
    if order.status not in (Status.SENT, Status.PARTIALLY_RECEIVED):
        raise ValidationFailed(errors={"status": [_("Only a sent order can be received.")]})
    if not deliveries:
        raise ValidationFailed(errors={"deliveries": [_("Receive at least one line.")]})
    lines = {
        line.pk: line
        for line in PurchaseOrderLine.objects.select_for_update(of=("self",))
        .select_related("product")
        .filter(order=order)
    }
    errors = FieldErrors()
    due = {pk: line.quantity - line.quantity_received for pk, line in lines.items()}
    for index, delivery in enumerate(deliveries):
        line = lines.get(delivery.line.pk)
        if line is None:
            errors.add(f"deliveries.{index}.line_id", _("Not a line of this order."))
            continue
        if delivery.quantity > due[line.pk]:
            errors.add(
                f"deliveries.{index}.quantity",
                _("Only %(n)s still due on this line.") % {"n": max(due[line.pk], Decimal(0))},
            )
        due[line.pk] -= delivery.quantity
    errors.raise_if_any()
    movements = []
    for index, delivery in enumerate(deliveries):
        line = lines[delivery.line.pk]
        with errors.collect(prefix=f"deliveries.{index}"):
            movement = stock_receive(
                clinic=order.clinic,
                actor=actor,
                product=line.product,
                lot_number=delivery.lot_number,
                expiry_date=delivery.expiry_date,
                quantity=delivery.quantity,
                unit_cost=line.unit_cost if delivery.unit_cost is None else delivery.unit_cost,
                registration_number=delivery.registration_number,
                reference_type="commerce.purchase_order_line",
                reference_id=line.pk,
            )
            movements.append(movement)
            line.quantity_received += delivery.quantity
        errors.raise_if_any()
    for line in {lines[d.line.pk].pk: lines[d.line.pk] for d in deliveries}.values():
        model_save(line, update_fields=["quantity_received"])
    complete = all(line.quantity_received >= line.quantity for line in lines.values())
    _status_change(
        order=order,
        actor=actor,
        status=Status.RECEIVED if complete else Status.PARTIALLY_RECEIVED,
        action="purchase_order.received",
        movement_ids=[None, [str(m.pk) for m in movements]],
    )
    return order


# Supplier items ------------------------------------------------------------------------

SUPPLIER_ITEM_FIELDS = ("supplier_sku", "pack_size", "last_unit_cost", "is_preferred")


def _supplier_item_audit(
    *, item: SupplierItem, actor: User, action: str, changes: dict[str, list[Any]]
) -> None:
    audit_event_record(
        clinic=item.clinic,
        actor=actor,
        action=action,
        object_type="commerce.SupplierItem",
        object_id=item.pk,
        changes={"supplier_id": [None, item.supplier_id], "product_id": [None, item.product_id], **changes},
    )


def _preferred_take(*, item: SupplierItem, actor: User) -> None:
    """Make ``item`` the only preferred supplier of its product: the previous one (locked)
    stops being preferred, audited as ``supplier_item.updated``."""
    others = SupplierItem.objects.select_for_update().filter(product=item.product, is_preferred=True)
    for other in others.exclude(pk=item.pk):
        other.is_preferred = False
        model_save(other, update_fields=["is_preferred"])
        _supplier_item_audit(
            item=other, actor=actor, action="supplier_item.updated", changes={"is_preferred": [True, False]}
        )


def _supplier_item_check(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(SUPPLIER_ITEM_FIELDS)
    if unknown:
        raise ValueError(f"not supplier item fields: {sorted(unknown)}")
    errors = FieldErrors()
    if "supplier_sku" in values:
        values["supplier_sku"] = values["supplier_sku"].strip()
    if "pack_size" in values and values["pack_size"] <= 0:
        errors.add("pack_size", _("Must be greater than zero."))
    if values.get("last_unit_cost") is not None and values["last_unit_cost"] < 0:
        errors.add("last_unit_cost", _("Cannot be negative."))
    errors.raise_if_any()
    return values


@transaction.atomic
def supplier_item_create(
    *, clinic: Clinic, actor: User, supplier: Supplier, product: Product, **values: Any
) -> SupplierItem:
    """Record that ``supplier`` sells ``product`` to ``clinic`` (``SUPPLIER_ITEM_FIELDS``:
    ``pack_size`` in the product's unit, ``last_unit_cost`` per unit in the clinic's
    currency). ``is_preferred`` takes the product's preference from any other supplier.
    Audited as ``supplier_item.created``. Raises ``ValidationFailed`` naming
    ``supplier_id`` (inactive), ``product_id`` (inactive, or already listed for this
    supplier), ``pack_size`` or ``last_unit_cost``."""
    values = _supplier_item_check(values)
    errors = FieldErrors()
    if not supplier.is_active:
        errors.add("supplier_id", _("This supplier is no longer active."))
    if not product.is_active:
        errors.add("product_id", _("This product is no longer sold."))
    elif SupplierItem.objects.filter(supplier=supplier, product=product).exists():
        errors.add("product_id", _("This supplier already lists this product."))
    errors.raise_if_any()
    item = SupplierItem(clinic=clinic, supplier=supplier, product=product, **values)
    if item.is_preferred:
        _preferred_take(item=item, actor=actor)
    model_save(item)
    _supplier_item_audit(
        item=item,
        actor=actor,
        action="supplier_item.created",
        changes={k: [None, getattr(item, k)] for k in SUPPLIER_ITEM_FIELDS},
    )
    return item


@transaction.atomic
def supplier_item_update(*, item: SupplierItem, actor: User, **values: Any) -> SupplierItem:
    """Change the given ``SUPPLIER_ITEM_FIELDS`` of ``item`` under a row lock; setting
    ``is_preferred`` takes the preference from the product's other supplier. Audited as
    ``supplier_item.updated`` with what changed. Raises ``ValidationFailed`` naming
    ``pack_size`` or ``last_unit_cost``."""
    item = SupplierItem.objects.select_for_update(of=("self",)).select_related("product").get(pk=item.pk)
    values = _supplier_item_check(values)
    changes = {k: [getattr(item, k), v] for k, v in values.items() if getattr(item, k) != v}
    if not changes:
        return item
    for key, value in values.items():
        setattr(item, key, value)
    if changes.get("is_preferred") == [False, True]:
        _preferred_take(item=item, actor=actor)
    model_save(item, update_fields=list(changes))
    _supplier_item_audit(item=item, actor=actor, action="supplier_item.updated", changes=changes)
    return item


@transaction.atomic
def supplier_item_delete(*, item: SupplierItem, actor: User) -> None:
    """The supplier no longer sells the product to the clinic. Orders already written
    keep their lines. Audited as ``supplier_item.deleted`` with what the row held."""
    item = SupplierItem.objects.select_for_update().get(pk=item.pk)
    _supplier_item_audit(
        item=item,
        actor=actor,
        action="supplier_item.deleted",
        changes={k: [getattr(item, k), None] for k in SUPPLIER_ITEM_FIELDS},
    )
    item.delete()
