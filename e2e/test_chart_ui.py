"""The patient chart in Chromium: a doctor (signed in with TOTP) takes the medical
history (an allergy to lidocaine, pregnant), records and then withdraws a marketing
consent, and reads the timeline with its filters; at the front desk a receptionist who
picks that patient and a treatment listing those contraindications is told to check with
the clinician, without being told what matched. The chart at 1440x900, at 390x844 and in
Arabic (right to left).

Screenshots go to ``test-results/e2e/chart-*.png``."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from support import Watched, api_errors, api_with_totp, sign_in, totp_enrol

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1500)

CONTRAINDICATIONS = ["pregnancy", "allergy_lidocaine"]


def _patient_without_marketing_consent(desk: httpx.Client) -> dict[str, Any]:
    """A demo patient who has not consented to marketing messages and has an appointment
    (the timeline shows both kinds; which patients have appointments depends on the day
    the demo data was built)."""
    for patient in desk.get("/api/v1/patients", params={"page_size": 50}).json()["results"]:
        state = desk.get(f"/api/v1/patients/{patient['id']}/consents").json()["current"]
        if (state.get("marketing_messages") or {}).get("decision") == "granted":
            continue
        booked = desk.get(f"/api/v1/patients/{patient['id']}/timeline", params={"kind": "appointment"})
        if booked.json()["count"]:
            return patient
    raise AssertionError("no demo patient without marketing consent has an appointment")


def _api_failures(watched: Watched) -> list[str]:
    """Every API answer of 400 and above on the page but sign-in's (none is expected in
    this flow)."""
    return api_errors(watched, lambda response: "/auth/" in response.url)


def _no_sideways_scroll(page: Page, testid: str) -> None:
    """Nothing in the chart's section ``testid`` is wider than the section (the page's own
    width at 390 px is the layout's, checked by the layout's test)."""
    fits = page.get_by_test_id(testid).evaluate("el => el.scrollWidth <= el.clientWidth")
    assert fits, testid


def _booking_dialog(page: Page, patient: dict[str, Any], service: dict[str, Any]) -> Locator:
    """The booking dialog opened from the calendar with ``patient`` and ``service`` picked."""
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="New appointment").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Patient").fill(patient["given_name"])
    dialog.get_by_role("option").filter(has_text=patient["chart_number"]).click()
    dialog.get_by_role("button", name="Treatment").click()
    dialog.get_by_role("option", name=f"{service['name']} ({service['duration_minutes']} min)").click()
    return dialog


def _intake_taken(watched: Watched) -> None:
    """The doctor takes the history: an allergy to lidocaine (severe), pregnant."""
    page = watched.page
    page.get_by_test_id("chart-tab-history").click()
    expect(page.get_by_test_id("intake-none")).to_be_visible()
    page.get_by_test_id("intake-edit").click()
    page.get_by_test_id("allergy-add").click()
    page.get_by_test_id("allergy-substance").fill("Lidocaine")
    page.get_by_test_id("allergy-severity").select_option("severe")
    page.get_by_test_id("intake-pregnancy-select").select_option("yes")
    watched.shot("chart-01-intake-form")
    page.get_by_test_id("intake-save").click()
    expect(page.get_by_test_id("intake-notice")).to_contain_text("version 1")
    expect(page.get_by_test_id("intake-allergy")).to_contain_text("Lidocaine")
    expect(page.get_by_test_id("intake-pregnancy")).to_contain_text("Yes")
    watched.shot("chart-02-intake-read")


def _marketing_granted_then_withdrawn(watched: Watched, desk: httpx.Client, patient: dict[str, Any]) -> None:
    page = watched.page
    page.get_by_test_id("chart-tab-consents").click()
    marketing = page.locator('[data-testid="consent-purpose"][data-purpose="marketing_messages"]')
    expect(marketing.get_by_test_id("consent-text")).to_be_visible()
    marketing.get_by_test_id("consent-evidence").fill("Form MK-0042")
    marketing.get_by_test_id("consent-grant").click()
    expect(marketing).to_have_attribute("data-decision", "granted")
    watched.shot("chart-03-consent-granted")
    marketing.get_by_test_id("consent-channel").select_option("phone")
    marketing.get_by_test_id("consent-withdraw").click()
    confirm = page.get_by_role("dialog")
    expect(confirm).to_contain_text("Marketing messages")
    watched.shot("chart-04-consent-withdraw-confirm")
    confirm.get_by_test_id("consent-withdraw-confirm").click()
    expect(marketing).to_have_attribute("data-decision", "withdrawn")
    state = desk.get(f"/api/v1/patients/{patient['id']}/consents").json()
    decisions = [row["decision"] for row in state["history"] if row["purpose"] == "marketing_messages"]
    assert decisions[:2] == ["withdrawn", "granted"]  # newest first: two rows, nothing rewritten


def _timeline_filtered(watched: Watched) -> None:
    """Everything, then consents only, then a date range with nothing in it."""
    page = watched.page
    page.get_by_test_id("chart-tab-timeline").click()
    items = page.get_by_test_id("timeline-item")
    expect(items.first).to_be_visible()
    kinds = set(items.evaluate_all("rows => rows.map(r => r.dataset.kind)"))
    assert {"consent", "appointment"} <= kinds, kinds
    watched.shot("chart-05-timeline")
    page.get_by_test_id("timeline-kind").select_option("consent")
    expect(page.locator('[data-testid="timeline-item"]:not([data-kind="consent"])')).to_have_count(0)
    expect(page.locator('[data-testid="timeline-item"] [data-status="withdrawn"]').first).to_be_visible()
    watched.shot("chart-06-timeline-consents")
    page.get_by_test_id("timeline-from").fill("2001-01-01")
    page.get_by_test_id("timeline-to").fill("2001-01-31")
    expect(page.get_by_test_id("timeline-empty")).to_be_visible()
    page.get_by_test_id("timeline-clear").click()
    expect(items.first).to_be_visible()


def _on_a_phone_and_in_arabic(watched: Watched) -> None:
    """One column at 390 px with nothing wider than the screen; then Arabic, mirrored."""
    page = watched.page
    items = page.get_by_test_id("timeline-item")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(items.first).to_be_visible()
    _no_sideways_scroll(page, "timeline")
    watched.shot("chart-07-timeline-390")
    page.get_by_test_id("chart-tab-history").click()
    page.get_by_test_id("intake-edit").click()
    _no_sideways_scroll(page, "intake")
    watched.shot("chart-08-intake-form-390")
    page.get_by_role("button", name="Cancel").click()

    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_test_id("chart-tab-history")).to_have_text("التاريخ المرضي")
    expect(page.get_by_test_id("intake-read")).to_contain_text("حامل")
    watched.shot("chart-09-intake-arabic")
    page.get_by_test_id("chart-tab-timeline").click()
    expect(items.first).to_be_visible()
    watched.shot("chart-10-timeline-arabic")
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_test_id("chart-tab-consents").click()
    marketing = page.locator('[data-testid="consent-purpose"][data-purpose="marketing_messages"]')
    expect(marketing).to_contain_text("مسحوبة")
    _no_sideways_scroll(page, "consent-decisions")
    watched.shot("chart-11-consents-arabic-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="English").click()


def test_a_doctor_takes_the_history_records_consents_and_reads_the_timeline(server, open_page):
    desk = server.api("receptionist")
    patient = _patient_without_marketing_consent(desk)
    services = desk.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 1})
    service = services.json()["results"][0]
    owner = api_with_totp(server, "owner")  # the catalog is theirs
    changed = owner.patch(
        f"/api/v1/catalog/services/{service['id']}", json={"contraindications": CONTRAINDICATIONS}
    )
    assert changed.status_code == 200, changed.text

    watched = open_page()
    page = watched.page
    failures = _api_failures(watched)
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("doctor"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto(f"/patients?patient={patient['id']}")
    expect(page.get_by_test_id("patient-chart")).to_be_visible(timeout=15_000)
    _intake_taken(watched)
    _marketing_granted_then_withdrawn(watched, desk, patient)
    _timeline_filtered(watched)
    _on_a_phone_and_in_arabic(watched)

    # The front desk, booking that treatment for her: told to check, not told why.
    front = open_page()
    desk_failures = _api_failures(front)
    front.page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(front.page, *server.login("receptionist"))
    dialog = _booking_dialog(front.page, patient, service)
    alert = dialog.get_by_test_id("patient-alerts")
    expect(alert).to_have_attribute("data-detailed", "false")
    expect(dialog.get_by_test_id("patient-alerts-neutral")).to_contain_text("Check the medical history")
    assert "regnan" not in alert.inner_text() and "idocaine" not in alert.inner_text()
    front.shot("chart-12-booking-alert-receptionist")
    front.page.set_viewport_size({"width": 390, "height": 844})
    expect(alert).to_be_visible()
    front.shot("chart-13-booking-alert-receptionist-390")
    assert desk_failures == []
    front.assert_clean()

    # The doctor picking the same in the booking dialog reads what matched.
    page.goto("/calendar")
    dialog = _booking_dialog(page, patient, service)
    expect(dialog.get_by_test_id("patient-alert").first).to_be_visible()
    codes = dialog.get_by_test_id("patient-alert").evaluate_all("rows => rows.map(r => r.dataset.code)")
    assert codes == CONTRAINDICATIONS
    expect(dialog.get_by_test_id("patient-alerts")).to_contain_text("Contraindication: pregnancy")
    watched.shot("chart-14-booking-alert-doctor")
    assert failures == []
    watched.assert_clean()
