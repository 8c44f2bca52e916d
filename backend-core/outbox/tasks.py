"""Celery entry points of the outbox."""

from __future__ import annotations

from datetime import timedelta

from celery import shared_task

from outbox.services import outbox_purge_published, outbox_relay_run


@shared_task(acks_late=True, ignore_result=True)
def outbox_relay() -> int:
    """Publish what is waiting in the outbox (queued after commits and by beat)."""
    return outbox_relay_run()


@shared_task(acks_late=True, ignore_result=True)
def outbox_purge() -> int:
    """Drop events published more than a week ago (beat, daily)."""
    return outbox_purge_published(older_than=timedelta(days=7))
