"""The patient's page of an appointment's deposit: what is due, the clinic's rule for a
no-show, and how to pay it (Pix or PromptPay QR built for the exact amount).

Thin views over ``portal.selectors_deposit``; the appointment is looked up within the
account's own records, so another patient's deposit answers 404."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from commerce.models import Payment
from portal.selectors_deposit import portal_deposit
from portal.views import _page, patient_required
from portal.views_account import _qr_svg
from portal.views_my import PRIVATE, _own_appointment


@patient_required
@require_GET
def appointment_deposit(request: HttpRequest, pk: str) -> HttpResponse:
    """``GET /portal/me/appointments/<id>/deposit/``: the deposit due (or paid) for the
    patient's own appointment and, while it is due, a QR code and its copy-and-paste
    text for each QR method the clinic takes (none asked: the page says so); 404 for
    another patient's appointment."""
    appointment = _own_appointment(request, pk)
    deposit = portal_deposit(appointment=appointment)
    qrs = [
        {"qr": qr, "svg": _qr_svg(qr.payload), "label": Payment.Method(qr.method).label} for qr in (deposit.qrs if deposit else [])
    ]
    response = _page(
        request,
        "deposit.html",
        {"appointment": appointment, "clinic": appointment.clinic, "deposit": deposit, "qrs": qrs},
    )
    for name, value in PRIVATE.items():
        response[name] = value
    return response
