"""Authentication: login, refresh rotation with reuse detection, logout, session
length and ending, TOTP enrolment; and ``user_audit``, the audit record of what a user
does to their own account (sign-in, sign-out, second factor, password)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.authentication import SESSION_END_MESSAGES, session_end_reason
from accounts.models import Membership, RefreshTokenFamily, User
from accounts.selectors import membership_list_for_user, totp_device_confirmed
from accounts.validators import clean_phone
from audit.services import audit_event_record
from core.exceptions import AuthenticationFailedError, Conflict, TooManyRequests, ValidationFailed
from core.realtime import sessions_ended_publish


@dataclass(frozen=True)
class TokenPair:
    access: str
    refresh: str
    access_expires_at: datetime
    otp_verified: bool


class LoginLockedOut(TooManyRequests):
    code = "login_locked_out"


def login_locked_out_error() -> LoginLockedOut:
    """The 429 for a phone + IP that failed ``LOGIN_FAILURE_LIMIT`` times, with the
    cool-off as ``Retry-After`` (seconds)."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    return LoginLockedOut(
        _("Too many failed sign-ins. Try again in %(minutes)d minutes.") % {"minutes": seconds // 60},
        headers={"Retry-After": str(seconds)},
    )


def user_audit(*, user: User, actor: User | None, action: str, changes: dict[str, Any] | None = None) -> None:
    """Record ``action`` on ``user`` (object ``accounts.User``) in the audit trail of
    every clinic where they are an active member, with their role there: an account is
    not a clinic's, but its sign-ins and credential changes open that clinic's records
    (LGPD Art. 37, ASVS 5.0 V16.3.1). A user with no active membership (a platform
    operator) leaves no record: the trail is kept per clinic. ``actor`` is ``None`` when
    nobody proved who acted (a failed sign-in). Inside the caller's transaction."""
    for membership in membership_list_for_user(user=user):
        audit_event_record(
            clinic=membership.clinic,
            actor=actor,
            actor_role=str(membership.role),
            action=action,
            object_type="accounts.User",
            object_id=user.pk,
            changes=changes,
        )


def token_pair_issue(*, user: User, family: RefreshTokenFamily, otp_verified: bool) -> TokenPair:
    """A new access/refresh pair for ``user`` in the session ``family``, recording whether
    the second factor was verified (``otp``)."""
    refresh = RefreshToken.for_user(user)
    refresh["fam"] = str(family.pk)
    refresh["otp"] = otp_verified
    access = refresh.access_token
    expires = datetime.fromtimestamp(access["exp"], tz=UTC)
    return TokenPair(
        access=str(access), refresh=str(refresh), access_expires_at=expires, otp_verified=otp_verified
    )


def _family_revoke(family: RefreshTokenFamily, *, reason: str) -> None:
    """End one session: its access tokens stop at their next use (they are checked
    against this row) and its sockets close after commit."""
    if family.revoked_at is None:
        family.revoked_at = timezone.now()
        family.revoked_reason = reason
        family.save(update_fields=["revoked_at", "revoked_reason"])
    sessions_ended_publish(session_ids=[family.pk], reason="session_revoked")


def session_idle_minutes(*, user: User) -> int:
    """The idle timeout of ``user``'s sessions: the strictest ``session_idle_minutes`` of
    the clinics where they are an active member, else ``SESSION_IDLE_MINUTES``."""
    configured = Membership.objects.filter(
        user=user, is_active=True, clinic__is_active=True, clinic__session_idle_minutes__isnull=False
    ).values_list("clinic__session_idle_minutes", flat=True)
    default: int = settings.SESSION_IDLE_MINUTES
    return min([default, *(minutes for minutes in configured if minutes is not None)])


def auth_session_start(*, user: User) -> RefreshTokenFamily:
    """Open a server-side session (a refresh-token family) for ``user`` with the idle
    limit of the strictest of their clinics (``session_idle_minutes``)."""
    return RefreshTokenFamily.objects.create(user=user, idle_minutes=session_idle_minutes(user=user))


@transaction.atomic
def user_sessions_end(*, user: User, reason: str) -> int:
    """End every open session of ``user``: their refresh and access tokens
    stop at once and their sockets close after commit. ``reason`` is recorded
    (``password_change``, ``password_reset``, ``deactivated``, ``membership_ended``).
    Returns how many sessions ended (OWASP ASVS 5.0 V7.4.3, V7.4.2)."""
    open_sessions = RefreshTokenFamily.objects.filter(user=user, revoked_at__isnull=True)
    ids = list(open_sessions.values_list("pk", flat=True))
    RefreshTokenFamily.objects.filter(pk__in=ids).update(revoked_at=timezone.now(), revoked_reason=reason)
    sessions_ended_publish(session_ids=ids, reason="session_revoked")
    return len(ids)


