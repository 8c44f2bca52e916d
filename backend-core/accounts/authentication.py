"""Session authentication for the API and the WebSocket: one function for both.

Tokens are SimpleJWT tokens with two extra claims copied from refresh to access token:
``fam`` (the session: its ``RefreshTokenFamily`` row) and ``otp`` (the session passed the
second factor). Every access token is checked against its session row on every request
and socket event, so a session ended by logout, refresh-token reuse, a password change
or reset, a deactivated account or membership, the idle timeout or the absolute lifetime
stops its access tokens at once, not when they expire (OWASP ASVS 5.0 V7.3, V7.4).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.tokens import AccessToken

from core.prepared import PreparedQuery

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from rest_framework.request import Request

    from accounts.models import Membership, RefreshTokenFamily, User

# accounts.models is imported inside the functions: DRF imports this module while the
# app registry is still loading (DEFAULT_AUTHENTICATION_CLASSES).

#: Last activity is written at most once per this interval per session (a write per
#: request would be a write per page view); the idle timeout is exact to this.
ACTIVITY_RESOLUTION = timedelta(minutes=1)


@dataclass(frozen=True)
class Session:
    """A live session: who, which ``RefreshTokenFamily``, the access token presented,
    and whether it passed the second factor. ``membership_clinic_id``: the clinic asked
    about in the same query (``None``: none asked); ``membership``: the user's active
    membership there, at an active clinic, with clinic and organization loaded and its
    ``user`` the session's user (``None`` when there is none)."""

    user: User
    family: RefreshTokenFamily
    token: AccessToken
    otp_verified: bool
    membership_clinic_id: uuid.UUID | None = None
    membership: Membership | None = None


class SessionEnded(exceptions.AuthenticationFailed):
    """401 with a stable code: ``token_not_valid`` (bad signature, expired, not an access
    token, no session), ``session_revoked`` (logout, reuse, password change, deactivation),
    ``session_idle``, ``session_expired`` (absolute lifetime), ``user_inactive``."""


SESSION_END_MESSAGES = {
    "session_revoked": _("This session has ended: sign in again."),
    "session_idle": _("Your session ended after a period of inactivity: sign in again."),
    "session_expired": _("Your session has reached its maximum length: sign in again."),
    "user_inactive": _("This account is disabled."),
    "token_not_valid": _("The access token is not valid."),
}


def session_ended_error(code: str) -> SessionEnded:
    return SessionEnded(SESSION_END_MESSAGES[code], code=code)


def session_end_reason(family: RefreshTokenFamily, *, now: datetime | None = None) -> str | None:
    """Why ``family`` (with its user loaded) can no longer be used, as a ``SessionEnded``
    code, or ``None`` while it is live. The absolute lifetime is
    ``SESSION_ABSOLUTE_HOURS`` from sign-in (ASVS 5.0 V7.3.2); the idle timeout is
    ``family.idle_minutes`` from the last request (V7.3.1)."""
    now = now or timezone.now()
    if family.revoked_at is not None:
        return "session_revoked"
    if not family.user.is_active:
        return "user_inactive"
    if now >= family.created_at + timedelta(hours=settings.SESSION_ABSOLUTE_HOURS):
        return "session_expired"
    if now >= family.last_activity_at + timedelta(minutes=family.idle_minutes):
        return "session_idle"
    return None


def _session_at_clinic(
    *, family_id: uuid.UUID, user_id: uuid.UUID, clinic_id: uuid.UUID
) -> QuerySet[Membership]:
    """The user's active membership at an active clinic, with user, clinic, organization
    and (``session_row``) the session, at most one row (one membership per user and
    clinic; sliced rather than ``first()``, whose ORDER BY would be for nothing)."""
    from django.db.models import FilteredRelation, Q

    from accounts.models import Membership

    # Rooted on the membership: select_related through a FilteredRelation rooted on the
    # user puts the clinic's join before the membership's (invalid SQL).
    return (
        Membership.objects.filter(
            user_id=user_id, clinic_id=clinic_id, is_active=True, clinic__is_active=True
        )
        .annotate(
            session_row=FilteredRelation(
                "user__token_families", condition=Q(user__token_families__pk=family_id)
            )
        )
        .select_related("user", "clinic__organization", "session_row")[:1]  # type: ignore[misc]
    )


def _session(*, family_id: uuid.UUID, user_id: uuid.UUID) -> QuerySet[RefreshTokenFamily]:
    """The session row with its user."""
    from accounts.models import RefreshTokenFamily

    return RefreshTokenFamily.objects.select_related("user").filter(pk=family_id, user_id=user_id)[:1]


