"""``/portal/me/appointments/<id>/consent-form/``: the patient reads the treatment's
consent form and signs it, by drawing on a small pad (``portal/signature.js``, no
framework) or, from the keyboard or without script, by typing the full name.

Thin view over ``portal.selectors_forms`` and ``portal.services_forms``; another
patient's appointment answers 404, as an unknown or malformed id does."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_http_methods

from core.exceptions import ApplicationError, NotFound
from portal import selectors_forms, services_forms
from portal.views import _page, _use_clinic_language, patient_required
from portal.views_my import _me, _own_appointment


@patient_required
@require_http_methods(["GET", "POST"])
def consent_form(request: HttpRequest, pk: str) -> HttpResponse:
    """In the clinic's language unless the patient chose one. GET: the form still to
    sign for the appointment's treatment (title, full wording, version), or that it is
    signed already, or that none is needed. POST (``template_id``, ``method`` =
    ``drawn`` with ``signature_png`` or ``typed`` with ``typed_name``): signs it and
    goes back to My appointments (``?signed=<id>``); a 400 re-shows the page with the
    message next to the field it names."""
    appointment = _own_appointment(request, pk)
    _use_clinic_language(request, appointment.clinic)
    errors: dict[str, list[str]] = {}
    if request.method == "POST":
        try:
            services_forms.portal_consent_form_sign(
                account=_me(request),
                appointment_id=pk,
                template_id=request.POST.get("template_id", ""),
                method=request.POST.get("method", ""),
                signature_png=request.POST.get("signature_png", ""),
                typed_name=request.POST.get("typed_name", ""),
            )
        except NotFound as exc:
            raise Http404 from exc
        except ApplicationError as exc:
            errors = exc.errors or {"appointment": [exc.detail]}
        else:
            return HttpResponseRedirect(f"{reverse('portal:appointments')}?{urlencode({'signed': str(pk)})}")
    template = selectors_forms.portal_consent_form_due(
        appointment=appointment, language=translation.get_language() or ""
    )
    signed = (
        None if template is not None else selectors_forms.portal_consent_form_signed(appointment=appointment)
    )
    return _page(
        request,
        "consent_form.html",
        {
            "appointment": appointment,
            "clinic": appointment.clinic,
            "form": template,
            "signed": signed,
            "typed_name": request.POST.get("typed_name", ""),
            "errors": errors,
        },
        400 if errors else 200,
    )
