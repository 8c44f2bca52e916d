"""Writing domain events to the outbox and relaying them to the sinks.

This is the only way a domain event leaves a service, to the browsers of the clinic
(Channels group ``clinic.<id>``) and to Kafka when configured, in one envelope
(``OutboxEvent.envelope``).

* :func:`outbox_event_record` is called inside the transaction of the change an event
  describes: a rolled-back change leaves no event, a committed one always has its event.
* Right after that transaction commits, the same process publishes the events it
  recorded, in order, to every sink (``outbox.publishers.configured_publishers``) and
  marks each published (:func:`outbox_events_publish`): screens update live without a
  round trip through the broker, on the embedded profile as on the services one.
* :func:`outbox_relay_run` (Celery task ``outbox.tasks.outbox_relay``, queued when that
  in-process publish left something behind, and every minute by beat) is the sweep: it
  publishes whatever is still unpublished in ``sequence`` order.

Delivery is at least once: a publisher that dies after publishing but before marking,
or the sweep picking an event up while its transaction's process publishes it, sends
the event again, so consumers deduplicate by the CloudEvents ``id`` (the browser's
``clinicEventsSubscribe`` does). On the first failure a run stops, so a later event
never overtakes an earlier one; the failed event keeps ``attempts``/``last_error`` and
is retried by the sweep.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.realtime import channel_layer_reaches_sockets
from core.tasks import task_send_after_commit
from outbox.models import OutboxEvent
from outbox.publishers import Publisher, configured_publishers

logger = logging.getLogger(__name__)

RELAY_LOCK_KEY = "outbox:relay-lock"


def _json_safe(data: Mapping[str, Any]) -> dict[str, Any]:
    """Decimals, UUIDs and datetimes as strings (the envelope is plain JSON)."""
    import json

    return dict(json.loads(json.dumps(data, cls=DjangoJSONEncoder)))


def outbox_event_record(
    *,
    clinic_id: uuid.UUID,
    type: str,
    subject: str,
    data: Mapping[str, Any],
    source: str | None = None,
) -> OutboxEvent:
    """Record a CloudEvents 1.0 event of ``type`` (one of the types declared in the
    apps' ``events`` modules, e.g. ``appointment.created``) about ``subject`` (e.g.
    ``appointment/<uuid>``) of the clinic ``clinic_id`` in the current transaction;
    ``data`` is the type's declared serializer's output. ``source`` defaults to
    ``/clinics/<clinic id>``; ``time`` is now (UTC). The event is published right after
    the transaction commits (see the module docstring)."""
    event = OutboxEvent.objects.create(
        clinic_id=clinic_id,
        event_id=uuid.uuid4(),
        type=type,
        source=source or f"{settings.OUTBOX_SOURCE_PREFIX}/clinics/{clinic_id}",
        subject=subject,
        time=timezone.now(),
        data=_json_safe(data),
    )
    _publish_after_commit(event.pk)
    return event


class _PublishRecorded:
    """The after-commit hook of one transaction: publishes the events it recorded."""

    def __init__(self) -> None:
        self.sequences: list[int] = []

    def __call__(self) -> None:
        if not channel_layer_reaches_sockets():
            return  # the embedded profile's worker: the web process's sweep sends them
        if not outbox_events_publish(sequences=self.sequences):
            _relay_soon()


def _publish_after_commit(sequence: int) -> None:
    """One hook per transaction, however many events it recorded (a bulk import records
    thousands)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        for item in connection.run_on_commit:
            if isinstance(item[1], _PublishRecorded):
                item[1].sequences.append(sequence)
                return
    hook = _PublishRecorded()
    hook.sequences.append(sequence)
    transaction.on_commit(hook, robust=True)


def _relay_soon() -> None:
    from outbox.tasks import outbox_relay

    task_send_after_commit(outbox_relay)


def _publish_in_order(events: Sequence[OutboxEvent], sinks: Sequence[Publisher]) -> tuple[int, bool]:
    """Publish ``events`` in order to every sink, marking each; stop on the first
    failure. Returns (how many this call marked published, whether all went out)."""
    published = 0
    for event in events:
        try:
            for sink in sinks:
                sink.publish(event)
        except Exception as exc:
            logger.warning("outbox event %s not published: %s", event.sequence, exc)
            OutboxEvent.objects.filter(pk=event.pk).update(
                attempts=F("attempts") + 1, last_error=str(exc)[:2000]
            )
            return published, False
        published += OutboxEvent.objects.filter(pk=event.pk, published_at__isnull=True).update(
            published_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
        )
    return published, True


def outbox_events_publish(*, sequences: Sequence[int], publishers: Sequence[Publisher] | None = None) -> bool:
    """Publish the still unpublished events among ``sequences`` (outbox keys) in order,
    right after the transaction that recorded them committed; ``True`` when all of them
    went out. Stops at the first sink that refuses (``False``): what is left is the
    sweep's (:func:`outbox_relay_run`)."""
    sinks = list(configured_publishers() if publishers is None else publishers)
    waiting = OutboxEvent.objects.filter(pk__in=sequences, published_at__isnull=True).order_by("sequence")
    return _publish_in_order(list(waiting), sinks)[1]


def outbox_relay_run(*, publishers: Sequence[Publisher] | None = None, batch_size: int = 100) -> int:
    """Publish unpublished events in order; returns how many were marked published.

    One relay runs at a time (a cache lock with a timeout, so a dead relay does not
    block the next one for long); a second caller returns 0 at once. A process whose
    channel layer does not reach the sockets (the embedded profile's worker) returns 0:
    the process that serves them sweeps (``core.realtime.socket_sweep_register``)."""
    if not channel_layer_reaches_sockets():
        return 0
    sinks = list(configured_publishers() if publishers is None else publishers)
    token = uuid.uuid4().hex
    if not cache.add(RELAY_LOCK_KEY, token, timeout=settings.OUTBOX_RELAY_LOCK_SECONDS):
        return 0
    published = 0
    try:
        while True:
            batch = list(
                OutboxEvent.objects.filter(published_at__isnull=True).order_by("sequence")[:batch_size]
            )
            marked, complete = _publish_in_order(batch, sinks)
            published += marked
            if not complete or len(batch) < batch_size:
                return published
    finally:
        if cache.get(RELAY_LOCK_KEY) == token:
            cache.delete(RELAY_LOCK_KEY)


def outbox_purge_published(*, older_than: dt.timedelta) -> int:
    """Delete events published more than ``older_than`` ago; returns how many."""
    cutoff = timezone.now() - older_than
    deleted, _ = OutboxEvent.objects.filter(published_at__lt=cutoff).delete()
    return deleted
