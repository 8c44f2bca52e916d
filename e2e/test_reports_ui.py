"""Reports in Chromium against the demo clinic, with a real Celery worker: the Bangkok
owner opens Reports, asks for last month's payments as XLSX, sees the run queued with its
progress bar, watches it turn ready (the page polls the run), downloads the file and the
test opens it with openpyxl: its total equals the money the trial balance of the same
Bangkok days says came in (cash, card clearing, bank). The download is in the audit
trail. Then the page in Portuguese (a sales report: headers in Portuguese), on a phone,
and in Arabic (right to left).

Screenshots go to ``test-results/e2e/reports-*.png``."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from support import BANGKOK_ZONE, Server, Watched, api_errors, arabic, fits, phone, sign_in, totp_enrol

# The files live in a real S3 HTTP endpoint (moto): the worker stores them there and the
# browser downloads them through their presigned links.
pytestmark = [pytest.mark.timeout(1500), pytest.mark.parametrize("server", [{"s3": True}], indirect=True)]

MONEY_ACCOUNTS = ("cash", "card_clearing", "bank")


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # the reports are written by the worker


def _last_month() -> tuple[dt.date, dt.date]:
    """The calendar month before this one, in Bangkok."""
    today = dt.datetime.now(tz=BANGKOK_ZONE).date()
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def _money_in(server: Server) -> Decimal:
    """What the ledger says came in last month (Bangkok days): the money accounts' balance."""
    first, last = _last_month()
    start = dt.datetime.combine(first, dt.time.min, tzinfo=BANGKOK_ZONE).isoformat()
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min, tzinfo=BANGKOK_ZONE).isoformat()
    trial = server.api("accountant").get("/api/v1/ledger/trial-balance", params={"start": start, "end": end})
    assert trial.status_code == 200, trial.text
    balance = {row["account"]: Decimal(row["balance"]) for row in trial.json()["accounts"]}
    return sum((balance.get(a, Decimal(0)) for a in MONEY_ACCOUNTS), Decimal(0))


def _open_reports(watched: Watched, server: Server) -> None:
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Reports").click()
    expect(page.get_by_test_id("reports-page")).to_be_visible(timeout=15_000)


def _choose(page: Page, testid: str, option: str, offered: tuple[str, ...] = ()) -> None:
    """Pick ``option`` of the list box ``testid``, after checking ``offered`` are listed."""
    page.get_by_test_id(testid).get_by_role("button").click()
    for name in offered:
        expect(page.get_by_role("option", name=name)).to_be_visible()
    page.get_by_role("option", name=option).click()


def _generate(page: Page) -> str:
    """Generate with the form's choices; the new run's id (first in the list)."""
    with page.expect_response(
        lambda r: r.url.endswith("/api/v1/reports/runs") and r.request.method == "POST"
    ) as answer:
        page.get_by_test_id("report-generate").click()
    assert answer.value.status == 202, answer.value.text()
    return answer.value.json()["id"]


def test_the_bangkok_owner_downloads_last_months_payments_and_they_match_the_ledger(
    server, open_page, tmp_path: Path
):
    money_in = _money_in(server)
    assert money_in > 0, "the demo received nothing last month"
    watched = open_page()
    page = watched.page
    failures = api_errors(watched)
    polled: list[tuple[str, int, int]] = []
    page.on(
        "response",
        lambda r: (
            polled.append((r.json()["status"], r.json()["rows_done"], r.json()["rows_total"]))
            if "/api/v1/reports/runs/" in r.url
            and r.request.method == "GET"
            and r.url.count("/") == 7
            and r.ok
            else None
        ),
    )
    _open_reports(watched, server)
    expect(page.get_by_test_id("reports-empty")).to_be_visible()
    watched.shot("reports-01-empty")

    # Every kind the worker writes is offered, the valuation, cohorts and follow-ups among them.
    _choose(
        page,
        "report-kind",
        "Payments",
        offered=("Stock valuation", "Retention cohorts", "Patients due for a follow-up"),
    )
    _choose(page, "report-format", "Excel (XLSX)")
    page.get_by_test_id("report-preset-lastMonth").click()
    first, last = _last_month()
    expect(page.get_by_test_id("report-from").locator("input")).to_have_value(first.isoformat())
    expect(page.get_by_test_id("report-to").locator("input")).to_have_value(last.isoformat())
    run_id = _generate(page)
    row = page.get_by_test_id(f"report-run-{run_id}")
    # Queued with its bar at once (from the answer to Generate), then polled until ready.
    expect(row.get_by_test_id("report-progress")).to_be_visible()
    watched.shot("reports-02-queued")
    expect(row).to_have_attribute("data-status", "done", timeout=60_000)
    expect(row.get_by_test_id("report-progress")).to_be_hidden()
    assert polled, "the page never polled the run"
    # The run as the server has it (the page's last answers may reach the listener late).
    accountant = server.api("accountant")  # the owner signs in with a second factor
    final = accountant.get(f"/api/v1/reports/runs/{run_id}").json()
    assert final["status"] == "done" and final["rows_done"] == final["rows_total"] > 0, final
    watched.shot("reports-03-done")

    with page.expect_download() as download:
        row.get_by_test_id("report-download").click()
    saved = tmp_path / "payments.xlsx"
    download.value.save_as(saved)
    assert download.value.suggested_filename.endswith(".xlsx")
    rows = list(openpyxl.load_workbook(saved, read_only=True).active.iter_rows(values_only=True))
    header, total = rows[0], rows[-1]
    assert header[0] == "Date" and total[0] == "Total"
    assert len(rows) == final["rows_done"] + 2  # header, the rows, the total
    amount = header.index("Amount")
    assert Decimal(str(total[amount])).quantize(Decimal("0.01")) == money_in
    assert sum((Decimal(str(r[amount])) for r in rows[1:-1]), Decimal(0)) == money_in
    audit = accountant.get(
        "/api/v1/compliance/audit-events", params={"action": "report.downloaded", "object_id": run_id}
    )
    assert audit.status_code == 200, audit.text
    assert audit.json()["count"] == 1, audit.text
    phone(page)
    fits(page, "reports-page")
    watched.shot("reports-04-en-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_timeout(500)

    # Portuguese: the page and the report it writes.
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="Português (Brasil)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Relatórios")
    _choose(page, "report-kind", "Linhas de venda")
    _choose(page, "report-format", "CSV")
    sales_id = _generate(page)
    sales = page.get_by_test_id(f"report-run-{sales_id}")
    expect(sales).to_have_attribute("data-status", "done", timeout=60_000)
    with page.expect_download() as download:
        sales.get_by_test_id("report-download").click()
    csv_file = tmp_path / "sales.csv"
    download.value.save_as(csv_file)
    assert csv_file.read_text(encoding="utf-8-sig").splitlines()[0].startswith("Data,Número da fatura")
    watched.shot("reports-05-pt-BR")
    phone(page)
    fits(page, "reports-page")
    watched.shot("reports-06-pt-BR-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.wait_for_timeout(500)

    # Arabic, right to left, then a phone.
    arabic(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("التقارير")
    expect(page.get_by_test_id(f"report-run-{run_id}").get_by_test_id("report-status")).to_have_text("جاهز")
    watched.shot("reports-07-ar")
    phone(page)
    fits(page, "reports-page")
    watched.shot("reports-08-ar-390")

    assert failures == []
    watched.assert_clean()
