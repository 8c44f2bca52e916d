"""Helpers shared by the whole-flow tests: where things are, the demo logins ``demo_data``
prints (clinic, role, name, mobile number, password, 2FA), the server and page handles
the fixtures in ``conftest.py`` give, and free ports."""

from __future__ import annotations

import base64
import re
import socket
import zoneinfo
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from django_otp.oath import totp
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, expect

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
RIYADH = "Noor Aesthetics"
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

    def login(self, role: str, clinic: str = BANGKOK) -> tuple[str, str]:
        return login_of(self.logins, role, clinic)

    def name(self, role: str, clinic: str = BANGKOK) -> str:
        return name_of(self.logins, role, clinic)

    def api(self, role: str, clinic: str = BANGKOK) -> httpx.Client:
        """An API client signed in as a demo ``role`` (one without 2FA) at ``clinic``."""
        phone, password = self.login(role, clinic)
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


def _login_row(output: str, role: str, clinic: str) -> list[str]:
    """The printed row (clinic, role, name, phone, password, 2FA) of the first ``role`` at
    a clinic whose name starts with ``clinic``."""
    for line in output.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if len(cells) >= 5 and cells[1] == role and cells[0].startswith(clinic):
            return cells
    raise AssertionError(f"no {role} login printed:\n{output}")


def login_of(output: str, role: str, clinic: str = "") -> tuple[str, str]:
    """Mobile number and password of the first printed ``role`` (at a clinic whose name
    starts with ``clinic``)."""
    cells = _login_row(output, role, clinic)
    return cells[3], cells[4]


def name_of(output: str, role: str, clinic: str = "") -> str:
    """The full name of the user of ``login_of(output, role, clinic)``."""
    return _login_row(output, role, clinic)[2]


def sign_in(page: Page, phone: str, password: str) -> None:
    page.goto("/")
    page.get_by_label("Mobile number").fill(phone)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


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


def totp_enrol(page: Page, base: str) -> bytes:
    """On the enrolment page a first sign-in of a 2FA role lands on: read the secret as an
    authenticator app would, turn TOTP on with the current code; returns the key."""
    expect(page).to_have_url(f"{base}/enrol")
    secret = totp_secret(page)
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    page.get_by_label("Code from the app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Turn on").click()
    return key


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
    scope.get_by_role("button", name=listbox_label).click()
    scope.get_by_role("option", name=option).click()
