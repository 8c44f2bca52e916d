"""The patient portal on a phone, in Chromium against the real server and its worker: a
new patient signs up in Portuguese, proves the phone with the code the worker sent (read
from the notification outbox), finds Lumière São Paulo in the directory, books a free
time, and finds it under "my appointments"; the clinic's staff API shows the booking
with ``source=portal``. The patient moves it, adds it to a calendar, downloads a copy of
their data and withdraws marketing consent, which the clinic's chart shows. The pages are
then looked at at 1440x900 and in Arabic (right to left). A second patient resets the
password by SMS code and turns on an authenticator app. Screenshots:
``test-results/e2e/portal-*.png``.

Every portal page visited is checked with axe-core (the root devDependency's
``axe.min.js``, injected into each page): no serious or critical violation (WCAG 2.2 AA
rules and best practices)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import re
import struct
import time

import httpx
import pytest
from playwright.sync_api import Locator, Page, expect

from support import REPO, SAO_PAULO, ZONES, Server, Watched, api_errors

pytestmark = pytest.mark.timeout(1800)

PHONE = "+55 11 97777-4401"
E164 = "+5511977774401"
PASSWORD = "Jabuticaba-Azul-58"  # noqa: S105 - the test's own new account
CPF = "390.533.447-05"
CLINIC = "Lumière São Paulo (Jardins)"
DESKTOP = {"width": 1440, "height": 900}
PHONE_SIZE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # the phone code goes out through the worker


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
#: The rule sets axe-core runs: WCAG 2.0-2.2 A and AA, and its best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def _axe(page: Page) -> None:
    """No serious or critical axe-core violation on the page as it is now. axe-core is
    evaluated into the page through the browser's debugging protocol, which the pages'
    Content-Security-Policy does not apply to (a script tag would be refused)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        assert AXE.is_file(), "axe-core is missing: npm ci"
        page.evaluate(AXE.read_text() + "\n;typeof window.axe")
    violations = page.evaluate(
        """async (tags) => {
            const result = await window.axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map((v) => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
            }));
        }""",
        AXE_TAGS,
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], (page.url, serious)


def _look(watched: Watched, name: str) -> None:
    """Check the page with axe-core, then take its screenshot."""
    _axe(watched.page)
    watched.shot(name)


def _language(page: Page, code: str, direction: str = "ltr") -> None:
    page.get_by_label(re.compile("Language|Idioma|اللغة")).select_option(code)
    with page.expect_navigation():
        page.locator("form.language button").click()
    expect(page.locator("html")).to_have_attribute("lang", code)
    expect(page.locator("html")).to_have_attribute("dir", direction)


def _code(server: Server, timeout: float = 60, to: str = E164, nth: int = 1) -> str:
    """The ``nth`` code sent by SMS to ``to`` (waits for the worker)."""
    outbox = server.var / "notifications" / "outbox.jsonl"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = [json.loads(row) for row in (outbox.read_text().splitlines() if outbox.is_file() else [])]
        codes = [re.search(r"\b(\d{6})\b", m["body"]).group(1) for m in rows if m["to"] == to]
        if len(codes) >= nth:
            return codes[nth - 1]
        time.sleep(0.5)
    raise AssertionError("no phone code in the outbox")


def _free_day(server: Server, slug: str, service: str) -> str:
    """The first day the portal offers a free time for, from the day after tomorrow (clinic
    time): the appointment stays outside the clinic's 24-hour change window, so it can be
    moved."""
    today = dt.datetime.now(tz=ZONES[SAO_PAULO]).date()
    for ahead in range(2, 16):
        day = (today + dt.timedelta(days=ahead)).isoformat()
        fragment = httpx.get(
            f"{server.base}/portal/clinics/{slug}/slots/", params={"service": service, "day": day}, timeout=20
        )
        assert fragment.status_code == 200
        if 'name="starts_at"' in fragment.text:
            return day
    raise AssertionError("no free time in two weeks")


