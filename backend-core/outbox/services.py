"""Writing domain events to the outbox and relaying them to the sinks.

* :func:`outbox_event_record` is called inside the transaction of the change an event
  describes: a rolled-back change leaves no event, a committed one always has its event.
* :func:`outbox_relay_run` (Celery task ``outbox.tasks.outbox_relay``, queued after each
  commit that recorded events, or run then in-process inside ``core.tasks.tasks_inline``,
  and every minute by beat) publishes unpublished events in
  ``sequence`` order to every sink (``outbox.publishers.configured_publishers``) and marks
  each published once all sinks accepted it.

Delivery is at least once: a relay that dies after publishing but before marking
publishes the event again, so consumers deduplicate by the CloudEvents ``id``. On the
first failure the run stops, so a later event never overtakes an earlier one; the failed
event keeps ``attempts``/``last_error`` and is retried on the next run.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from core.tasks import task_send_after_commit
from outbox.models import OutboxEvent
from outbox.publishers import Publisher, configured_publishers

if TYPE_CHECKING:
    from accounts.models import Clinic

logger = logging.getLogger(__name__)

RELAY_LOCK_KEY = "outbox:relay-lock"


def _json_safe(data: Mapping[str, Any]) -> dict[str, Any]:
    """Decimals, UUIDs and datetimes as strings (the envelope is plain JSON)."""
    import json

    return dict(json.loads(json.dumps(data, cls=DjangoJSONEncoder)))


def outbox_event_record(
    *, clinic: Clinic, type: str, subject: str, data: Mapping[str, Any], source: str | None = None
) -> OutboxEvent:
    """Record a CloudEvents 1.0 event of ``type`` (reverse-DNS, e.g.
    ``com.aesthetix.course_balance.deducted``) about ``subject`` (e.g.
    ``course_balance/<uuid>``) in the current transaction, and queue a relay run after
    commit. ``source`` defaults to ``/clinics/<clinic id>``; ``time`` is now (UTC)."""
    event = OutboxEvent.objects.create(
        clinic=clinic,
        event_id=uuid.uuid4(),
        type=type,
        source=source or f"{settings.OUTBOX_SOURCE_PREFIX}/clinics/{clinic.pk}",
        subject=subject,
        time=timezone.now(),
        data=_json_safe(data),
    )
    _relay_after_commit()
    return event


def _relay_soon() -> None:
    from outbox.tasks import outbox_relay

    task_send_after_commit(outbox_relay)


def _relay_after_commit() -> None:
    """Queue one relay run when the current transaction commits, however many events it
    recorded (a bulk import records thousands)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(item[1] is _relay_soon for item in connection.run_on_commit):
        return
    transaction.on_commit(_relay_soon)


def outbox_relay_run(*, publishers: Sequence[Publisher] | None = None, batch_size: int = 100) -> int:
    """Publish unpublished events in order; returns how many were marked published.

    One relay runs at a time (a cache lock with a timeout, so a dead relay does not
    block the next one for long); a second caller returns 0 at once."""
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
            for event in batch:
                try:
                    for sink in sinks:
                        sink.publish(event)
                except Exception as exc:
                    logger.warning("outbox event %s not published: %s", event.sequence, exc)
                    OutboxEvent.objects.filter(pk=event.pk).update(
                        attempts=F("attempts") + 1, last_error=str(exc)[:2000]
                    )
                    return published
                published += OutboxEvent.objects.filter(pk=event.pk, published_at__isnull=True).update(
                    published_at=timezone.now(), attempts=F("attempts") + 1, last_error=""
                )
            if len(batch) < batch_size:
                return published
    finally:
        if cache.get(RELAY_LOCK_KEY) == token:
            cache.delete(RELAY_LOCK_KEY)


def outbox_purge_published(*, older_than: dt.timedelta) -> int:
    """Delete events published more than ``older_than`` ago; returns how many."""
    cutoff = timezone.now() - older_than
    deleted, _ = OutboxEvent.objects.filter(published_at__lt=cutoff).delete()
    return deleted