def auth_login(
    *, request: HttpRequest, phone: str, password: str, otp_code: str = ""
) -> tuple[User, TokenPair]:
    """Sign in with mobile number + password (+ TOTP code once enrolled).

    Returns the user and a new token family's first pair; the access token's ``otp``
    claim says whether the second factor was passed. After ``LOGIN_FAILURE_LIMIT`` (5)
    failures for one phone (from any address), or from one client address (for any phone),
    the login is locked for ``LOGIN_COOLOFF_MINUTES`` (django-axes). Raises
    ``ValidationFailed`` (phone format, ``otp_required``, ``otp_invalid``),
    ``AuthenticationFailedError`` (``invalid_credentials``), ``LoginLockedOut`` (429).

    Audited (``user_audit``) as ``user.signed_in`` (the session, whether the second
    factor was passed) or ``user.sign_in_failed`` (``_sign_in_failure_audit``).

    Not one transaction on purpose: the failed-attempt records (django-axes', the audit
    trail's) must survive the error raised for a wrong password.
    """
    e164 = clean_phone(phone)
    user = authenticate(request=request, phone=e164, password=password)
    if getattr(request, "axes_locked_out", False):
        raise login_locked_out_error()
    if user is None:
        _sign_in_failure_audit(phone=e164, reason="invalid_credentials")
        raise AuthenticationFailedError(
            _("Mobile number or password is incorrect."), code="invalid_credentials"
        )
    device = totp_device_confirmed(user=user)
    if device is not None:
        if not otp_code:
            raise ValidationFailed(
                _("Enter the 6-digit code from your authenticator app."),
                code="otp_required",
                errors={"otp_code": [_("This field is required.")]},
            )
        if not device.verify_token(otp_code):
            _sign_in_failure_audit(phone=e164, reason="otp_invalid")
            raise ValidationFailed(
                _("The code is wrong, expired or was already used."),
                code="otp_invalid",
                errors={"otp_code": [_("Wrong, expired or already used code.")]},
            )
    with transaction.atomic():
        family = auth_session_start(user=user)
        user_audit(
            user=user,
            actor=user,
            action="user.signed_in",
            changes={"session_id": [None, family.pk], "otp_verified": [None, device is not None]},
        )
        return user, token_pair_issue(user=user, family=family, otp_verified=device is not None)


def _sign_in_failure_audit(*, phone: str, reason: str) -> None:
    """``user.sign_in_failed`` (``reason``: ``invalid_credentials`` or ``otp_invalid``)
    for the account of ``phone`` (E.164), in its own transaction: the sign-in fails, the
    record stays. A phone no account has leaves none (no clinic to record it at; the
    failed attempt is in django-axes' log). No actor (nobody proved who they were), no
    password, code or phone number in the record; a request refused by the lockout is
    not recorded again."""
    user = User.objects.filter(phone=phone).first()
    if user is not None:
        with transaction.atomic():
            user_audit(
                user=user, actor=None, action="user.sign_in_failed", changes={"reason": [None, reason]}
            )


def _refresh_payload(raw: str) -> dict[str, Any]:
    from rest_framework_simplejwt.state import token_backend

    if not raw:
        raise AuthenticationFailedError(_("No refresh token: sign in again."), code="refresh_token_missing")
    try:
        payload = token_backend.decode(raw, verify=True)  # type: ignore[arg-type]  # stubs: Token; takes str
    except TokenBackendError as exc:
        raise AuthenticationFailedError(_("Session expired: sign in again."), code="token_not_valid") from exc
    if payload.get("token_type") != "refresh" or "fam" not in payload:
        raise AuthenticationFailedError(_("Not a refresh token."), code="token_not_valid")
    return payload


def refresh_token_session_id(raw_refresh: str) -> str | None:
    """The session (``RefreshTokenFamily`` id, as a string) a refresh token with a valid
    signature belongs to, whether or not that session is still live; ``None`` for a
    missing, forged or expired token. For counting refreshes per session (throttling),
    never for authentication."""
    try:
        return str(_refresh_payload(raw_refresh)["fam"])
    except AuthenticationFailedError:
        return None


