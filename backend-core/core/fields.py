"""Serializer fields shared by every API."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers


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
