"""Task plumbing shared by every app: the clinic-aware base task, on-commit enqueueing,
and running tasks inline for one-shot jobs."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from celery import Task
from django.db import transaction

from core.context import SYSTEM_CONTEXT, audit_context
from core.tenancy import clinic_context, tenant_model

logger = logging.getLogger(__name__)

_inline: ContextVar[bool] = ContextVar("tasks_inline", default=False)


class ClinicTask(Task):
    """Base for tasks that work on one clinic's data.

    The task is called with ``clinic_id=<uuid str>``; the body runs inside that clinic's
    context, so tenant-local managers scope as they do in a request, and in the system
    audit context (``core.context.SYSTEM_CONTEXT``: no client address). Tasks are
    acknowledged late and re-queued if the worker dies: bodies must be idempotent.

    Automatic retries wait at most ``retry_backoff_max`` seconds: a retry is a message
    held unacknowledged by a worker until it is due, and the Redis broker hands a message
    out again once it has been unacknowledged for its visibility timeout
    (``CELERY_VISIBILITY_TIMEOUT``, 5 minutes), so longer waits would run it twice.
    """

    abstract = True
    acks_late = True
    reject_on_worker_lost = True
    retry_backoff_max = 4 * 60

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        clinic = tenant_model().objects.get(pk=kwargs["clinic_id"])
        with clinic_context(clinic), audit_context(SYSTEM_CONTEXT):
            return super().__call__(*args, **kwargs)


@contextmanager
def tasks_inline() -> Iterator[None]:
    """Inside the block, tasks are run here and now instead of being sent to the broker.

    For one-shot jobs whose background work must be done when they return, such as
    loading the demo. The task is called directly, as a worker would call it (its
    class's ``__call__`` and body, so a ``ClinicTask`` still sets its clinic's context),
    with no retries: its error is raised to the caller. ``enqueue_on_commit`` then runs
    the task at once, in the caller's transaction, so what it writes commits or rolls
    back with the caller's writes. The switch is a context variable: other threads and
    asyncio tasks (the requests of a server) keep sending to the broker.
    """
    token = _inline.set(True)
    try:
        yield
    finally:
        _inline.reset(token)


def task_send(task: Task, /, **kwargs: Any) -> None:
    """Send ``task`` with ``kwargs`` to the broker, or run it at once inside ``tasks_inline``."""
    if _inline.get():
        task(**kwargs)
    else:
        task.apply_async(kwargs=kwargs)


def task_send_after_commit(task: Task, /, **kwargs: Any) -> None:
    """``task_send`` for work whose transaction has already committed: a broker that
    cannot take the message (down, unreachable, full) is logged, never raised, so the
    caller answers with what it committed (a checkout is 201, not 500, once the sale is
    written). Work that must not be lost is recorded in its transaction and sent again
    by a beat sweep (``commissions.tasks.requeue_stale_commission_runs``,
    ``notifications.tasks.notifications_dispatch_due``, ``outbox.tasks.outbox_relay``).
    Inside ``tasks_inline`` the task's own error is raised as usual."""
    if _inline.get():
        task(**kwargs)
        return
    try:
        task.apply_async(kwargs=kwargs)
    except Exception:
        logger.exception("task %s not sent after commit; a beat sweep sends it again", task.name)


def enqueue_on_commit(task: Task, /, **kwargs: Any) -> None:
    """Send ``task`` with ``kwargs`` once the current transaction commits
    (``task_send_after_commit``: a broker error is logged, not raised).

    A rolled-back transaction enqueues nothing; outside a transaction it is sent at once.
    Inside ``tasks_inline`` the task runs at once, in the current transaction.
    """
    if _inline.get():
        task_send(task, **kwargs)
    else:
        transaction.on_commit(lambda: task_send_after_commit(task, **kwargs))
