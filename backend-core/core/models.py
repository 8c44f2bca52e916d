"""Base models: UUID public ids, timestamps and the fail-closed tenant-local base."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import models

from core.tenancy import require_current_clinic_id


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


class ClinicScopedQuerySet(models.QuerySet[Any]):
    pass


class ClinicScopedManager(models.Manager[Any]):
    """Default manager of tenant-local models: only the current clinic's rows.

    Raises ``TenantContextMissing`` when no clinic context is set. Code that must read
    across clinics (the global practitioner conflict check, platform jobs, the admin)
    uses ``Model.unscoped`` so the crossing is explicit and greppable.
    """

    def get_queryset(self) -> models.QuerySet[Any]:
        return ClinicScopedQuerySet(self.model, using=self._db).filter(
            clinic_id=require_current_clinic_id()
        )

    def none(self) -> models.QuerySet[Any]:
        """An empty queryset needs no clinic: it can leak nothing."""
        return ClinicScopedQuerySet(self.model, using=self._db).none()


class ClinicScopedModel(UUIDModel, TimeStampedModel):
    """Base of every tenant-local table: ``clinic_id`` NOT NULL and indexed."""

    clinic = models.ForeignKey(
        "accounts.Clinic", on_delete=models.PROTECT, related_name="+", editable=False
    )

    objects = ClinicScopedManager()
    unscoped = models.Manager()

    class Meta:
        abstract = True
