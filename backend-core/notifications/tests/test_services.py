import json
import threading
import time
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from core.exceptions import ValidationFailed
from core.tenancy import TenantContextMissing, clinic_context
from notifications.adapters import Message, PermanentDeliveryError, TransientDeliveryError
from notifications.models import Notification
from notifications.services import (
    notification_deliver,
    notification_schedule,
    notifications_cancel_for_subject,
    notifications_enqueue_due,
)
from notifications.tests.factories import NotificationFactory, reminder_payload

Status = Notification.Status


class RecordingAdapter:
    """Test adapter: records every message; ``outcome`` is an exception to raise or None."""

    sent: list[Message] = []
    outcome: Exception | None = None
    delay = 0.0

    def send(self, message: Message) -> str:
        time.sleep(self.delay)
        if RecordingAdapter.outcome is not None:
            raise RecordingAdapter.outcome
        RecordingAdapter.sent.append(message)
        return f"ref-{len(RecordingAdapter.sent)}"


@pytest.fixture
def adapter(settings):
    settings.NOTIFICATIONS_SMS_ADAPTER = "notifications.tests.test_services.RecordingAdapter"
    RecordingAdapter.sent = []
    RecordingAdapter.outcome = None
    RecordingAdapter.delay = 0.0
    return RecordingAdapter


def schedule(clinic, **overrides):
    arguments = {
        "clinic": clinic,
        "channel": "sms",
        "recipient": "+66815550101",
        "template": "appointment.reminder",
        "language": "th",
        "payload": reminder_payload(),
        "scheduled_for": timezone.now() + timedelta(hours=24),
        "dedupe_key": "appointment:1:reminder:24h",
        "subject_type": "scheduling.Appointment",
        "subject_id": "1",
        **overrides,
    }
    return notification_schedule(**arguments)


# ------------------------------------------------------------------------------ schedule


def test_scheduling_twice_with_one_dedupe_key_makes_one_row(world):
    first = schedule(world.a.clinic)
    second = schedule(world.a.clinic, payload=reminder_payload(patient_name="Other"))
    assert second.pk == first.pk
    assert Notification.unscoped.filter(clinic=world.a.clinic, subject_id="1").count() == 1
    assert second.payload["patient_name"] == "Somchai"


def test_dedupe_key_is_unique_per_clinic_not_globally(world):
    a = schedule(world.a.clinic)
    b = schedule(world.b.clinic)
    assert a.pk != b.pk and b.clinic == world.b.clinic


def test_without_dedupe_key_every_call_schedules(world):
    schedule(world.a.clinic, dedupe_key=None)
    schedule(world.a.clinic, dedupe_key=None)
    assert Notification.unscoped.filter(clinic=world.a.clinic, subject_id="1").count() == 2


def test_schedule_stores_utc_and_normalized_language(world):
    notification = schedule(world.a.clinic, language="pt-BR")
    notification.refresh_from_db()
    assert notification.language == "pt-br"
    assert notification.status == Status.SCHEDULED and notification.attempts == 0
    assert notification.scheduled_for.utcoffset() == timedelta(0)


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"recipient": "0815550101"}, "recipient"),
        ({"channel": "email", "recipient": "+66815550101"}, "recipient"),
        ({"channel": "line"}, "channel"),
        ({"template": "nope"}, "template"),
        ({"scheduled_for": timezone.now().replace(tzinfo=None)}, "scheduled_for"),
    ],
)
def test_schedule_refuses_bad_input_naming_the_field(world, overrides, field):
    with pytest.raises(ValidationFailed) as error:
        schedule(world.a.clinic, **overrides)
    assert field in error.value.errors


def test_the_tenant_manager_hides_other_clinics_notifications(world):
    created = schedule(world.a.clinic)
    with clinic_context(world.b.clinic):
        seen = list(Notification.objects.all())  # the world's failed reminder of clinic B
    assert seen and created.pk not in {n.pk for n in seen}
    assert {n.clinic_id for n in seen} == {world.b.clinic.pk}
    with pytest.raises(TenantContextMissing):
        list(Notification.objects.all())


