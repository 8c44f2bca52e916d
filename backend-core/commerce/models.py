"""Stock, sales, invoices, payments, course balances and the ledger of a clinic; what is
sold (services, products, courses) is ``catalog.models``."""

from __future__ import annotations

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalog.models import Course, Product, Service
from core.models import ClinicScopedModel


class CommerceSettings(ClinicScopedModel):
    """A clinic's tax configuration, document counters and payment settings (one row
    per clinic).

    Taxes are percentages per line kind, all ``inclusive`` (prices already contain the
    tax, as Thai VAT-inclusive shelf prices) or all exclusive (tax added on top, as
    Brazilian ISS on services). A zero rate means no tax. Sale and invoice numbers are
    gapless per clinic: the counters are taken under a row lock in the checkout
    transaction, so a rolled-back checkout consumes no number."""

    class DepositNoShow(models.TextChoices):
        FORFEIT = "forfeit", _("Keep as a no-show fee")
        REFUND = "refund", _("Refund")

    tax_label = models.CharField(max_length=20, default="VAT")
    service_tax_rate = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(0))
    product_tax_rate = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(0))
    course_tax_rate = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(0))
    tax_inclusive = models.BooleanField(default=False)
    invoice_due_days = models.PositiveSmallIntegerField(default=0)
    # Product-only sales to a customer who is not registered (a walk-in buying a serum).
    walk_in_retail = models.BooleanField(default=False)
    next_sale_number = models.PositiveIntegerField(default=1)
    next_invoice_number = models.PositiveIntegerField(default=1)
    # Payment methods the clinic accepts (``Payment.Method`` values, in the order the
    # till offers them); empty means its country's defaults (commerce.payment_methods).
    payment_methods = models.JSONField(default=list, blank=True)
    # Where QR payments go: a PromptPay ID (Thai mobile as ten digits or 13-digit tax ID)
    # and a Pix key (CPF/CNPJ digits, e-mail, +55 phone or random key), with the city a
    # BR Code prints (EMV tag 60, at most 15 characters). Blank: no QR for that method.
    promptpay_id = models.CharField(max_length=13, blank=True)
    pix_key = models.CharField(max_length=77, blank=True)
    merchant_city = models.CharField(max_length=15, blank=True)
    # What happens to a paid deposit when the patient does not come or cancels within
    # the clinic's late-cancellation window: kept as a no-show fee, or given back. A
    # cancellation in time is always refunded.
    deposit_no_show = models.CharField(max_length=10, choices=DepositNoShow.choices, default="forfeit")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["clinic"], name="commerce_settings_one_per_clinic")]


class StockLot(ClinicScopedModel):
    """One manufacturer lot of a product held by the clinic. ``quantity_on_hand`` is the
    sum of the lot's movements, kept by ``stock_movement_write`` (the one writer) under
    a row lock; the database refuses a negative value. ``unit_cost`` (clinic currency)
    values inventory and cost of goods."""

    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="lots")
    lot_number = models.CharField(max_length=64)
    expiry_date = models.DateField()
    registration_number = models.CharField(max_length=50, blank=True)
    unit_cost = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    received_at = models.DateTimeField()
    quantity_on_hand = models.DecimalField(
        max_digits=12, decimal_places=3, default=Decimal(0), editable=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "product", "lot_number"], name="stock_lot_unique_number"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity_on_hand__gte=0), name="stock_lot_never_negative"
            ),
            models.CheckConstraint(condition=models.Q(unit_cost__gte=0), name="stock_lot_cost_not_negative"),
        ]
        indexes = [models.Index(fields=["clinic", "product", "expiry_date"], name="stock_lot_fefo")]

    def __str__(self) -> str:
        return f"{self.product} lot {self.lot_number}"


