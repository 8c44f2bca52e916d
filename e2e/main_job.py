"""The main job of a clinic day, in one browser flow on the demo clinic Lumière Bangkok
(or Lumière São Paulo, ten hours behind, when Bangkok's day has no time left to book and
check in a patient):
the receptionist books an appointment in the calendar and checks the patient in; the
doctor opens the chart (the front desk saw the phone masked, the doctor sees it in full),
signs the consent form, uploads a 4K "before" photo straight to storage, marks injection
points with a product lot on FaceCanvas (they survive a reload), records the lot used and
completes the session; the cashier sells a course and a product, pays in cash and by the
country's QR transfer (PromptPay, Pix) and
watches the commission split arrive without a reload; the invoice is paid, the receipt
notification is sent, and the lot's recall lists the patient.

``main_job`` runs the flow against any running server (PostgreSQL + Redis + S3 in
``test_main_job.py``, the embedded run of ``bin/run`` in ``test_run_command.py``) and
returns what the caller checks about its own storage. Screenshots:
``test-results/e2e/main-<profile>-NN-*.png``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.sync_api import Page, Request, expect

from support import BANGKOK, SAO_PAULO, ZONES, Server, Watched, choose, extra_hours_today, sign_in, totp_enrol

FOUR_K = (3840, 2160)
# Photo processing and commissions are background work: on the embedded profile a
# filesystem broker and one worker process on a busy machine.
BACKGROUND_MS = 120_000
#: The demo clinics the flow runs at, the first whose day has time left, and the QR
#: payment method of each one's country.
CLINICS = (BANGKOK, SAO_PAULO)
QR_METHOD = {BANGKOK: "promptpay", SAO_PAULO: "pix"}


@dataclass(frozen=True)
class Sent:
    """A request the doctor's browser sent: method, URL and body bytes (its
    Content-Length as sent on the wire; multipart file uploads included)."""

    method: str
    url: str
    body: int


@dataclass
class MainJob:
    """What the flow did: the patient, the photo's size, every request the doctor's
    browser sent (to check where the photo bytes went) and the invoice."""

    patient: dict[str, Any]
    photo_size: int
    doctor_sent: list[Sent]
    invoice: dict[str, Any]


def four_k_jpeg() -> bytes:
    """A 4K photo-sized JPEG (noise compresses badly, like skin texture: several MB)."""
    image = Image.merge("RGB", [Image.effect_noise(FOUR_K, sigma) for sigma in (40, 50, 60)])
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@dataclass
class _Plan:
    clinic: str
    patient: dict[str, Any]
    doctor: dict[str, Any]
    service: dict[str, Any]
    day: str
    lot: dict[str, Any]


def _plan(server: Server) -> _Plan:
    """Through the API as the front desk of the first of ``CLINICS`` with time left today
    (in its own zone; the two are ten hours apart, so one always has): the demo doctor, a
    treatment that needs a signed consent form and uses an injectable of which an unexpired
    lot has stock, booked today (when check-in is allowed), and a patient with a phone
    number."""
    plan = next(filter(None, (_plan_at(server, clinic) for clinic in CLINICS)), None)
    if plan is None:
        pytest.skip("no demo clinic's day has bookable time left to check a patient in on the day")
    return plan


def _plan_at(server: Server, clinic: str) -> _Plan | None:
    """``_plan`` at ``clinic``; None when its day has no time left for it."""
    desk = server.api("receptionist", clinic)
    doctor_name = server.name("doctor", clinic)
    staff = desk.get("/api/v1/staff", params={"role": "doctor", "page_size": 100}).json()["results"]
    doctor = next(m["user"] for m in staff if m["user"]["full_name"] == doctor_name)
    consent_services = {
        t["service_id"] for t in desk.get("/api/v1/clinic/consent-templates").json()["results"]
    }
    zone = ZONES[clinic]
    today = dt.datetime.now(tz=zone).date()
    lots = [
        lot
        for lot in desk.get("/api/v1/inventory/lots", params={"page_size": 100}).json()["results"]
        if float(lot["quantity_on_hand"]) >= 2 and dt.date.fromisoformat(lot["expiry_date"]) > today
    ]
    services = desk.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 100}).json()
    # A treatment with a consent form whose material (the injectable) has a usable lot.
    treatments = [
        (service, lot)
        for service in services["results"]
        if service["id"] in consent_services
        for lot in lots
        if lot["product"] in {m["product"] for m in service["materials"]}
    ]

    # Check-in opens the clinic's minutes before the start (and never the day before): the
    # first free time must be within them, or the desk could not check the patient in.
    opens_before = dt.timedelta(minutes=desk.get("/api/v1/clinics/me").json()["checkin_opens_minutes_before"])

    def free_soon(service: dict[str, Any]) -> bool:
        slots = desk.get(
            "/api/v1/calendar/appointments/availability",
            params={
                "service": service["id"],
                "practitioner": doctor["id"],
                "date_from": today.isoformat(),
                "date_to": today.isoformat(),
            },
        ).json()
        soon = dt.datetime.now(tz=zone) + opens_before
        return bool(slots) and dt.datetime.fromisoformat(min(s["starts_at"] for s in slots)) <= soon

    # Book today within the check-in window, in extra hours the owner opens when the
    # doctor has no free time that soon (a Sunday, a full morning, the middle of the night).
    bookable = [(service, lot) for service, lot in treatments if free_soon(service)]
    if not bookable and extra_hours_today(server, doctor["id"], hours=2, clinic=clinic):
        bookable = [(service, lot) for service, lot in treatments if free_soon(service)]
    if not bookable:
        return None
    service, lot = bookable[0]
    # A patient with nothing else booked today: the calendar shows the booking by name.
    day = {"date_from": today.isoformat(), "date_to": today.isoformat()}
    busy = {
        a["patient_id"]
        for a in desk.get("/api/v1/calendar/appointments/range", params=day).json()["appointments"]
    }
    patients = desk.get("/api/v1/patients", params={"page_size": 50}).json()["results"]
    patient = next(p for p in patients if p["phone"] and p["id"] not in busy)
    return _Plan(
        clinic=clinic, patient=patient, doctor=doctor, service=service, day=today.isoformat(), lot=lot
    )


def _patients_open(page: Page, chart_number: str) -> str:
    """Search the patient list by chart number; the phone as the server sent it."""
    page.get_by_role("link", name="Patients").click()
    page.get_by_test_id("patient-search").fill(chart_number)
    page.get_by_role("button", name="Search", exact=True).click()
    row = page.get_by_test_id(f"patient-row-{chart_number}")
    expect(row).to_have_count(1)
    return row.get_by_test_id("patient-phone").inner_text()


def _points(page: Page) -> list[tuple[str, str, str]]:
    buttons = page.get_by_test_id("face-points").get_by_role("button")
    return [
        (b.get_attribute("data-x") or "", b.get_attribute("data-y") or "", b.inner_text())
        for b in buttons.all()
    ]


def _book_and_check_in(
    server: Server, desk: Watched, plan: _Plan, shot: Callable[[Watched, str], None]
) -> str:
    """The receptionist books through the calendar dialog and checks the patient in;
    returns the appointment's id."""
    page = desk.page
    patient, service = plan.patient, plan.service
    sign_in(page, *server.login("receptionist", plan.clinic))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto(f"/calendar?date={plan.day}")
    expect(page.get_by_test_id("calendar-live")).to_have_attribute("data-live", "true", timeout=15_000)
    page.get_by_role("button", name="New appointment").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Patient").fill(patient["given_name"])
    dialog.get_by_role("option").filter(has_text=patient["chart_number"]).click()
    choose(dialog, "Treatment", f"{service['name']} ({service['duration_minutes']} min)")
    choose(dialog, "Practitioner", plan.doctor["full_name"])
    slots = dialog.get_by_test_id("booking-slots").get_by_role("button")
    expect(slots.first).to_be_visible()
    slots.first.click()
    shot(desk, "01-booking")
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/calendar/appointments") and r.request.method == "POST"
    ) as booked:
        dialog.get_by_role("button", name="Book").click()
    assert booked.value.status == 201, booked.value.text()
    appointment = booked.value.json()

    event = page.locator(".fc-event", has_text=f"{patient['given_name']} {patient['family_name']}")
    status = page.get_by_role("dialog").get_by_test_id("appointment-status")
    # The calendar refetches after the booking and again on its live event; a click that
    # lands while it re-renders hits an event node being replaced, and a person would
    # simply click again: so does the test, a bounded number of times.
    for _attempt in range(3):
        event.click()
        try:
            expect(status).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            continue
    expect(status).to_have_text("Booked")
    page.get_by_role("button", name="Check in").click()
    expect(status).to_have_text("Checked in")
    shot(desk, "02-checked-in")
    page.get_by_role("button", name="Close").click()
    return str(appointment["id"])


