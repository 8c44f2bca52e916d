"""Sinks the outbox relay publishes to.

* :class:`ChannelsPublisher` (always on): the clinic's Channels group ``clinic.<id>``,
  message ``{"type": "clinic.event", "event": <envelope>}`` (``OutboxEvent.envelope``);
  each socket sends the envelope on as it is, or the member's own part of it
  (``core.realtime.event_for_member``), so open screens update live.
* :class:`KafkaPublisher` (when ``KAFKA_BOOTSTRAP_SERVERS`` is set): topic
  ``KAFKA_EVENTS_TOPIC``, structured-mode CloudEvents JSON value, key = the event's
  subject (events of one subject land on one partition, in order), ``ce_*`` headers.
  Uses confluent-kafka's idempotent producer (``acks=all``); ``publish`` returns only
  when the broker acknowledged the message and raises ``PublishError`` otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings

from core.realtime import clinic_group
from outbox.models import OutboxEvent


class PublishError(RuntimeError):
    """A sink did not accept an event; the relay retries it later."""


class Publisher(Protocol):
    def publish(self, event: OutboxEvent) -> None: ...


class ChannelsPublisher:
    def publish(self, event: OutboxEvent) -> None:
        layer = get_channel_layer()
        if layer is None:
            return
        async_to_sync(layer.group_send)(
            clinic_group(event.clinic_id),
            {"type": "clinic.event", "event": event.envelope()},
        )


def _confluent_producer(config: dict[str, Any]) -> Any:
    from confluent_kafka import Producer

    return Producer(config)


class KafkaPublisher:
    """``producer_factory(config)`` returns an object with confluent-kafka's
    ``produce(topic, value=, key=, headers=, on_delivery=)`` and ``flush(timeout)``."""

    def __init__(
        self,
        *,
        bootstrap_servers: str,
        topic: str,
        timeout: float = 10.0,
        producer_factory: Callable[[dict[str, Any]], Any] = _confluent_producer,
    ) -> None:
        self.topic = topic
        self.timeout = timeout
        self.producer = producer_factory(
            {"bootstrap.servers": bootstrap_servers, "enable.idempotence": True, "acks": "all"}
        )

    def publish(self, event: OutboxEvent) -> None:
        envelope = event.envelope()
        errors: list[str] = []

        def delivered(error: Any, _message: Any) -> None:
            if error is not None:
                errors.append(str(error))

        self.producer.produce(
            self.topic,
            value=json.dumps(envelope).encode(),
            key=(event.subject or str(event.clinic_id)).encode(),
            headers=[
                ("content-type", b"application/cloudevents+json"),
                ("ce_id", str(envelope["id"]).encode()),
                ("ce_type", event.type.encode()),
            ],
            on_delivery=delivered,
        )
        remaining = self.producer.flush(self.timeout)
        if remaining:
            raise PublishError(f"Kafka did not acknowledge event {event.event_id} in {self.timeout}s")
        if errors:
            raise PublishError(f"Kafka refused event {event.event_id}: {errors[0]}")


_kafka: KafkaPublisher | None = None


def configured_publishers() -> list[Publisher]:
    """The Channels sink, plus Kafka when ``KAFKA_BOOTSTRAP_SERVERS`` is set (one
    producer per process, reused)."""
    global _kafka
    sinks: list[Publisher] = [ChannelsPublisher()]
    if settings.KAFKA_BOOTSTRAP_SERVERS:
        if _kafka is None:
            _kafka = KafkaPublisher(
                bootstrap_servers=settings.KAFKA_BOOTSTRAP_SERVERS, topic=settings.KAFKA_EVENTS_TOPIC
            )
        sinks.append(_kafka)
    return sinks
