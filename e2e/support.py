"""Helpers shared by the whole-flow tests: where things are, the demo logins ``demo_data``
prints (clinic, role, name, mobile number, password, 2FA), the server and page handles
the fixtures in ``conftest.py`` give, and free ports."""

from __future__ import annotations

import base64
import datetime as dt
import re
import socket
import zoneinfo
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from django_otp.oath import totp
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, Response, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

REPO = Path(__file__).resolve().parent.parent
BACKEND = REPO / "backend-core"
DIST = REPO / "dist"
ARTIFACTS = REPO / "test-results" / "e2e"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BANGKOK = "Lumière Bangkok"
BANGKOK_ZONE = zoneinfo.ZoneInfo("Asia/Bangkok")
SAO_PAULO = "Lumière São Paulo"
RIYADH = "Noor Aesthetics"
#: Each demo clinic's time zone, by the start of its name (as logins are looked up).
ZONES = {
    BANGKOK: BANGKOK_ZONE,
    SAO_PAULO: zoneinfo.ZoneInfo("America/Sao_Paulo"),
    RIYADH: zoneinfo.ZoneInfo("Asia/Riyadh"),
}
# The login page's language switch and labels, by the shell's language code.
LOGIN_LABELS = {
    "th": ("ไทย", "เบอร์มือถือ", "รหัสผ่าน", "เข้าสู่ระบบ"),
    "pt-BR": ("Português (Brasil)", "Celular", "Senha", "Entrar"),
    "ar": ("العربية", "رقم الجوال", "كلمة المرور", "تسجيل الدخول"),
}
# The two-factor enrolment page's code field and button, by the shell's language code.
ENROL_LABELS = {
    "en": ("Code from the app", "Turn on"),
    "th": ("รหัสจากแอป", "เปิดใช้งาน"),
    "pt-BR": ("Código do app", "Ativar"),
    "ar": ("الرمز من التطبيق", "تفعيل"),
}
# Chromium reports every non-2xx response on the console; those are answers the app
# handles (401 before a refresh, 409 of a refused move), not errors of the page.
NETWORK_NOISE = "Failed to load resource"


@dataclass
class Server:
    base: str
    logins: str
    #: The server's var folder (``AESTHETIX_VAR_DIR``): the file outbox of notifications.
    var: Path
    log: Path | None = None
    #: The object store's address when it is a separate S3 server, else "".
    s3_origin: str = ""

    def login(self, role: str, clinic: str = BANGKOK, person: str = "") -> tuple[str, str]:
        return login_of(self.logins, role, clinic, person)

    def name(self, role: str, clinic: str = BANGKOK, person: str = "") -> str:
        return name_of(self.logins, role, clinic, person)

    def api(self, role: str, clinic: str = BANGKOK, person: str = "") -> httpx.Client:
        """An API client signed in as a demo ``role`` (one without 2FA) at ``clinic``."""
        phone, password = self.login(role, clinic, person)
        client = httpx.Client(base_url=self.base, timeout=20)
        tokens = client.post("/api/v1/auth/token", json={"phone": phone, "password": password})
        assert tokens.status_code == 200, tokens.text
        client.headers["Authorization"] = f"Bearer {tokens.json()['access']}"
        me = client.get("/api/v1/users/me").json()
        client.headers["X-Clinic-Id"] = next(
            m["clinic_id"] for m in me["memberships"] if m["clinic_name"].startswith(clinic)
        )
        return client


