"""The owner's dashboard in Chromium against the demo clinic: the Bangkok owner opens
Dashboard, picks last month, and reads the cash received, revenue recognized and sales
that the test computes from the demo's ledger (the trial balance of the same Bangkok days)
and the API, the course liability (the deferred revenue balance at the month's end), stock
value, rebooking and room figures; a click on the tallest bar of the revenue chart lists
that day's sales, the same ones the API lists, and a click on the near-expiry card lists its
lots. Then the page on a phone, in Portuguese and in Arabic (right to left).

Screenshots go to ``test-results/e2e/dashboard-*.png``."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from support import BANGKOK_ZONE, Server, Watched, api_errors, arabic, fits, phone, sign_in, totp_enrol

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1500)

DASHBOARD = "/api/v1/reports/dashboard"
MONEY_ACCOUNTS = ("cash", "card_clearing", "bank")
CASH_COLOUR = "#0f766e"  # the first series' colour (frontend-host/src/pages/dashboard/dashboard.ts)


def _last_month() -> tuple[dt.date, dt.date]:
    """The calendar month before this one, in Bangkok."""
    today = dt.datetime.now(tz=BANGKOK_ZONE).date()
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def _money(amount: str | Decimal) -> str:
    """``amount`` in baht as the screen writes it in English (Intl, en, THB)."""
    value = Decimal(amount)
    return f"{'-' if value < 0 else ''}THB {abs(value):,.2f}"


def _plain(text: str) -> str:
    return re.sub(r"[\s\u2068\u2069\u200e\u200f]+", " ", text).strip()


def _figures(server: Server) -> tuple[dict[str, Any], dict[str, Decimal]]:
    """Last month's dashboard as the accountant reads it, and the ledger's own sums of the
    same Bangkok days (trial balance): money received and revenue recognized."""
    accountant = server.api("accountant")
    first, last = _last_month()
    answer = accountant.get(DASHBOARD, params={"from": first.isoformat(), "to": last.isoformat()})
    assert answer.status_code == 200, answer.text
    start = dt.datetime.combine(first, dt.time.min, tzinfo=BANGKOK_ZONE).isoformat()
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=BANGKOK_ZONE).isoformat()
    trial = accountant.get("/api/v1/ledger/trial-balance", params={"start": start, "end": end})
    assert trial.status_code == 200, trial.text
    balance = {row["account"]: Decimal(row["balance"]) for row in trial.json()["accounts"]}
    # Everything posted up to the month's end: what is still held for unredeemed sessions.
    to_end = accountant.get("/api/v1/ledger/trial-balance", params={"end": end})
    assert to_end.status_code == 200, to_end.text
    held = {row["account"]: Decimal(row["balance"]) for row in to_end.json()["accounts"]}
    ledger = {
        "cash_received": sum((balance.get(a, Decimal(0)) for a in MONEY_ACCOUNTS), Decimal(0)),
        "revenue_recognized": -sum((v for a, v in balance.items() if a.startswith("revenue:")), Decimal(0)),
        "breakage": -balance.get("revenue:course_breakage", Decimal(0)),
        "course_liability": -held.get("deferred_revenue", Decimal(0)),
    }
    return answer.json(), ledger


def _open_dashboard(watched: Watched, server: Server) -> None:
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_test_id("dashboard-page")).to_be_visible(timeout=15_000)


def _kpi(page: Page, key: str) -> str:
    return _plain(page.get_by_test_id(f"kpi-{key}").get_by_test_id("kpi-value").inner_text())


def _percent(rate: str) -> str:
    """A 0-1 rate as the screen writes it in English (Intl percent, at most 1 decimal)."""
    return f"{Decimal(rate) * 100:.1f}%".replace(".0%", "%")


def _course_stock_and_patients_shown(
    page: Page, thb: dict[str, Any], activity: dict[str, Any], ledger: dict[str, Decimal]
) -> None:
    assert _kpi(page, "course_liability") == _money(ledger["course_liability"])
    assert _kpi(page, "breakage") == _money(ledger["breakage"])
    assert _kpi(page, "stock_value") == _money(thb["stock"]["value"])
    assert _kpi(page, "near_expiry_value") == _money(thb["stock"]["near_expiry_value"])
    assert _kpi(page, "patients_seen") == f"{activity['patients_seen']:,}"
    if activity["rebooking_rate"] is not None:
        assert _kpi(page, "rebooking_rate") == _percent(activity["rebooking_rate"])
    if activity["room_utilization"] is not None:
        assert _kpi(page, "room_utilization") == _percent(activity["room_utilization"])


def _near_expiry_lots(page: Page, server: Server) -> None:
    """The near-expiry card lists its lots: as many as the API's rows."""
    lots = server.api("accountant").get(
        f"{DASHBOARD}/rows/lots", params={"near_expiry": "true", "page_size": 20}
    )
    assert lots.status_code == 200, lots.text
    page.get_by_test_id("kpi-near_expiry_value").click()
    rows = page.get_by_test_id("dashboard-rows")
    expect(rows).to_be_visible(timeout=10_000)
    if lots.json()["count"]:
        expect(page.get_by_test_id("lot-row")).to_have_count(min(lots.json()["count"], 20), timeout=10_000)
    else:
        expect(page.get_by_test_id("dashboard-rows-empty")).to_be_visible(timeout=10_000)


