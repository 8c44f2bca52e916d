"""Shapes of the message-wording API (``/api/v1/notifications/message-templates``)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from notifications.models import MessageTemplate, Notification


class TextSerializer(serializers.Serializer[Any]):
    subject = serializers.CharField()
    body = serializers.CharField()


class CustomWordingSerializer(serializers.ModelSerializer[MessageTemplate]):
    class Meta:
        model = MessageTemplate
        fields = ["id", "subject", "body", "updated_at"]


class CatalogueEntrySerializer(serializers.Serializer[Any]):
    """One message a clinic may word: ``standard`` is ours, ``custom`` the clinic's
    (``null`` while it sends ours). The ``must_keep`` placeholders must stay in the body."""

    id = serializers.UUIDField(allow_null=True, help_text="the clinic's wording (custom.id); null: ours")
    key = serializers.CharField()
    channel = serializers.ChoiceField(choices=Notification.Channel.choices)
    language = serializers.CharField()
    placeholders = serializers.ListField(child=serializers.CharField())
    must_keep = serializers.ListField(child=serializers.CharField(), source="required")
    standard = TextSerializer()
    custom = CustomWordingSerializer(allow_null=True)


class WordingInputSerializer(serializers.Serializer[Any]):
    key = serializers.CharField(max_length=100)
    channel = serializers.ChoiceField(choices=Notification.Channel.choices)
    language = serializers.CharField(max_length=10)
    subject = serializers.CharField(
        max_length=200, allow_blank=True, required=False, default="", trim_whitespace=False
    )
    body = serializers.CharField(max_length=1000, allow_blank=True, trim_whitespace=False)


class PreviewInputSerializer(WordingInputSerializer):
    body = serializers.CharField(
        max_length=1000, allow_blank=True, required=False, default="", trim_whitespace=False
    )


class SmsCountSerializer(serializers.Serializer[Any]):
    encoding = serializers.ChoiceField(choices=["gsm7", "ucs2"])
    units = serializers.IntegerField(help_text="characters as the network counts them")
    segments = serializers.IntegerField(help_text="SMS the body is billed as")


class PreviewSerializer(serializers.Serializer[Any]):
    subject = serializers.CharField()
    body = serializers.CharField()
    sms = SmsCountSerializer()
