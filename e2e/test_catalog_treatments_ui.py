"""Treatments and consent templates in Chromium against the real server: the São Paulo
owner adds a treatment with a material whose ANVISA registration the screens show (a
refused deposit named next to its field first), writes its consent form from the
treatment, sees the treatment name it, publishes a second version from an edit that says
what a new version means, and archives a treatment after confirming; each page fits a
phone and reads in Arabic.

Screenshots go to ``test-results/e2e/treatments-*.png``."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, Response, expect

from support import SAO_PAULO, Watched, api_errors, arabic, choose, fits, phone, sign_in, totp_enrol

# The limit covers this module's own server start (a copy of the demo database, uvicorn), slow on a busy
# machine.
pytestmark = pytest.mark.timeout(1200)

DESKTOP = {"width": 1440, "height": 900}
TREATMENT = "Toxina glabela (teste)"


def _anvisa(digits: str) -> str:
    """An ANVISA registration as the screens of a Brazilian clinic print it."""
    if len(digits) == 13:  # a medicine
        return f"{digits[0]}.{digits[1:5]}.{digits[5:9]}.{digits[9:12]}-{digits[12]}"
    if len(digits) == 11:  # a health product
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    return digits


def _services_write(response: Response) -> bool:
    return "/api/v1/catalog/services" in response.url and response.request.method in ("POST", "PATCH")


def _templates_write(response: Response) -> bool:
    return response.url.endswith("/api/v1/clinic/consent-templates") and response.request.method == "POST"


def _treatment_row(page: Page):
    return page.get_by_role("row").filter(has=page.get_by_test_id(f"treatment-{TREATMENT}"))


def test_the_owner_sets_up_a_treatment_with_a_material_and_its_consent_form(server, open_page):
    desk = server.api("receptionist", SAO_PAULO)
    supplies = desk.get("/api/v1/catalog/products", params={"kind": "medical_supply", "page_size": 100})
    assert supplies.status_code == 200, supplies.text
    supply = next(p for p in supplies.json()["results"] if p["registration_number"])
    registration = f"Reg. {_anvisa(supply['registration_number'])}"

    watched: Watched = open_page()
    errors = api_errors(watched, lambda r: r.status == 400 and "/api/v1/catalog/services" in r.url)
    page = watched.page
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("owner", SAO_PAULO))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Treatments").click()
    expect(page.get_by_role("heading", name="Treatments")).to_be_visible()
    expect(page.get_by_test_id("treatments-table").get_by_role("row").nth(1)).to_be_visible(timeout=15_000)

    created = _treatment_add(watched, supply, registration)
    _consent_form_write(watched, created)
    _archive_and_restore(watched, registration)
    _phone_and_arabic(watched, supply, registration)
    assert errors == []
    watched.assert_clean()


def _treatment_add(watched: Watched, supply: dict, registration: str) -> dict:
    """A new treatment: a deposit over 100 % is refused and named next to its field; the
    list then shows its material with the ANVISA registration, and no consent form."""
    page = watched.page
    page.get_by_test_id("treatment-new").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Name").fill(TREATMENT)
    choose(dialog, "Category", "Botulinum toxin")
    dialog.get_by_label(re.compile(r"^Price \(BRL\)")).fill("1200,50")
    dialog.get_by_label("Duration (minutes)").fill("30")
    dialog.get_by_label("Follow-up after (days)").fill("14")
    choose(dialog, "Deposit", "Percent of the price")
    value = dialog.get_by_label(re.compile(r"^Deposit value \(%\)"))
    value.fill("120")
    dialog.get_by_test_id("treatment-requires-consent").check()
    dialog.get_by_test_id("treatment-material-add").click()
    material = dialog.get_by_test_id("treatment-material-0")
    choose(material, "Product", supply["name"])
    material.get_by_label("Quantity").fill("0,5")
    expect(material).to_contain_text(registration)
    with page.expect_response(_services_write) as refused:
        dialog.get_by_test_id("treatment-save").click()
    assert refused.value.status == 400
    expect(value).to_have_attribute("aria-invalid", "true")
    expect(dialog).to_contain_text("A percent between 0 and 100.")
    watched.shot("treatments-01-treatment-form-1440")
    value.fill("20")
    with page.expect_response(_services_write) as saved:
        dialog.get_by_test_id("treatment-save").click()
    assert saved.value.status == 201, saved.value.text()
    created = saved.value.json()
    assert created["price"] == "1200.50" and created["deposit_amount"] == "240.10"
    assert created["materials"][0]["quantity"] == "0.500"

    page.get_by_label("Search by name").fill("glabela (teste)")
    row = _treatment_row(page)
    expect(row).to_contain_text(supply["name"])
    expect(row).to_contain_text(registration)
    expect(row).to_contain_text("none")
    return created


def _consent_form_write(watched: Watched, created: dict) -> None:
    """The treatment's consent form, written from the treatment; an edit publishes the
    next version and says so; the treatment then names it."""
    page = watched.page
    _treatment_row(page).get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name="Write a consent form for it").click()
    expect(page.get_by_role("heading", name="Consent templates")).to_be_visible()
    expect(page).to_have_url(re.compile(rf"service={created['id']}"))
    page.get_by_test_id("consent-new").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("button", name="Treatment it covers")).to_contain_text(TREATMENT)
    choose(dialog, "Language", "Português (Brasil)")
    dialog.get_by_label("Title").fill("Termo de consentimento: toxina botulínica")
    dialog.get_by_label("Text the patient signs").fill(
        "Riscos: hematoma, ptose palpebral, cefaleia.\nDeclaro que li e entendi."
    )
    with page.expect_response(_templates_write) as published:
        dialog.get_by_test_id("consent-publish").click()
    assert published.value.status == 201, published.value.text()
    template = published.value.json()
    assert template["version"] == 1 and template["service_id"] == created["id"]
    card = page.get_by_test_id("consent-Termo de consentimento: toxina botulínica")
    expect(page.get_by_test_id("consents-pt-br")).to_contain_text("Português (Brasil)")
    expect(card).to_contain_text(f"Covers {TREATMENT}")
    expect(card).to_contain_text("Version 1")
    expect(card).to_contain_text("no signatures")

    card.get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_test_id("consent-next-version")).to_contain_text("Saving publishes version 2")
    dialog.get_by_label("Text the patient signs").fill("Riscos: hematoma, ptose, cefaleia, assimetria.")
    watched.shot("treatments-02-consent-edit-1440")
    with page.expect_response(_templates_write) as second:
        dialog.get_by_test_id("consent-publish").click()
    assert second.value.status == 201 and second.value.json()["version"] == 2
    expect(card).to_contain_text("Version 2")
    watched.shot("treatments-03-consents-1440")

    page.get_by_role("link", name="Treatments").click()
    page.get_by_label("Search by name").fill("glabela (teste)")
    row = _treatment_row(page)
    expect(row).to_contain_text("Português (Brasil) · v2")
    watched.shot("treatments-04-treatments-1440")


def _archive_and_restore(watched: Watched, registration: str) -> None:
    """Archiving asks first; the treatment leaves the active list, is under Archived, and
    comes back."""
    page = watched.page
    _treatment_row(page).get_by_role("button", name="Archive").click()
    confirm = page.get_by_role("dialog")
    expect(confirm).to_contain_text(f"Archive {TREATMENT}?")
    watched.shot("treatments-05-archive-confirm-1440")
    with page.expect_response(_services_write) as archived:
        confirm.get_by_test_id("treatment-archive-confirm").click()
    assert archived.value.status == 200 and archived.value.json()["is_active"] is False
    expect(page.get_by_test_id("treatments-table")).to_contain_text("No treatment matches these filters.")
    choose(page.get_by_test_id("treatment-filters"), "Status", "Archived")
    expect(_treatment_row(page)).to_contain_text("Archived")
    _treatment_row(page).get_by_role("button", name="Restore").click()
    expect(page.get_by_test_id("treatments-table")).to_contain_text("No treatment matches these filters.")
    choose(page.get_by_test_id("treatment-filters"), "Status", "Active")
    expect(_treatment_row(page)).to_contain_text(registration)


def _phone_and_arabic(watched: Watched, supply: dict, registration: str) -> None:
    page = watched.page
    phone(page)
    fits(page, "treatments-table")
    watched.shot("treatments-06-treatments-390")
    _treatment_row(page).get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_test_id("treatment-material-0")).to_contain_text(registration)
    watched.shot("treatments-07-treatment-form-390")
    dialog.get_by_role("button", name="Cancel").click()
    page.goto("/settings/consent-templates")
    expect(page.get_by_test_id("consents-pt-br")).to_be_visible(timeout=15_000)
    fits(page, "consents-pt-br")
    watched.shot("treatments-08-consents-390")

    # Arabic, right to left.
    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_role("heading", name="نماذج الموافقة")).to_be_visible()
    expect(page.get_by_test_id("consents-pt-br")).to_contain_text("الإصدار 2")
    watched.shot("treatments-09-consents-arabic-1440")
    page.goto("/settings/treatments")
    expect(page.get_by_role("heading", name="العلاجات")).to_be_visible()
    page.get_by_label("البحث بالاسم").fill("glabela (teste)")
    expect(_treatment_row(page)).to_contain_text(f"تسجيل {_anvisa(supply['registration_number'])}")
    watched.shot("treatments-10-treatments-arabic-1440")
    phone(page)
    fits(page, "treatments-table")
    watched.shot("treatments-11-treatments-arabic-390")
    _treatment_row(page).get_by_role("button", name="تعديل").click()
    watched.shot("treatments-12-treatment-form-arabic-390")
