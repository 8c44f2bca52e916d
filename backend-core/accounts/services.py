"""Writes of the accounts context: sign-up, clinics, staff, invites, licences, and the
authentication use cases (login, refresh rotation with reuse detection, logout, TOTP).

Every function is one transaction; errors are ``core.exceptions.ApplicationError``
subclasses (400 naming the field, 401, 403, 404, 409, 410, 429).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypedDict, Unpack

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import override
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework_simplejwt.exceptions import TokenBackendError, TokenError
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts.authentication import SESSION_END_MESSAGES, session_end_reason
from accounts.events import (
    MEMBERSHIP_CREATED,
    MEMBERSHIP_UPDATED,
    MembershipCreatedEventDataSerializer,
    MembershipUpdatedEventDataSerializer,
)
from accounts.models import (
    Clinic,
    Invite,
    Membership,
    Organization,
    PasswordResetCode,
    ProfessionalLicence,
    RefreshTokenFamily,
    User,
)
from accounts.selectors import totp_device_confirmed
from accounts.signals import clinic_currency_in_use, password_changed
from accounts.validators import clean_national_id, clean_phone, national_id_hash
from core.exceptions import (
    AuthenticationFailedError,
    Conflict,
    FieldErrors,
    Gone,
    PermissionDeniedError,
    TooManyRequests,
    ValidationFailed,
)
from core.realtime import sessions_ended_publish
from core.roles import MANAGERS, Role
from core.services import model_save
from core.tasks import enqueue_on_commit
from notifications.services import message_send
from notifications.templates import render
from outbox.services import outbox_event_record

# ---------------------------------------------------------------------------- identity


def _password(password: str, user: User, *, field: str = "password") -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationFailed(errors={field: exc.messages}) from exc


def user_create(
    *,
    phone: str,
    password: str,
    given_name: str,
    family_name: str = "",
    email: str = "",
    national_id: str = "",
    national_id_country: str = "",
    preferred_language: str = "en",
) -> User:
    """Create a user who signs in with ``phone`` (any format ``phonenumbers`` parses with
    a country code) and ``password`` (Django's validators: length ≥ 10, not common, not
    all digits, not like the name). Raises ``ValidationFailed`` naming the field."""
    errors = FieldErrors()
    e164 = phone
    with errors.collect():
        e164 = clean_phone(phone)
        if User.objects.filter(phone=e164).exists():
            raise ValidationFailed(errors={"phone": [_("An account with this mobile number exists.")]})
    country = national_id_country.upper()
    compact = digest = ""  # stays empty when refused, so the model does not refuse it twice
    with errors.collect():
        valid = clean_national_id(country=country, value=national_id)
        hashed = national_id_hash(country=country, national_id=valid)
        if valid and User.objects.filter(national_id_country=country, national_id_hash=hashed).exists():
            raise ValidationFailed(errors={"national_id": [_("This national ID is already registered.")]})
        compact, digest = valid, hashed
    user = User(
        phone=e164,
        given_name=given_name,
        family_name=family_name,
        email=email,
        national_id=compact,
        national_id_hash=digest,
        national_id_country=country if compact else "",
        preferred_language=preferred_language,
    )
    with errors.collect():
        _password(password, user)
    user.set_password(password)
    model_save(user, errors=errors)
    return user


@transaction.atomic
def user_deactivate(*, user: User) -> User:
    """Disable an account (platform operators, the admin site): it cannot sign in, and
    every session it has ends at once (OWASP ASVS 5.0 V7.4.2)."""
    if user.is_active:
        user.is_active = False
        model_save(user, update_fields=["is_active"])
    user_sessions_end(user=user, reason="deactivated")
    return user


class UserFields(TypedDict, total=False):
    """The parts of their own profile a user changes with ``user_update``."""

    given_name: str
    family_name: str
    email: str
    preferred_language: str
    national_id: str
    national_id_country: str


@transaction.atomic
def user_update(*, user: User, **fields: Unpack[UserFields]) -> User:
    """Update the caller's own profile: names, e-mail, language, national ID."""
    values: dict[str, Any] = dict(fields)
    if "national_id" in values or "national_id_country" in values:
        country = (values.pop("national_id_country", None) or user.national_id_country).upper()
        compact = clean_national_id(country=country, value=values.pop("national_id", user.national_id))
        digest = national_id_hash(country=country, national_id=compact)
        clash = User.objects.filter(national_id_country=country, national_id_hash=digest).exclude(pk=user.pk)
        if compact and clash.exists():
            raise ValidationFailed(errors={"national_id": [_("This national ID is already registered.")]})
        values.update(
            national_id=compact, national_id_hash=digest, national_id_country=country if compact else ""
        )
    for name, value in values.items():
        setattr(user, name, value)
    if values:
        model_save(user, update_fields=list(values))
    return user


