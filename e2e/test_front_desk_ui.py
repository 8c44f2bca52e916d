"""The front desk's appointment dialog and day list in Chromium against the real server:
a receptionist at Bangkok, in Thai, confirms an appointment, cancels another with a
reason, checks a patient in on the day and is offered no no-show (nor check-in) for an
appointment that has not started; the day list on a phone (390x844) and in Arabic at
Riyadh. Appointments are booked through the API at times relative to the clinic's now;
nothing is frozen in the browser.

Screenshots go to ``test-results/e2e/front-desk-*.png``."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from support import BANGKOK, BANGKOK_ZONE, RIYADH, Watched, extra_hours_today, sign_in_arabic, sign_in_in

pytestmark = pytest.mark.timeout(600)

APPOINTMENTS = "/api/v1/calendar/appointments"


def _day_rows(api: httpx.Client, day: dt.date, zone: zoneinfo.ZoneInfo) -> list[dict[str, Any]]:
    start = dt.datetime.combine(day, dt.time.min, tzinfo=zone)
    body = api.get(
        APPOINTMENTS,
        params={
            "start": start.isoformat(),
            "end": (start + dt.timedelta(days=1)).isoformat(),
            "page_size": 500,
        },
    ).json()
    return body["results"]


def _book(api: httpx.Client, day: dt.date, *, before: dt.datetime | None = None) -> dict[str, Any] | None:
    """Book a patient who has nothing else that day with the first doctor who has a free
    time on ``day`` (Bangkok), starting before ``before`` when given; None if nobody has."""
    doctors = api.get("/api/v1/staff", params={"role": "doctor", "page_size": 100}).json()["results"]
    services = api.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 1})
    service = services.json()["results"][0]
    busy = {row["patient_id"] for row in _day_rows(api, day, BANGKOK_ZONE)}
    patients = api.get("/api/v1/patients", params={"page_size": 100}).json()["results"]
    patient = next(p for p in patients if p["id"] not in busy)
    for member in doctors:
        slots = api.get(
            f"{APPOINTMENTS}/availability",
            params={
                "service": service["id"],
                "practitioner": member["user"]["id"],
                "date_from": day.isoformat(),
                "date_to": day.isoformat(),
            },
        ).json()
        for slot in slots:
            if before is not None and dt.datetime.fromisoformat(slot["starts_at"]) >= before:
                break
            booked = api.post(
                APPOINTMENTS,
                json={
                    "patient_id": patient["id"],
                    "practitioner_id": member["user"]["id"],
                    "service_id": service["id"],
                    "starts_at": slot["starts_at"],
                },
            )
            if booked.status_code == 201:
                return booked.json()
    return None


def _sign_in_thai(page: Page, phone: str, password: str) -> None:
    sign_in_in(page, phone, password, "th")
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)


def _day_list(page: Page, day: dt.date, date_label: str) -> None:
    page.goto("/calendar?list=day")
    expect(page.get_by_test_id("day-list")).to_be_visible(timeout=15_000)
    page.get_by_label(date_label).fill(day.isoformat())
    expect(page.get_by_role("status")).to_have_count(0, timeout=10_000)


def test_receptionist_in_thai_confirms_cancels_and_checks_in_by_the_rules(server, open_page):
    desk = server.api("receptionist")
    today = dt.datetime.now(tz=BANGKOK_ZONE).date()
    tomorrow = today + dt.timedelta(days=1)
    to_confirm = _book(desk, tomorrow)
    to_cancel = _book(desk, tomorrow)
    assert to_confirm and to_cancel, "no free time tomorrow at Bangkok"
    # One to check in on its day: in an extra hour starting soon (none in the day's
    # last hour).
    doctor = desk.get("/api/v1/staff", params={"role": "doctor", "page_size": 1}).json()["results"][0]
    # Check-in opens the clinic's minutes before the start: book a time within them, or
    # (in the morning, before the day's hours) the first free time is not open yet.
    opens_before = dt.timedelta(minutes=desk.get("/api/v1/clinics/me").json()["checkin_opens_minutes_before"])
    arriving = (
        _book(desk, today, before=dt.datetime.now(tz=dt.UTC) + opens_before)
        if extra_hours_today(server, doctor["user"]["id"])
        else None
    )

    watched: Watched = open_page()
    page = watched.page
    _sign_in_thai(page, *server.login("receptionist", BANGKOK))
    _day_list(page, tomorrow, "วันที่")
    watched.shot("front-desk-01-day-list-th")

    # Tomorrow's appointment: confirm it; neither check-in nor no-show is offered.
    page.get_by_test_id(f"day-row-{to_confirm['id']}").get_by_role("button").first.click()
    dialog = page.get_by_role("dialog")
    status = dialog.get_by_test_id("appointment-status")
    expect(status).to_have_text("จองแล้ว")
    expect(dialog.get_by_test_id("appointment-checkin-hint")).to_contain_text("เช็กอินได้ในวันนัดเท่านั้น")
    expect(dialog.get_by_role("button", name="เช็กอิน")).to_have_count(0)
    expect(dialog.get_by_role("button", name="ไม่มาตามนัด")).to_have_count(0)
    watched.shot("front-desk-02-dialog-future-th")
    dialog.get_by_role("button", name="ยืนยัน", exact=True).click()
    expect(status).to_have_text("ยืนยันแล้ว")
    assert desk.get(f"{APPOINTMENTS}/{to_confirm['id']}").json()["status"] == "confirmed"
    dialog.get_by_role("button", name="ปิด").click()

    # The other one: cancelled with a reason (required), late as it is within 24 hours.
    page.get_by_test_id(f"day-row-{to_cancel['id']}").get_by_role("button").first.click()
    dialog.get_by_role("button", name="ยกเลิกนัด", exact=True).click()
    submit = dialog.get_by_role("button", name="ยกเลิกนัดนี้")
    expect(submit).to_be_disabled()
    dialog.get_by_label("เหตุผลที่ยกเลิก").fill("ผู้ป่วยติดธุระ")
    starts = dt.datetime.fromisoformat(to_cancel["starts_at"])
    if starts - dt.datetime.now(tz=dt.UTC) < dt.timedelta(hours=24):
        expect(dialog.get_by_test_id("appointment-late")).to_be_visible()
    watched.shot("front-desk-03-cancel-th")
    submit.click()
    expect(status).to_have_text("ยกเลิก")
    cancelled = desk.get(f"{APPOINTMENTS}/{to_cancel['id']}").json()
    assert cancelled["status"] == "cancelled" and cancelled["cancel_reason"] == "ผู้ป่วยติดธุระ"
    dialog.get_by_role("button", name="ปิด").click()
    page.get_by_test_id("day-group-cancelled").click()
    expect(page.get_by_test_id(f"day-row-{to_cancel['id']}")).to_be_visible()

    # Today's arrival: checked in from the day list's quick action.
    if arriving is not None:
        _day_list(page, today, "วันที่")
        row = page.get_by_test_id(f"day-row-{arriving['id']}")
        row.get_by_role("button", name="เช็กอิน").click()
        expect(row.get_by_test_id("day-row-status")).to_have_text("มาถึงแล้ว")
        assert desk.get(f"{APPOINTMENTS}/{arriving['id']}").json()["status"] == "arrived"
        watched.shot("front-desk-04-checked-in-th")

    # A phone: the same list as cards, nothing wider than the screen.
    page.set_viewport_size({"width": 390, "height": 844})
    _day_list(page, tomorrow, "วันที่")
    expect(page.get_by_test_id(f"day-row-{to_confirm['id']}")).to_be_visible()
    watched.shot("front-desk-05-day-list-390")
    page.get_by_test_id(f"day-row-{to_confirm['id']}").get_by_role("button").first.click()
    expect(page.get_by_role("dialog").get_by_test_id("appointment-status")).to_have_text("ยืนยันแล้ว")
    watched.shot("front-desk-06-dialog-390")
    watched.assert_clean()


def test_the_day_list_reads_right_to_left_in_arabic_at_riyadh(server, open_page):
    watched = open_page()
    page = watched.page
    sign_in_arabic(page, *server.login("receptionist", RIYADH))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_test_id("day-list-toggle").click()
    expect(page.get_by_test_id("day-list")).to_be_visible()
    expect(page.get_by_test_id("day-group-all")).to_contain_text("الكل")
    expect(page.get_by_role("status")).to_have_count(0, timeout=10_000)
    watched.shot("front-desk-07-day-list-ar")
    page.set_viewport_size({"width": 390, "height": 844})
    watched.shot("front-desk-08-day-list-ar-390")
    watched.assert_clean()
