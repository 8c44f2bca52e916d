"""Delivery adapters. The setting ``NOTIFICATIONS_ADAPTER`` picks one:

* ``file`` (default): appends one JSON line per message to
  ``<var>/notifications/outbox.jsonl``, where a developer reads what would have been sent;
* ``console``: writes the message to the process's standard output.

Provider adapters (SMS, WhatsApp, e-mail gateways) plug in behind the same interface.
"""

from __future__ import annotations

import json
import sys
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Message:
    channel: str  # "sms" | "whatsapp" | "email"
    to: str  # E.164 phone or e-mail address
    body: str
    idempotency_key: str


class Adapter(Protocol):
    def send(self, message: Message) -> str:
        """Deliver ``message``; return the provider's message reference."""


class FileAdapter:
    _lock = threading.Lock()

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or Path(settings.NOTIFICATIONS_FILE)

    def send(self, message: Message) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = {**asdict(message), "sent_at": datetime.now(tz=UTC).isoformat()}
        with self._lock, self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return f"file:{message.idempotency_key}"


class ConsoleAdapter:
    def send(self, message: Message) -> str:
        sys.stdout.write(f"[{message.channel} → {message.to}] {message.body}\n")
        sys.stdout.flush()
        return f"console:{message.idempotency_key}"


ADAPTERS = {"file": "notifications.adapters.FileAdapter", "console": "notifications.adapters.ConsoleAdapter"}


def get_adapter() -> Adapter:
    name = settings.NOTIFICATIONS_ADAPTER
    adapter_class = import_string(ADAPTERS.get(name, name))
    return adapter_class()
