"""Visit to cash in Chromium: a doctor completes one session of a visit, skips the other
with a reason and completes the visit from the chart; at the same moment two tills of the
clinic are on *To collect*, and the visit appears on both without a reload. One cashier
opens it into the cart (the visit's line locked: no remove, quantity fixed), takes the
payment and checks out; the draft leaves the other till's queue live. The queue and the
cart at 1440x900, at 390x844 and in Arabic (right to left). The whole way from a visit to
cash: the cashier takes part by PromptPay QR and part in cash and leaves a balance on
purpose, the patient pays it later from the invoice list, a manager refunds one line; the
doctor's commission statement shows it earned as paid, then reversed, and the trial
balance stays at zero.

The server's card provider is the HTTP gateway, a local double: a sale paid by card waits
for the card terminal until the gateway's signed webhook settles it, and the till turns
paid without a reload; a declined card says why and is taken by another method.

A deposit: the treatment asks for one, the front desk takes it in the appointment dialog
on a booked appointment; the visit's invoice reaches *To collect* with the deposit applied
and only the balance left, which the cashier collects (at Bangkok, or at São Paulo or Riyadh when Bangkok
has no free time left today to book and check in).

Screenshots go to ``test-results/e2e/collect-*.png``, ``card-*.png`` and ``deposit-*.png``."""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
from commerce.payment_providers import SIGNATURE_HEADER, TIMESTAMP_HEADER, webhook_signature
from commerce.tests.gateway import Gateway
from django_otp.oath import totp
from playwright.sync_api import Response, expect

from support import (
    BANGKOK,
    BANGKOK_ZONE,
    RIYADH,
    SAO_PAULO,
    ZONES,
    Server,
    Watched,
    api_errors,
    api_with_totp,
    arabic,
    extra_hours_today,
    fits,
    phone,
    sign_in,
    totp_enrol,
)

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1500)


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # commissions are computed by the worker


@pytest.fixture(scope="module")
def doctor(server: Server) -> tuple[httpx.Client, bytes]:
    """The demo doctor over the API, second factor enrolled once for the module."""
    return _doctor_api(server)


TOTP_STEP = 30
ROW = '[data-testid="to-collect-row"]'
WEBHOOK_SECRET = "whsec-e2e-secret"  # noqa: S105 - the test server's own


@pytest.fixture(scope="module")
def gateway() -> Iterator[Gateway]:
    double = Gateway().start()
    yield double
    double.stop()


@pytest.fixture(scope="module")
def server_env(gateway: Gateway) -> dict[str, str]:
    return {
        "PAYMENTS_CARD_PROVIDER": "http",
        "PAYMENTS_HTTP_BASE_URL": gateway.url,
        "PAYMENTS_HTTP_API_KEY": "sk-e2e",
        "PAYMENTS_HTTP_WEBHOOK_SECRET": WEBHOOK_SECRET,
    }


def _doctor_api(server: Server) -> tuple[httpx.Client, bytes]:
    """The demo doctor over the API, second factor enrolled; returns the client and the
    TOTP key (for the doctor's sign-in through the pages later)."""
    client = server.api("doctor")
    secret = client.post("/api/v1/auth/2fa/totp").json()["secret"]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    verified = client.post("/api/v1/auth/2fa/totp/confirm", json={"code": f"{totp(key):06d}"})
    assert verified.status_code == 200, verified.text
    client.headers["Authorization"] = f"Bearer {verified.json()['access']}"
    return client, key


def _visit_with_two_sessions(
    doctor: httpx.Client,
) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """A walk-in visit of a demo patient with two sessions of a treatment that needs no
    consent form and lists no contraindications; the first one started."""
    services = doctor.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 100}).json()
    service = next(s for s in services["results"] if not s["requires_consent"] and not s["contraindications"])
    patient = doctor.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    visit = doctor.post("/api/v1/clinic/visits", json={"patient_id": patient["id"]})
    assert visit.status_code == 201, visit.text
    me = doctor.get("/api/v1/users/me").json()["user"]
    sessions = []
    for _ in range(2):
        created = doctor.post(
            "/api/v1/clinic/sessions",
            json={
                "visit_id": visit.json()["id"],
                "service_id": service["id"],
                "practitioner_ids": [me["id"]],
            },
        )
        assert created.status_code == 201, created.text
        sessions.append(created.json())
    started = doctor.post(
        f"/api/v1/clinic/sessions/{sessions[0]['id']}/start", json={"acknowledged_alerts": []}
    )
    assert started.status_code == 200, started.text
    return patient, service, visit.json(), sessions


def _till(open_page, server: Server, clinic: str = BANGKOK) -> Watched:
    """A cashier's till at ``clinic`` on the To-collect tab."""
    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("cashier", clinic))
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-collect").click()
    expect(page.get_by_test_id("to-collect")).to_be_visible(timeout=15_000)
    page.evaluate("window.__samePage = true")
    return watched


