"""Input and output shapes of the catalog API. Money is a decimal string with its ISO
4217 currency; quantities are decimal strings in the item's unit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from catalog.models import Contraindication, Course, DeviceKind, Product, Service, ServiceMaterial
from core.fields import MoneyField


class QuantityField(serializers.DecimalField):
    """A quantity as a decimal string (``"1"``, ``"0.5"``), three decimals at most."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 3)
        super().__init__(**kwargs)


class PartialInput(serializers.Serializer[Any]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["partial"] = True
        super().__init__(*args, **kwargs)


class ServiceMaterialSerializer(serializers.ModelSerializer[ServiceMaterial]):
    """A material with what the screens show of its product: the name, the unit the
    quantity is in and the regulator's registration (ANVISA in Brazil; blank for none)."""

    product_name = serializers.CharField(source="product.name", read_only=True)
    product_unit = serializers.ChoiceField(
        source="product.unit", choices=Product.Unit.choices, read_only=True
    )
    registration_number = serializers.CharField(source="product.registration_number", read_only=True)

    class Meta:
        model = ServiceMaterial
        fields = ["product", "product_name", "product_unit", "registration_number", "quantity"]


class ServiceSerializer(serializers.ModelSerializer[Service]):
    materials = ServiceMaterialSerializer(many=True, read_only=True)
    contraindications = serializers.ListField(child=serializers.ChoiceField(choices=Contraindication.choices))
    # Declared: a read-only model field loses ``allow_blank``, and the schema would then
    # refuse the blank "no device" value the API returns.
    device_kind = serializers.ChoiceField(
        choices=DeviceKind.choices, allow_blank=True, read_only=True, help_text="Blank: no device needed"
    )
    deposit_kind = serializers.ChoiceField(
        choices=Service.DepositKind.choices, allow_blank=True, read_only=True, help_text="Blank: no deposit"
    )
    deposit_amount = MoneyField(read_only=True, help_text="The deposit a booking asks for (zero: none)")

    class Meta:
        model = Service
        fields = [
            "id",
            "name",
            "category",
            "description",
            "unit",
            "price",
            "currency",
            "duration_minutes",
            "buffer_minutes",
            "requires_consent",
            "contraindications",
            "device_kind",
            "follow_up_days",
            "deposit_kind",
            "deposit_value",
            "deposit_amount",
            "is_active",
            "materials",
            "created_at",
        ]
        read_only_fields = fields


class MaterialInput(serializers.Serializer[Any]):
    product_id = serializers.UUIDField()
    quantity = QuantityField(min_value=Decimal("0.001"))

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """A material is whole also inside a partial update (a partial root makes DRF skip
        every missing field, nested rows' included): 400 naming what is missing."""
        fields = self.fields.items()
        missing = {name: [field.error_messages["required"]] for name, field in fields if name not in attrs}
        if missing:
            raise serializers.ValidationError(missing)
        return attrs


class ServiceInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    category = serializers.ChoiceField(choices=Service.Category.choices)
    description = serializers.CharField(required=False, allow_blank=True)
    unit = serializers.ChoiceField(choices=Service.Unit.choices, required=False)
    price = MoneyField(min_value=Decimal(0), help_text="Decimal string, clinic currency")
    duration_minutes = serializers.IntegerField(min_value=5, max_value=720)
    buffer_minutes = serializers.IntegerField(min_value=0, max_value=240, required=False)
    requires_consent = serializers.BooleanField(required=False)
    contraindications = serializers.ListField(
        child=serializers.ChoiceField(choices=Contraindication.choices),
        required=False,
        max_length=len(Contraindication.values),
        help_text="Contraindication codes; duplicates are dropped",
    )
    device_kind = serializers.ChoiceField(
        choices=DeviceKind.choices, required=False, allow_blank=True, help_text="Blank: no device needed"
    )
    follow_up_days = serializers.IntegerField(
        min_value=1, max_value=730, required=False, allow_null=True, help_text="Days to the next session"
    )
    deposit_kind = serializers.ChoiceField(
        choices=Service.DepositKind.choices, required=False, allow_blank=True, help_text="Blank: no deposit"
    )
    deposit_value = MoneyField(
        min_value=Decimal(0),
        required=False,
        help_text="Fixed: amount in the clinic currency, at most the price; percent: 0-100 of the price",
    )
    materials = MaterialInput(many=True, required=False, help_text="What one unit of the service consumes")


class ServiceUpdateSerializer(PartialInput, ServiceInputSerializer):
    is_active = serializers.BooleanField(required=False)


class ProductSerializer(serializers.ModelSerializer[Product]):
    on_hand = QuantityField(read_only=True, help_text="Sum over all lots (product unit)")

    class Meta:
        model = Product
        fields = [
            "id",
            "name",
            "kind",
            "unit",
            "sku",
            "registration_number",
            "manufacturer",
            "price",
            "currency",
            "low_stock_threshold",
            "billable",
            "is_active",
            "on_hand",
            "created_at",
        ]
        read_only_fields = fields


class ProductInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    kind = serializers.ChoiceField(choices=Product.Kind.choices)
    unit = serializers.ChoiceField(choices=Product.Unit.choices, required=False)
    sku = serializers.CharField(max_length=64, required=False, allow_blank=True)
    registration_number = serializers.CharField(
        max_length=50, required=False, allow_blank=True, help_text="ANVISA: 11 or 13 digits (Brazil)"
    )
    manufacturer = serializers.CharField(max_length=200, required=False, allow_blank=True)
    price = MoneyField(min_value=Decimal(0), required=False)
    low_stock_threshold = QuantityField(min_value=Decimal(0), required=False)
    billable = serializers.BooleanField(
        required=False,
        help_text="Charged on the visit's invoice when used in a treatment; default: retail yes, supply no",
    )


class ProductUpdateSerializer(PartialInput, ProductInputSerializer):
    is_active = serializers.BooleanField(required=False)


class CourseItemOutput(serializers.Serializer[Any]):
    service_id = serializers.UUIDField()
    service_name = serializers.CharField(source="service.name")
    sessions = serializers.IntegerField()


class CourseSerializer(serializers.ModelSerializer[Course]):
    items = CourseItemOutput(many=True, read_only=True)
    sessions_total = serializers.IntegerField(read_only=True)

    class Meta:
        model = Course
        fields = [
            "id",
            "name",
            "description",
            "price",
            "currency",
            "validity_days",
            "is_active",
            "items",
            "sessions_total",
            "created_at",
        ]
        read_only_fields = fields


class CourseItemInput(serializers.Serializer[Any]):
    service_id = serializers.UUIDField()
    sessions = serializers.IntegerField(min_value=1, max_value=100)


class CourseInputSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(max_length=200)
    description = serializers.CharField(required=False, allow_blank=True)
    price = MoneyField(min_value=Decimal(0))
    validity_days = serializers.IntegerField(min_value=1, max_value=3650)
    items = CourseItemInput(many=True)


class CourseUpdateSerializer(serializers.Serializer[Any]):
    """Every field optional; ``items``, when sent, replaces the whole list."""

    name = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    price = MoneyField(min_value=Decimal(0), required=False)
    validity_days = serializers.IntegerField(min_value=1, max_value=3650, required=False)
    is_active = serializers.BooleanField(required=False)
    items = CourseItemInput(many=True, required=False, help_text="Replaces the list; fixed once sold")
