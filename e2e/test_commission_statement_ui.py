"""The commission statement in Chromium against the demo clinic: a doctor opens Billing →
Commissions and sees their own month (clinic time, no practitioner picker), on a desktop
and on a phone; the owner picks that doctor and downloads the CSV of the same statement,
then reads the screen in Arabic (right to left), on a desktop and on a phone. Every line,
total and file is checked against what the API answers the accountant.

Screenshots go to ``test-results/e2e/statement-*.png``."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from support import BANGKOK_ZONE, Server, Watched, api_errors, arabic, fits, phone, sign_in, totp_enrol

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1500)

STATEMENT = "/api/v1/commissions/logs/statement"


def _months() -> tuple[str, str]:
    """This month and the one before, in Bangkok (YYYY-MM)."""
    today = dt.datetime.now(tz=BANGKOK_ZONE).date()
    previous = today.replace(day=1) - dt.timedelta(days=1)
    return f"{today:%Y-%m}", f"{previous:%Y-%m}"


def _doctor_month(server: Server) -> tuple[httpx.Client, dict[str, Any], str, dict[str, Any]]:
    """The accountant's client (who reads everyone's statement), the demo doctor's staff
    row, and the first month of (this month, last month) in which the demo credited the
    doctor commission lines, with its statement."""
    accountant = server.api("accountant")
    staff = accountant.get("/api/v1/staff", params={"role": "doctor", "page_size": 100}).json()["results"]
    doctor = next(s["user"] for s in staff if s["user"]["full_name"] == server.name("doctor"))
    for month in _months():
        statement = accountant.get(STATEMENT, params={"period": f"{month}-01", "practitioner": doctor["id"]})
        assert statement.status_code == 200, statement.text
        if statement.json()["lines"]:
            return accountant, doctor, month, statement.json()
    raise AssertionError("the demo credited the doctor no commission in the last two months")


def _money(amount: str) -> str:
    """``amount`` in baht as the screen writes it in English (Intl, en, THB)."""
    value = Decimal(amount)
    return f"{'-' if value < 0 else ''}THB {abs(value):,.2f}"


def _plain(text: str) -> str:
    return re.sub(r"[\s\u2068\u2069]+", " ", text).strip()


def _open_statement(watched: Watched, server: Server, role: str) -> None:
    """Sign ``role`` in (first sign-in: TOTP enrolment) and open Billing → Commissions."""
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login(role))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-commissions").click()
    expect(page.get_by_test_id("commission-statement")).to_be_visible(timeout=15_000)


def _shows(page: Page, statement: dict[str, Any], month: str) -> None:
    """The screen shows ``statement`` of ``month``: one row per line, in order, dated by its
    sale in Bangkok (inside the month), and its totals."""
    for line in statement["lines"]:
        if line["kind"] == "commission":
            sold = dt.datetime.fromisoformat(line["occurred_at"]).astimezone(BANGKOK_ZONE)
            assert f"{sold:%Y-%m}" == month, line
    rows = page.get_by_test_id("statement-line")
    expect(rows).to_have_count(len(statement["lines"]), timeout=15_000)
    assert rows.evaluate_all("rows => rows.map(r => r.dataset.sale)") == [
        line["sale_number"] or "" for line in statement["lines"]
    ]
    first = statement["lines"][0]
    sold = dt.datetime.fromisoformat(first["occurred_at"]).astimezone(BANGKOK_ZONE)
    expect(rows.first.locator("td").first).to_have_text(f"{sold:%b} {sold.day}, {sold.year}")
    assert _plain(rows.first.get_by_test_id("statement-amount").inner_text()) == _money(first["amount"])
    assert _plain(rows.first.get_by_test_id("statement-earned").inner_text()) == _money(first["earned"])
    for key, field in (("total", "total"), ("earned", "earned_total"), ("pending", "pending_total")):
        shown = page.get_by_test_id(f"statement-total-{key}").locator("dd").inner_text()
        assert _plain(shown) == _money(statement[field]), key


def test_a_doctor_sees_their_own_statement_on_a_desktop_and_a_phone(server, open_page):
    _accountant, doctor, month, statement = _doctor_month(server)
    watched = open_page()
    page = watched.page
    _open_statement(watched, server, "doctor")
    failures = api_errors(watched)

    # Their own statement, this month in Bangkok by default; nobody else to choose.
    expect(page.get_by_test_id("statement-month")).to_have_value(_months()[0])
    expect(page.get_by_test_id("statement-practitioner")).to_have_count(0)
    expect(page.get_by_test_id("statement-heading")).to_contain_text(doctor["full_name"])
    if month != _months()[0]:
        shown = page.locator('[data-testid="statement-empty"], [data-testid="statement-line"]')
        expect(shown.first).to_be_visible()
        page.get_by_test_id("statement-month").fill(month)
    _shows(page, statement, month)
    # Statement lines are this doctor's, for the month they asked for.
    assert all(line["practitioner"] == doctor["id"] for line in statement["lines"])
    watched.shot("statement-01-doctor")

    phone(page)
    fits(page, "commission-statement")
    watched.shot("statement-02-doctor-390")
    # The wide table scrolls inside its own frame on a phone.
    table = page.get_by_test_id("statement-lines")
    assert table.evaluate(
        "el => el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX === 'auto'"
    )

    assert failures == []
    watched.assert_clean()


def test_the_owner_picks_a_practitioner_downloads_the_csv_and_reads_it_in_arabic(server, open_page, tmp_path):
    accountant, doctor, month, statement = _doctor_month(server)
    watched = open_page()
    page = watched.page
    _open_statement(watched, server, "owner")
    failures = api_errors(watched)

    # The owner sees everyone's: a practitioner to choose first, nothing asked before that.
    expect(page.get_by_test_id("statement-choose")).to_be_visible()
    page.get_by_test_id("statement-practitioner").select_option(label=doctor["full_name"])
    page.get_by_test_id("statement-month").fill(month)
    _shows(page, statement, month)
    expect(page.get_by_test_id("statement-heading")).to_contain_text(doctor["full_name"])
    watched.shot("statement-03-owner")

    # The CSV is the same statement's, with the same filters.
    with page.expect_download() as download:
        page.get_by_test_id("statement-csv").click()
    saved = tmp_path / "statement.csv"
    download.value.save_as(saved)
    assert download.value.suggested_filename == f"commissions-{doctor['id']}-{month}.csv"
    query = {"period": f"{month}-01", "practitioner": doctor["id"]}
    expected = accountant.get(f"{STATEMENT}/csv", params=query)
    assert saved.read_bytes() == expected.content
    rows = saved.read_text().splitlines()
    assert rows[0].startswith("date,kind,sale")
    assert len(rows) == len(statement["lines"]) + len(statement["adjustments"]) + 2  # header, total

    # Right to left: the tab, the totals and the table mirror; on a phone nothing scrolls sideways.
    arabic(page)
    expect(page.get_by_test_id("tab-commissions")).to_have_text("العمولات")
    expect(page.get_by_test_id("statement-total-total").locator("dt")).to_have_text("الإجمالي")
    expect(page.get_by_test_id("statement-line")).to_have_count(len(statement["lines"]))
    watched.shot("statement-04-owner-arabic")
    phone(page)
    fits(page, "commission-statement")
    watched.shot("statement-05-owner-arabic-390")

    assert failures == []
    watched.assert_clean()
