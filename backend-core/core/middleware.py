"""Request id, query-string hygiene, clinic (tenant) context and audit context middleware."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from core.context import AuditContext, audit_context
from core.exceptions import NotFound, ValidationFailed, problem_response
from core.logging import request_id_var
from core.tenancy import reset_current_clinic, set_current_clinic

if TYPE_CHECKING:
    from accounts.models import Membership

CLINIC_HEADER = "HTTP_X_CLINIC_ID"
SESSION_CLINIC_KEY = "clinic_id"
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


class ClinicContextMiddleware:
    """Resolve the request's clinic and make it the tenant context for the request.

    The clinic comes from the ``X-Clinic-Id`` header (API) or, failing that, from the
    session (server-rendered pages). It is accepted only when the authenticated user has
    an active membership there; otherwise the answer is 404, the same as for a clinic that
    does not exist, so the header cannot be used to probe for clinics. The context is reset
    when the response leaves, also on errors.

    Sets ``request.clinic`` and ``request.membership`` (``None`` when no clinic applies).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.clinic = None  # type: ignore[attr-defined]
        request.membership = None  # type: ignore[attr-defined]
        from_header = CLINIC_HEADER in request.META
        raw = request.META.get(CLINIC_HEADER) if from_header else self._session_clinic(request)
        if raw:
            try:
                clinic_id = uuid.UUID(str(raw))
            except ValueError:
                return problem_response(
                    request,
                    ValidationFailed(
                        _("The X-Clinic-Id header must be a clinic UUID."),
                        errors={"X-Clinic-Id": [str(_("Must be a UUID."))]},
                    ),
                )
            user_id = self._user_id(request)
            membership = self._membership(user_id, clinic_id)
            # Only a caller we know gets the 404; an expired or revoked token goes on to
            # the view, whose authentication answers 401 so the client refreshes it.
            if membership is None and from_header and user_id is not None:
                return problem_response(request, NotFound(_("No such clinic.")))
            if membership is not None:
                request.clinic = membership.clinic  # type: ignore[attr-defined]
                request.membership = membership  # type: ignore[attr-defined]
        token = set_current_clinic(request.clinic)  # type: ignore[attr-defined]
        try:
            return self.get_response(request)
        finally:
            reset_current_clinic(token)

    @staticmethod
    def _session_clinic(request: HttpRequest) -> str | None:
        session = getattr(request, "session", None)
        return session.get(SESSION_CLINIC_KEY) if session is not None else None

    @staticmethod
    def _user_id(request: HttpRequest) -> uuid.UUID | None:
        from accounts.authentication import user_id_from_request

        return user_id_from_request(request)

    @staticmethod
    def _membership(user_id: uuid.UUID | None, clinic_id: uuid.UUID) -> Membership | None:
        from accounts.selectors import membership_active_get

        if user_id is None:
            return None
        return membership_active_get(user_id=user_id, clinic_id=clinic_id)