# -------------------------------------------------------------------------------- cancel


def test_cancel_for_subject_cancels_only_that_subjects_scheduled_ones(world):
    pending = schedule(world.a.clinic)
    other_subject = schedule(world.a.clinic, dedupe_key="appointment:2:reminder:24h", subject_id="2")
    already_sent = NotificationFactory(
        clinic=world.a.clinic, subject_type="scheduling.Appointment", subject_id="1", status=Status.SENT
    )
    other_clinic = schedule(world.b.clinic)
    with clinic_context(world.a.clinic):
        assert notifications_cancel_for_subject(subject_type="scheduling.Appointment", subject_id="1") == 1
    statuses = dict(Notification.unscoped.values_list("pk", "status"))
    assert statuses[pending.pk] == Status.CANCELLED
    assert statuses[other_subject.pk] == Status.SCHEDULED
    assert statuses[already_sent.pk] == Status.SENT
    assert statuses[other_clinic.pk] == Status.SCHEDULED


# ------------------------------------------------------------------------------- deliver


def test_deliver_renders_sends_and_marks_sent(world, adapter):
    notification = NotificationFactory(
        clinic=world.a.clinic, language="th", dedupe_key="appointment:9:reminder:1h"
    )
    with clinic_context(world.a.clinic):
        notification = notification_deliver(notification=notification)
    assert notification.status == Status.SENT
    assert notification.attempts == 1 and notification.sent_at is not None
    assert notification.provider_reference == "ref-1"
    [message] = adapter.sent
    assert message.to == "+66815550101" and message.channel == "sms"
    assert message.body.startswith("คุณSomchai ขอเตือนนัดหมาย")
    assert message.idempotency_key == "appointment:9:reminder:1h"


def test_delivering_twice_sends_once(world, adapter):
    notification = NotificationFactory(clinic=world.a.clinic)
    with clinic_context(world.a.clinic):
        notification_deliver(notification=notification)
        again = notification_deliver(notification=Notification.objects.get(pk=notification.pk))
    assert len(adapter.sent) == 1
    assert again.status == Status.SENT and again.attempts == 1


def test_a_cancelled_or_future_notification_is_not_sent(world, adapter):
    cancelled = NotificationFactory(clinic=world.a.clinic, status=Status.CANCELLED)
    future = NotificationFactory(clinic=world.a.clinic, scheduled_for=timezone.now() + timedelta(hours=1))
    with clinic_context(world.a.clinic):
        assert notification_deliver(notification=cancelled).status == Status.CANCELLED
        assert notification_deliver(notification=future).status == Status.SCHEDULED
    assert adapter.sent == []


def test_the_clinics_language_is_used_when_the_patients_is_unknown(world, adapter):
    notification = NotificationFactory(clinic=world.b.clinic, language="fr")  # clinic B speaks pt-BR
    with clinic_context(world.b.clinic):
        notification_deliver(notification=notification)
    assert adapter.sent[0].body.startswith("Olá, Somchai!")


def test_a_permanent_error_marks_failed_without_retry(world, adapter):
    adapter.outcome = PermanentDeliveryError("HTTP 400: invalid number")
    notification = NotificationFactory(clinic=world.a.clinic)
    with clinic_context(world.a.clinic):
        notification = notification_deliver(notification=notification)
    assert notification.status == Status.FAILED
    assert notification.last_error == "HTTP 400: invalid number" and notification.attempts == 1


def test_a_template_error_marks_failed(world, adapter):
    notification = NotificationFactory(clinic=world.a.clinic, payload={"patient_name": "x"})
    with clinic_context(world.a.clinic):
        notification = notification_deliver(notification=notification)
    assert notification.status == Status.FAILED and "clinic_name" in notification.last_error
    assert adapter.sent == []


