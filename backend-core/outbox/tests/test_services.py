import json
from unittest import mock

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import transaction

from core.realtime import clinic_group
from outbox.models import OutboxEvent
from outbox.publishers import ChannelsPublisher, KafkaPublisher, PublishError
from outbox.services import RELAY_LOCK_KEY, outbox_event_record, outbox_relay_run


@pytest.fixture(autouse=True)
def _in_memory_layer(settings, monkeypatch):
    """The embedded profile's layer, in the process that serves the sockets."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    monkeypatch.setattr("core.realtime._serving_sockets", True)


class FakeProducer:
    """confluent-kafka's Producer surface: produce() queues, flush() delivers or fails."""

    def __init__(self, config, fail_on=()):
        self.config = config
        self.fail_on = set(fail_on)
        self.pending = []
        self.log = []

    def produce(self, topic, value, key, headers, on_delivery):
        self.pending.append((topic, value, key, dict(headers), on_delivery))

    def flush(self, timeout):
        for topic, value, key, headers, callback in self.pending:
            envelope = json.loads(value)
            if envelope["type"] in self.fail_on:
                callback("broker down", None)
            else:
                self.log.append((topic, key.decode(), envelope, headers))
                callback(None, object())
        self.pending = []
        return 0


def _kafka(fail_on=()):
    made = []

    def factory(config):
        made.append(FakeProducer(config, fail_on))
        return made[-1]

    publisher = KafkaPublisher(bootstrap_servers="broker:9092", topic="events", producer_factory=factory)
    return publisher, made[0]


def _record(clinic, n, kind="com.aesthetix.test.happened"):
    with transaction.atomic():
        return [
            outbox_event_record(clinic_id=clinic.pk, type=kind, subject=f"thing/{i}", data={"n": i})
            for i in range(n)
        ]


def test_relay_publishes_in_order_to_channels_and_kafka_and_marks_each_once(world):
    clinic = world.a.clinic
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(clinic_group(clinic.pk), channel)
    _record(clinic, 3)
    kafka, producer = _kafka()

    assert outbox_relay_run(publishers=[ChannelsPublisher(), kafka]) == 3
    assert outbox_relay_run(publishers=[ChannelsPublisher(), kafka]) == 0

    received = [async_to_sync(layer.receive)(channel)["event"] for _ in range(3)]
    assert [m["data"]["n"] for m in received] == [0, 1, 2]
    assert [key for _t, key, _e, _h in producer.log] == ["thing/0", "thing/1", "thing/2"]
    topic, _key, envelope, headers = producer.log[0]
    assert topic == "events" and envelope["specversion"] == "1.0"
    assert headers["ce_id"].decode() == envelope["id"]
    assert producer.config["enable.idempotence"] is True
    assert not OutboxEvent.objects.filter(published_at__isnull=True).exists()


def test_a_failing_sink_stops_the_run_and_the_event_is_retried_in_order(world):
    clinic = world.a.clinic
    _record(clinic, 1, kind="com.aesthetix.first")
    _record(clinic, 1, kind="com.aesthetix.second")
    broken, _ = _kafka(fail_on={"com.aesthetix.first"})
    with pytest.raises(PublishError):
        broken.publish(OutboxEvent.objects.get(type="com.aesthetix.first"))
    assert outbox_relay_run(publishers=[broken]) == 0
    first = OutboxEvent.objects.get(type="com.aesthetix.first")
    assert first.published_at is None and first.attempts == 1 and "broker down" in first.last_error
    assert OutboxEvent.objects.get(type="com.aesthetix.second").published_at is None

    healthy, producer = _kafka()
    assert outbox_relay_run(publishers=[healthy]) == 2
    assert [e["type"] for _t, _k, e, _h in producer.log] == ["com.aesthetix.first", "com.aesthetix.second"]


def test_at_least_once_a_relay_that_died_before_marking_publishes_again(world):
    clinic = world.a.clinic
    (event,) = _record(clinic, 1)
    kafka, producer = _kafka()
    kafka.publish(event)  # published, then the process died before marking it
    outbox_relay_run(publishers=[kafka])
    assert [e["id"] for _t, _k, e, _h in producer.log] == [str(event.event_id)] * 2


def test_only_one_relay_runs_at_a_time(world):
    _record(world.a.clinic, 1)
    kafka, producer = _kafka()
    cache.add(RELAY_LOCK_KEY, "someone-else", timeout=60)
    try:
        assert outbox_relay_run(publishers=[kafka]) == 0
    finally:
        cache.delete(RELAY_LOCK_KEY)
    assert producer.log == []


def test_a_rolled_back_transaction_leaves_no_event(world):
    def failing_change():
        with transaction.atomic():
            outbox_event_record(clinic_id=world.a.clinic.pk, type="com.aesthetix.x", subject="x", data={})
            raise RuntimeError

    with pytest.raises(RuntimeError):
        failing_change()
    assert not OutboxEvent.objects.exists()


def test_the_recording_process_publishes_each_transactions_events_right_after_commit(
    world, django_capture_on_commit_callbacks
):
    clinic = world.a.clinic
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(clinic_group(clinic.pk), channel)
    with django_capture_on_commit_callbacks(execute=True) as hooks:
        events = _record(clinic, 3)
    assert len(hooks) == 1  # one publish per transaction, however many events

    received = [async_to_sync(layer.receive)(channel)["event"] for _ in range(3)]
    assert received == [event.envelope() for event in events]
    assert not OutboxEvent.objects.filter(published_at__isnull=True).exists()
    assert outbox_relay_run(publishers=[ChannelsPublisher()]) == 0  # nothing left to sweep


def test_what_the_sinks_refuse_after_commit_is_left_to_the_sweep_in_order(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    broken, _ = _kafka(fail_on={"com.aesthetix.first"})
    monkeypatch.setattr("outbox.services.configured_publishers", lambda: [broken])
    with (
        mock.patch("outbox.tasks.outbox_relay.apply_async") as sweep,
        django_capture_on_commit_callbacks(execute=True),
        transaction.atomic(),
    ):
        outbox_event_record(clinic_id=world.a.clinic.pk, type="com.aesthetix.first", subject="x", data={})
        outbox_event_record(clinic_id=world.a.clinic.pk, type="com.aesthetix.second", subject="x", data={})
    sweep.assert_called_once()
    assert not OutboxEvent.objects.filter(published_at__isnull=False).exists()
    assert OutboxEvent.objects.get(type="com.aesthetix.first").attempts == 1

    healthy, producer = _kafka()
    assert outbox_relay_run(publishers=[healthy]) == 2
    assert [e["type"] for _t, _k, e, _h in producer.log] == ["com.aesthetix.first", "com.aesthetix.second"]


def test_with_the_in_memory_layer_only_the_process_serving_the_sockets_publishes(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    """The embedded profile's worker leaves its events to the web process's sweep
    (``core.asgi``): sent from the worker they would reach no socket."""
    monkeypatch.setattr("core.realtime._serving_sockets", False)
    kafka, producer = _kafka()
    monkeypatch.setattr("outbox.services.configured_publishers", lambda: [kafka])
    with django_capture_on_commit_callbacks(execute=True):
        _record(world.a.clinic, 2)
    assert outbox_relay_run() == 0
    assert producer.log == [] and OutboxEvent.objects.filter(published_at__isnull=True).count() == 2

    monkeypatch.setattr("core.realtime._serving_sockets", True)  # the web process
    assert outbox_relay_run() == 2
