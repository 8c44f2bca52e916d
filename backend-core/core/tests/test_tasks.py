import threading
from typing import Any
from unittest import mock

from core.celery import app
from core.tasks import ClinicTask, enqueue_on_commit, tasks_inline
from core.tenancy import clinic_context, get_current_clinic

ran: list[tuple[Any, str]] = []


@app.task(base=ClinicTask, bind=True)
def note_clinic(self: ClinicTask, *, clinic_id: str, note: str) -> None:
    current = get_current_clinic()
    ran.append((current.pk if current else None, note))


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