def _unique_slug(model: type[Organization] | type[Clinic], name: str) -> str:
    base = slugify(name, allow_unicode=False)[:60] or "clinic"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# ---------------------------------------------------------------- organizations & clinics


@dataclass(frozen=True)
class ClinicData:
    name: str
    country: str
    time_zone: str
    locale: str
    currency: str
    phone: str = ""
    address: str = ""


def _clinic_build(*, organization: Organization, data: ClinicData) -> Clinic:
    """Create the clinic; every invalid field (phone included) is named in one answer."""
    errors = FieldErrors()
    phone = ""
    with errors.collect():
        phone = clean_phone(data.phone, region=data.country, mobile_only=False) if data.phone else ""
    clinic = Clinic(
        organization=organization,
        name=data.name,
        slug=_unique_slug(Clinic, data.name),
        country=data.country.upper(),
        time_zone=data.time_zone,
        locale=data.locale,
        currency=data.currency.upper(),
        phone=phone,
        address=data.address,
    )
    model_save(clinic, errors=errors)
    return clinic


@transaction.atomic
def organization_signup(
    *, organization_name: str, clinic: ClinicData, owner: dict[str, Any]
) -> tuple[Organization, Clinic, User]:
    """Create an organization, its first clinic and its owner (``owner`` holds the
    ``user_create`` arguments). All or nothing."""
    organization = Organization(name=organization_name, slug=_unique_slug(Organization, organization_name))
    model_save(organization)
    errors = FieldErrors()
    with errors.collect(prefix="clinic"):
        first_clinic = _clinic_build(organization=organization, data=clinic)
    with errors.collect(prefix="owner"):
        user = user_create(**owner)
    errors.raise_if_any()  # the transaction rolls back whatever was saved
    model_save(Membership(user=user, clinic=first_clinic, role=Role.OWNER))
    return organization, first_clinic, user


@transaction.atomic
def clinic_create(*, organization: Organization, actor: User, actor_role: str, data: ClinicData) -> Clinic:
    """Open a new branch; the actor joins it with the role they hold where they act."""
    clinic = _clinic_build(organization=organization, data=data)
    model_save(Membership(user=actor, clinic=clinic, role=actor_role))
    return clinic


class ClinicFields(TypedDict, total=False):
    """The settings of a clinic that ``clinic_update`` changes (``session_idle_minutes``:
    ``None`` for the deployment default)."""

    name: str
    time_zone: str
    locale: str
    currency: str
    phone: str
    address: str
    country: str
    session_idle_minutes: int | None


@transaction.atomic
def clinic_update(*, clinic: Clinic, actor: User, **fields: Unpack[ClinicFields]) -> Clinic:
    """Change the settings given (``ClinicFields``). Every invalid field is
    named in one ``ValidationFailed``; the currency must be one the country uses. Once
    the clinic has recorded money (a receiver of ``clinic_currency_in_use`` says so:
    commerce's sales and invoices) its currency is fixed: ``Conflict`` naming
    ``currency``, as amounts already booked would change meaning (IAS 21: a ledger keeps
    one functional currency)."""
    errors = FieldErrors()
    if "country" in fields:
        fields["country"] = fields["country"].upper()
    if "currency" in fields:
        fields["currency"] = fields["currency"].upper()
    locked = Clinic.objects.select_for_update().get(pk=clinic.pk)
    if fields.get("phone"):
        with errors.collect():
            fields["phone"] = clean_phone(
                fields["phone"], region=fields.get("country") or locked.country, mobile_only=False
            )
    currency_changes = "currency" in fields and fields["currency"] != locked.currency
    for name, value in fields.items():
        setattr(locked, name, value)
    if fields or errors.errors:
        model_save(locked, update_fields=list(fields), errors=errors)
    if currency_changes and any(
        in_use for _receiver, in_use in clinic_currency_in_use.send(Clinic, clinic=locked)
    ):
        raise Conflict(
            _("The currency cannot change once the clinic has sold in it."),
            code="currency_in_use",
            errors={
                "currency": _("The clinic has sales or invoices in %(currency)s.")
                % {"currency": clinic.currency}
            },
        )
    return locked


