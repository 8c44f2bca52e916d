"""Profile photographs, licence evidence and practitioner colours in Chromium against the
real server: a Bangkok doctor uploads a photo on Account > Profile (a text file is
refused, naming it) and sees it in the header, then removes it after confirming; a São
Paulo doctor's photo and licence evidence are on file, and the São Paulo owner sees the
photo on Settings > Staff and the evidence in the licence's verify dialog; a Bangkok
admin gives a doctor a calendar colour and the receptionist's calendar fills that
doctor's appointments with it. Desktop, phone and Arabic.

Screenshots go to ``test-results/e2e/photo-*.png``, ``evidence-*.png`` and
``colour-*.png``."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from playwright.sync_api import Page, expect

from support import (
    SAO_PAULO,
    Server,
    Watched,
    api_errors,
    api_with_totp,
    arabic,
    fits,
    phone,
    sign_in,
    totp_enrol,
)

# The files live in a real S3 HTTP endpoint (moto): the browser loads them from its links.
pytestmark = [pytest.mark.timeout(1200), pytest.mark.parametrize("server", [{"s3": True}], indirect=True)]

DESKTOP = {"width": 1440, "height": 900}
NAVY = "#1e3a8a"


def _picture(image_format: str = "JPEG", colour: tuple[int, int, int] = (51, 129, 127)) -> bytes:
    image = Image.new("RGB", (480, 360), colour)
    for x in range(0, 480, 40):  # stripes, so the square crop shows
        image.paste((250, 230, 200), (x, 0, x + 20, 360))
    out = io.BytesIO()
    image.save(out, image_format)
    return out.getvalue()


def _signed_in(
    server: Server, watched: Watched, role: str, clinic: str | None = None, *, two_factor: bool = True
) -> Page:
    page = watched.page
    page.set_viewport_size(DESKTOP)
    sign_in(page, *(server.login(role, clinic) if clinic else server.login(role)))
    if two_factor:
        totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    return page


def test_a_user_uploads_a_photo_and_sees_it_in_the_header(server, open_page):
    watched: Watched = open_page()
    # The one refusal this flow provokes: the text file posted as a photo.
    failures = api_errors(watched, lambda r: r.status == 400 and r.url.endswith("/api/v1/users/me/photo"))
    page = _signed_in(server, watched, "doctor")
    header_avatar = page.get_by_test_id("header-avatar")
    expect(header_avatar).to_have_attribute("role", "img")  # initials, no photo yet

    page.get_by_role("button", name="Account").click()
    page.get_by_role("menuitem", name="Profile").click()
    section = page.get_by_test_id("profile-photo")
    expect(section).to_contain_text("Upload a photo")

    section.get_by_test_id("profile-photo-input").set_input_files(
        files=[{"name": "notes.jpg", "mimeType": "image/jpeg", "buffer": b"not a picture at all"}]
    )
    expect(section.get_by_test_id("profile-photo-error")).to_contain_text("The file is not a readable image.")
    watched.shot("photo-01-refused-1440")

    section.get_by_test_id("profile-photo-input").set_input_files(
        files=[{"name": "me.jpg", "mimeType": "image/jpeg", "buffer": _picture()}]
    )
    expect(page.get_by_text("Photo saved.")).to_be_visible()
    expect(section.get_by_test_id("profile-photo-error")).to_have_count(0)
    expect(header_avatar).to_have_js_property("tagName", "IMG")
    expect(header_avatar).to_have_js_property("naturalWidth", 256)
    expect(section.locator("img")).to_have_js_property("naturalHeight", 256)
    watched.shot("photo-02-saved-1440")

    phone(page)
    fits(page, "profile-page")
    expect(page.get_by_test_id("header-avatar")).to_have_js_property("tagName", "IMG")
    watched.shot("photo-03-saved-390")

    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_test_id("profile-photo")).to_contain_text("تغيير الصورة")
    watched.shot("photo-04-arabic-1440")
    page.get_by_test_id("profile-photo-remove").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("إزالة صورتك؟")
    phone(page)
    watched.shot("photo-05-remove-confirm-arabic-390")
    dialog.get_by_test_id("profile-photo-remove-confirm").click()
    expect(page.get_by_test_id("header-avatar")).to_have_attribute("role", "img")
    expect(page.get_by_test_id("profile-photo")).to_contain_text("رفع صورة")
    watched.shot("photo-06-removed-arabic-390")
    assert failures == []
    watched.assert_clean()


def test_an_owner_sees_a_staff_photo_and_opens_a_licences_evidence(server, open_page):
    doctor = api_with_totp(server, "doctor", SAO_PAULO)
    photo = doctor.post(
        "/api/v1/users/me/photo", files={"file": ("me.png", _picture("PNG", (124, 58, 237)), "image/png")}
    )
    assert photo.status_code == 200, photo.text
    licence = next(row for row in doctor.get("/api/v1/users/me/licences").json() if row["number"] == "178432")
    evidence = doctor.post(
        f"/api/v1/users/me/licences/{licence['id']}/evidence",
        files={"file": ("crm-card.pdf", _picture("PNG", (240, 240, 235)), "application/pdf")},
    )
    assert evidence.status_code == 200, evidence.text
    assert evidence.json()["evidence_content_type"] == "image/png"  # the bytes decide, not the name
    doctor_name = server.name("doctor", SAO_PAULO)

    watched: Watched = open_page()
    failures = api_errors(watched)
    owner = _signed_in(server, watched, "owner", SAO_PAULO)
    owner.get_by_role("link", name="Staff").click()
    staff = owner.get_by_role("table", name="Staff")
    doctor_row = staff.get_by_role("row").filter(has_text=doctor_name)
    expect(doctor_row.locator("img")).to_have_js_property("naturalWidth", 256)
    watched.shot("evidence-01-staff-photo-1440")

    owner.get_by_role("link", name="Licences").click()
    row = owner.get_by_test_id("licence-178432")
    expect(row).to_contain_text("Evidence on file")
    row.get_by_test_id("licence-verify-178432").click()
    dialog = owner.get_by_role("dialog")
    evidence_image = dialog.get_by_test_id("licence-evidence-image")
    expect(evidence_image).to_be_visible()
    expect(evidence_image).to_have_js_property("naturalWidth", 480)
    watched.shot("evidence-02-verify-dialog-1440")
    phone(owner)
    expect(evidence_image).to_be_visible()
    watched.shot("evidence-03-verify-dialog-390")
    dialog.get_by_role("button", name="Cancel").click()

    owner.set_viewport_size(DESKTOP)
    arabic(owner)
    row.get_by_test_id("licence-verify-178432").click()
    expect(owner.get_by_role("dialog").get_by_test_id("licence-evidence-image")).to_be_visible()
    watched.shot("evidence-04-verify-dialog-arabic-1440")
    owner.get_by_role("dialog").get_by_role("button", name="إلغاء").click()
    phone(owner)
    fits(owner, "licences")
    watched.shot("evidence-05-list-arabic-390")
    assert failures == []
    watched.assert_clean()


def test_the_calendar_colours_a_practitioners_appointments(server, open_page):
    admin = api_with_totp(server, "admin")
    doctor_name = server.name("doctor")
    staff = admin.get("/api/v1/staff", params={"role": "doctor", "page_size": 100}).json()["results"]
    member = next(m for m in staff if m["user"]["full_name"] == doctor_name)
    changed = admin.patch(f"/api/v1/staff/{member['id']}", json={"calendar_colour": NAVY.upper()})
    assert changed.status_code == 200, changed.text

    watched: Watched = open_page()
    failures = api_errors(watched)
    page = _signed_in(server, watched, "receptionist", two_factor=False)
    header = page.locator(f'.fc-col-header-cell.fc-resource[data-colour="{NAVY}"]')
    expect(header.first).to_be_visible(timeout=15_000)
    expect(header.first).to_contain_text(doctor_name)
    coloured = page.locator(".fc-timegrid-event").filter(has=page.locator(".fc-event-main[style*='color']"))
    navy_events = page.locator(".fc-timegrid-event[style*='rgb(30, 58, 138)']")
    expect(navy_events.first).to_be_visible(timeout=15_000)
    text = navy_events.first.locator(".fc-event-main").evaluate("el => getComputedStyle(el).color")
    assert text == "rgb(255, 255, 255)", text  # white on navy
    assert coloured.count() >= 1
    watched.shot("colour-01-calendar-1440")

    phone(page)
    watched.shot("colour-02-calendar-390")
    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.locator(f'.fc-col-header-cell.fc-resource[data-colour="{NAVY}"]').first).to_be_visible(
        timeout=15_000
    )
    expect(page.locator(".fc-timegrid-event[style*='rgb(30, 58, 138)']").first).to_be_visible()
    watched.shot("colour-03-calendar-arabic-1440")
    assert failures == []
    watched.assert_clean()
