"""Getting in without the API, in Chromium against the real server: a new owner opens a
clinic in Brazil from the sign-up page (linked from the login page), enrols the second
factor and lands on the new clinic's calendar; a receptionist invited by a demo owner
opens the invite's link, reads the clinic, the role and their masked number, chooses a
name and password, signs in and lands in the clinic that invited them; a used link says
so. Once in, the Bangkok owner changes a member's role and deactivates another on the
staff page (after a warning that they are signed out everywhere), and the list says so.
The pages at 1440x900, at 390x844 and in Arabic (right to left).

Screenshots go to ``test-results/e2e/signup-*.png`` and ``staff-*.png``."""

from __future__ import annotations

import httpx
import pytest
from django_otp.oath import totp
from playwright.sync_api import Locator, expect

from support import Server, api_errors, api_with_totp_key, arabic, choose, fits, phone, sign_in, totp_enrol

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1200)

PASSWORD = "Orchid-River-19"  # noqa: S105 - the test's own new accounts


@pytest.fixture(scope="module")
def bangkok_owner(server: Server) -> tuple[httpx.Client, bytes]:
    """The Bangkok owner's API client, second factor enrolled, and the TOTP key to sign
    in with in the browser (a user enrols once)."""
    return api_with_totp_key(server, "owner")


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


def test_an_invited_receptionist_joins_from_the_link_and_a_used_link_says_so(
    server: Server, open_page, bangkok_owner
):
    owner, _key = bangkok_owner
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


def test_the_owner_changes_a_role_and_deactivates_a_member_who_is_signed_out(
    server: Server, open_page, bangkok_owner
):
    _owner, key = bangkok_owner
    assistant, cashier = server.name("assistant"), server.name("cashier")
    cashier_api = server.api("cashier")  # a session of the member about to be deactivated
    assert cashier_api.get("/api/v1/users/me").status_code == 200

    watched = open_page()
    # The sign-in without the code is answered 400 asking for it.
    errors = api_errors(
        watched, lambda response: response.url.endswith("/auth/token") and response.status == 400
    )
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("owner"))
    page.get_by_label("Authenticator code").fill(f"{totp(key, drift=1):06d}")  # this step's code is spent
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Staff").click()
    table = page.get_by_test_id("staff-table")

    def row(name: str) -> Locator:
        return table.get_by_role("row").filter(has_text=name)

    expect(row(assistant)).to_contain_text("Assistant")

    row(assistant).get_by_role("button", name="Edit").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("signed out everywhere")
    choose(dialog, "Role", "Therapist")
    watched.shot("staff-01-role-dialog-1440")
    dialog.get_by_role("button", name="Save").click()
    expect(dialog).to_be_hidden()
    expect(row(assistant)).to_contain_text("Therapist")

    row(cashier).get_by_role("button", name="Deactivate").click()
    expect(dialog).to_contain_text("signed out on every device at once")
    watched.shot("staff-02-deactivate-confirm-1440")
    page.get_by_test_id("staff-deactivate-confirm").click()
    expect(dialog).to_be_hidden()
    expect(row(cashier)).to_contain_text("Inactive")
    expect(row(cashier).get_by_role("button", name="Reactivate")).to_be_visible()
    assert cashier_api.get("/api/v1/users/me").status_code == 401  # signed out at once

    choose(page.get_by_test_id("staff-filters"), "Status", "Inactive")
    expect(table.get_by_role("row").filter(has_text=assistant)).to_have_count(0)
    expect(row(cashier)).to_be_visible()
    watched.shot("staff-03-inactive-filter-1440")
    choose(page.get_by_test_id("staff-filters"), "Status", "Everyone")
    expect(row(assistant)).to_be_visible()

    phone(page)
    fits(page, "staff-table")
    watched.shot("staff-04-cards-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    arabic(page)
    expect(row(cashier)).to_contain_text("غير نشط")
    watched.shot("staff-05-arabic-1440")
    phone(page)
    fits(page, "staff-table")
    watched.shot("staff-06-arabic-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    arabic(page, on=False)
    assert errors == []
    watched.assert_clean()
