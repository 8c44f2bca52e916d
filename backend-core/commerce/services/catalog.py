"""Writes of the catalog."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, TypedDict, Unpack

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import Clinic, User
from commerce.models import Service
from core.exceptions import ValidationFailed
from core.services import model_save


class ServiceFields(TypedDict, total=False):
    """The catalog fields of a service that ``service_update`` changes."""

    name: str
    category: str
    description: str
    unit: str
    price: Decimal
    duration_minutes: int
    buffer_minutes: int
    requires_consent: bool
    is_active: bool


def _check_name_free(*, clinic: Clinic, name: str, exclude_pk: Any = None) -> None:
    clash = Service.objects.filter(name__iexact=name.strip())
    if exclude_pk is not None:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationFailed(errors={"name": [_("A service with this name already exists.")]})


@transaction.atomic
def service_create(
    *,
    clinic: Clinic,
    actor: User,
    name: str,
    category: str,
    price: Decimal,
    duration_minutes: int,
    unit: str = Service.Unit.SESSION,
    buffer_minutes: int = 0,
    requires_consent: bool = False,
    description: str = "",
) -> Service:
    """Add a treatment to the clinic's catalog, priced in the clinic's currency.
    Raises ``ValidationFailed`` naming the field (duplicate name, bounds)."""
    _check_name_free(clinic=clinic, name=name)
    service = Service(
        clinic=clinic,
        name=name.strip(),
        category=category,
        price=price,
        currency=clinic.currency,
        duration_minutes=duration_minutes,
        unit=unit,
        buffer_minutes=buffer_minutes,
        requires_consent=requires_consent,
        description=description,
    )
    model_save(service)
    return service


@transaction.atomic
def service_update(*, service: Service, actor: User, **fields: Unpack[ServiceFields]) -> Service:
    """Change the catalog fields given (``ServiceFields``); the currency follows the clinic."""
    if "name" in fields:
        _check_name_free(clinic=service.clinic, name=fields["name"], exclude_pk=service.pk)
        fields["name"] = fields["name"].strip()
    for name, value in fields.items():
        setattr(service, name, value)
    if fields:
        model_save(service, update_fields=list(fields))
    return service
