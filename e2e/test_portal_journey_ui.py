"""The patient portal's whole journey on a phone (390x844), once in Portuguese at Lumière
São Paulo and once in Arabic (right to left) at the Riyadh clinic, against the real
server and its worker:

a new patient signs up, proves the phone with the code the worker sent (read from the
notification outbox), finds the clinic in the directory, books a free time of a
treatment that needs a consent form and a 20 % deposit (shown before confirming) →
the clinic's receptionist, signed in to the staff calendar in another browser before the
booking, sees it appear without reloading (WebSocket) with its portal badge → the
patient opens how to pay the deposit (a Pix QR at São Paulo, the desk at Riyadh), the
receptionist takes it from the appointment's dialog and the patient's list says it is
paid → the patient reads and signs the form by drawing on the pad; the consent form is
on the clinic's record as signed on the portal → the patient moves the
appointment, downloads a copy of their data and withdraws marketing consent, which the
receptionist's chart (staff UI) shows.

Every portal page visited is checked with axe-core: no serious or critical violation.
Screenshots: ``test-results/e2e/journey-<language>-*.png`` (phone, a few at 1440x900)."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import Page, expect

from support import RIYADH, SAO_PAULO, ZONES, Server, Watched, api_errors, api_with_totp, sign_in
from test_portal_ui import DESKTOP, PHONE_SIZE, _axe, _code, _fits, _language

pytestmark = pytest.mark.timeout(1800)


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # the phone code goes out through the worker


@dataclass(frozen=True)
class Journey:
    """One run of the journey: the language, the clinic, the new patient and the words
    the pages of that language say."""

    language: str
    direction: str
    clinic: str  # the start of the demo clinic's name (``support``)
    city: str
    phone: str
    e164: str
    country: str
    national_id: str
    given_name: str
    family_name: str
    words: dict[str, str]


PORTUGUESE = Journey(
    language="pt-br",
    direction="ltr",
    clinic=SAO_PAULO,
    city="São Paulo",
    phone="+55 11 97777-4411",
    e164="+5511977774411",
    country="BR",
    national_id="111.444.777-35",
    given_name="Marina",
    family_name="Albuquerque",
    words={
        "directory": "Encontre uma clínica",
        "verify": "Verifique seu celular",
        "appointments": "Minhas consultas",
        "booked": "Sua consulta está agendada.",
        "form": "Termo de consentimento",
        "signed": "Obrigado: o termo de consentimento está assinado. A clínica já o vê.",
        "moved": "Sua consulta foi remarcada.",
        "my data": "Meus dados",
        "copy ready": "Sua cópia está pronta para baixar abaixo.",
        "consent saved": "Sua escolha foi salva. A clínica já a vê.",
    },
)
ARABIC = Journey(
    language="ar",
    direction="rtl",
    clinic=RIYADH,
    city="Riyadh",
    phone="+966 50 777 4412",
    e164="+966507774412",
    country="SA",
    national_id="1087654321",
    given_name="ريم",
    family_name="القحطاني",
    words={
        "directory": "ابحث عن عيادة",
        "verify": "تحقّق من رقم جوالك",
        "appointments": "مواعيدي",
        "booked": "تم حجز موعدك.",
        "form": "نموذج الموافقة",
        "signed": "شكرًا لك: تم توقيع نموذج الموافقة، والعيادة تراه الآن.",
        "moved": "تم نقل موعدك.",
        "my data": "بياناتي",
        "copy ready": "نسختك جاهزة للتنزيل أدناه.",
        "consent saved": "تم حفظ اختيارك. العيادة تراه الآن.",
    },
)
PASSWORD = "Pitanga-Serena-74"  # noqa: S105 - the test's own new accounts


def _look(watched: Watched, journey: Journey, name: str) -> None:
    """axe-core on the page as it is, then its screenshot (``journey-<language>-<name>``)."""
    _axe(watched.page)
    watched.shot(f"journey-{journey.language}-{name}")


def _title(page: Page, text: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def _consent_treatments(desk: httpx.Client) -> set[str]:
    """Ids of the clinic's active treatments that need a signed consent form."""
    rows = desk.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 100}).json()[
        "results"
    ]
    return {row["id"] for row in rows if row["requires_consent"]}


def _free_day(server: Server, journey: Journey, slug: str, service: str) -> str | None:
    """The first day, from the day after tomorrow (clinic time, outside the 24-hour change
    window), with a free time of ``service``; ``None`` in the next two weeks."""
    today = dt.datetime.now(tz=ZONES[journey.clinic]).date()
    for ahead in range(2, 16):
        day = (today + dt.timedelta(days=ahead)).isoformat()
        fragment = httpx.get(
            f"{server.base}/portal/clinics/{slug}/slots/", params={"service": service, "day": day}, timeout=20
        )
        assert fragment.status_code == 200
        if 'name="starts_at"' in fragment.text:
            return day
    return None


