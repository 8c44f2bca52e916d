"""Writes of the commerce context, one module per area; the public functions are
re-exported here (``from commerce.services import stock_consume``)."""

from commerce.services.courses import (
    course_balance_redeem,
    course_balances_expire,
    course_redemption_reverse,
)
from commerce.services.erasure import patient_free_text_erase
from commerce.services.invoices import (
    PAYMENT_SUBJECT,
    invoice_draft_from_services,
    invoices_mark_overdue,
    payment_record,
)
from commerce.services.refunds import sale_refund, sale_void
from commerce.services.sales import CartLine, PaymentInput, sale_checkout, sale_quote
from commerce.services.shared import settings_for
from commerce.services.stock import (
    stock_adjust,
    stock_consume,
    stock_receive,
    stock_return,
    stock_transfer,
)

__all__ = [
    "PAYMENT_SUBJECT",
    "CartLine",
    "PaymentInput",
    "course_balance_redeem",
    "course_balances_expire",
    "course_redemption_reverse",
    "invoice_draft_from_services",
    "invoices_mark_overdue",
    "patient_free_text_erase",
    "payment_record",
    "sale_checkout",
    "sale_quote",
    "sale_refund",
    "sale_void",
    "settings_for",
    "stock_adjust",
    "stock_consume",
    "stock_receive",
    "stock_return",
    "stock_transfer",
]