# ------------------------------------------------------------------------------- staff


def _check_can_grant(*, actor_role: str, role: str) -> None:
    if role in MANAGERS and actor_role != Role.OWNER:
        raise PermissionDeniedError(_("Only an owner can grant the owner or admin role."))


@transaction.atomic
def membership_create(*, clinic: Clinic, user: User, role: str) -> Membership:
    """Give ``user`` a ``role`` at ``clinic`` (platform onboarding and demo data; staff
    join through invites). Reactivates an existing membership with the new role."""
    membership, created = Membership.objects.get_or_create(user=user, clinic=clinic, defaults={"role": role})
    if not created:
        membership.role, membership.is_active = role, True
        model_save(membership, update_fields=["role", "is_active"])
    return membership


@transaction.atomic
def membership_update(
    *,
    membership: Membership,
    actor: User,
    actor_role: str,
    role: str | None = None,
    is_active: bool | None = None,
) -> Membership:
    """Change a staff member's role or (de)activate them. Only owners touch owners and
    admins; the clinic always keeps at least one active owner. Deactivating an active
    member or changing their role ends all their sessions (``user_sessions_end``)."""
    locked = Membership.objects.select_for_update().get(pk=membership.pk)
    if locked.role in MANAGERS:
        _check_can_grant(actor_role=actor_role, role=locked.role)
    if role is not None:
        _check_can_grant(actor_role=actor_role, role=role)
    new_role = role if role is not None else locked.role
    new_active = is_active if is_active is not None else locked.is_active
    if locked.role == Role.OWNER and (new_role != Role.OWNER or not new_active):
        owners = Membership.objects.select_for_update().filter(
            clinic_id=locked.clinic_id, role=Role.OWNER, is_active=True
        )
        if owners.count() <= 1:
            raise Conflict(_("A clinic must keep at least one active owner."), code="last_owner")
    ended = (locked.is_active and not new_active) or (locked.is_active and new_role != locked.role)
    locked.role, locked.is_active = new_role, new_active
    model_save(locked, update_fields=["role", "is_active"])
    if ended:
        # A removed role ends the member's sessions, and with them their sockets: what
        # they were let see and do was decided under the old role (ASVS 5.0 V7.4.2).
        user_sessions_end(user=locked.user, reason="membership_ended")
    outbox_event_record(
        clinic_id=locked.clinic_id,
        type=MEMBERSHIP_UPDATED,
        subject=f"membership/{locked.pk}",
        data=MembershipUpdatedEventDataSerializer(locked).data,
    )
    return locked


# ----------------------------------------------------------------------------- invites


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def invite_accept_url(token: str) -> str:
    return f"{settings.PUBLIC_BASE_URL}/accept-invite?token={token}"


@transaction.atomic
def invite_create(
    *, clinic: Clinic, actor: User, actor_role: str, phone: str, role: str, email: str = ""
) -> tuple[Invite, str]:
    """Invite a person (by mobile number) to ``clinic`` as ``role``.

    Returns the invite and its one-time token (only its hash is stored). The invite is
    delivered by the worker after commit. Expires after ``INVITE_TTL_HOURS`` (72 h).
    Raises ``ValidationFailed``, ``PermissionDeniedError``, ``Conflict`` (already staff).
    """
    e164 = clean_phone(phone, region=clinic.country)
    _check_can_grant(actor_role=actor_role, role=role)
    if Membership.objects.filter(clinic=clinic, user__phone=e164, is_active=True).exists():
        raise Conflict(_("This person already works at this clinic."), code="already_member")
    token = secrets.token_urlsafe(32)
    invite = Invite(
        clinic=clinic,
        phone=e164,
        email=email,
        role=role,
        token_hash=_token_hash(token),
        expires_at=timezone.now() + timedelta(hours=settings.INVITE_TTL_HOURS),
        invited_by=actor,
    )
    model_save(invite)
    from accounts.tasks import invite_deliver

    enqueue_on_commit(invite_deliver, clinic_id=str(clinic.pk), invite_id=str(invite.pk), token=token)
    return invite, token


