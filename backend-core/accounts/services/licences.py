"""Professional licences of practitioners."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from accounts.models import ProfessionalLicence, User
from core.services import model_save


@transaction.atomic
def licence_create(
    *, user: User, council: str, number: str, region: str = "", valid_until: Any = None
) -> ProfessionalLicence:
    """Record a professional licence; it stays ``pending`` until verified."""
    licence = ProfessionalLicence(
        user=user, council=council, number=number.strip(), region=region.upper(), valid_until=valid_until
    )
    model_save(licence)
    return licence
