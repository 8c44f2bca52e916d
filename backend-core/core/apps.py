from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from django.db import models
        from rest_framework.serializers import ModelSerializer

        from core import checks  # noqa: F401  # registers the system checks
        from core.fields import InstantField

        # Every model date-time a serializer reads refuses values without a UTC offset.
        ModelSerializer.serializer_field_mapping[models.DateTimeField] = InstantField