@transaction.atomic
def invite_revoke(*, invite: Invite, actor: User) -> Invite:
    if invite.status != Invite.Status.PENDING:
        raise Conflict(_("Only a pending invite can be revoked."), code="invite_not_pending")
    invite.revoked_at = timezone.now()
    model_save(invite, update_fields=["revoked_at"])
    return invite


@transaction.atomic
def invite_accept(
    *,
    token: str,
    user: User | None,
    password: str = "",
    given_name: str = "",
    family_name: str = "",
    email: str = "",
) -> Membership:
    """Accept an invite with its token and get the membership.

    If an account with the invited phone exists, the caller must be signed in as that
    user (``user``); otherwise a new account is created from ``password`` and names.
    Raises ``Gone`` (expired, revoked or used), ``ValidationFailed``,
    ``AuthenticationFailedError`` (must sign in), ``PermissionDeniedError`` (wrong user).
    """
    # The token identifies the clinic: this read crosses clinics on purpose.
    invite = Invite.unscoped.select_for_update().filter(token_hash=_token_hash(token)).first()
    if invite is None:
        raise ValidationFailed(errors={"token": [_("This invite link is not valid.")]})
    if invite.status != Invite.Status.PENDING:
        raise Gone(
            _("This invite is %(status)s.") % {"status": invite.status}, code=f"invite_{invite.status}"
        )
    existing = User.objects.filter(phone=invite.phone).first()
    if existing is not None:
        if user is None or not user.is_authenticated:
            raise AuthenticationFailedError(
                _("An account with this mobile number exists: sign in, then accept."),
                code="sign_in_to_accept",
            )
        if user.pk != existing.pk:
            raise PermissionDeniedError(_("This invite was sent to another mobile number."))
        member = existing
    else:
        if not given_name:
            raise ValidationFailed(errors={"given_name": [_("This field is required.")]})
        if not password:
            raise ValidationFailed(errors={"password": [_("This field is required.")]})
        member = user_create(
            phone=invite.phone,
            password=password,
            given_name=given_name,
            family_name=family_name,
            email=email or invite.email,
        )
    membership = membership_create(clinic=invite.clinic, user=member, role=invite.role)
    invite.accepted_at, invite.accepted_by = timezone.now(), member
    model_save(invite, update_fields=["accepted_at", "accepted_by"])
    outbox_event_record(
        clinic_id=invite.clinic_id,
        type=MEMBERSHIP_CREATED,
        subject=f"membership/{membership.pk}",
        data=MembershipCreatedEventDataSerializer(membership).data,
    )
    return membership


@transaction.atomic
def invite_mark_sent(*, invite: Invite) -> None:
    if invite.sent_at is None:
        invite.sent_at = timezone.now()
        model_save(invite, update_fields=["sent_at"])


def invite_send(*, invite: Invite, token: str) -> None:
    """Send the invite link (with its one-time ``token``) by SMS in the clinic's
    language (template ``invite.sent``) and mark the invite sent. Idempotent: an invite
    already sent, accepted or revoked is not sent again, and the message carries the
    idempotency key ``invite:<id>``.

    Sent with ``message_send``, not as a stored ``Notification``: the link carries the
    one-time token, of which only the hash is stored. Raises ``TransientDeliveryError``
    or ``OSError`` when the provider can be tried again."""
    if invite.sent_at is not None or invite.status != Invite.Status.PENDING:
        return
    with override(invite.clinic.locale):
        role = str(invite.get_role_display())
    text = render(
        "invite.sent",
        languages=[invite.clinic.locale],
        payload={"clinic": invite.clinic.name, "role": role, "url": invite_accept_url(token)},
    )
    message_send(
        channel="sms",
        to=invite.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"invite:{invite.pk}",
    )
    invite_mark_sent(invite=invite)


# ---------------------------------------------------------------------------- licences


@transaction.atomic
def licence_create(
    *, user: User, council: str, number: str, region: str = "", valid_until: Any = None
) -> ProfessionalLicence:
    """Record a professional licence; it stays ``pending`` until verified."""
    licence = ProfessionalLicence(
        user=user, council=council, number=number.strip(), region=region.upper(), valid_until=valid_until
    )
    model_save(licence)
    return licence


# ------------------------------------------------------------------------ authentication


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


