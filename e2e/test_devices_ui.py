"""Devices, working hours and follow-ups in Chromium against the real server: the owner
adds, renames, retypes and deactivates devices on the settings page (desktop, phone,
Arabic); the admin gives a practitioner Sunday hours and a day off on the working-hours
page; a receptionist books a laser treatment and the calendar names the laser it got; a
doctor books a completed session's follow-up in two clicks.

Screenshots go to ``test-results/e2e/devices-*.png`` and ``hours-*.png``."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import httpx
import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from support import (
    BANGKOK_ZONE,
    Server,
    Watched,
    api_with_totp_key,
    arabic,
    choose,
    fits,
    phone,
    sign_in,
    totp_enrol,
)

# The limit covers this module's own server start (a copy of the demo database, uvicorn), slow on a busy
# machine.
pytestmark = pytest.mark.timeout(1200)

DESKTOP = {"width": 1440, "height": 900}
TOTP_STEP = 30
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def admin_enrolled(server: Server) -> tuple[httpx.Client, bytes]:
    """The Bangkok admin's API client, second factor enrolled and passed (a manager needs
    it), and the TOTP key, for the admin's browser sign-in."""
    return api_with_totp_key(server, "admin")


@pytest.fixture(scope="module")
def admin(admin_enrolled: tuple[httpx.Client, bytes]) -> httpx.Client:
    """The admin's API client: sets the catalog up as a clinic would before booking."""
    return admin_enrolled[0]


def _ok(response: httpx.Response) -> Any:
    assert response.status_code in (200, 201), response.text
    return response.json()


def _fits(page: Page, content: str = "main > *") -> None:
    """``content`` (the page's own, by default) does not scroll sideways in a phone's
    content column (the viewport less the main area's padding); the sidebar beside it is
    the layout's."""
    scroll, width = page.evaluate(
        """(selector) => {
            const main = document.querySelector('main')
            const content = document.querySelector(selector)
            const style = getComputedStyle(main)
            const padding = parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd)
            const width = window.innerWidth - padding
            const before = content.style.width
            content.style.width = `${width}px`
            const scroll = content.scrollWidth
            content.style.width = before
            return [scroll, width]
        }""",
        content,
    )
    assert scroll <= width, (scroll, width)


def _language(page: Page, name: str) -> None:
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name=name).click()


def test_the_owner_adds_renames_and_deactivates_devices(server, open_page):
    watched: Watched = open_page()
    page = watched.page
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Devices").click()
    expect(page.get_by_role("heading", name="Devices")).to_be_visible()
    expect(page.get_by_test_id("devices-empty")).to_be_visible()
    watched.shot("devices-01-empty-1440")

    form = page.get_by_test_id("device-add")
    for name, kind in (("Fotona SP Dynamis", "Laser"), ("Ultherapy", "HIFU")):
        form.get_by_label("Name").fill(name)
        choose(form, "Type", kind)
        form.get_by_role("button", name="Add device").click()
        expect(page.get_by_test_id(f"device-{name}")).to_be_visible()

    # Rename the HIFU and make it a radiofrequency device.
    row = page.get_by_test_id("device-Ultherapy")
    row.get_by_role("button", name="Edit").click()
    row.get_by_label("Name").fill("Thermage FLX")
    choose(row, "Type", "Radiofrequency")
    row.get_by_role("button", name="Save").click()
    renamed = page.get_by_test_id("device-Thermage FLX")
    expect(renamed).to_contain_text("Radiofrequency")

    # Deactivating asks first.
    renamed.get_by_role("button", name="Deactivate").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Deactivate Thermage FLX?")
    watched.shot("devices-02-confirm-1440")
    dialog.get_by_test_id("device-deactivate-confirm").click()
    expect(page.get_by_test_id("device-Thermage FLX")).to_contain_text("Out of use")
    expect(page.get_by_test_id("device-Fotona SP Dynamis")).to_contain_text("In use")
    watched.shot("devices-03-list-1440")

    page.set_viewport_size(PHONE)
    page.reload()
    expect(page.get_by_test_id("device-Fotona SP Dynamis")).to_be_visible()
    _fits(page)
    watched.shot("devices-04-list-390")

    page.set_viewport_size(DESKTOP)
    _language(page, "العربية")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", name="الأجهزة")).to_be_visible()
    expect(page.get_by_test_id("device-Thermage FLX")).to_contain_text("خارج الاستخدام")
    watched.shot("devices-05-list-arabic")
    page.set_viewport_size(PHONE)
    _fits(page)
    watched.shot("devices-06-list-arabic-390")
    watched.assert_clean()


