"""The POS in Chromium against the real server and a real Celery worker: the cashier
sells a course and a product with a practitioner credited, pays by two methods and
watches the commission split arrive live; the Riyadh till in Arabic, mirrored and in
riyals, with its invoice PDF; a manager's partial refund from the invoice list; a course
session redeemed at the till; and a doctor's lot recall from the Stock tab.

Screenshots go to ``test-results/e2e/pos-*.png``."""

from __future__ import annotations

import base64
import datetime as dt
import json
import time
from dataclasses import dataclass, field
from decimal import Decimal

import httpx
import pytest
from django_otp.oath import totp
from playwright.sync_api import APIResponse, Page, Route, expect

from support import BANGKOK, RIYADH, Server, sign_in, sign_in_arabic, totp_secret

TOTP_STEP = 30

# The limit covers this module's own server start (migrate + demo data), which the first
# test to run pays for, slow on a busy machine.
pytestmark = pytest.mark.timeout(600)


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # commissions and receipts are computed by the worker


@dataclass
class Authenticator:
    """The authenticator app of the demo users this module enrolled in TOTP, by role. The
    server takes each time step's code once, so a second sign-in within one step uses the
    next step's code (inside the server's tolerance of one step)."""

    keys: dict[str, bytes] = field(default_factory=dict)
    last_step: dict[str, int] = field(default_factory=dict)

    def enrol(self, role: str, secret: str) -> None:
        self.keys[role] = base64.b32decode(secret + "=" * (-len(secret) % 8))

    def code(self, role: str) -> str:
        now = int(time.time()) // TOTP_STEP
        step = max(now, self.last_step.get(role, -1) + 1)
        if step > now + 1:  # this step's and the next one's codes are spent: wait a step
            time.sleep((step - 1) * TOTP_STEP - time.time() + 0.1)
            now = step - 1
        self.last_step[role] = step
        return f"{totp(self.keys[role], step=TOTP_STEP, drift=step - now):06d}"


@pytest.fixture(scope="module")
def authenticator() -> Authenticator:
    return Authenticator()


def _api_with_2fa(server: Server, auth: Authenticator, role: str) -> httpx.Client:
    """An API client of a demo ``role`` that needs 2FA (at Bangkok): TOTP enrolled and
    verified on its first use in this module, signed in with a code after that."""
    if role not in auth.keys:
        client = server.api(role)
        auth.enrol(role, client.post("/api/v1/auth/2fa/totp").json()["secret"])
        answer = client.post("/api/v1/auth/2fa/totp/confirm", json={"code": auth.code(role)})
    else:
        phone, password = server.login(role)
        client = httpx.Client(base_url=server.base, timeout=20)
        answer = client.post(
            "/api/v1/auth/token", json={"phone": phone, "password": password, "otp_code": auth.code(role)}
        )
    assert answer.status_code == 200, answer.text
    client.headers["Authorization"] = f"Bearer {answer.json()['access']}"
    if "X-Clinic-Id" not in client.headers:
        client.headers["X-Clinic-Id"] = next(
            m["clinic_id"]
            for m in client.get("/api/v1/users/me").json()["memberships"]
            if m["clinic_name"].startswith(BANGKOK)
        )
    return client


def _sign_in_with_2fa(page: Page, server: Server, auth: Authenticator, role: str) -> None:
    """Sign a demo ``role`` that needs 2FA in through the pages (at Bangkok): the enrol page
    on its first sign-in in this module, the code step of the login page after that."""
    sign_in(page, *server.login(role))
    if role in auth.keys:
        page.get_by_label("Authenticator code").fill(auth.code(role))
        page.get_by_role("button", name="Verify").click()
    else:
        expect(page).to_have_url(f"{server.base}/enrol")
        auth.enrol(role, totp_secret(page))
        page.get_by_label("Code from the app").fill(auth.code(role))
        page.get_by_role("button", name="Turn on").click()
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)


def _wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def _money(page: Page, amount: str, currency: str) -> str:
    """``amount`` as the page's locale writes it in ``currency`` (what the POS shows)."""
    return str(
        page.evaluate(
            "([amount, currency]) => new Intl.NumberFormat(document.documentElement.lang, "
            "{style: 'currency', currency}).format(amount)",
            [amount, currency],
        )
    )


