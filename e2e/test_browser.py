"""Whole flows in a real browser: Debian's Chromium driven by Playwright, against the built
front end (host shell + remotes) served by Django under uvicorn from one origin, on a
PostgreSQL database of its own loaded with the demo data.

Covers: sign-in with TOTP enrolment and with a code, clinic switching, booking through the
availability API, a booking appearing live in a second browser, a conflicting move shown
inline and snapped back, front-desk actions, Arabic in RTL, one copy of Vue and Pinia,
remotes loaded only on their route, the clinic context loaded once for every remote, a
remote that fails, and an expired session.

Screenshots of the main screens go to ``test-results/e2e/`` (git-ignored). The tests skip
when the front end is not built (``npm run build``) or Chromium is missing, unless
``AESTHETIX_REQUIRE_BROWSER=1`` (set by ``bin/test``) turns that into a failure.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import secrets
import time
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from support import (
    ARTIFACTS,
    BANGKOK,
    BANGKOK_ZONE,
    DIST,
    RIYADH,
    Server,
    choose,
    sign_in,
    sign_in_arabic,
    totp_secret,
)

# The limit covers this module's own server start (a copy of the demo database, uvicorn), which the first
# test to run pays for, slow on a busy machine.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


@pytest.fixture(scope="module")
def server_worker() -> bool:
    """Password-reset codes go out through the worker."""
    return True


def _calendar_ready(page: Page) -> None:
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("calendar-live")).to_have_attribute("data-live", "true", timeout=10_000)


def test_owner_enrols_2fa_then_signs_in_with_a_code_and_switches_clinic(server, open_page):
    phone, password = server.login("owner", BANGKOK)
    watched = open_page()
    page = watched.page
    page.goto("/")
    expect(page.get_by_role("heading", name="Sign in to AesthetixOS")).to_be_visible()
    watched.shot("01-login")
    sign_in(page, phone, password)

    # First sign-in of a role that needs 2FA: enrol an authenticator app.
    expect(page).to_have_url(f"{server.base}/enrol")
    expect(page.get_by_test_id("totp-qr")).to_be_visible()
    secret = totp_secret(page)
    watched.shot("02-totp-enrolment")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code from the app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Turn on").click()
    _calendar_ready(page)
    expect(page.get_by_text("Times in Asia/Bangkok")).to_be_visible()

    # The owner also works at São Paulo: switch clinic, the calendar follows.
    switcher = page.get_by_test_id("clinic-switcher").get_by_role("button")
    expect(switcher).to_contain_text(BANGKOK)
    switcher.click()
    page.get_by_role("option", name="Lumière São Paulo").click()
    expect(page.get_by_text("Times in America/Sao_Paulo")).to_be_visible()
    _calendar_ready(page)
    watched.shot("03-calendar-after-clinic-switch")

    # The owner's settings pages: clinic profile, staff, invites.
    page.get_by_role("link", name="Clinic profile").click()
    expect(page.get_by_label("Name")).to_have_value(re.compile("Lumière São Paulo"))
    page.get_by_role("link", name="Staff").click()
    staff = page.get_by_role("table", name="Staff")
    expect(staff).to_contain_text("Pimchanok Wongsakul")
    expect(staff).to_contain_text("Receptionist")
    watched.shot("04-settings-staff")
    page.get_by_role("link", name="Invites").click()
    page.get_by_label("Mobile number").fill("+5511987650011")
    page.get_by_role("button", name="Send invite").click()
    expect(page.get_by_role("status").filter(has_text="Invite sent.")).to_be_visible()
    expect(page.get_by_role("table", name="Invites")).to_contain_text("+5511987650011")
    watched.shot("05-settings-invites")

    # Sign out, and back in: now the server asks for the code at sign-in.
    page.get_by_role("button", name="Account").click()
    page.get_by_role("menuitem", name="Sign out").click()
    sign_in(page, phone, password)
    code = page.get_by_label("Authenticator code")
    expect(code).to_be_visible()
    code.fill(f"{totp(key, drift=1):06d}")  # the next step's code: the last one was used
    page.get_by_role("button", name="Verify").click()
    _calendar_ready(page)
    # The last clinic chosen is remembered on this device.
    expect(page.get_by_text("Times in America/Sao_Paulo")).to_be_visible()
    watched.assert_clean()


def _names_booked_on(api: httpx.Client, day: str) -> set[str]:
    """The names of the patients with an appointment at the clinic on ``day`` (Bangkok)."""
    start = dt.datetime.combine(dt.date.fromisoformat(day), dt.time.min, tzinfo=BANGKOK_ZONE)
    body = api.get(
        "/api/v1/calendar/appointments",
        params={"start": start.isoformat(), "end": (start + dt.timedelta(days=1)).isoformat()},
    ).json()
    rows = body["results"] if isinstance(body, dict) else body
    return {row["patient_name"] for row in rows}


def _booking_plan(api: httpx.Client) -> dict[str, Any]:
    """A practitioner, a treatment, a day with free times, and two patients."""
    staff = api.get("/api/v1/staff", params={"role": "doctor", "page_size": 100}).json()["results"]
    services = api.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 100})
    service = services.json()["results"][0]
    patients = api.get("/api/v1/patients", params={"page_size": 30}).json()["results"]
    for member in staff:
        for days in range(2, 16):
            day = (dt.datetime.now(tz=BANGKOK_ZONE).date() + dt.timedelta(days=days)).isoformat()
            slots = api.get(
                "/api/v1/calendar/appointments/availability",
                params={
                    "service": service["id"],
                    "practitioner": member["user"]["id"],
                    "date_from": day,
                    "date_to": day,
                },
            ).json()
            if len(slots) < 8:
                continue
            # Found by name on the calendar: patients with no appointment that day.
            booked = _names_booked_on(api, day)
            free = [p for p in patients if f"{p['given_name']} {p['family_name']}" not in booked]
            if len(free) >= 2:
                return {"doctor": member["user"], "service": service, "day": day, "patients": free[:2]}
    raise AssertionError("no doctor has a day with free times in the next two weeks")


def test_a_booking_appears_live_in_another_browser_and_a_conflicting_move_snaps_back(server, open_page):
    desk = server.api("receptionist")
    plan = _booking_plan(desk)
    doctor, service, day = plan["doctor"], plan["service"], plan["day"]
    first, second = plan["patients"]

    # Tall enough for the whole working day: a drag happens within the viewport.
    front, back = open_page(height=1700), open_page()
    sign_in(front.page, *server.login("receptionist"))
    sign_in(back.page, *server.login("cashier"))
    for watched in (front, back):
        _calendar_ready(watched.page)
        watched.page.goto(f"/calendar?date={day}")
        _calendar_ready(watched.page)
        expect(watched.page.locator(".fc-col-header-cell", has_text=doctor["full_name"])).to_be_visible()

    # Book through the dialog: patient search, treatment, practitioner, a free time.
    page = front.page
    page.get_by_role("button", name="New appointment").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Patient").fill(first["given_name"])
    dialog.get_by_role("option").filter(has_text=first["chart_number"]).click()
    choose(dialog, "Treatment", f"{service['name']} ({service['duration_minutes']} min)")
    choose(dialog, "Practitioner", doctor["full_name"])
    slots = dialog.get_by_test_id("booking-slots").get_by_role("button")
    expect(slots.first).to_be_visible()
    slots.first.click()
    front.shot("06-booking-dialog")
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/calendar/appointments") and r.status == 201
    ) as booked:
        dialog.get_by_role("button", name="Book").click()
    booked_at = time.monotonic()
    first_name = f"{first['given_name']} {first['family_name']}"

    # The second browser (another user) sees it without reloading, within a second.
    expect(back.page.locator(".fc-event", has_text=first_name)).to_be_visible(timeout=1000)
    live_seconds = time.monotonic() - booked_at
    assert live_seconds < 1.0
    back.shot("07-booking-seen-live")

    # Someone else books the same doctor later that day (the first browser sees it live)…
    later = desk.get(
        "/api/v1/calendar/appointments/availability",
        params={"service": service["id"], "practitioner": doctor["id"], "date_from": day, "date_to": day},
    ).json()[-1]
    other = desk.post(
        "/api/v1/calendar/appointments",
        json={
            "patient_id": second["id"],
            "practitioner_id": doctor["id"],
            "service_id": service["id"],
            "starts_at": later["starts_at"],
        },
    )
    assert other.status_code == 201, other.text
    second_name = f"{second['given_name']} {second['family_name']}"
    target = page.locator(".fc-event", has_text=second_name)
    expect(target).to_be_visible(timeout=2000)

    # …and dragging the first appointment onto it is refused: the server's 409 is shown
    # inline and the appointment snaps back to where it was.
    moving = page.locator(".fc-event", has_text=first_name)
    page.get_by_test_id("calendar-module").scroll_into_view_if_needed()
    shown_at = moving.locator(".fc-event-time").inner_text()
    before = moving.bounding_box()
    goal = target.bounding_box()
    assert before and goal
    page.mouse.move(before["x"] + before["width"] / 2, before["y"] + 8)
    page.mouse.down()
    page.mouse.move(goal["x"] + goal["width"] / 2, goal["y"] + 10, steps=15)
    with page.expect_response(lambda r: "/api/v1/calendar/appointments/" in r.url and r.status == 409):
        page.mouse.up()
    conflict = page.get_by_test_id("calendar-conflict")
    expect(conflict).to_contain_text("practitioner already has an appointment")
    front.shot("08-move-conflict")
    expect(moving.locator(".fc-event-time")).to_have_text(shown_at)
    appointment = booked.value.json()
    stored = desk.get(f"/api/v1/calendar/appointments/{appointment['id']}").json()
    assert stored["starts_at"] == appointment["starts_at"]

    # Front-desk actions on a later day: confirm; no check-in before the appointment's
    # day, no no-show before its start (check-in on the day: test_front_desk_ui.py).
    moving.click()
    dialog = page.get_by_role("dialog")
    status = dialog.get_by_test_id("appointment-status")
    expect(status).to_have_text("Booked")
    dialog.get_by_role("button", name="Confirm", exact=True).click()
    expect(status).to_have_text("Confirmed")
    expect(dialog.get_by_role("button", name="Check in")).to_have_count(0)
    front.shot("09-appointment-actions")
    dialog.get_by_role("button", name="Close").click()
    target.click()
    expect(status).to_have_text("Booked")
    expect(dialog.get_by_role("button", name="No-show")).to_have_count(0)
    assert desk.get(f"/api/v1/calendar/appointments/{appointment['id']}").json()["status"] == "confirmed"
    for watched in (front, back):
        watched.assert_clean()


def test_arabic_turns_the_whole_layout_right_to_left(server, open_page):
    watched = open_page()
    page = watched.page
    sign_in_arabic(page, *server.login("receptionist", RIYADH))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    expect(page.locator(".fc-direction-rtl")).to_be_visible()
    expect(page.get_by_role("heading", name="التقويم")).to_be_visible()
    nav = page.get_by_role("navigation").first.bounding_box()
    main = page.get_by_role("main").bounding_box()
    assert nav and main and nav["x"] > main["x"]  # the sidebar moved to the right
    watched.shot("10-calendar-arabic-rtl")
    watched.assert_clean()


def _script_bytes(page: Page, prefix: str) -> int:
    """Bytes of JavaScript under ``prefix`` the page fetched, as sent (compressed)."""
    return int(
        page.evaluate(
            """prefix => performance.getEntriesByType('resource')
                .filter(e => new URL(e.name).pathname.startsWith(prefix) && e.name.endsWith('.js'))
                .reduce((sum, e) => sum + e.encodedBodySize, 0)""",
            prefix,
        )
    )


def _js_with(server: Server, urls: list[str], marker: str) -> list[str]:
    scripts = sorted({u for u in urls if u.startswith(server.base) and u.endswith(".js")})
    return [u for u in scripts if marker in httpx.get(u, timeout=10).text]


def test_one_vue_and_one_pinia_and_remotes_only_on_their_route(server, open_page):
    # Markers of the two runtimes in built code: Vue's app property on the mount element,
    # Pinia's store API. Only the host ships them: the remotes take them from its share
    # scope and carry no fallback copy (federation.config.ts, remoteShared)…
    for marker in ("__vue_app__", "$onAction"):
        built = [p for p in DIST.rglob("*.js") if marker in p.read_text()]
        assert {p.relative_to(DIST).parts[0] for p in built} == {"host"}, marker
    watched = open_page()
    page = watched.page
    page.goto("/")
    expect(page.get_by_label("Mobile number")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert not [u for u in watched.requests if "/static/scheduling/" in u]
    login_js = _script_bytes(page, "/static/host/")
    sign_in(page, *server.login("receptionist"))
    _calendar_ready(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    calendar_js = _script_bytes(page, "/static/scheduling/")
    (ARTIFACTS / "bundle-sizes.txt").write_text(
        f"host JavaScript on the login page: {login_js / 1024:.1f} KB over the wire (gzip)\n"
        f"scheduling remote when the calendar opens: {calendar_js / 1024:.1f} KB\n"
    )
    assert [u for u in watched.requests if u.endswith("/static/scheduling/remoteEntry.js")]
    assert not [u for u in watched.requests if "/static/emr/" in u or "/static/pos/" in u]
    # …but the page loads exactly one of each.
    assert len(_js_with(server, watched.requests, "__vue_app__")) == 1
    assert len(_js_with(server, watched.requests, "$onAction")) == 1
    page.get_by_role("link", name="Patients").click()
    expect(page.get_by_test_id("remote-emr")).to_be_visible()
    assert len(_js_with(server, watched.requests, "__vue_app__")) == 1
    watched.assert_clean()


#: What the shared clinic context (the api-client's useClinicContext) loads for the host and
#: every remote together.
CLINIC_CONTEXT = (
    "/api/v1/clinics/me",
    "/api/v1/staff",
    "/api/v1/catalog/services",
    "/api/v1/catalog/products",
    "/api/v1/catalog/courses",
)


def test_the_user_clinic_staff_and_catalog_load_once_for_the_host_and_every_remote(server, open_page):
    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    asked: list[tuple[str, str | None]] = []
    page.on(
        "request",
        lambda request: asked.append((urlsplit(request.url).path, request.headers.get("x-clinic-id"))),
    )
    sign_in(page, *server.login("cashier"))
    _calendar_ready(page)
    watched.shot("context-calendar")
    page.get_by_role("link", name="Patients").click()
    expect(page.get_by_test_id("patient-list")).to_be_visible(timeout=15_000)
    watched.shot("context-patients")
    page.get_by_role("link", name="Billing").click()
    expect(page.get_by_test_id("grid-item").first).to_be_visible(timeout=15_000)
    watched.shot("context-billing")
    page.get_by_role("link", name="Calendar").click()
    _calendar_ready(page)
    page.wait_for_load_state("networkidle")
    counts = Counter(path for path, _ in asked if path in CLINIC_CONTEXT)
    assert counts == dict.fromkeys(CLINIC_CONTEXT, 1), counts
    # /users/me: once to learn the memberships (this device never chose a clinic), once in
    # the clinic chosen, for the permissions there; no remote asks again.
    me = [clinic for path, clinic in asked if path == "/api/v1/users/me"]
    assert len(me) == 2 and me[0] is None and me[1], me
    assert {clinic for path, clinic in asked if path in CLINIC_CONTEXT} == {me[1]}
    watched.assert_clean()


def test_the_login_page_and_the_api_docs_run_under_the_content_security_policy(server, open_page):
    """No inline script anywhere: Chromium reports each blocked script or style on the
    console, which fails the page. Swagger UI must render, not stay blank."""
    watched = open_page()
    page = watched.page
    login = page.goto("/")
    assert login is not None
    policy = login.headers["content-security-policy"]
    assert "script-src 'self';" in policy + ";"
    assert "frame-ancestors 'none'" in policy
    expect(page.get_by_label("Mobile number")).to_be_visible()
    docs = page.goto("/api/docs/")
    assert docs is not None and "script-src 'self'" in docs.headers["content-security-policy"]
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("AesthetixOS API")
    expect(page.locator(".opblock").first).to_be_visible()
    watched.assert_clean()


def test_a_remote_that_fails_to_load_shows_a_panel(server, open_page):
    watched = open_page()
    page = watched.page
    page.route("**/static/scheduling/remoteEntry.js", lambda route: route.abort())
    sign_in(page, *server.login("receptionist"))
    panel = page.get_by_test_id("remote-error")
    expect(panel).to_contain_text("This module could not be loaded")
    expect(page.get_by_role("link", name="Patients")).to_be_visible()  # the shell still works
    watched.shot("11-remote-failed")


def test_an_expired_session_returns_to_login_with_a_message(server, open_page):
    watched = open_page()
    page = watched.page
    sign_in(page, *server.login("receptionist"))
    _calendar_ready(page)
    # The session ends elsewhere (signed out from another device): its tokens are revoked.
    cookie = next(c for c in page.context.cookies() if c["name"] == "aesthetix_refresh")
    ended = httpx.post(
        f"{server.base}/api/v1/auth/logout", cookies={"aesthetix_refresh": cookie["value"]}, timeout=10
    )
    assert ended.status_code == 204
    # The calendar's socket is told the session ended: the page returns to sign-in by
    # itself, without waiting for its next request.
    expect(page).to_have_url(re.compile(r"/login\?redirect=/calendar"), timeout=10_000)
    expect(page.get_by_role("status")).to_have_text("Your session has expired. Please sign in again.")
    watched.shot("12-session-expired")
    watched.assert_clean()


def _reset_code(server, phone: str) -> str:
    """The newest password-reset code the server's file outbox sent to ``phone``."""
    outbox = server.var / "notifications" / "outbox.jsonl"
    digits = re.sub(r"\D", "", phone)[-8:]
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        rows = [json.loads(line) for line in outbox.read_text().splitlines()] if outbox.is_file() else []
        codes = [
            match.group(1)
            for row in rows
            if re.sub(r"\D", "", row["to"]).endswith(digits)
            and row["idempotency_key"].startswith("password-reset:")
            and (match := re.search(r"(?<!\d)(\d{6})(?!\d)", row["body"]))  # in the user's language
        ]
        if codes:
            return codes[-1]
        time.sleep(0.5)
    raise AssertionError(f"no reset code was sent to {phone}")


