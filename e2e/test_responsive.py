"""Every screen at every size: no route of the host (nor of a remote it mounts) scrolls
sideways on a phone (390x844) or a small laptop (1024x768), in English and in Arabic; the
navigation is a drawer on phones and a sidebar that folds on desktops.

The routes come from the running app's router, not from a list kept here: a new route is
covered as soon as it exists (a route with parameters needs an example path in ``SAMPLES``).
Screenshots of every route at 390x844, and of a few at 1024x768 and 1440x900, go to
``test-results/e2e/responsive-*.png``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from support import BANGKOK, Server, Watched, page_opener, sign_in, totp_enrol

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1024, "height": 768}
DESKTOP = {"width": 1440, "height": 900}

# Example paths of routes with parameters, by route path.
SAMPLES = {"/:pathMatch(.*)*": "/no-such-page"}

# Outermost elements that stick out of the viewport (visually hidden text too: one pixel
# far out widens the page), ignoring what is invisible or inside an ancestor that clips or
# scrolls it (a wide table in its own frame).
OVERFLOW_JS = """() => {
  const width = window.innerWidth
  const clipped = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up)
      if (style.overflowX !== 'visible' || style.position === 'fixed') return true
    }
    return false
  }
  const wide = []
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect()
    if (box.width === 0 && box.height === 0) continue
    if (box.right <= width + 1 && box.left >= -1) continue
    if (getComputedStyle(el).visibility === 'hidden' || clipped(el)) continue
    if (wide.some((outer) => outer.contains(el))) continue
    wide.push(el)
  }
  const name = (el) => {
    const classes = typeof el.className === 'string' ? el.className.trim().split(/\\s+/).slice(0, 4) : []
    const box = el.getBoundingClientRect()
    return [el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), ...classes].join('.') +
      ` [${Math.round(box.left)}..${Math.round(box.right)}]`
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    wide: wide.slice(0, 8).map(name),
  }
}"""

ROUTES_JS = """() => document.querySelector('#app').__vue_app__.config.globalProperties.$router.getRoutes()
  .map((r) => ({ path: r.path, name: r.name ?? null, public: Boolean(r.meta.public),
                 redirect: Boolean(r.redirect), parent: r.children.length > 0 }))"""


@dataclass(frozen=True)
class Route:
    path: str
    name: str
    public: bool

    @property
    def url(self) -> str:
        if ":" in self.path:
            assert self.path in SAMPLES, f"route {self.path} has parameters: give it an example in SAMPLES"
            return SAMPLES[self.path]
        return self.path

    @property
    def slug(self) -> str:
        return self.name or self.url.strip("/").replace("/", "-")


def routes_of(page: Page) -> list[Route]:
    """The pages the app's router can show: not redirects, not layouts of child routes."""
    records: list[dict[str, Any]] = page.evaluate(ROUTES_JS)
    return [
        Route(r["path"], r["name"] or r["path"], r["public"])
        for r in records
        if not r["redirect"] and not r["parent"]
    ]


