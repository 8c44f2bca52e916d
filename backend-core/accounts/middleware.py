"""Clinic (tenant) context middleware: who the caller is and which clinic they act in."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.authentication import SessionEnded, request_bearer, request_session, user_id_from_request
from accounts.models import Membership, User
from accounts.selectors import membership_active_get
from core.exceptions import NotFound, ValidationFailed, problem_response
from core.tenancy import reset_current_clinic, set_current_clinic

CLINIC_HEADER = "HTTP_X_CLINIC_ID"
SESSION_CLINIC_KEY = "clinic_id"


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
            user_id, membership = self._caller(request, clinic_id)
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
    def _caller(request: HttpRequest, clinic_id: uuid.UUID) -> tuple[uuid.UUID | None, Membership | None]:
        """Who is calling and their active membership at ``clinic_id``. A bearer token's
        session and the membership come in one query (``session_authenticate``), shared
        with DRF's authentication; a signed-in page reads the membership alone."""
        raw = request_bearer(request)
        if raw is not None:
            if not raw:
                return None, None
            try:
                session = request_session(request, raw, clinic_id=clinic_id)
            except SessionEnded:
                return None, None
            if session.membership_clinic_id == clinic_id:
                return session.user.pk, session.membership
            return session.user.pk, membership_active_get(user_id=session.user.pk, clinic_id=clinic_id)
        user_id = user_id_from_request(request)
        if user_id is None:
            return None, None
        return user_id, membership_active_get(user_id=user_id, clinic_id=clinic_id)


class LanguageFallbackMiddleware:
    """The language of a request that names none. Django's ``LocaleMiddleware`` takes the
    ``Accept-Language`` header (the api-client sends the language the user chose in the
    UI) or the language cookie; a caller that sends neither (a script, an integration)
    gets the signed-in user's saved language (``User.preferred_language``), else the
    clinic's (``Clinic.locale``), else English. Goes after ``ClinicContextMiddleware``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            "HTTP_ACCEPT_LANGUAGE" not in request.META
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        ):
            language = self._saved_language(request)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)

    @staticmethod
    def _saved_language(request: HttpRequest) -> str | None:
        membership: Membership | None = getattr(request, "membership", None)
        user_language = None
        raw = request_bearer(request)
        if membership is not None:
            user_language = membership.user.preferred_language  # the session's user: no query
        elif raw:
            try:  # the session read by the clinic middleware (or read now, once)
                user_language = request_session(request, raw).user.preferred_language
            except SessionEnded:
                user_language = None
        else:
            user_id = user_id_from_request(request)
            if user_id is not None:
                user_language = (
                    User.objects.filter(pk=user_id).values_list("preferred_language", flat=True).first()
                )
        clinic = getattr(request, "clinic", None)
        for candidate in (user_language, clinic.locale if clinic is not None else None):
            if candidate:
                supported = translation.get_supported_language_variant
                try:
                    return supported(candidate.replace("_", "-").lower())
                except LookupError:
                    continue
        return None
