"""The one way the system sends a message to a person."""

from __future__ import annotations

from notifications.adapters import Message, get_adapter


def message_send(*, channel: str, to: str, body: str, idempotency_key: str) -> str:
    """Send ``body`` to ``to`` over ``channel`` with the configured adapter; returns the
    provider reference. ``idempotency_key`` lets providers drop a retried duplicate."""
    return get_adapter().send(Message(channel=channel, to=to, body=body, idempotency_key=idempotency_key))