def test_a_receptionist_books_a_laser_treatment_and_sees_the_laser(server, open_page, admin):
    services = _ok(admin.get("/api/v1/catalog/services", params={"category": "laser", "page_size": 100}))
    laser = services["results"][0]
    _ok(admin.patch(f"/api/v1/catalog/services/{laser['id']}", json={"device_kind": "laser"}))
    device = _ok(admin.post("/api/v1/resources", json={"name": "CO2 laser (room 3)", "kind": "laser"}))
    patient = _ok(admin.get("/api/v1/patients", params={"page_size": 1}))["results"][0]
    # Beyond the demo's booked month: the patient and the doctors are free.
    day = (dt.datetime.now(tz=BANGKOK_ZONE).date() + dt.timedelta(days=45)).isoformat()

    watched: Watched = open_page()
    page = watched.page
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("receptionist"))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto(f"/calendar?date={day}")
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("button", name="New appointment").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Patient").fill(patient["given_name"])
    dialog.get_by_role("option").filter(has_text=patient["chart_number"]).click()
    choose(dialog, "Treatment", f"{laser['name']} ({laser['duration_minutes']} min)")
    picker = dialog.get_by_test_id("device-picker")
    expect(picker).to_contain_text("Any free laser")
    choose(picker, "Device", device["name"])
    slots = dialog.get_by_test_id("booking-slots").get_by_role("button")
    expect(slots.first).to_be_visible()
    slots.first.click()
    watched.shot("devices-07-booking-dialog-1440")
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/calendar/appointments") and r.request.method == "POST"
    ) as answer:
        dialog.get_by_role("button", name="Book").click()
    booked = answer.value.json()
    assert answer.value.status == 201, booked
    assert booked["resource_id"] == device["id"]

    # The appointment names its laser.
    name = f"{patient['given_name']} {patient['family_name']}"
    page.locator(".fc-event", has_text=name).first.click()
    expect(page.get_by_test_id("appointment-device")).to_have_text(device["name"])
    watched.shot("devices-08-appointment-device-1440")
    watched.assert_clean()


def test_a_doctor_books_the_follow_up_of_a_completed_session_in_two_clicks(server, open_page, admin):
    catalog = _ok(admin.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 100}))
    service = next(s for s in catalog["results"] if not s["requires_consent"] and not s["device_kind"])
    _ok(admin.patch(f"/api/v1/catalog/services/{service['id']}", json={"follow_up_days": 28}))
    patient = _ok(admin.get("/api/v1/patients", params={"page_size": 3}))["results"][-1]

    watched: Watched = open_page()
    page = watched.page
    page.set_viewport_size(DESKTOP)
    phone, password = server.login("doctor")
    sign_in(page, phone, password)
    key = totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    # The session the doctor just completed (through the API: the chart's own flow is
    # the chart's test).
    doctor = httpx.Client(base_url=server.base, timeout=20)
    tokens = _ok(
        doctor.post(
            "/api/v1/auth/token",
            json={"phone": phone, "password": password, "otp_code": f"{totp(key, drift=1):06d}"},
        )
    )
    doctor.headers["Authorization"] = f"Bearer {tokens['access']}"
    me = _ok(doctor.get("/api/v1/users/me"))["user"]
    doctor.headers["X-Clinic-Id"] = admin.headers["X-Clinic-Id"]
    visit = _ok(doctor.post("/api/v1/clinic/visits", json={"patient_id": patient["id"]}))
    session = _ok(
        doctor.post(
            "/api/v1/clinic/sessions",
            json={"visit_id": visit["id"], "service_id": service["id"], "practitioner_ids": [me["id"]]},
        )
    )
    _ok(doctor.post(f"/api/v1/clinic/sessions/{session['id']}/start"))
    _ok(doctor.post(f"/api/v1/clinic/sessions/{session['id']}/complete"))

    page.goto(f"/patients?patient={patient['id']}&session={session['id']}")
    follow_up = page.get_by_test_id("follow-up")
    with page.expect_response(lambda r: "/availability" in r.url) as slots_answer:
        follow_up.get_by_role("button", name="Book follow-up in 4 weeks").click()  # click 1
    assert slots_answer.value.status == 200
    slots = follow_up.get_by_test_id("follow-up-slots").get_by_role("button")
    expect(slots.first).to_be_visible()
    watched.shot("devices-09-follow-up-slots-1440")
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/calendar/appointments") and r.request.method == "POST"
    ) as answer:
        slots.first.click()  # click 2
    booked = answer.value.json()
    assert answer.value.status == 201, booked
    assert booked["practitioner_id"] == me["id"] and booked["service_id"] == service["id"]
    expect(follow_up.get_by_test_id("follow-up-booked")).to_be_visible()
    starts = dt.datetime.fromisoformat(booked["starts_at"]).astimezone(BANGKOK_ZONE).date()
    assert abs((starts - (dt.datetime.now(tz=BANGKOK_ZONE).date() + dt.timedelta(days=28))).days) <= 3
    watched.shot("devices-10-follow-up-booked-1440")

    page.set_viewport_size(PHONE)
    _fits(page, "[data-testid=follow-up]")  # the chart around it is the chart's
    watched.shot("devices-11-follow-up-booked-390")
    watched.assert_clean()


