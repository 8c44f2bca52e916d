"""Input and output shapes of the commerce API. Money is a decimal string with its ISO
4217 currency; quantities are decimal strings in the item's unit."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalog.models import Product
from catalog.serializers import QuantityField
from commerce.models import (
    CommerceSettings,
    CourseBalance,
    CourseRedemption,
    Invoice,
    InvoiceItem,
    JournalEntry,
    JournalLine,
    Payment,
    PurchaseOrder,
    PurchaseOrderLine,
    Sale,
    SaleLine,
    SaleLineCredit,
    StockLot,
    StockMovement,
    Supplier,
    SupplierItem,
)
from commerce.payment_methods import TILL_METHOD_CHOICES, methods_accepted, methods_allowed
from commerce.pricing import currency_digits
from core.fields import FieldsBuiltOnce, MoneyField
from notifications.models import Notification

# Inventory --------------------------------------------------------------------------


class LotSerializer(serializers.ModelSerializer[StockLot]):
    product_name = serializers.CharField(source="product.name", read_only=True)
    unit = serializers.CharField(source="product.unit", read_only=True)

    class Meta:
        model = StockLot
        fields = [
            "id",
            "product",
            "product_name",
            "unit",
            "lot_number",
            "expiry_date",
            "registration_number",
            "unit_cost",
            "received_at",
            "quantity_on_hand",
        ]
        read_only_fields = fields


class ReceiveInputSerializer(serializers.Serializer[Any]):
    product_id = serializers.UUIDField()
    lot_number = serializers.CharField(max_length=64)
    expiry_date = serializers.DateField()
    quantity = QuantityField(min_value=Decimal("0.001"))
    unit_cost = MoneyField(min_value=Decimal(0), required=False)
    registration_number = serializers.CharField(max_length=50, required=False, allow_blank=True)


class AdjustInputSerializer(serializers.Serializer[Any]):
    quantity = QuantityField(help_text="Signed: -1 takes one out, 2 adds two")
    reason_code = serializers.ChoiceField(choices=StockMovement.AdjustmentReason.choices)
    reason = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Required for other"
    )


class TransferInputSerializer(serializers.Serializer[Any]):
    quantity = QuantityField(min_value=Decimal("0.001"), help_text="In the product's unit")
    to_clinic_id = serializers.UUIDField()
    to_product_id = serializers.UUIDField(help_text="The destination clinic's product")
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, help_text="Why")
    transfer_id = serializers.UUIDField(
        required=False, help_text="Chosen by the client once per transfer: a retry with it moves nothing"
    )


class MovementSerializer(serializers.ModelSerializer[StockMovement]):
    """A stock movement. Which patient received the lot, and in which session or sale
    line (``patient``, ``reference_type``, ``reference_id``), is lot-traceability data:
    shown only when the context says the caller may see it (``lot_trace``: the
    ``stock.recall`` permission, the one rule for every route that says who received a
    lot); otherwise null/empty. Fails closed: no context, no trace."""

    adjustment_reason = serializers.ChoiceField(
        choices=StockMovement.AdjustmentReason.choices,
        allow_blank=True,
        read_only=True,
        help_text="Why an adjustment was made; blank for every other kind",
    )

    TRACE_FIELDS = {"patient": None, "reference_type": "", "reference_id": None}

    lot_number = serializers.CharField(source="lot.lot_number", read_only=True)
    product = serializers.UUIDField(source="lot.product_id", read_only=True)

    def to_representation(self, instance: StockMovement) -> dict[str, Any]:
        data: dict[str, Any] = super().to_representation(instance)
        if self.context.get("lot_trace") is not True:
            data.update(self.TRACE_FIELDS)
        return data

    class Meta:
        model = StockMovement
        fields = [
            "id",
            "lot",
            "lot_number",
            "product",
            "kind",
            "quantity",
            "patient",
            "reference_type",
            "reference_id",
            "reason",
            "adjustment_reason",
            "actor",
            "created_at",
        ]
        read_only_fields = fields


class ConsumeInputSerializer(serializers.Serializer[Any]):
    product_id = serializers.UUIDField()
    quantity = QuantityField(min_value=Decimal("0.001"))
    lot_id = serializers.UUIDField(required=False, allow_null=True, help_text="Default: FEFO")
    patient_id = serializers.UUIDField(required=False, allow_null=True)
    reference_type = serializers.CharField(max_length=64, required=False, allow_blank=True)
    reference_id = serializers.UUIDField(required=False, allow_null=True)


class LowStockSerializer(serializers.ModelSerializer[Product]):
    usable = QuantityField(read_only=True, help_text="On hand in unexpired lots")
    preferred_supplier_id = serializers.UUIDField(read_only=True, allow_null=True)
    preferred_supplier_name = serializers.CharField(read_only=True, allow_null=True)
    preferred_pack_size = QuantityField(read_only=True, allow_null=True, help_text="In the product's unit")
    preferred_unit_cost = MoneyField(read_only=True, allow_null=True, help_text="Last cost per unit")
    used = QuantityField(read_only=True, help_text="Taken out by treatments and sales in the usage window")
    suggested = QuantityField(read_only=True, help_text="Whole units to order (see the report's rule)")

    class Meta:
        model = Product
        fields = [
            "id",
            "name",
            "unit",
            "low_stock_threshold",
            "usable",
            "used",
            "suggested",
            "preferred_supplier_id",
            "preferred_supplier_name",
            "preferred_pack_size",
            "preferred_unit_cost",
        ]
        read_only_fields = fields


class CountLineInputSerializer(serializers.Serializer[Any]):
    lot_id = serializers.UUIDField()
    expected = QuantityField(help_text="On hand as the count sheet showed it")
    counted = QuantityField(help_text="Counted on the shelf")


class StockTakeInputSerializer(serializers.Serializer[Any]):
    lines = CountLineInputSerializer(many=True)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)


class StockTakeSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField(help_text="The stock take: reference_id of its adjustments")
    adjustments = MovementSerializer(many=True)


class SupplierSerializer(serializers.ModelSerializer[Supplier]):
    class Meta:
        model = Supplier
        fields = ["id", "name", "contact_name", "phone", "email", "tax_id", "lead_time_days", "is_active"]
        read_only_fields = ["id"]


class SupplierItemSerializer(serializers.ModelSerializer[SupplierItem]):
    """A product a supplier sells the clinic: ``pack_size`` in the product's unit,
    ``last_unit_cost`` per unit in the clinic's currency (null: not known yet)."""

    supplier_name = serializers.CharField(source="supplier.name", read_only=True)
    product_name = serializers.CharField(source="product.name", read_only=True)
    unit = serializers.CharField(source="product.unit", read_only=True)
    pack_size = QuantityField(read_only=True)
    last_unit_cost = MoneyField(read_only=True, allow_null=True)

    class Meta:
        model = SupplierItem
        fields = [
            "id",
            "supplier",
            "supplier_name",
            "product",
            "product_name",
            "unit",
            "supplier_sku",
            "pack_size",
            "last_unit_cost",
            "is_preferred",
        ]
        read_only_fields = fields