def test_cashier_sells_a_course_and_a_product_and_sees_the_commission_split_live(
    server, open_page, authenticator
):
    cashier = server.api("cashier")
    patient = cashier.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    courses = cashier.get("/api/v1/catalog/courses", params={"is_active": True}).json()["results"]
    products = cashier.get("/api/v1/catalog/products", params={"is_active": True, "kind": "retail"}).json()
    before = cashier.get("/api/v1/commerce/sales", params={"patient": patient["id"]}).json()["count"]
    course = courses[0]["name"]
    product = products["results"][0]["name"]

    watched = open_page()
    page = watched.page
    sign_in(page, *server.login("cashier", BANGKOK))
    page.get_by_role("link", name="Billing").click()
    expect(page.get_by_test_id("course-grid")).to_be_visible()
    page.get_by_test_id("pos-patient-search").locator("input").fill(patient["given_name"])
    page.get_by_test_id("pos-patient-option").filter(has_text=patient["chart_number"]).click()
    expect(page.get_by_test_id("pos-patient-name")).to_contain_text(patient["chart_number"])
    watched.shot("pos-01-grid")

    page.get_by_test_id("grid-kind-course").click()
    page.locator(f'[data-testid="grid-item"][data-name="{course}"]').click()
    page.get_by_test_id("grid-kind-product").click()
    page.get_by_test_id("grid-search").locator("input").fill(product)
    page.locator(f'[data-testid="grid-item"][data-name="{product}"]').click()
    lines = page.get_by_test_id("cart-line")
    expect(lines).to_have_count(2)
    practitioner = lines.first.get_by_test_id("line-practitioner").first.get_attribute("data-name")
    for i in range(2):
        lines.nth(i).locator(f'[data-testid="line-practitioner"][data-name="{practitioner}"]').check()
    expect(page.get_by_test_id("server-total")).to_have_attribute("data-agree", "true")
    client_total = page.get_by_test_id("cart-total").inner_text()
    watched.shot("pos-02-cart-quoted")

    page.get_by_test_id("payment-amount").first.locator("input").fill("1000")
    page.get_by_test_id("payment-add").click()
    second = page.get_by_test_id("payment-row").nth(1)
    second.get_by_test_id("payment-method").select_option("promptpay")
    second.get_by_test_id("payment-rest").click()
    second.get_by_test_id("payment-reference").locator("input").fill("PP-E2E-0001")
    page.evaluate("window.__samePage = true")
    status_reads: list[str] = []
    page.on("request", lambda r: status_reads.append(r.url) if "/commission-status/" in r.url else None)
    confirm = page.get_by_test_id("checkout-confirm")
    confirm.dblclick()  # a double click sells once
    receipt = page.get_by_test_id("receipt")
    expect(receipt).to_be_visible()
    expect(page.get_by_test_id("receipt-total")).to_have_text(client_total)
    expect(page.get_by_test_id("receipt-payment")).to_have_count(2)
    watched.shot("pos-03-receipt-commission-calculating")

    badge = page.get_by_test_id("commission-badge")
    expect(badge).to_have_attribute("data-status", "done", timeout=45_000)
    expect(badge.get_by_test_id("commission-line")).to_have_count(2)
    expect(badge).to_contain_text(practitioner or "")
    assert page.evaluate("window.__samePage") is True  # no reload on the way
    # The split came with the commission.calculated event: the badge read the status once
    # at first and once as its socket opened, and did not poll (the socket was up).
    assert len(status_reads) <= 2, status_reads
    watched.shot("pos-04-commission-split")

    after = cashier.get("/api/v1/commerce/sales", params={"patient": patient["id"]}).json()
    assert after["count"] == before + 1  # the double click sold once
    sale = after["results"][0]  # newest first
    assert all(c["practitioner"] for line in sale["lines"] for c in line["credits"])
    assert {line["kind"] for line in sale["lines"]} == {"course", "product"}
    invoice = cashier.get(f"/api/v1/commerce/invoices/{sale['invoice']}").json()
    assert invoice["status"] == "paid" and invoice["balance_due"] == "0.00"
    expect(page.get_by_test_id("receipt-invoice")).to_have_attribute("data-status", "paid")

    outbox = server.var / "notifications" / "outbox.jsonl"

    def receipt_sent() -> bool:
        if not outbox.is_file():
            return False
        return any(invoice["number"] in json.loads(row)["body"] for row in outbox.read_text().splitlines())

    assert _wait_for(receipt_sent), "no receipt notification for the invoice"

    # Who received which lot is for roles with the recall (stock.recall), not the cashier.
    doctor = _api_with_2fa(server, authenticator, "doctor")
    assert cashier.get("/api/v1/inventory/movements", params={"patient": patient["id"]}).status_code == 403
    movement = doctor.get(
        "/api/v1/inventory/movements", params={"patient": patient["id"], "kind": "sale"}
    ).json()["results"][0]
    recall = doctor.get(f"/api/v1/inventory/lots/{movement['lot']}/recall")
    assert recall.status_code == 200, recall.text
    assert patient["id"] in {row["patient_id"] for row in recall.json()["rows"]}

    page.get_by_test_id("tab-invoices").click()
    expect(page.locator(f'[data-testid="invoice-row"][data-number="{invoice["number"]}"]')).to_have_attribute(
        "data-status", "paid"
    )
    watched.shot("pos-05-invoices")
    watched.assert_clean()