def _sign_up(watched: Watched, server: Server, journey: Journey) -> None:
    page = watched.page
    page.goto("/portal/")
    _language(page, journey.language, journey.direction)
    _title(page, journey.words["directory"])
    _axe(page)
    page.locator('a[href="/portal/signup/"]').first.click()
    page.locator("#phone").fill(journey.phone)
    page.locator("#password").fill(PASSWORD)
    page.locator("#given_name").fill(journey.given_name)
    page.locator("#family_name").fill(journey.family_name)
    page.locator("#birth_date").fill("1992-05-17")
    page.locator("#national_id_country").select_option(journey.country)
    page.locator("#national_id").fill(journey.national_id)
    _fits(page)
    _look(watched, journey, "01-sign-up-390")
    page.locator("main form button[type=submit]").click()

    _title(page, journey.words["verify"])
    _look(watched, journey, "02-verify-390")
    page.locator("#code").fill(_code(server, to=journey.e164))
    page.locator("main form button[type=submit]").first.click()
    _title(page, journey.words["directory"])


def _find_the_clinic(watched: Watched, journey: Journey) -> str:
    """Search the directory by city, open the clinic's page; its slug."""
    page = watched.page
    page.locator("#city").fill(journey.city)
    page.locator("form.search button[type=submit]").click()
    _look(watched, journey, "03-directory-390")
    page.locator("ul.cards a", has_text=journey.clinic).first.click()
    expect(page).to_have_title(re.compile(re.escape(journey.clinic)))
    _fits(page)
    _look(watched, journey, "04-clinic-390")
    page.set_viewport_size(DESKTOP)
    _look(watched, journey, "04-clinic-1440")
    page.set_viewport_size(PHONE_SIZE)
    return page.url.rstrip("/").split("/")[-1]


def _pick_treatment(
    server: Server, journey: Journey, page: Page, slug: str, needs_form: set[str]
) -> tuple[str, str]:
    """A treatment of the booking page that needs a consent form and has a free day."""
    options = page.locator("#service option").evaluate_all("(options) => options.map((o) => o.value)")
    for service in [value for value in options if value in needs_form]:
        day = _free_day(server, journey, slug, service)
        if day is not None:
            return service, day
    raise AssertionError("no treatment that needs a consent form has a free time in two weeks")


def _ask_a_deposit(server: Server, journey: Journey, service: str) -> None:
    """The clinic's owner makes ``service`` ask for a 20 % deposit (as on the catalog
    screen), before the patient books it."""
    owner = api_with_totp(server, "owner", journey.clinic)
    changed = owner.patch(
        f"/api/v1/catalog/services/{service}", json={"deposit_kind": "percent", "deposit_value": "20"}
    )
    assert changed.status_code == 200, changed.text


def _deposit_step(watched: Watched, receptionist: Watched, journey: Journey, appointment_id: str) -> None:
    """The booking asked for a deposit: the patient opens how to pay it (at São Paulo a Pix
    QR and its copy-and-paste code for the exact amount; at Riyadh, where the clinic takes
    no QR payment, the desk), the receptionist takes it in the appointment's dialog on the
    live calendar, and the patient's list then says it is paid."""
    page = watched.page
    card = page.locator(f'[data-appointment="{appointment_id}"]')
    expect(card.locator('a[href$="/deposit/"]')).to_be_visible()
    card.locator('a[href$="/deposit/"]').click()
    expect(page.locator("main strong", has=page.locator("bdi"))).to_be_visible()  # "Deposit due X"
    codes = page.locator("textarea.payload")
    if journey.country == "BR":
        expect(codes).to_have_count(1)
        payload = codes.input_value()
        assert payload.startswith("000201") and "br.gov.bcb.pix" in payload, payload
    else:
        expect(codes).to_have_count(0)
        expect(page.locator('main a[href^="tel:"]')).to_be_visible()  # pay at the desk, or call
    _fits(page)
    _look(watched, journey, "06b-deposit-390")

    desk = receptionist.page
    event = desk.locator(".fc-event", has_text=journey.given_name)
    deposit = desk.get_by_role("dialog").get_by_test_id("appointment-deposit")
    for _attempt in range(3):  # a click while the live calendar re-renders: click again
        event.click()
        try:
            expect(deposit).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            continue
    expect(deposit.get_by_test_id("deposit-state")).to_have_attribute("data-status", "due")
    deposit.get_by_test_id("deposit-take").click()
    deposit.locator('input[name="deposit-method"]').first.check()
    deposit.get_by_test_id("deposit-confirm").click()
    expect(deposit.get_by_test_id("deposit-state")).to_have_attribute("data-status", "paid")
    receptionist.shot(f"journey-{journey.language}-06c-desk-deposit-taken")
    desk.keyboard.press("Escape")
    expect(desk.get_by_role("dialog")).to_have_count(0)

    page.goto("/portal/me/appointments/")
    expect(card.locator("p.notice")).to_be_visible()  # "Deposit paid X"
    _look(watched, journey, "06d-deposit-paid-390")