class SupplierItemUpdateSerializer(serializers.Serializer[Any]):
    supplier_sku = serializers.CharField(max_length=64, required=False, allow_blank=True)
    pack_size = QuantityField(min_value=Decimal("0.001"), required=False, help_text="In the product's unit")
    last_unit_cost = MoneyField(
        min_value=Decimal(0), required=False, allow_null=True, help_text="Per unit, clinic's currency"
    )
    is_preferred = serializers.BooleanField(required=False)


class SupplierItemInputSerializer(SupplierItemUpdateSerializer):
    supplier_id = serializers.UUIDField()
    product_id = serializers.UUIDField()


class TransferSerializer(serializers.Serializer[Any]):
    """A transfer's two movements: ``out`` of this clinic's lot, ``into`` the sister
    clinic's lot (same lot number), sharing ``transfer_id``."""

    transfer_id = serializers.UUIDField()
    to_clinic_id = serializers.UUIDField()
    out = MovementSerializer()
    into = MovementSerializer()


class TransferProductSerializer(serializers.ModelSerializer[Product]):
    class Meta:
        model = Product
        fields = ["id", "name", "sku", "unit"]
        read_only_fields = fields


class TransferDestinationSerializer(serializers.Serializer[Any]):
    clinic_id = serializers.UUIDField()
    clinic_name = serializers.CharField()
    products = TransferProductSerializer(many=True, help_text="Empty: that clinic does not carry the product")


