"""The portal's pages through Django's test client: status codes, 404s for what is not
the visitor's, CSRF, field-named validation messages, and the wall between portal
sessions and staff credentials."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from core.tasks import tasks_inline
from portal import services
from portal.models import PortalAccount
from portal.tests.conftest import MONDAY, PASSWORD, cpf_number, sent_codes, signed_in
from scheduling.models import Appointment

pytestmark = pytest.mark.usefixtures("clock")


def _field_errors(html: str, field: str) -> str:
    found = re.search(rf'<ul class="errors" id="{re.escape(field)}-error">(.*?)</ul>', html, re.S)
    return found.group(1) if found else ""


def _starts(clinic, hour: int) -> str:
    return dt.datetime.combine(MONDAY, dt.time(hour), tzinfo=clinic.zone).isoformat()


# ------------------------------------------------------------------------ directory


def test_directory_lists_only_published_clinics_and_searches_city_and_treatment(browser, world, published):
    page = browser.get(reverse("portal:directory"))
    assert page.status_code == 200
    html = page.content.decode()
    assert published.name in html and world.a.clinic.name not in html
    assert published.name in browser.get(reverse("portal:directory"), {"city": "são"}).content.decode()
    assert (
        published.name not in browser.get(reverse("portal:directory"), {"city": "Bangkok"}).content.decode()
    )
    assert (
        published.name
        in browser.get(reverse("portal:directory"), {"treatment": "botulinum"}).content.decode()
    )
    nothing = browser.get(reverse("portal:directory"), {"treatment": "tattoo removal"})
    assert "No clinic matches" in nothing.content.decode()


def test_clinic_page_shows_treatments_hours_team_and_structured_data(browser, world, published):
    page = browser.get(reverse("portal:clinic", args=[published.slug]), HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"<title>{published.name} · AesthetixOS</title>" in html
    assert '<meta name="description" content="' in html
    assert world.b.service.name in html and "R$" in html  # the clinic's currency
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "MedicalClinic" and data["name"] == published.name
    assert data["openingHoursSpecification"][0]["dayOfWeek"] == "https://schema.org/Monday"
    assert world.b.user(Role.DOCTOR).full_name in html


def test_a_clinic_page_in_the_clinics_language_unless_the_visitor_chose_one(browser, published):
    url = reverse("portal:clinic", args=[published.slug])
    assert 'lang="pt-br"' in browser.get(url).content.decode()
    browser.post(reverse("portal:language"), {"language": "ar", "next": url})
    html = browser.get(url).content.decode()
    assert 'lang="ar" dir="rtl"' in html


def test_an_unpublished_or_unknown_clinic_is_not_found(browser, world, published):
    assert browser.get(reverse("portal:clinic", args=[world.a.clinic.slug])).status_code == 404
    assert browser.get(reverse("portal:clinic", args=["no-such-clinic"])).status_code == 404
    assert browser.get(reverse("portal:slots", args=[world.a.clinic.slug])).status_code == 404


# ------------------------------------------------------------------------- accounts


def _signup_form(**overrides: str) -> dict[str, str]:
    return {
        "phone": "11 98700-0001",
        "password": PASSWORD,
        "given_name": "Beatriz",
        "family_name": "Souza",
        "birth_date": "1991-03-14",
        "national_id_country": "BR",
        "national_id": cpf_number(1),
    } | overrides


def test_signup_names_the_bad_fields_on_the_page(browser, db):
    page = browser.post(
        reverse("portal:signup"), _signup_form(national_id="123.456.789-00", birth_date="14/03/1991")
    )
    assert page.status_code == 400
    html = page.content.decode()
    assert _field_errors(html, "national_id") and _field_errors(html, "birth_date")
    assert not _field_errors(html, "phone")
    assert 'aria-invalid="true"' in html
    assert not PortalAccount.objects.exists()


def test_signup_then_the_sms_code_signs_the_patient_in(browser, db, sms):
    assert browser.get(reverse("portal:signup")).status_code == 200
    with tasks_inline():
        done = browser.post(reverse("portal:signup"), _signup_form())
    assert done.status_code == 302 and done["Location"] == reverse("portal:verify")
    wrong = browser.post(reverse("portal:verify"), {"code": "not-it"})
    assert wrong.status_code == 400 and _field_errors(wrong.content.decode(), "code")
    [code] = sent_codes(sms, "+5511987000001")
    proven = browser.post(reverse("portal:verify"), {"code": code})
    assert proven.status_code == 302
    assert browser.get(reverse("portal:appointments")).status_code == 200


def test_a_guessed_national_id_is_answered_as_a_new_sign_up(db, sms):
    """Someone typing another person's CPF (with their own phone) sees what a new patient
    sees, and no code they type gets them in."""
    with tasks_inline():
        assert Client().post(reverse("portal:signup"), _signup_form()).status_code == 302
    guesser = Client()
    with tasks_inline():
        done = guesser.post(reverse("portal:signup"), _signup_form(phone="11 98700-0002"))
    assert done.status_code == 302 and done["Location"] == reverse("portal:verify")
    page = guesser.get(reverse("portal:verify"))
    assert page.status_code == 200 and "+5511987000002" in page.content.decode()
    assert sent_codes(sms, "+5511987000002") == []
    resent = guesser.post(reverse("portal:verify"), {"resend": "1"})
    assert resent.status_code == 200
    for code in ("000000", "123456"):
        wrong = guesser.post(reverse("portal:verify"), {"code": code})
        assert wrong.status_code == 400 and _field_errors(wrong.content.decode(), "code")
    assert guesser.get(reverse("portal:appointments")).status_code == 302
    assert PortalAccount.objects.count() == 1


def test_verify_without_a_pending_sign_up_goes_to_sign_up(browser, db):
    assert browser.get(reverse("portal:verify"))["Location"] == reverse("portal:signup")


def test_forms_refuse_a_post_without_the_csrf_token(db):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(reverse("portal:signup"), _signup_form()).status_code == 403
    assert (
        strict.post(reverse("portal:signin"), {"phone": "+5511987000001", "password": "x"}).status_code == 403
    )
    assert not PortalAccount.objects.exists()


def test_sign_in_and_out(browser, make_patient):
    account = make_patient()
    assert browser.get(reverse("portal:signin")).status_code == 200
    wrong = browser.post(reverse("portal:signin"), {"phone": account.phone, "password": "nope"})
    assert wrong.status_code == 400 and _field_errors(wrong.content.decode(), "password")
    malformed = browser.post(reverse("portal:signin"), {"phone": "12", "password": "nope"})
    assert malformed.status_code == 400 and _field_errors(malformed.content.decode(), "phone")
    done = browser.post(
        reverse("portal:signin"),
        {"phone": account.phone, "password": PASSWORD, "next": "https://evil.example/"},
    )
    assert done.status_code == 302 and done["Location"] == reverse("portal:appointments")
    assert browser.post(reverse("portal:signout")).status_code == 302
    assert browser.get(reverse("portal:appointments")).status_code == 302


def test_sign_in_lockout_answers_429(browser, make_patient, settings):
    account = make_patient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        browser.post(reverse("portal:signin"), {"phone": account.phone, "password": "nope"})
    locked = browser.post(reverse("portal:signin"), {"phone": account.phone, "password": PASSWORD})
    assert locked.status_code == 429


def test_a_portal_session_opens_no_staff_api(browser, make_patient):
    signed_in(browser, make_patient())
    assert browser.get(reverse("portal:appointments")).status_code == 200
    assert browser.get("/api/v1/users/me").status_code == 401
    assert browser.get("/api/v1/patients").status_code == 401
    assert browser.get("/api/v1/calendar/appointments").status_code == 401


def test_a_staff_token_opens_no_portal_page(world, published, api):
    staff = api(world.b.user(Role.RECEPTIONIST), world.b.clinic)
    assert staff.get("/api/v1/users/me").status_code == 200
    page = staff.get(reverse("portal:appointments"))
    assert page.status_code == 302 and page["Location"].startswith(reverse("portal:signin"))
    assert staff.get(reverse("portal:book", args=[published.slug])).status_code == 302


# -------------------------------------------------------------------------- booking


def test_free_times_come_as_an_htmx_fragment(browser, world, published):
    url = reverse("portal:slots", args=[published.slug])
    fragment = browser.get(
        url, {"service": world.b.service.pk, "day": MONDAY.isoformat()}, HTTP_HX_REQUEST="true"
    )
    assert fragment.status_code == 200
    html = fragment.content.decode()
    nine = dt.datetime.fromisoformat(_starts(published, 9)).astimezone(dt.UTC).isoformat()
    assert "<html" not in html and f'value="{nine}"' in html
    assert browser.get(url, {"service": world.b.service.pk, "day": "monday"}).status_code == 400
    other = browser.get(url, {"service": world.a.service.pk, "day": MONDAY.isoformat()})
    assert other.status_code == 200 and 'name="starts_at"' not in other.content.decode()


def test_booking_page_needs_a_signed_in_patient(browser, published):
    page = browser.get(reverse("portal:book", args=[published.slug]))
    assert page.status_code == 302 and page["Location"].startswith(reverse("portal:signin"))


def test_book_a_free_time_with_source_portal(browser, world, published, make_patient):
    signed_in(browser, make_patient())
    url = reverse("portal:book", args=[published.slug])
    form = browser.get(url, {"service": world.b.service.pk, "day": MONDAY.isoformat()})
    assert form.status_code == 200 and 'hx-get="' in form.content.decode()
    missing = browser.post(url, {"service": world.b.service.pk, "starts_at": _starts(published, 10)})
    assert missing.status_code == 400 and _field_errors(missing.content.decode(), "consents.treatment")
    no_time = browser.post(url, {"service": world.b.service.pk, "consent_treatment": "yes"})
    assert no_time.status_code == 400 and _field_errors(no_time.content.decode(), "starts_at")
    done = browser.post(
        url, {"service": world.b.service.pk, "starts_at": _starts(published, 10), "consent_treatment": "yes"}
    )
    assert done.status_code == 302
    appointment = Appointment.unscoped.get(source=Appointment.Source.PORTAL)
    assert appointment.starts_at == dt.datetime.fromisoformat(_starts(published, 10))
    listed = browser.get(done["Location"]).content.decode()
    assert str(appointment.pk) in listed and world.b.service.name in listed
    taken = browser.post(
        url, {"service": world.b.service.pk, "starts_at": _starts(published, 10), "consent_treatment": "yes"}
    )
    assert taken.status_code == 400 and _field_errors(taken.content.decode(), "starts_at")


def test_booking_an_unpublished_clinic_is_not_found(browser, world, published, make_patient):
    signed_in(browser, make_patient())
    assert browser.get(reverse("portal:book", args=[world.a.clinic.slug])).status_code == 404


# ------------------------------------------------------------------ my appointments


def _booked(account, clinic, service, hour: int = 10) -> Appointment:
    return services.portal_book(
        account=account,
        clinic_slug=clinic.slug,
        service_id=str(service.pk),
        practitioner_id="",
        starts_at=dt.datetime.fromisoformat(_starts(clinic, hour)),
        consents={"treatment": True},
    )


def test_another_patients_appointment_is_not_found(browser, world, published, make_patient):
    mine, theirs = make_patient(seed=1), make_patient(seed=2)
    appointment = _booked(theirs, published, world.b.service)
    signed_in(browser, mine)
    assert appointment.service.name not in browser.get(reverse("portal:appointments")).content.decode()
    cancel = reverse("portal:cancel", args=[appointment.pk])
    assert browser.get(cancel).status_code == 404
    assert browser.post(cancel).status_code == 404
    assert browser.get(reverse("portal:cancel", args=["not-a-uuid"])).status_code == 404
    # Nor does a staff appointment of the world's patient show up.
    assert browser.get(reverse("portal:cancel", args=[world.b.appointment.pk])).status_code == 404
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.BOOKED


def test_cancel_asks_first_then_cancels(browser, world, published, make_patient):
    account = make_patient()
    appointment = _booked(account, published, world.b.service)
    signed_in(browser, account)
    url = reverse("portal:cancel", args=[appointment.pk])
    confirm = browser.get(url)
    assert confirm.status_code == 200 and "cannot be undone" in confirm.content.decode()
    assert browser.post(url).status_code == 302
    appointment.refresh_from_db()
    assert appointment.status == Appointment.Status.CANCELLED
    past = browser.get(reverse("portal:appointments")).content.decode()
    assert "Cancelled" in past or "Cancelado" in past
