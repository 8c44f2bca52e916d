"""Double-entry ledger: the chart of accounts and the one writer of journal entries.

Accounts are codes (``JournalLine.account``):

=========================  =========================================================
``cash``                   cash drawer
``card_clearing``          card payments awaiting settlement by the acquirer
``bank``                   bank transfers, PromptPay, Pix
``accounts_receivable``    invoiced, not yet paid
``revenue:<category>``     treatment revenue per ``Service.Category``
``revenue:retail``         product sales
``deferred_revenue``       sold courses not yet redeemed (a liability)
``customer_deposits``      appointment deposits received, not yet applied (a liability)
``revenue:no_show_fee``    deposits kept when the patient did not come
``revenue:course_breakage`` sessions of courses that expired unused
``tax_payable``            VAT / ISS collected
``inventory``              stock at cost
``cogs``                   cost of goods sold or consumed in treatments
``accounts_payable``       stock received, owed to suppliers
``interclinic``            stock transferred between clinics of one organization
=========================  =========================================================

Debits are positive on assets/expenses; the trial balance sums ``debit - credit`` per
account and the grand total is zero because every entry balances.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext as _

from commerce.models import JournalEntry, JournalLine
from core.exceptions import ValidationFailed

if TYPE_CHECKING:
    from accounts.models import Clinic

CASH = "cash"
CARD_CLEARING = "card_clearing"
BANK = "bank"
ACCOUNTS_RECEIVABLE = "accounts_receivable"
REVENUE_RETAIL = "revenue:retail"
DEFERRED_REVENUE = "deferred_revenue"
REVENUE_BREAKAGE = "revenue:course_breakage"
CUSTOMER_DEPOSITS = "customer_deposits"
REVENUE_NO_SHOW_FEE = "revenue:no_show_fee"
TAX_PAYABLE = "tax_payable"
INVENTORY = "inventory"
COGS = "cogs"
ACCOUNTS_PAYABLE = "accounts_payable"
INTERCLINIC = "interclinic"

PAYMENT_ACCOUNTS = {
    "cash": CASH,
    "card": CARD_CLEARING,
    "bank_transfer": BANK,
    "promptpay": BANK,
    "pix": BANK,
    "deposit": CUSTOMER_DEPOSITS,  # a deposit applied to an invoice pays it from the liability
}


def revenue_account(category: str) -> str:
    """Revenue account of a treatment category (``revenue:laser``)."""
    return f"revenue:{category}"


Posting = tuple[str, Decimal, Decimal]  # (account, debit, credit)


def journal_entry_post(
    *,
    clinic: Clinic,
    description: str,
    currency: str,
    reference_type: str,
    reference_id: uuid.UUID,
    postings: Iterable[Posting],
    posted_at: dt.datetime | None = None,
) -> JournalEntry | None:
    """Write one balanced entry; the only writer of ``JournalEntry``/``JournalLine``.

    ``postings`` are ``(account, debit, credit)``; a posting with a negative amount is
    turned to the other side, zero postings are dropped, and postings on the same
    account and side are merged. Raises ``ValidationFailed`` (``postings``) when debits
    and credits differ. Returns ``None`` when nothing remains to post."""
    merged: dict[tuple[str, str], Decimal] = {}
    for account, debit, credit in postings:
        amount = debit - credit
        if amount == 0:
            continue
        side = "debit" if amount > 0 else "credit"
        merged[(account, side)] = merged.get((account, side), Decimal(0)) + abs(amount)
    debits = sum((v for (_a, side), v in merged.items() if side == "debit"), Decimal(0))
    credits = sum((v for (_a, side), v in merged.items() if side == "credit"), Decimal(0))
    if debits != credits:
        raise ValidationFailed(
            errors={
                "postings": [_("Debits (%(d)s) and credits (%(c)s) differ.") % {"d": debits, "c": credits}]
            }
        )
    if not merged:
        return None
    entry = JournalEntry.objects.create(
        clinic=clinic,
        posted_at=posted_at or timezone.now(),
        description=description[:200],
        currency=currency,
        reference_type=reference_type,
        reference_id=reference_id,
    )
    JournalLine.objects.bulk_create(
        [
            JournalLine(
                clinic=clinic,
                entry=entry,
                account=account,
                debit=amount if side == "debit" else Decimal(0),
                credit=amount if side == "credit" else Decimal(0),
            )
            for (account, side), amount in sorted(merged.items())
        ]
    )
    return entry
