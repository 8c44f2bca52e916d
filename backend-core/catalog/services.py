"""Writes of the catalog: services (treatments) and the materials they consume,
products, and course definitions. Prices are in the clinic's currency; each function is
one transaction and raises ``ValidationFailed`` naming the field it refuses. Changes to
treatments are audited (``service.created``, ``service.updated`` with the fields changed,
materials included)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.db import router, transaction
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from audit.services import audit_changes, audit_event_record
from catalog.models import Course, CourseItem, Product, Service, ServiceMaterial
from core.exceptions import ValidationFailed
from core.services import model_save


class ServiceFields(TypedDict, total=False):
    """The catalog fields of a service that ``service_update`` changes."""

    name: str
    category: str
    description: str
    unit: str
    price: Decimal
    duration_minutes: int
    buffer_minutes: int
    requires_consent: bool
    contraindications: list[str]
    device_kind: str
    follow_up_days: int | None
    deposit_kind: str
    deposit_value: Decimal
    is_active: bool


def _check_name_free(*, clinic: Clinic, name: str, exclude_pk: Any = None) -> None:
    clash = Service.objects.filter(name__iexact=name.strip())
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationFailed(errors={"name": [_("A service with this name already exists.")]})


def _check_deposit(*, price: Decimal, kind: str, value: Decimal) -> Decimal:
    """The deposit value to store for ``kind``: zero for none; a percent in (0, 100]; a
    fixed amount in (0, price]. Raises ``ValidationFailed`` naming ``deposit_value``."""
    if kind == Service.DepositKind.NONE:
        return Decimal(0)
    if kind == Service.DepositKind.PERCENT and not Decimal(0) < value <= 100:
        raise ValidationFailed(errors={"deposit_value": [_("A percent between 0 and 100.")]})
    if kind == Service.DepositKind.FIXED and not Decimal(0) < value <= price:
        raise ValidationFailed(
            errors={"deposit_value": [_("An amount above zero and at most the price (%s).") % price]}
        )
    return value


@transaction.atomic
def service_create(
    *,
    clinic: Clinic,
    actor: User,
    name: str,
    category: str,
    price: Decimal,
    duration_minutes: int,
    unit: str = Service.Unit.SESSION,
    buffer_minutes: int = 0,
    requires_consent: bool = False,
    contraindications: Sequence[str] = (),
    description: str = "",
    device_kind: str = "",
    follow_up_days: int | None = None,
    deposit_kind: str = Service.DepositKind.NONE,
    deposit_value: Decimal = Decimal(0),
    materials: Sequence[tuple[Product, Decimal]] = (),
) -> Service:
    """Add a treatment to the clinic's catalog, priced in the clinic's currency.
    ``device_kind`` (``DeviceKind``, blank for none) is the device every booking needs;
    ``follow_up_days`` the usual days to the next session (``None``: no follow-up);
    ``deposit_kind``/``deposit_value`` the deposit a booking asks for (``_check_deposit``);
    ``materials`` what one unit consumes (``service_materials_set``). Audited as
    ``service.created``. Raises ``ValidationFailed`` naming the field (duplicate name,
    bounds, a product twice)."""
    _check_name_free(clinic=clinic, name=name)
    deposit_value = _check_deposit(price=price, kind=deposit_kind, value=deposit_value)
    service = Service(
        clinic=clinic,
        name=name.strip(),
        category=category,
        price=price,
        currency=clinic.currency,
        duration_minutes=duration_minutes,
        unit=unit,
        buffer_minutes=buffer_minutes,
        requires_consent=requires_consent,
        contraindications=list(dict.fromkeys(contraindications)),
        description=description,
        device_kind=device_kind,
        follow_up_days=follow_up_days,
        deposit_kind=deposit_kind,
        deposit_value=deposit_value,
    )
    model_save(service)
    _materials_replace(service=service, materials=materials)
    audit_event_record(
        clinic=clinic,
        actor=actor,
        action="service.created",
        object_type="catalog.Service",
        object_id=service.pk,
        changes=audit_changes(
            before={}, after={**_audited(service), "materials": _materials_audited(materials)}
        ),
    )
    return service


_QUANTUM = Decimal("0.001")


def _audited(service: Service) -> dict[str, Any]:
    return {name: getattr(service, name) for name in ServiceFields.__annotations__}


def _materials_audited(materials: Sequence[tuple[Product, Decimal]]) -> list[list[str]]:
    """``[[product id, quantity], …]`` by product id, quantities to the stored three
    decimals: comparable before and after."""
    return sorted(
        [str(product.pk), str(Decimal(quantity).quantize(_QUANTUM))] for product, quantity in materials
    )


def _materials_replace(*, service: Service, materials: Sequence[tuple[Product, Decimal]]) -> None:
    products = [product.pk for product, _q in materials]
    if len(set(products)) != len(products):
        raise ValidationFailed(errors={"materials": [_("Each product once.")]})
    ServiceMaterial.objects.filter(service=service).delete()
    ServiceMaterial.objects.bulk_create(
        [ServiceMaterial(clinic=service.clinic, service=service, product=p, quantity=q) for p, q in materials]
    )


@transaction.atomic
def service_update(
    *,
    service: Service,
    actor: User,
    materials: Sequence[tuple[Product, Decimal]] | None = None,
    **fields: Unpack[ServiceFields],
) -> Service:
    """Change the catalog fields given (``ServiceFields``) and, unless ``None``, replace
    the ``materials`` (``service_materials_set``); the currency follows the clinic. The
    deposit is checked against the price after the change (``_check_deposit``).
    ``is_active: False`` archives the treatment (no longer sold or booked; what names it
    keeps it). Audited as ``service.updated`` with the fields that changed."""
    service = Service.objects.select_for_update().get(pk=service.pk)
    before = _audited(service)
    materials_before = _materials_audited(
        [(m.product, m.quantity) for m in service.materials.select_related("product")]
    )
    if {"price", "deposit_kind", "deposit_value"} & fields.keys():
        kind = fields.get("deposit_kind", service.deposit_kind)
        fields["deposit_value"] = _check_deposit(
            price=fields.get("price", service.price),
            kind=kind,
            value=fields.get("deposit_value", service.deposit_value),
        )
        fields["deposit_kind"] = kind
    if "name" in fields:
        _check_name_free(clinic=service.clinic, name=fields["name"], exclude_pk=service.pk)
        fields["name"] = fields["name"].strip()
    if "contraindications" in fields:
        fields["contraindications"] = list(dict.fromkeys(fields["contraindications"]))
    for name, value in fields.items():
        setattr(service, name, value)
    if fields:
        model_save(service, update_fields=list(fields))
    materials_after = materials_before
    if materials is not None:
        _materials_replace(service=service, materials=materials)
        materials_after = _materials_audited(materials)
    changes = audit_changes(
        before={**before, "materials": materials_before},
        after={**_audited(service), "materials": materials_after},
    )
    if changes:
        audit_event_record(
            clinic=service.clinic,
            actor=actor,
            action="service.updated",
            object_type="catalog.Service",
            object_id=service.pk,
            changes=changes,
        )
    return service


_ANVISA_SEPARATORS = re.compile(r"[\s./-]")
_REGISTRATION_TEXT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./()-]{0,49}$")


def registration_number_normalize(
    *, country: str, value: str, kind: str, field: str = "registration_number"
) -> str:
    """The regulator's registration number as stored, or ``ValidationFailed`` on ``field``.

    Brazil (ANVISA): 11 digits (health products / medical devices, RDC 751/2022) or 13
    digits (medicines, RDC 200/2017); dots, dashes, slashes and spaces are dropped, and a
    medical supply must have one. Elsewhere: up to 50 letters, digits, spaces and
    ``./()-`` as printed on the label (Thai FDA numbers such as ``1C 15/50``)."""
    value = value.strip()
    if country == "BR":
        digits = _ANVISA_SEPARATORS.sub("", value)
        if not value and kind == Product.Kind.MEDICAL_SUPPLY:
            raise ValidationFailed(
                errors={field: [_("ANVISA registration is required for medical supplies.")]}
            )
        if value and (not digits.isdigit() or len(digits) not in (11, 13)):
            raise ValidationFailed(errors={field: [_("An ANVISA registration has 11 or 13 digits.")]})
        return digits
    if value and not _REGISTRATION_TEXT.match(value):
        raise ValidationFailed(errors={field: [_("Letters, digits, spaces and ./()- only, at most 50.")]})
    return value


_PRODUCT_AUDITED = (
    "name",
    "kind",
    "unit",
    "sku",
    "registration_number",
    "manufacturer",
    "price",
    "low_stock_threshold",
    "billable",
    "is_active",
)
_COURSE_AUDITED = ("name", "description", "price", "validity_days", "is_active")


def _fields(row: Product | Course, names: Sequence[str]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in names}


def _audit(row: Product | Course, actor: User, action: str, changes: dict[str, Any]) -> None:
    audit_event_record(
        clinic=row.clinic,
        actor=actor,
        action=action,
        object_type=f"catalog.{type(row).__name__}",
        object_id=row.pk,
        changes=changes or None,
    )


class ProductFields(TypedDict, total=False):
    """The fields of a product that ``product_update`` changes."""

    name: str
    kind: str
    unit: str
    sku: str
    registration_number: str
    manufacturer: str
    price: Decimal
    low_stock_threshold: Decimal
    billable: bool
    is_active: bool


def _check_product_unique(*, name: str | None, sku: str | None, exclude_pk: Any = None) -> None:
    errors: dict[str, str] = {}
    others = Product.objects.exclude(pk=exclude_pk) if exclude_pk else Product.objects.all()
    if name is not None and others.filter(name__iexact=name.strip()).exists():
        errors["name"] = _("A product with this name already exists.")
    if sku and others.filter(sku=sku.strip()).exists():
        errors["sku"] = _("A product with this SKU already exists.")
    if errors:
        raise ValidationFailed(errors=errors)


@transaction.atomic
def product_create(
    *,
    clinic: Clinic,
    actor: User,
    name: str,
    kind: str,
    unit: str = Product.Unit.PIECE,
    sku: str = "",
    registration_number: str = "",
    manufacturer: str = "",
    price: Decimal = Decimal(0),
    low_stock_threshold: Decimal = Decimal(0),
    billable: bool | None = None,
) -> Product:
    """Add a product priced in the clinic's currency. ``billable`` (charged on the
    visit's invoice when used in a treatment) defaults by kind: a retail product is, a
    medical supply is not. Raises ``ValidationFailed`` naming the field (duplicate name
    or SKU, registration format for the clinic's country)."""
    _check_product_unique(name=name, sku=sku)
    product = Product(
        clinic=clinic,
        name=name.strip(),
        kind=kind,
        unit=unit,
        sku=sku.strip(),
        registration_number=registration_number_normalize(
            country=clinic.country, value=registration_number, kind=kind
        ),
        manufacturer=manufacturer,
        price=price,
        currency=clinic.currency,
        low_stock_threshold=low_stock_threshold,
        billable=kind == Product.Kind.RETAIL if billable is None else billable,
    )
    model_save(product)
    changes = audit_changes(before={}, after=_fields(product, _PRODUCT_AUDITED))
    _audit(product, actor, "product.created", changes)
    return product


@transaction.atomic
def product_update(*, product: Product, actor: User, **fields: Unpack[ProductFields]) -> Product:
    """Change the fields given (``ProductFields``); the same checks as ``product_create``.
    Audited as ``product.updated`` with the fields that changed (``is_active`` false:
    taken out of the catalog; its lots and history stay)."""
    before = _fields(product, _PRODUCT_AUDITED)
    _check_product_unique(name=fields.get("name"), sku=fields.get("sku"), exclude_pk=product.pk)
    if "registration_number" in fields or "kind" in fields:
        fields["registration_number"] = registration_number_normalize(
            country=product.clinic.country,
            value=fields.get("registration_number", product.registration_number),
            kind=fields.get("kind", product.kind),
        )
    if "name" in fields:
        fields["name"] = fields["name"].strip()
    if "sku" in fields:
        fields["sku"] = fields["sku"].strip()
    for name, value in fields.items():
        setattr(product, name, value)
    changes = audit_changes(before=before, after=_fields(product, _PRODUCT_AUDITED))
    if changes:
        model_save(product, update_fields=list(fields))
        _audit(product, actor, "product.updated", changes)
    return product


def service_materials_set(
    *, service: Service, actor: User, materials: Sequence[tuple[Product, Decimal]]
) -> Service:
    """Replace what one unit of ``service`` consumes: ``(product, quantity)`` pairs in
    the product's unit (``service_update`` with only the materials: one transaction,
    audited). Raises ``ValidationFailed`` (``materials``) for a repeated product."""
    return service_update(service=service, actor=actor, materials=materials)


def _course_items_check(*, clinic: Clinic, items: list[tuple[Service, int]]) -> None:
    services = [service.pk for service, _n in items]
    if not items or len(set(services)) != len(services):
        raise ValidationFailed(errors={"items": [_("One or more services, each once.")]})
    if any(service.currency != clinic.currency for service, _n in items):
        raise ValidationFailed(errors={"items": [_("Services must be priced in the clinic currency.")]})


def _course_name_check(*, name: str, exclude_pk: Any = None) -> None:
    clash = Course.objects.filter(name__iexact=name.strip())
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationFailed(errors={"name": [_("A course with this name already exists.")]})


def _items_audited(course: Course) -> list[list[Any]]:
    return sorted([str(item.service_id), item.sessions] for item in course.items.all())


def course_sold(course: Course) -> bool:
    """Whether anything outside the catalog (a sale line, a patient's balance) refers to
    ``course``. Asked through Django's deletion collector, which finds every protected
    reference, so the catalog need not import the apps that sell courses."""
    try:
        Collector(using=router.db_for_write(Course), origin=course).collect([course])
    except (ProtectedError, RestrictedError):
        return True
    return False


@transaction.atomic
def course_create(
    *,
    clinic: Clinic,
    actor: User,
    name: str,
    price: Decimal,
    validity_days: int,
    items: list[tuple[Service, int]],
    description: str = "",
) -> Course:
    """A package of ``items`` — ``(service, sessions)`` — sold at ``price`` (clinic
    currency), valid ``validity_days`` from purchase. Audited as ``course.created``.
    Raises ``ValidationFailed``: ``name`` (taken), ``items`` (empty, a service twice or
    of another currency)."""
    _course_name_check(name=name)
    _course_items_check(clinic=clinic, items=items)
    course = Course(
        clinic=clinic,
        name=name.strip(),
        description=description,
        price=price,
        currency=clinic.currency,
        validity_days=validity_days,
    )
    model_save(course)
    for service, sessions in items:
        model_save(CourseItem(clinic=clinic, course=course, service=service, sessions=sessions))
    after = {**_fields(course, _COURSE_AUDITED), "items": _items_audited(course)}
    _audit(course, actor, "course.created", audit_changes(before={}, after=after))
    return course


class CourseFields(TypedDict, total=False):
    """The fields of a course that ``course_update`` changes."""

    name: str
    description: str
    price: Decimal
    validity_days: int
    is_active: bool


@transaction.atomic
def course_update(
    *,
    course: Course,
    actor: User,
    items: list[tuple[Service, int]] | None = None,
    **fields: Unpack[CourseFields],
) -> Course:
    """Change the fields given (``CourseFields``) and, with ``items``, replace the
    course's ``(service, sessions)`` list. A new price or validity applies to the next
    sale: balances already sold keep their sessions, expiry and deferred amount. The
    items of a course already sold cannot change (its balances redeem against them):
    the clinic sells a new course and deactivates this one. Audited as
    ``course.updated`` with what changed. Raises ``ValidationFailed``: ``name`` (taken),
    ``items`` (empty, a service twice, another currency, course already sold)."""
    locked = Course.objects.select_for_update().get(pk=course.pk)
    before = {**_fields(locked, _COURSE_AUDITED), "items": _items_audited(locked)}
    if "name" in fields:
        _course_name_check(name=fields["name"], exclude_pk=locked.pk)
        fields["name"] = fields["name"].strip()
    for name, value in fields.items():
        setattr(locked, name, value)
    if items is not None:
        _course_items_check(clinic=locked.clinic, items=items)
        wanted = sorted([str(service.pk), sessions] for service, sessions in items)
        if wanted != before["items"]:
            if course_sold(locked):
                raise ValidationFailed(
                    errors={"items": [_("This course has been sold: its treatments cannot change.")]}
                )
            CourseItem.objects.filter(course=locked).delete()
            for service, sessions in items:
                item = CourseItem(clinic=locked.clinic, course=locked, service=service, sessions=sessions)
                model_save(item)
    if fields:
        model_save(locked, update_fields=list(fields))
    after = {**_fields(locked, _COURSE_AUDITED), "items": _items_audited(locked)}
    changes = audit_changes(before=before, after=after)
    if changes:
        _audit(locked, actor, "course.updated", changes)
    return locked