def overflow(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(OVERFLOW_JS)
    return result


def assert_fits(page: Page, where: str) -> None:
    found = overflow(page)
    assert found["scrollWidth"] <= found["innerWidth"], f"{where} scrolls sideways: {found}"
    assert found["wide"] == [], f"{where} has elements wider than the screen: {found}"


def settle(page: Page) -> None:
    """Wait for the page and the remote it mounts to finish loading."""
    page.wait_for_load_state("networkidle")
    loading = page.get_by_role("main").get_by_role("status").filter(has_text="Loading")
    expect(loading).to_have_count(0, timeout=15_000)


@dataclass
class Session:
    watched: Watched
    routes: list[Route]

    @property
    def page(self) -> Page:
        return self.watched.page

    def visit(self, route: Route) -> None:
        self.page.goto(route.url)
        settle(self.page)


@pytest.fixture(scope="module")
def signed_out(browser: Browser, server: Server) -> Iterator[Watched]:
    with page_opener(browser, server.base) as open_:
        watched = open_()
        watched.page.set_viewport_size(PHONE)
        yield watched


@pytest.fixture(scope="module")
def admin(browser: Browser, server: Server) -> Iterator[Session]:
    """An administrator (every settings page) signed in on a phone, after enrolling the
    authenticator app on the enrolment page, which is checked on the way."""
    with page_opener(browser, server.base) as open_:
        watched = open_()
        page = watched.page
        page.set_viewport_size(PHONE)
        sign_in(page, *server.login("admin", BANGKOK))
        expect(page).to_have_url(f"{server.base}/enrol")
        expect(page.get_by_test_id("totp-qr")).to_be_visible()
        assert_fits(page, "/enrol at 390")
        watched.shot("responsive-390-enrol")
        totp_enrol(page, server.base)
        expect(page).to_have_url(f"{server.base}/calendar")
        settle(page)
        yield Session(watched, routes_of(page))
        page.evaluate("localStorage.removeItem('aesthetix.locale')")


def test_the_routes_come_from_the_router(admin: Session) -> None:
    paths = {route.path for route in admin.routes}
    expected = {"/login", "/forgot-password", "/enrol", "/calendar", "/patients", "/billing"}
    expected |= {"/settings/clinic", "/settings/staff", "/settings/invites", "/account/password"}
    assert expected <= paths


def _signed_out_routes(admin: Session) -> list[Route]:
    return [route for route in admin.routes if route.public]


def _signed_in_routes(admin: Session) -> list[Route]:
    # The enrolment page is only reachable before enrolling: checked by the `admin` fixture.
    return [route for route in admin.routes if not route.public and route.name != "enrol"]


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["390", "1024"])
def test_signed_out_pages_fit(admin: Session, signed_out: Watched, size: dict[str, int]) -> None:
    page = signed_out.page
    page.set_viewport_size(size)
    for route in _signed_out_routes(admin):
        page.goto(route.url)
        expect(page.get_by_role("heading").first).to_be_visible()
        assert_fits(page, f"{route.url} at {size['width']}")
        signed_out.shot(f"responsive-{size['width']}-{route.slug}")
    signed_out.assert_clean()


@pytest.mark.parametrize("size", [PHONE, LAPTOP], ids=["390", "1024"])
def test_every_route_fits(admin: Session, size: dict[str, int]) -> None:
    page = admin.page
    page.set_viewport_size(size)
    shots = {"calendar", "patients", "billing", "settings-staff"} if size != PHONE else None
    for route in _signed_in_routes(admin):
        admin.visit(route)
        assert_fits(page, f"{route.url} at {size['width']}")
        if shots is None or route.slug in shots:
            admin.watched.shot(f"responsive-{size['width']}-{route.slug}")
    admin.watched.assert_clean()


def test_arabic_every_route_fits_a_phone(admin: Session, signed_out: Watched) -> None:
    for watched in (admin.watched, signed_out):
        watched.page.set_viewport_size(PHONE)
        watched.page.evaluate("localStorage.setItem('aesthetix.locale', 'ar')")
    try:
        for route in _signed_out_routes(admin):
            signed_out.page.goto(route.url)
            expect(signed_out.page.locator("html")).to_have_attribute("dir", "rtl")
            assert_fits(signed_out.page, f"{route.url} in Arabic at 390")
            signed_out.shot(f"responsive-390-ar-{route.slug}")
        page = admin.page
        for route in _signed_in_routes(admin):
            admin.visit(route)
            expect(page.locator("html")).to_have_attribute("dir", "rtl")
            assert_fits(page, f"{route.url} in Arabic at 390")
            admin.watched.shot(f"responsive-390-ar-{route.slug}")

        # The drawer slides in from the right.
        admin.visit(next(r for r in admin.routes if r.name == "calendar"))
        page.get_by_test_id("nav-open").click()
        drawer = page.locator("#app-nav")
        expect(drawer).to_have_attribute("data-open", "true")
        page.wait_for_timeout(300)  # the slide
        box = drawer.bounding_box()
        assert box and abs(box["x"] + box["width"] - PHONE["width"]) <= 1 and box["x"] > 0
        admin.watched.shot("responsive-390-ar-drawer")
        page.keyboard.press("Escape")
        expect(drawer).to_have_attribute("data-open", "false")
        expect(drawer).to_be_hidden()  # slid out
    finally:
        for watched in (admin.watched, signed_out):
            watched.page.evaluate("localStorage.removeItem('aesthetix.locale')")
    admin.watched.assert_clean()
    signed_out.assert_clean()