class StockMovement(ClinicScopedModel):
    """One line of the stock ledger: ``quantity`` is signed (in the product's unit), +in
    and -out. ``reference_type``/``reference_id`` name what caused it (for example
    ``"emr.treatment_session"`` or ``"commerce.sale_line"``); ``patient`` is who received
    it, which is what a recall reads."""

    class Kind(models.TextChoices):
        RECEIVE = "receive", _("Received")
        CONSUME = "consume", _("Consumed in treatment")
        ADJUST = "adjust", _("Adjustment")
        TRANSFER_IN = "transfer_in", _("Transfer in")
        TRANSFER_OUT = "transfer_out", _("Transfer out")
        RETURN = "return", _("Returned")
        SALE = "sale", _("Sold")

    class AdjustmentReason(models.TextChoices):
        DAMAGED = "damaged", _("Damaged")
        EXPIRED = "expired", _("Expired")
        COUNT = "count", _("Count correction")
        OTHER = "other", _("Other")

    lot = models.ForeignKey(StockLot, on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    quantity = models.DecimalField(max_digits=12, decimal_places=3)
    patient = models.ForeignKey(
        "patients.ClinicPatient", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reference_type = models.CharField(max_length=64, blank=True)
    reference_id = models.UUIDField(null=True, blank=True)
    reason = models.CharField(max_length=200, blank=True)
    # Why an adjustment changed the count (blank for every other kind).
    adjustment_reason = models.CharField(max_length=10, choices=AdjustmentReason.choices, blank=True)
    actor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.CheckConstraint(condition=~models.Q(quantity=0), name="stock_movement_not_zero")
        ]
        indexes = [
            models.Index(fields=["clinic", "lot", "created_at"], name="stock_movement_by_lot"),
            models.Index(fields=["clinic", "reference_type", "reference_id"], name="stock_movement_by_ref"),
        ]


class Supplier(ClinicScopedModel):
    """Who the clinic buys stock from. ``tax_id`` is stored compact (digits) and checked
    with the clinic country's rule where it has one (CNPJ in Brazil, the 13-digit tax
    identification number in Thailand); ``lead_time_days`` is how long an order
    usually takes to arrive, which the reorder suggestion covers."""

    name = models.CharField(max_length=200)
    contact_name = models.CharField(max_length=200, blank=True)
    phone = models.CharField(max_length=32, blank=True)
    email = models.EmailField(blank=True)
    tax_id = models.CharField(max_length=32, blank=True)
    lead_time_days = models.PositiveSmallIntegerField(default=7, validators=[MaxValueValidator(365)])
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "name"], name="supplier_unique_name_per_clinic")
        ]

    def __str__(self) -> str:
        return self.name


class SupplierItem(ClinicScopedModel):
    """A product a supplier sells to the clinic: their code for it (``supplier_sku``),
    the pack it comes in (``pack_size``, in the product's unit: a box of 10 syringes is
    10), the last unit cost paid (per unit of the product, in the clinic's currency) and
    whether this is the supplier to order the product from (``is_preferred``: at most
    one per product). Lives in commerce because the catalog, a lower layer, does not
    know suppliers."""

    supplier = models.ForeignKey(Supplier, on_delete=models.CASCADE, related_name="items")
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="+")
    supplier_sku = models.CharField(max_length=64, blank=True)
    pack_size = models.DecimalField(
        max_digits=12, decimal_places=3, default=Decimal(1), validators=[MinValueValidator(Decimal("0.001"))]
    )
    last_unit_cost = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal(0))]
    )
    is_preferred = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["supplier", "product"], name="supplier_item_unique_product"),
            models.UniqueConstraint(
                fields=["clinic", "product"],
                condition=models.Q(is_preferred=True),
                name="supplier_item_one_preferred",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "product"], name="supplier_item_by_product")]

    def __str__(self) -> str:
        return f"{self.supplier_id}:{self.product_id}"


