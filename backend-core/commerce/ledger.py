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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class EntryInput:
    """One journal entry to write with ``journal_entries_post`` (arguments as for
    ``journal_entry_post``)."""

    clinic: Clinic
    description: str
    currency: str
    reference_type: str
    reference_id: uuid.UUID
    postings: Iterable[Posting]
    posted_at: dt.datetime | None = None


def _merged(postings: Iterable[Posting]) -> dict[tuple[str, str], Decimal]:
    """The postings per (account, side), negative amounts turned to the other side and
    zeros dropped; ``ValidationFailed`` (``postings``) when debits and credits differ."""
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
    return merged


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
    """Write one balanced entry; the only writer of ``JournalEntry``/``JournalLine``
    (with ``journal_entries_post``, its batch form).

    ``postings`` are ``(account, debit, credit)``; a posting with a negative amount is
    turned to the other side, zero postings are dropped, and postings on the same
    account and side are merged. Raises ``ValidationFailed`` (``postings``) when debits
    and credits differ. Returns ``None`` when nothing remains to post."""
    [entry] = journal_entries_post(
        [
            EntryInput(
                clinic=clinic,
                description=description,
                currency=currency,
                reference_type=reference_type,
                reference_id=reference_id,
                postings=postings,
                posted_at=posted_at,
            )
        ]
    )
    return entry


def journal_entries_post(entries: Sequence[EntryInput]) -> list[JournalEntry | None]:
    """``journal_entry_post`` of each of ``entries`` in two statements (one insert of
    the entries, one of all their lines), e.g. a checkout's sale, payment and cost
    entries. Every entry is checked before anything is written: ``ValidationFailed``
    (``postings``) if one does not balance. Returns the entries in order, ``None`` for
    one with nothing to post."""
    merged = [_merged(entry.postings) for entry in entries]
    rows: list[JournalEntry | None] = [
        JournalEntry(
            clinic=entry.clinic,
            posted_at=entry.posted_at or timezone.now(),
            description=entry.description[:200],
            currency=entry.currency,
            reference_type=entry.reference_type,
            reference_id=entry.reference_id,
        )
        if sides
        else None
        for entry, sides in zip(entries, merged, strict=True)
    ]
    written = [row for row in rows if row is not None]
    if not written:
        return rows
    JournalEntry.objects.bulk_create(written)
    JournalLine.objects.bulk_create(
        [
            JournalLine(
                clinic=row.clinic,
                entry=row,
                account=account,
                debit=amount if side == "debit" else Decimal(0),
                credit=amount if side == "credit" else Decimal(0),
            )
            for row, sides in zip(rows, merged, strict=True)
            if row is not None
            for (account, side), amount in sorted(sides.items())
        ]
    )
    return rows