def test_a_forgotten_password_is_reset_by_a_code_and_changed_back_from_the_account_menu(server, open_page):
    """On a phone: *Forgot password?* → code by SMS → new password → signed in with it;
    then on a desktop *Change password* back. The accountant is in no other test here."""
    phone, password = server.login("accountant")
    new_password = f"Reset-{secrets.token_urlsafe(12)}"
    watched = open_page(height=844)
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page.get_by_role("heading", name="Reset your password")).to_be_visible()
    page.get_by_label("Mobile number").fill(phone)
    page.get_by_role("button", name="Send code").click()
    expect(page.get_by_text("a 6-digit code is on its way")).to_be_visible()
    page.get_by_label("Code from the SMS").fill(_reset_code(server, phone))
    page.get_by_label("New password").fill(new_password)
    watched.shot("13-password-reset-phone")
    page.get_by_role("button", name="Set new password").click()
    expect(page.get_by_text("Your password has been changed. Sign in with the new one.")).to_be_visible()

    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, phone, new_password)
    expect(page).not_to_have_url(re.compile(r"/login"))
    page.goto("/account/password")
    expect(page.get_by_role("heading", name="Change password")).to_be_visible()
    page.get_by_label("Current password").fill(new_password)
    page.get_by_label("New password").fill(password)
    watched.shot("14-change-password-desktop")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Password changed. Your other sessions have ended.")).to_be_visible()
    watched.assert_clean()
    assert server.api("accountant").get("/api/v1/users/me").status_code == 200  # the demo password again


def test_the_password_reset_page_reads_right_to_left_in_arabic(server, open_page):
    watched = open_page(height=844)
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator('a[href="/forgot-password"]').click()
    expect(page.locator("h1")).not_to_have_text("Reset your password")
    watched.shot("15-password-reset-arabic")
    watched.assert_clean()
