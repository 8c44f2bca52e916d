"""Domain events of accounts: each type's ``data``, declared once. Services record them
with ``outbox.services.outbox_event_record``; the OpenAPI schema carries them as
components (``core.schema.add_event_components``) for the front end's types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework import serializers

from accounts.models import Membership
from core.roles import Role


class MembershipCreatedEventDataSerializer(serializers.Serializer[Membership]):
    id = serializers.UUIDField()
    role = serializers.ChoiceField(choices=Role.choices)


class MembershipUpdatedEventDataSerializer(MembershipCreatedEventDataSerializer):
    is_active = serializers.BooleanField()


MEMBERSHIP_CREATED = "membership.created"
MEMBERSHIP_UPDATED = "membership.updated"

EVENTS: Mapping[str, type[serializers.Serializer[Any]]] = {
    MEMBERSHIP_CREATED: MembershipCreatedEventDataSerializer,
    MEMBERSHIP_UPDATED: MembershipUpdatedEventDataSerializer,
}
