"""The clinic (tenant) context for code below the view layer.

Every request, Celery task or command that touches tenant-local data runs inside a clinic
context. The context lives in a ``ContextVar``, so it is isolated per thread and per
asyncio task (safe under ASGI), and it is always reset by whoever set it.

Queries on tenant-local models read the context and fail closed: with no clinic set they
raise :class:`TenantContextMissing` rather than returning every clinic's rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token
from typing import TYPE_CHECKING, cast

from django.apps import apps
from django.conf import settings

if TYPE_CHECKING:
    from accounts.models import Clinic

_current_clinic: ContextVar[Clinic | None] = ContextVar("current_clinic", default=None)


def tenant_model() -> type[Clinic]:
    """The tenant model named by ``settings.TENANT_MODEL`` (the clinic), looked up in the
    app registry the way ``get_user_model()`` looks up the user: core imports no app."""
    return cast("type[Clinic]", apps.get_model(settings.TENANT_MODEL))


class TenantContextMissing(RuntimeError):
    """Tenant-local data was queried with no clinic context set."""


def get_current_clinic() -> Clinic | None:
    return _current_clinic.get()


def set_current_clinic(clinic: Clinic | None) -> Token[Clinic | None]:
    return _current_clinic.set(clinic)


def reset_current_clinic(token: Token[Clinic | None]) -> None:
    _current_clinic.reset(token)


@contextmanager
def clinic_context(clinic: Clinic) -> Iterator[Clinic]:
    """Run a block as ``clinic``: tasks, commands and tests use this instead of a request."""
    token = _current_clinic.set(clinic)
    try:
        yield clinic
    finally:
        _current_clinic.reset(token)
