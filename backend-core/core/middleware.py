"""Request id, query-string hygiene and audit context middleware."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from core.context import AuditContext, audit_context
from core.exceptions import ValidationFailed, problem_response
from core.logging import request_id_var

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")


class RequestIdMiddleware:
    """Take a sane ``X-Request-Id`` from the caller or make one; echo it in the response
    and expose it to logs (``request_id_var``) and audit records (``request.request_id``)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-Id", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-Id"] = request_id
        return response


class AuditContextMiddleware:
    """Make the request's origin the audit context (``core.context``) of everything the
    request runs: client address, user agent, request id and the caller's role at the
    request's clinic. Goes after ``ClinicContextMiddleware``, which resolves the role."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit_context(AuditContext.from_request(request)):
            return self.get_response(request)


class QueryStringMiddleware:
    """Refuse query parameters holding the NUL character (U+0000) with a 400 naming
    them, before any view filters with them: PostgreSQL cannot compare text holding NUL
    and would fail the query (a 500). The JSON body gets the same rule in
    ``core.parsers``; invalid UTF-8 in the query already decodes to U+FFFD."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        bad = sorted({name for name, values in request.GET.lists() if "\x00" in "".join([name, *values])})
        if bad:
            message = str(_("The NUL character (U+0000) is not allowed."))
            names = [name.replace("\x00", "\\x00") for name in bad]
            return problem_response(request, ValidationFailed(errors={name: [message] for name in names}))
        return self.get_response(request)