def _treat(
    server: Server,
    doctor: Watched,
    plan: _Plan,
    appointment_id: str,
    masked: str,
    photo: Path,
    shot: Callable[[Watched, str], None],
) -> None:
    """The doctor: full phone, a session of the appointment's visit, consent, photo, face
    chart with the lot (kept over a reload), the lot recorded as used, session completed."""
    page = doctor.page
    chart_number = plan.patient["chart_number"]
    sign_in(page, *server.login("doctor", plan.clinic))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    full = _patients_open(page, chart_number)
    assert "X" not in full and len(full) == len(masked) and full[-4:] == masked[-4:], (masked, full)
    shot(doctor, "04-doctor-full-phone")

    # The visit the check-in opened, and a session of the booked treatment in it, in the
    # doctor's own name.
    page.get_by_test_id(f"patient-open-{chart_number}").click()
    expect(page.get_by_test_id("demographics")).to_contain_text(full)
    visit = page.locator(f'[data-testid="visit"][data-appointment-id="{appointment_id}"]')
    expect(visit).to_have_attribute("data-status", "open")
    visit.get_by_test_id("session-service").select_option(label=plan.service["name"])
    expect(visit.get_by_test_id("session-practitioner").locator("option:checked")).to_have_text(
        plan.doctor["full_name"]
    )
    visit.get_by_test_id("session-create").click()
    panel = page.get_by_test_id("session-panel")
    expect(panel.get_by_test_id("session-status")).to_have_text("Planned")
    shot(doctor, "05-new-session")

    # Starting before the consent form is signed is refused and opens the form.
    panel.get_by_test_id("session-start").click()
    expect(panel.get_by_test_id("consent-body")).to_be_visible()
    consents_before = page.get_by_test_id("consent-row").count()
    box = panel.get_by_test_id("signature-pad").bounding_box()
    assert box
    page.mouse.move(box["x"] + 30, box["y"] + 100)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 30 + step * 25, box["y"] + 100 - (step % 3) * 30)
    page.mouse.up()
    shot(doctor, "06-consent-signature")
    panel.get_by_test_id("consent-submit").click()
    expect(panel.get_by_test_id("session-notice")).to_have_text("Consent signed.")
    expect(page.get_by_test_id("consent-row")).to_have_count(consents_before + 1)
    panel.get_by_test_id("session-start").click()
    expect(panel.get_by_test_id("session-status")).to_have_text("In treatment")

    panel.get_by_test_id("photo-input").set_input_files(photo)
    expect(panel.get_by_test_id("upload-0")).to_have_attribute("data-status", "ready", timeout=BACKGROUND_MS)
    expect(panel.get_by_test_id("photo-before-front")).to_be_visible()
    shot(doctor, "07-photo-uploaded")

    # FaceCanvas over the photo: two points with the lot, dosed in the product's measure.
    lot = plan.lot
    unit, amount = ("ml", "0.5") if lot["unit"] in {"syringe", "ml"} else ("U", "4")
    panel.get_by_test_id("photo-before-front").click()
    canvas = panel.get_by_test_id("face-canvas-surface")
    area = canvas.bounding_box()
    assert area
    canvas.click(position={"x": area["width"] * 0.3, "y": area["height"] * 0.4})
    panel.get_by_test_id("face-product").select_option(lot["product"])
    panel.get_by_test_id("face-lot").select_option(lot["id"])
    panel.get_by_test_id("face-units").fill(amount)
    panel.get_by_test_id("face-unit").select_option(unit)
    canvas.click(position={"x": area["width"] * 0.7, "y": area["height"] * 0.4})
    panel.get_by_test_id("face-depth").select_option("intramuscular")
    placed = _points(page)
    assert len(placed) == 2 and all(lot["product_name"] in text for _x, _y, text in placed)
    panel.get_by_test_id("face-save").click()
    expect(panel.get_by_test_id("session-notice")).to_have_text("Face chart saved (version 1).")
    shot(doctor, "08-face-chart")

    page.reload()
    panel = page.get_by_test_id("session-panel")
    expect(panel.get_by_test_id("face-version")).to_have_text("v1", timeout=15_000)
    expect(panel.get_by_test_id("face-points").get_by_role("button")).to_have_count(2)
    assert _points(page) == placed

    # The treatment's usual materials are offered (the charted product is one of them);
    # the charted lot, recorded as used: one vial or syringe out of that lot's stock.
    expect(panel.get_by_test_id("products-usual")).to_be_visible()
    panel.get_by_test_id("products-from-chart").click()
    row = panel.get_by_test_id("products-use-row")
    expect(row).to_have_count(1)
    expect(row.get_by_test_id("use-lot")).to_have_value(lot["id"])
    expect(row.get_by_test_id("use-charted")).to_contain_text(f"{float(amount) * 2:g} {unit}")
    panel.get_by_test_id("products-record").click()
    expect(panel.get_by_test_id("session-notice")).to_have_text("Products recorded and taken from stock.")
    used = panel.locator(f'[data-testid="products-used-row"][data-lot-number="{lot["lot_number"]}"]')
    expect(used).to_have_count(1)
    shot(doctor, "09-products-used")

    panel.get_by_test_id("session-complete").click()
    expect(panel.get_by_test_id("session-status")).to_have_text("Completed")
    shot(doctor, "10-session-completed")


