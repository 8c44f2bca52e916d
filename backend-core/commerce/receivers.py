"""Signal receivers that turn commerce changes into outbox events and answer the
accounts context's questions about commerce facts (integration only: no business rule
lives here)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from accounts.models import Clinic
from accounts.signals import clinic_currency_in_use
from commerce.models import CourseRedemption
from commerce.selectors import unscoped_clinic_has_traded
from outbox.services import outbox_event_record

COURSE_BALANCE_DEDUCTED = "com.aesthetix.course_balance.deducted"


@receiver(post_save, sender=CourseRedemption, dispatch_uid="commerce.course_balance_deducted")
def course_balance_deducted(sender: type, instance: CourseRedemption, created: bool, **kwargs: Any) -> None:
    """A new redemption is a deduction: record ``com.aesthetix.course_balance.deducted``
    in the same transaction. ``data``: ``course_balance_id``, ``redemption_id``,
    ``patient_id``, ``course_id``, ``service_id``, ``sessions_remaining``,
    ``reference_type``, ``reference_id``, ``recognized_amount`` (decimal string),
    ``currency``."""
    if not created:
        return
    balance = instance.balance
    balance.refresh_from_db(fields=["sessions_remaining"])
    outbox_event_record(
        clinic=balance.clinic,
        type=COURSE_BALANCE_DEDUCTED,
        subject=f"course_balance/{balance.pk}",
        data={
            "course_balance_id": balance.pk,
            "redemption_id": instance.pk,
            "patient_id": balance.patient_id,
            "course_id": balance.course_id,
            "service_id": instance.service_id,
            "sessions_remaining": balance.sessions_remaining,
            "reference_type": instance.reference_type,
            "reference_id": instance.reference_id,
            "recognized_amount": instance.recognized_amount,
            "currency": balance.currency,
        },
    )


@receiver(clinic_currency_in_use, sender=Clinic, dispatch_uid="commerce.clinic_currency_in_use")
def clinic_has_traded(sender: type, clinic: Clinic, **kwargs: Any) -> bool:
    """Whether ``clinic`` has sales or invoices, which fix its currency."""
    return unscoped_clinic_has_traded(clinic_id=clinic.pk)
