"""Input and output shapes of the commerce API. Money is a decimal string with its ISO
4217 currency; quantities are decimal strings in the item's unit."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from rest_framework import serializers

from catalog.models import Product
from catalog.serializers import QuantityField
from commerce.models import (
    CommerceSettings,
    CourseBalance,
    Invoice,
    InvoiceItem,
    JournalEntry,
    JournalLine,
    Payment,
    Sale,
    SaleLine,
    SaleLineCredit,
    StockLot,
    StockMovement,
)
from commerce.pricing import currency_digits
from core.fields import MoneyField

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
    reason = serializers.CharField(max_length=200)


class TransferInputSerializer(serializers.Serializer[Any]):
    quantity = QuantityField(min_value=Decimal("0.001"))
    to_clinic_id = serializers.UUIDField()
    to_product_id = serializers.UUIDField()


class MovementSerializer(serializers.ModelSerializer[StockMovement]):
    """A stock movement. Which patient received the lot, and in which session or sale
    line (``patient``, ``reference_type``, ``reference_id``), is lot-traceability data:
    shown only when the context says the caller may see it (``lot_trace``: the
    ``stock.recall`` permission, the one rule for every route that says who received a
    lot); otherwise null/empty. Fails closed: no context, no trace."""

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

    class Meta:
        model = Product
        fields = ["id", "name", "unit", "low_stock_threshold", "usable"]
        read_only_fields = fields


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


class CreditSerializer(serializers.ModelSerializer[SaleLineCredit]):
    class Meta:
        model = SaleLineCredit
        fields = ["practitioner", "share"]


class SaleLineSerializer(serializers.ModelSerializer[SaleLine]):
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


class SaleSerializer(serializers.ModelSerializer[Sale]):
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
    method = serializers.ChoiceField(choices=Payment.Method.choices)
    amount = MoneyField(min_value=Decimal("0.01"))
    provider_reference = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")


class QuoteInputSerializer(serializers.Serializer[Any]):
    patient_id = serializers.UUIDField(required=False, allow_null=True)
    currency = serializers.CharField(min_length=3, max_length=3, required=False)
    cart_discount = MoneyField(min_value=Decimal(0), required=False, default=Decimal(0))
    lines = CartLineInput(many=True)


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
        ]
        read_only_fields = fields

    def get_currency_digits(self, row: CommerceSettings) -> int:
        return currency_digits(row.clinic.currency)


class CheckoutInputSerializer(QuoteInputSerializer):
    idempotency_key = serializers.CharField(
        max_length=100, required=False, help_text="Or the Idempotency-Key header; one of them is required"
    )
    invoice_id = serializers.UUIDField(
        required=False, allow_null=True, help_text="A draft invoice to check out"
    )
    payments = PaymentInputSerializer(many=True, required=False, default=list)


class RefundLineInput(serializers.Serializer[Any]):
    sale_line_id = serializers.UUIDField()
    quantity = QuantityField(min_value=Decimal("0.001"))


class RefundInputSerializer(serializers.Serializer[Any]):
    idempotency_key = serializers.CharField(max_length=100)
    reason = serializers.CharField(max_length=500)
    method = serializers.ChoiceField(choices=Payment.Method.choices)
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


class InvoiceSerializer(serializers.ModelSerializer[Invoice]):
    items = InvoiceItemSerializer(many=True, read_only=True)

    class Meta:
        model = Invoice
        fields = [
            "id",
            "number",
            "sale",
            "patient",
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
            "items",
        ]
        read_only_fields = fields


class PaymentSerializer(serializers.ModelSerializer[Payment]):
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
            "provider_reference",
            "received_at",
            "created_by",
        ]
        read_only_fields = fields


class PaymentRecordInputSerializer(serializers.Serializer[Any]):
    idempotency_key = serializers.CharField(max_length=120)
    method = serializers.ChoiceField(choices=Payment.Method.choices)
    amount = MoneyField(min_value=Decimal("0.01"))
    currency = serializers.CharField(min_length=3, max_length=3)
    provider_reference = serializers.CharField(max_length=120, required=False, allow_blank=True, default="")


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
    reference_type = serializers.CharField(max_length=64)
    reference_id = serializers.UUIDField(allow_null=True)
    service_id = serializers.UUIDField(required=False, allow_null=True)


class RedemptionSerializer(serializers.Serializer[Any]):
    id = serializers.UUIDField()
    balance = serializers.UUIDField(source="balance_id")
    service = serializers.UUIDField(source="service_id", allow_null=True)
    reference_type = serializers.CharField()
    reference_id = serializers.UUIDField(allow_null=True)
    recognized_amount = MoneyField()
    sessions_remaining = serializers.IntegerField(source="balance.sessions_remaining")


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