class PurchaseOrder(ClinicScopedModel):
    """An order of stock to a supplier: ``draft`` (lines still editable) → ``sent`` →
    ``partially_received`` → ``received``; ``cancelled`` from draft or sent. Receiving
    creates stock lots through ``stock_receive``; ``number`` is per clinic (PO-000001)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent")
        PARTIALLY_RECEIVED = "partially_received", _("Partially received")
        RECEIVED = "received", _("Received")
        CANCELLED = "cancelled", _("Cancelled")

    number = models.CharField(max_length=20)
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="orders")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    currency = models.CharField(max_length=3)
    expected_on = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "number"], name="purchase_order_unique_number")
        ]
        indexes = [models.Index(fields=["clinic", "status", "created_at"], name="purchase_order_by_status")]


class PurchaseOrderLine(ClinicScopedModel):
    """A product ordered: ``quantity`` in the product's unit at ``unit_cost`` (order
    currency); ``quantity_received`` grows with each receipt, never past ``quantity``."""

    order = models.ForeignKey(PurchaseOrder, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    quantity = models.DecimalField(max_digits=12, decimal_places=3)
    unit_cost = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    quantity_received = models.DecimalField(max_digits=12, decimal_places=3, default=Decimal(0))

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quantity__gt=0), name="purchase_line_quantity_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(unit_cost__gte=0), name="purchase_line_cost_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(quantity_received__gte=0, quantity_received__lte=models.F("quantity")),
                name="purchase_line_received_within_ordered",
            ),
        ]


class Sale(ClinicScopedModel):
    """A POS transaction. Amounts are in ``currency`` (the clinic's); the arithmetic is
    ``commerce.pricing``. ``idempotency_key`` is unique per clinic: a retried checkout
    returns this sale."""

    class Status(models.TextChoices):
        COMPLETED = "completed", _("Completed")
        PARTIALLY_REFUNDED = "partially_refunded", _("Partially refunded")
        REFUNDED = "refunded", _("Refunded")
        VOID = "void", _("Void")

    number = models.CharField(max_length=20, blank=True)  # given at the end of checkout
    patient = models.ForeignKey(
        "patients.ClinicPatient", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.COMPLETED)
    currency = models.CharField(max_length=3)
    subtotal = models.DecimalField(max_digits=12, decimal_places=2)
    discount_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    cart_discount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    tax_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    total = models.DecimalField(max_digits=12, decimal_places=2)
    tax_inclusive = models.BooleanField(default=False)
    idempotency_key = models.CharField(max_length=100)
    # SHA-256 of the checkout request: a key reused for another cart is refused.
    request_fingerprint = models.CharField(max_length=64, default="", editable=False)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    voided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "idempotency_key"], name="sale_idempotency_key_unique"),
            models.UniqueConstraint(
                fields=["clinic", "number"], condition=~models.Q(number=""), name="sale_number_unique"
            ),
            models.CheckConstraint(condition=models.Q(total__gte=0), name="sale_total_not_negative"),
        ]
        indexes = [models.Index(fields=["clinic", "-created_at"], name="sale_recent")]

    def __str__(self) -> str:
        return self.number


class SaleLine(ClinicScopedModel):
    """One cart line. ``net_amount`` is the amount after line and cart discounts and
    EXCLUDING tax (the commission basis); ``total = net_amount + tax_amount``."""

    class Kind(models.TextChoices):
        SERVICE = "service", _("Service")
        PRODUCT = "product", _("Product")
        COURSE = "course", _("Course")

    sale = models.ForeignKey(Sale, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    description = models.CharField(max_length=200)
    quantity = models.DecimalField(max_digits=12, decimal_places=3)
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    line_discount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    cart_discount_share = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    net_amount = models.DecimalField(max_digits=12, decimal_places=2)
    tax_rate = models.DecimalField(max_digits=5, decimal_places=2, default=Decimal(0))
    tax_amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    total = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["sale", "position"], name="sale_line_unique_position"),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="service", service__isnull=False, product__isnull=True, course__isnull=True)
                    | models.Q(
                        kind="product", service__isnull=True, product__isnull=False, course__isnull=True
                    )
                    | models.Q(
                        kind="course", service__isnull=True, product__isnull=True, course__isnull=False
                    )
                ),
                name="sale_line_item_matches_kind",
            ),
            models.CheckConstraint(condition=models.Q(quantity__gt=0), name="sale_line_quantity_positive"),
            models.CheckConstraint(condition=models.Q(net_amount__gte=0), name="sale_line_net_not_negative"),
        ]


class SaleLineCredit(ClinicScopedModel):
    """A practitioner credited for a line, with ``share`` percent of it; the shares of a
    line sum to 100 (enforced by ``sale_checkout``)."""

    sale_line = models.ForeignKey(SaleLine, on_delete=models.CASCADE, related_name="credits")
    practitioner = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    share = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(100)],
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sale_line", "practitioner"], name="sale_line_credit_unique"),
            models.CheckConstraint(
                condition=models.Q(share__gt=0, share__lte=100), name="sale_line_credit_share_range"
            ),
        ]


class CourseBalance(ClinicScopedModel):
    """A patient's remaining sessions of a bought course (the seed's ``UserCourseBalance``).

    ``sessions_remaining`` never goes below zero: the database refuses it and
    ``course_balance_redeem`` decrements it with a conditional UPDATE. ``deferred_amount``
    is the course's net price still held as deferred revenue; each redemption recognises
    ``deferred_total / sessions_total`` (the last one the remainder)."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        USED_UP = "used_up", _("Used up")
        EXPIRED = "expired", _("Expired")
        VOID = "void", _("Void")
        REFUNDED = "refunded", _("Refunded")

    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="+")
    sale_line = models.ForeignKey(SaleLine, on_delete=models.PROTECT, related_name="course_balances")
    sessions_total = models.PositiveSmallIntegerField()
    sessions_remaining = models.SmallIntegerField()
    expires_at = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    currency = models.CharField(max_length=3)
    deferred_total = models.DecimalField(max_digits=12, decimal_places=2)
    deferred_remaining = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sessions_remaining__gte=0), name="course_balance_never_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(sessions_remaining__lte=models.F("sessions_total")),
                name="course_balance_within_total",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "patient", "status"], name="course_balance_by_patient")]


