"""Rows of the catalog for tests, written through the catalog services."""

from __future__ import annotations

from decimal import Decimal

from accounts.models import Clinic, User
from catalog.models import Course, Product
from catalog.services import course_create, product_create
from core.tenancy import clinic_context

REGISTRATION = {"BR": "80117580578", "TH": "64-2-1-2-0012345"}


def product(clinic: Clinic, actor: User, name: str = "Hyaluronic filler 1 ml", **fields) -> Product:
    with clinic_context(clinic):
        return product_create(
            clinic=clinic,
            actor=actor,
            name=name,
            kind=fields.pop("kind", Product.Kind.MEDICAL_SUPPLY),
            unit=fields.pop("unit", Product.Unit.SYRINGE),
            registration_number=fields.pop("registration_number", REGISTRATION.get(clinic.country, "")),
            **fields,
        )


def course(
    clinic: Clinic, actor: User, service, name: str = "6 laser sessions", price: str = "12000.00", sessions=6
) -> Course:
    with clinic_context(clinic):
        return course_create(
            clinic=clinic,
            actor=actor,
            name=name,
            price=Decimal(price),
            validity_days=365,
            items=[(service, sessions)],
        )
