"""The signed-in patient's own pages: move an appointment, add it to a calendar, "My data"
(consents, a copy of the data, erasure and correction requests) and "My courses and
invoices".

Thin views over ``portal.selectors_my`` and ``portal.services_my``; every id in a URL
is looked up within the account's own records, so another patient's appointment,
invoice or export answers 404, as an unknown or malformed id does."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from commerce.documents import invoice_pdf
from compliance.models import DataSubjectRequest
from core.exceptions import ApplicationError, NotFound, ValidationFailed
from core.tenancy import clinic_context
from portal import documents, selectors_my, services_my
from portal.models import PortalAccount
from portal.selectors import portal_appointment_get
from portal.views import _date_or_none, _instant_or_none, _page, patient_required
from scheduling.services import AppointmentConflict

PRIVATE = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow"}


def _me(request: HttpRequest) -> PortalAccount:
    account: PortalAccount = request.portal_account  # type: ignore[attr-defined]
    return account


def _download(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type, headers=PRIVATE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --------------------------------------------------------------- move an appointment


def _own_appointment(request: HttpRequest, pk: str) -> Any:
    try:
        return portal_appointment_get(account=_me(request), appointment_id=pk)
    except NotFound as exc:
        raise Http404 from exc


#: The ``practitioner`` value of the move form that means any practitioner of the clinic
#: (blank: the appointment's own).
ANYONE = "any"


def _move_slots(appointment: Any, day_text: str, anyone: bool) -> tuple[list[Any], dict[str, list[str]]]:
    day = _date_or_none(day_text)
    if day is None:
        return [], {"day": [_("Enter a valid date.")]}
    return selectors_my.reschedule_slots(appointment=appointment, day=day, anyone=anyone), {}


@patient_required
@require_http_methods(["GET", "POST"])
def appointment_reschedule(request: HttpRequest, pk: str) -> HttpResponse:
    """``/portal/me/appointments/<id>/reschedule/``: the same practitioner or anyone
    (``practitioner=any``) → a day → its free times (HTMX partial ``reschedule_slots``)
    → move (POST). Another patient's appointment: 404."""
    appointment = _own_appointment(request, pk)
    clinic = appointment.clinic
    source = request.POST if request.method == "POST" else request.GET
    chosen = {
        "service": str(appointment.service_id),
        "day": source.get("day", "") or clinic.date_at(appointment.starts_at).isoformat(),
        "starts_at": source.get("starts_at", ""),
        "practitioner": ANYONE if source.get("practitioner") == ANYONE else "",
    }
    anyone = chosen["practitioner"] == ANYONE
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        starts_at = _instant_or_none(chosen["starts_at"])
        if starts_at is None:
            errors = {"starts_at": [_("Pick a free time.")]}
        else:
            try:
                services_my.portal_appointment_reschedule(
                    account=_me(request), appointment_id=pk, starts_at=starts_at, anyone=anyone
                )
            except NotFound as exc:
                raise Http404 from exc
            except AppointmentConflict:
                errors = {"starts_at": [_("This time was just taken: pick another.")]}
            except ApplicationError as exc:
                errors = exc.errors or {"appointment": [exc.detail]}
            else:
                return HttpResponseRedirect(
                    f"{reverse('portal:appointments')}?{urlencode({'moved': str(appointment.pk)})}"
                )
    slots, day_errors = _move_slots(appointment, chosen["day"], anyone)
    errors = errors | day_errors
    return _page(
        request,
        "reschedule.html",
        {
            "appointment": appointment,
            "clinic": clinic,
            "chosen": chosen,
            "slots": slots,
            "errors": errors,
            "anyone": ANYONE,
        },
        400 if errors else 200,
    )


@patient_required
@require_GET
def reschedule_slots(request: HttpRequest, pk: str) -> HttpResponse:
    """``GET /portal/me/appointments/<id>/reschedule/slots/?day=&practitioner=``: the free
    times on ``day`` of the appointment's practitioner, or of anyone
    (``practitioner=any``), as an HTML fragment (HTMX)."""
    appointment = _own_appointment(request, pk)
    chosen = {"service": str(appointment.service_id), "day": request.GET.get("day", ""), "starts_at": ""}
    slots, errors = _move_slots(appointment, chosen["day"], request.GET.get("practitioner") == ANYONE)
    return render(
        request,
        "portal/partials/slots.html",
        {"clinic": appointment.clinic, "slots": slots, "chosen": chosen, "errors": errors},
        status=400 if errors else 200,
    )


@patient_required
@require_GET
def appointment_ics(request: HttpRequest, pk: str) -> HttpResponse:
    """``GET /portal/me/appointments/<id>/calendar.ics``: the appointment as an iCalendar
    event to add to the phone's calendar."""
    appointment = _own_appointment(request, pk)
    response = _download(
        documents.appointment_ics(appointment=appointment), "text/calendar; charset=utf-8", "appointment.ics"
    )
    return response


# -------------------------------------------------------------------------- my data


@patient_required
@require_GET
def my_data(request: HttpRequest) -> HttpResponse:
    """``/portal/me/data/``: per clinic that holds a chart of the patient, their consents,
    copies of their data and requests."""
    language = translation.get_language() or "en"
    clinics = [
        {
            "chart": chart,
            "clinic": chart.clinic,
            "consents": selectors_my.portal_consents(chart=chart, language=language),
            "requests": selectors_my.portal_requests(chart=chart),
        }
        for chart in selectors_my.portal_charts(account=_me(request))
    ]
    return _page(
        request,
        "my_data.html",
        {
            "clinics": clinics,
            "done": request.GET.get("done", ""),
            "export_kind": DataSubjectRequest.Kind.EXPORT,
            "completed": DataSubjectRequest.Status.COMPLETED,
        },
    )


