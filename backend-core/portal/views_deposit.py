"""The patient's page of an appointment's deposit: what is due, the clinic's rule for a
no-show, and how to pay it (Pix or PromptPay QR built for the exact amount; by card on
the online gateway's page when one is configured).

Thin views over ``portal.selectors_deposit``; the appointment is looked up within the
account's own records, so another patient's deposit answers 404."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from commerce.models import Payment
from core.exceptions import ApplicationError, Conflict, NotFound
from portal import services_my
from portal.selectors_deposit import portal_deposit
from portal.views import _page, patient_required
from portal.views_account import _qr_svg
from portal.views_my import PRIVATE, _first, _own_appointment


@patient_required
@require_http_methods(["GET", "POST"])
def appointment_deposit(request: HttpRequest, pk: str) -> HttpResponse:
    """``/portal/me/appointments/<id>/deposit/``: the deposit due (or paid) for the
    patient's own appointment and, while it is due, a QR code and its copy-and-paste
    text for each QR method the clinic takes (none asked: the page says so), and "Pay
    now" by card when an online gateway is configured: POST sends the patient to the
    gateway's page (302), which brings them back here; the gateway's signed webhook
    settles it. A POST refused answers 400 (``method``, ``payment``) or 409 (nothing due)
    with the reason and a link back to this page; 404 for another patient's appointment."""
    appointment = _own_appointment(request, pk)
    if request.method == "POST":
        try:
            page = services_my.portal_deposit_pay_online(
                account=request.portal_account,  # type: ignore[attr-defined]
                appointment_id=pk,
                return_url=request.build_absolute_uri(reverse("portal:deposit", args=[appointment.pk])),
            )
        except NotFound as exc:
            raise Http404 from exc
        except ApplicationError as exc:
            status = 409 if isinstance(exc, Conflict) else 400
            back = reverse("portal:deposit", args=[appointment.pk])
            return _page(request, "error.html", {"message": _first(exc), "back": back}, status)
        return HttpResponseRedirect(page)
    deposit = portal_deposit(appointment=appointment)
    qrs = [
        {"qr": qr, "svg": _qr_svg(qr.payload), "label": Payment.Method(qr.method).label}
        for qr in (deposit.qrs if deposit else [])
    ]
    response = _page(
        request,
        "deposit.html",
        {
            "appointment": appointment,
            "clinic": appointment.clinic,
            "deposit": deposit,
            "qrs": qrs,
        },
    )
    for name, value in PRIVATE.items():
        response[name] = value
    return response
