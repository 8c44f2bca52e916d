"""The patient portal's pages: server-rendered templates, HTMX for the free times.

Thin views: parse the form, call one service or selector, render. Errors of services
(``ValidationFailed``) are shown next to the field they name. The signed-in patient is
the portal account whose id the Django session holds (``PORTAL_SESSION_KEY``); Django's
own authenticated user is never set by the portal, so a portal session opens no staff
URL or API, and a staff token (``Authorization: Bearer``) opens no portal page."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import get_supported_language_variant, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts.models import Clinic
from core.exceptions import ApplicationError, AuthenticationFailedError, Conflict, NotFound, ValidationFailed
from core.tenancy import clinic_context
from core.throttling import ScopedClientThrottle
from patients.models import ConsentPurpose
from patients.selectors import consent_texts_current
from portal import selectors, services, services_account
from portal.models import PortalAccount
from portal.selectors_deposit import deposit_policy, portal_deposit_states, service_deposit
from portal.selectors_forms import portal_consent_forms_due

PENDING_SESSION_KEY = "portal_pending_account_id"
PENDING_PHONE_SESSION_KEY = "portal_pending_phone"
#: ``{"id": account id, "at": ISO time}`` while sign-in waits for the authenticator code.
TOTP_PENDING_SESSION_KEY = "portal_totp_pending"
WEEKDAYS = (
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
)


class _AuthScope:
    """The staff sign-in's throttle scope ("auth": per client address) for portal forms."""

    throttle_scope = "auth"


def _throttled(request: HttpRequest) -> bool:
    return not ScopedClientThrottle().allow_request(request, _AuthScope)  # type: ignore[arg-type]


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(
        request, "portal/error.html", {"message": _("Too many attempts. Try again later.")}, status=429
    )


def _account(request: HttpRequest) -> PortalAccount | None:
    pk = request.session.get(services.PORTAL_SESSION_KEY)
    if not pk:
        return None
    account = PortalAccount.objects.filter(pk=pk, phone_verified_at__isnull=False).first()
    held = request.session.get(services.PORTAL_SESSION_HASH_KEY, "")
    if account is None or not constant_time_compare(held, services.portal_session_hash(account)):
        return None  # signed out by a password change
    return account


def sign_in_session(request: HttpRequest, account: PortalAccount) -> None:
    """Make the session the account's (a new session key: no fixation)."""
    request.session.cycle_key()
    request.session[services.PORTAL_SESSION_KEY] = str(account.pk)
    request.session[services.PORTAL_SESSION_HASH_KEY] = services.portal_session_hash(account)


def _use_clinic_language(request: HttpRequest, clinic: Clinic) -> None:
    """The clinic's language unless the visitor chose one (the language cookie)."""
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        translation.activate(get_supported_language_variant(clinic.locale.lower()))
        request.LANGUAGE_CODE = translation.get_language()


def _safe_next(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def patient_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The signed-in patient as ``request.portal_account``, else a redirect to sign in
    that comes back here."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        account = _account(request)
        if account is None:
            return HttpResponseRedirect(f"{reverse('portal:signin')}?{urlencode({'next': request.path})}")
        request.portal_account = account  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapped


def _page(request: HttpRequest, name: str, context: dict[str, Any], status: int = 200) -> HttpResponse:
    context.setdefault("account", getattr(request, "portal_account", None) or _account(request))
    return render(request, f"portal/{name}", context, status=status)


# ------------------------------------------------------------------------ directory


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    """``GET /portal/?city=&treatment=``: the published clinics, searchable."""
    city = request.GET.get("city", "")[:100]
    treatment = request.GET.get("treatment", "")[:100]
    clinics = list(selectors.published_clinics(city=city, treatment=treatment))
    return _page(request, "directory.html", {"clinics": clinics, "city": city, "treatment": treatment})


@require_GET
def clinic_page(request: HttpRequest, slug: str) -> HttpResponse:
    """``GET /portal/clinics/<slug>/``: a published clinic's public page (404 otherwise),
    with schema.org ``MedicalClinic`` JSON-LD."""
    clinic = _published_or_404(slug)
    _use_clinic_language(request, clinic)
    treatments = list(selectors.clinic_treatments(clinic))
    hours = selectors.clinic_opening_hours(clinic)
    json_ld = {
        "@context": "https://schema.org",
        "@type": "MedicalClinic",
        "name": clinic.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": clinic.address,
            "addressLocality": clinic.city,
            "addressCountry": clinic.country,
        },
        "telephone": clinic.phone,
        "currenciesAccepted": clinic.currency,
        "url": request.build_absolute_uri(),
        "openingHoursSpecification": [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": f"https://schema.org/{dt.date(2024, 1, 1 + h.weekday).strftime('%A')}",
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in hours
            if h.opens and h.closes
        ],
        "availableService": [{"@type": "MedicalProcedure", "name": t.name} for t in treatments],
    }
    return _page(
        request,
        "clinic.html",
        {
            "clinic": clinic,
            "treatments": treatments,
            "practitioners": selectors.clinic_practitioners(clinic),
            "hours": [(WEEKDAYS[h.weekday], h) for h in hours],
            "json_ld": _json_ld(json_ld),
        },
    )


