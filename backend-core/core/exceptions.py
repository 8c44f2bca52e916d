"""One error vocabulary and one renderer: RFC 9457 problem details.

Every error the API returns has the shape::

    {"type": "urn:aesthetix:problem:<code>", "title": str, "status": int,
     "detail": str, "code": str, "instance": "<path>", "request_id": str,
     "errors": [{"field": "phone", "pointer": "#/phone", "code": str, "detail": str}]}

``errors`` is present for field-level validation problems only. Services raise the
``ApplicationError`` subclasses below; DRF and Django errors are mapped to the same shape.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import redis.exceptions
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext_lazy as _
from kombu.exceptions import OperationalError as BrokerUnavailable
from rest_framework import exceptions as drf_exceptions
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

logger = logging.getLogger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"


class ApplicationError(Exception):
    """Base of the errors services raise; ``code`` is stable and machine-readable."""

    status: int = 400
    code: str = "bad_request"
    title: Any = _("Bad request")
    default_detail: Any = ""

    def __init__(
        self,
        detail: Any = None,
        *,
        errors: Mapping[str, Iterable[str] | str] | None = None,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.detail = str(detail if detail is not None else (self.default_detail or self.title))
        self.errors = {
            k: [v] if isinstance(v, str) else [str(m) for m in v] for k, v in (errors or {}).items()
        }
        if code:
            self.code = code
        self.headers = dict(headers or {})
        super().__init__(self.detail)


class ValidationFailed(ApplicationError):
    status = 400
    code = "validation_error"
    title = _("Invalid input")
    default_detail = _("One or more fields are invalid.")


class FieldErrors:
    """Gathers the field errors of several checks so that one answer names every bad
    field, not only the first one a service meets::

        errors = FieldErrors()
        with errors.collect(prefix="owner"):
            user = user_create(**owner)   # its ValidationFailed is recorded, not raised
        errors.raise_if_any()             # one ValidationFailed naming all of them
    """

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, *messages: Any) -> None:
        self.errors.setdefault(field, []).extend(str(m) for m in messages)

    @contextmanager
    def collect(self, *, prefix: str = "") -> Iterator[None]:
        """Record the fields a ``ValidationFailed`` or Django ``ValidationError`` raised
        inside names (as ``prefix.field``) and carry on after the block."""
        try:
            yield
        except (ValidationFailed, DjangoValidationError) as exc:
            error = exc if isinstance(exc, ValidationFailed) else _from_django_validation(exc)
            for field, messages in error.errors.items():
                name = field if not prefix else prefix if field == "non_field_errors" else f"{prefix}.{field}"
                self.add(name, *messages)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationFailed(errors=self.errors)


class AuthenticationFailedError(ApplicationError):
    status = 401
    code = "not_authenticated"
    title = _("Authentication required")


class PermissionDeniedError(ApplicationError):
    status = 403
    code = "permission_denied"
    title = _("Permission denied")
    default_detail = _("Your role in this clinic does not allow this action.")


class TwoFactorRequired(ApplicationError):
    status = 403
    code = "two_factor_required"
    title = _("Two-factor authentication required")
    default_detail = _(
        "Your role requires two-factor authentication. Enrol an authenticator app and "
        "sign in again with its code."
    )


class NotFound(ApplicationError):
    status = 404
    code = "not_found"
    title = _("Not found")
    default_detail = _("No such record.")


class Conflict(ApplicationError):
    status = 409
    code = "conflict"
    title = _("Conflict")


class Gone(ApplicationError):
    status = 410
    code = "gone"
    title = _("Gone")


class TooManyRequests(ApplicationError):
    status = 429
    code = "too_many_requests"
    title = _("Too many requests")


class ServiceUnavailable(ApplicationError):
    """A server the request needs (Redis: cache, broker) is down or not answering:
    503 with ``Retry-After`` (RFC 9110 §15.6.4, §10.2.3), the client may try again."""

    status = 503
    code = "service_unavailable"
    title = _("Service unavailable")
    default_detail = _("A service this request needs is not answering. Try again in a moment.")
    retry_after_seconds = 30

    def __init__(self, detail: Any = None, **kwargs: Any) -> None:
        kwargs.setdefault("headers", {"Retry-After": str(self.retry_after_seconds)})
        super().__init__(detail, **kwargs)


# Connection failures of Redis (cache, throttles, token revocation) and of the broker.
BACKEND_UNAVAILABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, BrokerUnavailable)


def _field_errors(errors: Mapping[str, list[str]]) -> list[dict[str, str]]:
    return [
        {"field": field, "pointer": f"#/{field.replace('.', '/')}", "detail": message}
        for field, messages in errors.items()
        for message in messages
    ]


def _flatten_drf(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn DRF's nested ``{field: [ErrorDetail]}`` into ``{"a.0.b": [str]}``."""
    out: dict[str, list[str]] = {}
    if isinstance(detail, Mapping):
        for key, value in detail.items():
            name = f"{prefix}.{key}" if prefix else str(key)
            if key == api_settings.NON_FIELD_ERRORS_KEY and not prefix:
                name = "non_field_errors"
            for k, v in _flatten_drf(value, name).items():
                out.setdefault(k, []).extend(v)
    elif isinstance(detail, list) and detail and not all(isinstance(d, str) for d in detail):
        for index, value in enumerate(detail):
            for k, v in _flatten_drf(value, f"{prefix}.{index}" if prefix else str(index)).items():
                out.setdefault(k, []).extend(v)
    elif isinstance(detail, list):
        out.setdefault(prefix or "non_field_errors", []).extend(str(d) for d in detail)
    else:
        out.setdefault(prefix or "non_field_errors", []).append(str(detail))
    return out