class TransferMovementSerializer(serializers.ModelSerializer[StockMovement]):
    """One side of a transfer as this clinic sees it: ``transfer_out`` (negative
    quantity) or ``transfer_in``; ``counterpart_clinic_name`` is the other clinic."""

    lot_number = serializers.CharField(source="lot.lot_number", read_only=True)
    expiry_date = serializers.DateField(source="lot.expiry_date", read_only=True)
    product = serializers.UUIDField(source="lot.product_id", read_only=True)
    product_name = serializers.CharField(source="lot.product.name", read_only=True)
    unit = serializers.CharField(source="lot.product.unit", read_only=True)
    counterpart_clinic_name = serializers.CharField(read_only=True, allow_null=True)
    actor_name = serializers.CharField(source="actor.full_name", read_only=True)

    class Meta:
        model = StockMovement
        fields = [
            "id",
            "kind",
            "lot",
            "lot_number",
            "expiry_date",
            "product",
            "product_name",
            "unit",
            "quantity",
            "reason",
            "reference_id",
            "counterpart_clinic_name",
            "actor_name",
            "created_at",
        ]
        read_only_fields = fields


class PurchaseOrderLineSerializer(serializers.ModelSerializer[PurchaseOrderLine]):
    product_name = serializers.CharField(source="product.name", read_only=True)
    unit = serializers.CharField(source="product.unit", read_only=True)
    registration_number = serializers.CharField(source="product.registration_number", read_only=True)

    class Meta:
        model = PurchaseOrderLine
        fields = [
            "id",
            "product",
            "product_name",
            "unit",
            "registration_number",
            "quantity",
            "unit_cost",
            "quantity_received",
        ]
        read_only_fields = fields


class PurchaseOrderSerializer(serializers.ModelSerializer[PurchaseOrder]):
    supplier_name = serializers.CharField(source="supplier.name", read_only=True)
    lines = PurchaseOrderLineSerializer(many=True, read_only=True)

    class Meta:
        model = PurchaseOrder
        fields = [
            "id",
            "number",
            "supplier",
            "supplier_name",
            "status",
            "currency",
            "expected_on",
            "note",
            "sent_at",
            "closed_at",
            "created_at",
            "lines",
        ]
        read_only_fields = fields


class OrderLineInputSerializer(serializers.Serializer[Any]):
    product_id = serializers.UUIDField()
    quantity = QuantityField(min_value=Decimal("0.001"))
    unit_cost = MoneyField(min_value=Decimal(0))


class PurchaseOrderInputSerializer(serializers.Serializer[Any]):
    supplier_id = serializers.UUIDField()
    expected_on = serializers.DateField(required=False, allow_null=True)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True)
    lines = OrderLineInputSerializer(many=True)


class DeliveryInputSerializer(serializers.Serializer[Any]):
    line_id = serializers.UUIDField()
    quantity = QuantityField(min_value=Decimal("0.001"))
    lot_number = serializers.CharField(max_length=64)
    expiry_date = serializers.DateField()
    unit_cost = MoneyField(min_value=Decimal(0), required=False, help_text="Default: the line's")
    registration_number = serializers.CharField(
        max_length=50, required=False, allow_blank=True, help_text="Default: the product's"
    )


class PurchaseOrderReceiveInputSerializer(serializers.Serializer[Any]):
    deliveries = DeliveryInputSerializer(many=True)


class PurchaseOrderCancelInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True)


class RecallRowSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField()
    chart_number = serializers.CharField()
    patient_name = serializers.CharField()
    kind = serializers.CharField()
    quantity = QuantityField()
    reference_type = serializers.CharField()
    reference_id = serializers.UUIDField(allow_null=True)
    at = serializers.DateTimeField()


class RecallSerializer(serializers.Serializer[Any]):
    lot = LotSerializer()
    patients = serializers.IntegerField(help_text="Distinct patients who received the lot")
    rows = RecallRowSerializer(many=True)


