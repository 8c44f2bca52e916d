"""Writes of a patient's own account security: password reset by an SMS code and the
optional authenticator-app second factor (TOTP).

Both use the sign-in's lockout (django-axes, ``LOGIN_FAILURE_LIMIT`` failures per phone
and per client address, ``LOGIN_COOLOFF_MINUTES``) and the sign-up's one-time codes
(``portal.services.portal_phone_code_send``/``portal_phone_code_use``). Nothing here
tells whether a phone has an account: an unknown phone is answered as a known one."""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import quote, urlencode

from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.password_validation import validate_password
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.oath import TOTP

from accounts.validators import clean_phone
from core.exceptions import ApplicationError, Conflict, ValidationFailed
from core.services import model_save
from portal.models import PortalAccount, PortalPhoneCode, PortalTotpDevice
from portal.services import (
    PortalLockedOut,
    _axes_username,
    portal_phone_code_send,
    portal_phone_code_use,
    portal_sign_in_complete,
)

#: RFC 6238 parameters every authenticator app reads from the ``otpauth://`` URL.
TOTP_STEP_SECONDS = 30
TOTP_DIGITS = 6
#: Codes one step early or late are accepted (phone clocks drift), as django-otp's default.
TOTP_TOLERANCE = 1
#: A started, unconfirmed enrolment keeps its secret this long (as staff enrolment).
TOTP_ENROLMENT_TTL = timedelta(minutes=10)
TOTP_ISSUER = "AesthetixOS"


def _reset_username(e164: str) -> str:
    # Reset tries are counted apart from sign-in tries of the same number.
    return f"portal-reset:{e164}"


def _axes_credentials(request: HttpRequest, username: str) -> dict[str, str]:
    """The lockout's credentials for ``username``; raises ``PortalLockedOut`` (429) when
    the phone or the client address is locked out."""
    credentials = {settings.AXES_USERNAME_FORM_FIELD: username}
    if not AxesProxyHandler.is_allowed(request, credentials):
        raise PortalLockedOut(_("Too many failed attempts. Try again later."))
    return credentials


def _failed(request: HttpRequest, credentials: dict[str, str], error: ApplicationError) -> ApplicationError:
    """Count a failure for the lockout; the error to raise (``PortalLockedOut`` when this
    failure locked the phone or address). The portal answers the lockout with its own
    page, so axes' flag on the request is cleared."""
    user_login_failed.send(sender=PortalAccount, credentials=credentials, request=request)
    locked = bool(getattr(request, "axes_locked_out", False))
    request.axes_locked_out = False  # type: ignore[attr-defined]
    if locked:
        return PortalLockedOut(_("Too many failed attempts. Try again later."))
    return error


# ------------------------------------------------------------------- password reset


def portal_password_reset_request(*, request: HttpRequest, phone: str) -> str:
    """Ask for a password reset code for ``phone`` (E.164 or local). Returns the number
    in E.164. When an account has this number, a ``reset`` code goes to it by SMS
    (``portal_phone_code_send``, with its resend and hourly limits); when none has,
    nothing is sent and the answer is the same. Raises ``ValidationFailed`` naming
    ``phone`` (malformed) and ``PortalLockedOut`` while the number or the client
    address is locked out."""
    e164 = clean_phone(phone)
    _axes_credentials(request, _reset_username(e164))
    account = PortalAccount.objects.filter(phone=e164).first()
    if account is not None:
        portal_phone_code_send(account=account, purpose=PortalPhoneCode.Purpose.RESET)
    return e164


def portal_password_reset(*, request: HttpRequest, phone: str, code: str, password: str) -> PortalAccount:
    """Set a new password with the reset code sent to ``phone``; the code also proves
    the phone. Raises ``ValidationFailed`` naming ``phone`` (malformed), ``password``
    (``AUTH_PASSWORD_VALIDATORS``; checked first, the code is not spent) or ``code``
    (wrong, used, expired or dead, and the same for a number without an account), and
    ``PortalLockedOut`` after ``LOGIN_FAILURE_LIMIT`` wrong codes for the number or from
    the address. Success clears the number's sign-in and reset failure counts. The
    second factor, if any, stays: the patient still signs in with it."""
    e164 = clean_phone(phone)
    credentials = _axes_credentials(request, _reset_username(e164))
    try:
        validate_password(password, user=None)
    except ValidationError as exc:
        raise ValidationFailed(errors={"password": exc.messages}) from exc
    account = PortalAccount.objects.filter(phone=e164).first()
    if account is None:
        raise _failed(request, credentials, ValidationFailed(errors={"code": [_("Wrong or expired code.")]}))
    try:
        portal_phone_code_use(account=account, code=code, purpose=PortalPhoneCode.Purpose.RESET)
    except ValidationFailed as exc:
        raise _failed(request, credentials, exc) from exc
    with transaction.atomic():
        account.password = make_password(password)
        model_save(account, update_fields=["password"])
    axes_reset(username=_reset_username(e164))
    axes_reset(username=_axes_username(e164))
    return account


# ------------------------------------------------------------------------------ TOTP