@dataclass
class Watched:
    """A page and what went wrong on it: uncaught exceptions and console errors."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)

    def assert_clean(self) -> None:
        assert self.errors == []


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _login_row(output: str, role: str, clinic: str, person: str = "") -> list[str]:
    """The printed row (clinic, role, name, phone, password, 2FA) of the first ``role`` at
    a clinic whose name starts with ``clinic`` (and whose name starts with ``person``)."""
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if (
            len(cells) >= 5
            and cells[1] == role
            and cells[0].startswith(clinic)
            and cells[2].startswith(person)
        ):
            return cells
    raise AssertionError(f"no {role} login printed:\n{output}")


def login_of(output: str, role: str, clinic: str = "", person: str = "") -> tuple[str, str]:
    """Mobile number and password of the first printed ``role`` (at a clinic whose name
    starts with ``clinic``; named ``person…``)."""
    cells = _login_row(output, role, clinic, person)
    return cells[3], cells[4]


def name_of(output: str, role: str, clinic: str = "", person: str = "") -> str:
    """The full name of the user of ``login_of(output, role, clinic, person)``."""
    return _login_row(output, role, clinic, person)[2]


def sign_in(page: Page, phone: str, password: str) -> None:
    page.goto("/")
    page.get_by_label("Mobile number").fill(phone)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_in_in(page: Page, phone: str, password: str, language: str) -> None:
    """Switch the login page to ``language`` (a code of ``LOGIN_LABELS``; the shell keeps
    the choice), then sign in with that language's labels."""
    switch, phone_label, password_label, submit = LOGIN_LABELS[language]
    page.goto("/")
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name=switch).click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    page.get_by_label(phone_label).fill(phone)
    page.get_by_label(password_label).fill(password)
    page.get_by_role("button", name=submit).click()


def sign_in_arabic(page: Page, phone: str, password: str) -> None:
    """Switch the login page to Arabic (the whole layout turns right to left), then sign in
    with the Arabic labels."""
    page.goto("/")
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", name="تسجيل الدخول إلى AesthetixOS")).to_be_visible()
    page.get_by_label("رقم الجوال").fill(phone)
    page.get_by_label("كلمة المرور").fill(password)
    page.get_by_role("button", name="تسجيل الدخول").click()


def totp_secret(page: Page) -> str:
    """The key the enrolment page shows, once the server has made it (read earlier, it
    would be empty and every code wrong)."""
    shown = page.get_by_test_id("totp-secret")
    expect(shown).to_have_text(re.compile(r"^[A-Z2-7]{16,}$"))
    return shown.inner_text().strip()


def totp_enrol(page: Page, base: str, language: str = "en") -> bytes:
    """On the enrolment page a first sign-in of a 2FA role lands on (shown in
    ``language``, a code of ``ENROL_LABELS``): read the secret as an authenticator app
    would, turn TOTP on with the current code; returns the key."""
    expect(page).to_have_url(f"{base}/enrol")
    secret = totp_secret(page)
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    code, submit = ENROL_LABELS[language]
    page.get_by_label(code).fill(f"{totp(key):06d}")
    page.get_by_role("button", name=submit).click()
    return key


def api_with_totp(server: Server, role: str, clinic: str = BANGKOK) -> httpx.Client:
    """An API client of a demo ``role`` that needs the second factor (an owner, an admin):
    enrols the user's TOTP and passes it. Once per user: a second enrolment is refused."""
    return api_with_totp_key(server, role, clinic)[0]


def api_with_totp_key(server: Server, role: str, clinic: str = BANGKOK) -> tuple[httpx.Client, bytes]:
    """``api_with_totp``'s client and the TOTP key it enrolled, for the same user to sign
    in in a browser too (with ``totp(key, drift=1)``: the current step's code is spent)."""
    client = server.api(role, clinic)
    secret = client.post("/api/v1/auth/2fa/totp").json()["secret"]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    verified = client.post("/api/v1/auth/2fa/totp/confirm", json={"code": f"{totp(key):06d}"})
    assert verified.status_code == 200, verified.text
    client.headers["Authorization"] = f"Bearer {verified.json()['access']}"
    return client, key


def api_errors(watched: Watched, expected: Callable[[Response], bool] = lambda _response: False) -> list[str]:
    """The list every API answer of 400 and above the page gets is added to, but those
    ``expected`` (e.g. a 401 before a token refresh, when a flow expects it)."""
    failures: list[str] = []

    def on_response(response: Response) -> None:
        if "/api/" in response.url and response.status >= 400 and not expected(response):
            failures.append(f"{response.status} {response.request.method} {response.url}")

    watched.page.on("response", on_response)
    return failures