def _json_ld(data: dict[str, Any]) -> str:
    """``data`` as JSON safe inside a ``<script>`` element (``<``, ``>``, ``&`` escaped as
    ``json_script`` does), for schema.org structured data."""
    text = json.dumps(data, ensure_ascii=False)
    escaped = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(escaped)  # noqa: S308  (escaped above; JSON, not HTML)


def _published_or_404(slug: str) -> Clinic:
    try:
        return selectors.published_clinic_get(slug=slug)
    except NotFound as exc:
        raise Http404 from exc


# ------------------------------------------------------------------------- accounts


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    """``/portal/signup/``: mobile number, password, names, birth date, national ID."""
    form: dict[str, str] = {}
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        if _throttled(request):
            return _too_many(request)
        form = {
            k: request.POST.get(k, "").strip()
            for k in (
                "phone",
                "given_name",
                "family_name",
                "birth_date",
                "national_id",
                "national_id_country",
            )
        }
        birth_date = _date_or_none(form["birth_date"])
        try:
            signup = services.portal_account_signup(
                phone=form["phone"],
                password=request.POST.get("password", ""),
                given_name=form["given_name"],
                family_name=form["family_name"],
                birth_date=birth_date,
                national_id=form["national_id"],
                national_id_country=form["national_id_country"],
                language=translation.get_language() or "en",
            )
        except ValidationFailed as exc:
            errors = exc.errors
            if form["birth_date"] and birth_date is None:
                errors["birth_date"] = [_("Enter a valid date.")]
        else:
            # A phone or ID already signed up gets the same next page (no enumeration):
            # the code it asks for was never sent, so no code proves it.
            request.session.cycle_key()
            request.session[PENDING_SESSION_KEY] = str(signup.account.pk) if signup.account else ""
            request.session[PENDING_PHONE_SESSION_KEY] = signup.phone
            return HttpResponseRedirect(reverse("portal:verify"))
    status = 400 if errors else 200
    return _page(request, "signup.html", {"form": form, "errors": errors, "countries": _COUNTRIES}, status)


_COUNTRIES = (("BR", "Brasil"), ("TH", "ประเทศไทย"), ("SA", "المملكة العربية السعودية"))


