"""Shapes of the message-wording API (``/api/v1/notifications/message-templates``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from core.masking import format_phone, mask_email, mask_phone
from notifications.models import MessageTemplate, Notification
from notifications.templates import TEMPLATES


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


class MessageLogSerializer(serializers.ModelSerializer[Notification]):
    """One message of the messages log. ``recipient`` is always masked (``081-XXX-0101``,
    ``p***@example.com``; empty once erased); times are UTC; ``last_error`` is the
    provider's (or the template's) last error text, empty when none."""

    recipient = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "channel",
            "template",
            "language",
            "recipient",
            "status",
            "attempts",
            "last_error",
            "patient_id",
            "subject_type",
            "subject_id",
            "scheduled_for",
            "created_at",
            "sent_at",
        ]
        read_only_fields = fields

    def get_recipient(self, notification: Notification) -> str:
        value = notification.recipient
        if not value:
            return ""
        if notification.channel == Notification.Channel.EMAIL:
            return mask_email(value)
        clinic = getattr(self.context.get("request"), "clinic", None)
        return mask_phone(format_phone(value, region=getattr(clinic, "country", None)))


class MessageLogQuerySerializer(serializers.Serializer[Any]):
    """Filters of the messages log; ``date_from``/``date_to`` are the clinic's local days."""

    channel = serializers.ChoiceField(choices=Notification.Channel.choices, required=False)
    status = serializers.ChoiceField(choices=Notification.Status.choices, required=False)
    template = serializers.CharField(
        max_length=100, required=False, help_text="a template key, or a prefix ending in a dot"
    )
    patient = serializers.UUIDField(required=False, help_text="the clinic's patient (ClinicPatient id)")
    date_from = serializers.DateField(required=False, help_text="first local day of the clinic, inclusive")
    date_to = serializers.DateField(required=False, help_text="last local day of the clinic, inclusive")

    def validate_template(self, value: str) -> str:
        known = value in TEMPLATES or (value.endswith(".") and any(k.startswith(value) for k in TEMPLATES))
        if not known:
            raise serializers.ValidationError(_("Unknown message template."))
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("date_from") and attrs.get("date_to") and attrs["date_to"] < attrs["date_from"]:
            raise serializers.ValidationError({"date_to": _("Must not be before date_from.")})
        return attrs