def _doctor_completes_the_visit(
    clinic: Watched, server: Server, key: bytes, patient: dict[str, Any], sessions: list[dict[str, Any]]
) -> None:
    """From the chart: one session completed, the other skipped with a reason, the visit
    completed."""
    page = clinic.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("doctor"))
    time.sleep(max(0.0, TOTP_STEP - time.time() % TOTP_STEP) + 0.2)  # the enrolment's code is spent
    page.get_by_label("Authenticator code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto(f"/patients?patient={patient['id']}")
    first, second = (page.get_by_test_id(f"session-open-{s['id']}") for s in sessions)
    visit = page.get_by_test_id("visit").filter(has=first)
    expect(visit.get_by_test_id("visit-complete")).to_be_disabled(timeout=15_000)
    expect(visit.get_by_test_id("visit-complete-pending")).to_be_visible()
    first.click()
    page.get_by_test_id("session-complete").click()
    expect(page.get_by_test_id("session-status")).to_have_text("Completed")
    second.click()
    page.get_by_test_id("session-skip").click()
    dialog = page.get_by_role("dialog")
    expect(page.get_by_test_id("session-skip-confirm")).to_be_disabled()
    dialog.get_by_label("Reason").fill("Patient asked to stop after the first area")
    clinic.shot("collect-01-skip-reason")
    page.get_by_test_id("session-skip-confirm").click()
    expect(page.get_by_test_id("session-skip-reason")).to_contain_text("Patient asked to stop")
    expect(visit.get_by_test_id("visit-complete")).to_be_enabled()
    clinic.shot("collect-02-visit-ready")
    visit.get_by_test_id("visit-complete").click()
    expect(page.get_by_test_id("visit-completed")).to_be_visible()
    clinic.shot("collect-03-visit-completed")


def _tills_show_it(
    till: Watched, other: Watched, server: Server, draft: dict[str, Any], service_name: str
) -> None:
    """Both tills show the draft without a reload: patient, practitioner, the treatment, the
    total; the second one also on a phone and in Arabic."""
    for watched in (till, other):
        row = watched.page.locator(f'{ROW}[data-invoice-id="{draft["id"]}"]')
        expect(row).to_be_visible(timeout=15_000)
        expect(row.get_by_test_id("to-collect-item")).to_have_count(1)
        expect(row).to_contain_text(service_name)
        expect(row.get_by_test_id("to-collect-practitioners")).to_contain_text(server.name("doctor"))
        assert watched.page.evaluate("window.__samePage") is True
    till.shot("collect-04-queue")
    phone(other.page)
    fits(other.page, "to-collect")
    other.shot("collect-05-queue-390")
    other.page.set_viewport_size({"width": 1440, "height": 900})
    arabic(other.page, True)  # the language switcher is in the header from lg up
    expect(other.page.get_by_test_id("tab-collect")).to_have_text("للتحصيل")
    other.shot("collect-06-queue-arabic")
    phone(other.page)
    fits(other.page, "to-collect")
    other.shot("collect-07-queue-arabic-390")
    other.page.set_viewport_size({"width": 1440, "height": 900})


def _cashier_collects(till: Watched, draft: dict[str, Any], chart_number: str) -> None:
    """The cashier opens the draft: the visit's line is locked; pays the rest in cash."""
    page = till.page
    page.locator(f'{ROW}[data-invoice-id="{draft["id"]}"]').get_by_test_id("to-collect-open").click()
    expect(page.get_by_test_id("pos-patient-name")).to_contain_text(chart_number)
    line = page.get_by_test_id("cart-line").first
    expect(line.get_by_test_id("line-locked")).to_be_visible()
    expect(line.get_by_test_id("line-remove")).to_have_count(0)
    expect(line.get_by_test_id("line-quantity").locator("input")).to_be_disabled()
    expect(page.get_by_test_id("server-total")).to_have_attribute("data-agree", "true")
    till.shot("collect-08-cart-locked")
    phone(page)
    fits(page, "cart")
    till.shot("collect-09-cart-locked-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_test_id("payment-rest").first.click()
    page.get_by_test_id("checkout-confirm").click()
    expect(page.get_by_test_id("receipt")).to_be_visible()
    till.shot("collect-10-receipt")


def test_a_completed_visit_reaches_the_till_live_and_is_collected_as_one_sale(server, open_page, doctor):
    doctor_api, key = doctor
    patient, service, visit, sessions = _visit_with_two_sessions(doctor_api)
    till, other = _till(open_page, server), _till(open_page, server)
    till_failures, other_failures = api_errors(till), api_errors(other)
    for watched in (till, other):  # the queue is read (the demo's own visits wait in it)
        loaded = watched.page.locator(f'{ROW}, [data-testid="to-collect-empty"]').first
        expect(loaded).to_be_visible(timeout=15_000)

    clinic = open_page()
    doctor_failures = api_errors(clinic, lambda response: "/auth/" in response.url)
    _doctor_completes_the_visit(clinic, server, key, patient, sessions)

    cashier = server.api("cashier")
    queue = cashier.get("/api/v1/commerce/invoices/to-collect", params={"page_size": 100}).json()
    draft = next(d for d in queue["results"] if d["reference_id"] == visit["id"])
    assert draft["chart_number"] == patient["chart_number"]
    assert [(i["service"], i["quantity"]) for i in draft["items"]] == [(service["id"], "1.000")]
    _tills_show_it(till, other, server, draft, service["name"])
    _cashier_collects(till, draft, patient["chart_number"])

    # One sale, on the visit's invoice; the draft leaves the other till's queue live.
    invoice = cashier.get(f"/api/v1/commerce/invoices/{draft['id']}").json()
    assert invoice["status"] == "paid" and invoice["sale"], invoice
    sale = cashier.get(f"/api/v1/commerce/sales/{invoice['sale']}").json()
    assert [(line["service"], line["quantity"]) for line in sale["lines"]] == [(service["id"], "1.000")]
    gone = other.page.locator(f'{ROW}[data-invoice-id="{draft["id"]}"]')
    expect(gone).to_have_count(0, timeout=15_000)
    assert other.page.evaluate("window.__samePage") is True
    other.shot("collect-11-queue-after-arabic")
    arabic(other.page, False)

    # The chart in Arabic on a phone, after the visit.
    page = clinic.page
    arabic(page, True)
    expect(page.get_by_test_id("visit-completed")).to_be_visible()
    clinic.shot("collect-12-chart-arabic")
    phone(page)
    fits(page, "visits")
    clinic.shot("collect-13-chart-arabic-390")

    assert till_failures == [] and other_failures == [] and doctor_failures == []
    for watched in (till, other, clinic):
        watched.assert_clean()


def _statement_for(doctor_api: httpx.Client, sale_id: str) -> tuple[Decimal, Decimal, Decimal]:
    """The doctor's statement of this month (clinic time), for one sale: commission,
    earned so far, reversed."""
    period = dt.datetime.now(tz=BANGKOK_ZONE).date().replace(day=1).isoformat()
    statement = doctor_api.get("/api/v1/commissions/logs/statement", params={"period": period})
    assert statement.status_code == 200, statement.text
    lines = [line for line in statement.json()["lines"] if line["sale"] == sale_id]
    commission = sum((Decimal(line["amount"]) for line in lines if Decimal(line["amount"]) > 0), Decimal(0))
    reversed_ = sum((Decimal(line["amount"]) for line in lines if Decimal(line["amount"]) < 0), Decimal(0))
    earned = sum((Decimal(line["earned"]) for line in lines), Decimal(0))
    return commission, earned, reversed_


def _wait_until(condition, timeout: float = 45.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def _trial_balance_is_zero(accountant: httpx.Client) -> None:
    balance = accountant.get("/api/v1/ledger/trial-balance")
    assert balance.status_code == 200, balance.text
    body = balance.json()
    assert Decimal(body["total_debit"]) == Decimal(body["total_credit"]), body
    assert Decimal(body["total_balance"]) == 0, body


def _sessions_completed(doctor_api: httpx.Client, sessions: list[dict[str, Any]]) -> None:
    """Both sessions done (the first one is started already)."""
    for index, session in enumerate(sessions):
        if index:
            started = doctor_api.post(
                f"/api/v1/clinic/sessions/{session['id']}/start", json={"acknowledged_alerts": []}
            )
            assert started.status_code == 200, started.text
        done = doctor_api.post(f"/api/v1/clinic/sessions/{session['id']}/complete", json={})
        assert done.status_code == 200, done.text


def _doctor_completes_only_the_visit(
    clinic: Watched, server: Server, key: bytes, patient: dict[str, Any], session: dict[str, Any]
) -> None:
    page = clinic.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("doctor"))
    time.sleep(max(0.0, TOTP_STEP - time.time() % TOTP_STEP) + 0.2)  # the last code is spent
    page.get_by_label("Authenticator code").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto(f"/patients?patient={patient['id']}")
    visit = page.get_by_test_id("visit").filter(has=page.get_by_test_id(f"session-open-{session['id']}"))
    visit.get_by_test_id("visit-complete").click()
    expect(page.get_by_test_id("visit-completed")).to_be_visible()


def _cashier_takes_part_and_leaves_a_balance(till: Watched, row, qr_part: Decimal, cash: Decimal) -> None:
    """Part by PromptPay QR, part in cash; the rest stays due because the cashier says so."""
    page = till.page
    row.get_by_test_id("to-collect-open").click()
    expect(page.get_by_test_id("server-total")).to_have_attribute("data-agree", "true")
    first = page.get_by_test_id("payment-row").first
    first.get_by_test_id("payment-method").select_option("promptpay")
    first.get_by_test_id("payment-amount").locator("input").fill(str(qr_part))
    expect(first.get_by_test_id("payment-qr-image")).to_be_visible()
    first.get_by_test_id("payment-qr-received").check()
    first.get_by_test_id("payment-reference").locator("input").fill("PP-E2E-VISIT")
    page.get_by_test_id("payment-add").click()
    second = page.get_by_test_id("payment-row").nth(1)
    second.get_by_test_id("payment-method").select_option("cash")
    second.get_by_test_id("payment-amount").locator("input").fill(str(cash))
    expect(page.get_by_test_id("checkout-confirm")).to_be_disabled()  # a balance only on purpose
    page.get_by_test_id("checkout-leave-balance").check()
    till.shot("collect-20-leave-balance")
    page.get_by_test_id("checkout-confirm").click()
    expect(page.get_by_test_id("receipt")).to_be_visible()
    expect(page.get_by_test_id("receipt-payment")).to_have_count(2)


def _patient_pays_the_rest(till: Watched, number: str, balance: Decimal) -> None:
    """Later, from the invoice list, in cash."""
    page = till.page
    page.get_by_test_id("tab-invoices").click()
    listed = page.locator(f'[data-testid="invoice-row"][data-number="{number}"]')
    expect(listed).to_have_attribute("data-status", "partially_paid")
    listed.get_by_test_id("invoice-pay").click()
    dialog = page.get_by_test_id("pay-dialog")
    dialog.get_by_test_id("pay-method").first.select_option("cash")
    dialog.get_by_test_id("pay-amount").first.locator("input").fill(str(balance))
    dialog.get_by_test_id("pay-submit").click()
    expect(listed).to_have_attribute("data-status", "paid")
    till.shot("collect-21-balance-paid")


def _manager_refunds_the_first_line(office: Watched, server: Server, number: str) -> None:
    page = office.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("admin"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-invoices").click()
    row = page.locator(f'[data-testid="invoice-row"][data-number="{number}"]')
    row.get_by_test_id("invoice-refund").click()
    quantities = page.get_by_test_id("refund-quantity")
    expect(quantities).to_have_count(2)
    expect(quantities.nth(1).locator("input")).to_have_value("0")  # which line: the manager says
    quantities.first.locator("input").fill("1")
    page.get_by_test_id("refund-reason").locator("input").fill("Second area not treated as planned")
    office.shot("collect-22-refund-one-line")
    with page.expect_response(lambda r: r.url.endswith("/refund")) as refunded:
        page.get_by_test_id("refund-submit").click()
    assert refunded.value.status == 201, refunded.value.text()
    expect(page.get_by_test_id("refund-submit")).to_have_count(0)


def _doctor_reads_the_statement(clinic: Watched, sale_number: str) -> None:
    """The doctor's own statement on screen: the sale's two lines, and one reversal."""
    page = clinic.page
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-commissions").click()
    sale = page.locator(f'[data-testid="statement-line"][data-sale="{sale_number}"]')
    expect(sale).to_have_count(3, timeout=15_000)
    expect(sale.and_(page.locator('[data-kind="reversal"]'))).to_have_count(1)
    sale.first.scroll_into_view_if_needed()
    clinic.shot("collect-23-statement-reversed")


def test_a_visit_paid_in_parts_then_refunded_in_part_moves_the_statement_and_keeps_the_books_balanced(
    server, open_page, doctor
):
    doctor_api, key = doctor
    patient, _service, visit, sessions = _visit_with_two_sessions(doctor_api)
    _sessions_completed(doctor_api, sessions)
    cashier, accountant = server.api("cashier"), server.api("accountant")
    _trial_balance_is_zero(accountant)
    till = _till(open_page, server)
    till_failures = api_errors(till)
    expect(till.page.locator(f'{ROW}, [data-testid="to-collect-empty"]').first).to_be_visible(timeout=15_000)

    # The doctor completes the visit from the chart; the till shows it without a reload.
    clinic = open_page()
    doctor_failures = api_errors(clinic, lambda response: "/auth/" in response.url)
    _doctor_completes_only_the_visit(clinic, server, key, patient, sessions[0])
    queue = cashier.get("/api/v1/commerce/invoices/to-collect", params={"page_size": 100}).json()
    draft = next(d for d in queue["results"] if d["reference_id"] == visit["id"])
    total = Decimal(draft["total"])
    row = till.page.locator(f'{ROW}[data-invoice-id="{draft["id"]}"]')
    expect(row).to_be_visible(timeout=15_000)
    expect(row.get_by_test_id("to-collect-item")).to_have_count(2)
    assert till.page.evaluate("window.__samePage") is True

    qr_part = cash_part = (total / 4).quantize(Decimal("0.01"))
    _cashier_takes_part_and_leaves_a_balance(till, row, qr_part, cash_part)
    invoice = cashier.get(f"/api/v1/commerce/invoices/{draft['id']}").json()
    balance = total - qr_part - cash_part
    assert invoice["status"] == "partially_paid" and Decimal(invoice["balance_due"]) == balance, invoice
    sale_id = invoice["sale"]

    # Commission is earned on what was paid: half of it so far.
    assert _wait_until(lambda: _statement_for(doctor_api, sale_id)[0] > 0), "no commission for the sale"
    commission, earned, reversed_ = _statement_for(doctor_api, sale_id)
    assert abs(earned - commission * (qr_part + cash_part) / total) <= Decimal("0.02"), (earned, commission)
    assert reversed_ == 0
    _trial_balance_is_zero(accountant)

    _patient_pays_the_rest(till, invoice["number"], balance)
    assert _wait_until(lambda: _statement_for(doctor_api, sale_id)[1] == commission), "not earned in full"
    _trial_balance_is_zero(accountant)

    # A manager refunds one of the two lines: its commission is reversed; the books balance.
    office = open_page()
    office_failures = api_errors(office)
    _manager_refunds_the_first_line(office, server, invoice["number"])
    refunded = cashier.get(f"/api/v1/commerce/invoices/{draft['id']}").json()
    assert Decimal(refunded["refunded_total"]) == total / 2, refunded
    assert _wait_until(lambda: _statement_for(doctor_api, sale_id)[2] < 0), "no reversal"
    _commission, _earned, reversed_ = _statement_for(doctor_api, sale_id)
    assert abs(reversed_ + commission / 2) <= Decimal("0.01"), (reversed_, commission)
    _trial_balance_is_zero(accountant)
    _doctor_reads_the_statement(clinic, cashier.get(f"/api/v1/commerce/sales/{sale_id}").json()["number"])

    assert till_failures == [] and doctor_failures == [] and office_failures == []
    for watched in (till, clinic, office):
        watched.assert_clean()


# ------------------------------------------------------ a card charge settles live


def _webhook(server: Server, reference: str, status: str) -> None:
    """The gateway's signed call that settles the charge ``reference``."""
    body = json.dumps({"id": f"evt-{reference}-{status}", "reference": reference, "status": status}).encode()
    stamp = str(int(time.time()))
    answer = httpx.post(
        f"{server.base}/api/v1/commerce/payments/webhook",
        content=body,
        headers={
            "Content-Type": "application/json",
            SIGNATURE_HEADER: webhook_signature(body, stamp, WEBHOOK_SECRET),
            TIMESTAMP_HEADER: stamp,
        },
        timeout=20,
    )
    assert answer.status_code == 200 and answer.json()["status"] == status, answer.text


def _receipt_shot(watched: Watched, name: str) -> None:
    """A screenshot with the receipt (and the card's state on it) in view."""
    watched.page.get_by_test_id("receipt").scroll_into_view_if_needed()
    watched.shot(name)


def _sell_by_card(watched: Watched, gateway: Gateway, patient: dict[str, Any]) -> str:
    """A sale of the grid's first item to ``patient``, all by card; returns the charge's
    reference (our payment id) as the gateway received it."""
    page = watched.page
    page.get_by_test_id("tab-sell").click()
    page.get_by_test_id("pos-patient-search").locator("input").fill(patient["given_name"])
    page.get_by_test_id("pos-patient-option").filter(has_text=patient["chart_number"]).first.click()
    page.get_by_test_id("grid-item").first.click()
    expect(page.get_by_test_id("server-total")).to_have_attribute("data-agree", "true", timeout=15_000)
    page.get_by_test_id("payment-method").first.select_option("card")
    page.get_by_test_id("payment-rest").first.click()
    charges = len(gateway.requests)
    page.get_by_test_id("checkout-confirm").click()
    expect(page.get_by_test_id("card-wait")).to_have_attribute("data-status", "pending", timeout=15_000)
    assert len(gateway.requests) == charges + 1
    return str(gateway.requests[-1]["body"]["reference"])


def test_a_card_payment_waits_for_the_terminal_and_turns_paid_when_the_gateway_settles_it(
    server, open_page, gateway
):
    cashier = server.api("cashier")
    patient = cashier.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    till = _till(open_page, server)
    failures = api_errors(till)
    page = till.page

    reference = _sell_by_card(till, gateway, patient)
    expect(page.get_by_test_id("card-wait-text")).to_contain_text("Waiting for the card terminal")
    expect(page.get_by_test_id("receipt-invoice")).to_have_count(0)  # no receipt before the money
    _receipt_shot(till, "card-01-waiting")
    phone(page)
    fits(page, "receipt")
    _receipt_shot(till, "card-02-waiting-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    arabic(page, True)
    expect(page.get_by_test_id("card-wait-text")).to_contain_text("بانتظار جهاز البطاقات")
    _receipt_shot(till, "card-03-waiting-arabic")
    phone(page)

    _webhook(server, reference, "succeeded")
    expect(page.get_by_test_id("receipt-invoice")).to_have_attribute("data-status", "paid", timeout=15_000)
    expect(page.get_by_test_id("card-wait")).to_have_attribute("data-status", "succeeded")
    assert page.evaluate("window.__samePage") is True  # live, no reload
    fits(page, "receipt")
    _receipt_shot(till, "card-04-paid-arabic-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    arabic(page, False)
    _receipt_shot(till, "card-05-paid")
    payment = cashier.get(f"/api/v1/commerce/payments/{reference}").json()
    assert payment["status"] == "succeeded" and payment["provider_reference"].startswith("ch_")

    # A declined card: the reason, then the amount taken by another method.
    page.get_by_test_id("receipt-next").click()
    declined = _sell_by_card(till, gateway, patient)
    _webhook(server, declined, "failed")
    failed = page.get_by_test_id("card-failed")
    expect(failed).to_contain_text("the card was declined", timeout=15_000)
    expect(page.get_by_test_id("receipt-invoice")).to_have_attribute("data-status", "sent")
    _receipt_shot(till, "card-06-declined")
    arabic(page, True)
    expect(failed).to_contain_text("رُفضت البطاقة")
    phone(page)
    fits(page, "receipt")
    _receipt_shot(till, "card-07-declined-arabic-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    arabic(page, False)
    page.get_by_test_id("card-another").click()
    dialog = page.get_by_test_id("pay-dialog")
    expect(dialog.get_by_test_id("pay-method").first).to_have_value("cash")
    till.shot("card-08-another-method")
    page.get_by_test_id("pay-submit").click()
    expect(page.get_by_test_id("receipt-invoice")).to_have_attribute("data-status", "paid", timeout=15_000)
    expect(page.get_by_test_id("card-wait")).to_have_count(0)
    _receipt_shot(till, "card-09-paid-by-cash")
    assert page.evaluate("window.__samePage") is True

    assert failures == []
    till.assert_clean()


def _book_with_deposit(
    server: Server, clinic: str, manager: httpx.Client, desk: httpx.Client
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """A treatment of ``clinic`` that needs no consent form asks for a 20 % deposit (set
    by the manager); the desk books it today at a free time within the clinic's check-in
    window (so the patient can be checked in), in an extra hour the manager gives each
    doctor when nobody has one that soon. Returns the service and the appointment; None
    when the clinic has no such time (its practitioners booked through the window)."""
    services = manager.get("/api/v1/catalog/services", params={"is_active": True, "page_size": 100}).json()
    service = next(
        s
        for s in services["results"]
        if not s["requires_consent"] and not s["contraindications"] and not s["device_kind"]
    )
    zone = ZONES[clinic]
    opens_before = dt.timedelta(minutes=desk.get("/api/v1/clinics/me").json()["checkin_opens_minutes_before"])

    def soon() -> list[dict[str, Any]]:
        today = dt.datetime.now(tz=zone).date().isoformat()
        wanted = {"service": service["id"], "date_from": today, "date_to": today}
        slots = desk.get("/api/v1/calendar/appointments/availability", params=wanted).json()
        latest = dt.datetime.now(tz=zone) + opens_before
        return [s for s in slots if dt.datetime.fromisoformat(s["starts_at"]) <= latest]

    slots = soon()
    if not slots:
        for member in desk.get("/api/v1/staff", params={"role": "doctor", "page_size": 20}).json()["results"]:
            extra_hours_today(server, member["user"]["id"], clinic=clinic, owner=manager)
        slots = soon()
    if not slots:
        return None
    changed = manager.patch(
        f"/api/v1/catalog/services/{service['id']}", json={"deposit_kind": "percent", "deposit_value": "20"}
    )
    assert changed.status_code == 200, changed.text
    service = changed.json()
    patients = desk.get("/api/v1/patients", params={"page_size": 100}).json()["results"]
    for patient in patients:
        booked = desk.post(
            "/api/v1/calendar/appointments",
            json={
                "patient_id": patient["id"],
                "practitioner_id": slots[0]["practitioner_id"],
                "service_id": service["id"],
                "starts_at": slots[0]["starts_at"],
            },
        )
        if booked.status_code == 201:
            return service, booked.json()
    raise AssertionError(f"no patient free at {slots[0]['starts_at']} at {clinic}")


def _desk_takes_the_deposit(
    desk: Watched, server: Server, clinic: str, appointment: dict[str, Any], due: str
) -> None:
    """The receptionist of ``clinic`` opens the appointment from the day list, sees the
    deposit due and takes it in cash; the dialog on a phone and in Arabic."""
    page = desk.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("receptionist", clinic))
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto("/calendar?list=day")
    expect(page.get_by_test_id("day-list")).to_be_visible(timeout=15_000)
    day = dt.datetime.fromisoformat(appointment["starts_at"]).astimezone(ZONES[clinic]).date()
    page.get_by_label("Day").fill(day.isoformat())
    page.get_by_test_id(f"day-row-{appointment['id']}").get_by_role("button").first.click()
    dialog = page.get_by_role("dialog")
    deposit = dialog.get_by_test_id("appointment-deposit")
    expect(deposit.get_by_test_id("deposit-due")).to_contain_text(due)
    expect(deposit.get_by_test_id("deposit-state")).to_have_attribute("data-status", "due")
    desk.shot("deposit-01-due")
    deposit.get_by_test_id("deposit-take").click()
    deposit.get_by_label("Cash").check()
    desk.shot("deposit-02-take")
    deposit.get_by_test_id("deposit-confirm").click()
    expect(deposit.get_by_test_id("deposit-state")).to_have_attribute("data-status", "paid")
    expect(deposit.get_by_test_id("deposit-state")).to_contain_text("Cash")
    expect(deposit.get_by_test_id("deposit-take")).to_have_count(0)
    desk.shot("deposit-03-paid")
    phone(page)
    fits(page, "appointment-deposit")
    desk.shot("deposit-04-paid-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    dialog.get_by_role("button", name="Close").click()
    arabic(page, True)
    page.get_by_test_id(f"day-row-{appointment['id']}").get_by_role("button").first.click()
    expect(deposit.get_by_test_id("deposit-state")).to_contain_text("نقدًا")
    desk.shot("deposit-05-paid-arabic")
    phone(page)
    fits(page, "appointment-deposit")
    desk.shot("deposit-06-paid-arabic-390")


#: Who sets the deposit rule and gives the extra hours at each clinic, in the order the
#: clinics are tried (the first with a free time to check in today): a manager whose
#: second factor no other test of this module enrols (one enrolment per user).
DEPOSIT_MANAGER = {BANGKOK: "owner", SAO_PAULO: "admin", RIYADH: "admin"}


def _deposit_booking_at(
    server: Server, clinic: str
) -> tuple[str, httpx.Client, dict[str, Any], dict[str, Any]] | None:
    """``_book_with_deposit`` at ``clinic``: the clinic, its desk's client, the service
    and the appointment; None when it has no free time to check in today."""
    desk = server.api("receptionist", clinic)
    manager = api_with_totp(server, DEPOSIT_MANAGER[clinic], clinic)
    booking = _book_with_deposit(server, clinic, manager, desk)
    return None if booking is None else (clinic, desk, *booking)


def test_a_deposit_taken_at_the_desk_is_applied_on_the_invoice_to_collect(server, open_page):
    """At Bangkok, or, when its practitioners have no free time to check in today (late
    in its evening), at São Paulo or Riyadh."""
    booking = next(
        filter(None, (_deposit_booking_at(server, clinic) for clinic in DEPOSIT_MANAGER)),
        None,
    )
    if booking is None:
        pytest.skip("no demo clinic has a free time to book and check in today")
    clinic, desk_api, service, appointment = booking
    due = service["deposit_amount"]
    desk = open_page()
    desk_failures = api_errors(desk)
    _desk_takes_the_deposit(desk, server, clinic, appointment, due.split(".")[0])
    state = desk_api.get(f"/api/v1/calendar/appointments/{appointment['id']}/deposit").json()
    assert (state["status"], state["paid"], state["method"]) == ("paid", due, "cash"), state

    # The patient comes (checked in at the desk): the visit of the appointment, its session
    # done, the visit completed.
    arrived = desk_api.post(f"/api/v1/calendar/appointments/{appointment['id']}/arrive")
    assert arrived.status_code == 200, arrived.text
    nurse = api_with_totp(server, "nurse", clinic)
    visit = nurse.post("/api/v1/clinic/visits", json={"appointment_id": appointment["id"]})
    assert visit.status_code in (200, 201), visit.text  # arrival opened it
    me = nurse.get("/api/v1/users/me").json()["user"]
    session = nurse.post(
        "/api/v1/clinic/sessions",
        json={"visit_id": visit.json()["id"], "service_id": service["id"], "practitioner_ids": [me["id"]]},
    ).json()
    started = nurse.post(f"/api/v1/clinic/sessions/{session['id']}/start", json={"acknowledged_alerts": []})
    assert started.status_code == 200, started.text
    assert nurse.post(f"/api/v1/clinic/sessions/{session['id']}/complete").status_code == 200
    assert nurse.post(f"/api/v1/clinic/visits/{visit.json()['id']}/complete").status_code == 200

    # The till: the draft shows the deposit applied and the balance; only that is collected.
    till = _till(open_page, server, clinic)
    till_failures = api_errors(till)
    cashier = server.api("cashier", clinic)
    queue = cashier.get("/api/v1/commerce/invoices/to-collect", params={"page_size": 100}).json()
    draft = next(d for d in queue["results"] if d["reference_id"] == visit.json()["id"])
    assert [p["method"] for p in draft["payments"]] == ["deposit"] and draft["paid_total"] == due, draft
    row = till.page.locator(f'{ROW}[data-invoice-id="{draft["id"]}"]')
    expect(row.get_by_test_id("to-collect-deposit")).to_contain_text("Deposit applied")
    expect(row.get_by_test_id("to-collect-balance")).to_contain_text(draft["balance_due"].split(".")[0])
    row.scroll_into_view_if_needed()
    till.shot("deposit-07-to-collect")
    row.get_by_test_id("to-collect-open").click()
    expect(till.page.get_by_test_id("checkout-deposit")).to_contain_text("Deposit applied")
    expect(till.page.get_by_test_id("server-total")).to_have_attribute("data-agree", "true")
    till.page.get_by_test_id("payment-rest").first.click()
    expect(till.page.get_by_test_id("payment-amount").locator("input").first).to_have_value(
        draft["balance_due"]
    )
    till.shot("deposit-08-checkout")
    till.page.get_by_test_id("checkout-confirm").click()
    expect(till.page.get_by_test_id("receipt")).to_be_visible()
    invoice = cashier.get(f"/api/v1/commerce/invoices/{draft['id']}").json()
    assert (invoice["status"], invoice["balance_due"]) == ("paid", "0.00"), invoice
    state = desk_api.get(f"/api/v1/calendar/appointments/{appointment['id']}/deposit").json()
    assert (state["status"], state["applied"]) == ("applied", due), state

    assert desk_failures == [] and till_failures == []
    for watched in (desk, till):
        watched.assert_clean()


def _settings_patch(response: Response) -> bool:
    return response.url.endswith("/payments/settings") and response.request.method == "PATCH"


def test_the_owner_sets_the_tills_methods_the_pix_key_and_the_deposit_rule(server, open_page):
    """The São Paulo owner on the payment settings page: Brazil's methods (Pix, no
    PromptPay), a bad Pix key named, then the key, walk-in sales and refunded no-show
    deposits saved and still there after a reload; the page fits a phone and reads in
    Arabic."""
    office = open_page()
    errors = api_errors(office, lambda r: r.status == 400 and "/payments/settings" in r.url)
    page = office.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("owner", SAO_PAULO))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.goto("/settings/payments")
    settings = page.get_by_test_id("payment-settings")
    methods = settings.get_by_test_id("payment-settings-method")
    expect(methods.first).to_be_visible(timeout=15_000)
    offered = {methods.nth(i).get_attribute("data-method") for i in range(methods.count())}
    assert "pix" in offered and "promptpay" not in offered, offered

    pix = settings.get_by_test_id("payment-settings-pix")
    pix.locator("input").fill("not a key")
    with page.expect_response(_settings_patch) as refused:
        settings.get_by_test_id("payment-settings-save").click()
    assert refused.value.status == 400 and "pix_key" in refused.value.text()
    expect(pix.locator("input")).to_have_attribute("aria-invalid", "true")
    expect(pix).to_contain_text("A CPF, CNPJ, e-mail, +55 phone number or random key.")
    pix.locator("input").fill("+55 11 98765-0101")
    settings.get_by_test_id("payment-settings-walk-in").check()
    settings.locator('[data-testid="payment-settings-deposit-no-show"][data-choice="refund"]').check()
    with page.expect_response(_settings_patch) as saved:
        settings.get_by_test_id("payment-settings-save").click()
    assert saved.value.status == 200, saved.value.text()
    office.shot("settings-payments-desktop")

    page.reload()
    expect(pix.locator("input")).to_have_value("+5511987650101", timeout=15_000)
    expect(settings.get_by_test_id("payment-settings-walk-in")).to_be_checked()
    expect(settings.locator('[data-choice="refund"]')).to_be_checked()
    arabic(page)
    phone(page)
    fits(page, "payment-settings")
    office.shot("settings-payments-phone-ar")
    assert errors == []
    office.assert_clean()
