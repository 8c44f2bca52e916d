"""Signal receivers that answer the accounts context's questions about commerce facts
(integration only: no business rule lives here)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import Clinic
from accounts.signals import clinic_currency_in_use
from commerce.selectors import unscoped_clinic_has_traded


@receiver(clinic_currency_in_use, sender=Clinic, dispatch_uid="commerce.clinic_currency_in_use")
def clinic_has_traded(sender: type, clinic: Clinic, **kwargs: Any) -> bool:
    """Whether ``clinic`` has sales or invoices, which fix its currency."""
    return unscoped_clinic_has_traded(clinic_id=clinic.pk)