def _token_pair_issue(*, user: User, family: RefreshTokenFamily, otp_verified: bool) -> TokenPair:
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


def _session_start(*, user: User) -> RefreshTokenFamily:
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

    Not one transaction on purpose: the failed-attempt record django-axes writes must
    survive the error raised for a wrong password.
    """
    e164 = clean_phone(phone)
    user = authenticate(request=request, phone=e164, password=password)
    if getattr(request, "axes_locked_out", False):
        raise login_locked_out_error()
    if user is None:
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
            raise ValidationFailed(
                _("The code is wrong, expired or was already used."),
                code="otp_invalid",
                errors={"otp_code": [_("Wrong, expired or already used code.")]},
            )
    with transaction.atomic():
        family = _session_start(user=user)
        return user, _token_pair_issue(user=user, family=family, otp_verified=device is not None)


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
            return user, _token_pair_issue(user=user, family=family, otp_verified=bool(payload.get("otp")))
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
    """End the session the refresh token belongs to (its whole family). Idempotent: an
    absent, expired or already revoked token is not an error."""
    try:
        payload = _refresh_payload(raw_refresh)
    except AuthenticationFailedError:
        return
    family = RefreshTokenFamily.objects.select_for_update().filter(pk=payload["fam"]).first()
    if family is not None:
        _family_revoke(family, reason="logout")


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
    user by a row lock. Raises ``Conflict`` when a device is already active."""
    User.objects.select_for_update().filter(pk=user.pk).first()
    if totp_device_confirmed(user=user) is not None:
        raise Conflict(_("Two-factor authentication is already active."), code="totp_already_enrolled")
    pending = TOTPDevice.objects.filter(user=user, confirmed=False)
    fresh = pending.filter(created_at__gt=timezone.now() - TOTP_ENROLMENT_TTL)
    device = fresh.order_by("-created_at").first()
    if device is None:
        pending.delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return TotpEnrollment(config_url=device.config_url, secret=secret)


