"""Stock transfers and supplier items in Chromium against the real server: the owner of
Lumière Bangkok sends part of a sunscreen lot to the sister clinic in São Paulo (the
quantity over what is on hand is refused next to its field, the send asks first and
the answer shows the movement out and the one in, listed under recent transfers); then
lists what a new supplier sells (code, pack, cost, preferred) and starts a purchase
order whose line takes that supplier, its cost and its pack; then the same screens on a
phone (390x844) and in Arabic (right to left).

Screenshots go to ``test-results/e2e/transfer-*.png``."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from support import BANGKOK, SAO_PAULO, Watched, api_errors, arabic, choose, fits, phone, sign_in, totp_enrol

pytestmark = pytest.mark.timeout(1200)

DESKTOP = {"width": 1440, "height": 900}
# The one demo product both clinics carry with the same unit and (no) registration number.
SUNSCREEN = "Mineral sunscreen SPF 50"
LOT = "SUN-2302"
FILLER = "Hyaluronic acid filler 1 ml syringe"
SUPPLIER = "Chao Phraya Derm Supply"


def _tab(page: Page, name: str) -> None:
    page.get_by_test_id(f"inv-tab-{name}").click()


def _transfer(watched: Watched) -> None:
    page = watched.page
    _tab(page, "transfer")
    screen = page.get_by_test_id("stock-transfer")
    expect(screen.get_by_test_id("xfer-recent-empty")).to_be_visible()
    choose(screen.get_by_test_id("xfer-product"), "Product", SUNSCREEN)
    choose(screen.get_by_test_id("xfer-lot"), "Lot", LOT)
    # The only sister clinic where the owner manages stock, and its sunscreen, come chosen.
    expect(screen.get_by_test_id("xfer-destination")).to_contain_text(SAO_PAULO)
    expect(screen.get_by_test_id("xfer-destination-product")).to_contain_text(SUNSCREEN)
    quantity = screen.get_by_test_id("xfer-quantity")
    quantity.locator("input").fill("9999")
    screen.get_by_test_id("xfer-review").click()
    expect(quantity).to_contain_text(re.compile(r"Only \d+ pcs on hand in this lot\."))
    expect(page.get_by_role("dialog")).to_have_count(0)
    quantity.locator("input").fill("5")
    screen.get_by_test_id("xfer-note").locator("input").fill("Stock for the Jardins launch")
    watched.shot("transfer-01-form-1440")
    screen.get_by_test_id("xfer-review").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_test_id("xfer-confirm-text")).to_contain_text("cannot be undone")
    expect(dialog.get_by_test_id("xfer-confirm-text")).to_contain_text(SAO_PAULO)
    watched.shot("transfer-02-confirm-1440")
    dialog.get_by_test_id("xfer-send").click()
    done = screen.get_by_test_id("xfer-done")
    expect(done.get_by_test_id("xfer-done-out")).to_contain_text("-5")
    expect(done.get_by_test_id("xfer-done-in")).to_contain_text("+5")
    expect(done.get_by_test_id("xfer-done-in")).to_contain_text(SAO_PAULO)
    row = screen.locator('[data-testid="xfer-row"][data-kind="transfer_out"]').first
    expect(row).to_contain_text(LOT)
    expect(row).to_contain_text("Sent to")
    expect(row).to_contain_text(SAO_PAULO)
    expect(row).to_contain_text("Stock for the Jardins launch")
    watched.shot("transfer-03-sent-1440")


def _supplier_item(watched: Watched) -> None:
    page = watched.page
    _tab(page, "suppliers")
    page.get_by_test_id("supplier-add").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Save the supplier first")
    dialog.get_by_label("Name").fill(SUPPLIER)
    dialog.get_by_test_id("supplier-save").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.locator(f'[data-testid="supplier-row"][data-name="{SUPPLIER}"]').get_by_test_id(
        "supplier-edit"
    ).click()
    items = page.get_by_role("dialog").get_by_test_id("supplier-items")
    expect(items.get_by_test_id("supplier-items-empty")).to_be_visible()
    form = items.get_by_test_id("supplier-item-form")
    # A pack of zero is refused next to its field.
    choose(form.get_by_test_id("supplier-item-product"), "Product", FILLER)
    form.get_by_test_id("supplier-item-sku").locator("input").fill("CP-HA1")
    form.get_by_test_id("supplier-item-pack").locator("input").fill("0")
    form.get_by_test_id("supplier-item-save").click()
    expect(form.get_by_test_id("supplier-item-pack")).to_contain_text("Not a valid amount here.")
    form.get_by_test_id("supplier-item-pack").locator("input").fill("10")
    form.get_by_test_id("supplier-item-cost").locator("input").fill("3400")
    form.get_by_test_id("supplier-item-preferred-input").check()
    form.get_by_test_id("supplier-item-save").click()
    item = items.locator(f'[data-testid="supplier-item"][data-product="{FILLER}"]')
    expect(item).to_contain_text("CP-HA1")
    expect(item.get_by_test_id("supplier-item-preferred")).to_be_visible()
    watched.shot("transfer-04-supplier-items-1440")
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    expect(page.get_by_role("dialog")).to_have_count(0)


def _order_prefilled(watched: Watched) -> None:
    page = watched.page
    _tab(page, "orders")
    page.get_by_test_id("po-new").click()
    dialog = page.get_by_role("dialog")
    line = dialog.get_by_test_id("po-form-line").first
    choose(line, "Product", FILLER)
    # The preferred supplier, its last cost and a whole pack of 10 (1 rounded up).
    expect(dialog.get_by_test_id("po-supplier")).to_contain_text(SUPPLIER)
    expect(line.get_by_test_id("po-line-cost").locator("input")).to_have_value("3400.00")
    expect(line.get_by_test_id("po-line-quantity").locator("input")).to_have_value("10")
    expect(line.get_by_test_id("po-line-prefilled")).to_contain_text(SUPPLIER)
    watched.shot("transfer-05-order-prefilled-1440")
    dialog.get_by_test_id("po-save").click()
    detail = page.get_by_test_id("po-detail")
    expect(detail.get_by_test_id("po-detail-status")).to_have_text("Draft")
    expect(detail).to_contain_text(SUPPLIER)


def test_the_owner_sends_a_lot_to_the_sister_clinic_and_orders_from_the_preferred_supplier(server, open_page):
    watched: Watched = open_page()
    page = watched.page
    failures = api_errors(watched, lambda r: r.status >= 400)
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-stock").click()
    expect(page.get_by_test_id("lot-row").first).to_be_visible()

    _transfer(watched)
    _supplier_item(watched)
    _order_prefilled(watched)

    # In São Paulo the same transfer reads as received from Bangkok, same lot number.
    switcher = page.get_by_test_id("clinic-switcher").get_by_role("button")
    switcher.click()
    page.get_by_role("option", name=SAO_PAULO).click()
    expect(switcher).to_contain_text(SAO_PAULO)
    page.get_by_role("link", name="Billing").click()
    page.get_by_test_id("tab-stock").click()
    _tab(page, "transfer")
    arrived = page.locator('[data-testid="xfer-row"][data-kind="transfer_in"]').first
    expect(arrived).to_contain_text(LOT)
    expect(arrived).to_contain_text(BANGKOK)
    watched.shot("transfer-06-received-sao-paulo-1440")

    # A phone: the transfer screen fits; the recent list stacks under the form.
    phone(page)
    _tab(page, "transfer")
    expect(page.get_by_test_id("xfer-row").first).to_be_visible()
    fits(page, "stock-transfer")
    watched.shot("transfer-07-transfer-390")
    _tab(page, "orders")
    fits(page, "purchase-orders")

    # Arabic, right to left, on a desktop and on a phone.
    page.set_viewport_size(DESKTOP)
    arabic(page)
    _tab(page, "transfer")
    screen = page.get_by_test_id("stock-transfer")
    expect(screen).to_contain_text("إرسال مخزون إلى عيادة شقيقة")
    expect(screen.get_by_test_id("xfer-row").first).to_contain_text("استُلم من")
    watched.shot("transfer-08-arabic")
    phone(page)
    fits(page, "stock-transfer")
    watched.shot("transfer-09-arabic-390")
    assert failures == []
    watched.assert_clean()
