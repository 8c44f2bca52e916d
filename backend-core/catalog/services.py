"""Writes of the catalog: services (treatments) and the materials they consume,
products, and course definitions. Prices are in the clinic's currency; each function is
one transaction and raises ``ValidationFailed`` naming the field it refuses."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
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
) -> Service:
    """Add a treatment to the clinic's catalog, priced in the clinic's currency.
    ``device_kind`` (``DeviceKind``, blank for none) is the device every booking needs;
    ``follow_up_days`` the usual days to the next session (``None``: no follow-up);
    ``deposit_kind``/``deposit_value`` the deposit a booking asks for (``_check_deposit``).
    Raises ``ValidationFailed`` naming the field (duplicate name, bounds)."""
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
    return service


@transaction.atomic
def service_update(*, service: Service, actor: User, **fields: Unpack[ServiceFields]) -> Service:
    """Change the catalog fields given (``ServiceFields``); the currency follows the clinic.
    The deposit is checked against the price after the change (``_check_deposit``)."""
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
    return product


@transaction.atomic
def product_update(*, product: Product, actor: User, **fields: Unpack[ProductFields]) -> Product:
    """Change the fields given (``ProductFields``); the same checks as ``product_create``."""
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
    if fields:
        model_save(product, update_fields=list(fields))
    return product


@transaction.atomic
def service_materials_set(*, service: Service, actor: User, materials: list[tuple[Product, Decimal]]) -> None:
    """Replace what one unit of ``service`` consumes: ``(product, quantity)`` pairs in
    the product's unit. Raises ``ValidationFailed`` (``materials``) for a repeated product."""
    products = [product.pk for product, _q in materials]
    if len(set(products)) != len(products):
        raise ValidationFailed(errors={"materials": [_("Each product once.")]})
    ServiceMaterial.objects.filter(service=service).delete()
    ServiceMaterial.objects.bulk_create(
        [ServiceMaterial(clinic=service.clinic, service=service, product=p, quantity=q) for p, q in materials]
    )


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
    currency), valid ``validity_days`` from purchase. Raises ``ValidationFailed``:
    ``name`` (taken), ``items`` (empty, a service twice or of another currency)."""
    if Course.objects.filter(name__iexact=name.strip()).exists():
        raise ValidationFailed(errors={"name": [_("A course with this name already exists.")]})
    services = [service.pk for service, _n in items]
    if not items or len(set(services)) != len(services):
        raise ValidationFailed(errors={"items": [_("One or more services, each once.")]})
    if any(service.currency != clinic.currency for service, _n in items):
        raise ValidationFailed(errors={"items": [_("Services must be priced in the clinic currency.")]})
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
    return course
