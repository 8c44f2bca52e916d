"""Who-did-it context for the trigger-written history rows (django-pghistory)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpRequest, HttpResponse
from pghistory.middleware import HistoryMiddleware


class HistoryContextMiddleware(HistoryMiddleware):
    """Stamps every history row written during a request with
    ``{"user": <user id>, "clinic": <clinic id>, "request_id": str, "url": <path>}``
    (the row's ``pgh_context``; ``pgh_context_id`` groups the rows of one request).

    Goes after ``ClinicContextMiddleware``, which has resolved the clinic and, for API
    calls, the member behind the bearer token. When DRF authenticates the user later in
    the view, pghistory's request wrapper updates ``user``. Requests that change nothing
    cost nothing: the context rides on the writing statements only.

    PostgreSQL only: the context is passed to the triggers as transaction settings
    (``set_config``), which SQLite does not have, and there are no triggers there. On
    other databases Django drops this middleware at start-up (``MiddlewareNotUsed``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if connection.vendor != "postgresql":
            raise MiddlewareNotUsed("History triggers exist on PostgreSQL only.")
        super().__init__(get_response)

    def get_context(self, request: HttpRequest) -> dict[str, Any]:
        membership = getattr(request, "membership", None)
        clinic = getattr(request, "clinic", None)
        user_id: str | None
        if membership is not None:
            user_id = str(membership.user_id)
        else:
            user = getattr(request, "user", None)
            user_id = str(user.pk) if user is not None and user.is_authenticated else None
        return {
            "user": user_id,
            "clinic": str(clinic.pk) if clinic is not None else None,
            "request_id": getattr(request, "request_id", None),
            "url": request.path,
        }