def _receptionist_on_the_day(receptionist: Watched, server: Server, journey: Journey, day: str) -> None:
    """The clinic's receptionist, signed in to the staff calendar on ``day`` (live)."""
    page = receptionist.page
    sign_in(page, *server.login("receptionist", journey.clinic))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=30_000)
    page.goto(f"/calendar?date={day}")
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("calendar-live")).to_have_attribute("data-live", "true", timeout=15_000)


def _book(watched: Watched, journey: Journey, service: str, day: str) -> str:
    """Book the first free time of ``service`` on ``day``; the appointment's id."""
    page = watched.page
    page.locator("main a.button").first.click()  # "Book a time"
    page.locator("#service").select_option(service)
    with page.expect_response(lambda r: "/slots/" in r.url and f"day={day}" in r.url and r.status == 200):
        page.locator("#day").fill(day)
    expect(page.locator("#day")).to_have_value(day)
    expect(page.locator("#deposit-note strong")).to_be_visible()  # the deposit, before confirming
    page.locator('input[name="starts_at"]').first.check()
    page.locator('input[name="consent_treatment"]').check()
    page.locator('input[name="consent_marketing_messages"]').check()  # withdrawn later on My data
    _fits(page)
    _look(watched, journey, "05-book-390")
    page.locator("form#book button[type=submit]").click()

    _title(page, journey.words["appointments"])
    expect(page.get_by_role("status")).to_have_text(journey.words["booked"])
    callout = page.locator("p.callout a.button")
    expect(callout).to_be_visible()
    _fits(page)
    _look(watched, journey, "06-booked-390")
    return callout.get_attribute("href").rstrip("/").split("/")[-2]


def _sign_the_form(watched: Watched, journey: Journey) -> None:
    """From My appointments: read the form, draw a signature on the pad."""
    page = watched.page
    page.locator("a.button[href$='/consent-form/']").first.click()
    _title(page, journey.words["form"])
    expect(page.locator("article.wording h2")).not_to_be_empty()
    pad = page.locator("canvas[data-signature-pad]")
    expect(pad).to_be_visible()
    _fits(page)
    _look(watched, journey, "07-consent-form-390")
    pad.scroll_into_view_if_needed()
    box = pad.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 30, box["y"] + box["height"] * 0.6)
    page.mouse.down()
    for step in range(1, 25):
        x = box["x"] + 30 + step * (box["width"] - 60) / 24
        y = box["y"] + box["height"] * (0.6 - 0.25 * ((step % 6) / 5))
        page.mouse.move(x, y, steps=2)
    page.mouse.up()
    _look(watched, journey, "08-consent-form-drawn-390")
    page.set_viewport_size(DESKTOP)
    _look(watched, journey, "08-consent-form-1440")
    page.set_viewport_size(PHONE_SIZE)
    page.locator("form[data-signature-form] button[type=submit]").click()
    _title(page, journey.words["appointments"])
    expect(page.get_by_role("status")).to_have_text(journey.words["signed"])
    expect(page.locator("a.button[href$='/consent-form/']")).to_have_count(0)


def _move(watched: Watched, journey: Journey, desk: httpx.Client, appointment_id: str) -> None:
    """Move the appointment to another free time of its practitioner (the desk sees it)."""
    page = watched.page
    page.locator(f'[data-appointment="{appointment_id}"] a[href$="/reschedule/"]').click()
    today = dt.datetime.now(tz=ZONES[journey.clinic]).date()
    for ahead in range(2, 16):
        day = (today + dt.timedelta(days=ahead)).isoformat()
        fragment = page.request.get(f"/portal/me/appointments/{appointment_id}/reschedule/slots/?day={day}")
        if 'name="starts_at"' in fragment.text():
            break
    else:
        raise AssertionError("no free time to move to in two weeks")
    with page.expect_response(
        lambda r: "/reschedule/slots/" in r.url and f"day={day}" in r.url and r.status == 200
    ):
        page.locator("#day").fill(day)
    other = page.locator('input[name="starts_at"]').last
    new_start = other.get_attribute("value")
    other.check()
    _fits(page)
    _look(watched, journey, "09-move-390")
    page.locator("main form button[type=submit]").last.click()
    expect(page.get_by_role("status")).to_have_text(journey.words["moved"])
    moved = desk.get(f"/api/v1/calendar/appointments/{appointment_id}").json()
    assert dt.datetime.fromisoformat(moved["starts_at"]) == dt.datetime.fromisoformat(new_start)