# Sales ------------------------------------------------------------------------------


class CreditSerializer(FieldsBuiltOnce, serializers.ModelSerializer[SaleLineCredit]):
    class Meta:
        model = SaleLineCredit
        fields = ["practitioner", "share"]


class SaleLineSerializer(FieldsBuiltOnce, serializers.ModelSerializer[SaleLine]):
    credits = CreditSerializer(many=True, read_only=True)

    class Meta:
        model = SaleLine
        fields = [
            "id",
            "position",
            "kind",
            "service",
            "product",
            "course",
            "description",
            "quantity",
            "unit_price",
            "line_discount",
            "cart_discount_share",
            "net_amount",
            "tax_rate",
            "tax_amount",
            "total",
            "currency",
            "credits",
        ]
        read_only_fields = fields


class SaleSerializer(FieldsBuiltOnce, serializers.ModelSerializer[Sale]):
    lines = SaleLineSerializer(many=True, read_only=True)
    invoice = serializers.UUIDField(source="invoice.id", read_only=True)

    class Meta:
        model = Sale
        fields = [
            "id",
            "number",
            "patient",
            "status",
            "currency",
            "subtotal",
            "discount_total",
            "cart_discount",
            "tax_total",
            "total",
            "tax_inclusive",
            "idempotency_key",
            "created_by",
            "created_at",
            "voided_at",
            "invoice",
            "lines",
        ]
        read_only_fields = fields


class CreditInput(serializers.Serializer[Any]):
    practitioner_id = serializers.UUIDField()
    share = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=Decimal("0.01"), max_value=100)


class CartLineInput(serializers.Serializer[Any]):
    kind = serializers.ChoiceField(choices=SaleLine.Kind.choices)
    item_id = serializers.UUIDField(help_text="The service, product or course")
    quantity = QuantityField(min_value=Decimal("0.001"), required=False, default=Decimal(1))
    line_discount = MoneyField(min_value=Decimal(0), required=False, default=Decimal(0))
    lot_id = serializers.UUIDField(required=False, allow_null=True, help_text="Products only; default FEFO")
    credits = CreditInput(many=True, required=False, default=list)


class PaymentInputSerializer(serializers.Serializer[Any]):
    method = serializers.ChoiceField(choices=TILL_METHOD_CHOICES)
    amount = MoneyField(min_value=Decimal("0.01"))
    provider_reference = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")


class QuoteInputSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField(required=False, allow_null=True)
    currency = serializers.CharField(min_length=3, max_length=3, required=False)
    cart_discount = MoneyField(min_value=Decimal(0), required=False, default=Decimal(0))
    lines = CartLineInput(many=True)
    invoice_id = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="A draft invoice to check out: the cart starts with its lines, locked",
    )


class QuoteLineSerializer(serializers.Serializer[Any]):
    gross = MoneyField()
    line_discount = MoneyField()
    cart_discount_share = MoneyField()
    net = MoneyField()
    tax = MoneyField()
    total = MoneyField()


class QuoteSerializer(serializers.Serializer[Any]):
    """A cart priced by ``commerce.pricing`` (decimal strings in ``currency``)."""

    currency = serializers.CharField()
    lines = QuoteLineSerializer(many=True)
    subtotal = MoneyField()
    discount_total = MoneyField()
    tax_total = MoneyField()
    total = MoneyField()


class TaxSettingsSerializer(serializers.ModelSerializer[CommerceSettings]):
    """The clinic's tax configuration as the POS needs it to price a cart."""

    currency = serializers.CharField(source="clinic.currency", read_only=True)
    currency_digits = serializers.SerializerMethodField(help_text="ISO 4217 minor-unit exponent (CLDR)")
    payment_methods = serializers.SerializerMethodField(
        help_text="The methods the clinic accepts, in the order the till offers them"
    )

    class Meta:
        model = CommerceSettings
        fields = [
            "currency",
            "currency_digits",
            "tax_label",
            "tax_inclusive",
            "service_tax_rate",
            "product_tax_rate",
            "course_tax_rate",
            "walk_in_retail",
            "payment_methods",
        ]
        read_only_fields = fields

    def get_currency_digits(self, row: CommerceSettings) -> int:
        return currency_digits(row.clinic.currency)

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=TILL_METHOD_CHOICES)))
    def get_payment_methods(self, row: CommerceSettings) -> list[str]:
        return methods_accepted(country=row.clinic.country, chosen=row.payment_methods)


