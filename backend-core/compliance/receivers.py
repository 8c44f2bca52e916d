"""Audit records for events of lower contexts that cannot write the trail themselves."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import User
from accounts.selectors import membership_list_for_user
from accounts.signals import password_changed
from audit.services import audit_event_record


@receiver(password_changed, dispatch_uid="compliance.password_changed")
def on_password_changed(sender: Any, *, user: User, how: str, **kwargs: Any) -> None:
    """``user.password_changed`` / ``user.password_reset`` in the trail of every clinic
    the user works at (a credential change of someone who reaches its records)."""
    for membership in membership_list_for_user(user=user):
        audit_event_record(
            clinic=membership.clinic,
            actor=user,
            actor_role=str(membership.role),
            action=f"user.password_{how}",
            object_type="accounts.User",
            object_id=user.pk,
        )
