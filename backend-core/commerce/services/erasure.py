"""Data-subject erasure of the free text on commerce records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from commerce.models import Refund, StockMovement

if TYPE_CHECKING:
    from patients.models import ClinicPatient


# What stays of free text a data-subject erasure removes from a financial record.
ERASED_TEXT = "[erased]"


@transaction.atomic
def patient_free_text_erase(*, patients: Sequence[ClinicPatient]) -> int:
    """Replace the free text staff wrote on the financial records of ``patients`` (one
    person's charts at the clinics of one organization) with ``ERASED_TEXT``: refund
    reasons of their sales and the reasons of stock movements naming them. The records
    themselves (amounts, dates, lines) are kept, as tax and accounting law require; what
    staff wrote freely may name the person or their condition. Returns how many rows
    changed. Used by a data-subject erasure (LGPD Art. 18 VI; PDPA s33); crosses clinics
    deliberately, limited to the given charts."""
    refunds = Refund.unscoped.filter(sale__patient__in=patients).exclude(reason=ERASED_TEXT)
    movements = StockMovement.unscoped.filter(patient__in=patients).exclude(reason="")
    return int(refunds.update(reason=ERASED_TEXT, updated_at=timezone.now())) + int(
        movements.update(reason="", updated_at=timezone.now())
    )
