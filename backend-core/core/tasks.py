"""Task plumbing shared by every app: the clinic-aware base task and on-commit enqueueing."""

from __future__ import annotations

from typing import Any

from celery import Task
from django.db import transaction

from core.tenancy import clinic_context


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


def enqueue_on_commit(task: Task, /, **kwargs: Any) -> None:
    """Send ``task`` with ``kwargs`` once the current transaction commits.

    A rolled-back transaction enqueues nothing; outside a transaction it is sent at once.
    """
    transaction.on_commit(lambda: task.apply_async(kwargs=kwargs))
