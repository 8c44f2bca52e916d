"""Signal receivers that turn commerce changes into outbox events (integration only: no
business rule lives here)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from commerce.models import CourseRedemption
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
