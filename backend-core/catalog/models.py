"""The catalog of a clinic: what it sells and uses. ``Service`` is the single treatment
model every context uses (scheduling reads durations and buffers, POS reads prices);
products are what stock lots hold; courses are prepaid packages of services.

The tables were created when these models lived in ``commerce``; ``Meta.db_table`` keeps
those names, so the move to this app changed no table, constraint, index or row."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import ClinicScopedModel


class Contraindication(models.TextChoices):
    """What makes a treatment unsafe or in need of a clinician's decision for a patient:
    the fixed vocabulary a service lists (``Service.contraindications``) and the medical
    history matches against (``emr.alerts``). The catalog only stores these codes; what a
    patient's history means for each one is the clinical record's rule."""

    PREGNANCY = "pregnancy", _("Pregnancy")
    BREAST_FEEDING = "breast_feeding", _("Breast-feeding")
    ANTICOAGULANTS = "anticoagulants", _("Anticoagulant or antiplatelet medication")
    ISOTRETINOIN = "isotretinoin", _("Isotretinoin in the last 6 months")
    KELOID_HISTORY = "keloid_history", _("History of keloid or hypertrophic scars")
    ACTIVE_INFECTION = "active_infection", _("Active skin infection at the site")
    AUTOIMMUNE_DISEASE = "autoimmune_disease", _("Autoimmune disease")
    NEUROMUSCULAR_DISORDER = "neuromuscular_disorder", _("Neuromuscular disorder")
    ALLERGY_LIDOCAINE = "allergy_lidocaine", _("Allergy to lidocaine")
    ALLERGY_HYALURONIDASE = "allergy_hyaluronidase", _("Allergy to hyaluronidase")
    ALLERGY_HYALURONIC_ACID = "allergy_hyaluronic_acid", _("Allergy to hyaluronic acid")
    ALLERGY_BOTULINUM_TOXIN = "allergy_botulinum_toxin", _("Allergy to botulinum toxin")
    ALLERGY_ALBUMIN = "allergy_albumin", _("Allergy to albumin")


class DeviceKind(models.TextChoices):
    """The kinds of bookable device a treatment may need (seed 002 "Rooms, Resources").

    A fixed vocabulary rather than a per-clinic table: a clinic names its own devices
    (``scheduling.Resource.name``: "Fotona SP Dynamis, room 2"), but the kind is what a
    treatment requires and what booking matches on, so it must mean the same thing in
    every clinic, be translated in every language the screens speak, and never drift
    between the catalog and the devices through a typo. The kinds are the device classes
    aesthetic clinics schedule as scarce equipment. It lives in the catalog (not in
    scheduling) because a treatment names it and the catalog sits below scheduling."""

    LASER = "laser", _("Laser")
    IPL = "ipl", _("IPL")
    HIFU = "hifu", _("HIFU")
    RF_MICRONEEDLING = "rf_microneedling", _("RF microneedling")
    RADIOFREQUENCY = "radiofrequency", _("Radiofrequency")
    CRYOLIPOLYSIS = "cryolipolysis", _("Cryolipolysis")
    OTHER = "other", _("Other device")


class Service(ClinicScopedModel):
    """A treatment the clinic sells and books. ``price`` is per ``unit`` in ``currency``
    (the clinic's); durations are minutes. ``contraindications`` lists
    ``Contraindication`` codes (no duplicates, in the order given). ``device_kind``
    (blank for none) is the kind of device every booking of it needs: booking assigns a
    free device of that kind.
    ``follow_up_days`` (``None`` for no follow-up) is the usual interval, in days, to the
    next session (seed 001 "Result Documentation → Follow-up Scheduling").
    ``deposit_kind`` (blank for none) is the deposit a booking of it asks for:
    ``deposit_value`` in the clinic's currency (``fixed``, at most the price) or percent
    of the price (``percent``, 0-100); ``deposit_amount`` is what that comes to."""

    class DepositKind(models.TextChoices):
        NONE = "", _("No deposit")
        FIXED = "fixed", _("Fixed amount")
        PERCENT = "percent", _("Percent of the price")

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
    contraindications = models.JSONField(default=list, blank=True, help_text=_("Contraindication codes"))
    device_kind = models.CharField(max_length=20, choices=DeviceKind.choices, blank=True)
    follow_up_days = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(730)]
    )
    deposit_kind = models.CharField(max_length=10, choices=DepositKind.choices, blank=True, default="")
    deposit_value = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    is_active = models.BooleanField(default=True)

    class Meta:
        db_table = "commerce_service"
        constraints = [
            models.UniqueConstraint(fields=["clinic", "name"], name="service_unique_name_per_clinic"),
            models.CheckConstraint(condition=models.Q(price__gte=0), name="service_price_not_negative"),
            models.CheckConstraint(
                condition=models.Q(deposit_kind="", deposit_value=0)
                | models.Q(deposit_kind="fixed", deposit_value__gt=0, deposit_value__lte=models.F("price"))
                | models.Q(deposit_kind="percent", deposit_value__gt=0, deposit_value__lte=100),
                name="service_deposit_in_range",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "category", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def deposit_amount(self) -> Decimal:
        """The deposit a booking asks for, in the service's currency (zero for none):
        the fixed value, or the percent of the price rounded half up to the cent."""
        if self.deposit_kind == self.DepositKind.FIXED:
            return self.deposit_value
        if self.deposit_kind == self.DepositKind.PERCENT:
            return (self.price * self.deposit_value / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        return Decimal(0)

    def clean(self) -> None:
        codes = self.contraindications
        if not isinstance(codes, list) or any(code not in Contraindication.values for code in codes):
            raise ValidationError({"contraindications": _("Use the codes of the contraindication list.")})


class Product(ClinicScopedModel):
    """A retail product or a medical supply (syringe of filler, toxin vial) of one clinic.
    ``price`` is the retail unit price in ``currency`` (the clinic's); medical supplies
    may have a zero price. ``registration_number`` is the regulator's registration
    (ANVISA in Brazil: 11 or 13 digits, stored as digits).

    ``billable``: when used in a treatment session, the product is charged on the
    visit's invoice (quantity used times ``price``), as a take-home product applied at the
    visit (a sunscreen after a laser). Not billable: its cost is in the treatment's
    price (needles, gauze, the filler syringe of a filler treatment). A new retail
    product is billable and a medical supply is not, unless the clinic says otherwise
    (``catalog.services.product_create``)."""

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
    billable = models.BooleanField(default=False, help_text=_("Charged on the visit's invoice when used"))
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