def _date_or_none(raw: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """``/portal/verify/``: the code sent to the new account's phone; ``resend=1`` asks
    for a new one. Proving it signs the patient in."""
    phone = request.session.get(PENDING_PHONE_SESSION_KEY)
    if not phone:
        return HttpResponseRedirect(reverse("portal:signup"))
    pk = request.session.get(PENDING_SESSION_KEY)
    # None: the sign-up met an existing account; this page then answers as for a new one.
    account = PortalAccount.objects.filter(pk=pk).first() if pk else None
    errors: dict[str, list[str]] = {}
    notice = ""
    if request.method == "POST":
        if _throttled(request):
            return _too_many(request)
        if request.POST.get("resend"):
            sent = services.portal_phone_code_send(account=account) if account else True
            notice = (
                _("A new code is on its way.") if sent else _("Wait a minute before asking for a new code.")
            )
        elif account is None:
            errors = {"code": [_("Wrong or expired code.")]}
        else:
            try:
                services.portal_phone_verify(account=account, code=request.POST.get("code", ""))
            except ValidationFailed as exc:
                errors = exc.errors
            else:
                request.session.pop(PENDING_SESSION_KEY, None)
                request.session.pop(PENDING_PHONE_SESSION_KEY, None)
                sign_in_session(request, account)
                return HttpResponseRedirect(reverse("portal:directory"))
    return _page(
        request, "verify.html", {"phone": phone, "errors": errors, "notice": notice}, 400 if errors else 200
    )


@require_http_methods(["GET", "POST"])
def signin(request: HttpRequest) -> HttpResponse:
    """``/portal/signin/``: mobile number + password (lockout as for staff sign-in)."""
    errors: dict[str, list[str]] = {}
    phone = ""
    if request.method == "POST":
        if _throttled(request):
            return _too_many(request)
        phone = request.POST.get("phone", "").strip()
        try:
            account = services.portal_sign_in(
                request=request, phone=phone, password=request.POST.get("password", "")
            )
        except services.PortalLockedOut:
            return _too_many(request)
        except ValidationFailed as exc:
            errors = exc.errors
        except AuthenticationFailedError as exc:
            errors = {"password": [exc.detail]}
        else:
            if services_account.portal_totp_active(account=account):
                request.session[TOTP_PENDING_SESSION_KEY] = {
                    "id": str(account.pk),
                    "at": timezone.now().isoformat(),
                }
                query = urlencode({"next": _safe_next(request, "")})
                return HttpResponseRedirect(f"{reverse('portal:signin_code')}?{query}")
            sign_in_session(request, account)
            return HttpResponseRedirect(_safe_next(request, reverse("portal:appointments")))
    return _page(
        request,
        "signin.html",
        {
            "phone": phone,
            "errors": errors,
            "next": _safe_next(request, ""),
            "reset": request.GET.get("reset") == "1",
        },
        400 if errors else 200,
    )


@require_POST
def signout(request: HttpRequest) -> HttpResponse:
    """``POST /portal/signout/``: ends the portal session."""
    request.session.flush()
    return HttpResponseRedirect(reverse("portal:directory"))


# -------------------------------------------------------------------------- booking


def _consent_texts(clinic: Clinic) -> list[Any]:
    with clinic_context(clinic):
        texts = consent_texts_current(
            locale=translation.get_language() or "", fallbacks=(clinic.locale, "en")
        )
    return [t for t in texts if t.purpose in services.BOOKING_CONSENT_PURPOSES]


@patient_required
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, slug: str) -> HttpResponse:
    """``/portal/clinics/<slug>/book/``: treatment → practitioner or anyone → a free
    time (HTMX partial ``slots``) → the deposit the treatment asks for and the clinic's
    no-show rule → consents → confirm."""
    clinic = _published_or_404(slug)
    _use_clinic_language(request, clinic)
    account: PortalAccount = request.portal_account  # type: ignore[attr-defined]
    source = request.POST if request.method == "POST" else request.GET
    chosen = {
        "service": source.get("service", ""),
        "practitioner": source.get("practitioner", ""),
        "day": source.get("day", "") or clinic.today().isoformat(),
        "starts_at": source.get("starts_at", ""),
    }
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        starts_at = _instant_or_none(chosen["starts_at"])
        if starts_at is None:
            errors = {"starts_at": [_("Pick a free time.")]}
        else:
            try:
                appointment = services.portal_book(
                    account=account,
                    clinic_slug=slug,
                    service_id=chosen["service"],
                    practitioner_id=chosen["practitioner"],
                    starts_at=starts_at,
                    consents={
                        p: request.POST.get(f"consent_{p}") == "yes"
                        for p in services.BOOKING_CONSENT_PURPOSES
                    },
                )
            except NotFound as exc:
                raise Http404 from exc
            except Conflict:
                errors = {"starts_at": [_("This time was just taken: pick another.")]}
            except ApplicationError as exc:
                errors = exc.errors or {"starts_at": [exc.detail]}
            else:
                return HttpResponseRedirect(
                    f"{reverse('portal:appointments')}?{urlencode({'booked': str(appointment.pk)})}"
                )
    return _page(
        request,
        "book.html",
        {
            "clinic": clinic,
            "treatments": list(selectors.clinic_treatments(clinic)),
            "practitioners": selectors.clinic_practitioners(clinic),
            "chosen": chosen,
            "slots": _slots(clinic, chosen),
            "consent_texts": _consent_texts(clinic),
            "treatment_purpose": ConsentPurpose.TREATMENT,
            "deposit_amount": service_deposit(clinic=clinic, service_id=chosen["service"]),
            "deposit_policy": deposit_policy(clinic),
            "errors": errors,
        },
        400 if errors else 200,
    )


