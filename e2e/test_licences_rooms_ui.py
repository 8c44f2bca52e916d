"""Rooms and professional licences in Chromium against the real server: the Bangkok
owner adds a room, renames it and takes it out of use after a warning (Settings >
Rooms); a São Paulo doctor records a CRM licence on Account > My licences and the São
Paulo owner verifies it, with a note, on Settings > Licences, finding it among those
expiring soon; the doctor then sees it verified. Desktop, phone and Arabic.

Screenshots go to ``test-results/e2e/rooms-*.png`` and ``licences-*.png``."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from support import SAO_PAULO, ZONES, Server, Watched, arabic, choose, fits, phone, sign_in, totp_enrol

# The limit covers this module's own server start (a copy of the demo database, uvicorn), slow on a busy
# machine.
pytestmark = pytest.mark.timeout(1200)

DESKTOP = {"width": 1440, "height": 900}


def _signed_in(server: Server, watched: Watched, role: str, clinic: str | None = None) -> Page:
    """``role`` (at ``clinic``, Bangkok by default) signed in at desktop width, their second
    factor enrolled on the way."""
    page = watched.page
    page.set_viewport_size(DESKTOP)
    sign_in(page, *(server.login(role, clinic) if clinic else server.login(role)))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    return page


def test_the_owner_adds_renames_and_takes_a_room_out_of_use(server, open_page):
    watched: Watched = open_page()
    page = _signed_in(server, watched, "owner")

    page.get_by_role("link", name="Rooms").click()
    expect(page.get_by_role("heading", name="Rooms")).to_be_visible()
    expect(page.get_by_test_id("rooms")).to_be_visible()  # the demo clinic's rooms

    form = page.get_by_test_id("room-add")
    form.get_by_role("button", name="Add room").click()  # no name: the field says so
    expect(form.get_by_role("textbox", name="Room name")).to_have_attribute("aria-invalid", "true")
    form.get_by_label("Room name").fill("Laser suite 4")
    form.get_by_role("button", name="Add room").click()
    added = page.get_by_test_id("room-Laser suite 4")
    expect(added).to_contain_text("In use")
    watched.shot("rooms-01-added-1440")

    added.get_by_role("button", name="Rename").click()
    added.get_by_label("Room name").fill("Laser suite 5")
    added.get_by_role("button", name="Save").click()
    renamed = page.get_by_test_id("room-Laser suite 5")
    expect(renamed).to_be_visible()

    renamed.get_by_role("button", name="Take out of use").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Take Laser suite 5 out of use?")
    watched.shot("rooms-02-confirm-1440")
    dialog.get_by_test_id("room-deactivate-confirm").click()
    expect(page.get_by_test_id("room-Laser suite 5")).to_contain_text("Out of use")
    watched.shot("rooms-03-list-1440")

    phone(page)
    fits(page, "rooms")
    fits(page, "room-add")
    watched.shot("rooms-04-list-390")

    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_role("heading", name="الغرف")).to_be_visible()
    expect(page.get_by_test_id("room-Laser suite 5")).to_contain_text("متوقفة عن الاستخدام")
    watched.shot("rooms-05-list-arabic-1440")
    phone(page)
    fits(page, "rooms")
    watched.shot("rooms-06-list-arabic-390")
    watched.assert_clean()


def test_a_doctor_records_a_crm_licence_and_the_owner_verifies_it(server, open_page):
    valid_until = dt.datetime.now(tz=ZONES[SAO_PAULO]).date() + dt.timedelta(days=45)

    # The doctor records a second state's registration from the user menu.
    doctor_watched: Watched = open_page()
    doctor = _signed_in(server, doctor_watched, "doctor", SAO_PAULO)
    doctor.get_by_role("button", name="Account").click()
    doctor.get_by_test_id("user-menu-licences").click()
    expect(doctor.get_by_role("heading", name="My licences")).to_be_visible()
    # The demo's own licence waits for verification.
    expect(doctor.get_by_test_id("my-licence-178432")).to_contain_text("Waiting for verification")

    form = doctor.get_by_test_id("licence-form")
    form.get_by_role("button", name="Record licence").click()  # no number: the field says so
    expect(form.get_by_role("textbox", name="Registration number")).to_have_attribute("aria-invalid", "true")
    choose(form, "Council", "CRM: Regional Council of Medicine (Brazil)")
    form.get_by_label("Registration number").fill("52987")
    form.get_by_label("State or region").fill("rj")
    form.get_by_label("Specialty").fill("Dermatologia (RQE 61234)")
    form.get_by_label("Valid until").fill(valid_until.isoformat())
    form.get_by_role("button", name="Record licence").click()
    recorded = doctor.get_by_test_id("my-licence-52987")
    expect(recorded).to_contain_text("CRM-RJ 52987")
    expect(recorded).to_contain_text("Waiting for verification")
    doctor_watched.shot("licences-01-recorded-1440")
    phone(doctor)
    fits(doctor, "my-licences")
    fits(doctor, "licence-form")
    doctor_watched.shot("licences-02-recorded-390")

    # The owner finds it among those expiring within 60 days and verifies it.
    owner_watched: Watched = open_page()
    owner = _signed_in(server, owner_watched, "owner", SAO_PAULO)
    owner.get_by_role("link", name="Licences").click()
    expect(owner.get_by_role("heading", name="Licences")).to_be_visible()
    expect(owner.get_by_test_id("licence-check")).to_be_visible()
    choose(owner.get_by_test_id("licence-filter-expiring"), "Expiring", "Within 60 days (expired included)")
    row = owner.get_by_test_id("licence-52987")
    expect(row).to_contain_text("Dermatologia (RQE 61234)")
    expect(row).to_contain_text("expires in 45 days")
    expect(owner.get_by_test_id("licence-178432")).to_have_count(0)  # no expiry date
    owner_watched.shot("licences-03-expiring-1440")

    row.get_by_test_id("licence-verify-52987").click()
    dialog = owner.get_by_role("dialog")
    expect(dialog).to_contain_text("Verify CRM-RJ 52987 of")
    dialog.get_by_test_id("licence-decision-confirm").click()  # no note: the field says so
    expect(dialog.get_by_test_id("licence-note")).to_have_attribute("aria-invalid", "true")
    dialog.get_by_label("How it was checked").fill("Looked up on the CRM-RJ public register")
    owner_watched.shot("licences-04-confirm-1440")
    dialog.get_by_test_id("licence-decision-confirm").click()
    expect(row).to_contain_text("Verified")
    expect(row).to_contain_text("Looked up on the CRM-RJ public register")
    owner_watched.shot("licences-05-verified-1440")

    phone(owner)
    fits(owner, "licences")
    fits(owner, "licence-filters")
    owner_watched.shot("licences-06-verified-390")
    owner.set_viewport_size(DESKTOP)
    arabic(owner)
    expect(owner.get_by_role("heading", name="التراخيص")).to_be_visible()
    expect(row).to_contain_text("تم التحقق")
    owner_watched.shot("licences-07-verified-arabic-1440")
    phone(owner)
    fits(owner, "licences")
    owner_watched.shot("licences-08-verified-arabic-390")

    # The doctor sees the decision.
    doctor.set_viewport_size(DESKTOP)
    doctor.reload()
    expect(doctor.get_by_test_id("my-licence-52987")).to_contain_text("Verified")
    doctor_watched.shot("licences-09-doctor-sees-verified-1440")
    doctor_watched.assert_clean()
    owner_watched.assert_clean()