def _portuguese(watched: Watched) -> None:
    """The page in Portuguese at 1440 and 390 (the header's switcher is there from lg up)."""
    page = watched.page
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="Português (Brasil)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Painel")
    expect(page.get_by_test_id("kpi-cash_received")).to_contain_text("Recebido")
    watched.shot("dashboard-03b-owner-pt-br")
    phone(page)
    fits(page, "dashboard-page")
    watched.shot("dashboard-03c-owner-pt-br-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_timeout(500)


def _tallest_cash_bar(page: Page) -> dict[str, float]:
    """The centre (page coordinates) of the tallest bar of the cash series in the revenue
    chart: ECharts' SVG renderer draws each bar as a path filled with its series colour."""
    box = (
        page.get_by_test_id("chart-by-day")
        .locator("svg")
        .evaluate(
            """(svg, colour) => {
            const bars = [...svg.querySelectorAll('path')]
              .filter((p) => (p.getAttribute('fill') || '').toLowerCase() === colour)
              .map((p) => p.getBoundingClientRect())
              .filter((r) => r.width > 0 && r.height > 0)
            bars.sort((a, b) => b.height - a.height)
            const r = bars[0]
            return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2, height: r.height } : null
        }""",
            CASH_COLOUR,
        )
    )
    assert box is not None and box["height"] > 4, box
    return box


def test_the_bangkok_owner_reads_last_month_and_opens_a_days_sales(server, open_page):
    answer, ledger = _figures(server)
    (thb,) = answer["money"]
    current = thb["current"]
    # The dashboard's figures are the ledger's (the demo's month of sales, refunds, deposits).
    assert Decimal(current["cash_received"]) == ledger["cash_received"]
    assert Decimal(current["revenue_recognized"]) == ledger["revenue_recognized"]
    assert current["sales_count"] > 0, "the demo sold nothing last month"
    assert Decimal(current["course_liability"]) == ledger["course_liability"]
    assert Decimal(current["breakage"]) == ledger["breakage"]
    activity = answer["activity"]["current"]
    assert activity["new_patients"] + activity["returning_patients"] == activity["patients_seen"]

    watched = open_page()
    page = watched.page
    failures = api_errors(watched)
    _open_dashboard(watched, server)
    page.get_by_test_id("dashboard-preset-lastMonth").click()
    first, last = _last_month()
    expect(page.get_by_test_id("dashboard-from").locator("input")).to_have_value(first.isoformat())
    expect(page.get_by_test_id("dashboard-to").locator("input")).to_have_value(last.isoformat())
    expect(page.get_by_test_id("kpi-cash_received").get_by_test_id("kpi-value")).to_contain_text(
        f"{Decimal(current['cash_received']):,.2f}", timeout=15_000
    )
    assert _kpi(page, "cash_received") == _money(ledger["cash_received"])
    assert _kpi(page, "revenue_recognized") == _money(ledger["revenue_recognized"])
    assert _kpi(page, "average_ticket") == _money(current["average_ticket"])
    assert _kpi(page, "sales_count") == f"{current['sales_count']:,}"
    assert _kpi(page, "appointments") == f"{answer['activity']['current']['appointments']:,}"
    _course_stock_and_patients_shown(page, thb, activity, ledger)
    expect(page.get_by_test_id("chart-by-treatment")).to_be_visible()
    watched.shot("dashboard-01-owner-last-month")

    # A click on the tallest cash bar lists that day's sales: the same the API lists.
    best = max(thb["by_day"], key=lambda d: Decimal(d["cash_received"]))
    accountant = server.api("accountant")
    expected = accountant.get(
        f"{DASHBOARD}/rows", params={"from": best["date"], "to": best["date"], "page_size": 20}
    )
    assert expected.status_code == 200, expected.text
    chart = page.get_by_test_id("chart-by-day")
    chart.scroll_into_view_if_needed()
    expect(chart.locator(f'svg path[fill="{CASH_COLOUR}"]').first).to_be_attached()
    bar = _tallest_cash_bar(page)  # viewport coordinates: the chart is in view now
    page.mouse.click(bar["x"], bar["y"])
    rows = page.get_by_test_id("dashboard-rows")
    expect(rows).to_be_visible(timeout=10_000)
    listed = expected.json()
    assert listed["count"] > 0
    first_sale = listed["results"][0]
    expect(page.get_by_test_id(f"sale-row-{first_sale['number']}")).to_be_visible(timeout=10_000)
    expect(page.locator('[data-testid^="sale-row-S"]')).to_have_count(min(listed["count"], 20))
    shown_total = (
        page.get_by_test_id(f"sale-row-{first_sale['number']}").get_by_test_id("sale-row-total").inner_text()
    )
    assert _plain(shown_total) == _money(first_sale["total"])
    watched.shot("dashboard-02-day-sales")
    page.keyboard.press("Escape")
    expect(rows).to_be_hidden()
    _near_expiry_lots(page, server)
    watched.shot("dashboard-02b-near-expiry-lots")
    page.keyboard.press("Escape")
    expect(rows).to_be_hidden()

    # A phone: cards stack, charts shrink, nothing scrolls sideways.
    phone(page)
    fits(page, "dashboard-page")
    watched.shot("dashboard-03-owner-390")

    # Portuguese (the header's language switcher), then Arabic: right to left, the axes mirror.
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_timeout(500)
    _portuguese(watched)
    arabic(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("لوحة المؤشرات")
    expect(page.get_by_test_id("kpi-cash_received")).to_contain_text("المبالغ المقبوضة")
    watched.shot("dashboard-04-owner-arabic")
    phone(page)
    fits(page, "dashboard-page")
    watched.shot("dashboard-05-owner-arabic-390")

    assert failures == []
    watched.assert_clean()
