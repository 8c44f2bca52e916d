"""Task plumbing shared by every app: the clinic-aware base task, on-commit enqueueing,
and running tasks inline for one-shot jobs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from celery import Task
from django.db import transaction

from core.tenancy import clinic_context

_inline: ContextVar[bool] = ContextVar("tasks_inline", default=False)


class ClinicTask(Task):
    """Base for tasks that work on one clinic's data.

    The task is called with ``clinic_id=<uuid str>``; the body runs inside that clinic's
    context, so tenant-local managers scope as they do in a request. Tasks are
    acknowledged late and re-queued if the worker dies: bodies must be idempotent.
    """

    abstract = True
    acks_late = True
    reject_on_worker_lost = True

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from accounts.models import Clinic

        clinic = Clinic.objects.get(pk=kwargs["clinic_id"])
        with clinic_context(clinic):
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


def enqueue_on_commit(task: Task, /, **kwargs: Any) -> None:
    """Send ``task`` with ``kwargs`` once the current transaction commits.

    A rolled-back transaction enqueues nothing; outside a transaction it is sent at once.
    Inside ``tasks_inline`` the task runs at once, in the current transaction.
    """
    if _inline.get():
        task_send(task, **kwargs)
    else:
        transaction.on_commit(lambda: task_send(task, **kwargs))