def test_the_admin_sets_a_practitioners_sunday_hours_and_a_day_off(server, open_page, admin_enrolled):
    """The part-time therapist gets Sunday hours (the Bangkok clinic is otherwise closed on
    Sundays, so no other test's booking depends on it) and a whole day off 70 days ahead,
    past every other test's bookings; both are there after a reload."""
    _, key = admin_enrolled
    therapist = server.name("therapist")
    day_off = dt.datetime.now(tz=BANGKOK_ZONE).date() + dt.timedelta(days=70)

    watched: Watched = open_page()
    page = watched.page
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("admin"))
    time.sleep(max(0.0, TOTP_STEP - time.time() % TOTP_STEP) + 0.2)  # the enrolment's code is spent
    page.get_by_label("Authenticator code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Working hours").click()
    expect(page.get_by_role("heading", name="Working hours")).to_be_visible()
    expect(page.get_by_test_id("hours-choose")).to_be_visible()
    choose(page, "Practitioner", therapist)
    sunday = page.get_by_test_id("hours-day-6")
    expect(sunday).to_contain_text("Not working")
    expect(page.get_by_test_id("hours-day-0").get_by_test_id("hours-window")).to_have_count(2)  # 10-13, 14-20

    sunday.get_by_test_id("hours-window-add").click()
    sunday.get_by_test_id("hours-window-start").select_option("10:00")
    sunday.get_by_test_id("hours-window-end").select_option("13:00")
    page.get_by_test_id("hours-save").click()
    expect(page.get_by_role("status").filter(has_text="Working hours saved.")).to_be_visible()

    add = page.get_by_test_id("hours-exception-add")
    add.get_by_label("Date").fill(day_off.isoformat())
    add.get_by_label("Reason (optional)").fill("Training course")
    add.get_by_test_id("hours-exception-submit").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text(f"Add for {therapist}?")
    expect(dialog).to_contain_text("Whole day")
    dialog.get_by_test_id("hours-exception-confirm").click()
    expect(page.get_by_test_id("hours-exception").filter(has_text="Training course")).to_be_visible()

    page.reload()
    choose(page, "Practitioner", therapist)
    window = page.get_by_test_id("hours-day-6").get_by_test_id("hours-window")
    expect(window).to_have_count(1)
    expect(window.get_by_test_id("hours-window-start")).to_have_value("10:00")
    expect(window.get_by_test_id("hours-window-end")).to_have_value("13:00")
    off = page.get_by_test_id("hours-exception").filter(has_text="Training course")
    expect(off).to_contain_text("Whole day")
    watched.shot("hours-01-week-1440")

    phone(page)
    fits(page, "hours-week")
    fits(page, "hours-exceptions")
    _fits(page)
    watched.shot("hours-02-week-390")
    off.scroll_into_view_if_needed()
    watched.shot("hours-03-time-off-390")

    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_role("heading", name="ساعات العمل")).to_be_visible()
    expect(off).to_contain_text("اليوم كله")  # whole day
    watched.shot("hours-04-week-arabic-1440")
    phone(page)
    fits(page, "hours-week")
    _fits(page)
    watched.shot("hours-05-week-arabic-390")
    watched.assert_clean()