class TaxSettingsInputSerializer(serializers.Serializer[Any]):
    """Fields left out stay as they are. Rates are percents (``"7.00"``: 7 %)."""

    tax_label = serializers.CharField(max_length=20, required=False, allow_blank=True)
    tax_inclusive = serializers.BooleanField(required=False, help_text="Catalog prices contain the tax")
    service_tax_rate = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    product_tax_rate = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)
    course_tax_rate = serializers.DecimalField(max_digits=5, decimal_places=2, required=False)


class PaymentSettingsSerializer(serializers.ModelSerializer[CommerceSettings]):
    """The clinic's payment settings: accepted methods, those its country allows, and
    where QR payments go."""

    payment_methods = serializers.SerializerMethodField(
        help_text="The methods the clinic accepts, in the order the till offers them"
    )
    allowed_methods = serializers.SerializerMethodField(help_text="The methods the clinic's country has")

    class Meta:
        model = CommerceSettings
        fields = [
            "payment_methods",
            "allowed_methods",
            "promptpay_id",
            "pix_key",
            "merchant_city",
            "walk_in_retail",
            "deposit_no_show",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=TILL_METHOD_CHOICES)))
    def get_payment_methods(self, row: CommerceSettings) -> list[str]:
        return methods_accepted(country=row.clinic.country, chosen=row.payment_methods)

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(choices=TILL_METHOD_CHOICES)))
    def get_allowed_methods(self, row: CommerceSettings) -> list[str]:
        return methods_allowed(row.clinic.country)


class PaymentSettingsInputSerializer(serializers.Serializer[Any]):
    """Fields left out stay as they are; ``""`` clears an identifier."""

    payment_methods = serializers.ListField(child=serializers.CharField(max_length=20), required=False)
    promptpay_id = serializers.CharField(max_length=40, required=False, allow_blank=True)
    pix_key = serializers.CharField(max_length=100, required=False, allow_blank=True)
    merchant_city = serializers.CharField(max_length=60, required=False, allow_blank=True)
    walk_in_retail = serializers.BooleanField(
        required=False, help_text="Product-only sales to customers without a patient record"
    )
    deposit_no_show = serializers.ChoiceField(
        choices=CommerceSettings.DepositNoShow.choices,
        required=False,
        help_text="A paid deposit on a no-show or late cancellation: kept as a fee, or refunded",
    )


class PaymentQrInputSerializer(serializers.Serializer[Any]):
    method = serializers.ChoiceField(choices=TILL_METHOD_CHOICES)
    amount = MoneyField(min_value=Decimal("0.01"), help_text="In the clinic currency")
    reference = serializers.CharField(
        max_length=25,
        required=False,
        allow_blank=True,
        default="",
        help_text="Pix transaction id; default new",
    )


class PaymentQrSerializer(serializers.Serializer[Any]):
    """``payload`` is the text to draw as a QR code; ``reference`` its Pix transaction id
    (record it as the payment's provider reference), ``""`` for PromptPay."""

    method = serializers.CharField()
    amount = MoneyField()
    currency = serializers.CharField()
    payload = serializers.CharField()
    reference = serializers.CharField()


class CheckoutInputSerializer(QuoteInputSerializer):
    idempotency_key = serializers.CharField(
        max_length=100, required=False, help_text="Or the Idempotency-Key header; one of them is required"
    )
    payments = PaymentInputSerializer(many=True, required=False, default=list)
    walk_in = serializers.BooleanField(
        required=False,
        default=False,
        help_text="A product-only sale to an unregistered customer (no patient_id), if the clinic allows it",
    )


class RefundLineInput(serializers.Serializer[Any]):
    sale_line_id = serializers.UUIDField()
    quantity = QuantityField(min_value=Decimal("0.001"))