def test_arabic_till_at_riyadh_is_mirrored_prices_in_riyals_and_links_the_invoice_pdf(server, open_page):
    watched = open_page()
    page = watched.page
    sign_in_arabic(page, *server.login("cashier", RIYADH))
    page.get_by_role("link", name="الفواتير").click()
    grid = page.get_by_test_id("course-grid")
    expect(grid).to_be_visible(timeout=15_000)
    expect(page.get_by_role("heading", name="نقطة البيع")).to_be_visible()

    page.get_by_test_id("grid-kind-service").click()
    with page.expect_response(lambda r: r.url.endswith("/api/v1/commerce/sales/quote")) as quoted:
        page.get_by_test_id("grid-item").first.click()
    quote = quoted.value.json()
    assert quote["currency"] == "SAR"
    expect(page.get_by_test_id("server-total")).to_have_attribute("data-agree", "true")
    total = _money(page, quote["total"], "SAR")
    assert "ر.س" in total
    expect(page.get_by_test_id("cart-total")).to_have_text(total)
    # Mirrored: the cart column sits left of the grid, a line's total at the line's left end.
    cart = page.get_by_test_id("cart").bounding_box()
    grid_box = grid.bounding_box()
    assert cart and grid_box and cart["x"] + cart["width"] <= grid_box["x"]
    line = page.get_by_test_id("cart-line").first
    line_box, line_total = line.bounding_box(), line.get_by_test_id("line-total").bounding_box()
    assert line_box and line_total and line_total["x"] - line_box["x"] < line_box["width"] / 2
    watched.shot("pos-rtl-01-cart")

    page.get_by_test_id("payment-rest").first.click()
    page.get_by_test_id("checkout-confirm").click()
    expect(page.get_by_test_id("receipt")).to_be_visible()
    expect(page.get_by_test_id("receipt-total")).to_have_text(total)
    watched.shot("pos-rtl-02-receipt")

    # The receipt's PDF link, fetched with the page's token: passed through here to read
    # the bytes (the page reads them as a blob, which leaves the response event no body).
    fetched: list[APIResponse] = []

    def pass_through(route: Route) -> None:
        fetched.append(route.fetch())
        route.fulfill(response=fetched[-1])

    page.route("**/api/v1/commerce/invoices/*/pdf", pass_through)
    with page.expect_response(lambda r: r.url.endswith("/pdf")):
        page.get_by_test_id("receipt-pdf").click()
    assert fetched[0].status == 200
    assert fetched[0].headers["content-type"] == "application/pdf"
    assert fetched[0].body()[:4] == b"%PDF"
    watched.assert_clean()


def test_manager_refunds_part_of_a_paid_invoice_from_the_invoice_list(server, open_page, authenticator):
    cashier = server.api("cashier")
    stocked = {
        lot["product"]
        for lot in cashier.get("/api/v1/inventory/lots", params={"page_size": 100}).json()["results"]
        if Decimal(lot["quantity_on_hand"]) >= 2
    }
    products = cashier.get(
        "/api/v1/catalog/products", params={"is_active": True, "kind": "retail", "page_size": 100}
    ).json()["results"]
    product = next(p for p in products if p["id"] in stocked)
    cart = {"lines": [{"kind": "product", "item_id": product["id"], "quantity": "2"}]}
    total = cashier.post("/api/v1/commerce/sales/quote", json=cart).json()["total"]
    sold = cashier.post(
        "/api/v1/commerce/sales/checkout",
        json={**cart, "idempotency_key": "e2e-refund", "payments": [{"method": "cash", "amount": total}]},
    )
    assert sold.status_code == 201, sold.text
    sale = sold.json()
    number = cashier.get(f"/api/v1/commerce/invoices/{sale['invoice']}").json()["number"]

    watched = open_page()
    page = watched.page
    _sign_in_with_2fa(page, server, authenticator, "admin")
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-invoices").click()
    row = page.locator(f'[data-testid="invoice-row"][data-number="{number}"]')
    expect(row).to_have_attribute("data-status", "paid")
    expect(row.get_by_test_id("invoice-refunded")).to_have_text(_money(page, "0", sale["currency"]))
    row.get_by_test_id("invoice-refund").click()
    page.get_by_test_id("refund-quantity").locator("input").fill("1")
    page.get_by_test_id("refund-reason").locator("input").fill("One box came back unopened")
    watched.shot("pos-06-refund-dialog")
    page.get_by_test_id("refund-submit").click()

    # Half the line back: the list shows it refunded, nothing left to pay.
    half = str(Decimal(total) / 2)
    expect(row.get_by_test_id("invoice-refunded")).to_have_text(_money(page, half, sale["currency"]))
    expect(row.get_by_test_id("invoice-balance")).to_have_text(_money(page, "0", sale["currency"]))
    expect(row).to_have_attribute("data-status", "paid")
    watched.shot("pos-07-refunded")

    invoice = cashier.get(f"/api/v1/commerce/invoices/{sale['invoice']}").json()
    assert Decimal(invoice["refunded_total"]) == Decimal(half)
    assert cashier.get(f"/api/v1/commerce/sales/{sale['id']}").json()["status"] == "partially_refunded"
    payments = cashier.get("/api/v1/commerce/payments", params={"invoice": sale["invoice"]}).json()["results"]
    assert sorted(Decimal(p["amount"]) for p in payments) == [-Decimal(half), Decimal(total)]
    watched.assert_clean()