@transaction.atomic
def totp_confirm(*, user: User, code: str, raw_refresh: str) -> TokenPair:
    """Confirm enrolment with a first code; the current session is replaced by a new one
    whose tokens carry ``otp: true``. Raises ``Conflict`` (nothing to confirm) and
    ``ValidationFailed`` (``code`` wrong or reused)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None:
        raise Conflict(_("Start two-factor enrolment first."), code="totp_not_started")
    if not device.verify_token(code):
        raise ValidationFailed(errors={"code": [_("Wrong, expired or already used code.")]})
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    auth_logout(raw_refresh=raw_refresh)
    family = _session_start(user=user)
    return _token_pair_issue(user=user, family=family, otp_verified=True)


# ---------------------------------------------------------------------------- passwords


@transaction.atomic
def user_password_change(
    *,
    user: User,
    current_password: str,
    new_password: str,
    otp_verified: bool,
) -> TokenPair:
    """Change the signed-in user's password (Django's password validators apply to
    ``new_password``). Every session of the user ends, this one included, so old access
    and refresh tokens stop at once; the caller gets a new session (its second factor
    carried over) in return (OWASP ASVS 5.0 V6.2.2, V7.4.3). Audited through
    ``accounts.signals.password_changed``. Raises ``ValidationFailed`` naming
    ``current_password`` (wrong) or ``new_password`` (too weak, or the same)."""
    if not user.check_password(current_password):
        raise ValidationFailed(
            errors={"current_password": [_("The current password is wrong.")]}, code="password_wrong"
        )
    if new_password == current_password:
        raise ValidationFailed(errors={"new_password": [_("Choose a password you did not use now.")]})
    _password(new_password, user, field="new_password")
    user.set_password(new_password)
    model_save(user, update_fields=["password"])
    user_sessions_end(user=user, reason="password_change")
    password_changed.send(sender=User, user=user, how="changed")
    return _token_pair_issue(user=user, family=_session_start(user=user), otp_verified=otp_verified)


#: A new code for one account at most this often, and at most this many an hour.
PASSWORD_RESET_RESEND = timedelta(seconds=60)
PASSWORD_RESET_PER_HOUR = 5


def password_reset_code_hash(user: User, code: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"password-reset:{user.pk}:{code}".encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def password_reset_request(*, phone: str) -> None:
    """Send a 6-digit one-time code to ``phone`` if an active account has that number.

    The caller answers the same whether or not it does (no account oracle). A new code
    replaces the older ones; an account gets a new code at most every
    ``PASSWORD_RESET_RESEND`` and ``PASSWORD_RESET_PER_HOUR`` an hour (SMS bombing and
    guessing); beyond that the request is silently dropped. The code is delivered by the
    worker (``accounts.tasks.password_reset_code_deliver``) after commit; only its keyed
    hash is stored. Raises ``ValidationFailed`` for a malformed phone only."""
    e164 = clean_phone(phone)
    user = User.objects.select_for_update().filter(phone=e164, is_active=True).first()
    if user is None:
        return
    now = timezone.now()
    codes = PasswordResetCode.objects.filter(user=user)
    if codes.filter(created_at__gt=now - PASSWORD_RESET_RESEND).exists():
        return
    if codes.filter(created_at__gt=now - timedelta(hours=1)).count() >= PASSWORD_RESET_PER_HOUR:
        return
    codes.filter(used_at__isnull=True).update(used_at=now)
    code = f"{secrets.randbelow(1_000_000):06d}"
    minutes = settings.PASSWORD_RESET_CODE_MINUTES
    PasswordResetCode.objects.create(
        user=user, code_hash=password_reset_code_hash(user, code), expires_at=now + timedelta(minutes=minutes)
    )
    from accounts.tasks import password_reset_code_deliver

    enqueue_on_commit(password_reset_code_deliver, user_id=str(user.pk), code=code, minutes=minutes)


def password_reset_code_send(*, user: User, code: str, minutes: int) -> None:
    """Send the password reset ``code`` (valid ``minutes``) by SMS to ``user``'s phone
    on file, in their language (template ``password_reset.code``). Sent with
    ``message_send``, not stored as a ``Notification``: only the code's hash is kept. A
    code that expired or was replaced since it was made is not sent. Raises
    ``TransientDeliveryError`` or ``OSError`` when the provider can be tried again."""
    live = PasswordResetCode.objects.filter(
        user=user,
        code_hash=password_reset_code_hash(user, code),
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
    )
    if not live.exists():
        return
    text = render(
        "password_reset.code", languages=[user.preferred_language], payload={"code": code, "minutes": minutes}
    )
    message_send(
        channel="sms",
        to=user.phone,
        subject=text.subject,
        body=text.body,
        idempotency_key=f"password-reset:{user.pk}:{code}",
    )


def password_reset_confirm(*, phone: str, code: str, new_password: str) -> None:
    """Set a new password with the code sent to ``phone``, and end every session of the
    account (OWASP ASVS 5.0 V6.4.3, V7.4.3).

    A wrong code counts against the newest code; after ``PASSWORD_RESET_MAX_ATTEMPTS``
    wrong tries it is dead and a new one must be requested. Unknown phone, wrong, used,
    expired or dead code all answer the same ``ValidationFailed`` naming ``code``
    (``reset_code_invalid``); a weak password names ``new_password`` and leaves the code
    usable. Not one transaction: a wrong try must be counted although the call fails."""
    e164 = clean_phone(phone)
    with transaction.atomic():
        user = User.objects.filter(phone=e164, is_active=True).first()
        entry = (
            PasswordResetCode.objects.select_for_update()
            .filter(user=user, used_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
            if user is not None
            else None
        )
        valid = (
            entry is not None
            and user is not None
            and entry.attempts < settings.PASSWORD_RESET_MAX_ATTEMPTS
            and hmac.compare_digest(entry.code_hash, password_reset_code_hash(user, code))
        )
        if entry is not None and not valid:
            entry.attempts += 1
            entry.save(update_fields=["attempts"])
    if not valid or user is None or entry is None:
        raise ValidationFailed(
            _("The code is wrong or expired: ask for a new one."),
            code="reset_code_invalid",
            errors={"code": [_("Wrong or expired code.")]},
        )
    with transaction.atomic():
        _password(new_password, user, field="new_password")
        if not PasswordResetCode.objects.filter(pk=entry.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        ):
            raise ValidationFailed(code="reset_code_invalid", errors={"code": [_("Wrong or expired code.")]})
        user.set_password(new_password)
        model_save(user, update_fields=["password"])
        user_sessions_end(user=user, reason="password_reset")
        password_changed.send(sender=User, user=user, how="reset")
