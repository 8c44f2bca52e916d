"""Catalog of the clinic. ``Service`` is the single treatment model every context uses
(scheduling reads durations and buffers, POS reads prices)."""

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
        constraints = [
            models.UniqueConstraint(fields=["clinic", "name"], name="service_unique_name_per_clinic"),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="service_price_not_negative"),
        ]
        indexes = [models.Index(fields=["clinic", "category", "name"])]

    def __str__(self) -> str:
        return self.name