def problem_body(
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    instance: str | None = None,
    request_id: str | None = None,
    errors: Mapping[str, list[str]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"urn:aesthetix:problem:{code}",
        "title": str(title),
        "status": status,
        "detail": str(detail),
        "code": code,
    }
    if instance:
        body["instance"] = instance
    if request_id:
        body["request_id"] = request_id
    if errors:
        body["errors"] = _field_errors(errors)
    return body


def problem_response(request: HttpRequest | None, error: ApplicationError) -> JsonResponse:
    """Render an ``ApplicationError`` outside DRF (middleware, Django error handlers)."""
    body = problem_body(
        status=error.status,
        code=error.code,
        title=str(error.title),
        detail=error.detail,
        instance=request.path if request is not None else None,
        request_id=getattr(request, "request_id", None),
        errors=error.errors,
    )
    response = JsonResponse(body, status=error.status, content_type=PROBLEM_CONTENT_TYPE)
    for name, value in error.headers.items():
        response[name] = value
    return response


def _from_django_validation(exc: DjangoValidationError) -> ValidationFailed:
    if hasattr(exc, "error_dict"):
        return ValidationFailed(
            errors={f: [str(m) for e in v for m in e.messages] for f, v in exc.error_dict.items()}
        )
    return ValidationFailed(errors={"non_field_errors": exc.messages})


def _to_application_error(exc: Exception) -> ApplicationError | None:
    if isinstance(exc, ApplicationError):
        return exc
    if isinstance(exc, BACKEND_UNAVAILABLE):
        logger.warning("answered 503, a backing service is unavailable: %r", exc)
        return ServiceUnavailable()
    if isinstance(exc, DjangoValidationError):
        return _from_django_validation(exc)
    if isinstance(exc, Http404):
        return NotFound()
    if isinstance(exc, DjangoPermissionDenied):
        return PermissionDeniedError()
    if isinstance(exc, drf_exceptions.APIException):
        return _from_drf(exc)
    return None


def _from_drf(exc: drf_exceptions.APIException) -> ApplicationError:
    """The application error a DRF exception stands for, keeping its status and code."""
    if isinstance(exc, drf_exceptions.ValidationError):
        return ValidationFailed(errors=_flatten_drf(exc.detail))
    if isinstance(exc, drf_exceptions.ParseError):
        return ValidationFailed(
            str(exc.detail), code="malformed_request", errors={"non_field_errors": [str(exc.detail)]}
        )
    if isinstance(exc, drf_exceptions.NotAuthenticated | drf_exceptions.AuthenticationFailed):
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else "not_authenticated"
        return AuthenticationFailedError(_auth_detail(exc), code=str(code))
    if isinstance(exc, drf_exceptions.PermissionDenied):
        return PermissionDeniedError(str(exc.detail))
    if isinstance(exc, drf_exceptions.NotFound):
        return NotFound()
    if isinstance(exc, drf_exceptions.Throttled):
        wait = getattr(exc, "wait", None)
        headers = {"Retry-After": str(int(wait))} if wait is not None else None
        return TooManyRequests(str(exc.detail), headers=headers)
    error = ApplicationError(str(exc.detail), code=str(exc.default_code))
    error.status = exc.status_code
    error.title = str(exc.default_detail)
    return error


def _auth_detail(exc: drf_exceptions.APIException) -> str:
    detail = exc.detail
    if isinstance(detail, Mapping):
        return str(detail.get("detail", exc.default_detail))
    return str(detail)


def problem_exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response | None:
    """DRF ``EXCEPTION_HANDLER``: every handled error becomes problem details.

    Unknown exceptions are re-raised by returning ``None`` so Django's 500 handler (which
    also renders problem details) logs them with the traceback.
    """
    error = _to_application_error(exc)
    if error is None:
        return None
    set_rollback()
    request = context.get("request")
    body = problem_body(
        status=error.status,
        code=error.code,
        title=str(error.title),
        detail=error.detail,
        instance=request.path if request is not None else None,
        request_id=getattr(request, "request_id", None),
        errors=error.errors,
    )
    headers = dict(error.headers)
    if isinstance(exc, drf_exceptions.APIException):
        auth_header = getattr(exc, "auth_header", None)
        if auth_header:
            headers["WWW-Authenticate"] = auth_header
    if error.status == 401 and "WWW-Authenticate" not in headers:
        headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return Response(body, status=error.status, headers=headers, content_type=PROBLEM_CONTENT_TYPE)


# Django-level handlers (URLs no view matched, crashes): same shape for everyone.
def handler404(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_response(request, NotFound(_("Nothing is served at this address.")))


def handler500(request: HttpRequest) -> JsonResponse:
    """Django calls this inside its ``except`` block, for errors outside DRF's handler
    (middleware such as the clinic context, which reads the token-revocation cache):
    an unavailable backing service still answers 503, anything else 500."""
    if isinstance(sys.exception(), BACKEND_UNAVAILABLE):
        return problem_response(request, ServiceUnavailable())
    error = ApplicationError(
        _("An unexpected error occurred. It has been logged; quote the request id."),
        code="server_error",
    )
    error.status = 500
    error.title = _("Internal server error")
    return problem_response(request, error)


def handler403(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_response(request, PermissionDeniedError())


def handler400(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return problem_response(request, ValidationFailed(_("The request could not be understood.")))
