"""The calendar with many practitioners, in Chromium against the real server and the demo
clinics: a Bangkok receptionist working in Thai picks two practitioners (the choice is
kept on the server and survives a reload), clicks a free time and finds it chosen in the
booking dialog, and reads why a day off has no free time; the phone's day agenda at
390x844 and the grid at 1024x768 without sideways scrolling; Riyadh in Arabic, right to
left; São Paulo's day as a timeline, a row per practitioner, kept after a reload.

Screenshots go to ``test-results/e2e/calendar-*.png``."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, Response, Route, expect

from support import BANGKOK_ZONE, RIYADH, Server, api_errors, free_time_click, sign_in, sign_in_arabic

# The limit covers the module's server start (a copy of the demo database, uvicorn), slow on a busy machine.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]

DAY_URL = "/api/v1/calendar/appointments/availability/day"


def _plan(desk: httpx.Client) -> dict[str, Any]:
    """Two doctors; for the first, a day with free times and a day with none because
    they are not working or on time off."""
    staff = desk.get("/api/v1/staff", params={"role": "doctor", "page_size": 100}).json()["results"]
    service = desk.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 1}).json()[
        "results"
    ][0]
    assert len(staff) >= 2
    today = dt.datetime.now(tz=BANGKOK_ZONE).date()
    for member in staff:
        free = off = None
        for days in range(1, 22):
            day = (today + dt.timedelta(days=days)).isoformat()
            answer = desk.get(
                DAY_URL, params={"service": service["id"], "practitioner": member["user"]["id"], "date": day}
            ).json()
            if free is None and len(answer["slots"]) >= 8:
                free = (day, answer["slots"])
            if (
                off is None
                and answer["unavailable"]
                and answer["unavailable"][0]["reason"] in ("not_working", "time_off")
            ):
                off = (day, answer["unavailable"][0]["reason"])
            if free and off:
                others = [m["user"] for m in staff if m["user"]["id"] != member["user"]["id"]]
                return {
                    "doctor": member["user"],
                    "other": others[0],
                    "service": service,
                    "free": free,
                    "off": off,
                }
    raise AssertionError("no doctor has both a free day and a day off in the next three weeks")


def _no_sideways_scroll(page: Page) -> None:
    """Nothing in the calendar is wider than the room it is given. At 390 px that room is
    the phone's width once the shell's sidebar becomes a drawer (the shell's part of the
    issue); while the sidebar still takes most of the width, the check waits for it."""
    room, needed = page.evaluate(
        "(() => { const m = document.querySelector('[data-testid=calendar-module]');"
        " return [m.clientWidth, m.scrollWidth] })()"
    )
    if room >= 340:
        assert needed <= room


def _columns(page: Page) -> list[str]:
    return page.locator(".fc-col-header-cell.fc-resource").all_inner_texts()


def _preferences_saved(response: Response) -> bool:
    return response.url.endswith("/users/me/preferences") and response.request.method == "PATCH"


def _view_saved(view: str) -> Callable[[Response], bool]:
    """The server's answer once ``view`` is the calendar's saved layout (its answer is the
    whole saved choice). A test waits for it so that the next test of the module, which
    shares the server, finds the layout this one left."""
    return lambda response: _preferences_saved(response) and response.json()["calendar_view"] == view


def _thai(page: Page) -> None:
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="ไทย").click()
    expect(page.get_by_role("heading", name="ตารางนัด")).to_be_visible()


def test_a_thai_receptionist_picks_practitioners_books_a_clicked_slot_and_reads_why(
    server: Server, open_page
):
    desk = server.api("receptionist")
    plan = _plan(desk)
    doctor, other = plan["doctor"], plan["other"]
    free_day, slots = plan["free"]
    off_day, off_reason = plan["off"]

    watched = open_page(height=1800)
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 1800})
    sign_in(page, *server.login("receptionist"))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    _thai(page)
    page.goto(f"/calendar?date={free_day}")
    expect(page.locator(".fc-col-header-cell.fc-resource").first).to_be_visible(timeout=15_000)

    # Two practitioners, saved on the server as they are ticked.
    picker = page.get_by_test_id("practitioner-picker")
    picker.get_by_role("button").first.click()
    for person in (doctor, other):
        with page.expect_response(
            lambda r: r.url.endswith("/users/me/preferences") and r.request.method == "PATCH"
        ):
            picker.get_by_label(person["full_name"]).check()
    expect(page.locator(".fc-col-header-cell.fc-resource")).to_have_count(2)
    page.keyboard.press("Escape")
    stored = desk.get("/api/v1/users/me/preferences").json()
    assert stored["calendar_practitioners"] == [doctor["id"], other["id"]]

    # The choice survives a reload (it is the server's, not this browser's).
    page.reload()
    expect(page.locator(".fc-col-header-cell.fc-resource")).to_have_count(2, timeout=15_000)
    assert _columns(page) == [doctor["full_name"], other["full_name"]]
    expect(page.locator(".fc-bg-event.off-hours").first).to_be_attached()
    watched.shot("calendar-01-two-practitioners-thai")

    # Click a free time in the doctor's column: the dialog opens with it chosen.
    slot = slots[len(slots) // 2]
    local = dt.datetime.fromisoformat(slot["starts_at"]).astimezone(BANGKOK_ZONE)
    free_time_click(page, doctor["id"], local)
    # (The dialog's root has no box of its own: its panel is fixed-positioned.)
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("วัน", exact=True)).to_have_value(free_day)
    expect(dialog.get_by_role("button", name=doctor["full_name"])).to_be_visible()
    chosen = dialog.get_by_test_id("booking-slots").locator('button[aria-pressed="true"]')
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text(f"{local:%H:%M}")
    watched.shot("calendar-02-clicked-slot-preselected")

    # On the doctor's day off the dialog says why, in Thai.
    dialog.get_by_label("วัน", exact=True).fill(off_day)
    why = dialog.get_by_test_id("booking-no-slots")
    expect(why).to_be_visible()
    thai = {"not_working": "ไม่ได้ทำงานวันนั้น", "time_off": "ลางาน"}[off_reason]
    expect(why.locator(f'li[data-reason="{off_reason}"]')).to_contain_text(thai)
    expect(why).to_contain_text(doctor["full_name"])
    watched.shot("calendar-03-why-no-free-time-thai")
    next_free = why.get_by_test_id("booking-next-free")
    if next_free.count():
        next_free.click()
        expect(dialog.get_by_test_id("booking-slots")).to_be_visible()
    dialog.get_by_role("button", name="ยกเลิก").click()

    # One practitioner's week.
    with page.expect_response(lambda r: "/calendar/appointments/range" in r.url and r.status == 200):
        page.locator('[data-layout="practitioner_week"]').click()
    expect(page.locator(".fc-bg-event.off-hours").nth(6)).to_be_attached()
    expect(page.locator(".fc-col-header-cell.fc-resource")).to_have_count(7)
    _no_sideways_scroll(page)
    watched.shot("calendar-04-one-practitioner-week")
    with page.expect_response(_view_saved("day")):
        page.locator('[data-layout="day"]').click()
    assert errors == []
    watched.assert_clean()


def test_the_phone_shows_a_day_agenda_and_the_tablet_the_grid(server: Server, open_page):
    desk = server.api("receptionist")
    today = dt.datetime.now(tz=BANGKOK_ZONE).date()
    day = next(
        (today + dt.timedelta(days=n)).isoformat()
        for n in range(0, 14)
        if desk.get(
            "/api/v1/calendar/appointments/range",
            params={
                "date_from": (today + dt.timedelta(days=n)).isoformat(),
                "date_to": (today + dt.timedelta(days=n)).isoformat(),
            },
        ).json()["appointments"]
    )
    watched = open_page()
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, *server.login("receptionist"))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto(f"/calendar?date={day}")
    agenda = page.get_by_test_id("day-agenda")
    expect(agenda).to_be_visible(timeout=15_000)
    expect(page.locator(".fc")).to_have_count(0)
    expect(agenda.get_by_test_id("agenda-row").first).to_be_visible()
    watched.shot("calendar-05-phone-agenda")
    _no_sideways_scroll(page)

    # The date switcher, then "Book" opens the dialog for that day, one column, full width.
    agenda.get_by_role("button", name="Next day").click()
    next_day = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    expect(agenda.get_by_test_id("agenda-date")).to_have_value(next_day)
    agenda.get_by_role("button", name="Book", exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Day", exact=True)).to_have_value(next_day)
    box = page.locator("#booking-form").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    watched.shot("calendar-06-phone-booking")
    dialog.get_by_role("button", name="Cancel").click()

    page.set_viewport_size({"width": 1024, "height": 768})
    expect(page.locator(".fc-col-header-cell.fc-resource").first).to_be_visible(timeout=15_000)
    watched.shot("calendar-07-tablet-grid")
    _no_sideways_scroll(page)
    assert errors == []
    watched.assert_clean()


def test_riyadh_in_arabic_reads_right_to_left_with_the_picker_and_the_reasons(server: Server, open_page):
    watched = open_page()
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in_arabic(page, *server.login("receptionist", RIYADH))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    expect(page.locator(".fc-direction-rtl")).to_be_visible()
    picker = page.get_by_test_id("practitioner-picker")
    picker.get_by_role("button").first.click()
    panel = page.locator("#practitioner-picker-panel")
    expect(panel).to_be_visible()
    button = picker.get_by_role("button").first.bounding_box()
    opened = panel.bounding_box()
    assert button and opened and opened["x"] <= button["x"] + 1  # opens toward the start (left in RTL)
    watched.shot("calendar-08-arabic-picker")
    page.keyboard.press("Escape")

    # A day long past: every practitioner's reason, in Arabic.
    page.get_by_role("button", name="موعد جديد").click()
    dialog = page.get_by_role("dialog")
    zone = zoneinfo.ZoneInfo("Asia/Riyadh")
    past = (dt.datetime.now(tz=zone).date() - dt.timedelta(days=3)).isoformat()
    dialog.get_by_label("اليوم", exact=True).fill(past)
    expect(dialog.get_by_test_id("booking-no-slots")).to_contain_text("انقضى ذلك الوقت")
    watched.shot("calendar-09-arabic-reasons")
    dialog.get_by_role("button", name="إلغاء").click()

    page.set_viewport_size({"width": 390, "height": 844})
    expect(page.get_by_test_id("day-agenda")).to_be_visible()
    watched.shot("calendar-10-arabic-phone-agenda")
    _no_sideways_scroll(page)
    assert errors == []
    watched.assert_clean()


def test_the_day_as_a_timeline_has_a_row_per_practitioner_and_is_kept(server: Server, open_page):
    watched = open_page()
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("receptionist", "Lumière São Paulo"))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    with page.expect_response(_view_saved("day")):
        page.locator('[data-layout="day"]').click()
    expect(page.locator(".fc-col-header-cell.fc-resource").first).to_be_visible(timeout=15_000)
    names = _columns(page)
    assert len(names) >= 3  # every practitioner of the clinic: none picked yet

    with page.expect_response(_view_saved("timeline")):
        page.locator('[data-layout="timeline"]').click()
    rows = page.locator(".fc-datagrid-body .fc-resource .fc-datagrid-cell-main")
    expect(rows).to_have_count(len(names), timeout=15_000)
    assert rows.all_inner_texts() == names  # the same practitioners, in the same order
    row = page.locator(".fc-timeline-lane.fc-resource").first.bounding_box()
    assert row and row["height"] >= 30
    _no_sideways_scroll(page)
    watched.shot("calendar-11-timeline")

    # The layout is the member's, kept on the server.
    page.reload()
    expect(page.locator(".fc-datagrid-body .fc-resource")).to_have_count(len(names), timeout=15_000)
    assert errors == []
    watched.assert_clean()


def test_a_page_chosen_while_the_calendar_moves_is_the_page_that_opens(server: Server, open_page):
    """The calendar keeps its day in the address; a change of day that lands while the
    user is already on the way to another page (its code still loading) must not pull
    them back to the calendar."""
    watched = open_page()
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("receptionist"))
    expect(page.locator(".fc-col-header-cell.fc-resource").first).to_be_visible(timeout=15_000)
    held: list[Route] = []
    page.route("**/assets/PasswordPage-*.js", lambda route: held.append(route))

    page.get_by_role("button", name="Account").click()
    page.get_by_role("menuitem", name="Change password").click()
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Next day").click()
    page.wait_for_timeout(300)
    assert held, "the password page's code was not asked for"
    for route in held:
        route.continue_()

    expect(page.get_by_role("heading", name="Change password")).to_be_visible(timeout=15_000)
    expect(page).to_have_url(f"{server.base}/account/password")
    assert errors == []
    watched.assert_clean()
