"""Where the current operation comes from, for the audit trail and consent evidence.

Services are given the actor explicitly (``actor=``); the rest of "who did it, from
where" is ambient and lives in one context variable, an :class:`AuditContext`:

* an HTTP request gets its own from ``core.middleware.AuditContextMiddleware`` (the
  client's address by ``core.net.client_ip``, the user agent, the request id and the
  caller's role at the request's clinic);
* everything else (Celery tasks, management commands, services called directly) runs in
  :data:`SYSTEM_CONTEXT`, which names no address, agent, request or role.
  ``core.tasks.ClinicTask`` sets it explicitly, so a task run inline inside a request
  (``tasks_inline``) does not borrow the request's origin.

The variable is a ``ContextVar``: isolated per thread and per asyncio task, and always
reset by whoever set it (``audit_context``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from core.net import client_ip


@dataclass(frozen=True)
class AuditContext:
    """The origin of the current operation.

    ``ip``: the client's address (``None`` when unknown or not an IP address);
    ``user_agent``: the ``User-Agent`` header as sent (consumers truncate it to their
    column); ``request_id``: the ``X-Request-Id`` of the request (at most 64 characters);
    ``actor_role``: the caller's role at the request's clinic (``""`` without one), the
    default role of audit events."""

    ip: str | None = None
    user_agent: str = ""
    request_id: str = ""
    actor_role: str = ""

    @classmethod
    def from_request(cls, request: Any) -> AuditContext:
        """The context of a Django or DRF ``request`` that went through
        ``RequestIdMiddleware`` and ``ClinicContextMiddleware`` (``request.request_id``,
        ``request.membership``; either may be missing)."""
        membership = getattr(request, "membership", None)
        return cls(
            ip=client_ip(request),
            user_agent=str(request.META.get("HTTP_USER_AGENT", "")),
            request_id=str(getattr(request, "request_id", "") or "")[:64],
            actor_role=str(membership.role) if membership is not None else "",
        )


#: Tasks, commands and direct calls: no client, no request, no role.
SYSTEM_CONTEXT = AuditContext()

_current: ContextVar[AuditContext] = ContextVar("audit_context", default=SYSTEM_CONTEXT)


def audit_context_get() -> AuditContext:
    """The context of the operation running now (``SYSTEM_CONTEXT`` outside a request)."""
    return _current.get()


@contextmanager
def audit_context(context: AuditContext) -> Iterator[AuditContext]:
    """Run a block in ``context``; the previous one is restored when the block ends,
    also on errors."""
    token = _current.set(context)
    try:
        yield context
    finally:
        _current.reset(token)
