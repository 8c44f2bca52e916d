"""The POS in Chromium against the real server and a real Celery worker: the cashier
sells a course and a product with a practitioner credited, pays by two methods and
watches the commission split arrive live; the Riyadh till in Arabic, mirrored and in
riyals, with its invoice PDF; a manager's partial refund from the invoice list; a course
session redeemed at the till; a doctor's lot recall from the Stock tab; an open invoice
collected from the invoice list in two methods with change for cash (also in Arabic and on
a phone); Refund offered only where something was paid; a manager voiding an unpaid
invoice and sending (then resending) another to the patient by SMS, whose link opens the
PDF without signing in (also on a phone and in Arabic).

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
from playwright.sync_api import APIResponse, Locator, Page, Route, expect

from support import BANGKOK, RIYADH, Server, Watched, sign_in, sign_in_arabic, totp_secret

TOTP_STEP = 30

# The limit covers this module's own server start (a copy of the demo database, uvicorn), which the first
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


def _pay_the_rest_by_promptpay_qr(watched: Watched) -> Locator:
    """At the Bangkok till with a quoted cart: 1000 in cash, the rest by PromptPay, whose QR
    carries the clinic's PromptPay ID and the amount. Screenshots at 1440x900, 390x844 and
    in Arabic (then back to English). Returns the PromptPay payment row."""
    page = watched.page
    # Bangkok takes its own methods only: PromptPay, never Pix.
    offered = page.get_by_test_id("payment-method").first.locator("option")
    expect(offered).to_have_count(4)
    assert offered.evaluate_all("options => options.map(o => o.value)") == [
        "cash",
        "card",
        "promptpay",
        "bank_transfer",
    ]
    page.get_by_test_id("payment-amount").first.locator("input").fill("1000")
    page.get_by_test_id("payment-add").click()
    second = page.get_by_test_id("payment-row").nth(1)
    second.get_by_test_id("payment-method").select_option("promptpay")
    second.get_by_test_id("payment-rest").click()
    rest = second.get_by_test_id("payment-amount").locator("input").input_value()
    qr = second.get_by_test_id("payment-qr-image")
    expect(qr).to_be_visible()
    payload = qr.get_attribute("data-payload") or ""
    # EMVCo PromptPay: the clinic's mobile (0066 + 925553939), THB, the rest as amount, CRC.
    assert payload.startswith("000201010212") and "29370016A00000067701011101130066925553939" in payload
    assert f"530376454{len(rest):02d}{rest}6304" in payload, (payload, rest)
    expect(second.get_by_test_id("payment-qr-amount")).to_contain_text(_money(page, rest, "THB"))
    second.get_by_test_id("payment-qr").scroll_into_view_if_needed()
    page.set_viewport_size({"width": 1440, "height": 900})
    watched.shot("pos-02b-promptpay-qr")
    page.set_viewport_size({"width": 390, "height": 844})
    # The sidebar slides out of view as the layout turns into the phone's (200 ms).
    expect(page.get_by_role("button", name="Close menu")).to_be_hidden()
    second.get_by_test_id("payment-qr").scroll_into_view_if_needed()
    watched.shot("pos-02c-promptpay-qr-mobile")
    page.set_viewport_size({"width": 1440, "height": 900})
    switcher = page.get_by_test_id("language-switcher").get_by_role("button")
    switcher.click()
    page.get_by_role("option", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    second.get_by_test_id("payment-qr").scroll_into_view_if_needed()
    expect(qr).to_be_visible()
    watched.shot("pos-02d-promptpay-qr-arabic")
    switcher.click()
    page.get_by_role("option", name="English").click()
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    return second


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
    expect(page.get_by_test_id("course-grid")).to_be_visible(timeout=15_000)
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

    second = _pay_the_rest_by_promptpay_qr(watched)
    confirm = page.get_by_test_id("checkout-confirm")
    expect(confirm).to_be_disabled()  # until the cashier has seen the money arrive
    second.get_by_test_id("payment-qr-received").check()
    second.get_by_test_id("payment-reference").locator("input").fill("PP-E2E-0001")
    page.evaluate("window.__samePage = true")
    status_reads: list[str] = []
    page.on("request", lambda r: status_reads.append(r.url) if "/commission-status/" in r.url else None)
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
    patient = (
        server.api("cashier", RIYADH).get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    )
    watched = open_page()
    page = watched.page
    sign_in_arabic(page, *server.login("cashier", RIYADH))
    page.get_by_role("link", name="الفواتير").click()
    grid = page.get_by_test_id("course-grid")
    expect(grid).to_be_visible(timeout=15_000)
    expect(page.get_by_role("heading", name="نقطة البيع")).to_be_visible()
    page.get_by_test_id("pos-patient-search").locator("input").fill(patient["chart_number"])
    page.get_by_test_id("pos-patient-option").filter(has_text=patient["chart_number"]).click()

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
    # Riyadh has neither PromptPay nor Pix: cash, card and bank transfer only.
    methods = page.get_by_test_id("payment-method").first.locator("option")
    assert methods.evaluate_all("options => options.map(o => o.value)") == ["cash", "card", "bank_transfer"]

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
    patient = cashier.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    cart = {
        "patient_id": patient["id"],
        "lines": [{"kind": "product", "item_id": product["id"], "quantity": "2"}],
    }
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
    # Nothing is taken before the cashier says which treatment and who gives it.
    dialog = page.get_by_test_id("course-redeem-dialog")
    expect(dialog.get_by_test_id("course-redeem-confirm")).to_be_disabled()
    practitioner = dialog.get_by_test_id("course-redeem-practitioner")
    practitioner.select_option(index=1)
    watched.shot("pos-07-course-redeem-dialog")
    dialog.get_by_test_id("course-redeem-confirm").click()
    expect(row).to_have_attribute("data-remaining", str(left - 1))
    sessions = f"{left - 1} of {balance['sessions_total']} sessions left"
    expect(row.get_by_test_id("course-remaining")).to_have_text(sessions)
    taken = page.get_by_test_id("course-redemption")
    expect(taken).to_have_count(1)
    expect(page.get_by_test_id("course-undo")).to_have_count(0)  # a manager gives a session back
    watched.shot("pos-08-course-redeemed")

    after = cashier.get(f"/api/v1/commerce/course-balances/{balance['id']}").json()
    assert after["sessions_remaining"] == left - 1
    redemption = cashier.get("/api/v1/commerce/course-redemptions", params={"balance": balance["id"]}).json()
    assert redemption["results"][0]["practitioner"] is not None

    # The same dialog on a phone (full screen), then in Arabic (right to left).
    page.set_viewport_size({"width": 390, "height": 844})
    row.get_by_test_id("course-redeem").click()
    expect(dialog).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    watched.shot("pos-08b-course-redeem-dialog-phone")
    dialog.get_by_role("button", name="Cancel").click()
    page.set_viewport_size({"width": 1440, "height": 900})
    page.get_by_test_id("language-switcher").get_by_role("button").click()
    page.get_by_role("option", name="العربية").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    row.get_by_test_id("course-redeem").click()
    expect(dialog.get_by_test_id("course-redeem-confirm")).to_have_text("استخدام الجلسة")
    watched.shot("pos-08c-course-redeem-dialog-arabic")
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


def _sold(client: httpx.Client, key: str, lines: list[dict], pay: list[tuple[str, Decimal]], **extra) -> dict:
    """A checkout through the API paying ``(method, amount)`` rows; answers the invoice."""
    body = {
        **extra,
        "lines": lines,
        "idempotency_key": key,
        "payments": [{"method": m, "amount": str(a)} for m, a in pay],
    }
    sold = client.post("/api/v1/commerce/sales/checkout", json=body)
    assert sold.status_code == 201, sold.text
    return client.get(f"/api/v1/commerce/invoices/{sold.json()['invoice']}").json()


def _receipt_names(server: Server, number: str, amounts: list[Decimal]) -> bool:
    """Whether a receipt sent for invoice ``number`` names every one of ``amounts``."""
    outbox = server.var / "notifications" / "outbox.jsonl"
    if not outbox.is_file():
        return False
    bodies = [json.loads(row)["body"] for row in outbox.read_text().splitlines()]
    return any(number in body and all(f"{a:,.2f}" in body for a in amounts) for body in bodies)


def _fits_the_width(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


def test_cashier_collects_a_partly_paid_invoice_from_the_list_in_two_methods_with_change(server, open_page):
    cashier = server.api("cashier")
    patient = cashier.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    service = cashier.get("/api/v1/catalog/services", params={"is_active": True}).json()["results"][0]
    lines = [{"kind": "service", "item_id": service["id"]}]
    quote = cashier.post("/api/v1/commerce/sales/quote", json={"lines": lines}).json()
    total, currency = Decimal(quote["total"]), quote["currency"]
    first = (total / 4).quantize(Decimal("0.01"))
    partly = _sold(cashier, "e2e-collect-partly", lines, [("card", first)], patient_id=patient["id"])
    unpaid = _sold(cashier, "e2e-collect-unpaid", lines, [], patient_id=patient["id"])
    assert partly["status"] == "partially_paid" and unpaid["status"] == "sent"
    balance = total - first
    card = (balance / 2).quantize(Decimal("0.01"))
    cash_due = balance - card
    cash_given = cash_due + Decimal(100)  # the patient hands over more: 100 back

    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("cashier", BANGKOK))
    page.get_by_role("link", name="Billing").click()
    expect(page.get_by_test_id("tab-invoices")).to_be_visible(timeout=30_000)
    page.get_by_test_id("tab-invoices").click()
    row = page.locator(f'[data-testid="invoice-row"][data-number="{partly["number"]}"]')
    unpaid_row = page.locator(f'[data-testid="invoice-row"][data-number="{unpaid["number"]}"]')
    expect(row).to_have_attribute("data-status", "partially_paid")
    expect(row.get_by_test_id("invoice-patient")).to_have_text(partly["patient_name"])
    expect(row.get_by_test_id("invoice-balance")).to_have_text(_money(page, str(balance), currency))
    # The cashier refunds nothing (a manager does); an open invoice offers Pay.
    expect(unpaid_row.get_by_test_id("invoice-pay")).to_be_visible()
    expect(unpaid_row.get_by_test_id("invoice-refund")).to_have_count(0)
    watched.shot("pos-08-invoice-list")

    # Filters: only partly paid invoices, then all again.
    with page.expect_response(lambda r: "status=partially_paid" in r.url):
        page.get_by_test_id("filter-status").select_option("partially_paid")
    expect(row).to_be_visible()
    expect(unpaid_row).to_have_count(0)
    with page.expect_response(lambda r: "/api/v1/commerce/invoices?" in r.url and "status=" not in r.url):
        page.get_by_test_id("filter-clear").click()
    expect(unpaid_row).to_be_visible()

    row.get_by_test_id("invoice-pay").click()
    dialog = page.get_by_test_id("pay-dialog")
    expect(dialog.get_by_test_id("pay-due")).to_contain_text(_money(page, str(balance), currency))
    dialog.get_by_test_id("pay-method").first.select_option("card")
    dialog.get_by_test_id("pay-amount").first.locator("input").fill(str(card))
    # Less than the balance: not sent unless a balance is left on purpose.
    expect(dialog.get_by_test_id("pay-submit")).to_be_disabled()
    expect(dialog.get_by_test_id("pay-leave-balance")).to_be_visible()
    dialog.get_by_test_id("pay-add").click()
    dialog.get_by_test_id("pay-method").nth(1).select_option("cash")
    dialog.get_by_test_id("pay-amount").nth(1).locator("input").fill(str(cash_given))
    expect(dialog.get_by_test_id("pay-change")).to_contain_text(_money(page, "100", currency))
    expect(dialog.get_by_test_id("pay-leave-balance")).to_have_count(0)
    expect(dialog.get_by_test_id("pay-submit")).to_be_enabled()
    watched.shot("pos-09-pay-dialog")
    with page.expect_response(lambda r: r.url.endswith("/collect")) as collected:
        dialog.get_by_test_id("pay-submit").click()
    assert collected.value.status == 201
    expect(row).to_have_attribute("data-status", "paid")
    expect(row.get_by_test_id("invoice-balance")).to_have_text(_money(page, "0", currency))
    payments = cashier.get("/api/v1/commerce/payments", params={"invoice": partly["id"]}).json()["results"]
    assert sorted((p["method"], Decimal(p["amount"])) for p in payments) == sorted(
        [("card", first), ("card", card), ("cash", cash_due)]
    )

    # One receipt names both payments of the collection.
    assert _wait_for(lambda: _receipt_names(server, partly["number"], [card, cash_due])), (
        "no receipt naming both"
    )

    # A phone: the list scrolls inside its frame, the dialog fits.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()  # laid out for the phone from the start (the menu folded away)
    page.get_by_test_id("tab-invoices").click()
    expect(unpaid_row).to_be_visible()
    assert _fits_the_width(page)
    unpaid_row.scroll_into_view_if_needed()
    watched.shot("pos-10-invoice-list-phone")
    unpaid_row.get_by_test_id("invoice-pay").click()
    page.get_by_test_id("pay-amount").first.locator("input").fill("1")
    expect(page.get_by_test_id("pay-leave-balance")).to_be_visible()
    watched.shot("pos-11-pay-dialog-phone")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("pay-dialog")).to_have_count(0)
    watched.assert_clean()


def test_manager_is_offered_refund_only_where_something_was_paid(server, open_page, authenticator):
    """Refund is not offered on an unpaid invoice, and the server refuses one with the
    reason named on the field."""
    cashier = server.api("cashier")
    service = cashier.get("/api/v1/catalog/services", params={"is_active": True}).json()["results"][0]
    lines = [{"kind": "service", "item_id": service["id"]}]
    total = cashier.post("/api/v1/commerce/sales/quote", json={"lines": lines}).json()["total"]
    patient = cashier.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]["id"]
    half = (Decimal(total) / 2).quantize(Decimal("0.01"))
    partly = _sold(cashier, "e2e-refund-partly", lines, [("cash", half)], patient_id=patient)
    unpaid = _sold(cashier, "e2e-refund-unpaid", lines, [], patient_id=patient)

    managed = open_page()
    manager_page = managed.page
    _sign_in_with_2fa(manager_page, server, authenticator, "admin")
    manager_page.get_by_role("link", name="Billing").click()
    manager_page.get_by_test_id("tab-invoices").click()
    paid_row = manager_page.locator(f'[data-testid="invoice-row"][data-number="{partly["number"]}"]')
    expect(paid_row.get_by_test_id("invoice-refund")).to_be_visible()
    open_row = manager_page.locator(f'[data-testid="invoice-row"][data-number="{unpaid["number"]}"]')
    expect(open_row.get_by_test_id("invoice-pay")).to_be_visible()
    expect(open_row.get_by_test_id("invoice-refund")).to_have_count(0)
    managed.shot("pos-12-refund-only-where-paid")
    admin = _api_with_2fa(server, authenticator, "admin")
    sale = admin.get(f"/api/v1/commerce/sales/{unpaid['sale']}").json()
    refused = admin.post(
        f"/api/v1/commerce/sales/{sale['id']}/refund",
        json={
            "idempotency_key": "e2e-refund-unpaid",
            "reason": "Changed mind",
            "method": "cash",
            "lines": [{"sale_line_id": sale["lines"][0]["id"], "quantity": "1"}],
        },
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "amount"
    # The reason itself (in the admin's language), not the generic "invalid input".
    assert refused.json()["errors"][0]["detail"] not in ("", refused.json()["detail"])
    managed.assert_clean()


def _invoice_link(server: Server, number: str) -> str:
    """The path of the link the last message about invoice ``number`` carries ("" if none)."""
    outbox = server.var / "notifications" / "outbox.jsonl"
    if not outbox.is_file():
        return ""
    bodies = [json.loads(row)["body"] for row in outbox.read_text().splitlines()]
    words = [w for body in bodies if number in body for w in body.split() if "/invoice-links/" in w]
    return httpx.URL(words[-1]).path if words else ""


def test_manager_voids_an_unpaid_invoice_and_resends_another_from_the_list(server, open_page, authenticator):
    cashier = server.api("cashier")
    patient = cashier.get("/api/v1/patients", params={"page_size": 1}).json()["results"][0]
    service = cashier.get("/api/v1/catalog/services", params={"is_active": True}).json()["results"][0]
    lines = [{"kind": "service", "item_id": service["id"]}]
    to_void = _sold(cashier, "e2e-void", lines, [], patient_id=patient["id"])
    to_send = _sold(cashier, "e2e-send", lines, [], patient_id=patient["id"])
    masked = to_send["send_to"]["sms"]
    assert masked and "X" in masked, to_send["send_to"]

    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    _sign_in_with_2fa(page, server, authenticator, "admin")
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-invoices").click()
    void_row = page.locator(f'[data-testid="invoice-row"][data-number="{to_void["number"]}"]')
    send_row = page.locator(f'[data-testid="invoice-row"][data-number="{to_send["number"]}"]')

    # Void: a confirmation that says it cannot be undone and asks why.
    void_row.get_by_test_id("invoice-void").click()
    dialog = page.get_by_test_id("void-dialog")
    expect(page.get_by_test_id("void-submit")).to_be_disabled()
    dialog.get_by_test_id("void-reason").locator("input").fill("Checked out by mistake")
    watched.shot("pos-13-void-dialog")
    with page.expect_response(lambda r: r.url.endswith("/void")) as voided:
        page.get_by_test_id("void-submit").click()
    assert voided.value.status == 200
    expect(void_row).to_have_attribute("data-status", "void")
    expect(void_row.get_by_test_id("invoice-void")).to_have_count(0)
    expect(void_row.get_by_test_id("invoice-send")).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text=to_void["number"])).to_be_visible()
    watched.shot("pos-14-voided")

    # Send by SMS: the destination masked; the row then offers Resend and says when.
    expect(send_row.get_by_test_id("invoice-send")).to_have_text("Send")
    send_row.get_by_test_id("invoice-send").click()
    dialog = page.get_by_test_id("send-dialog")
    expect(dialog.get_by_test_id("send-channel-sms")).to_contain_text(masked)
    dialog.get_by_test_id("send-channel-sms").locator("input").check()
    watched.shot("pos-15-send-dialog")
    with page.expect_response(lambda r: r.url.endswith("/send")) as sent:
        page.get_by_test_id("send-submit").click()
    assert sent.value.status == 202
    expect(page.get_by_role("status").filter(has_text=masked)).to_be_visible()
    expect(send_row.get_by_test_id("invoice-send")).to_have_text("Resend")
    expect(send_row.get_by_test_id("invoice-last-sent")).to_be_visible()
    watched.shot("pos-16-sent")

    # The worker sends the SMS; its link opens the PDF without signing in.
    assert _wait_for(lambda: _invoice_link(server, to_send["number"])), "no SMS with the invoice link"
    opened = httpx.get(server.base + _invoice_link(server, to_send["number"]), timeout=30)
    assert opened.status_code == 200 and opened.content.startswith(b"%PDF")
    assert (
        httpx.get(server.base + "/api/v1/commerce/invoice-links/forged:token:x", timeout=30).status_code
        == 404
    )

    # Resend: a second message (a new key), the list reloaded keeps Resend.
    send_row.get_by_test_id("invoice-send").click()
    with page.expect_response(lambda r: r.url.endswith("/send")) as resent:
        page.get_by_test_id("send-submit").click()
    assert resent.value.status == 202

    # A phone: the row's actions scroll with the table, the dialog fits.
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    page.get_by_test_id("tab-invoices").click()
    expect(send_row.get_by_test_id("invoice-send")).to_have_text("Resend")
    assert _fits_the_width(page)
    send_row.get_by_test_id("invoice-send").click()
    expect(page.get_by_test_id("send-dialog")).to_be_visible()
    watched.shot("pos-17-send-dialog-phone")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("send-dialog")).to_have_count(0)
    watched.assert_clean()


def test_arabic_invoice_list_and_pay_dialog_at_riyadh(server, open_page):
    cashier = server.api("cashier", RIYADH)
    patients = cashier.get("/api/v1/patients", params={"page_size": 1}).json()["results"]
    service = cashier.get("/api/v1/catalog/services", params={"is_active": True}).json()["results"][0]
    lines = [{"kind": "service", "item_id": service["id"]}]
    patient = patients[0]["id"] if patients else None
    unpaid = _sold(cashier, "e2e-collect-riyadh", lines, [], patient_id=patient)

    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in_arabic(page, *server.login("cashier", RIYADH))
    page.get_by_role("link", name="الفواتير").click()
    page.get_by_test_id("tab-invoices").click()
    row = page.locator(f'[data-testid="invoice-row"][data-number="{unpaid["number"]}"]')
    expect(row).to_have_attribute("data-status", "sent")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    watched.shot("pos-rtl-03-invoice-list")
    row.get_by_test_id("invoice-pay").click()
    dialog = page.get_by_test_id("pay-dialog")
    dialog.get_by_test_id("pay-amount").first.locator("input").fill(str(Decimal(unpaid["balance_due"]) + 50))
    expect(dialog.get_by_test_id("pay-change")).to_contain_text(_money(page, "50", "SAR"))
    watched.shot("pos-rtl-04-pay-dialog")
    page.set_viewport_size({"width": 390, "height": 844})
    watched.shot("pos-rtl-05-pay-dialog-phone")
    with page.expect_response(lambda r: r.url.endswith("/collect")) as collected:
        dialog.get_by_test_id("pay-submit").click()
    assert collected.value.status == 201
    expect(row).to_have_attribute("data-status", "paid")
    page.reload()
    page.get_by_test_id("tab-invoices").click()
    expect(row).to_have_attribute("data-status", "paid")
    assert _fits_the_width(page)
    watched.shot("pos-rtl-06-invoice-list-phone")

    # Sending the paid invoice to the patient, in Arabic: the dialog, then the toast.
    if unpaid["patient"] and unpaid["send_to"]["sms"]:
        row.get_by_test_id("invoice-send").click()
        expect(page.get_by_test_id("send-dialog")).to_be_visible()
        watched.shot("pos-rtl-07-send-dialog-phone")
        page.set_viewport_size({"width": 1440, "height": 900})
        page.get_by_test_id("send-channel-sms").locator("input").check()
        with page.expect_response(lambda r: r.url.endswith("/send")) as sent:
            page.get_by_test_id("send-submit").click()
        assert sent.value.status == 202
        expect(row.get_by_test_id("invoice-last-sent")).to_be_visible()
        watched.shot("pos-rtl-08-sent")
    watched.assert_clean()