def auth_refresh(*, raw_refresh: str) -> tuple[User, TokenPair]:
    """Rotate a refresh token: the presented one is blacklisted and a new pair of the same
    session is returned. Presenting an already-rotated token is treated as theft: the
    whole session is revoked (RFC 9700 §4.14.2, refresh token rotation) and 401
    ``refresh_token_reused`` is raised. A session idle for longer than its idle timeout
    (401 ``session_idle``) or older than ``SESSION_ABSOLUTE_HOURS`` (401
    ``session_expired``) is ended, not renewed: a refresh is not activity, so an open
    page cannot keep a session alive by itself (OWASP ASVS 5.0 V7.3.1, V7.3.2). Raises
    401 for expired/invalid/revoked tokens and disabled accounts."""
    payload = _refresh_payload(raw_refresh)
    with transaction.atomic():
        family = (
            RefreshTokenFamily.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(pk=payload["fam"])
            .first()
        )
        if family is None or family.revoked_at is not None:
            raise AuthenticationFailedError(
                _("This session has ended: sign in again."), code="session_revoked"
            )
        reused = BlacklistedToken.objects.filter(token__jti=payload["jti"]).exists()
        ended = None if reused else session_end_reason(family)
        if not reused and ended is None:
            user = family.user
            try:
                RefreshToken(raw_refresh).blacklist()  # type: ignore[arg-type]  # stubs: Token; takes str
            except TokenError as exc:
                raise AuthenticationFailedError(str(exc), code="token_not_valid") from exc
            family.idle_minutes = session_idle_minutes(user=user)
            family.save(update_fields=["idle_minutes"])
            return user, token_pair_issue(user=user, family=family, otp_verified=bool(payload.get("otp")))
        # Commit the end of the session, then refuse.
        _family_revoke(family, reason="reuse" if reused else str(ended).removeprefix("session_"))
    if reused:
        raise AuthenticationFailedError(
            _("This sign-in was used twice and has been ended for safety: sign in again."),
            code="refresh_token_reused",
        )
    raise AuthenticationFailedError(SESSION_END_MESSAGES[str(ended)], code=str(ended))


@transaction.atomic
def auth_logout(*, raw_refresh: str) -> None:
    """End the session the refresh token belongs to (its whole family), audited as
    ``user.signed_out``. Idempotent: an absent, expired or already revoked token is not
    an error (and is not audited again)."""
    family = _session_end(raw_refresh, reason="logout")
    if family is not None:
        user_audit(
            user=family.user,
            actor=family.user,
            action="user.signed_out",
            changes={"session_id": [None, family.pk]},
        )


def _session_end(raw_refresh: str, *, reason: str) -> RefreshTokenFamily | None:
    """End the live session the refresh token belongs to (inside the caller's
    transaction) and return it with its user; ``None`` when there was none to end."""
    try:
        payload = _refresh_payload(raw_refresh)
    except AuthenticationFailedError:
        return None
    family = (
        RefreshTokenFamily.objects.select_for_update(of=("self",))
        .select_related("user")
        .filter(pk=payload["fam"])
        .first()
    )
    if family is None:
        return None
    live = family.revoked_at is None
    _family_revoke(family, reason=reason)
    return family if live else None


@dataclass(frozen=True)
class TotpEnrollment:
    config_url: str
    secret: str


#: How long a started, unconfirmed enrolment keeps its secret.
TOTP_ENROLMENT_TTL = timedelta(minutes=10)


@transaction.atomic
def totp_enroll(*, user: User) -> TotpEnrollment:
    """Start TOTP enrolment (RFC 6238): an unconfirmed device whose secret the user scans
    as an ``otpauth://`` URL. Starting again within ``TOTP_ENROLMENT_TTL`` returns the
    same secret (a page shown twice, or two tabs, must not leave the user holding a
    secret that was replaced); an older pending enrolment is replaced. Serialized per
    user by a row lock. A new secret is audited as ``user.totp_enrolment_started`` (the
    secret is not recorded). Raises ``Conflict`` when a device is already active."""
    User.objects.select_for_update(no_key=True).filter(pk=user.pk).first()
    if totp_device_confirmed(user=user) is not None:
        raise Conflict(_("Two-factor authentication is already active."), code="totp_already_enrolled")
    pending = TOTPDevice.objects.filter(user=user, confirmed=False)
    fresh = pending.filter(created_at__gt=timezone.now() - TOTP_ENROLMENT_TTL)
    device = fresh.order_by("-created_at").first()
    if device is None:
        pending.delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
        user_audit(user=user, actor=user, action="user.totp_enrolment_started")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return TotpEnrollment(config_url=device.config_url, secret=secret)


@transaction.atomic
def totp_confirm(*, user: User, code: str, raw_refresh: str) -> TokenPair:
    """Confirm enrolment with a first code; the current session is replaced by a new one
    whose tokens carry ``otp: true``; audited as ``user.totp_confirmed`` (the session
    replaced and its successor). Raises ``Conflict`` (nothing to confirm) and
    ``ValidationFailed`` (``code`` wrong or reused)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise Conflict(_("Start two-factor enrolment first."), code="totp_not_started")
    if not device.verify_token(code):
        raise ValidationFailed(errors={"code": [_("Wrong, expired or already used code.")]})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    ended = _session_end(raw_refresh, reason="logout")
    family = auth_session_start(user=user)
    user_audit(
        user=user,
        actor=user,
        action="user.totp_confirmed",
        changes={"session_id": [ended.pk if ended is not None else None, family.pk]},
    )
    return token_pair_issue(user=user, family=family, otp_verified=True)