def _free_day_to_move(page: Page, appointment_id: str) -> str:
    """The first day (from tomorrow, clinic time) the appointment's practitioner has a free
    time on, asked as the page's HTMX fragment is (the patient's own session)."""
    today = dt.datetime.now(tz=ZONES[SAO_PAULO]).date()
    for ahead in range(1, 15):
        day = (today + dt.timedelta(days=ahead)).isoformat()
        fragment = page.request.get(f"/portal/me/appointments/{appointment_id}/reschedule/slots/?day={day}")
        assert fragment.status == 200
        if 'name="starts_at"' in fragment.text():
            return day
    raise AssertionError("no free time to move to in two weeks")


def _swapped(field: Locator) -> None:
    """HTMX has put the answer in the page (the asking field loses ``htmx-request`` once
    the free times are swapped in): a time checked earlier would be in the old list."""
    expect(field).not_to_have_class(re.compile(r"\bhtmx-request\b"))


def _fits(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"page is {width}px wide"


def _move_and_manage_my_data(
    watched: Watched, desk: httpx.Client, appointment_id: str, patient_id: str
) -> None:
    """The booked patient moves the appointment (the desk sees the new time), adds it to a
    calendar, downloads a copy of their data and withdraws marketing consent (the desk's
    chart shows it), then opens their courses and invoices."""
    page = watched.page
    # Move it to another free time of the same day, through the staff's move service.
    page.locator("[data-appointment]").first.get_by_role("link", name="Remarcar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Remarcar a consulta")
    day = _free_day_to_move(page, appointment_id)
    with page.expect_response(lambda r: "/reschedule/slots/" in r.url and r.status == 200):
        page.get_by_label("Novo dia").fill(day)
    _swapped(page.get_by_label("Novo dia"))
    other = page.locator('input[name="starts_at"]').last
    new_start = other.get_attribute("value")
    other.check()
    _fits(page)
    _look(watched, "portal-08-move-390")
    page.get_by_role("button", name="Mudar para este horário").click()
    expect(page.get_by_role("status")).to_have_text("Sua consulta foi remarcada.")
    moved = desk.get(f"/api/v1/calendar/appointments/{appointment_id}").json()
    assert dt.datetime.fromisoformat(moved["starts_at"]) == dt.datetime.fromisoformat(new_start)
    with page.expect_download() as ics:
        page.locator("[data-appointment]").first.get_by_role("link", name="Adicionar à agenda").click()
    text = ics.value.path().read_text()
    assert "BEGIN:VEVENT" in text and f"UID:{appointment_id}@aesthetixos" in text

    # My data: a copy of the data, then marketing messages withdrawn, seen on the chart.
    page.get_by_role("link", name="Meus dados").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meus dados")
    page.get_by_role("button", name="Gerar uma cópia agora").click()
    expect(page.get_by_role("status")).to_have_text("Sua cópia está pronta para baixar abaixo.")
    with page.expect_download() as copy:
        page.get_by_role("link", name="JSON").first.click()
    document = json.loads(copy.value.path().read_text())
    assert document["person"]["given_name"] == "Larissa"
    marketing = page.locator("li.row", has_text="Mensagens de marketing")
    _fits(page)
    _look(watched, "portal-09-my-data-390")
    expect(marketing).to_contain_text("Permitido")
    marketing.get_by_role("button", name=re.compile("^Retirar")).click()
    expect(page.get_by_role("status")).to_have_text("Sua escolha foi salva. A clínica já a vê.")
    chart = desk.get(f"/api/v1/patients/{patient_id}/consents")
    assert chart.status_code == 200, chart.text
    assert chart.json()["current"]["marketing_messages"]["decision"] == "withdrawn"
    assert chart.json()["current"]["marketing_messages"]["channel"] == "portal"
    page.get_by_role("link", name="Pacotes e faturas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Pacotes e faturas")
    _fits(page)
    _look(watched, "portal-10-courses-and-invoices-390")


def _wide_and_arabic(watched: Watched, slug: str) -> None:
    """The clinic's page at 1440 px, then the clinic, my appointments and my data in
    Arabic (right to left) on a phone."""
    page = watched.page
    page.set_viewport_size(DESKTOP)
    page.goto(f"/portal/clinics/{slug}/")
    _look(watched, "portal-05-clinic-1440")

    page.set_viewport_size(PHONE_SIZE)
    _language(page, "ar", "rtl")
    expect(page.get_by_role("heading", name="العلاجات")).to_be_visible()
    _fits(page)
    _look(watched, "portal-06-clinic-arabic-390")
    page.goto("/portal/me/appointments/")
    expect(page.get_by_role("heading", level=1)).to_have_text("مواعيدي")
    _look(watched, "portal-07-my-appointments-arabic-390")
    page.goto("/portal/me/data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("بياناتي")
    _fits(page)
    _look(watched, "portal-11-my-data-arabic-390")


def test_a_new_patient_signs_up_in_portuguese_and_books_a_free_time(server: Server, open_page) -> None:
    watched: Watched = open_page()
    page = watched.page
    failures = api_errors(watched)
    page.on(
        "response",
        lambda r: failures.append(f"{r.status} {r.url}") if "/portal/" in r.url and r.status >= 400 else None,
    )
    page.set_viewport_size(PHONE_SIZE)

    page.goto("/portal/")
    _language(page, "pt-br")
    expect(page.get_by_role("heading", level=1)).to_have_text("Encontre uma clínica")
    _axe(page)
    page.get_by_role("link", name="Criar uma conta").click()
    page.get_by_label("Celular").fill(PHONE)
    page.get_by_label("Senha").fill(PASSWORD)
    page.get_by_label("Nome", exact=True).fill("Larissa")
    page.get_by_label("Sobrenome").fill("Teixeira")
    page.get_by_label("Data de nascimento").fill("1993-08-21")
    page.get_by_label("País do seu documento").select_option("BR")
    page.get_by_label(re.compile("^Documento nacional")).fill(CPF)
    _look(watched, "portal-01-sign-up-390")
    page.get_by_role("button", name="Criar conta").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Verifique seu celular")
    _axe(page)
    page.get_by_label("Código").fill(_code(server))
    page.get_by_role("button", name="Verificar").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Encontre uma clínica")
    page.get_by_label("Cidade").fill("São Paulo")
    page.get_by_role("button", name="Buscar").click()
    page.get_by_role("link", name=CLINIC).click()
    expect(page).to_have_title(re.compile(re.escape(CLINIC)))
    expect(page.get_by_role("heading", name="Tratamentos")).to_be_visible()
    expect(page.get_by_role("heading", name="Profissionais")).to_be_visible()
    _fits(page)
    _look(watched, "portal-02-clinic-390")

    page.get_by_role("link", name="Agendar um horário").click()
    treatment = page.get_by_label("Tratamento", exact=True)
    treatment.select_option(index=1)
    service = treatment.input_value()
    slug = page.url.rstrip("/").split("/")[-2]
    day = _free_day(server, slug, service)
    with page.expect_response(lambda r: "/slots/" in r.url and r.status == 200):
        page.get_by_label("Dia").fill(day)
    _swapped(page.get_by_label("Dia"))
    first = page.locator('input[name="starts_at"]').first
    first.check()
    page.locator('input[name="consent_treatment"]').check()
    marketing = page.locator('input[name="consent_marketing_messages"]')
    if marketing.count():
        marketing.check()
    _fits(page)
    _look(watched, "portal-03-book-390")
    page.get_by_role("button", name="Confirmar agendamento").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Minhas consultas")
    expect(page.get_by_role("status")).to_have_text("Sua consulta está agendada.")
    card = page.locator("[data-appointment]").first
    appointment_id = card.get_attribute("data-appointment")
    _look(watched, "portal-04-my-appointments-390")

    desk = server.api("receptionist", SAO_PAULO)
    seen = desk.get(f"/api/v1/calendar/appointments/{appointment_id}")
    assert seen.status_code == 200, seen.text
    assert seen.json()["source"] == "portal" and seen.json()["status"] == "booked"
    assert seen.json()["patient_name"] == "Larissa Teixeira"

    _move_and_manage_my_data(watched, desk, appointment_id, seen.json()["patient_id"])
    _wide_and_arabic(watched, slug)
    assert failures == []
    watched.assert_clean()


SECOND_PHONE = "+55 11 97777-4402"
SECOND_E164 = "+5511977774402"
SECOND_CPF = "529.982.247-25"
NEW_PASSWORD = "Caju-Dourado-63"  # noqa: S105 - the test's own account


def _totp(secret: str, at: float | None = None) -> str:
    """The RFC 6238 code (SHA-1, 30 s, 6 digits) of a base32 ``secret`` at ``at``."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((time.time() if at is None else at) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset : offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def _next_step() -> None:
    """Wait for the next 30 s time step: each authenticator code is accepted once."""
    time.sleep(30 - time.time() % 30 + 0.5)


def _sign_up_in_english(page: Page, server: Server) -> None:
    page.goto("/portal/signup/")
    page.get_by_label("Mobile number").fill(SECOND_PHONE)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Given name").fill("Renata")
    page.get_by_label("Family name").fill("Moura")
    page.get_by_label("Birth date").fill("1988-02-11")
    page.get_by_label(re.compile("^Country of your ID")).select_option("BR")
    page.get_by_label(re.compile("^National ID")).fill(SECOND_CPF)
    page.get_by_role("button", name="Create account").click()
    page.get_by_label("Code", exact=True).fill(_code(server, to=SECOND_E164))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Find a clinic")


def test_a_patient_turns_on_an_authenticator_and_resets_the_password(server: Server, open_page) -> None:
    watched: Watched = open_page()
    page = watched.page
    page.set_viewport_size(PHONE_SIZE)
    _sign_up_in_english(page, server)
    signed_up = time.monotonic()

    page.get_by_role("link", name="Security").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Security")
    _axe(page)
    page.get_by_role("button", name="Set up an authenticator app").click()
    expect(page.locator("figure.qr svg")).to_be_visible()
    secret = page.locator("code.secret").inner_text().strip()
    _fits(page)
    _look(watched, "portal-20-authenticator-390")
    page.set_viewport_size(DESKTOP)
    _look(watched, "portal-21-authenticator-1440")
    page.set_viewport_size(PHONE_SIZE)
    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_role("button", name="Turn on").click()
    expect(page.locator("#code-error")).to_be_visible()
    _axe(page)
    page.get_by_label("Code", exact=True).fill(_totp(secret))
    page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_role("status")).to_have_text("Two-factor authentication is on.")

    page.get_by_role("button", name="Sign out").click()
    page.goto("/portal/signin/")
    page.get_by_label("Mobile number").fill(SECOND_PHONE)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Authenticator code")
    _look(watched, "portal-22-sign-in-code-390")
    _next_step()
    page.get_by_label("Code", exact=True).fill(_totp(secret))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My appointments")

    _language(page, "ar", "rtl")
    page.goto("/portal/me/security/")
    expect(page.get_by_role("heading", level=1)).to_have_text("الأمان")
    _fits(page)
    _look(watched, "portal-23-security-arabic-390")
    _language(page, "en")
    page.get_by_role("button", name="Sign out").click()

    # A new code at most once a minute per number: the sign-up's went out just before.
    time.sleep(max(0.0, 61 - (time.monotonic() - signed_up)))
    page.goto("/portal/signin/")
    page.get_by_role("link", name="Forgot your password?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset your password")
    _look(watched, "portal-24-reset-390")
    page.get_by_label("Mobile number").fill(SECOND_PHONE)
    page.get_by_role("button", name="Send the code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Choose a new password")
    page.get_by_label("Code", exact=True).fill("000000")
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change the password").click()
    expect(page.locator("#code-error")).to_be_visible()
    _fits(page)
    _look(watched, "portal-25-reset-code-390")
    page.get_by_label("Code", exact=True).fill(_code(server, to=SECOND_E164, nth=2))
    page.get_by_label("New password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Change the password").click()
    expect(page.get_by_role("status")).to_have_text("Your password was changed. Sign in with the new one.")
    page.get_by_label("Mobile number").fill(SECOND_PHONE)
    page.get_by_label("Password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # The authenticator stays on after a reset.
    expect(page.get_by_role("heading", level=1)).to_have_text("Authenticator code")
    _language(page, "ar", "rtl")
    page.goto("/portal/password/reset/")
    _look(watched, "portal-26-reset-arabic-390")
    watched.assert_clean()
