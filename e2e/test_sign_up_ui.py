"""Getting in without the API, in Chromium against the real server: a new owner opens a
clinic in Brazil from the sign-up page (linked from the login page), enrols the second
factor and lands on the new clinic's calendar; a receptionist invited by a demo owner
opens the invite's link, reads the clinic, the role and their masked number, chooses a
name and password, signs in and lands in the clinic that invited them; a used link says
so. The pages at 1440x900, at 390x844 and in Arabic (right to left).

Screenshots go to ``test-results/e2e/signup-*.png``."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from support import Server, api_errors, api_with_totp, arabic, phone, sign_in, totp_enrol

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1200)

PASSWORD = "Orchid-River-19"  # noqa: S105 - the test's own new accounts


def test_a_new_owner_opens_a_clinic_in_brazil_and_lands_on_its_calendar(server: Server, open_page):
    watched = open_page()
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto("/login")
    page.get_by_test_id("login-signup").click()
    expect(page.get_by_test_id("signup")).to_be_visible()

    page.get_by_test_id("signup-country").select_option("BR")
    expect(page.get_by_test_id("signup-time-zone")).to_have_value("America/Sao_Paulo")
    expect(page.get_by_test_id("signup-language")).to_have_value("pt-BR")
    expect(page.get_by_test_id("signup-currency")).to_contain_text("BRL")
    page.get_by_label("Organization").fill("Clínica Bela Group")
    page.get_by_label("Clinic name").fill("Clínica Bela Pinheiros")
    page.get_by_label("Given name").fill("Beatriz")
    page.get_by_label("Family name").fill("Moura")
    page.get_by_label("Mobile number").fill("+55 11 98765-4321")
    page.get_by_label("Password").fill("short")
    page.get_by_test_id("signup-submit").click()
    expect(page.get_by_role("alert")).to_be_visible()  # the server names the password
    watched.shot("signup-01-refused-1440")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_test_id("signup-submit").click()

    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("clinic-switcher")).to_contain_text("Clínica Bela Pinheiros")
    watched.shot("signup-02-first-calendar")
    assert [e for e in errors if "/auth/signup" not in e] == []  # only the refused attempt
    watched.assert_clean()


def test_an_invited_receptionist_joins_from_the_link_and_a_used_link_says_so(server: Server, open_page):
    owner = api_with_totp(server, "owner")
    created = owner.post("/api/v1/invites", json={"phone": "+66 89 444 5566", "role": "receptionist"})
    assert created.status_code == 201, created.text
    link = created.json()["accept_url"]
    token = link.split("token=")[1]

    watched = open_page()
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(f"/accept-invite?token={token}")
    offer = page.get_by_test_id("invite-offer")
    expect(offer).to_contain_text("as Receptionist")
    expect(offer).to_contain_text("089-XXX-5566")
    clinic_name = page.get_by_role("heading").inner_text().removeprefix("Join ")
    watched.shot("signup-03-invite-1440")
    arabic(page)
    expect(page.get_by_test_id("invite-accept")).to_contain_text("الانضمام")
    watched.shot("signup-04-invite-arabic")
    phone(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    watched.shot("signup-05-invite-arabic-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    arabic(page, on=False)

    page.get_by_label("Given name").fill("Nok")
    page.get_by_label("Family name").fill("Chaiyaporn")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_test_id("invite-accept").click()
    expect(page.get_by_test_id("invite-joined")).to_contain_text(clinic_name)
    watched.shot("signup-06-joined")

    page.get_by_role("link", name="Go to sign in").click()
    sign_in(page, "+66894445566", PASSWORD)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    expect(page.get_by_test_id("clinic-switcher")).to_contain_text(clinic_name)

    # The link is spent.
    used = open_page()
    used.page.goto(f"/accept-invite?token={token}")
    expect(used.page.get_by_test_id("invite-closed")).to_contain_text("accepted")
    used.shot("signup-07-used-link")
    assert errors == []
    watched.assert_clean()