class CourseRedemption(ClinicScopedModel):
    """One session taken from a balance; ``reversed_at`` is set when it is given back.
    ``course_balance_redeem`` records the ``com.aesthetix.course_balance.deducted`` outbox event
    with each new row."""

    balance = models.ForeignKey(CourseBalance, on_delete=models.PROTECT, related_name="redemptions")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # Who gave the session (null: not recorded, as for redemptions made before it was).
    practitioner = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reference_type = models.CharField(max_length=64, blank=True)
    reference_id = models.UUIDField(null=True, blank=True)
    recognized_amount = models.DecimalField(max_digits=12, decimal_places=2)
    actor = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    reversed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["balance", "reference_type", "reference_id"],
                condition=models.Q(reversed_at__isnull=True, reference_id__isnull=False),
                name="course_redemption_once_per_reference",
            )
        ]


# What a notification about an invoice names as its ``subject_type`` (the id: the invoice's).
INVOICE_SUBJECT = "commerce.Invoice"


class Invoice(ClinicScopedModel):
    """The bill of a sale (or a draft from a completed visit). Amounts in ``currency``.
    ``balance_due = total - refunded_total - paid_total`` where ``paid_total`` is the
    sum of succeeded payments (refund payments are negative)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENT = "sent", _("Sent")
        PARTIALLY_PAID = "partially_paid", _("Partially paid")
        PAID = "paid", _("Paid")
        OVERDUE = "overdue", _("Overdue")
        VOID = "void", _("Void")

    number = models.CharField(max_length=20, blank=True)
    sale = models.OneToOneField(Sale, on_delete=models.PROTECT, null=True, blank=True, related_name="invoice")
    patient = models.ForeignKey(
        "patients.ClinicPatient", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    currency = models.CharField(max_length=3)
    subtotal = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    discount_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    tax_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    paid_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    refunded_total = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    balance_due = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    issued_at = models.DateTimeField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    reference_type = models.CharField(max_length=64, blank=True)
    reference_id = models.UUIDField(null=True, blank=True)
    # None: written with no staff member, for the patient in the portal (an online deposit).
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "number"], condition=~models.Q(number=""), name="invoice_number_unique"
            ),
            models.UniqueConstraint(
                fields=["clinic", "reference_type", "reference_id"],
                condition=models.Q(reference_id__isnull=False),
                name="invoice_one_per_reference",
            ),
            # Equality within half a minor unit: exact on PostgreSQL's numeric, and safe
            # on SQLite, which evaluates decimal arithmetic in binary floating point.
            models.CheckConstraint(
                condition=models.Q(
                    balance_due__gte=models.F("total")
                    - models.F("refunded_total")
                    - models.F("paid_total")
                    - Decimal("0.005"),
                    balance_due__lte=models.F("total")
                    - models.F("refunded_total")
                    - models.F("paid_total")
                    + Decimal("0.005"),
                ),
                name="invoice_balance_due_consistent",
            ),
        ]
        indexes = [models.Index(fields=["clinic", "status", "due_date"], name="invoice_by_status_due")]

    def __str__(self) -> str:
        return self.number or str(self.pk)


class InvoiceItem(ClinicScopedModel):
    """A printed line of an invoice (mirrors a sale line, or on a draft a performed
    service or a billable product used at the visit)."""

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField()
    sale_line = models.OneToOneField(
        SaleLine, on_delete=models.PROTECT, null=True, blank=True, related_name="invoice_item"
    )
    service = models.ForeignKey(Service, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    # A product line (on a draft: a billable product used at the visit, whose stock was
    # taken then).
    product = models.ForeignKey(Product, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    practitioner = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description = models.CharField(max_length=200)
    quantity = models.DecimalField(max_digits=12, decimal_places=3)
    unit_price = models.DecimalField(max_digits=12, decimal_places=2)
    discount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    tax_amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    total = models.DecimalField(max_digits=12, decimal_places=2)
    # A session paid from a prepaid course: the line is priced at zero and names the
    # redemption that paid it (the revenue was recognised by the redemption).
    course_redemption = models.ForeignKey(
        "commerce.CourseRedemption", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # The treatment session (``emr.treatment_session``) a visit's service line bills: a
    # course session redeemed for the line at the till names it.
    treatment_session_id = models.UUIDField(null=True, blank=True)

    class Meta:
        ordering = ["position"]


class Refund(ClinicScopedModel):
    """Money given back for (part of) a sale; ``amount`` is positive, the matching
    ``Payment`` is negative."""

    sale = models.ForeignKey(Sale, on_delete=models.PROTECT, related_name="refunds")
    amount = models.DecimalField(
        max_digits=12, decimal_places=2, validators=[MinValueValidator(Decimal("0.01"))]
    )
    reason = models.CharField(max_length=500)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    idempotency_key = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "idempotency_key"], name="refund_idempotency_key_unique"
            ),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="refund_amount_positive"),
        ]


class RefundLine(ClinicScopedModel):
    """``quantity`` of a sale line given back, worth ``amount`` (tax included) of which
    ``net_amount`` excludes tax."""

    refund = models.ForeignKey(Refund, on_delete=models.CASCADE, related_name="lines")
    sale_line = models.ForeignKey(SaleLine, on_delete=models.PROTECT, related_name="refund_lines")
    quantity = models.DecimalField(max_digits=12, decimal_places=3)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    net_amount = models.DecimalField(max_digits=12, decimal_places=2)
    tax_amount = models.DecimalField(max_digits=12, decimal_places=2)


class Payment(ClinicScopedModel):
    """Money received for (positive) or returned from (negative) an invoice."""

    class Method(models.TextChoices):
        CASH = "cash", _("Cash")
        CARD = "card", _("Card")
        BANK_TRANSFER = "bank_transfer", _("Bank transfer")
        PROMPTPAY = "promptpay", _("PromptPay")
        PIX = "pix", _("Pix")
        # Not a way to pay at the till: a paid deposit applied to the visit's invoice.
        DEPOSIT = "deposit", _("Deposit applied")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")
        REFUNDED = "refunded", _("Refunded")

    class FailureCode(models.TextChoices):
        """Why a card payment failed (blank otherwise): the till words it for the cashier."""

        DECLINED = "declined", _("The card was declined")
        PROVIDER_REFUSED = "provider_refused", _("The card payment provider refused the charge")

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="payments")
    refund = models.OneToOneField(
        Refund, on_delete=models.PROTECT, null=True, blank=True, related_name="payment"
    )
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    method = models.CharField(max_length=20, choices=Method.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SUCCEEDED)
    provider_reference = models.CharField(max_length=120, blank=True)
    failure_code = models.CharField(max_length=32, choices=FailureCode.choices, blank=True)
    idempotency_key = models.CharField(max_length=120)
    received_at = models.DateTimeField()
    # None: written with no staff member, for the patient in the portal (an online deposit).
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "idempotency_key"], name="payment_idempotency_key_unique"
            ),
            models.CheckConstraint(condition=~models.Q(amount=0), name="payment_amount_not_zero"),
        ]
        indexes = [models.Index(fields=["clinic", "invoice", "status"], name="payment_by_invoice")]


class Deposit(ClinicScopedModel):
    """The deposit taken for a booked appointment whose treatment asks for one
    (``Service.deposit_kind``). ``appointment_id`` names the appointment (scheduling's;
    commerce does not import it). The money is held on its own invoice (``invoice``,
    reference ``commerce.deposit``) as customer deposits, a liability, until the deposit
    is ``applied`` to the visit's invoice (``applied_invoice``, ``applied_amount``),
    ``refunded`` or ``forfeited`` as a no-show fee (revenue). ``amount`` is what was
    asked, in ``currency``; what was received is the invoice's ``paid_total``."""

    class Status(models.TextChoices):
        OPEN = "open", _("Held")
        APPLIED = "applied", _("Applied")
        REFUNDED = "refunded", _("Refunded")
        FORFEITED = "forfeited", _("Forfeited")

    appointment_id = models.UUIDField()
    patient = models.ForeignKey("patients.ClinicPatient", on_delete=models.PROTECT, related_name="+")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    currency = models.CharField(max_length=3)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    invoice = models.OneToOneField(Invoice, on_delete=models.PROTECT, related_name="deposit")
    applied_invoice = models.ForeignKey(
        Invoice, on_delete=models.PROTECT, null=True, blank=True, related_name="deposits_applied"
    )
    applied_amount = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    settled_at = models.DateTimeField(null=True, blank=True)
    # None: written with no staff member, for the patient in the portal (an online deposit).
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["clinic", "appointment_id"], name="deposit_one_per_appointment"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="deposit_amount_positive"),
        ]


class JournalEntry(ClinicScopedModel):
    """A balanced double-entry posting (sum of debits = sum of credits, enforced by
    ``commerce.ledger.journal_entry_post``, the only writer). Amounts in ``currency``."""

    posted_at = models.DateTimeField()
    description = models.CharField(max_length=200)
    currency = models.CharField(max_length=3)
    reference_type = models.CharField(max_length=64)
    reference_id = models.UUIDField()

    class Meta:
        indexes = [
            models.Index(fields=["clinic", "posted_at"], name="journal_entry_by_time"),
            models.Index(fields=["clinic", "reference_type", "reference_id"], name="journal_entry_by_ref"),
        ]


class JournalLine(ClinicScopedModel):
    """One side of a posting on an ``account`` code (``commerce.ledger.Account``)."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.CASCADE, related_name="lines")
    account = models.CharField(max_length=64)
    debit = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))
    credit = models.DecimalField(max_digits=12, decimal_places=2, default=Decimal(0))

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(debit__gt=0, credit=0) | models.Q(debit=0, credit__gt=0)),
                name="journal_line_one_side_positive",
            )
        ]
        indexes = [models.Index(fields=["clinic", "account"], name="journal_line_by_account")]