def _my_data_url(done: str, clinic_id: str) -> str:
    return f"{reverse('portal:my_data')}?{urlencode({'done': done})}#clinic-{clinic_id}"


@patient_required
@require_POST
def consent_change(request: HttpRequest, clinic_id: str) -> HttpResponse:
    """``POST /portal/me/data/<clinic>/consents/`` ``purpose``, ``decision``
    (``granted``/``withdrawn``). 400 names a bad field; no chart there: 404."""
    decision = request.POST.get("decision", "")
    try:
        selectors_my.portal_chart_get(account=_me(request), clinic_id=clinic_id)  # 404 before 400
        if decision not in ("granted", "withdrawn"):
            raise ValidationFailed(errors={"decision": [_("Choose yes or no.")]})
        services_my.portal_consent_change(
            account=_me(request),
            clinic_id=clinic_id,
            purpose=request.POST.get("purpose", ""),
            granted=decision == "granted",
            language=translation.get_language() or "en",
        )
    except NotFound as exc:
        raise Http404 from exc
    except ValidationFailed as exc:
        return _page(request, "error.html", {"message": _first(exc)}, 400)
    return HttpResponseRedirect(_my_data_url("consent", clinic_id))


def _first(exc: ApplicationError) -> str:
    for messages in (exc.errors or {}).values():
        return f"{messages[0]}"
    return str(exc.detail)


@patient_required
@require_POST
def export_create(request: HttpRequest, clinic_id: str) -> HttpResponse:
    """``POST /portal/me/data/<clinic>/export/``: make a copy of the data now."""
    try:
        services_my.portal_export_create(account=_me(request), clinic_id=clinic_id)
    except NotFound as exc:
        raise Http404 from exc
    return HttpResponseRedirect(_my_data_url("export", clinic_id))


@patient_required
@require_GET
def export_download(request: HttpRequest, pk: str, fmt: str) -> HttpResponse:
    """``GET /portal/me/data/exports/<id>.json|.pdf``: the patient's own copy; anyone
    else's (or an erased one): 404."""
    try:
        dsr = selectors_my.portal_export_get(account=_me(request), export_id=pk)
    except NotFound as exc:
        raise Http404 from exc
    name = f"my-data-{dsr.clinic.slug}-{dsr.completed_at:%Y%m%d}"
    if fmt == "json":
        body = json.dumps(dsr.result, ensure_ascii=False, indent=2).encode()
        return _download(body, "application/json", f"{name}.json")
    pdf = documents.export_pdf(document=dsr.result, language=translation.get_language() or "en")
    return _download(pdf, "application/pdf", f"{name}.pdf")


@patient_required
@require_http_methods(["GET", "POST"])
def erasure_request(request: HttpRequest, clinic_id: str) -> HttpResponse:
    """``/portal/me/data/<clinic>/erasure/``: asks to confirm (GET), then files the
    request (POST; a second while one is open files nothing)."""
    try:
        chart = selectors_my.portal_chart_get(account=_me(request), clinic_id=clinic_id)
        if request.method == "POST":
            _dsr, created = services_my.portal_erasure_request(account=_me(request), clinic_id=clinic_id)
            return HttpResponseRedirect(_my_data_url("erasure" if created else "erasure-open", clinic_id))
    except NotFound as exc:
        raise Http404 from exc
    return _page(request, "erasure.html", {"clinic": chart.clinic})


@patient_required
@require_http_methods(["GET", "POST"])
def correction_request(request: HttpRequest, clinic_id: str) -> HttpResponse:
    """``/portal/me/data/<clinic>/correction/``: the right values of what is wrong."""
    form = {k: request.POST.get(k, "") for k in services_my.CORRECTABLE}
    errors: dict[str, list[str]] = {}
    try:
        chart = selectors_my.portal_chart_get(account=_me(request), clinic_id=clinic_id)
        if request.method == "POST":
            try:
                services_my.portal_correction_request(account=_me(request), clinic_id=clinic_id, values=form)
            except ValidationFailed as exc:
                errors = exc.errors
            else:
                return HttpResponseRedirect(_my_data_url("correction", clinic_id))
    except NotFound as exc:
        raise Http404 from exc
    return _page(
        request,
        "correction.html",
        {"clinic": chart.clinic, "form": form, "errors": errors},
        400 if errors else 200,
    )


# -------------------------------------------------------------- courses and invoices


@patient_required
@require_GET
def billing(request: HttpRequest) -> HttpResponse:
    """``/portal/me/billing/``: per clinic, the patient's course balances and invoices."""
    clinics = [
        {
            "clinic": chart.clinic,
            "balances": selectors_my.portal_course_balances(chart=chart),
            "invoices": selectors_my.portal_invoices(chart=chart),
        }
        for chart in selectors_my.portal_charts(account=_me(request))
    ]
    return _page(request, "billing.html", {"clinics": clinics})


@patient_required
@require_GET
def invoice_download(request: HttpRequest, pk: str) -> HttpResponse:
    """``GET /portal/me/invoices/<id>.pdf``: the patient's own invoice as the clinic
    prints it (``commerce.documents.invoice_pdf``); anyone else's: 404."""
    try:
        invoice = selectors_my.portal_invoice_get(account=_me(request), invoice_id=pk)
    except NotFound as exc:
        raise Http404 from exc
    with clinic_context(invoice.clinic):
        pdf = invoice_pdf(invoice=invoice)
    return _download(pdf, "application/pdf", f"{invoice.number or invoice.pk}.pdf")
