import csv
import datetime as dt
import io
import tracemalloc
import uuid
from decimal import Decimal

import openpyxl
import pytest

from audit.models import AuditEvent
from commerce.selectors import MONEY_IN_ACCOUNTS, trial_balance
from commerce.services import sale_refund
from core.exceptions import Conflict
from core.objectstore import object_store
from core.roles import Role
from core.tenancy import clinic_context
from reporting import reports, services, tasks
from reporting.models import ReportRun
from reporting.reports import Period
from reporting.tests.conftest import checkout

RUNS = "/api/v1/reports/runs"
DAY = dt.date(2026, 5, 12)


def _run(tenant, *, kind="sales_lines", format="csv", start=DAY, end=DAY, language="en"):
    with clinic_context(tenant.clinic):
        run, _created = services.report_run_request(
            clinic=tenant.clinic,
            actor=tenant.user(),
            kind=kind,
            format=format,
            date_from=start,
            date_to=end,
            language=language,
        )
    return run


def _generate(tenant, run):
    with clinic_context(tenant.clinic):
        return services.report_run_generate(run_id=run.pk)


def _csv_rows(run):
    text = object_store().read(run.file_key).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def _trading(tenant, local):
    """Three sales on ``DAY`` (one paid by card), one of them partly refunded in cash."""
    sales = [
        checkout(tenant, at=local(tenant, DAY, 9), amount="350.00"),
        checkout(tenant, at=local(tenant, DAY, 11), amount="350.00", method="card"),
        checkout(tenant, at=local(tenant, DAY, 23, 30), amount="350.00"),
    ]
    with clinic_context(tenant.clinic):
        line = sales[0].lines.get()
        sale_refund(
            sale=sales[0],
            actor=tenant.user(Role.CASHIER),
            lines=[(line, line.quantity)],
            reason="Patient changed their mind",
            method="cash",
            idempotency_key=str(uuid.uuid4()),
            at=local(tenant, DAY, 16),
        )
    checkout(tenant, at=local(tenant, DAY + dt.timedelta(days=1), 0, 30), amount="350.00")  # next day
    return sales


def _ledger(tenant, start, end):
    with clinic_context(tenant.clinic):
        period = Period(tenant.clinic, start, end)
        balances = {
            a["account"]: a["balance"]
            for a in trial_balance(start=period.since, end=period.until)["accounts"]
        }
    revenue = sum(
        (-b for a, b in balances.items() if a.startswith("revenue:") or a == "deferred_revenue"), Decimal(0)
    )
    return {
        "money": sum((balances.get(a, Decimal(0)) for a in MONEY_IN_ACCOUNTS), Decimal(0)),
        "net": revenue,
        "tax": -balances.get("tax_payable", Decimal(0)),
    }


