"""What the patients context does when other contexts signal (``accounts.signals``)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from accounts.models import Clinic, User
from accounts.signals import clinic_opened
from patients.services import consent_texts_default_publish


@receiver(clinic_opened, sender=Clinic, dispatch_uid="patients.clinic_opened")
def consent_texts_for_a_new_clinic(sender: type[Clinic], *, clinic: Clinic, actor: User, **_: Any) -> None:
    """A new clinic starts with the default consent wording in its language."""
    consent_texts_default_publish(clinic=clinic, actor=actor)
