"""The catalog back office in Chromium against the real server: the São Paulo owner,
in Portuguese, adds a medical supply with its ANVISA registration (a wrong number is
named before anything is sent), receives a lot of it, finds it by searching, creates a
course of sessions, deactivates it after a confirmation and sets the clinic's tax; the
pages are looked at at 1440x900, 390x844 and in Arabic.

Screenshots go to ``test-results/e2e/catalog-*.png``."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from support import (
    SAO_PAULO,
    ZONES,
    Server,
    Watched,
    api_errors,
    arabic,
    choose,
    fits,
    phone,
    sign_in_in,
    totp_enrol,
)

# The limit covers this module's own server start (a copy of the demo database, uvicorn).
pytestmark = pytest.mark.timeout(1200)

DESKTOP = {"width": 1440, "height": 900}
PRODUCT = "Radiesse (+) 1,5 ml"
COURSE = "Bioestimulação · 3 sessões"


def _api(method: str, path: str):
    return lambda r: r.request.method == method and r.url.split("?")[0].endswith(path)


def _field(scope, testid: str):
    return scope.get_by_test_id(testid).locator("input")


def _product_page(page: Page, watched: Watched) -> None:
    page.get_by_role("link", name="Produtos").click()
    expect(page.get_by_role("heading", name="Produtos")).to_be_visible()

    page.get_by_test_id("product-new").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Novo produto")
    _field(dialog, "product-name").fill(PRODUCT)
    choose(dialog, "Unidade de estoque", "seringa")
    _field(dialog, "product-price").fill("1890.00")
    _field(dialog, "product-reorder-point").fill("3")
    _field(dialog, "product-registration-input").fill("1.0295.0123")  # 9 digits
    requests_before = len(watched.requests)
    dialog.get_by_test_id("product-save").click()
    registration = dialog.get_by_test_id("product-registration-input")
    expect(registration).to_contain_text("Um registro ANVISA tem 11 ou 13 dígitos.")
    expect(registration.locator("input")).to_have_attribute("aria-invalid", "true")
    assert not any("/catalog/products" in url for url in watched.requests[requests_before:])
    watched.shot("catalog-01-product-form-invalid-1440")

    _field(dialog, "product-registration-input").fill("1.0295.0123.001-2")
    with page.expect_response(_api("POST", "/api/v1/catalog/products")) as created:
        dialog.get_by_test_id("product-save").click()
    assert created.value.status == 201, created.value.text()
    body = created.value.json()
    assert body["registration_number"] == "1029501230012" and body["currency"] == "BRL"
    assert (body["kind"], body["unit"], body["low_stock_threshold"]) == ("medical_supply", "syringe", "3.000")

    row = page.locator(f'[data-testid="product-row"][data-name="{PRODUCT}"]')
    expect(row.get_by_test_id("product-registration")).to_have_text("1.0295.0123.001-2")
    expect(row.get_by_test_id("product-on-hand")).to_contain_text("Repor")  # 0 on hand, point 3

    # A lot of it arrives: received through the inventory API, the stock shows it.
    row.get_by_test_id("product-receive").click()
    lot = page.get_by_role("dialog")
    expect(lot).to_contain_text(f"Receber lote de {PRODUCT}")
    _field(lot, "lot-number").fill("RD-2611")
    expiry = dt.datetime.now(tz=ZONES[SAO_PAULO]).date() + dt.timedelta(days=400)
    lot.get_by_label("Validade").fill(expiry.isoformat())
    _field(lot, "lot-quantity").fill("5")
    with page.expect_response(_api("POST", "/api/v1/inventory/lots")) as received:
        lot.get_by_test_id("lot-save").click()
    assert received.value.status == 201, received.value.text()
    expect(row.get_by_test_id("product-on-hand")).to_contain_text("5 seringas")
    expect(row.get_by_test_id("product-on-hand")).not_to_contain_text("Repor")

    with page.expect_response(lambda r: "search=radiesse" in r.url):
        _field(page, "products-search").fill("radiesse")
    expect(page.get_by_test_id("product-row")).to_have_count(1)
    watched.shot("catalog-02-products-1440")
    _field(page, "products-search").fill("")


def _course_page(page: Page, watched: Watched) -> None:
    page.get_by_role("link", name="Pacotes").click()
    expect(page.get_by_role("heading", name="Pacotes")).to_be_visible()
    page.get_by_test_id("course-new").click()
    dialog = page.get_by_role("dialog")
    _field(dialog, "course-name").fill(COURSE)
    _field(dialog, "course-price").fill("4500.00")
    _field(dialog, "course-validity").fill("365")
    item = dialog.get_by_test_id("course-item").first
    item.get_by_role("button", name="Tratamento").click()
    treatment = page.get_by_role("option").first
    treatment_name = treatment.inner_text().strip()
    treatment.click()
    _field(item, "course-item-sessions").fill("3")
    expect(dialog).to_contain_text("Total: 3 sessões")
    watched.shot("catalog-03-course-form-1440")
    with page.expect_response(_api("POST", "/api/v1/catalog/courses")) as created:
        dialog.get_by_test_id("course-save").click()
    assert created.value.status == 201, created.value.text()
    body = created.value.json()
    assert (body["sessions_total"], body["validity_days"], body["price"]) == (3, 365, "4500.00")
    assert body["items"][0]["service_name"] == treatment_name

    row = page.locator(f'[data-testid="course-row"][data-name="{COURSE}"]')
    expect(row).to_contain_text("3 sessões")
    expect(row).to_contain_text(treatment_name)
    watched.shot("catalog-04-courses-1440")


def _tax_page(page: Page, watched: Watched) -> None:
    page.get_by_role("link", name="Impostos").click()
    settings = page.get_by_test_id("tax-settings")
    _field(settings, "tax-label").fill("ISS")
    settings.get_by_test_id("tax-exclusive").check()
    _field(settings, "tax-rate-service").fill("120")
    settings.get_by_test_id("tax-save").click()
    expect(settings.get_by_test_id("tax-rate-service")).to_contain_text("Um percentual de 0 a 100.")
    _field(settings, "tax-rate-service").fill("5")
    with page.expect_response(_api("PATCH", "/api/v1/commerce/sales/tax-settings")) as saved:
        settings.get_by_test_id("tax-save").click()
    assert saved.value.status == 200, saved.value.text()
    assert (saved.value.json()["tax_label"], saved.value.json()["service_tax_rate"]) == ("ISS", "5.00")
    assert saved.value.json()["tax_inclusive"] is False
    page.reload()
    expect(_field(settings, "tax-rate-service")).to_have_value("5.00")
    watched.shot("catalog-05-tax-1440")


def test_a_brazilian_owner_sets_up_a_product_with_its_anvisa_number_a_course_and_the_tax(
    server: Server, open_page
):
    watched: Watched = open_page()
    errors = api_errors(watched)
    page = watched.page
    page.set_viewport_size(DESKTOP)
    sign_in_in(page, *server.login("owner", SAO_PAULO), "pt-BR")
    totp_enrol(page, server.base, "pt-BR")
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    _product_page(page, watched)
    _course_page(page, watched)

    # Deactivating a course asks first; the till stops selling it.
    row = page.locator(f'[data-testid="course-row"][data-name="{COURSE}"]')
    row.get_by_test_id("course-deactivate").click()
    confirm = page.get_by_role("dialog")
    expect(confirm).to_contain_text(f"Desativar {COURSE}?")
    watched.shot("catalog-06-course-confirm-1440")
    with page.expect_response(
        lambda r: r.request.method == "PATCH" and "/api/v1/catalog/courses/" in r.url
    ) as off:
        confirm.get_by_test_id("course-deactivate-confirm").click()
    assert off.value.status == 200 and off.value.json()["is_active"] is False
    expect(row).to_have_count(0)

    _tax_page(page, watched)

    # A phone: the lists and the product form fit the screen.
    page.goto("/settings/products")
    phone(page)
    expect(page.locator(f'[data-testid="product-row"][data-name="{PRODUCT}"]')).to_be_visible()
    fits(page, "products")
    watched.shot("catalog-07-products-390")
    page.locator(f'[data-testid="product-row"][data-name="{PRODUCT}"]').get_by_test_id("product-edit").click()
    expect(page.get_by_role("dialog")).to_contain_text(f"Editar {PRODUCT}")
    watched.shot("catalog-08-product-form-390")
    page.get_by_role("dialog").get_by_role("button", name="Cancelar").last.click()
    page.goto("/settings/courses")
    page.get_by_test_id("courses-page").get_by_role("checkbox").check()
    expect(page.locator(f'[data-testid="course-row"][data-name="{COURSE}"]')).to_contain_text("Inativo")
    fits(page, "courses")
    watched.shot("catalog-09-courses-390")

    # Arabic, right to left.
    page.set_viewport_size(DESKTOP)
    page.goto("/settings/products")
    arabic(page)
    expect(page.get_by_role("heading", name="المنتجات")).to_be_visible()
    product = page.locator(f'[data-testid="product-row"][data-name="{PRODUCT}"]')
    expect(product).to_contain_text("تسجيل ANVISA")
    expect(product.get_by_test_id("product-registration")).to_have_text("1.0295.0123.001-2")
    watched.shot("catalog-10-products-arabic-1440")
    page.get_by_test_id("product-new").click()
    expect(page.get_by_role("dialog")).to_contain_text("منتج جديد")
    watched.shot("catalog-11-product-form-arabic-1440")
    page.get_by_role("dialog").get_by_role("button", name="إلغاء").last.click()
    page.goto("/settings/courses")
    expect(page.get_by_role("heading", name="الباقات")).to_be_visible()
    phone(page)
    fits(page, "courses-page")
    watched.shot("catalog-12-courses-arabic-390")
    page.goto("/settings/tax")
    expect(page.get_by_role("heading", name="الضريبة")).to_be_visible()
    fits(page, "tax-settings")
    watched.shot("catalog-13-tax-arabic-390")

    assert errors == []
    watched.assert_clean()