def _copy_and_withdraw_marketing(watched: Watched, journey: Journey) -> None:
    """My data: a copy of the data (JSON) downloaded, marketing messages withdrawn."""
    page = watched.page
    page.locator('nav a[href="/portal/me/data/"]').click()
    _title(page, journey.words["my data"])
    page.locator('form[action$="/export/"] button').first.click()
    expect(page.get_by_role("status")).to_have_text(journey.words["copy ready"])
    with page.expect_download() as copy:
        page.locator('a[href$=".json"]').first.click()
    document = json.loads(copy.value.path().read_text())
    assert document["person"]["given_name"] == journey.given_name
    _fits(page)
    _look(watched, journey, "10-my-data-390")
    marketing = page.locator("li.row", has=page.locator('input[name="purpose"][value="marketing_messages"]'))
    expect(marketing.locator('input[name="decision"]')).to_have_value("withdrawn")  # granted at booking
    marketing.locator("button[type=submit]").click()
    expect(page.get_by_role("status")).to_have_text(journey.words["consent saved"])
    _look(watched, journey, "11-my-data-withdrawn-390")
    page.set_viewport_size(DESKTOP)
    _look(watched, journey, "11-my-data-1440")
    page.set_viewport_size(PHONE_SIZE)


@pytest.mark.parametrize("journey", [PORTUGUESE, ARABIC], ids=["pt-br-sao-paulo", "ar-riyadh"])
def test_a_new_patient_books_signs_moves_and_manages_their_data_while_the_desk_watches(
    server: Server, open_page, journey: Journey
) -> None:
    desk = server.api("receptionist", journey.clinic)
    needs_form = _consent_treatments(desk)
    assert needs_form, "the demo clinic has no treatment that needs a consent form"

    patient = open_page()
    page = patient.page
    failures = api_errors(patient)
    page.on(
        "response",
        lambda r: failures.append(f"{r.status} {r.url}") if "/portal/" in r.url and r.status >= 400 else None,
    )
    page.set_viewport_size(PHONE_SIZE)
    _sign_up(patient, server, journey)
    slug = _find_the_clinic(patient, journey)
    page.locator("main a.button").first.click()
    service, day = _pick_treatment(server, journey, page, slug, needs_form)
    _ask_a_deposit(server, journey, service)
    page.go_back()

    # The receptionist's calendar is open on that day before the patient books.
    receptionist = open_page()
    _receptionist_on_the_day(receptionist, server, journey, day)

    appointment_id = _book(patient, journey, service, day)
    booked_at = time.monotonic()
    seen = desk.get(f"/api/v1/calendar/appointments/{appointment_id}").json()
    assert seen["source"] == "portal" and seen["service_id"] == service
    name = f"{journey.given_name} {journey.family_name}"
    event = receptionist.page.locator(".fc-event", has_text=journey.given_name)
    expect(event).to_be_visible(timeout=10_000)  # no reload: the calendar's socket
    live_seconds = time.monotonic() - booked_at
    expect(event.get_by_test_id("portal-badge")).to_be_visible()
    assert seen["patient_name"] == name
    event.scroll_into_view_if_needed()
    receptionist.shot(f"journey-{journey.language}-12-desk-calendar-live")
    _deposit_step(patient, receptionist, journey, appointment_id)

    _sign_the_form(patient, journey)
    forms = desk.get("/api/v1/clinic/consent-forms", params={"patient": seen["patient_id"]}).json()["results"]
    assert [(f["channel"], f["method"], f["recorded_by_id"]) for f in forms] == [("portal", "drawn", None)]
    assert forms[0]["service_id"] == service

    _move(patient, journey, desk, appointment_id)
    _copy_and_withdraw_marketing(patient, journey)

    # The clinic's chart (staff UI) shows marketing messages withdrawn, on the portal.
    staff = receptionist.page
    staff.goto(f"/patients?patient={seen['patient_id']}")
    staff.get_by_test_id("chart-tab-consents").click()
    marketing = staff.locator('[data-testid="consent-purpose"][data-purpose="marketing_messages"]')
    expect(marketing).to_have_attribute("data-decision", "withdrawn", timeout=15_000)
    marketing.scroll_into_view_if_needed()
    receptionist.shot(f"journey-{journey.language}-13-desk-chart-consents")
    state = desk.get(f"/api/v1/patients/{seen['patient_id']}/consents").json()["current"]
    assert state["marketing_messages"]["channel"] == "portal"

    print(f"{journey.language}: the booking reached the receptionist's calendar in {live_seconds:.2f} s")
    assert failures == []
    patient.assert_clean()
    receptionist.assert_clean()
