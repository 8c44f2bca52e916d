"""The clinic's own wording of its messages, in Chromium against the real server: the
Bangkok owner opens *Messages*, sees the standard reminder, writes a Thai SMS reminder
(a wrong placeholder is named next to the text; the chips insert the right ones; the
preview fills sample values and counts the SMS), saves it, sees it at 390 px and in
Arabic, and goes back to the standard text (confirmed).

Screenshots go to ``test-results/e2e/messages-*.png``."""

from __future__ import annotations

import pytest
from notifications.templates import TEMPLATES
from playwright.sync_api import expect

from support import Watched, api_errors, arabic, choose, fits, phone, sign_in, totp_enrol

pytestmark = pytest.mark.timeout(900)

DESKTOP = {"width": 1440, "height": 900}
STANDARD = TEMPLATES["appointment.reminder"]


def test_the_owner_words_the_thai_sms_reminder_and_goes_back_to_ours(server, open_page):
    watched: Watched = open_page()
    page = watched.page
    # While the text is being written the preview may be refused (400) until it can be sent.
    failures = api_errors(watched, lambda r: "/message-templates" in r.url and r.status == 400)
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Messages", exact=True).click()
    expect(page.get_by_role("heading", name="Messages to patients")).to_be_visible()
    editor = page.get_by_test_id("message-templates")
    body = editor.get_by_test_id("message-templates-body")
    expect(body).to_have_value(STANDARD["en"].body)
    expect(editor.get_by_test_id("message-templates-status")).to_have_text("Standard text")
    preview = editor.get_by_test_id("message-templates-preview")
    expect(preview).to_contain_text("Hi Ana Lima, a reminder of your Botulinum toxin, forehead appointment")
    watched.shot("messages-01-standard-1440")

    choose(editor, "Language", "Thai")
    expect(body).to_have_value(STANDARD["th"].body)

    # A placeholder the message does not have is named next to the text; nothing is saved.
    body.fill("คุณ{name} พบกันพรุ่งนี้")
    editor.get_by_test_id("message-templates-save").click()
    expect(editor.locator("#message-body-errors")).to_contain_text(
        "{name} is not one of this message's placeholders"
    )
    expect(editor.get_by_test_id("message-templates-status")).to_have_text("Standard text")
    watched.shot("messages-02-refused-1440")

    # Written again with the chips: the preview fills sample values and counts the SMS.
    body.fill("")
    body.type("คุณ")
    editor.locator("[data-placeholder=patient_name]").click()
    body.press("End")
    body.type(" พบกัน ")
    editor.locator("[data-placeholder=starts_at_local]").click()
    body.press("End")
    body.type(" ที่ ")
    editor.locator("[data-placeholder=clinic_name]").click()
    expect(body).to_have_value("คุณ{patient_name} พบกัน {starts_at_local} ที่ {clinic_name}")
    expect(preview).to_have_attribute("aria-busy", "false")
    expect(preview).to_contain_text("คุณAna Lima พบกัน")
    expect(editor.get_by_test_id("message-templates-sms")).to_contain_text("1 SMS")
    expect(editor.get_by_test_id("message-templates-sms")).to_contain_text("70 characters instead of 160")
    editor.get_by_test_id("message-templates-save").click()
    expect(page.get_by_text("Saved. Patients get this text from now on.")).to_be_visible()
    expect(editor.get_by_test_id("message-templates-status")).to_have_text("Your clinic's text")
    expect(editor.locator("[data-key='appointment.reminder']")).to_contain_text("SMS · Own text: Thai")
    watched.shot("messages-03-saved-1440")

    # The text stays: on a phone the messages are a menu above the editor.
    phone(page)
    page.reload()
    choose(editor, "Language", "Thai")
    expect(body).to_have_value("คุณ{patient_name} พบกัน {starts_at_local} ที่ {clinic_name}")
    fits(page, "message-templates")
    watched.shot("messages-04-saved-390")

    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_role("heading", name="الرسائل إلى المرضى")).to_be_visible()
    expect(preview).to_have_attribute("aria-busy", "false")
    expect(preview).to_contain_text("คุณAna Lima พบกัน")
    watched.shot("messages-05-arabic-1440")
    phone(page)
    fits(page, "message-templates")
    watched.shot("messages-06-arabic-390")
    page.set_viewport_size(DESKTOP)
    arabic(page, on=False)

    # Back to ours, after a confirmation.
    editor.get_by_test_id("message-templates-reset").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Go back to the standard text?")
    expect(dialog).to_contain_text("(SMS, Thai)")
    watched.shot("messages-07-reset-confirm-1440")
    dialog.get_by_test_id("message-templates-reset-confirm").click()
    expect(editor.get_by_test_id("message-templates-status")).to_have_text("Standard text")
    expect(body).to_have_value(STANDARD["th"].body)
    assert failures == []
    watched.assert_clean()
