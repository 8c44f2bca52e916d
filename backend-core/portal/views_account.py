"""The patient portal's account-security pages: password reset by SMS code, the
authenticator code at sign-in, and turning the authenticator on and off.

Thin views over ``portal.services_account``; errors are shown next to the field they
name (400), a lockout answers 429. The reset pages answer the same whether or not the
number has an account."""

from __future__ import annotations

import datetime as dt

import segno
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.exceptions import Conflict, ValidationFailed
from portal import selectors, services, services_account
from portal.models import PortalAccount
from portal.views import (
    TOTP_PENDING_SESSION_KEY,
    _page,
    _safe_next,
    _throttled,
    _too_many,
    patient_required,
    sign_in_session,
)

RESET_SESSION_KEY = "portal_reset_phone"
#: How long the password step of a sign-in waits for the authenticator code.
TOTP_PENDING_TTL = dt.timedelta(minutes=5)


@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    """``/portal/password/reset/``: the mobile number to send a reset code to."""
    errors: dict[str, list[str]] = {}
    phone = ""
    if request.method == "POST":
        if _throttled(request):
            return _too_many(request)
        phone = request.POST.get("phone", "").strip()
        try:
            e164 = services_account.portal_password_reset_request(request=request, phone=phone)
        except services.PortalLockedOut:
            return _too_many(request)
        except ValidationFailed as exc:
            errors = exc.errors
        else:
            request.session[RESET_SESSION_KEY] = e164
            return HttpResponseRedirect(reverse("portal:password_reset_code"))
    return _page(request, "password_reset.html", {"phone": phone, "errors": errors}, 400 if errors else 200)


@require_http_methods(["GET", "POST"])
def password_reset_code(request: HttpRequest) -> HttpResponse:
    """``/portal/password/reset/code/``: the code and a new password; ``resend=1`` asks
    for a new code. Success goes to sign-in (the second factor, if on, is still asked)."""
    phone = request.session.get(RESET_SESSION_KEY)
    if not phone:
        return HttpResponseRedirect(reverse("portal:password_reset"))
    errors: dict[str, list[str]] = {}
    notice = ""
    if request.method == "POST":
        if _throttled(request):
            return _too_many(request)
        try:
            if request.POST.get("resend"):
                services_account.portal_password_reset_request(request=request, phone=phone)
                notice = _("If this number has an account, a new code is on its way.")
            else:
                services_account.portal_password_reset(
                    request=request,
                    phone=phone,
                    code=request.POST.get("code", ""),
                    password=request.POST.get("password", ""),
                )
                request.session.pop(RESET_SESSION_KEY, None)
                return HttpResponseRedirect(f"{reverse('portal:signin')}?reset=1")
        except services.PortalLockedOut:
            return _too_many(request)
        except ValidationFailed as exc:
            errors = exc.errors
    return _page(
        request,
        "password_reset_code.html",
        {"phone": phone, "errors": errors, "notice": notice},
        400 if errors else 200,
    )


def _pending_account(request: HttpRequest) -> PortalAccount | None:
    pending = request.session.get(TOTP_PENDING_SESSION_KEY) or {}
    try:
        started = dt.datetime.fromisoformat(pending.get("at", ""))
    except (TypeError, ValueError):
        return None
    if timezone.now() - started > TOTP_PENDING_TTL:
        return None
    pk = selectors.uuid_or_none(str(pending.get("id", "")))
    return PortalAccount.objects.filter(pk=pk, phone_verified_at__isnull=False).first() if pk else None


@require_http_methods(["GET", "POST"])
def signin_code(request: HttpRequest) -> HttpResponse:
    """``/portal/signin/code/``: the authenticator code after the password was accepted
    (within ``TOTP_PENDING_TTL``); a wrong code counts toward the sign-in lockout."""
    account = _pending_account(request)
    if account is None:
        request.session.pop(TOTP_PENDING_SESSION_KEY, None)
        return HttpResponseRedirect(reverse("portal:signin"))
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        if _throttled(request):
            return _too_many(request)
        try:
            services_account.portal_sign_in_totp(
                request=request, account=account, code=request.POST.get("code", "")
            )
        except services.PortalLockedOut:
            request.session.pop(TOTP_PENDING_SESSION_KEY, None)
            return _too_many(request)
        except ValidationFailed as exc:
            errors = exc.errors
        else:
            request.session.pop(TOTP_PENDING_SESSION_KEY, None)
            sign_in_session(request, account)
            return HttpResponseRedirect(_safe_next(request, reverse("portal:appointments")))
    return _page(
        request,
        "signin_code.html",
        {"errors": errors, "next": _safe_next(request, "")},
        400 if errors else 200,
    )


def _qr_svg(data: str) -> str:
    """``data`` as an inline SVG QR code (segno; error correction M), drawn in the
    page's ink on white with the quiet zone the standard asks for."""
    qr = segno.make(data, error="m")
    svg = qr.svg_inline(scale=5, border=4, dark="#1c1917", light="#ffffff", omitsize=False)
    return mark_safe(svg)  # noqa: S308  (segno's own markup; the data is percent-encoded)


@patient_required
@require_http_methods(["GET", "POST"])
def security(request: HttpRequest) -> HttpResponse:
    """``/portal/me/security/``: the authenticator app. ``action``: ``enrol`` (show a QR
    code and the secret), ``confirm`` (``code``), ``disable`` (``password``)."""
    account: PortalAccount = request.portal_account  # type: ignore[attr-defined]
    errors: dict[str, list[str]] = {}
    enrolment = None
    notice = ""
    action = request.POST.get("action", "") if request.method == "POST" else ""
    if action:
        if _throttled(request):
            return _too_many(request)
        try:
            if action == "enrol":
                enrolment = services_account.portal_totp_enrol(account=account)
            elif action == "confirm":
                try:
                    services_account.portal_totp_confirm(account=account, code=request.POST.get("code", ""))
                except ValidationFailed:
                    enrolment = services_account.portal_totp_enrol(account=account)
                    raise
                notice = _("Two-factor authentication is on.")
            elif action == "disable":
                services_account.portal_totp_disable(
                    request=request, account=account, password=request.POST.get("password", "")
                )
                notice = _("Two-factor authentication is off.")
            else:
                errors = {"action": [_("Unknown action.")]}
        except services.PortalLockedOut:
            return _too_many(request)
        except ValidationFailed as exc:
            errors = exc.errors
        except Conflict as exc:
            errors = {"action": [exc.detail]}
    return _page(
        request,
        "security.html",
        {
            "active": services_account.portal_totp_active(account=account),
            "enrolment": enrolment,
            "qr": _qr_svg(enrolment.config_url) if enrolment else "",
            "errors": errors,
            "notice": notice,
        },
        400 if errors else 200,
    )