def _sell(server: Server, till: Watched, plan: _Plan, shot: Callable[[Watched, str], None]) -> dict[str, Any]:
    """The cashier sells a course and a retail product crediting the doctor, pays by cash
    and the country's QR transfer (a double click sells once) and sees the commission split arrive;
    returns the paid invoice."""
    cashier = server.api("cashier", plan.clinic)
    patient = plan.patient
    course = cashier.get("/api/v1/catalog/courses", params={"is_active": True}).json()["results"][0]["name"]
    product = cashier.get("/api/v1/catalog/products", params={"is_active": True, "kind": "retail"}).json()
    product_name = product["results"][0]["name"]
    before = cashier.get("/api/v1/commerce/sales", params={"patient": patient["id"]}).json()["count"]

    page = till.page
    sign_in(page, *server.login("cashier", plan.clinic))
    page.get_by_role("link", name="Billing").click()
    expect(page.get_by_test_id("course-grid")).to_be_visible(timeout=15_000)
    page.get_by_test_id("pos-patient-search").locator("input").fill(patient["given_name"])
    page.get_by_test_id("pos-patient-option").filter(has_text=patient["chart_number"]).click()
    expect(page.get_by_test_id("pos-patient-name")).to_contain_text(patient["chart_number"])
    page.get_by_test_id("grid-kind-course").click()
    page.locator(f'[data-testid="grid-item"][data-name="{course}"]').click()
    page.get_by_test_id("grid-kind-product").click()
    page.get_by_test_id("grid-search").locator("input").fill(product_name)
    page.locator(f'[data-testid="grid-item"][data-name="{product_name}"]').click()
    lines = page.get_by_test_id("cart-line")
    expect(lines).to_have_count(2)
    doctor = plan.doctor["full_name"]
    for i in range(2):
        lines.nth(i).locator(f'[data-testid="line-practitioner"][data-name="{doctor}"]').check()
    expect(page.get_by_test_id("server-total")).to_have_attribute("data-agree", "true")
    client_total = page.get_by_test_id("cart-total").inner_text()
    shot(till, "11-cart-quoted")

    page.get_by_test_id("payment-amount").first.locator("input").fill("1000")
    page.get_by_test_id("payment-add").click()
    second = page.get_by_test_id("payment-row").nth(1)
    second.get_by_test_id("payment-method").select_option(QR_METHOD[plan.clinic])
    second.get_by_test_id("payment-rest").click()
    expect(second.get_by_test_id("payment-qr-image")).to_be_visible()  # the patient scans it
    second.get_by_test_id("payment-qr-received").check()
    second.get_by_test_id("payment-reference").locator("input").fill("PP-MAIN-JOB-0001")
    page.evaluate("window.__samePage = true")
    page.get_by_test_id("checkout-confirm").dblclick()
    expect(page.get_by_test_id("receipt")).to_be_visible()
    expect(page.get_by_test_id("receipt-total")).to_have_text(client_total)
    expect(page.get_by_test_id("receipt-payment")).to_have_count(2)
    # The course sold is at once one of the patient's course balances.
    expect(page.get_by_test_id("course-balance").filter(has_text=course)).to_have_count(1)
    shot(till, "12-receipt")

    badge = page.get_by_test_id("commission-badge")
    expect(badge).to_have_attribute("data-status", "done", timeout=BACKGROUND_MS)
    expect(badge.get_by_test_id("commission-line")).to_have_count(2)
    expect(badge).to_contain_text(doctor)
    assert page.evaluate("window.__samePage") is True  # no reload on the way
    shot(till, "13-commission-split")

    after = cashier.get("/api/v1/commerce/sales", params={"patient": patient["id"]}).json()
    assert after["count"] == before + 1  # the double click sold once
    sale = after["results"][0]  # newest first
    assert {line["kind"] for line in sale["lines"]} == {"course", "product"}
    invoice: dict[str, Any] = cashier.get(f"/api/v1/commerce/invoices/{sale['invoice']}").json()
    assert invoice["status"] == "paid" and invoice["balance_due"] == "0.00"
    expect(page.get_by_test_id("receipt-invoice")).to_have_attribute("data-status", "paid")
    return invoice


