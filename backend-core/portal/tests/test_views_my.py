"""The patient's own pages through Django's test client: moving an appointment, the .ics
file, "My data" and "Courses and invoices"; for each, another patient's id answers 404
and bad input 400 naming the field."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from commerce.models import Invoice
from compliance.models import DataSubjectRequest
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import Consent, ConsentPurpose
from patients.selectors import consent_current
from portal import services
from portal.tests.conftest import signed_in
from portal.tests.test_services_my import at, book, own_world_patient
from scheduling.models import Appointment, StaffSchedule

pytestmark = pytest.mark.usefixtures("clock")


def _field_errors(html: str, field: str) -> str:
    found = re.search(rf'<ul class="errors" id="{re.escape(field)}-error">(.*?)</ul>', html, re.S)
    return found.group(1) if found else ""


# ------------------------------------------------------------- move an appointment


@pytest.mark.parametrize("clock", ["02:00", "23:30"], indirect=True)
def test_move_an_appointment_to_a_free_time_picked_from_the_htmx_fragment(
    clock, browser, world, published, make_patient
):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    signed_in(browser, account)
    url = reverse("portal:reschedule", args=[appointment.pk])
    page = browser.get(url)
    assert page.status_code == 200 and 'hx-get="' in page.content.decode()
    fragment = browser.get(
        reverse("portal:move_slots", args=[appointment.pk]), {"day": "2026-06-15"}, HTTP_HX_REQUEST="true"
    )
    html = fragment.content.decode()
    fifteen = at(published, 15).astimezone(dt.UTC).isoformat()
    assert fragment.status_code == 200 and "<html" not in html and f'value="{fifteen}"' in html
    assert f'value="{at(published, 10).astimezone(dt.UTC).isoformat()}"' not in html  # its own time
    bad_day = browser.get(reverse("portal:move_slots", args=[appointment.pk]), {"day": "monday"})
    assert bad_day.status_code == 400 and _field_errors(bad_day.content.decode(), "day")
    no_time = browser.post(url, {"day": "2026-06-15", "starts_at": "10 o'clock"})
    assert no_time.status_code == 400 and _field_errors(no_time.content.decode(), "starts_at")
    closed = browser.post(url, {"day": "2026-06-15", "starts_at": at(published, 7).isoformat()})
    assert closed.status_code == 400 and _field_errors(closed.content.decode(), "starts_at")
    moved = browser.post(url, {"day": "2026-06-15", "starts_at": at(published, 15).isoformat()})
    assert moved.status_code == 302 and "moved=" in moved["Location"]
    appointment.refresh_from_db()
    assert appointment.starts_at == at(published, 15)


def test_another_patients_appointment_cannot_be_moved_or_downloaded(browser, world, published, make_patient):
    mine, theirs = make_patient(seed=1), make_patient(seed=2)
    appointment = book(theirs, published, world.b.service)
    signed_in(browser, mine)
    for name in ("reschedule", "move_slots", "ics"):
        for pk in (appointment.pk, world.b.appointment.pk, "not-a-uuid"):
            assert browser.get(reverse(f"portal:{name}", args=[pk])).status_code == 404, (name, pk)
    post = browser.post(
        reverse("portal:reschedule", args=[appointment.pk]), {"starts_at": at(published, 15).isoformat()}
    )
    assert post.status_code == 404
    appointment.refresh_from_db()
    assert appointment.starts_at == at(published, 10) and appointment.status == Appointment.Status.BOOKED


def test_add_to_calendar_is_an_rfc5545_event_in_utc(browser, world, published, make_patient):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    signed_in(browser, account)
    listed = browser.get(reverse("portal:appointments")).content.decode()
    url = reverse("portal:ics", args=[appointment.pk])
    assert url in listed and reverse("portal:reschedule", args=[appointment.pk]) in listed
    response = browser.get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"] and "no-store" in response["Cache-Control"]
    text = response.content.decode()
    assert "\r\n" in text and all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["UID"] == f"{appointment.pk}@aesthetixos"
    assert event.decoded("DTSTART") == at(published, 10) and event.decoded(
        "DTSTART"
    ).utcoffset() == dt.timedelta(0)
    assert "DTSTART:20260615T130000Z" in text  # 10:00 in São Paulo (UTC-3)
    assert world.b.service.name in str(event["SUMMARY"]) and published.name in str(event["SUMMARY"])


# -------------------------------------------------------------------------- my data


def test_my_data_withdraws_marketing_consent_which_the_chart_shows(browser, world, published, make_patient):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    signed_in(browser, account)
    page = browser.get(reverse("portal:my_data"))
    html = page.content.decode()
    assert page.status_code == 200 and published.name in html and world.a.clinic.name not in html
    url = reverse("portal:consent", args=[published.pk])
    done = browser.post(url, {"purpose": ConsentPurpose.MARKETING_MESSAGES, "decision": "withdrawn"})
    assert done.status_code == 302
    with clinic_context(published):
        current = consent_current(patient=appointment.patient, purpose=ConsentPurpose.MARKETING_MESSAGES)
    assert current.decision == Consent.Decision.WITHDRAWN and current.channel == Consent.Channel.PORTAL
    assert browser.post(url, {"purpose": "marketing_messages", "decision": "maybe"}).status_code == 400
    assert browser.post(url, {"purpose": "treatment", "decision": "withdrawn"}).status_code == 400
    other = reverse("portal:consent", args=[world.a.clinic.pk])
    assert browser.post(other, {"purpose": "data_sharing", "decision": "withdrawn"}).status_code == 404
    assert browser.post(reverse("portal:consent", args=["nope"]), {}).status_code == 404


def test_download_my_data_as_json_and_pdf_only_my_own(browser, world, published, make_patient):
    account, stranger = make_patient(seed=1), make_patient(seed=2)
    own_world_patient(world, account)
    signed_in(browser, account)
    assert browser.post(reverse("portal:export", args=[world.a.clinic.pk])).status_code == 404
    assert browser.post(reverse("portal:export", args=[published.pk])).status_code == 302
    dsr = DataSubjectRequest.unscoped.get(patient=world.b.patient, kind="export", status="completed")
    listed = browser.get(reverse("portal:my_data")).content.decode()
    assert reverse("portal:export_pdf", args=[dsr.pk]) in listed
    as_json = browser.get(reverse("portal:export_json", args=[dsr.pk]))
    assert as_json.status_code == 200 and as_json["Content-Type"] == "application/json"
    document = json.loads(as_json.content)
    assert document["clinics"][0]["chart_number"] == world.b.patient.chart_number
    as_pdf = browser.get(reverse("portal:export_pdf", args=[dsr.pk]), HTTP_ACCEPT_LANGUAGE="ar")
    assert as_pdf.status_code == 200 and as_pdf.content.startswith(b"%PDF")
    assert "no-store" in as_pdf["Cache-Control"]
    # An erasure drops earlier copies: the link goes, the URL answers 404.
    DataSubjectRequest.unscoped.filter(pk=dsr.pk).update(result=None)
    assert (
        reverse("portal:export_pdf", args=[dsr.pk])
        not in browser.get(reverse("portal:my_data")).content.decode()
    )
    assert browser.get(reverse("portal:export_json", args=[dsr.pk])).status_code == 404
    DataSubjectRequest.unscoped.filter(pk=dsr.pk).update(result=document)
    # Another patient's, the world's desk export (not done), and junk ids: 404.
    signed_in(browser, stranger)
    desk = DataSubjectRequest.unscoped.filter(clinic=world.a.clinic).first()
    for pk in (dsr.pk, desk.pk, "not-a-uuid"):
        assert browser.get(reverse("portal:export_json", args=[pk])).status_code == 404
        assert browser.get(reverse("portal:export_pdf", args=[pk])).status_code == 404


def test_ask_for_erasure_twice_files_one_request(browser, world, published, make_patient):
    account = make_patient()
    book(account, published, world.b.service)
    signed_in(browser, account)
    url = reverse("portal:erasure", args=[published.pk])
    assert browser.get(url).status_code == 200
    first, second = browser.post(url), browser.post(url)
    assert first.status_code == second.status_code == 302 and "erasure-open" in second["Location"]
    assert DataSubjectRequest.unscoped.filter(clinic=published, kind="erasure").count() == 1
    assert "Erasure" in browser.get(reverse("portal:my_data"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert browser.post(reverse("portal:erasure", args=[world.a.clinic.pk])).status_code == 404


def test_ask_for_a_correction_names_the_bad_field(browser, world, published, make_patient):
    account = make_patient()
    book(account, published, world.b.service)
    signed_in(browser, account)
    url = reverse("portal:correction", args=[published.pk])
    assert browser.get(url).status_code == 200
    bad = browser.post(url, {"birth_date": "2999-01-01"})
    assert bad.status_code == 400 and _field_errors(bad.content.decode(), "birth_date")
    empty = browser.post(url, {})
    assert empty.status_code == 400 and _field_errors(empty.content.decode(), "details")
    assert browser.post(url, {"email": "bia@example.com"}).status_code == 302
    dsr = DataSubjectRequest.unscoped.get(clinic=published, kind="rectification")
    assert dsr.details == {"email": "bia@example.com"}
    assert browser.get(reverse("portal:correction", args=[world.a.clinic.pk])).status_code == 404


# -------------------------------------------------------------- courses and invoices


def test_courses_and_invoices_with_the_invoice_pdf_only_my_own(browser, world, published, make_patient):
    account, stranger = make_patient(seed=1), make_patient(seed=2)
    own_world_patient(world, account)
    invoice = Invoice.unscoped.get(clinic=published, patient=world.b.patient)
    signed_in(browser, account)
    page = browser.get(reverse("portal:billing"), HTTP_ACCEPT_LANGUAGE="en")
    html = page.content.decode()
    assert page.status_code == 200 and "INV-WORLD" in html and "6 of 6 sessions left" in html
    pdf = browser.get(reverse("portal:invoice_pdf", args=[invoice.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    other_clinic = Invoice.unscoped.get(clinic=world.a.clinic)
    for pk in (other_clinic.pk, "not-a-uuid"):
        assert browser.get(reverse("portal:invoice_pdf", args=[pk])).status_code == 404
    Invoice.unscoped.filter(pk=invoice.pk).update(status=Invoice.Status.DRAFT)
    assert browser.get(reverse("portal:invoice_pdf", args=[invoice.pk])).status_code == 404
    Invoice.unscoped.filter(pk=invoice.pk).update(status=Invoice.Status.PAID)
    signed_in(browser, stranger)
    assert "INV-WORLD" not in browser.get(reverse("portal:billing")).content.decode()
    assert browser.get(reverse("portal:invoice_pdf", args=[invoice.pk])).status_code == 404


def test_my_pages_need_a_signed_in_patient(browser, published):
    for name in ("my_data", "billing"):
        response = browser.get(reverse(f"portal:{name}"))
        assert response.status_code == 302 and response["Location"].startswith(reverse("portal:signin"))


# ------------------------------------------------------ move to anyone's free time


def test_moving_to_anyone_offers_and_takes_another_practitioners_free_time(
    browser, world, published, make_patient
):
    """The doctor is taken at 15:00 by another patient; the nurse works Mondays too. The
    same practitioner's times leave 15:00 out; "anyone" offers it and moves the visit to
    the nurse through the one move service, while a time the doctor is free keeps them."""
    nurse, doctor = world.b.user(Role.NURSE), world.b.user(Role.DOCTOR)
    StaffSchedule.unscoped.create(
        clinic=published, practitioner=nurse, weekday=0, start_time=dt.time(9), end_time=dt.time(18)
    )
    mine = make_patient(seed=1)

    def with_doctor(account, hour):
        return services.portal_book(
            account=account,
            clinic_slug=published.slug,
            service_id=str(world.b.service.pk),
            practitioner_id=str(doctor.pk),
            starts_at=at(published, hour),
            consents={ConsentPurpose.TREATMENT: True},
        )

    appointment = with_doctor(mine, 10)
    with_doctor(make_patient(seed=2), 15)
    signed_in(browser, mine)
    fifteen = f'value="{at(published, 15).astimezone(dt.UTC).isoformat()}"'
    slots = reverse("portal:move_slots", args=[appointment.pk])
    same = browser.get(slots, {"day": "2026-06-15"}).content.decode()
    anyone = browser.get(slots, {"day": "2026-06-15", "practitioner": "any"}).content.decode()
    assert fifteen not in same and fifteen in anyone
    assert anyone.count(fifteen) == 1  # each start time once
    page = browser.get(reverse("portal:reschedule", args=[appointment.pk])).content.decode()
    assert '<option value="any"' in page and doctor.full_name in page
    url = reverse("portal:reschedule", args=[appointment.pk])
    refused = browser.post(url, {"day": "2026-06-15", "starts_at": at(published, 15).isoformat()})
    assert refused.status_code == 400 and _field_errors(refused.content.decode(), "starts_at")
    moved = browser.post(
        url, {"day": "2026-06-15", "practitioner": "any", "starts_at": at(published, 15).isoformat()}
    )
    assert moved.status_code == 302, moved.content.decode()
    appointment.refresh_from_db()
    assert (appointment.starts_at, appointment.practitioner) == (at(published, 15), nurse)
    # Anyone, at a time its own practitioner (now the nurse) is free: it stays with them.
    browser.post(
        url, {"day": "2026-06-15", "practitioner": "any", "starts_at": at(published, 16).isoformat()}
    )
    appointment.refresh_from_db()
    assert (appointment.starts_at, appointment.practitioner) == (at(published, 16), nurse)