# Every request runs one of these: compiled once per process (core.prepared).
_SESSION_AT_CLINIC = PreparedQuery(_session_at_clinic, params=("family_id", "user_id", "clinic_id"))
_SESSION = PreparedQuery(_session, params=("family_id", "user_id"))


def session_authenticate(raw: str, *, clinic_id: uuid.UUID | None = None) -> Session:
    """The live session of an encoded access token; raises ``SessionEnded``.

    One query: the session row with its user and, when ``clinic_id`` is given, the
    user's active membership at that (active) clinic with its clinic and organization,
    joined in the same round trip (a second query only when there is no such
    membership). Both rows are read on every request, nothing is cached, so a revoked
    session, a removed membership or a changed role counts at once. Used by the REST
    authentication class, the clinic middleware and the WebSocket consumer alike."""
    try:
        token = AccessToken(raw)  # type: ignore[arg-type]  # the stubs say Token; it takes the encoded str
        family_id = uuid.UUID(str(token["fam"]))
        user_id = uuid.UUID(str(token[settings.SIMPLE_JWT["USER_ID_CLAIM"]]))
    except (TokenError, KeyError, ValueError) as exc:
        raise session_ended_error("token_not_valid") from exc
    membership = (
        None
        if clinic_id is None
        else _SESSION_AT_CLINIC.first(family_id=family_id, user_id=user_id, clinic_id=clinic_id)
    )
    if membership is not None:
        family = getattr(membership, "session_row", None)  # unset when the join found no row
        if family is not None:
            family.user = membership.user
    else:  # no clinic asked, or no membership there: the session alone
        family = _SESSION.first(family_id=family_id, user_id=user_id)
    if family is None:
        raise session_ended_error("token_not_valid")
    reason = session_end_reason(family)
    if reason is not None:
        raise session_ended_error(reason)
    user = family.user
    return Session(
        user=user,
        family=family,
        token=token,
        otp_verified=bool(token.get("otp", False)),
        membership_clinic_id=clinic_id,
        membership=membership,
    )


def session_check(family_id: uuid.UUID | str) -> RefreshTokenFamily:
    """Re-read a session (sockets check it again before every event); raises
    ``SessionEnded``."""
    from accounts.models import RefreshTokenFamily

    family = RefreshTokenFamily.objects.select_related("user").filter(pk=family_id).first()
    if family is None:
        raise session_ended_error("session_revoked")
    reason = session_end_reason(family)
    if reason is not None:
        raise session_ended_error(reason)
    return family


def session_touch(session: Session) -> None:
    """Record activity on the session (at most one write per ``ACTIVITY_RESOLUTION``)."""
    from accounts.models import RefreshTokenFamily

    now = timezone.now()
    if now - session.family.last_activity_at >= ACTIVITY_RESOLUTION:
        RefreshTokenFamily.objects.filter(pk=session.family.pk).update(last_activity_at=now)
        session.family.last_activity_at = now


_MEMO = "_aesthetix_session"


def request_session(request: HttpRequest, raw: str, *, clinic_id: uuid.UUID | None = None) -> Session:
    """``session_authenticate`` once per request: the clinic middleware (which asks for
    the membership at ``clinic_id`` in the same query) and DRF's authentication share
    the result (and its error)."""
    memo = getattr(request, _MEMO, None)
    if memo is None or memo[0] != raw:
        try:
            memo = (raw, session_authenticate(raw, clinic_id=clinic_id))
        except SessionEnded as exc:
            memo = (raw, exc)
        setattr(request, _MEMO, memo)
    if isinstance(memo[1], SessionEnded):
        raise memo[1]
    return memo[1]


def request_bearer(request: HttpRequest) -> str | None:
    """The bearer token of the ``Authorization`` header; ``""`` for a header that is not
    a usable bearer token, ``None`` for no header."""
    header = request.headers.get("Authorization", "")
    if not header:
        return None
    scheme, _space, raw = header.partition(" ")
    if scheme != "Bearer" or not raw.strip():
        return ""
    return raw.strip()


def user_id_from_request(request: HttpRequest) -> uuid.UUID | None:
    """Who is calling, before DRF authenticates: bearer token first, then the session;
    ``None`` for no or a dead token."""
    raw = request_bearer(request)
    if raw is not None:
        if not raw:
            return None
        try:
            return request_session(request, raw).user.pk
        except SessionEnded:
            return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.pk
    return None


class JWTAuthentication(authentication.JWTAuthentication):
    """Bearer access tokens, checked against their live session; a request is activity
    for the idle timeout."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = self.get_header(request)
        if header is None:
            return None
        raw = self.get_raw_token(header)
        if raw is None:
            return None
        session = request_session(request._request, raw.decode())
        session_touch(session)
        return session.user, session.token
