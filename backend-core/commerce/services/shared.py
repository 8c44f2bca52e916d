"""What several commerce service modules share: the clinic's commerce settings, the
status of an invoice, the reference of a sale line in the stock ledger, the audit
trail's name for a sale and the revenue account a sale line posts to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from commerce import ledger
from commerce.models import CommerceSettings, Invoice, SaleLine
from commerce.payment_methods import methods_default

if TYPE_CHECKING:
    from accounts.models import Clinic


InvoiceStatus = Invoice.Status
SALE_LINE_REF = "commerce.sale_line"
# ``object_type`` of a sale's audit events (``sale.completed``, ``sale.refunded``, ``sale.voided``).
SALE_OBJECT_TYPE = "commerce.Sale"


def settings_for(clinic: Clinic) -> CommerceSettings:
    """The clinic's commerce settings (created on first use with no tax and the payment
    methods of its country)."""
    row, _created = CommerceSettings.unscoped.get_or_create(
        clinic=clinic, defaults={"payment_methods": methods_default(clinic.country)}
    )
    return row


def revenue_account(line: SaleLine) -> str:
    if line.service is not None:
        return ledger.revenue_account(line.service.category)
    if line.kind == SaleLine.Kind.PRODUCT:
        return ledger.REVENUE_RETAIL
    return ledger.DEFERRED_REVENUE