def test_phone_navigates_with_the_drawer(admin: Session) -> None:
    page = admin.page
    page.set_viewport_size(PHONE)
    admin.visit(next(r for r in admin.routes if r.name == "calendar"))
    menu = page.get_by_test_id("nav-open")
    drawer = page.locator("#app-nav")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(drawer.get_by_role("link", name="Billing")).to_be_hidden()

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(drawer.get_by_role("link", name="Billing")).to_be_visible()
    expect(drawer.get_by_role("link", name="Calendar")).to_be_focused()
    page.wait_for_timeout(300)  # the slide
    box = drawer.bounding_box()
    assert box and box["x"] == 0
    admin.watched.shot("responsive-390-drawer")

    # A click on the backdrop closes it; so does Escape, giving focus back to the button.
    page.get_by_test_id("nav-backdrop").click(position={"x": PHONE["width"] - 20, "y": 400})
    expect(drawer).to_have_attribute("data-open", "false")
    expect(drawer).to_be_hidden()  # slid out
    menu.click()
    page.keyboard.press("Escape")
    expect(drawer).to_have_attribute("data-open", "false")
    expect(drawer).to_be_hidden()  # slid out
    expect(menu).to_be_focused()

    # Following a link closes it on the new page.
    menu.click()
    drawer.get_by_role("link", name="Staff").click()
    expect(page).to_have_url(re.compile(r"/settings/staff$"))
    expect(drawer).to_have_attribute("data-open", "false")
    expect(drawer).to_be_hidden()  # slid out
    expect(page.get_by_role("table", name="Staff")).to_be_visible()
    assert_fits(page, "/settings/staff after the drawer")
    menu.click()
    drawer.get_by_role("link", name="Billing").click()
    expect(page).to_have_url(re.compile(r"/billing$"))
    settle(page)
    expect(drawer).to_have_attribute("data-open", "false")
    expect(drawer).to_be_hidden()  # slid out
    assert_fits(page, "/billing after the drawer")
    # The point of sale's other tabs: invoices and stock lots (tables in their own frames).
    for tab in ("invoices", "stock"):
        page.get_by_test_id(f"tab-{tab}").click()
        expect(page.get_by_test_id(tab)).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert_fits(page, f"/billing, tab {tab}, at 390")
        admin.watched.shot(f"responsive-390-billing-{tab}")
    admin.watched.assert_clean()


def test_desktop_sidebar_folds_and_stays_folded(admin: Session) -> None:
    page = admin.page
    page.set_viewport_size(DESKTOP)
    admin.visit(next(r for r in admin.routes if r.name == "calendar"))
    admin.watched.shot("responsive-1440-calendar")
    nav = page.get_by_role("navigation", name="Main")
    expect(page.get_by_test_id("nav-open")).to_be_hidden()
    wide = nav.bounding_box()
    assert wide and wide["width"] > 200
    page.get_by_test_id("nav-collapse").click()
    expect(page.get_by_test_id("nav-collapse")).to_have_attribute("aria-expanded", "false")
    folded = nav.bounding_box()
    assert folded and folded["width"] < 80
    page.reload()
    settle(page)
    expect(page.get_by_test_id("nav-collapse")).to_have_attribute("aria-expanded", "false")
    nav.get_by_role("link", name="Billing").click()
    expect(page).to_have_url(re.compile(r"/billing$"))
    settle(page)
    admin.watched.shot("responsive-1440-billing-folded")
    assert_fits(page, "/billing at 1440 with the sidebar folded")
    page.get_by_test_id("nav-collapse").click()
    expect(page.get_by_test_id("nav-collapse")).to_have_attribute("aria-expanded", "true")
    admin.watched.assert_clean()
