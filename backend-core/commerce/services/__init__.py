"""Writes of the commerce context, one module per area; the public functions are
re-exported here (``from commerce.services import stock_consume``)."""

from commerce.services.card_payments import card_charges_resend, payment_webhook_apply, payments_pending_total
from commerce.services.courses import (
    course_balance_redeem,
    course_balances_expire,
    course_redemption_reverse,
    course_redemption_undo,
)
from commerce.services.deposits import deposit_release, deposit_take
from commerce.services.erasure import patient_free_text_erase
from commerce.services.invoice_delivery import (
    destination_mask,
    invoice_by_link_token,
    invoice_destinations,
    invoice_send,
)
from commerce.services.invoices import (
    PAYMENT_SUBJECT,
    invoice_draft_from_services,
    invoice_item_course_redeem,
    invoice_payments_record,
    invoices_mark_overdue,
    payment_record,
)
from commerce.services.payment_settings import (
    PaymentQr,
    accepted_methods,
    payment_qr,
    payment_settings_update,
)
from commerce.services.purchasing import (
    Delivery,
    OrderLine,
    purchase_order_cancel,
    purchase_order_create,
    purchase_order_receive,
    purchase_order_send,
    supplier_create,
    supplier_item_create,
    supplier_item_delete,
    supplier_item_update,
    supplier_tax_id_normalize,
    supplier_update,
)
from commerce.services.refunds import sale_refund, sale_void
from commerce.services.sales import CartLine, PaymentInput, sale_checkout, sale_quote
from commerce.services.shared import settings_for
from commerce.services.stock import (
    CountLine,
    stock_adjust,
    stock_consume,
    stock_receive,
    stock_return,
    stock_take_commit,
    stock_transfer,
    stock_use,
)
from commerce.services.tax_settings import tax_settings_update

__all__ = [
    "PAYMENT_SUBJECT",
    "CartLine",
    "CountLine",
    "Delivery",
    "OrderLine",
    "PaymentInput",
    "PaymentQr",
    "accepted_methods",
    "card_charges_resend",
    "course_balance_redeem",
    "course_balances_expire",
    "course_redemption_reverse",
    "course_redemption_undo",
    "deposit_release",
    "deposit_take",
    "destination_mask",
    "invoice_by_link_token",
    "invoice_destinations",
    "invoice_draft_from_services",
    "invoice_item_course_redeem",
    "invoice_payments_record",
    "invoice_send",
    "invoices_mark_overdue",
    "patient_free_text_erase",
    "payment_qr",
    "payment_record",
    "payment_settings_update",
    "payment_webhook_apply",
    "payments_pending_total",
    "purchase_order_cancel",
    "purchase_order_create",
    "purchase_order_receive",
    "purchase_order_send",
    "sale_checkout",
    "sale_quote",
    "sale_refund",
    "sale_void",
    "settings_for",
    "stock_adjust",
    "stock_consume",
    "stock_receive",
    "stock_return",
    "stock_take_commit",
    "stock_transfer",
    "stock_use",
    "supplier_create",
    "supplier_item_create",
    "supplier_item_delete",
    "supplier_item_update",
    "supplier_tax_id_normalize",
    "supplier_update",
    "tax_settings_update",
]
