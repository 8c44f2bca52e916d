"""The catalog of a clinic: what it sells and uses. ``Service`` is the single treatment
model every context uses (scheduling reads durations and buffers, POS reads prices);
products are what stock lots hold; courses are prepaid packages of services.

The tables were created when these models lived in ``commerce``; ``Meta.db_table`` keeps
those names, so the move to this app changed no table, constraint, index or row."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ClinicScopedModel


class Service(ClinicScopedModel):
    """A treatment the clinic sells and books. ``price`` is per ``unit`` in ``currency``
    (the clinic's); durations are minutes."""

    class Category(models.TextChoices):
        CONSULTATION = "consultation", _("Consultation")
        NEUROTOXIN = "neurotoxin", _("Botulinum toxin")
        FILLER = "filler", _("Dermal filler")
        BIOSTIMULATOR = "biostimulator", _("Biostimulator")
        LASER = "laser", _("Laser")
        ENERGY = "energy", _("Radiofrequency / ultrasound")
        PEEL = "peel", _("Chemical peel")
        SKIN = "skin", _("Skin treatment")

    class Unit(models.TextChoices):
        SESSION = "session", _("per session")
        TOXIN_UNIT = "unit", _("per toxin unit")
        ML = "ml", _("per ml")
        AREA = "area", _("per area")

    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.SESSION)
    price = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))])
    currency = models.CharField(max_length=3)
    duration_minutes = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(5), MaxValueValidator(720)]
    )
    buffer_minutes = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(240)])
    requires_consent = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)

    class Meta:
        db_table = "commerce_service"
        constraints = [
            models.UniqueConstraint(fields=["clinic", "name"], name="service_unique_name_per_clinic"),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="service_price_not_negative"),
        ]
        indexes = [models.Index(fields=["clinic", "category", "name"])]

    def __str__(self) -> str:
        return self.name


class Product(ClinicScopedModel):
    """A retail product or a medical supply (syringe of filler, toxin vial) of one clinic.
    ``price`` is the retail unit price in ``currency`` (the clinic's); medical supplies
    may have a zero price. ``registration_number`` is the regulator's registration
    (ANVISA in Brazil: 11 or 13 digits, stored as digits)."""

    class Kind(models.TextChoices):
        RETAIL = "retail", _("Retail product")
        MEDICAL_SUPPLY = "medical_supply", _("Medical supply")

    class Unit(models.TextChoices):
        PIECE = "piece", _("piece")
        SYRINGE = "syringe", _("syringe")
        VIAL = "vial", _("vial")
        TOXIN_UNIT = "unit", _("toxin unit")
        ML = "ml", _("ml")
        BOX = "box", _("box")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    unit = models.CharField(max_length=10, choices=Unit.choices, default=Unit.PIECE)
    sku = models.CharField(max_length=64, blank=True)
    registration_number = models.CharField(max_length=50, blank=True)
    manufacturer = models.CharField(max_length=200, blank=True)
    price = models.DecimalField(
        max_digits=12, decimal_places=2, default=Decimal(0), validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(max_length=3)
    low_stock_threshold = models.DecimalField(max_digits=12, decimal_places=3, default=Decimal(0))
    is_active = models.BooleanField(default=True)

    class Meta:
        db_table = "commerce_product"
        constraints = [
            models.UniqueConstraint(fields=["clinic", "name"], name="product_unique_name_per_clinic"),
            models.UniqueConstraint(
                fields=["clinic", "sku"], condition=~models.Q(sku=""), name="product_unique_sku_per_clinic"
            ),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="product_price_not_negative"),
        ]
        indexes = [models.Index(fields=["clinic", "kind", "name"])]

    def __str__(self) -> str:
        return self.name


class ServiceMaterial(ClinicScopedModel):
    """A product and the quantity (in the product's unit) one unit of a service consumes."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="materials")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    quantity = models.DecimalField(
        max_digits=12, decimal_places=3, validators=[MinValueValidator(Decimal("0.001"))]
    )

    class Meta:
        db_table = "commerce_servicematerial"
        constraints = [
            models.UniqueConstraint(fields=["service", "product"], name="service_material_unique"),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="service_material_positive"),
        ]


class Course(ClinicScopedModel):
    """A prepaid package: ``sessions`` of one or more services (``CourseItem``), sold at
    ``price`` in ``currency`` and redeemable for ``validity_days`` after purchase."""

    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    price = models.DecimalField(max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal(0))])
    currency = models.CharField(max_length=3)
    validity_days = models.PositiveIntegerField(validators=[MinValueValidator(1), MaxValueValidator(3650)])
    is_active = models.BooleanField(default=True)

    class Meta:
        db_table = "commerce_course"
        constraints = [
            models.UniqueConstraint(fields=["clinic", "name"], name="course_unique_name_per_clinic"),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="course_price_not_negative"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def sessions_total(self) -> int:
        return sum(item.sessions for item in self.items.all())


class CourseItem(ClinicScopedModel):
    """``sessions`` sessions of ``service`` included in a course."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="items")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    sessions = models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(100)])

    class Meta:
        db_table = "commerce_courseitem"
        constraints = [
            models.UniqueConstraint(fields=["course", "service"], name="course_item_unique_service"),
            models.CheckConstraint(condition=models.Q(sessions__gte=1), name="course_item_sessions_positive"),
        ]