class RefundInputSerializer(serializers.Serializer[Any]):
    idempotency_key = serializers.CharField(max_length=100)
    reason = serializers.CharField(max_length=500)
    method = serializers.ChoiceField(choices=TILL_METHOD_CHOICES)
    lines = RefundLineInput(many=True)


class RefundOutputSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    sale = serializers.UUIDField(source="sale_id")
    amount = MoneyField()
    reason = serializers.CharField()
    created_at = serializers.DateTimeField()


class VoidInputSerializer(serializers.Serializer[Any]):
    reason = serializers.CharField(max_length=200)


class InvoiceItemSerializer(serializers.ModelSerializer[InvoiceItem]):
    class Meta:
        model = InvoiceItem
        fields = [
            "position",
            "description",
            "service",
            "practitioner",
            "quantity",
            "unit_price",
            "discount",
            "tax_amount",
            "total",
        ]
        read_only_fields = fields


class InvoiceDestinationsSerializer(serializers.Serializer[Any]):
    """Where the invoice can be sent, masked (``p***@example.com``, ``081-XXX-0101``;
    empty: the patient has no address for that channel), and the default channel."""

    email = serializers.CharField()
    sms = serializers.CharField()
    whatsapp = serializers.CharField()
    preferred = serializers.ChoiceField(choices=Notification.Channel.choices)


class InvoiceSerializer(serializers.ModelSerializer[Invoice]):
    """An invoice with its items. ``patient_name`` is the chart's name (empty without a
    patient); ``date`` the clinic-local date it is dated by (issued, or created for a
    draft); ``send_to`` the masked destinations for *Send*; ``last_sent_at`` when it was
    last sent to the patient (UTC, null: never). Read through ``selectors.invoice_list``
    (patient profile and clinic joined, ``last_sent_at`` annotated)."""

    items = InvoiceItemSerializer(many=True, read_only=True)
    patient_name = serializers.SerializerMethodField()
    date = serializers.SerializerMethodField(help_text="Clinic-local date: issued, or created for a draft")
    send_to = serializers.SerializerMethodField()
    last_sent_at = serializers.SerializerMethodField(
        help_text="When last sent to the patient (UTC); null: never"
    )

    def get_patient_name(self, invoice: Invoice) -> str:
        return str(invoice.patient.profile) if invoice.patient is not None else ""

    @extend_schema_field(InvoiceDestinationsSerializer)
    def get_send_to(self, invoice: Invoice) -> dict[str, Any]:
        from commerce.services import invoice_destinations

        return dict(InvoiceDestinationsSerializer(invoice_destinations(invoice)).data)

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_last_sent_at(self, invoice: Invoice) -> str | None:
        at = getattr(invoice, "last_sent_at", None)
        return serializers.DateTimeField().to_representation(at) if at else None

    def get_date(self, invoice: Invoice) -> dt.date:
        return invoice.clinic.date_at(invoice.issued_at or invoice.created_at)

    class Meta:
        model = Invoice
        fields = [
            "id",
            "number",
            "sale",
            "patient",
            "patient_name",
            "date",
            "status",
            "currency",
            "subtotal",
            "discount_total",
            "tax_total",
            "total",
            "paid_total",
            "refunded_total",
            "balance_due",
            "issued_at",
            "due_date",
            "reference_type",
            "reference_id",
            "created_at",
            "send_to",
            "last_sent_at",
            "items",
        ]
        read_only_fields = fields


class InvoiceSendInputSerializer(serializers.Serializer[Any]):
    channel = serializers.ChoiceField(
        choices=Notification.Channel.choices,
        required=False,
        help_text="Default: the patient's preferred channel (SMS when that is none of these)",
    )
    idempotency_key = serializers.CharField(
        max_length=100, required=False, help_text="Or the Idempotency-Key header; one per send"
    )


class InvoiceSendSerializer(serializers.Serializer[Any]):
    """The notification carrying the invoice: its channel, masked destination and state
    (``scheduled`` until the worker sends it)."""

    notification = serializers.UUIDField()
    channel = serializers.ChoiceField(choices=Notification.Channel.choices)
    to = serializers.CharField(help_text="Masked destination")
    status = serializers.CharField()
    requested_at = serializers.DateTimeField()