@dataclass(frozen=True)
class PortalTotpEnrolment:
    """``config_url``: the ``otpauth://totp/…`` URL an authenticator app scans (as a QR
    code); ``secret``: the same key in base32, to type by hand."""

    config_url: str
    secret: str


def portal_totp_active(*, account: PortalAccount) -> bool:
    """Whether sign-in asks this account for an authenticator code."""
    return PortalTotpDevice.objects.filter(account=account, confirmed_at__isnull=False).exists()


def _totp_secret(device: PortalTotpDevice) -> str:
    return base64.b32encode(bytes.fromhex(device.key)).decode().rstrip("=")


def _totp_verify(device: PortalTotpDevice, code: str) -> bool:
    """Check ``code`` against the device (django-otp's ``TOTP``), each time step used
    once (``last_t``); on success the step is saved."""
    code = code.strip()
    if len(code) != TOTP_DIGITS or not code.isdigit():
        return False
    totp = TOTP(bytes.fromhex(device.key), step=TOTP_STEP_SECONDS, t0=0, digits=TOTP_DIGITS)
    if not totp.verify(int(code), tolerance=TOTP_TOLERANCE, min_t=device.last_t + 1):
        return False
    device.last_t = totp.t()
    device.save(update_fields=["last_t", "updated_at"])
    return True


@transaction.atomic
def portal_totp_enrol(*, account: PortalAccount) -> PortalTotpEnrolment:
    """Start enrolling an authenticator app: a new secret (20 random bytes), or the one
    started within ``TOTP_ENROLMENT_TTL`` (a page shown twice must not replace the
    secret the patient just scanned). Serialized per account by a row lock. Raises
    ``Conflict`` when an authenticator is already active."""
    PortalAccount.objects.select_for_update().filter(pk=account.pk).first()
    device = PortalTotpDevice.objects.filter(account=account).first()
    if device is not None and device.confirmed_at is not None:
        raise Conflict(_("Two-factor authentication is already active."), code="totp_already_enrolled")
    if device is None or device.created_at <= timezone.now() - TOTP_ENROLMENT_TTL:
        if device is not None:
            device.delete()
        device = PortalTotpDevice(account=account, key=secrets.token_hex(20))
        model_save(device)
    secret = _totp_secret(device)
    label = quote(f"{TOTP_ISSUER}:{account.phone}")
    query = urlencode(
        {
            "secret": secret,
            "issuer": TOTP_ISSUER,
            "digits": TOTP_DIGITS,
            "period": TOTP_STEP_SECONDS,
        }
    )
    return PortalTotpEnrolment(config_url=f"otpauth://totp/{label}?{query}", secret=secret)


@transaction.atomic
def portal_totp_confirm(*, account: PortalAccount, code: str) -> PortalTotpDevice:
    """Confirm enrolment with a first code from the app; from then on sign-in asks for
    one. Raises ``Conflict`` (nothing started, or already active) and
    ``ValidationFailed`` naming ``code`` (wrong, expired or already used)."""
    device = PortalTotpDevice.objects.select_for_update().filter(account=account).first()
    if device is None:
        raise Conflict(_("Start two-factor enrolment first."), code="totp_not_started")
    if device.confirmed_at is not None:
        raise Conflict(_("Two-factor authentication is already active."), code="totp_already_enrolled")
    if not _totp_verify(device, code):
        raise ValidationFailed(errors={"code": [_("Wrong, expired or already used code.")]})
    device.confirmed_at = timezone.now()
    device.save(update_fields=["confirmed_at", "updated_at"])
    return device


def portal_sign_in_totp(*, request: HttpRequest, account: PortalAccount, code: str) -> PortalAccount:
    """The second step of signing in (after ``portal.services.portal_sign_in`` accepted
    the password): the authenticator code. A wrong code counts as a failed sign-in of
    the phone and the address (the same lockout). Raises ``ValidationFailed`` naming
    ``code`` and ``PortalLockedOut``."""
    credentials = _axes_credentials(request, _axes_username(account.phone))
    with transaction.atomic():
        device = (
            PortalTotpDevice.objects.select_for_update()
            .filter(account=account, confirmed_at__isnull=False)
            .first()
        )
        valid = device is not None and _totp_verify(device, code)
    if not valid:
        raise _failed(
            request,
            credentials,
            ValidationFailed(errors={"code": [_("Wrong, expired or already used code.")]}),
        )
    return portal_sign_in_complete(account=account)


def portal_totp_disable(*, request: HttpRequest, account: PortalAccount, password: str) -> None:
    """Turn the second factor off (or drop a started enrolment), confirmed with the
    account's password. A wrong password counts as a failed sign-in (the same lockout).
    Raises ``ValidationFailed`` naming ``password`` and ``PortalLockedOut``."""
    credentials = _axes_credentials(request, _axes_username(account.phone))
    if not check_password(password, account.password):
        raise _failed(
            request, credentials, ValidationFailed(errors={"password": [_("The password is incorrect.")]})
        )
    PortalTotpDevice.objects.filter(account=account).delete()
