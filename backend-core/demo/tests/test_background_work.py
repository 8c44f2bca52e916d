"""The demo's background work is done when ``demo_data`` returns: nothing is left on the
broker for the workers to catch up on (they would spend minutes on it before serving the
first real request's task)."""

import io
import uuid
from collections import Counter
from collections.abc import Iterator

import pytest
from django.core.management import call_command

from commissions.models import CommissionRun
from core.celery import app
from demo.tests.test_demo_data import FAST_HASHING
from emr.models import Photo
from outbox.models import OutboxEvent

pytestmark = pytest.mark.django_db(transaction=True)  # commits, so after-commit sends happen


@pytest.fixture
def queue() -> Iterator[str]:
    """A queue of this test's own on the configured broker (not eager): every task sent
    meanwhile goes there."""
    previous = app.conf.task_default_queue
    app.conf.task_default_queue = f"test-{uuid.uuid4().hex[:10]}"
    try:
        yield app.conf.task_default_queue
    finally:
        taken_off(app.conf.task_default_queue)
        app.conf.task_default_queue = previous


def taken_off(queue: str) -> Counter[str]:
    """Take every message off ``queue``: how many there were of each task name."""
    names: Counter[str] = Counter()
    with app.connection_for_write() as connection:
        channel = connection.default_channel
        while (message := channel.basic_get(queue, no_ack=True)) is not None:
            names[message.headers["task"]] += 1
    return names


def test_loading_the_demo_leaves_no_task_on_the_broker(queue, settings, tmp_path):
    settings.PASSWORD_HASHERS = FAST_HASHING
    settings.OBJECT_STORE_ROOT, settings.S3_BUCKET = tmp_path, ""

    call_command("demo_data", history_days=7, stdout=io.StringIO())  # the history queues nothing

    assert taken_off(queue) == Counter()
    # ... because the work is done: every sale's commissions, every photo, every event.
    assert CommissionRun.unscoped.count() > 200
    assert not CommissionRun.unscoped.exclude(status=CommissionRun.Status.DONE).exists()
    assert Photo.unscoped.count() == 12
    assert not Photo.unscoped.exclude(status=Photo.Status.READY).exists()
    assert OutboxEvent.objects.exists()
    assert not OutboxEvent.objects.filter(published_at__isnull=True).exists()
