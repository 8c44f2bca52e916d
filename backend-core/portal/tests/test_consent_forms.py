"""The treatment's consent form, read and signed by the patient on the portal before the
visit: offered on My appointments and right after booking, signed by drawing or typing
the full name through the clinical record's one signing service (channel ``portal``, no
staff recorder, audited), after which the clinician's start-session finds it. Another
patient's appointment is 404; an outdated version or an empty signature is 400 naming
the field."""

from __future__ import annotations

import base64
import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from PIL import Image

from audit.models import AuditEvent
from core.exceptions import NotFound, ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from emr.models import ConsentFormSignature, ConsentFormTemplate
from emr.selectors import consent_form_valid_for
from emr.services import consent_template_publish
from portal import selectors_forms, services_forms
from portal.tests.conftest import signed_in
from portal.tests.test_services_my import book

pytestmark = pytest.mark.usefixtures("clock")


def _field_errors(html: str, field: str) -> str:
    found = re.search(rf'<ul class="errors" id="{re.escape(field)}-error">(.*?)</ul>', html, re.S)
    return found.group(1) if found else ""


def _png() -> str:
    image = Image.new("LA", (300, 120))
    for x in range(40, 260):
        image.putpixel((x, 60 + (x % 9)), (0, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.fixture
def form(world, published) -> ConsentFormTemplate:
    """São Paulo's toxin treatment needs a consent form; its Portuguese version 1 (the
    world also holds an English one, which its own patient signed)."""
    service = world.b.service
    service.requires_consent = True
    service.save(update_fields=["requires_consent"])
    with clinic_context(published):
        return consent_template_publish(
            clinic=published,
            actor=world.b.user(Role.DOCTOR),
            service=service,
            locale="pt-br",
            title="Termo de consentimento: toxina",
            body="Fui informada dos riscos (hematomas, ptose).\nAutorizo o procedimento.",
        )


def test_my_appointments_and_the_booking_confirmation_link_the_form_until_it_is_signed(
    browser, world, published, make_patient, form
):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    signed_in(browser, account)
    sign_url = reverse("portal:consent_form", args=[appointment.pk])

    confirmation = browser.get(reverse("portal:appointments"), {"booked": str(appointment.pk)})
    html = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert html.count(f'href="{sign_url}"') == 2  # the confirmation and the appointment's card

    page = browser.get(sign_url)
    html = page.content.decode()
    assert page.status_code == 200
    assert "Termo de consentimento: toxina" in html and "Autorizo o procedimento." in html
    assert f'name="template_id" value="{form.pk}"' in html
    assert 'name="typed_name"' in html and "data-signature-pad" in html and "signature.js" in html

    signed = browser.post(
        sign_url,
        {"template_id": str(form.pk), "method": "typed", "typed_name": "  Beatriz Souza 1 "},
        REMOTE_ADDR="198.51.100.7",
        HTTP_USER_AGENT="Phone browser",
    )
    assert signed.status_code == 302 and signed["Location"].endswith(f"?signed={appointment.pk}")
    after = browser.get(signed["Location"]).content.decode()
    assert f'href="{sign_url}"' not in after and 'role="status"' in after
    assert "Você já assinou" in browser.get(sign_url).content.decode()  # the page says it is signed

    signature = ConsentFormSignature.unscoped.get(patient=appointment.patient_id)
    assert signature.channel == ConsentFormSignature.Channel.PORTAL and signature.recorded_by is None
    assert signature.method == "typed" and signature.typed_name == "Beatriz Souza 1"
    assert signature.template_id == form.pk and signature.clinic_id == published.pk
    assert signature.ip == "198.51.100.7" and signature.user_agent == "Phone browser"
    assert AuditEvent.unscoped.filter(
        clinic=published, action="consent_form.signed", object_id=str(signature.pk), actor=None
    ).exists()
    with clinic_context(published):  # what the clinician's start-session asks for
        assert consent_form_valid_for(patient_id=appointment.patient_id, service=world.b.service) == signature


def test_a_drawn_signature_is_kept_as_the_png_sent(browser, world, published, make_patient, form):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    signed_in(browser, account)
    png = _png()
    response = browser.post(
        reverse("portal:consent_form", args=[appointment.pk]),
        {"template_id": str(form.pk), "method": "drawn", "signature_png": png},
    )
    assert response.status_code == 302
    signature = ConsentFormSignature.unscoped.get(patient=appointment.patient_id)
    assert signature.method == "drawn"
    assert bytes(signature.signature_png) == base64.b64decode(png.split(",", 1)[1])


def test_signing_is_refused_for_another_patient_an_outdated_version_or_an_empty_signature(
    browser, world, published, make_patient, form
):
    mine, theirs = make_patient(seed=1), make_patient(seed=2)
    their_appointment = book(theirs, published, world.b.service, hour=10)
    appointment = book(mine, published, world.b.service, hour=14)
    signed_in(browser, mine)
    typed = {"template_id": str(form.pk), "method": "typed", "typed_name": "Beatriz"}
    for pk in (their_appointment.pk, world.b.appointment.pk, "not-a-uuid"):
        url = reverse("portal:consent_form", args=[pk])
        assert browser.get(url).status_code == 404, pk
        assert browser.post(url, typed).status_code == 404, pk

    url = reverse("portal:consent_form", args=[appointment.pk])
    empty_drawing = browser.post(url, {"template_id": str(form.pk), "method": "drawn", "signature_png": ""})
    assert empty_drawing.status_code == 400 and _field_errors(empty_drawing.content.decode(), "signature_png")
    empty_name = browser.post(url, {**typed, "typed_name": "   "})
    assert empty_name.status_code == 400 and _field_errors(empty_name.content.decode(), "typed_name")
    no_method = browser.post(url, {**typed, "method": ""})
    assert no_method.status_code == 400 and _field_errors(no_method.content.decode(), "method")
    elsewhere = browser.post(
        url, {**typed, "template_id": str(world.a.clinical.template.pk)}
    )  # another clinic's
    assert elsewhere.status_code == 400 and _field_errors(elsewhere.content.decode(), "template_id")

    with clinic_context(published):
        newer = consent_template_publish(
            clinic=published,
            actor=world.b.user(Role.DOCTOR),
            service=world.b.service,
            locale="pt-br",
            title="Termo de consentimento: toxina (v2)",
            body="Nova redação.",
        )
    outdated = browser.post(url, typed)
    html = outdated.content.decode()
    assert outdated.status_code == 400 and _field_errors(html, "template_id")
    assert f'name="template_id" value="{newer.pk}"' in html  # the page now shows the newest
    assert not ConsentFormSignature.unscoped.filter(patient__in=[appointment.patient_id]).exists()
    assert not ConsentFormSignature.unscoped.filter(patient=their_appointment.patient_id).exists()


def test_the_form_offered_is_in_the_pages_language_else_the_clinics(world, published, make_patient, form):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    assert selectors_forms.portal_consent_form_due(appointment=appointment, language="pt-br") == form
    assert selectors_forms.portal_consent_form_due(appointment=appointment, language="th") == form
    english = selectors_forms.portal_consent_form_due(appointment=appointment, language="en")
    assert english is not None and english.locale == "en"  # the world's English form


def test_a_retry_returns_the_signature_already_made(world, published, make_patient, form):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    values = {"template_id": str(form.pk), "method": "typed", "typed_name": "Beatriz Souza"}
    first = services_forms.portal_consent_form_sign(
        account=account, appointment_id=str(appointment.pk), **values
    )
    again = services_forms.portal_consent_form_sign(
        account=account, appointment_id=str(appointment.pk), **values
    )
    assert again.pk == first.pk
    assert ConsentFormSignature.unscoped.filter(patient=appointment.patient_id).count() == 1
    assert selectors_forms.portal_consent_forms_due(appointments=[appointment], language="pt-br") == set()


def test_no_form_is_offered_when_the_treatment_needs_none_or_the_visit_is_cancelled(
    browser, world, published, make_patient, form
):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    with pytest.raises(NotFound):
        services_forms.portal_consent_form_sign(
            account=make_patient(seed=3),
            appointment_id=str(appointment.pk),
            template_id=str(form.pk),
            method="typed",
        )
    appointment.status = "cancelled"
    appointment.save(update_fields=["status"])
    assert selectors_forms.portal_consent_form_due(appointment=appointment, language="pt-br") is None
    with pytest.raises(ValidationFailed) as refused:
        services_forms.portal_consent_form_sign(
            account=account,
            appointment_id=str(appointment.pk),
            template_id=str(form.pk),
            method="typed",
            typed_name="Beatriz",
        )
    assert "appointment" in refused.value.errors

    second = book(account, published, world.b.service, hour=15)
    world.b.service.requires_consent = False
    world.b.service.save(update_fields=["requires_consent"])
    signed_in(browser, account)
    listing = browser.get(reverse("portal:appointments")).content.decode()
    assert str(second.pk) in listing and reverse("portal:consent_form", args=[second.pk]) not in listing
    page = browser.get(reverse("portal:consent_form", args=[second.pk]))
    assert page.status_code == 200 and 'name="template_id"' not in page.content.decode()


def test_an_arabic_form_reads_right_to_left_even_when_its_title_opens_with_a_latin_name(
    browser, world, published, make_patient, form
):
    with clinic_context(published):
        arabic = consent_template_publish(
            clinic=published,
            actor=world.b.user(Role.DOCTOR),
            service=world.b.service,
            locale="ar",
            title="Botox: نموذج الموافقة",
            body="أُبلغت بالمخاطر.",
        )
    account = make_patient()
    appointment = book(account, published, world.b.service)
    url = reverse("portal:consent_form", args=[appointment.pk])
    signed_in(browser, account)

    for language, form_shown, direction in (("ar", arabic, "rtl"), ("pt-br", form, "ltr")):
        browser.cookies[settings.LANGUAGE_COOKIE_NAME] = language  # the page's language switch
        page = browser.get(url).content.decode()
        assert f'name="template_id" value="{form_shown.pk}"' in page
        # The wording's own direction, not its first letter's ("Botox").
        assert f'lang="{language}" dir="{direction}"' in page
