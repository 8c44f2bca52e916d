"""The cashier's job in the POS, in Chromium against the real server and a real Celery
worker: sell a course and a product to a demo patient with a practitioner credited,
pay by two methods, watch the commission split arrive live, then check the invoice, the
receipt notification and the product lot's recall list."""

from __future__ import annotations

import base64
import json
import time

import httpx
import pytest
from django_otp.oath import totp
from playwright.sync_api import expect

from support import BANGKOK, Server, sign_in


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # commissions and receipts are computed by the worker


def _doctor_api(server: Server) -> httpx.Client:
    """An API client of the demo doctor with TOTP enrolled and verified (doctors need 2FA)."""
    client = server.api("doctor")
    secret = client.post("/api/v1/auth/2fa/totp").json()["secret"]
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    confirmed = client.post("/api/v1/auth/2fa/totp/confirm", json={"code": f"{totp(key):06d}"})
    assert confirmed.status_code == 200, confirmed.text
    client.headers["Authorization"] = f"Bearer {confirmed.json()['access']}"
    return client


def _wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_cashier_sells_a_course_and_a_product_and_sees_the_commission_split_live(server, open_page):
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

    movement = cashier.get(
        "/api/v1/inventory/movements", params={"patient": patient["id"], "kind": "sale"}
    ).json()["results"][0]
    recall = _doctor_api(server).get(f"/api/v1/inventory/lots/{movement['lot']}/recall")
    assert recall.status_code == 200, recall.text
    assert patient["id"] in {row["patient_id"] for row in recall.json()["rows"]}

    page.get_by_test_id("tab-invoices").click()
    expect(page.locator(f'[data-testid="invoice-row"][data-number="{invoice["number"]}"]')).to_have_attribute(
        "data-status", "paid"
    )
    watched.shot("pos-05-invoices")
    watched.assert_clean()
