"""Reads of the catalog. Every function reads the current clinic's rows (tenant-local
managers) and returns querysets."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import DecimalField, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from catalog.models import Course, Product, Service, ServiceMaterial

ZERO = Value(Decimal(0), output_field=DecimalField(max_digits=14, decimal_places=3))


def service_list(*, search: str = "") -> QuerySet[Service]:
    """The current clinic's services, by category then name, with their materials and
    each material's product (name, unit, regulator's registration). ``search``: words
    each found in the name (case-insensitive); blank for all."""
    services = Service.objects.prefetch_related(
        Prefetch(
            "materials", queryset=ServiceMaterial.objects.select_related("product").order_by("product__name")
        )
    )
    for word in search.split():
        services = services.filter(name__icontains=word)
    return services.order_by("category", "name")


def product_list(*, search: str = "") -> QuerySet[Product]:
    """Products by name, each annotated with ``on_hand`` (all lots, expired included; the
    lots are ``commerce.StockLot``, reached by their reverse relation ``lots``).
    ``search``: every word found (case-insensitive) in the name, SKU, registration
    number or manufacturer."""
    rows = Product.objects.all()
    for word in search.split():
        rows = rows.filter(
            Q(name__icontains=word)
            | Q(sku__icontains=word)
            | Q(registration_number__icontains=word)
            | Q(manufacturer__icontains=word)
        )
    return rows.annotate(on_hand=Coalesce(Sum("lots__quantity_on_hand"), ZERO)).order_by("name")


def course_list() -> QuerySet[Course]:
    return Course.objects.prefetch_related("items__service").order_by("name")
