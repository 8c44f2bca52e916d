"""From nothing to the first booking, in Chromium against the real server and its worker,
only through the screens: a visitor signs up a new organization in Brazil (BRL,
America/Sao_Paulo, pt-BR) and, as its owner, adds a product with its ANVISA number and a
lot, a treatment that uses it with its consent form, a room, a device, a course and a
commission rule, then invites a doctor and a receptionist. Both join from the links the
worker sent (read from the notification outbox); the doctor enrols the second factor and
records a CRM licence. The owner sets the doctor's hours and makes clinical acts need a
verified licence; the receptionist registers the first patient and books the first
appointment on the calendar. A walk-in visit then shows the clinical act refused while
the licence waits for verification, naming it, and allowed once the owner verified it.

The test counts the users' clicks and the seconds the flow takes (printed, and kept in
``test-results/e2e/first-booking.json``). Screenshots: ``test-results/e2e/first-*.png``."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, Response, expect

from support import (
    ARTIFACTS,
    ZONES,
    Server,
    Watched,
    api_errors,
    arabic,
    choose,
    fits,
    phone,
    sign_in,
    totp_enrol,
)

# The limit covers the module's server and worker start (a copy of the demo database) on a busy machine.
pytestmark = pytest.mark.timeout(1800)

DESKTOP = {"width": 1440, "height": 900}
ZONE = ZONES["Lumière São Paulo"]
PASSWORD = "Ipe-Amarelo-2026"  # noqa: S105 - the test's own new accounts
OWNER_PHONE, DOCTOR_PHONE, DESK_PHONE = "+55 11 97777-1201", "+55 11 97777-1202", "+55 11 97777-1203"
PRODUCT = "Toxina botulínica 100U (teste)"
TREATMENT = "Toxina botulínica, glabela (teste)"
COURSE = "Glabela · 3 sessões (teste)"
CRM = "143877"


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # the invites go out through the worker


class Clicks:
    """The users' clicks on every page of the flow (trusted click events, counted in the
    page and reported to the test)."""

    def __init__(self) -> None:
        self.count = 0

    def watch(self, page: Page) -> None:
        page.expose_function("firstBookingClick", self._one)
        page.add_init_script(
            "document.addEventListener('click',"
            " (event) => { if (event.isTrusted) window.firstBookingClick() }, true)"
        )

    def _one(self) -> None:
        self.count += 1


def _writes(path: str, method: str = "POST") -> Callable[[Response], bool]:
    return lambda r: r.request.method == method and r.url.split("?")[0].endswith(path)


def _field(scope: Locator | Page, testid: str) -> Locator:
    return scope.get_by_test_id(testid).locator("input")


def _days_ahead(days: int) -> str:
    return (dt.datetime.now(tz=ZONE).date() + dt.timedelta(days=days)).isoformat()


def _next_weekday(after: dt.date) -> dt.date:
    day = after + dt.timedelta(days=1)
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def test_a_new_clinic_goes_from_sign_up_to_its_first_booking(server: Server, open_page) -> None:
    clicks = Clicks()
    started = time.monotonic()

    def opened() -> Watched:
        watched = open_page()
        clicks.watch(watched.page)
        watched.page.set_viewport_size(DESKTOP)
        return watched

    owner = opened()
    # Refusals the flow provokes on purpose: the clinical act before the licence is verified.
    owner_failures = api_errors(owner)
    _sign_up(owner, server)
    product = _product(owner)
    treatment = _treatment(owner, product)
    _room_and_device(owner)
    _course(owner)
    _commission_rule(owner)
    _invites(owner)

    links = _invite_links(server)
    doctor = opened()
    doctor_failures = api_errors(doctor, lambda r: r.status == 409 and r.url.endswith("/start"))
    _joined(doctor, server, links[DOCTOR_PHONE], "Renata", "Okamoto", second_factor=True)
    doctor.shot("first-09-doctor-joined")
    _licence_recorded(doctor)

    desk = opened()
    desk_failures = api_errors(desk)
    _joined(desk, server, links[DESK_PHONE], "Paula", "Ribeiro", second_factor=False)
    desk.shot("first-11-receptionist-joined")

    _hours_and_licence_check(owner, "Renata Okamoto")
    patient = _first_patient(desk)
    _first_booking(desk, patient, treatment)
    _clinical_act_waits_for_the_licence(doctor, owner, patient, treatment)

    seconds = round(time.monotonic() - started)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "first-booking.json").write_text(json.dumps({"clicks": clicks.count, "seconds": seconds}))
    print(f"From sign-up to the first booking and treatment: {clicks.count} clicks, {seconds} s")
    assert owner_failures == [] and doctor_failures == [] and desk_failures == []
    for watched in (owner, doctor, desk):
        watched.assert_clean()


def _sign_up(watched: Watched, server: Server) -> None:
    page = watched.page
    page.goto("/login")
    page.get_by_test_id("login-signup").click()
    page.get_by_test_id("signup-country").select_option("BR")
    expect(page.get_by_test_id("signup-time-zone")).to_have_value("America/Sao_Paulo")
    expect(page.get_by_test_id("signup-currency")).to_contain_text("BRL")
    page.get_by_label("Organization").fill("Clínica Ipê Group")
    page.get_by_label("Clinic name").fill("Clínica Ipê Moema")
    page.get_by_label("Given name").fill("Lúcia")
    page.get_by_label("Family name").fill("Tavares")
    page.get_by_label("Mobile number").fill(OWNER_PHONE)
    page.get_by_label("Password").fill(PASSWORD)
    watched.shot("first-01-sign-up")
    page.get_by_test_id("signup-submit").click()
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("clinic-switcher")).to_contain_text("Clínica Ipê Moema")
    watched.shot("first-02-empty-calendar")


def _product(watched: Watched) -> dict[str, Any]:
    """A medical supply with its ANVISA registration, and a lot of it received."""
    page = watched.page
    page.get_by_role("link", name="Products").click()
    expect(page.get_by_text("No products yet. Add the first one.")).to_be_visible()
    page.get_by_test_id("product-new").click()
    dialog = page.get_by_role("dialog")
    _field(dialog, "product-name").fill(PRODUCT)
    choose(dialog, "Stock unit", "vial")
    _field(dialog, "product-price").fill("1450.00")
    _field(dialog, "product-reorder-point").fill("2")
    _field(dialog, "product-registration-input").fill("1.0295.0123.001-2")
    with page.expect_response(_writes("/api/v1/catalog/products")) as created:
        dialog.get_by_test_id("product-save").click()
    assert created.value.status == 201, created.value.text()
    row = page.locator(f'[data-testid="product-row"][data-name="{PRODUCT}"]')
    row.get_by_test_id("product-receive").click()
    lot = page.get_by_role("dialog")
    _field(lot, "lot-number").fill("BTX-2612")
    lot.get_by_label("Expiry date").fill(_days_ahead(500))
    _field(lot, "lot-quantity").fill("10")
    with page.expect_response(_writes("/api/v1/inventory/lots")) as received:
        lot.get_by_test_id("lot-save").click()
    assert received.value.status == 201, received.value.text()
    expect(row.get_by_test_id("product-on-hand")).to_contain_text("10 vials")
    watched.shot("first-03-product-and-lot")
    product: dict[str, Any] = created.value.json()
    return product


def _treatment(watched: Watched, product: dict[str, Any]) -> dict[str, Any]:
    """A treatment that uses the product (its registration shown) and needs consent, and
    its consent form in Portuguese."""
    page = watched.page
    page.get_by_role("link", name="Treatments").click()
    page.get_by_test_id("treatment-new").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Name").fill(TREATMENT)
    choose(dialog, "Category", "Botulinum toxin")
    dialog.get_by_label(re.compile(r"^Price \(BRL\)")).fill("1200")
    dialog.get_by_label("Duration (minutes)").fill("30")
    dialog.get_by_test_id("treatment-requires-consent").check()
    dialog.get_by_test_id("treatment-material-add").click()
    material = dialog.get_by_test_id("treatment-material-0")
    choose(material, "Product", PRODUCT)
    material.get_by_label("Quantity").fill("0.2")
    expect(material).to_contain_text("Reg. 1.0295.0123.001-2")
    with page.expect_response(_writes("/api/v1/catalog/services")) as saved:
        dialog.get_by_test_id("treatment-save").click()
    assert saved.value.status == 201, saved.value.text()
    treatment: dict[str, Any] = saved.value.json()
    row = page.get_by_role("row").filter(has=page.get_by_test_id(f"treatment-{TREATMENT}"))
    expect(row).to_contain_text("Reg. 1.0295.0123.001-2")
    watched.shot("first-04-treatment")

    row.get_by_role("button", name="Edit").click()
    page.get_by_role("dialog").get_by_role("link", name="Write a consent form for it").click()
    page.get_by_test_id("consent-new").click()
    dialog = page.get_by_role("dialog")
    choose(dialog, "Language", "Português (Brasil)")
    dialog.get_by_label("Title").fill("Termo de consentimento: toxina botulínica")
    dialog.get_by_label("Text the patient signs").fill(
        "Riscos: hematoma, ptose, cefaleia.\nDeclaro que li e entendi."
    )
    with page.expect_response(_writes("/api/v1/clinic/consent-templates")) as published:
        dialog.get_by_test_id("consent-publish").click()
    assert published.value.status == 201, published.value.text()
    expect(page.get_by_test_id("consent-Termo de consentimento: toxina botulínica")).to_contain_text(
        f"Covers {TREATMENT}"
    )
    watched.shot("first-05-consent-form")
    return treatment


def _room_and_device(watched: Watched) -> None:
    page = watched.page
    page.get_by_role("link", name="Rooms").click()
    form = page.get_by_test_id("room-add")
    form.get_by_label("Room name").fill("Sala 1")
    form.get_by_role("button", name="Add room").click()
    expect(page.get_by_test_id("room-Sala 1")).to_contain_text("In use")
    page.get_by_role("link", name="Devices").click()
    form = page.get_by_test_id("device-add")
    form.get_by_label("Name").fill("Ultraformer III")
    choose(form, "Type", "HIFU")
    form.get_by_role("button", name="Add device").click()
    expect(page.get_by_test_id("device-Ultraformer III")).to_contain_text("In use")
    watched.shot("first-06-room-and-device")


def _course(watched: Watched) -> None:
    page = watched.page
    page.get_by_role("link", name="Courses").click()
    page.get_by_test_id("course-new").click()
    dialog = page.get_by_role("dialog")
    _field(dialog, "course-name").fill(COURSE)
    _field(dialog, "course-price").fill("3000.00")
    _field(dialog, "course-validity").fill("365")
    item = dialog.get_by_test_id("course-item").first
    choose(item, "Treatment", TREATMENT)
    _field(item, "course-item-sessions").fill("3")
    with page.expect_response(_writes("/api/v1/catalog/courses")) as created:
        dialog.get_by_test_id("course-save").click()
    assert created.value.status == 201, created.value.text()
    expect(page.locator(f'[data-testid="course-row"][data-name="{COURSE}"]')).to_contain_text("3 sessions")
    watched.shot("first-07-course")


def _commission_rule(watched: Watched) -> None:
    page = watched.page
    page.get_by_role("link", name="Commission rules").click()
    page.get_by_test_id("rule-add").click()
    form = page.get_by_test_id("rule-form")
    form.get_by_label("Name").fill("Toxina 10 %")
    choose(form.get_by_test_id("rule-target"), "Category", "Botulinum toxin")
    form.get_by_label("Base rate").fill("10")
    with page.expect_response(_writes("/api/v1/commissions/rules")) as saved:
        form.get_by_test_id("rule-save").click()
    assert saved.value.status == 201, saved.value.text()
    expect(page.locator('[data-testid="rule"][data-name="Toxina 10 %"]')).to_have_count(1)


def _invites(watched: Watched) -> None:
    page = watched.page
    page.get_by_role("link", name="Invites").click()
    for number, role in ((DOCTOR_PHONE, "Doctor"), (DESK_PHONE, "Receptionist")):
        page.get_by_label("Mobile number").fill(number)
        choose(page.locator("main form").first, "Role", role)
        with page.expect_response(_writes("/api/v1/invites")) as sent:
            page.get_by_role("button", name="Send invite").click()
        assert sent.value.status == 201, sent.value.text()
        expect(page.get_by_role("row").filter(has_text=role)).to_contain_text("Pending")
    watched.shot("first-08-invites")


def _invite_links(server: Server) -> dict[str, str]:
    """The accept links the worker sent, by the phone (as typed) they went to."""
    wanted = {re.sub(r"[^\d+]", "", number): number for number in (DOCTOR_PHONE, DESK_PHONE)}
    outbox = server.var / "notifications" / "outbox.jsonl"
    deadline = time.monotonic() + 60
    links: dict[str, str] = {}
    while time.monotonic() < deadline and len(links) < len(wanted):
        for row in outbox.read_text().splitlines() if outbox.is_file() else []:
            message = json.loads(row)
            found = re.search(r"accept-invite\?token=[\w-]+", message["body"])
            if message["to"] in wanted and found:
                links[wanted[message["to"]]] = f"/{found.group(0)}"
        time.sleep(0.5)
    assert set(links) == set(wanted.values()), f"invites sent: {links}"
    return links


def _joined(
    watched: Watched, server: Server, link: str, given: str, family: str, *, second_factor: bool
) -> None:
    """A new colleague opens the link, chooses a name and a password and signs in."""
    page = watched.page
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Clínica Ipê Moema")
    page.get_by_label("Given name").fill(given)
    page.get_by_label("Family name").fill(family)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_test_id("invite-accept").click()
    expect(page.get_by_test_id("invite-joined")).to_contain_text("Clínica Ipê Moema")
    page.get_by_role("link", name="Go to sign in").click()
    number = DOCTOR_PHONE if given == "Renata" else DESK_PHONE
    sign_in(page, number, PASSWORD)
    if second_factor:
        totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)


def _licence_recorded(watched: Watched) -> None:
    page = watched.page
    page.get_by_role("button", name="Account").click()
    page.get_by_test_id("user-menu-licences").click()
    form = page.get_by_test_id("licence-form")
    choose(form, "Council", "CRM: Regional Council of Medicine (Brazil)")
    form.get_by_label("Registration number").fill(CRM)
    form.get_by_label("State or region").fill("SP")
    form.get_by_label("Specialty").fill("Dermatologia")
    form.get_by_label("Valid until").fill(_days_ahead(700))
    form.get_by_role("button", name="Record licence").click()
    expect(page.get_by_test_id(f"my-licence-{CRM}")).to_contain_text("Waiting for verification")
    watched.shot("first-10-doctor-licence")


def _hours_and_licence_check(watched: Watched, doctor: str) -> None:
    """The doctor works 08:00-20:00 on weekdays; clinical acts need a verified licence."""
    page = watched.page
    page.get_by_role("link", name="Working hours").click()
    choose(page.locator("main"), "Practitioner", doctor)
    monday = page.get_by_test_id("hours-day-0")
    expect(monday).to_contain_text("Not working")
    monday.get_by_test_id("hours-window-add").click()
    monday.get_by_test_id("hours-window-start").select_option("08:00")
    monday.get_by_test_id("hours-window-end").select_option("20:00")
    page.get_by_test_id("hours-copy-monday").click()
    page.get_by_test_id("hours-save").click()
    expect(page.get_by_role("status").filter(has_text="Working hours saved.")).to_be_visible()
    expect(page.get_by_test_id("hours-day-4").get_by_test_id("hours-window")).to_have_count(1)
    watched.shot("first-12-doctor-hours")

    page.get_by_role("link", name="Licences").click()
    with page.expect_response(_writes("/api/v1/clinics/me", "PATCH")) as saved:
        page.get_by_test_id("licence-check").get_by_role("checkbox").check()
    assert saved.value.status == 200 and saved.value.json()["licence_check"] is True
    expect(page.get_by_test_id(f"licence-{CRM}")).to_contain_text("Waiting for verification")
    watched.shot("first-13-licence-check-on")


def _first_patient(watched: Watched) -> dict[str, Any]:
    page = watched.page
    page.get_by_role("link", name="Patients").click()
    page.get_by_test_id("patient-register-open").click()
    dialog = page.get_by_test_id("patient-register")
    for label, value in (
        ("Given name", "Joana"),
        ("Family name", "Pereira"),
        ("Birth date", "1990-05-17"),
        ("Mobile phone", "(11) 98111-2233"),
    ):
        dialog.get_by_label(re.compile(rf"^{re.escape(label)}(\s*\*)?$")).fill(value)
    decisions = {"treatment": "Agrees", "clinical_photos": "Agrees", "marketing_messages": "Declines"}
    for purpose, answer in decisions.items():
        dialog.get_by_test_id(f"consent-{purpose}").get_by_label(answer, exact=True).check()
    watched.shot("first-14-first-patient")
    with page.expect_response(_writes("/api/v1/patients")) as registered:
        page.get_by_test_id("register-submit").click()
    assert registered.value.status == 201, registered.value.text()
    patient: dict[str, Any] = registered.value.json()
    return patient


def _first_booking(watched: Watched, patient: dict[str, Any], treatment: dict[str, Any]) -> None:
    page = watched.page
    day = _next_weekday(dt.datetime.now(tz=ZONE).date())
    page.goto(f"/calendar?date={day.isoformat()}")
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("button", name="New appointment").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Patient", exact=True).fill(patient["given_name"])
    dialog.get_by_role("option").filter(has_text=patient["chart_number"]).click()
    choose(dialog, "Treatment", f"{TREATMENT} ({treatment['duration_minutes']} min)")
    slots = dialog.get_by_test_id("booking-slots").get_by_role("button")
    expect(slots.first).to_be_visible(timeout=15_000)
    slots.first.click()
    watched.shot("first-15-booking")
    with page.expect_response(_writes("/api/v1/calendar/appointments")) as booked:
        dialog.get_by_role("button", name="Book").click()
    assert booked.value.status == 201, booked.value.text()
    name = f"{patient['given_name']} {patient['family_name']}"
    expect(page.locator(".fc-event", has_text=name)).to_be_visible()
    watched.shot("first-16-first-booking")


def _clinical_act_waits_for_the_licence(
    doctor: Watched, owner: Watched, patient: dict[str, Any], treatment: dict[str, Any]
) -> None:
    """The patient walks in; starting the treatment is refused, naming the licence, until
    the owner verifies it; then the consent form is signed and the treatment starts."""
    page = doctor.page
    page.goto(f"/patients?patient={patient['id']}")
    walk_in = page.get_by_test_id("visit-walk-in")
    expect(walk_in).to_be_visible()
    arabic(page)
    expect(walk_in).to_have_text("فتح زيارة دون موعد")
    doctor.shot("first-17a-walk-in-arabic-1440")
    phone(page)
    fits(page, "visits")
    doctor.shot("first-17b-walk-in-arabic-390")
    page.set_viewport_size(DESKTOP)
    arabic(page, on=False)
    walk_in.click()
    visit = page.get_by_test_id("visit").first
    expect(visit).to_have_attribute("data-status", "open")
    visit.get_by_test_id("session-service").select_option(label=treatment["name"])
    visit.get_by_test_id("session-create").click()
    panel = page.get_by_test_id("session-panel")
    with page.expect_response(_writes("/start")) as refused:
        panel.get_by_test_id("session-start").click()
    assert refused.value.status == 409 and refused.value.json()["code"] == "licence_required"
    expect(panel.get_by_test_id("session-error")).to_contain_text("CRM")
    doctor.shot("first-17c-refused-without-a-verified-licence")

    owner_page = owner.page
    owner_page.get_by_test_id(f"licence-verify-{CRM}").click()
    dialog = owner_page.get_by_role("dialog")
    dialog.get_by_label("How it was checked").fill("Consulta ao CRM-SP: ativo")
    dialog.get_by_test_id("licence-decision-confirm").click()
    expect(owner_page.get_by_test_id(f"licence-{CRM}")).to_contain_text("Verified")
    owner.shot("first-18-licence-verified")

    # Verified: the start now asks for the consent form, signed on the screen.
    panel.get_by_test_id("session-start").click()
    expect(panel.get_by_test_id("consent-body")).to_be_visible()
    pad = panel.get_by_test_id("signature-pad")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    assert box
    page.mouse.move(box["x"] + 30, box["y"] + 100)
    page.mouse.down()
    for step in range(1, 12):
        page.mouse.move(box["x"] + 30 + step * 25, box["y"] + 100 - (step % 3) * 30)
    page.mouse.up()
    panel.get_by_test_id("consent-submit").click()
    expect(panel.get_by_test_id("session-notice")).to_have_text("Consent signed.")
    panel.get_by_test_id("session-start").click()
    expect(panel.get_by_test_id("session-status")).to_have_text("In treatment", timeout=15_000)
    doctor.shot("first-19-treatment-started")
