"""Serializer fields shared by every API."""

import copy
import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

NOT_IN_CLINIC = _("Not found in this clinic.")


class MoneyField(serializers.DecimalField):
    """An amount as a decimal string (``"350.00"``), never a JSON number: binary
    floating point cannot hold most decimal amounts exactly."""

    default_error_messages = {"not_a_string": _('Send amounts as decimal strings, e.g. "350.00".')}

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Any:
        if not isinstance(data, str):
            self.fail("not_a_string")
        return super().to_internal_value(data)


class PeriodDayField(serializers.DateField):
    """A day of a report or list period (``YYYY-MM-DD``, the clinic's local day) between
    ``EARLIEST_DAY`` and ``LATEST_DAY``: a period outside them is a typing error, and
    the daily figures and the dates the database can compare end there. 400 naming the
    field otherwise."""

    EARLIEST_DAY = dt.date(2000, 1, 1)
    LATEST_DAY = dt.date(2099, 12, 31)

    def to_internal_value(self, value: Any) -> dt.date:
        day = super().to_internal_value(value)
        if not self.EARLIEST_DAY <= day <= self.LATEST_DAY:
            raise serializers.ValidationError(
                _("Choose a day from %(first)s to %(last)s.")
                % {"first": self.EARLIEST_DAY, "last": self.LATEST_DAY}
            )
        return day


@extend_schema_field(
    {
        "type": "string",
        "pattern": r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$",
        "example": "09:00",
        "description": "Wall-clock time in the clinic's time zone (no offset)",
    }
)
class LocalTimeField(serializers.TimeField):
    """A wall-clock time of day such as opening hours: ``"09:00"``. Documented as a
    pattern because OpenAPI's ``time`` format (RFC 3339) demands a UTC offset."""


class InstantField(serializers.DateTimeField):
    """A point in time: ISO 8601 with its UTC offset (RFC 3339 ``date-time``), e.g.
    ``"2026-12-01T09:00:00+07:00"`` or ``"…Z"``. A value without an offset is refused
    rather than read in some server zone: the same text means different instants in
    Bangkok and São Paulo. Rendering is DRF's. The project's ``ModelSerializer`` mapping
    uses it for every model ``DateTimeField`` (``core.apps``)."""

    default_error_messages = {
        "naive": _("Give the UTC offset, e.g. 2026-12-01T09:00:00+07:00 or 2026-12-01T02:00:00Z."),
    }

    def to_internal_value(self, value: Any) -> dt.datetime:
        given = value
        if isinstance(value, str):
            try:
                given = parse_datetime(value.strip())
            except ValueError:
                given = None  # well-formed but impossible: DRF names it below
        if isinstance(given, dt.datetime) and timezone.is_naive(given):
            self.fail("naive")
        return super().to_internal_value(value)


class ClinicRowField(serializers.PrimaryKeyRelatedField):
    """A serializer field holding a row of the request's clinic, given by id: declare it
    with ``queryset=Model.unscoped.all()`` (for the schema); ids are looked up through the
    model's clinic-scoped manager, so another clinic's id is a 400 naming the field, as
    ``core.api.clinic_row_or_400``."""

    default_error_messages = {"does_not_exist": NOT_IN_CLINIC}

    def get_queryset(self) -> QuerySet[Any]:
        return self.queryset.model._default_manager.all()  # type: ignore[union-attr]


# Mixin for a ``ModelSerializer`` read on every request: its fields are derived from the
# model once per class and copied for each serializer, instead of DRF inspecting the
# model again for every instance (a third of a millisecond for a dozen fields, on a
# response that needs the whole request to take a few).
#
# Only for serializers whose ``get_fields`` depends on the class alone, not on the
# instance or the context (DRF's own ``ModelSerializer.get_fields`` does not).
#
# No docstring on purpose: the OpenAPI schema describes a serializer with the first
# docstring along its classes before DRF's, which would be this one for a serializer
# without its own.
class FieldsBuiltOnce:
    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        cls = type(self)
        built = cls.__dict__.get("_fields_built_once")
        if built is None:
            built = super().get_fields()  # type: ignore[misc]
            cls._fields_built_once = built  # type: ignore[attr-defined]
        return copy.deepcopy(built)
