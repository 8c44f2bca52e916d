"""Demo commerce of one clinic: tax settings, products with lots (some near expiry),
service materials, courses, and a year of POS sales with course purchases, partial
payments, later payments, course redemptions and refunds.

Everything goes through ``commerce.services`` (checkout with ``at=`` for past sales,
so no receipts are sent for them). A seeded ``random.Random`` per clinic makes every
run produce the same history.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from accounts.models import Clinic, User
from catalog.models import Product, Service
from catalog.services import course_create, product_create, service_materials_set
from commerce.models import CourseBalance, Invoice
from commerce.services import (
    CartLine,
    course_balance_redeem,
    payment_record,
    payment_settings_update,
    sale_checkout,
    sale_refund,
    settings_for,
    stock_receive,
)
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ClinicPatient

# (label, service rate, product rate, course rate, inclusive): Thai VAT is quoted in
# shelf prices; Brazilian ISS (municipal, São Paulo 5 %) applies to services only;
# Saudi VAT 15 % is added on top.
TAXES = {
    "TH": ("VAT", Decimal(7), Decimal(7), Decimal(7), True),
    "BR": ("ISS", Decimal(5), Decimal(0), Decimal(5), False),
    "SA": ("VAT", Decimal(15), Decimal(15), Decimal(15), False),
}
# A registration number of the country's regulator for each supply, in its format.
REGISTRATIONS = {
    "TH": ("1C 15/61", "64-2-1-2-0012345", "10-1-6200012"),
    "BR": ("1.0123.4567.001-1", "80117580578", "80102510093"),
    "SA": ("SFDA-MD-2023-0411", "SFDA-MD-2022-1187", "SFDA-CO-2021-5523"),
}
PAYMENT_METHODS = {
    "TH": ("cash", "card", "promptpay"),
    "BR": ("pix", "card", "cash"),
    "SA": ("card", "cash", "bank_transfer"),
}

# Where each clinic's QR payments go: Bangkok's PromptPay is the front desk's mobile,
# São Paulo's Pix key the clinic's CNPJ (a valid example number).
QR_PAYMENTS: dict[str, dict[str, str]] = {
    "TH": {"promptpay_id": "0925553939"},
    "BR": {"pix_key": "11.222.333/0001-81", "merchant_city": "São Paulo"},
}


@dataclass(frozen=True)
class ProductSeed:
    name: str
    kind: str
    unit: str
    price: Decimal  # in the clinic currency per THB 1 (scaled per clinic below)
    cost: Decimal
    threshold: int
    lots: tuple[tuple[str, int, int], ...]  # (lot number, quantity, expires in days)


PRODUCTS = (
    ProductSeed("Botulinum toxin 100 U vial", Product.Kind.MEDICAL_SUPPLY, Product.Unit.VIAL,
                Decimal(0), Decimal(4200), 4, (("BTX-A24", 40, 25), ("BTX-B11", 60, 420))),
    ProductSeed("Hyaluronic acid filler 1 ml syringe", Product.Kind.MEDICAL_SUPPLY, Product.Unit.SYRINGE,
                Decimal(0), Decimal(3500), 6, (("HA-7781", 30, 40), ("HA-8120", 50, 600))),
    ProductSeed("Hydrating serum 30 ml", Product.Kind.RETAIL, Product.Unit.PIECE,
                Decimal(1290), Decimal(450), 10, (("SER-0525", 150, 330),)),
    ProductSeed("Mineral sunscreen SPF 50", Product.Kind.RETAIL, Product.Unit.PIECE,
                Decimal(890), Decimal(300), 10, (("SUN-2231", 8, 15), ("SUN-2302", 200, 500))),
)  # fmt: skip
# Prices above are Bangkok list prices; other clinics scale them to their currency.
SCALE = {"THB": Decimal(1), "BRL": Decimal("0.16"), "SAR": Decimal("0.11")}


@dataclass(frozen=True)
class CommerceSummary:
    products: int
    lots: int
    courses: int
    sales: int
    refunds: int
    redemptions: int


def _scaled(amount: Decimal, currency: str) -> Decimal:
    return (amount * SCALE.get(currency, Decimal(1))).quantize(Decimal(1))


def _catalog(clinic: Clinic, owner: User) -> tuple[list[Product], list]:
    label, service_rate, product_rate, course_rate, inclusive = TAXES.get(
        clinic.country, ("VAT", Decimal(0), Decimal(0), Decimal(0), False)
    )
    row = settings_for(clinic)
    row.tax_label, row.tax_inclusive, row.invoice_due_days = label, inclusive, 14
    row.service_tax_rate, row.product_tax_rate, row.course_tax_rate = service_rate, product_rate, course_rate
    row.save()
    qr = QR_PAYMENTS.get(clinic.country, {})
    payment_settings_update(
        clinic=clinic,
        actor=owner,
        promptpay_id=qr.get("promptpay_id"),
        pix_key=qr.get("pix_key"),
        merchant_city=qr.get("merchant_city"),
    )
    registrations = list(REGISTRATIONS.get(clinic.country, ("", "", "")))
    products = []
    received = timezone.now() - dt.timedelta(days=380)
    for index, seed in enumerate(PRODUCTS):
        medical = seed.kind == Product.Kind.MEDICAL_SUPPLY
        product = product_create(
            clinic=clinic,
            actor=owner,
            name=seed.name,
            kind=seed.kind,
            unit=seed.unit,
            sku=f"SKU-{index + 1:03d}",
            registration_number=registrations[index] if index < len(registrations) else "",
            manufacturer="Allergan" if medical else "Aesthetix Skin Lab",
            price=_scaled(seed.price, clinic.currency),
            low_stock_threshold=Decimal(seed.threshold),
        )
        for lot_number, quantity, expires_in in seed.lots:
            stock_receive(
                clinic=clinic,
                actor=owner,
                product=product,
                lot_number=lot_number,
                expiry_date=clinic.today() + dt.timedelta(days=expires_in),
                quantity=Decimal(quantity),
                unit_cost=_scaled(seed.cost, clinic.currency),
                received_at=received,
            )
        products.append(product)
    services = list(Service.objects.order_by("name"))
    by_category = {s.category: s for s in services}
    materials: tuple[tuple[str, Product, str], ...] = (
        ("neurotoxin", products[0], "0.2"),
        ("filler", products[1], "1"),
    )
    for category, product, per_unit in materials:
        if category in by_category:
            service_materials_set(
                service=by_category[category], actor=owner, materials=[(product, Decimal(per_unit))]
            )
    courses = []
    laser = by_category.get("laser")
    if laser is not None:
        courses.append(
            course_create(
                clinic=clinic,
                actor=owner,
                name=f"6 sessions: {laser.name}",
                price=(laser.price * 5).quantize(Decimal(1)),
                validity_days=365,
                items=[(laser, 6)],
            )
        )
    skin = [s for s in services if s.category in ("peel", "skin", "energy")][:2]
    if skin:
        courses.append(
            course_create(
                clinic=clinic,
                actor=owner,
                name="Glow package: " + " + ".join(s.name for s in skin)[:150],
                price=(sum(s.price for s in skin) * 3 * Decimal("0.85")).quantize(Decimal(1)),
                validity_days=180,
                items=[(s, 3) for s in skin],
            )
        )
    return products, courses


def commerce_build(
    clinic: Clinic, owner: User, staff: Sequence[tuple[Role, User]], patients: Sequence[ClinicPatient]
) -> CommerceSummary:
    """Products, lots, courses and a year of sales of ``clinic`` (every fourth day or so,
    at most one sale per day), sold by its cashier and credited to its practitioners."""
    rng = random.Random(f"commerce:{clinic.slug}")  # noqa: S311 - demo data, not security
    cashier = next((user for role, user in staff if role == Role.CASHIER), owner)
    practitioners = [user for role, user in staff if role in (Role.DOCTOR, Role.NURSE, Role.THERAPIST)] or [
        owner
    ]
    with clinic_context(clinic):
        products, courses = _catalog(clinic, owner)
        services = [s for s in Service.objects.order_by("name") if s.is_active]
        retail = [p for p in products if p.kind == Product.Kind.RETAIL]
        methods = PAYMENT_METHODS.get(clinic.country, ("cash", "card"))
        now = timezone.now()
        sales = refunds = redemptions = 0
        day = 365
        while day > 1 and patients:
            day -= rng.randint(3, 6)
            at = (now - dt.timedelta(days=day)).replace(
                hour=rng.randint(3, 11), minute=rng.choice((0, 20, 40))
            )
            patient = rng.choice(patients)
            service = rng.choice(services)
            lines = [
                CartLine(
                    item=service,
                    quantity=Decimal(rng.choice((20, 30, 40))) if service.unit == "unit" else Decimal(1),
                    credits=[(rng.choice(practitioners), Decimal(100))],
                )
            ]
            if retail and rng.random() < 0.4:
                lines.append(CartLine(item=rng.choice(retail), quantity=Decimal(rng.randint(1, 2))))
            if courses and rng.random() < 0.2:
                lines.append(
                    CartLine(item=rng.choice(courses), credits=[(rng.choice(practitioners), Decimal(100))])
                )
            priced, _created = sale_checkout(
                clinic=clinic,
                actor=cashier,
                patient=patient,
                lines=lines,
                payments=[],
                idempotency_key=f"demo-{clinic.slug}-{day}",
                at=at,
            )
            sales += 1
            invoice = Invoice.objects.get(sale=priced)
            partial = rng.random() < 0.15 or day < 8  # the latest sales are still being paid
            first = (invoice.total * Decimal("0.5")).quantize(Decimal("0.01")) if partial else invoice.total
            if first > 0:
                payment_record(
                    invoice=invoice,
                    actor=cashier,
                    method=rng.choice(methods),
                    amount=first,
                    currency=clinic.currency,
                    idempotency_key=f"demo-pay-{priced.pk}",
                    at=at,
                )
            if partial and day > 30:  # older partial payments were settled later
                payment_record(
                    invoice=invoice,
                    actor=cashier,
                    method=rng.choice(methods),
                    amount=invoice.total - first,
                    currency=clinic.currency,
                    idempotency_key=f"demo-pay2-{priced.pk}",
                    at=at + dt.timedelta(days=rng.randint(7, 28)),
                )
            product_lines = [line for line in priced.lines.all() if line.kind == "product"]
            if product_lines and rng.random() < 0.1 and not partial:
                sale_refund(
                    sale=priced,
                    actor=owner,
                    lines=[(product_lines[0], Decimal(1))],
                    reason="Product returned unopened",
                    method=methods[0],
                    idempotency_key=f"demo-refund-{priced.pk}",
                    at=at + dt.timedelta(days=2),
                )
                refunds += 1
        for balance in CourseBalance.objects.filter(
            status=CourseBalance.Status.ACTIVE, expires_at__gt=now
        ).order_by("created_at"):
            for _ in range(rng.randint(0, balance.sessions_total)):
                course_balance_redeem(
                    balance=balance,
                    reference_type="demo.treatment_session",
                    reference_id=uuid.UUID(int=rng.getrandbits(128)),
                    actor=rng.choice(practitioners),
                )
                redemptions += 1
        lots = sum(len(seed.lots) for seed in PRODUCTS)
    return CommerceSummary(len(products), lots, len(courses), sales, refunds, redemptions)