class PaymentSerializer(serializers.ModelSerializer[Payment]):
    failure_code = serializers.CharField(
        read_only=True,
        help_text="Why a card payment failed: declined or provider_refused; blank otherwise",
    )

    class Meta:
        model = Payment
        fields = [
            "id",
            "invoice",
            "refund",
            "amount",
            "currency",
            "method",
            "status",
            "failure_code",
            "provider_reference",
            "received_at",
            "created_by",
        ]
        read_only_fields = fields


class PaymentRecordInputSerializer(serializers.Serializer[Any]):
    idempotency_key = serializers.CharField(max_length=120)
    method = serializers.ChoiceField(choices=TILL_METHOD_CHOICES)
    amount = MoneyField(min_value=Decimal("0.01"))
    currency = serializers.CharField(min_length=3, max_length=3)
    provider_reference = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")


class CollectInputSerializer(serializers.Serializer[Any]):
    idempotency_key = serializers.CharField(max_length=100)
    currency = serializers.CharField(min_length=3, max_length=3)
    payments = PaymentInputSerializer(many=True)
    leave_balance = serializers.BooleanField(
        required=False, default=False, help_text="Pay less than the balance due, on purpose"
    )


class CollectOutputSerializer(serializers.Serializer[Any]):
    invoice = InvoiceSerializer()
    payments = PaymentSerializer(many=True)


class CourseBalanceSerializer(serializers.ModelSerializer[CourseBalance]):
    course_name = serializers.CharField(source="course.name", read_only=True)

    class Meta:
        model = CourseBalance
        fields = [
            "id",
            "patient",
            "course",
            "course_name",
            "sale_line",
            "sessions_total",
            "sessions_remaining",
            "expires_at",
            "status",
            "currency",
            "deferred_total",
            "deferred_remaining",
        ]
        read_only_fields = fields


class RedeemInputSerializer(serializers.Serializer[Any]):
    """What a session is taken for: a line of the patient's visit waiting at the till
    (``invoice_item_id``: the redemption then names the treatment session the line
    bills, and the line is priced at zero), or any other ``reference_type`` /
    ``reference_id`` (required without ``invoice_item_id``)."""

    invoice_item_id = serializers.UUIDField(
        required=False,
        allow_null=True,
        help_text="A treatment line of the patient's draft invoice (To collect)",
    )
    reference_type = serializers.CharField(max_length=64, required=False, allow_blank=True)
    reference_id = serializers.UUIDField(required=False, allow_null=True)
    service_id = serializers.UUIDField(
        required=False, allow_null=True, help_text="Which treatment of the course; default its first"
    )
    practitioner_id = serializers.UUIDField(
        required=False, allow_null=True, help_text="Who gives the session: a practitioner of this clinic"
    )


class RedemptionSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    balance = serializers.UUIDField(source="balance_id")
    service = serializers.UUIDField(source="service_id", allow_null=True)
    service_name = serializers.CharField(source="service.name", default="")
    practitioner = serializers.UUIDField(source="practitioner_id", allow_null=True)
    practitioner_name = serializers.CharField(source="practitioner.full_name", default="")
    reference_type = serializers.CharField()
    reference_id = serializers.UUIDField(allow_null=True)
    treatment_session = serializers.SerializerMethodField(
        help_text="The treatment session the session paid for (emr), when it paid one"
    )
    invoice = serializers.UUIDField(
        source="paid_invoice_id",
        default=None,
        allow_null=True,
        help_text="The visit's invoice it paid a line of",
    )
    recognized_amount = MoneyField()
    sessions_remaining = serializers.IntegerField(source="balance.sessions_remaining")
    created_at = serializers.DateTimeField()
    reversed_at = serializers.DateTimeField(allow_null=True, help_text="When the session was given back")

    def get_treatment_session(self, redemption: CourseRedemption) -> str | None:
        if redemption.reference_type == "emr.treatment_session" and redemption.reference_id is not None:
            return str(redemption.reference_id)
        return None


# Ledger -----------------------------------------------------------------------------


