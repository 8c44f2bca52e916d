import threading
from typing import Any
from unittest import mock

import pytest
from kombu.exceptions import OperationalError

from core.celery import app
from core.context import SYSTEM_CONTEXT, AuditContext, audit_context, audit_context_get
from core.tasks import ClinicTask, enqueue_on_commit, tasks_inline
from core.tenancy import clinic_context, get_current_clinic

ran: list[tuple[Any, str]] = []
origins: list[AuditContext] = []


@app.task(base=ClinicTask, bind=True)
def note_clinic(self: ClinicTask, *, clinic_id: str, note: str) -> None:
    current = get_current_clinic()
    ran.append((current.pk if current else None, note))
    origins.append(audit_context_get())


def test_inside_tasks_inline_a_queued_task_runs_at_once_as_its_clinic_and_is_not_sent(
    world, django_capture_on_commit_callbacks
):
    ran.clear()
    with (
        mock.patch.object(note_clinic, "apply_async") as send,
        django_capture_on_commit_callbacks() as callbacks,
        clinic_context(world.a.clinic),
        tasks_inline(),
    ):
        enqueue_on_commit(note_clinic, clinic_id=str(world.b.clinic.pk), note="inline")
        assert ran == [(world.b.clinic.pk, "inline")]  # before any commit, as the task's clinic
        assert get_current_clinic() == world.a.clinic
    assert callbacks == [] and not send.called


def test_tasks_inline_does_not_reach_other_threads(world):
    ran.clear()
    kwargs = {"clinic_id": str(world.a.clinic.pk), "note": "request"}
    # Another thread (a server's request) is in autocommit: the task is sent at once.
    request = threading.Thread(target=lambda: enqueue_on_commit(note_clinic, **kwargs))
    with mock.patch.object(note_clinic, "apply_async") as send, tasks_inline():
        request.start()
        request.join()
    assert ran == []
    send.assert_called_once_with(kwargs=kwargs)


def test_outside_tasks_inline_a_task_is_sent_after_commit(world, django_capture_on_commit_callbacks):
    ran.clear()
    kwargs = {"clinic_id": str(world.a.clinic.pk), "note": "queued"}
    with (
        mock.patch.object(note_clinic, "apply_async") as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        enqueue_on_commit(note_clinic, **kwargs)
        assert not send.called
    assert ran == []
    send.assert_called_once_with(kwargs=kwargs)


def test_a_broker_error_after_the_commit_is_logged_not_raised(
    world, django_capture_on_commit_callbacks, caplog
):
    kwargs = {"clinic_id": str(world.a.clinic.pk), "note": "lost"}
    down = OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
    with (
        mock.patch.object(note_clinic, "apply_async", side_effect=down) as send,
        django_capture_on_commit_callbacks(execute=True),
    ):
        enqueue_on_commit(note_clinic, **kwargs)
    send.assert_called_once_with(kwargs=kwargs)
    assert f"task {note_clinic.name} not sent after commit" in caplog.text


def test_a_dead_workers_tasks_return_within_minutes_and_retries_wait_less(settings):
    """A retry is a message a worker holds unacknowledged until it is due; the Redis
    broker hands it to another worker after the visibility timeout: it would run twice."""
    timeout = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout")
    if timeout is None:
        pytest.skip("the filesystem broker has no visibility timeout")
    assert timeout <= 5 * 60  # a dead worker's tasks are handed out again within minutes
    app.loader.import_default_modules()
    retrying = [task for task in app.tasks.values() if getattr(task, "autoretry_for", ())]
    assert {"commissions.tasks.calculate_commission", "notifications.tasks.notification_send"} <= {
        task.name for task in retrying
    }
    for task in retrying:
        if not task.retry_backoff:
            longest = task.default_retry_delay
        elif task.max_retries is None:
            longest = task.retry_backoff_max
        else:
            base = 1 if task.retry_backoff is True else task.retry_backoff
            longest = min(task.retry_backoff_max, base * 2 ** (task.max_retries - 1))
        assert longest < timeout, f"{task.name} may wait {longest} s before a retry"


def test_a_task_run_inside_a_request_does_not_borrow_its_audit_context(world):
    origins.clear()
    with audit_context(AuditContext(ip="203.0.113.7", request_id="req-1")) as request, tasks_inline():
        enqueue_on_commit(note_clinic, clinic_id=str(world.a.clinic.pk), note="inline")
        assert audit_context_get() == request
    assert origins == [SYSTEM_CONTEXT]