def test_cashier_redeems_a_course_session_from_the_patients_balances(server, open_page):
    cashier = server.api("cashier")
    balances = cashier.get(
        "/api/v1/commerce/course-balances", params={"status": "active", "page_size": 100}
    ).json()["results"]
    now = dt.datetime.now(dt.UTC)
    usable = [b for b in balances if dt.datetime.fromisoformat(b["expires_at"]) > now]
    balance = next(b for b in usable if b["sessions_remaining"] > 1)
    patient = cashier.get(f"/api/v1/patients/{balance['patient']}").json()
    left = balance["sessions_remaining"]

    watched = open_page()
    page = watched.page
    sign_in(page, *server.login("cashier", BANGKOK))
    page.get_by_role("link", name="Billing").click()
    search = page.get_by_test_id("pos-patient-search").locator("input")
    search.fill(f"{patient['given_name']} {patient['family_name']}")
    page.get_by_test_id("pos-patient-option").filter(has_text=patient["chart_number"]).click()
    row = page.locator(f'[data-testid="course-balance"][data-id="{balance["id"]}"]')
    expect(row).to_have_attribute("data-remaining", str(left))
    row.get_by_test_id("course-redeem").click()
    expect(row).to_have_attribute("data-remaining", str(left - 1))
    sessions = f"{left - 1} of {balance['sessions_total']} sessions left"
    expect(row.get_by_test_id("course-remaining")).to_have_text(sessions)
    watched.shot("pos-08-course-redeemed")

    after = cashier.get(f"/api/v1/commerce/course-balances/{balance['id']}").json()
    assert after["sessions_remaining"] == left - 1
    watched.assert_clean()


def test_doctor_recalls_a_lot_from_the_stock_tab(server, open_page, authenticator):
    doctor = _api_with_2fa(server, authenticator, "doctor")
    movement = next(
        m
        for m in doctor.get("/api/v1/inventory/movements", params={"kind": "sale", "page_size": 100}).json()[
            "results"
        ]
        if m["patient"]
    )
    chart_number = doctor.get(f"/api/v1/patients/{movement['patient']}").json()["chart_number"]

    watched = open_page()
    page = watched.page
    _sign_in_with_2fa(page, server, authenticator, "doctor")
    page.get_by_role("link", name="Billing").click()
    # A doctor does not sell: the till says so instead of failing to load.
    expect(page.get_by_test_id("sell-not-allowed")).to_be_visible()
    expect(page.get_by_test_id("tab-invoices")).to_have_count(0)
    page.get_by_test_id("tab-stock").click()
    page.get_by_test_id("stock-search").locator("input").fill(movement["lot_number"])
    row = page.locator(f'[data-testid="lot-row"][data-id="{movement["lot"]}"]')
    expect(row).to_have_attribute("data-lot-number", movement["lot_number"])
    row.get_by_test_id("lot-recall").click()
    panel = page.get_by_test_id("recall-panel")
    expect(panel.get_by_role("heading")).to_contain_text(movement["lot_number"])
    expect(
        panel.locator(f'[data-testid="recall-row"][data-chart-number="{chart_number}"]').first
    ).to_be_visible()
    watched.shot("pos-09-stock-recall")
    watched.assert_clean()