class JournalLineSerializer(serializers.ModelSerializer[JournalLine]):
    class Meta:
        model = JournalLine
        fields = ["account", "debit", "credit"]
        read_only_fields = fields


class JournalEntrySerializer(serializers.ModelSerializer[JournalEntry]):
    lines = JournalLineSerializer(many=True, read_only=True)

    class Meta:
        model = JournalEntry
        fields = ["id", "posted_at", "description", "currency", "reference_type", "reference_id", "lines"]
        read_only_fields = fields


class AccountTotalSerializer(serializers.Serializer[Any]):
    account = serializers.CharField()
    debit = MoneyField(max_digits=18)
    credit = MoneyField(max_digits=18)
    balance = MoneyField(max_digits=18, help_text="debit - credit")


class TrialBalanceSerializer(serializers.Serializer[Any]):
    currency = serializers.CharField()
    accounts = AccountTotalSerializer(many=True)
    total_debit = MoneyField(max_digits=18)
    total_credit = MoneyField(max_digits=18)
    total_balance = MoneyField(max_digits=18, help_text="Always 0.00")


class PeriodTotalSerializer(AccountTotalSerializer):
    period = serializers.CharField(help_text="YYYY-MM (UTC)")


class PeriodTotalsSerializer(serializers.Serializer[Any]):
    currency = serializers.CharField()
    periods = PeriodTotalSerializer(many=True, help_text="Per month and account, oldest first")


# To collect ---------------------------------------------------------------------------


class DraftItemSerializer(serializers.ModelSerializer[InvoiceItem]):
    """A drafted line: what was done (``service``), or a billable product used at it
    (``product``), by whom, at which price (zero when a course paid it)."""

    practitioner_name = serializers.SerializerMethodField()
    course_redemption = serializers.UUIDField(source="course_redemption_id", read_only=True, allow_null=True)

    class Meta:
        model = InvoiceItem
        fields = [
            "id",
            "position",
            "description",
            "service",
            "product",
            "practitioner",
            "practitioner_name",
            "quantity",
            "unit_price",
            "tax_amount",
            "total",
            "course_redemption",
        ]
        read_only_fields = fields

    def get_practitioner_name(self, item: InvoiceItem) -> str | None:
        return str(item.practitioner) if item.practitioner is not None else None


class DraftPaymentSerializer(serializers.ModelSerializer[Payment]):
    """What already paid part of a draft: a deposit taken at booking (``method``
    ``deposit``, ``reference`` the deposit invoice's number)."""

    method_label = serializers.CharField(source="get_method_display", read_only=True)
    reference = serializers.CharField(source="provider_reference", read_only=True)

    class Meta:
        model = Payment
        fields = ["id", "method", "method_label", "amount", "reference"]
        read_only_fields = fields


class DraftToCollectSerializer(serializers.ModelSerializer[Invoice]):
    """A completed visit's draft invoice waiting at the till, with its patient; what
    already paid part of it (``payments``: a deposit applied) and the ``balance_due``
    left to collect."""

    patient_name = serializers.SerializerMethodField()
    chart_number = serializers.CharField(source="patient.chart_number", read_only=True)
    items = DraftItemSerializer(many=True, read_only=True)
    payments = DraftPaymentSerializer(many=True, read_only=True)

    class Meta:
        model = Invoice
        fields = [
            "id",
            "patient",
            "patient_name",
            "chart_number",
            "currency",
            "subtotal",
            "tax_total",
            "total",
            "paid_total",
            "balance_due",
            "reference_type",
            "reference_id",
            "created_at",
            "items",
            "payments",
        ]
        read_only_fields = fields

    def get_patient_name(self, invoice: Invoice) -> str:
        return str(invoice.patient.profile) if invoice.patient is not None else ""


class PaymentWebhookInputSerializer(serializers.Serializer[Any]):
    """What the card gateway sends (``commerce.payment_providers.HttpCardProvider``)."""

    id = serializers.CharField(max_length=200, help_text="The gateway's event id")
    reference = serializers.CharField(max_length=120, help_text="Our payment id, sent with the charge")
    status = serializers.ChoiceField(choices=[("succeeded", "succeeded"), ("failed", "failed")])


class PaymentWebhookSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    status = serializers.CharField()
