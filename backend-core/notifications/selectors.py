"""Reads of the notifications context for the contexts that send through it."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import CharField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Cast

from notifications.models import MessageTemplate, Notification
from notifications.templates import CUSTOMIZABLE, TEMPLATES, Text, placeholders

# What counts as "sent" for a subject's last-sent time: asked for and not given up on.
_GOING_OR_GONE = (Notification.Status.SCHEDULED, Notification.Status.SENDING, Notification.Status.SENT)


def notification_by_dedupe_key(*, dedupe_key: str) -> Notification | None:
    """The current clinic's notification recorded with ``dedupe_key``, or ``None``."""
    return Notification.objects.filter(dedupe_key=dedupe_key).first()


def notification_log(
    *,
    channel: str = "",
    status: str = "",
    template: str = "",
    patient_id: uuid.UUID | None = None,
    created_from: dt.datetime | None = None,
    created_to: dt.datetime | None = None,
) -> QuerySet[Notification]:
    """The current clinic's messages, sent or tried, newest first (``created_at``
    descending, then id): the messages log. Each filter is skipped when empty:
    ``channel`` and ``status`` exact, ``template`` a template key or a prefix of one ending
    in a dot (``appointment.`` for every appointment message), ``patient_id`` the
    clinic's patient, ``created_from`` (inclusive) / ``created_to`` (exclusive) aware
    instants. Tenant-scoped manager: needs a clinic context. Indexed by
    ``notification_clinic_recent`` / ``notification_patient_idx``."""
    rows = Notification.objects.all()
    if channel:
        rows = rows.filter(channel=channel)
    if status:
        rows = rows.filter(status=status)
    if template:
        rows = (
            rows.filter(template__startswith=template)
            if template.endswith(".")
            else rows.filter(template=template)
        )
    if patient_id is not None:
        rows = rows.filter(patient_id=patient_id)
    if created_from is not None:
        rows = rows.filter(created_at__gte=created_from)
    if created_to is not None:
        rows = rows.filter(created_at__lt=created_to)
    return rows.order_by("-created_at", "-id")


def notification_last_sent_at(*, subject_type: str, template_prefix: str, outer_pk: str = "pk") -> Any:
    """A subquery for annotating rows of another context: when the latest notification
    about the outer row (``subject_type`` and the outer ``outer_pk`` as text) of a
    template starting with ``template_prefix`` was asked for (its ``created_at``, UTC),
    unless it failed or was cancelled; ``NULL`` when there is none. Uses the
    ``notification_subject_idx`` index; one subquery per row of a page, no extra query."""
    return Subquery(
        Notification.objects.filter(
            subject_type=subject_type,
            subject_id=Cast(OuterRef(outer_pk), output_field=CharField()),
            template__startswith=template_prefix,
            status__in=_GOING_OR_GONE,
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )


@dataclass(frozen=True)
class CatalogueEntry:
    key: str
    channel: str
    language: str
    placeholders: list[str]
    required: list[str]
    standard: Text
    custom: MessageTemplate | None

    @property
    def id(self) -> str | None:
        """The clinic's wording's id, ``None`` while it sends ours."""
        return str(self.custom.pk) if self.custom else None


def message_template_catalogue() -> list[CatalogueEntry]:
    """Every message the current clinic may word, by key, channel and language, with our
    text and the clinic's own (``None`` when it sends ours). One query."""
    custom = {(row.key, row.channel, row.language): row for row in MessageTemplate.objects.all()}
    return [
        CatalogueEntry(
            key=key,
            channel=channel,
            language=language,
            placeholders=placeholders(key),
            required=sorted(rule.required),
            standard=text,
            custom=custom.get((key, channel, language)),
        )
        for key, rule in CUSTOMIZABLE.items()
        for channel in rule.channels
        for language, text in TEMPLATES[key].items()
    ]
