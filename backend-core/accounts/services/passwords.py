"""Passwords: the strength check, change, and reset by SMS code."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import PasswordResetCode, User
from accounts.services.authentication import (
    TokenPair,
    auth_session_start,
    token_pair_issue,
    user_audit,
    user_sessions_end,
)
from accounts.validators import clean_phone
from core.exceptions import ValidationFailed
from core.services import model_save
from core.tasks import enqueue_on_commit
from notifications.services import message_send
from notifications.templates import render


def password_validate(password: str, user: User, *, field: str = "password") -> None:
    """Raise ``ValidationFailed`` naming ``field`` with every message of Django's password
    validators (``AUTH_PASSWORD_VALIDATORS``) that ``password`` fails for ``user``."""
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ValidationFailed(errors={field: exc.messages}) from exc


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
    carried over) in return (OWASP ASVS 5.0 V6.2.2, V7.4.3). Audited as
    ``user.password_changed`` (``user_audit``). Raises ``ValidationFailed`` naming
    ``current_password`` (wrong) or ``new_password`` (too weak, or the same)."""
    if not user.check_password(current_password):
        raise ValidationFailed(
            errors={"current_password": [_("The current password is wrong.")]}, code="password_wrong"
        )
    if new_password == current_password:
        raise ValidationFailed(errors={"new_password": [_("Choose a password you did not use now.")]})
    password_validate(new_password, user, field="new_password")
    user.set_password(new_password)
    model_save(user, update_fields=["password"])
    user_sessions_end(user=user, reason="password_change")
    user_audit(user=user, actor=user, action="user.password_changed")
    return token_pair_issue(user=user, family=auth_session_start(user=user), otp_verified=otp_verified)


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
    user = User.objects.select_for_update(no_key=True).filter(phone=e164, is_active=True).first()
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
    account (OWASP ASVS 5.0 V6.4.3, V7.4.3), audited as ``user.password_reset``
    (``user_audit``).

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
        password_validate(new_password, user, field="new_password")
        if not PasswordResetCode.objects.filter(pk=entry.pk, used_at__isnull=True).update(
            used_at=timezone.now()
        ):
            raise ValidationFailed(code="reset_code_invalid", errors={"code": [_("Wrong or expired code.")]})
        user.set_password(new_password)
        model_save(user, update_fields=["password"])
        user_sessions_end(user=user, reason="password_reset")
        user_audit(user=user, actor=user, action="user.password_reset")
