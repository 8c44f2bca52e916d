from __future__ import annotations

from datetime import timedelta

import factory
from django.utils import timezone

from accounts.tests.factories import ClinicFactory
from notifications.models import Notification


def reminder_payload(**overrides: str) -> dict[str, str]:
    return {
        "patient_name": "Somchai",
        "clinic_name": "Siam Aesthetics",
        "service_name": "Botox",
        "starts_at_local": "Tue 25 Nov 14:30",
        "clinic_phone": "+6621234567",
        **overrides,
    }


class NotificationFactory(factory.django.DjangoModelFactory):
    """A due SMS reminder (written with the explicit cross-clinic manager)."""

    class Meta:
        model = Notification

    clinic = factory.SubFactory(ClinicFactory)
    channel = Notification.Channel.SMS
    recipient = "+66815550101"
    template = "appointment.reminder"
    language = "en"
    payload = factory.LazyFunction(reminder_payload)
    scheduled_for = factory.LazyFunction(lambda: timezone.now() - timedelta(minutes=1))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.unscoped.create(*args, **kwargs)
