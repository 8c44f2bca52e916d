"""Server messages in the user's language, in Chromium against the real server: the
api-client sends the language chosen in the UI as ``Accept-Language`` (whatever the
browser's own), so a refused action reads in Thai or Arabic as the rest of the screen.

Screenshots go to ``test-results/e2e/i18n-*.png``."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Response, expect

from support import BANGKOK, RIYADH, Server, Watched

# The limit covers this module's own server start (a copy of the demo database, uvicorn), which the first
# test pays for, slow on a busy machine.
pytestmark = pytest.mark.timeout(900)

WRONG_PASSWORD = "not-the-password-1"  # noqa: S105
NEW_PASSWORD = "a-new-password-2026"  # noqa: S105


def _language(page: Page, name: str) -> None:
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name=name).click()


def _password_refused(response: Response) -> bool:
    return response.url.endswith("/api/v1/auth/password") and response.status == 400


def _refused_password_change(watched: Watched, *, current_label: str, new_label: str, submit: str) -> dict:
    """Change the password giving a wrong current one: the server refuses (400); returns
    the request's headers."""
    page = watched.page
    page.goto("/account/password")
    page.get_by_label(current_label).fill(WRONG_PASSWORD)
    page.get_by_label(new_label).fill(NEW_PASSWORD)
    with page.expect_response(_password_refused) as answer:
        page.get_by_role("button", name=submit).click()
    return answer.value.request.all_headers()


def test_a_refused_sign_in_and_password_change_read_in_thai(server: Server, open_page):
    watched = open_page()
    page = watched.page
    page.goto("/")
    _language(page, "ไทย")
    phone, password = server.login("receptionist", BANGKOK)
    page.get_by_label("เบอร์มือถือ").fill(phone)
    page.get_by_label("รหัสผ่าน").fill(WRONG_PASSWORD)
    with page.expect_response(lambda r: r.url.endswith("/api/v1/auth/token")) as answer:
        page.get_by_role("button", name="เข้าสู่ระบบ").click()
    assert answer.value.status == 401
    assert answer.value.request.all_headers()["accept-language"] == "th"
    expect(page.get_by_text("หมายเลขโทรศัพท์มือถือหรือรหัสผ่านไม่ถูกต้อง")).to_be_visible()
    watched.shot("i18n-th-sign-in-refused")

    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    expect(page).not_to_have_url(re.compile(r"/login"))
    headers = _refused_password_change(
        watched, current_label="รหัสผ่านปัจจุบัน", new_label="รหัสผ่านใหม่", submit="เปลี่ยนรหัสผ่าน"
    )
    assert headers["accept-language"] == "th"
    expect(page.get_by_text("รหัสผ่านปัจจุบันไม่ถูกต้อง")).to_be_visible()
    expect(page.get_by_text("มีช่องข้อมูลที่ไม่ถูกต้องอย่างน้อยหนึ่งช่อง")).to_be_visible()
    watched.shot("i18n-th-password-refused")
    watched.assert_clean()


def test_the_same_refusal_reads_in_arabic_on_a_phone(server: Server, open_page):
    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/")
    _language(page, "العربية")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    phone, password = server.login("receptionist", RIYADH)
    page.get_by_label("رقم الجوال").fill(phone)
    page.get_by_label("كلمة المرور").fill(password)
    page.get_by_role("button", name="تسجيل الدخول").click()
    expect(page).not_to_have_url(re.compile(r"/login"))
    headers = _refused_password_change(
        watched,
        current_label="كلمة المرور الحالية",
        new_label="كلمة المرور الجديدة",
        submit="تغيير كلمة المرور",
    )
    assert headers["accept-language"] == "ar"
    expect(page.get_by_text("كلمة المرور الحالية خاطئة.")).to_be_visible()
    watched.shot("i18n-ar-password-refused-390")
    watched.assert_clean()