def test_a_transient_error_reschedules_and_raises_until_attempts_run_out(world, adapter, settings):
    settings.NOTIFICATIONS_MAX_ATTEMPTS = 2
    adapter.outcome = TransientDeliveryError("HTTP 503")
    notification = NotificationFactory(clinic=world.a.clinic)
    with clinic_context(world.a.clinic):
        with pytest.raises(TransientDeliveryError):
            notification_deliver(notification=notification)
        notification.refresh_from_db()
        assert notification.status == Status.SCHEDULED and notification.attempts == 1
        assert notification.last_error == "HTTP 503"
        notification = notification_deliver(notification=notification)
    assert notification.status == Status.FAILED and notification.attempts == 2


def test_an_unexpected_error_does_not_leave_it_sending(world, adapter):
    adapter.outcome = RuntimeError("bug")
    notification = NotificationFactory(clinic=world.a.clinic)
    with clinic_context(world.a.clinic), pytest.raises(RuntimeError):
        notification_deliver(notification=notification)
    notification.refresh_from_db()
    assert notification.status == Status.FAILED and "bug" in notification.last_error


def test_the_file_adapter_writes_the_rendered_message(world, settings, tmp_path):
    settings.NOTIFICATIONS_FILE = str(tmp_path / "outbox.jsonl")
    settings.NOTIFICATIONS_EMAIL_ADAPTER = "file"
    notification = NotificationFactory(
        clinic=world.a.clinic, channel="email", recipient="somchai@example.com"
    )
    with clinic_context(world.a.clinic):
        notification_deliver(notification=notification)
    [line] = (tmp_path / "outbox.jsonl").read_text().splitlines()
    record = json.loads(line)
    assert record["to"] == "somchai@example.com" and record["channel"] == "email"
    assert record["subject"] == "Appointment reminder: Siam Aesthetics"


@pytest.mark.django_db(transaction=True)
def test_two_workers_delivering_at_once_send_once(world, adapter):
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need the services profile")
    adapter.delay = 0.2
    notification = NotificationFactory(clinic=world.a.clinic)
    barrier = threading.Barrier(2)
    results: list[str] = []

    def worker() -> None:
        try:
            with clinic_context(world.a.clinic):
                row = Notification.objects.get(pk=notification.pk)
                barrier.wait()
                results.append(notification_deliver(notification=row).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(adapter.sent) == 1
    assert len(results) == 2
    notification.refresh_from_db()
    assert notification.status == Status.SENT and notification.attempts == 1


# ---------------------------------------------------------------------------- dispatch


@pytest.fixture
def queued(monkeypatch):
    """What the dispatcher hands to the broker: the kwargs of each notification_send."""
    from notifications.tasks import notification_send

    calls: list[dict[str, str]] = []
    monkeypatch.setattr(notification_send, "apply_async", lambda kwargs, **_: calls.append(kwargs))
    return calls


def test_dispatch_queues_only_due_scheduled_ones_once(world, queued, django_capture_on_commit_callbacks):
    due_a = NotificationFactory(clinic=world.a.clinic)
    due_b = NotificationFactory(clinic=world.b.clinic)
    NotificationFactory(clinic=world.a.clinic, scheduled_for=timezone.now() + timedelta(minutes=5))
    NotificationFactory(clinic=world.a.clinic, status=Status.CANCELLED)
    NotificationFactory(clinic=world.a.clinic, status=Status.SENT)
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_enqueue_due() == 2
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_enqueue_due() == 0
    assert sorted(queued, key=lambda kw: kw["clinic_id"]) == sorted(
        [
            {"clinic_id": str(world.a.clinic.pk), "notification_id": str(due_a.pk)},
            {"clinic_id": str(world.b.clinic.pk), "notification_id": str(due_b.pk)},
        ],
        key=lambda kw: kw["clinic_id"],
    )


def test_dispatch_requeues_one_whose_message_was_lost(world, queued, django_capture_on_commit_callbacks):
    lost = NotificationFactory(clinic=world.a.clinic, enqueued_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_enqueue_due() == 1
    assert queued == [{"clinic_id": str(world.a.clinic.pk), "notification_id": str(lost.pk)}]


def test_scheduling_a_due_notification_queues_it_after_commit(
    world, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notification = schedule(world.a.clinic, scheduled_for=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_enqueue_due() == 0
    assert queued == [{"clinic_id": str(world.a.clinic.pk), "notification_id": str(notification.pk)}]
