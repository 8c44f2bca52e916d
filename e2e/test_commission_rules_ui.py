"""The commission rules editor in Chromium against the demo clinic: the owner opens
Settings → Commission rules, drafts a tiered rule for the botulinum toxin category,
previews it on last month's sales (the nurse's sales of last month are seeded here with
the commission test factories, straight into the server's database), is told which field
is wrong, then saves it; the same page at 390x844 and in Arabic.

Screenshots go to ``test-results/e2e/rules-*.png``."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from conftest import _database_name, _database_url
from support import (
    BACKEND,
    BANGKOK,
    BANGKOK_ZONE,
    Server,
    api_errors,
    arabic,
    choose,
    fits,
    phone,
    sign_in,
    totp_enrol,
)

# The limit covers the module's server start (a copy of the demo database, uvicorn) on a busy machine.
pytestmark = pytest.mark.timeout(1500)

RULES = "/api/v1/commissions/rules"
NAME = "Toxin tiers"
TIER_ABOVE = "50000"
# Three sales of last month by the nurse, 30 000 each: past the 50 000 tier.
SEED = """
import datetime as dt, zoneinfo
from accounts.models import Clinic, User
from catalog.models import Service
from commissions.tests.factories import Line, sale
from core.tenancy import clinic_context

clinic = Clinic.objects.get(name__startswith={clinic!r})
nurse = User.objects.get(phone={nurse!r})
service = Service.unscoped.filter(clinic=clinic, category="neurotoxin").order_by("name").first()
zone = zoneinfo.ZoneInfo(clinic.time_zone)
with clinic_context(clinic):
    for day in (3, 10, 17):
        first = dt.date.fromisoformat({month!r})
        at = dt.datetime.combine(first + dt.timedelta(days=day - 1), dt.time(11), tzinfo=zone)
        sale(clinic, nurse, [Line(service, "30000.00", [(nurse, 100)])], at=at)
"""


def _last_month() -> dt.date:
    """The first day of last month in Bangkok."""
    today = dt.datetime.now(tz=BANGKOK_ZONE).date()
    return (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


def _seed(server: Server) -> None:
    """Last month's sales of the demo nurse, written by the factories into the database
    ``server`` serves (the database of this test process's browser server)."""
    _server, database_url = _database_url(_database_name("browser"))
    code = SEED.format(clinic=BANGKOK, nurse=server.login("nurse")[0], month=_last_month().isoformat())
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=BACKEND,
        env={**os.environ, "DATABASE_URL": database_url},
        check=True,
        capture_output=True,
        text=True,
    )


def _plain(text: str) -> str:
    return re.sub(r"[\s\u2068\u2069]+", " ", text).strip()


def test_the_owner_previews_and_saves_a_tiered_rule_for_a_category(server, open_page):
    _seed(server)
    watched = open_page()
    page = watched.page
    page.set_viewport_size({"width": 1440, "height": 900})
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)
    failures = api_errors(watched, expected=lambda response: response.status == 400)
    page.get_by_role("link", name="Commission rules").click()
    expect(page.get_by_role("heading", name="Commission rules")).to_be_visible(timeout=15_000)

    # A draft: 5 % of botulinum toxin, 10 % once the month's sales pass 50 000.
    page.get_by_test_id("rule-add").click()
    form = page.get_by_test_id("rule-form")
    form.get_by_label("Name").fill(NAME)
    choose(form.get_by_test_id("rule-target"), "Category", "Botulinum toxin")
    form.get_by_label("Base rate").fill("150")
    form.get_by_test_id("rule-tier-add").click()
    form.get_by_test_id("rule-tier-0").get_by_label("Sales above").fill(TIER_ABOVE)
    form.get_by_test_id("rule-tier-0").get_by_label("Rate").fill("10")

    # Saved with a percentage over 100: refused, and the message is next to the rate.
    form.get_by_test_id("rule-save").click()
    expect(form.get_by_test_id("rule-value")).to_contain_text("A percentage cannot exceed 100.")
    form.get_by_label("Base rate").fill("5")

    # The preview of last month (the clinic's), the default month.
    month = _last_month()
    expect(form.get_by_test_id("rule-preview-month")).to_have_value(f"{month:%Y-%m}")
    form.get_by_test_id("rule-preview-run").click()
    rows = form.get_by_test_id("rule-preview-row")
    expect(rows.first).to_be_visible(timeout=15_000)
    watched.shot("rules-01-preview")
    nurse_name = server.name("nurse")
    nurse_row = rows.filter(has_text=nurse_name)
    expect(nurse_row).to_have_count(1)
    cells = [_plain(text) for text in nurse_row.locator("td").all_inner_texts()]
    # The nurse's seeded 90 000 (and whatever else of hers the demo sold) reach the 10 % tier.
    assert Decimal(re.sub(r"[^\d.]", "", cells[2])) >= Decimal(90000), cells
    assert cells[4] == "10 %", cells
    basis, amount = (Decimal(re.sub(r"[^\d.]", "", cell)) for cell in (cells[2], cells[5]))
    assert abs(amount - basis / 10) <= Decimal("0.01"), cells  # 10 % of all of it (whole period)
    expect(form.get_by_test_id("rule-preview-period")).to_contain_text(str(month.year))

    # Saved: listed with its scope, rates and dates.
    form.get_by_test_id("rule-save").click()
    expect(page.get_by_test_id("rule-form")).to_have_count(0)
    saved = page.locator(f'[data-testid="rule"][data-name="{NAME}"]')
    expect(saved).to_have_count(1)
    expect(saved.get_by_test_id("rule-scope-text")).to_have_text(
        "Treatment category: Botulinum toxin · This clinic"
    )
    expect(saved.get_by_test_id("rule-state")).to_have_text("In force")
    assert "10 %" in _plain(saved.get_by_test_id("rule-rate-text").inner_text())
    watched.shot("rules-02-saved")

    # On a phone: nothing scrolls sideways; the editor and its preview table fit too.
    phone(page)
    fits(page, "rules")
    watched.shot("rules-03-list-390")
    page.set_viewport_size({"width": 1440, "height": 900})
    saved.get_by_test_id("rule-edit").click()
    form.get_by_test_id("rule-preview-run").click()
    expect(rows.first).to_be_visible(timeout=15_000)
    phone(page)
    fits(page, "rule-form")
    form.get_by_test_id("rule-preview").scroll_into_view_if_needed()
    watched.shot("rules-04-edit-preview-390")

    # In Arabic, right to left, on a desktop and a phone.
    page.set_viewport_size({"width": 1440, "height": 900})
    arabic(page)
    expect(page.get_by_role("heading", name="قواعد العمولات")).to_be_visible()
    expect(form.get_by_test_id("rule-preview-run")).to_have_text("معاينة")
    watched.shot("rules-05-arabic")
    phone(page)
    fits(page, "rule-form")
    watched.shot("rules-06-arabic-390")

    assert failures == []
    watched.assert_clean()