def free_time_click(page: Page, practitioner_id: str, local: dt.datetime) -> None:
    """Click the calendar's day grid (practitioner columns) at ``local`` (a time of the
    clinic's zone, on the grid's quarter hours) in the practitioner's column: the booking
    dialog opens with that time. The row is scrolled into view first."""
    lane = page.locator(f'.fc-timegrid-slot-lane[data-time="{local:%H:%M}:00"]')
    lane.scroll_into_view_if_needed()
    column = page.locator(f'.fc-col-header-cell[data-resource-id="{practitioner_id}"]').bounding_box()
    row = lane.bounding_box()
    assert column and row
    page.mouse.click(column["x"] + column["width"] / 2, row["y"] + row["height"] / 2)


@contextmanager
def page_opener(browser: Browser, base: str) -> Iterator[Callable[..., Watched]]:
    """Opens pages of the app at ``base``, each in a browser context of its own (its own
    cookies: another user), recording uncaught exceptions, console errors and requests."""
    contexts = []

    def open_(height: int = 900) -> Watched:
        context = browser.new_context(base_url=base, viewport={"width": 1400, "height": height})
        contexts.append(context)
        watched = Watched(context.new_page())
        watched.page.on("pageerror", lambda error: watched.errors.append(f"page error: {error}"))

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error" and NETWORK_NOISE not in message.text:
                watched.errors.append(message.text)

        watched.page.on("console", on_console)
        watched.page.on("request", lambda request: watched.requests.append(request.url))
        return watched

    try:
        yield open_
    finally:
        for context in contexts:
            context.close()


def choose(scope: Locator, listbox_label: str, option: str) -> None:
    """Pick ``option`` in the listbox labelled ``listbox_label``. A list whose options
    arrive after it was opened (a request still under way on a busy machine) is opened
    once more."""
    button, wanted = scope.get_by_role("button", name=listbox_label), scope.get_by_role("option", name=option)
    button.click()
    try:
        wanted.wait_for(timeout=10_000)
    except PlaywrightTimeoutError:
        button.click()  # closes it
        button.click()
    wanted.click()


def extra_hours_today(
    server: Server,
    doctor_id: str,
    *,
    hours: int = 1,
    clinic: str = BANGKOK,
    owner: httpx.Client | None = None,
) -> bool:
    """The owner of ``clinic`` (enrolling the second factor their role needs, unless
    ``owner`` is their client already through it, or another manager's) gives the doctor ``hours`` of extra
    hours (at most until midnight) starting within the hour, so there is something to
    check in today whatever the weekday and hour; False when the clinic's day (in its own
    zone) has no hour left."""
    now = dt.datetime.now(tz=ZONES[clinic])
    start = (now + dt.timedelta(minutes=45)).replace(second=0, microsecond=0)
    start -= dt.timedelta(minutes=start.minute % 15)
    end = min(start + dt.timedelta(hours=hours), now.replace(hour=23, minute=45, second=0, microsecond=0))
    if end <= start + dt.timedelta(minutes=45) or end.date() != now.date():
        return False
    owner = owner or api_with_totp(server, "owner", clinic)
    extra = owner.post(
        "/api/v1/calendar/schedule-exceptions",
        json={
            "practitioner_id": doctor_id,
            "date": now.date().isoformat(),
            "kind": "extra",
            "start_time": start.strftime("%H:%M"),
            "end_time": end.strftime("%H:%M"),
            "reason": "Walk-in hour",
        },
    )
    assert extra.status_code == 201, extra.text
    return True


def arabic(page: Page, on: bool = True) -> None:
    """Switch the shell to Arabic (right to left), or back to English, with the header's
    language switcher (in the header from lg up: call it at desktop width)."""
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="العربية" if on else "English").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if on else "ltr")


def phone(page: Page) -> None:
    """390x844, once the navigation has slid away into its drawer (it animates)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_timeout(800)


def fits(page: Page, testid: str) -> None:
    """Neither the page nor ``testid`` is wider than the screen: no sideways scroll (a wide
    table inside scrolls in its own frame)."""
    page_fits = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page_fits, "the page scrolls sideways"
    assert page.get_by_test_id(testid).first.evaluate("el => el.scrollWidth <= el.clientWidth"), testid
