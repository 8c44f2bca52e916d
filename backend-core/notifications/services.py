"""The one way the system sends a message to a person.

* :func:`notification_schedule` records a notification (idempotent by ``dedupe_key``);
* :func:`notifications_cancel_for_subject` cancels what is still scheduled about a subject;
* :func:`notifications_erase_for_person` removes a person from every notification (erasure);
* :func:`notifications_enqueue_due` (the beat job) queues what is due, across clinics;
* :func:`notification_deliver` (the worker) renders and sends one, at most once;
* :func:`message_send` sends a text at once, without a row (for secrets such as an
  invite's one-time link, which must not be stored);
* :func:`notification_attachments_register` lets the context that owns a document (an
  invoice's PDF) attach it to the notifications of one template, built at send time.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Mapping, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_event_record
from core.exceptions import Conflict, ValidationFailed
from core.tasks import enqueue_on_commit
from notifications.adapters import (
    Attachment,
    DeliveryError,
    Message,
    PermanentDeliveryError,
    TransientDeliveryError,
    get_adapter,
)
from notifications.models import Notification
from notifications.templates import TEMPLATES, TemplateError, normalize_language, render
from notifications.wording import wording_for

if TYPE_CHECKING:
    from accounts.models import Clinic

logger = logging.getLogger(__name__)

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
# A dispatched notification whose task never ran (a lost broker message) is queued again
# after this long; the status transition in notification_deliver stops a second send.
REDISPATCH_AFTER = timedelta(minutes=30)


def message_send(
    *,
    channel: str,
    to: str,
    body: str,
    idempotency_key: str,
    subject: str = "",
    attachments: Sequence[Attachment] = (),
) -> str:
    """Send ``body`` to ``to`` over ``channel`` with the channel's adapter; returns the
    provider reference. ``idempotency_key`` lets providers drop a retried duplicate.
    ``attachments`` go by e-mail only. Raises ``TransientDeliveryError`` /
    ``PermanentDeliveryError`` (also for attachments on a channel other than e-mail)."""
    if attachments and channel != Notification.Channel.EMAIL:
        raise PermanentDeliveryError(f"attachments cannot be sent by {channel}")
    message = Message(
        channel=channel,
        to=to,
        body=body,
        idempotency_key=idempotency_key,
        subject=subject,
        attachments=tuple(attachments),
    )
    return get_adapter(channel).send(message)


# Attachment builders by template key: ``(notification) -> attachments``. Registered by the
# context that owns the document (it sits above this module and may read its own models).
AttachmentSource = Callable[[Notification], Sequence[Attachment]]
_ATTACHMENT_SOURCES: dict[str, AttachmentSource] = {}


def notification_attachments_register(template: str, source: AttachmentSource) -> None:
    """Attach what ``source`` builds to every notification of ``template`` when it is sent
    (in the notification's clinic context). A source raises ``PermanentDeliveryError`` when
    the document can no longer be sent (the notification fails, it is not retried)."""
    if template not in TEMPLATES:
        raise ValueError(f"unknown template {template!r}")
    _ATTACHMENT_SOURCES[template] = source


def _validate(*, channel: str, recipient: str, template: str, scheduled_for: datetime) -> None:
    errors: dict[str, str] = {}
    if channel not in Notification.Channel.values:
        errors["channel"] = f"must be one of {', '.join(Notification.Channel.values)}"
    elif channel == Notification.Channel.EMAIL:
        try:
            validate_email(recipient)
        except DjangoValidationError:
            errors["recipient"] = "must be an e-mail address"
    elif not _E164.match(recipient):
        errors["recipient"] = "must be a phone number in E.164 form (+66815550101)"
    if template not in TEMPLATES:
        errors["template"] = f"unknown template {template!r}"
    if timezone.is_naive(scheduled_for):
        errors["scheduled_for"] = "must be an aware datetime"
    if errors:
        raise ValidationFailed(errors=errors)


def notification_schedule(
    *,
    clinic: Clinic,
    channel: str,
    recipient: str,
    template: str,
    language: str,
    payload: Mapping[str, Any],
    scheduled_for: datetime,
    dedupe_key: str | None = None,
    subject_type: str = "",
    subject_id: str = "",
    patient_id: Any = None,
    dedupe_key_new: bool = False,
) -> Notification:
    """Record a notification for ``clinic`` to be sent at ``scheduled_for`` (aware; stored
    in UTC) and return it.

    With ``dedupe_key`` the call is idempotent: if the clinic already has a notification
    with that key (whatever its status) that one is returned and nothing is written, also
    when two callers race. ``dedupe_key_new`` says no notification can hold the key yet
    (it names a row the caller wrote in this transaction): it is then inserted without
    looking first and without a savepoint, one statement. ``language`` is the
    recipient's; rendering falls back to the clinic's locale, then English. A
    notification already due is queued when the current transaction commits; later ones
    are queued by ``notifications_dispatch_due``.
    ``patient_id`` (the clinic's patient the message is for) puts it in that patient's
    messages log. Raises ``ValidationFailed`` (unknown channel or template, malformed recipient, naive
    time).
    """
    if dedupe_key and not dedupe_key_new:
        existing = Notification.unscoped.filter(clinic=clinic, dedupe_key=dedupe_key).first()
        if existing is not None:
            return existing
    _validate(channel=channel, recipient=recipient, template=template, scheduled_for=scheduled_for)
    notification = Notification(
        clinic=clinic,
        channel=channel,
        recipient=recipient,
        template=template,
        language=normalize_language(language or clinic.locale),
        payload=dict(payload),
        scheduled_for=scheduled_for,
        dedupe_key=dedupe_key or None,
        subject_type=subject_type,
        subject_id=str(subject_id),
        patient_id=patient_id,
    )
    due = scheduled_for <= timezone.now()
    if due:
        notification.enqueued_at = timezone.now()
    # The unique (clinic, dedupe_key) constraint is left to the database: a race loser
    # gets IntegrityError and returns the winner's row. The clinic is an instance the
    # caller holds: no query to check it exists (often under the caller's row locks).
    notification.full_clean(exclude=["clinic"], validate_unique=False, validate_constraints=False)
    if dedupe_key_new:  # a clash cannot happen; if it did, it fails the caller's transaction
        notification.save()
    else:
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            # A concurrent caller inserted the same dedupe_key first: theirs is the one.
            if dedupe_key:
                existing = Notification.unscoped.filter(clinic=clinic, dedupe_key=dedupe_key).first()
                if existing is not None:
                    return existing
            raise
    if due:
        _enqueue(notification)
    return notification


def notifications_cancel_for_subject(*, subject_type: str, subject_id: str) -> int:
    """Cancel the current clinic's notifications about ``subject_type``/``subject_id``
    that are still scheduled (e.g. an appointment's reminders when it is cancelled or
    moved); returns how many. Ones already sending, sent or failed are left as they are.
    Runs in a clinic context (the tenant-local manager fails closed without one)."""
    return Notification.objects.filter(
        subject_type=subject_type, subject_id=str(subject_id), status=Notification.Status.SCHEDULED
    ).update(status=Notification.Status.CANCELLED, updated_at=timezone.now())


@transaction.atomic
def notifications_erase_for_person(
    *, clinic_ids: Collection[Any], recipients: Collection[str], subjects: Collection[tuple[str, str]]
) -> int:
    """Erase one person from the notifications of the clinics ``clinic_ids`` (the clinics
    of one organization): every notification addressed to one of ``recipients`` (their
    phones and e-mail, exact values as stored) or about one of ``subjects``
    (``(subject_type, subject_id)``: their appointments, their payments) loses its
    recipient, payload (name, treatment, amounts) and error text; those still
    ``scheduled`` are ``cancelled`` first, so nothing more is sent to or about the person
    (a worker claims only ``scheduled`` rows). Sent and failed rows stay as the record that
    a message of that template went out on that channel at that time. Returns how many
    rows were erased.

    Used by a data-subject erasure (LGPD Art. 18 VI; PDPA s33). Crosses the given clinics
    deliberately (``Notification.unscoped``)."""
    about = Q(recipient__in=[r for r in recipients if r])
    by_type: dict[str, list[str]] = {}
    for subject_type, subject_id in subjects:
        by_type.setdefault(subject_type, []).append(str(subject_id))
    for subject_type, ids in by_type.items():
        about |= Q(subject_type=subject_type, subject_id__in=ids)
    rows = Notification.unscoped.filter(about, clinic_id__in=list(clinic_ids))
    now = timezone.now()
    rows.filter(status=Notification.Status.SCHEDULED).update(
        status=Notification.Status.CANCELLED, updated_at=now
    )
    return rows.update(recipient="", payload={}, last_error="", updated_at=now)


def _enqueue(notification: Notification) -> None:
    from notifications.tasks import notification_send

    enqueue_on_commit(
        notification_send, clinic_id=str(notification.clinic_id), notification_id=str(notification.pk)
    )


def notifications_enqueue_due(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Platform job: queue a ``notification_send`` task for every clinic's scheduled
    notification that is due and not already queued; returns how many were queued.

    Reads across clinics on purpose (``Notification.unscoped``); each task carries its
    notification's clinic and runs in that clinic's context. Rows are claimed by setting
    ``enqueued_at`` under ``SELECT … FOR UPDATE SKIP LOCKED``, so running it twice (or two
    beats at once) queues each notification once. One queued longer than
    ``REDISPATCH_AFTER`` without being sent is queued again (its message was lost).
    """
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Notification.unscoped.select_for_update(skip_locked=True)
            .filter(status=Notification.Status.SCHEDULED, scheduled_for__lte=now)
            .filter(Q(enqueued_at__isnull=True) | Q(enqueued_at__lt=now - REDISPATCH_AFTER))
            .order_by("scheduled_for")
            .only("pk", "clinic_id")[:limit]
        )
        Notification.unscoped.filter(pk__in=[n.pk for n in due]).update(enqueued_at=now, updated_at=now)
        for notification in due:
            _enqueue(notification)
    return len(due)


class NotificationNotRetryable(Conflict):
    code = "notification_not_retryable"


NOTIFICATION_OBJECT_TYPE = "notifications.Notification"


@transaction.atomic
def notification_retry(*, notification: Notification, actor: Any) -> Notification:
    """Send a ``failed`` notification again, now, through the one delivery path: the row
    goes back to ``scheduled`` (due now, ``enqueued_at`` set) and a ``notification_send``
    task is queued when the transaction commits; the worker claims and sends it exactly
    as the first time (``notification_deliver``, at most once). Returns the row.

    Idempotent: the row is locked (``SELECT … FOR UPDATE``) and only a ``failed`` one
    moves, so a second retry (or a double click) finds it ``scheduled``/``sending``/
    ``sent`` and raises ``NotificationNotRetryable`` (409) naming that status; so does a
    ``cancelled`` one, and one whose recipient was erased (nobody to send to).
    ``attempts`` keeps counting: a retried message gets one more attempt, and a transient
    provider error on it is final (``NOTIFICATIONS_MAX_ATTEMPTS`` is already spent).
    The previous ``last_error`` stays until that attempt's outcome replaces it.
    Audited as ``notification.retried`` (by ``actor``).
    """
    locked = Notification.objects.select_for_update().get(pk=notification.pk)
    if locked.status != Notification.Status.FAILED:
        raise NotificationNotRetryable(
            _("This message is %(status)s; only a failed message can be retried.")
            % {"status": str(locked.get_status_display()).lower()},
            errors={"status": [locked.status]},
        )
    if not locked.recipient:
        raise NotificationNotRetryable(
            _("This message's recipient was erased; it cannot be sent again."),
            errors={"recipient": ["erased"]},
        )
    now = timezone.now()
    Notification.objects.filter(pk=locked.pk).update(
        status=Notification.Status.SCHEDULED, scheduled_for=now, enqueued_at=now, updated_at=now
    )
    audit_event_record(
        clinic=locked.clinic,
        actor=actor,
        action="notification.retried",
        object_type=NOTIFICATION_OBJECT_TYPE,
        object_id=locked.pk,
        changes={"status": [Notification.Status.FAILED, Notification.Status.SCHEDULED]},
    )
    locked.refresh_from_db()
    _enqueue(locked)
    return locked


def notification_deliver(*, notification: Notification) -> Notification:
    """Render ``notification`` and send it through its channel's adapter; returns the row
    as it ends up.

    At most once: the row is claimed by a conditional ``scheduled → sending`` update, so
    of two workers only one calls the provider, and a cancelled, sending, sent or failed
    notification (or one not yet due) is left alone. Each call that sends adds one to
    ``attempts``. Outcomes: ``sent`` with ``provider_reference`` and ``sent_at``;
    ``failed`` with ``last_error`` for a permanent error, a template error, or a transient
    error on the last allowed attempt (``NOTIFICATIONS_MAX_ATTEMPTS``); otherwise a
    transient error puts it back to ``scheduled`` and is re-raised
    (``TransientDeliveryError``) so the task retries.

    A worker that dies between claiming and recording the outcome leaves the row in
    ``sending``: the provider may or may not have sent it, so it is not sent again
    automatically (a duplicate SMS is worse than a missing reminder).
    """
    rows = Notification.objects.filter(pk=notification.pk)
    now = timezone.now()
    claimed = rows.filter(status=Notification.Status.SCHEDULED, scheduled_for__lte=now).update(
        status=Notification.Status.SENDING, attempts=F("attempts") + 1, updated_at=now
    )
    notification.refresh_from_db()
    if not claimed:
        return notification

    def finish(status: str, **fields: Any) -> Notification:
        rows.filter(status=Notification.Status.SENDING).update(
            status=status, updated_at=timezone.now(), **fields
        )
        notification.refresh_from_db()
        return notification

    try:
        text = render(
            notification.template,
            languages=[notification.language, notification.clinic.locale],
            payload=notification.payload,
            wording=wording_for(notification.template, notification.channel),
        )
        source = _ATTACHMENT_SOURCES.get(notification.template)
        reference = message_send(
            channel=notification.channel,
            to=notification.recipient,
            subject=text.subject,
            body=text.body,
            idempotency_key=notification.dedupe_key or f"notification:{notification.pk}",
            attachments=source(notification) if source else (),
        )
    except TransientDeliveryError as exc:
        if notification.attempts >= settings.NOTIFICATIONS_MAX_ATTEMPTS:
            logger.warning("notification %s failed after %s attempts", notification.pk, notification.attempts)
            return finish(Notification.Status.FAILED, last_error=str(exc)[:2000])
        finish(Notification.Status.SCHEDULED, last_error=str(exc)[:2000])
        raise
    except (DeliveryError, TemplateError) as exc:
        logger.warning("notification %s failed: %s", notification.pk, exc)
        return finish(Notification.Status.FAILED, last_error=str(exc)[:2000])
    except Exception as exc:  # a bug or a misconfiguration: do not leave it "sending"
        finish(Notification.Status.FAILED, last_error=repr(exc)[:2000])
        raise
    return finish(
        Notification.Status.SENT, sent_at=timezone.now(), provider_reference=reference[:255], last_error=""
    )
