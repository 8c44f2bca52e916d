"""The front desk's patient screens in Chromium against the real server: the Bangkok
receptionist registers a patient in Thai with their consent decisions, is offered that
patient when the same phone is registered again, and corrects the phone without ever
seeing the old one; the registration again at 390x844 and in Arabic at Riyadh.

Screenshots go to ``test-results/e2e/patients-*.png``."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Response, expect

from support import BANGKOK, RIYADH, Server, Watched

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1200)

PATIENTS = "/api/v1/patients"


def _sign_in(watched: Watched, server: Server, clinic: str, language: str) -> list[str]:
    """Sign the clinic's receptionist in with the page in ``language`` (the shell keeps
    the choice in local storage) and open the patient list. Returns the list the API's
    unexpected answers (4xx and 5xx but those expected) are collected in."""
    page = watched.page
    failures: list[str] = []

    def on_response(response: Response) -> None:
        # 401: an access token refreshed; 403 under /clinic/: the chart's clinical records,
        # which a receptionist may not read (the chart says so).
        expected = response.status == 401 or (response.status == 403 and "/api/v1/clinic/" in response.url)
        if "/api/" in response.url and response.status >= 400 and not expected:
            failures.append(f"{response.status} {response.request.method} {response.url}")

    page.on("response", on_response)
    page.add_init_script(f"localStorage.setItem('aesthetix.locale', '{language}')")
    phone, password = server.login("receptionist", clinic)
    page.goto("/")
    page.locator("input[autocomplete=username]").fill(phone)
    page.locator("input[autocomplete=current-password]").fill(password)
    page.locator("button[type=submit]").click()
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=20_000)
    page.goto("/patients")
    expect(page.get_by_test_id("patient-list")).to_be_visible(timeout=20_000)
    return failures


def _no_sideways_scroll(page: Page) -> None:
    """The patient screens are no wider than their room (the shell's own layout at 390 px
    is the shell's test)."""
    assert page.get_by_test_id("remote-emr").evaluate(
        "(element) => element.scrollWidth <= element.clientWidth"
    )


def dialog_fits(page: Page) -> bool:
    """The open registration dialog fills the phone's width (full screen) and needs no
    sideways scroll."""
    return bool(
        page.get_by_test_id("patient-register").evaluate(
            "(form) => { const panel = form.parentElement.parentElement;"
            " return panel.getBoundingClientRect().width === window.innerWidth"
            " && panel.scrollWidth <= panel.clientWidth }"
        )
    )


def _register(page: Page, fields: dict[str, str], decisions: dict[str, str]) -> None:
    """Fill the registration dialog: ``fields`` by label, ``decisions`` by purpose →
    the answer's label."""
    page.get_by_test_id("patient-register-open").click()
    dialog = page.get_by_test_id("patient-register")
    expect(dialog).to_be_visible()
    for label, value in fields.items():
        # A required field's label ends with an asterisk.
        dialog.get_by_label(re.compile(rf"^{re.escape(label)}(\s*\*)?$")).fill(value)
    expect(dialog.get_by_test_id("consent-treatment")).to_be_visible()
    for purpose, answer in decisions.items():
        dialog.get_by_test_id(f"consent-{purpose}").get_by_label(answer, exact=True).check()


def test_receptionist_registers_with_consent_is_offered_the_duplicate_and_corrects_the_phone(
    server, open_page
):
    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    failures = _sign_in(watched, server, BANGKOK, "th")
    expect(page.get_by_test_id("patient-total")).to_contain_text("ผู้ป่วย")
    watched.shot("patients-list-th")

    answers: list[Response] = []
    page.on("response", lambda response: answers.append(response) if PATIENTS in response.url else None)
    _register(
        page,
        {
            "ชื่อ": "มาลี",
            "นามสกุล": "ทดสอบ",
            "วันเกิด": "1992-03-04",
            "โทรศัพท์มือถือ": "089 000 1234",
            "อีเมล": "malee@example.com",
            "แหล่งที่มา (แนะนำโดย)": "Instagram",
            "หลักฐาน (เลขที่แบบฟอร์ม รหัสข้อความ)": "แบบฟอร์ม 17",
        },
        {"treatment": "ยินยอม", "clinical_photos": "ยินยอม", "marketing_messages": "ไม่ยินยอม"},
    )
    page.get_by_label("ภาษาที่ต้องการ").select_option("th")
    page.get_by_label("ช่องทางติดต่อที่ต้องการ").select_option("line")
    watched.shot("patients-register-th")
    page.get_by_test_id("register-submit").click()
    expect(page.get_by_test_id("patient-notice")).to_contain_text("มาลี")
    watched.shot("patients-registered-th")

    api = server.api("receptionist", BANGKOK)
    [patient] = api.get(PATIENTS, params={"phone": "0890001234"}).json()["results"]
    assert patient["preferred_channel"] == "line"
    assert patient["referral_source"] == "Instagram"
    current = api.get(f"{PATIENTS}/{patient['id']}/consents").json()["current"]
    assert current["treatment"]["decision"] == "granted"
    assert current["treatment"]["text_version"] == 1
    assert current["treatment"]["channel"] == "in_person"
    assert current["treatment"]["evidence"] == "แบบฟอร์ม 17"
    assert current["clinical_photos"]["decision"] == "granted"
    assert current["marketing_messages"]["decision"] == "withdrawn"
    assert current["marketing_photos"] is None

    # The same phone again, another name: the patient on file is offered instead.
    page.get_by_test_id("chart-back").click()
    _register(page, {"ชื่อ": "มาลี", "วันเกิด": "1992-03-04", "โทรศัพท์มือถือ": "0890001234"}, {})
    page.get_by_test_id("register-submit").click()
    duplicates = page.get_by_test_id("patient-duplicates")
    expect(duplicates).to_contain_text("089-XXX-1234")
    expect(duplicates).to_contain_text(patient["chart_number"])
    watched.shot("patients-duplicate-th")
    page.get_by_test_id("duplicate-open").click()
    expect(page).to_have_url(re.compile(f"patient={patient['id']}"))
    assert len(api.get(PATIENTS, params={"phone": "0890001234"}).json()["results"]) == 1

    # The receptionist corrects the phone: the old one is a masked placeholder, never a value.
    page.get_by_test_id("patient-edit-open").click()
    edit = page.get_by_test_id("patient-edit")
    phone = edit.get_by_label(re.compile(r"^โทรศัพท์มือถือ$"))
    expect(phone).to_have_value("")
    expect(phone).to_have_attribute("placeholder", "089-XXX-1234")
    phone.fill("089-000-5678")
    watched.shot("patients-edit-th")
    page.get_by_test_id("edit-submit").click()
    expect(page.get_by_test_id("patient-notice")).to_have_text("บันทึกข้อมูลแล้ว")
    assert api.get(f"{PATIENTS}/{patient['id']}").json()["phone"] == "089-XXX-5678"
    # No answer the receptionist's browser received held either number in full.
    bodies = [answer.text() for answer in answers if answer.ok]
    assert bodies
    assert not [body for body in bodies if "000-1234" in body or "0001234" in body or "000-5678" in body]
    assert failures == []
    watched.assert_clean()


def test_registration_on_a_phone(server, open_page):
    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    failures = _sign_in(watched, server, BANGKOK, "th")
    _no_sideways_scroll(page)
    watched.shot("patients-list-390")
    _register(
        page,
        {"ชื่อ": "สมใจ", "นามสกุล": "มือถือ", "วันเกิด": "1988-11-20", "โทรศัพท์มือถือ": "089-000-4321"},
        {"treatment": "ยินยอม"},
    )
    # Full screen, one column: the form fits the phone's width.
    assert dialog_fits(page)
    watched.shot("patients-register-390")
    page.get_by_test_id("register-submit").click()
    expect(page.get_by_test_id("patient-notice")).to_contain_text("สมใจ")
    watched.shot("patients-registered-390")
    assert failures == []
    watched.assert_clean()


def test_registration_in_arabic_at_riyadh(server, open_page):
    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    failures = _sign_in(watched, server, RIYADH, "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    watched.shot("patients-list-ar")
    _register(
        page,
        {
            "الاسم الأول": "ريم",
            "اسم العائلة": "العتيبي",
            "تاريخ الميلاد": "1995-06-15",
            "رقم الجوال": "050 000 1234",
        },
        {"treatment": "يوافق", "marketing_messages": "يرفض"},
    )
    watched.shot("patients-register-ar")
    page.get_by_test_id("register-submit").click()
    expect(page.get_by_test_id("patient-notice")).to_contain_text("ريم")
    watched.shot("patients-registered-ar")
    api = server.api("receptionist", RIYADH)
    [patient] = api.get(PATIENTS, params={"phone": "0500001234"}).json()["results"]
    assert patient["preferred_language"] == "ar"
    current = api.get(f"{PATIENTS}/{patient['id']}/consents").json()["current"]
    assert (current["treatment"]["decision"], current["marketing_messages"]["decision"]) == (
        "granted",
        "withdrawn",
    )
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_test_id("chart-back").click()
    page.get_by_test_id("patient-register-open").click()
    assert dialog_fits(page)
    watched.shot("patients-register-ar-390")
    assert failures == []
    watched.assert_clean()