def _receipt_sent(server: Server, number: str) -> bool:
    """Whether the file adapter's outbox holds a message naming invoice ``number``."""
    outbox = server.var / "notifications" / "outbox.jsonl"
    deadline = time.monotonic() + BACKGROUND_MS / 1000
    while time.monotonic() < deadline:
        rows = outbox.read_text().splitlines() if outbox.is_file() else []
        if any(number in json.loads(row)["body"] for row in rows):
            return True
        time.sleep(0.5)
    return False


def _recall(doctor: Watched, plan: _Plan, shot: Callable[[Watched, str], None]) -> None:
    """The doctor recalls the lot from the stock list: the patient is on the list."""
    page = doctor.page
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-stock").click()
    lot = page.locator(f'[data-testid="lot-row"][data-lot-number="{plan.lot["lot_number"]}"]')
    lot.get_by_test_id("lot-recall").click()
    recall = page.get_by_test_id("recall-panel")
    expect(recall).to_contain_text(plan.lot["lot_number"])
    expect(
        recall.locator(f'[data-testid="recall-row"][data-chart-number="{plan.patient["chart_number"]}"]')
    ).not_to_have_count(0)
    shot(doctor, "14-lot-recall")


def main_job(server: Server, open_page: Callable[..., Watched], photo: Path, *, profile: str) -> MainJob:
    """Run the whole flow on ``server`` with ``photo`` as the before photo; screenshots
    are named ``main-<profile>-NN-<step>``."""

    def shot(watched: Watched, name: str) -> None:
        watched.shot(f"main-{profile}-{name}")

    plan = _plan(server)
    desk = open_page(height=1700)  # the whole working day: the new event is on screen
    appointment_id = _book_and_check_in(server, desk, plan, shot)
    masked = _patients_open(desk.page, plan.patient["chart_number"])
    assert "X" in masked, masked
    shot(desk, "03-receptionist-masked-phone")

    doctor = open_page(height=1800)
    requests: list[Request] = []
    doctor.page.on("request", lambda request: requests.append(request))
    _treat(server, doctor, plan, appointment_id, masked, photo, shot)

    till = open_page()
    invoice = _sell(server, till, plan, shot)
    assert _receipt_sent(server, invoice["number"]), "no receipt notification for the invoice"

    _recall(doctor, plan, shot)
    for watched in (desk, doctor, till):
        watched.assert_clean()
    # Read while the pages are open: the browser keeps the raw headers of their requests.
    sent = [Sent(r.method, r.url, int(r.all_headers().get("content-length", 0))) for r in requests]
    return MainJob(patient=plan.patient, photo_size=photo.stat().st_size, doctor_sent=sent, invoice=invoice)


def largest_body(sent: list[Sent], base: str, *, but: str = "") -> int:
    """The largest request body the browser sent to ``base`` (other than to ``but``)."""
    return max((r.body for r in sent if r.url.startswith(base) and not (but and but in r.url)), default=0)
