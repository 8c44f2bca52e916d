"""Reads of the catalog."""

from __future__ import annotations

from django.db.models import QuerySet

from commerce.models import Service


def service_list() -> QuerySet[Service]:
    """The current clinic's services, by category then name."""
    return Service.objects.order_by("category", "name")