def _instant_or_none(raw: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if timezone.is_aware(value) else None


def _slots(clinic: Clinic, chosen: dict[str, str]) -> list[Any]:
    day = _date_or_none(chosen["day"])
    if day is None or not chosen["service"]:
        return []
    return selectors.clinic_free_slots(
        clinic=clinic, service_id=chosen["service"], practitioner_id=chosen["practitioner"], day=day
    )


@require_GET
def slots(request: HttpRequest, slug: str) -> HttpResponse:
    """``GET /portal/clinics/<slug>/slots/?service=&practitioner=&day=``: the free times
    (an HTML fragment for HTMX), from the staff's availability service, with the
    booking form's deposit note for the treatment (swapped out of band). Public: free
    times and prices are what a clinic publishes."""
    clinic = _published_or_404(slug)
    _use_clinic_language(request, clinic)
    chosen = {
        "service": request.GET.get("service", ""),
        "practitioner": request.GET.get("practitioner", ""),
        "day": request.GET.get("day", ""),
        "starts_at": request.GET.get("starts_at", ""),
    }
    errors = {}
    if chosen["day"] and _date_or_none(chosen["day"]) is None:
        errors = {"day": [_("Enter a valid date.")]}
    return render(
        request,
        "portal/partials/slots.html",
        {
            "clinic": clinic,
            "slots": _slots(clinic, chosen),
            "chosen": chosen,
            "errors": errors,
            # The booking form's deposit note follows the treatment chosen (HTMX out-of-band).
            "deposit_oob": True,
            "deposit_amount": service_deposit(clinic=clinic, service_id=chosen["service"]),
            "deposit_policy": deposit_policy(clinic),
        },
        status=400 if errors else 200,
    )


# ------------------------------------------------------------------ my appointments


@patient_required
@require_GET
def appointments(request: HttpRequest) -> HttpResponse:
    """``/portal/me/appointments/``: upcoming and past, across clinics; an upcoming one
    whose treatment's consent form is still to sign links to it (``forms_due``), also
    in the confirmation right after booking; one whose treatment asks for a deposit says
    whether it is due or paid."""
    account: PortalAccount = request.portal_account  # type: ignore[attr-defined]
    upcoming, past = selectors.portal_appointments(account=account)
    deposits = portal_deposit_states(upcoming)
    booked = request.GET.get("booked", "")
    return _page(
        request,
        "appointments.html",
        {
            "upcoming": upcoming,
            "past": past,
            "forms_due": portal_consent_forms_due(
                appointments=upcoming, language=translation.get_language() or ""
            ),
            "deposits": deposits,
            "booked": booked,
            "booked_deposit": next((s for pk, s in deposits.items() if str(pk) == booked), None),
            "moved": request.GET.get("moved", ""),
            "signed": request.GET.get("signed", ""),
        },
    )


@patient_required
@require_http_methods(["GET", "POST"])
def appointment_cancel(request: HttpRequest, pk: str) -> HttpResponse:
    """``/portal/me/appointments/<id>/cancel/``: asks to confirm (GET), cancels (POST).
    Another patient's appointment: 404."""
    account: PortalAccount = request.portal_account  # type: ignore[attr-defined]
    try:
        appointment = selectors.portal_appointment_get(account=account, appointment_id=pk)
    except NotFound as exc:
        raise Http404 from exc
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            services.portal_appointment_cancel(account=account, appointment_id=pk)
        except ApplicationError as exc:
            errors = exc.errors or {"appointment": [exc.detail]}
        else:
            return HttpResponseRedirect(reverse("portal:appointments"))
    return _page(
        request, "cancel.html", {"appointment": appointment, "errors": errors}, 400 if errors else 200
    )
