"""Domain-event outbox relay (outbox app): Kafka is used only when configured."""

from .env import env

# Comma-separated broker list; empty: events go to Channels groups only.
KAFKA_BOOTSTRAP_SERVERS = env.str("KAFKA_BOOTSTRAP_SERVERS", default="")
KAFKA_EVENTS_TOPIC = env.str("KAFKA_EVENTS_TOPIC", default="aesthetix.events")
# CloudEvents ``source`` prefix, e.g. "https://clinic.example.com" or a URN.
OUTBOX_SOURCE_PREFIX = env.str("OUTBOX_SOURCE_PREFIX", default="urn:aesthetix")
OUTBOX_RELAY_LOCK_SECONDS = env.int("OUTBOX_RELAY_LOCK_SECONDS", default=120)
