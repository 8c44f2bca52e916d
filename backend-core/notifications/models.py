"""Notifications: one row per message the system will send (or sent) to a person."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.models import ClinicScopedModel


class Notification(ClinicScopedModel):
    """A message to one recipient over one channel, rendered from a template at send time.

    Life cycle: ``scheduled`` → ``sending`` → ``sent`` | ``failed``; a scheduled one can be
    ``cancelled``. Only the worker that moves a row from ``scheduled`` to ``sending`` calls
    the provider, so a message is sent at most once. ``dedupe_key`` (unique per clinic)
    lets callers ask for exactly one notification per fact, e.g.
    ``appointment:<id>:reminder:24h``. ``subject_type``/``subject_id`` name what it is
    about (``scheduling.Appointment``, ``<uuid>``) without a foreign key to it.
    """

    class Channel(models.TextChoices):
        SMS = "sms", _("SMS")
        WHATSAPP = "whatsapp", _("WhatsApp")
        EMAIL = "email", _("E-mail")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Cancelled")

    channel = models.CharField(max_length=10, choices=Channel.choices)
    recipient = models.CharField(max_length=254, help_text=_("E.164 phone number or e-mail address"))
    template = models.CharField(max_length=100, help_text=_("template key, e.g. appointment.reminder"))
    language = models.CharField(max_length=10, default="en")
    payload = models.JSONField(default=dict, blank=True)
    scheduled_for = models.DateTimeField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    provider_reference = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # When the dispatcher last put it on the queue; a due row with none is picked up.
    enqueued_at = models.DateTimeField(null=True, blank=True, editable=False)
    dedupe_key = models.CharField(max_length=200, null=True, blank=True)  # noqa: DJ001 - NULL = no dedupe
    subject_type = models.CharField(max_length=100, blank=True)
    subject_id = models.CharField(max_length=64, blank=True)
    # The clinic's patient the message is for (``patients.ClinicPatient`` id, no foreign
    # key: this app sits below patients); NULL for messages to staff or older rows.
    patient_id = models.UUIDField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "dedupe_key"],
                condition=Q(dedupe_key__isnull=False),
                name="notification_dedupe_key_unique_per_clinic",
            )
        ]
        indexes = [
            models.Index(fields=["clinic", "subject_type", "subject_id"], name="notification_subject_idx"),
            models.Index(fields=["clinic", "-created_at"], name="notification_clinic_recent"),
            models.Index(fields=["clinic", "patient_id", "-created_at"], name="notification_patient_idx"),
            models.Index(
                fields=["scheduled_for"],
                condition=Q(status="scheduled"),
                name="notification_due_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} → {self.channel}:{self.recipient} ({self.status})"


class MessageTemplate(ClinicScopedModel):
    """A clinic's own wording of one message (``notifications.templates.CUSTOMIZABLE``)
    for one channel and language, sent instead of ours. Without a row the standard text
    goes out; deleting the row goes back to it. ``subject`` is the e-mail subject (SMS and
    WhatsApp send the body only)."""

    key = models.CharField(max_length=100, help_text=_("template key, e.g. appointment.reminder"))
    channel = models.CharField(max_length=10, choices=Notification.Channel.choices)
    language = models.CharField(max_length=10, help_text=_("normalized language code, e.g. pt-br"))
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(max_length=1000)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["clinic", "key", "channel", "language"], name="message_template_unique_per_clinic"
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.channel}, {self.language})"