def test_sales_and_payments_reports_reconcile_with_the_trial_balance(world, local):
    a = world.a
    _trading(a, local)
    ledger = _ledger(a, DAY, DAY)
    sales = _generate(a, _run(a, kind="sales_lines", format="xlsx"))
    assert sales.status == ReportRun.Status.DONE
    sheet = openpyxl.load_workbook(io.BytesIO(object_store().read(sales.file_key)), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    header, lines, total = rows[0], rows[1:-1], rows[-1]
    assert header[:2] == ("Date", "Invoice number")
    assert len(lines) == 4  # three lines sold that day, one given back
    net, tax = header.index("Net"), header.index("Tax")
    assert total[0] == "Total"
    assert Decimal(str(total[net])) == ledger["net"] != 0
    assert Decimal(str(total[tax])) == ledger["tax"]
    payments = _generate(a, _run(a, kind="payments", format="csv"))
    rows = _csv_rows(payments)
    assert len(rows) == 1 + 4 + 1  # header, three payments and the refund, total
    assert Decimal(rows[-1][rows[0].index("Amount")]) == ledger["money"] == Decimal("700.00")


def test_progress_is_recorded_chunk_by_chunk(world, local, monkeypatch):
    a = world.a
    _trading(a, local)
    monkeypatch.setattr(services, "CHUNK_ROWS", 1)
    seen = []
    real = services._progress

    def spy(run, done):
        seen.append((done, ReportRun.objects.get(pk=run.pk).rows_total))
        return real(run, done)

    monkeypatch.setattr(services, "_progress", spy)
    run = _generate(a, _run(a))
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert (run.status, run.rows_done, run.rows_total) == ("done", 4, 4)
    assert run.file_size > 0 and run.finished_at is not None


def test_a_cancelled_run_stops_between_chunks_and_keeps_no_file(world, local, monkeypatch):
    a = world.a
    _trading(a, local)
    run = _run(a)
    monkeypatch.setattr(services, "CHUNK_ROWS", 2)
    real = services._progress

    def cancel_after_first_chunk(run, done):
        with clinic_context(a.clinic):
            services.report_run_cancel(run=run, actor=a.user())
        return real(run, done)

    monkeypatch.setattr(services, "_progress", cancel_after_first_chunk)
    run = _generate(a, run)
    assert run.status == ReportRun.Status.CANCELLED
    assert run.rows_done == 0 and run.file_key == ""
    with clinic_context(a.clinic), pytest.raises(Conflict):
        services.report_run_cancel(run=run, actor=a.user())


def test_a_failing_report_is_marked_failed_with_its_error(world, monkeypatch):
    a = world.a
    run = _run(a)

    def broken(period):
        raise RuntimeError("the database went away")

    broken_kind = reports.ReportKind("sales_lines", "Sales lines", reports.SALES_COLUMNS, broken, broken)
    monkeypatch.setitem(services.KINDS, "sales_lines", broken_kind)

    with pytest.raises(RuntimeError):
        tasks.report_run_generate.apply(
            kwargs={"clinic_id": str(a.clinic.pk), "run_id": str(run.pk)}, throw=True
        )
    run.refresh_from_db()
    assert run.status == ReportRun.Status.FAILED
    assert "the database went away" in run.error


def test_a_pdf_too_long_fails_asking_for_csv(world, local, monkeypatch):
    a = world.a
    _trading(a, local)
    monkeypatch.setattr("reporting.exports.PDF_MAX_ROWS", 2)
    run = _generate(a, _run(a, format="pdf"))
    assert run.status == ReportRun.Status.FAILED and "CSV or XLSX" in run.error


def test_a_pdf_report_is_written(world, local):
    a = world.a
    _trading(a, local)
    run = _generate(a, _run(a, kind="payments", format="pdf", language="ar"))
    assert run.status == ReportRun.Status.DONE
    assert object_store().read(run.file_key).startswith(b"%PDF")


def test_headers_are_in_the_language_asked_in(world, local):
    a = world.a
    _trading(a, local)
    rows = _csv_rows(_generate(a, _run(a, kind="payments", language="pt-br")))
    assert rows[0][0] == "Data" and rows[-1][0] == "Total"


@pytest.mark.parametrize("kind", ["practitioner_productivity", "commission_lines", "inventory_movements"])
def test_every_kind_writes_its_rows(world, local, kind):
    a = world.a
    _trading(a, local)
    services.daily_figures_refresh(clinic=a.clinic, start=DAY, end=DAY)
    run = _generate(a, _run(a, kind=kind, start=DAY - dt.timedelta(days=40), end=a.clinic.today()))
    rows = _csv_rows(run)
    assert run.status == "done" and len(rows) == run.rows_total + 2
    assert rows[0] == [str(c.title) for c in reports.KINDS[kind].columns]
    if kind == "practitioner_productivity":
        doctor = next(r for r in rows if r[0] == str(a.user(Role.DOCTOR)))
        assert Decimal(doctor[6]) == Decimal("1050.00")  # three sales of 350 credited on DAY


def _synthetic(monkeypatch, rows):
    """``sales_lines`` made of ``rows`` identical synthetic rows (no database needed)."""
    row = (
        DAY,
        "INV-1",
        "S-1",
        "Patient",
        "Item",
        "Doctor",
        Decimal(1),
        Decimal("10.00"),
        Decimal("0.70"),
        Decimal("10.70"),
        "THB",
    )
    kind = reports.ReportKind(
        "sales_lines",
        "Sales lines",
        reports.SALES_COLUMNS,
        lambda p: rows,
        lambda p: (row for _ in range(rows)),
    )
    monkeypatch.setitem(reports.KINDS, "sales_lines", kind)
    monkeypatch.setitem(services.KINDS, "sales_lines", kind)


@pytest.mark.parametrize("format", ["csv", "xlsx"])
def test_the_stream_holds_bounded_memory(world, monkeypatch, format):
    """Peak memory of writing 20 000 rows is about that of 2 000: rows are not kept."""
    a = world.a
    peaks = []
    for rows in (2000, 20000):
        _synthetic(monkeypatch, rows)
        run = _run(a, format=format)
        tracemalloc.start()
        run = _generate(a, run)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert run.status == "done" and run.rows_done == rows
    assert peaks[1] < peaks[0] * 1.5, peaks


def test_download_link_is_short_lived_and_audited(world, api, local):
    a = world.a
    _trading(a, local)
    run = _generate(a, _run(a))
    response = api(a.user(Role.ACCOUNTANT), a.clinic).get(f"{RUNS}/{run.pk}/download")
    assert response.status_code == 200, response.content
    body = response.json()
    assert "/objects/" in body["url"] or "X-Amz-Signature" in body["url"]
    event = AuditEvent.unscoped.get(clinic=a.clinic, action="report.downloaded", object_id=str(run.pk))
    assert event.actor_id == a.user(Role.ACCOUNTANT).pk
    assert "expires=" in body["url"] or "Expires=" in body["url"]


def test_download_before_done_is_a_conflict(world, api):
    a = world.a
    run = _run(a)
    response = api(a.user(), a.clinic).get(f"{RUNS}/{run.pk}/download")
    assert response.status_code == 409 and response.json()["code"] == "report_not_done"
    assert not AuditEvent.unscoped.filter(action="report.downloaded").exists()


def test_request_list_retrieve_cancel(world, api):
    a = world.a
    client = api(a.user(), a.clinic)
    body = {"kind": "payments", "format": "xlsx", "date_from": "2026-05-01", "date_to": "2026-05-31"}
    created = client.post(RUNS, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert created.status_code == 202, created.content
    run = created.json()
    assert run["status"] == "queued" and run["title"] == "Payments"
    again = client.post(RUNS, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert again.status_code == 200 and again.json()["id"] == run["id"]
    listed = client.get(RUNS, {"page_size": 1}).json()
    assert listed["count"] == 2 and listed["results"][0]["id"] == run["id"]  # newest first
    assert client.get(f"{RUNS}/{run['id']}").json()["rows_done"] == 0
    assert client.post(f"{RUNS}/{run['id']}/cancel").json()["status"] == "cancelled"
    assert client.post(f"{RUNS}/{run['id']}/cancel").status_code == 409
    assert AuditEvent.unscoped.filter(action="report.cancelled", object_id=run["id"]).exists()


def test_another_clinics_run_is_not_found(world, api):
    run = _run(world.a)
    client = api(world.b.user(), world.b.clinic)
    assert client.get(f"{RUNS}/{run.pk}").status_code == 404
    assert client.get(f"{RUNS}/{run.pk}/download").status_code == 404
    assert client.post(f"{RUNS}/{run.pk}/cancel").status_code == 404


def test_only_owners_admins_and_accountants_ask_for_reports(world, api):
    a = world.a
    body = {"kind": "payments", "format": "csv", "date_from": "2026-05-01", "date_to": "2026-05-31"}
    for role in (Role.ADMIN, Role.ACCOUNTANT):
        assert api(a.user(role), a.clinic).post(RUNS, body, format="json").status_code == 202
    for role in (Role.DOCTOR, Role.RECEPTIONIST, Role.CASHIER):
        assert api(a.user(role), a.clinic).post(RUNS, body, format="json").status_code == 403


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "everything"}, "kind"),
        ({"format": "docx"}, "format"),
        ({"date_to": "2026-04-30"}, "date_to"),
        ({"date_from": "2025-01-01", "date_to": "2026-01-02"}, "date_from"),
        ({"date_from": "1999-12-31"}, "date_from"),
        ({"date_to": "not a day"}, "date_to"),
    ],
)
def test_bad_input_names_the_field(world, api, change, field):
    a = world.a
    body = {"kind": "payments", "format": "csv", "date_from": "2026-05-01", "date_to": "2026-05-31", **change}
    response = api(a.user(), a.clinic).post(RUNS, body, format="json")
    assert response.status_code == 400, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
