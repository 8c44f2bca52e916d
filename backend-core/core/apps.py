import logging
from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate

logger = logging.getLogger(__name__)


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

        post_migrate.connect(_grant_app_role, sender=self)


def _grant_app_role(*, using: str, **kwargs: Any) -> None:
    """After ``migrate`` (run as the tables' owner) with ``DATABASE_APP_ROLE`` set, the
    application's role gets row access to every table (``core.database_roles``)."""
    from django.conf import settings
    from django.db import connections

    from core.database_roles import database_app_role_grant

    if not settings.DATABASE_APP_ROLE or connections[using].vendor != "postgresql":
        return
    grant = database_app_role_grant(
        role=settings.DATABASE_APP_ROLE, password=settings.DATABASE_APP_PASSWORD or None, using=using
    )
    logger.info("application role %s: rows of %s tables", grant.role, grant.tables)
