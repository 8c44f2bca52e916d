"""Base models: UUID public ids, timestamps and the fail-closed tenant-local base."""

from __future__ import annotations

import uuid
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import sql

from core.tenancy import TenantContextMissing, get_current_clinic

_MISSING_CONTEXT = (
    "Tenant-local data queried without a clinic context. Run the code inside "
    "clinic_context(clinic) or use the model's explicit `unscoped` manager."
)

_M = TypeVar("_M", bound=models.Model)


class UUIDModel(models.Model):
    """Public ids are random UUIDs, never sequential integers (no enumeration oracle)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class TimeStampedModel(models.Model):
    """Creation and last-update instants, stored in UTC."""

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class _NoClinicQuery(sql.Query):
    """The query of a tenant-local queryset built with no clinic context: it can be
    built, chained and inspected, but compiling it to SQL (fetch, count, exists,
    aggregate, use as a subquery) raises ``TenantContextMissing``."""

    def get_compiler(self, *args: Any, **kwargs: Any) -> Any:
        raise TenantContextMissing(_MISSING_CONTEXT)


class ClinicScopedQuerySet(models.QuerySet[_M]):
    def _guard(self) -> None:
        if isinstance(self.query, _NoClinicQuery):
            raise TenantContextMissing(_MISSING_CONTEXT)

    # These switch the query to another Query class, so they check the guard first.
    def update(self, **kwargs: Any) -> int:
        self._guard()
        return super().update(**kwargs)

    def _update(self, values: Any) -> Any:
        self._guard()
        return super()._update(values)  # type: ignore[misc]  # private Django API, not in the stubs

    def delete(self) -> tuple[int, dict[str, int]]:
        self._guard()
        return super().delete()

    def _raw_delete(self, using: Any) -> int:
        self._guard()
        return super()._raw_delete(using)


class ClinicScopedManager(models.Manager[_M]):
    """Default manager of tenant-local models: only the current clinic's rows.

    With no clinic context the queryset fails closed: running it raises
    ``TenantContextMissing`` instead of returning every clinic's rows. Code that must
    read across clinics (the global practitioner conflict check, platform jobs, the
    admin) uses ``Model.unscoped`` so the crossing is explicit and greppable.
    """

    def get_queryset(self) -> models.QuerySet[_M]:
        clinic = get_current_clinic()
        if clinic is None:
            return ClinicScopedQuerySet(self.model, query=_NoClinicQuery(self.model), using=self._db)
        return ClinicScopedQuerySet(self.model, using=self._db).filter(clinic_id=clinic.pk)

    def none(self) -> models.QuerySet[_M]:
        """An empty queryset needs no clinic: it can leak nothing."""
        return ClinicScopedQuerySet(self.model, using=self._db).none()


class ClinicScopedModel(UUIDModel, TimeStampedModel):
    """Base of every tenant-local table: ``clinic_id`` NOT NULL and indexed."""

    clinic = models.ForeignKey(
        settings.TENANT_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )

    objects = ClinicScopedManager()
    unscoped = models.Manager()  # noqa: DJ012 - explicit cross-clinic manager

    class Meta:
        abstract = True
