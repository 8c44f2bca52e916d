"""The compliance desk (/compliance) in Chromium against the real server.

As the Bangkok owner: a data-subject request received 50 days ago (recorded in the
server's database with its receipt and due date in the past: the request is overdue) is
listed first (due before the demo's own overdue one), marked overdue, and the audit
chain of the last 30 days is verified; the consent coverage, licences and retention tabs
open. As the São Paulo owner: a lot given to a patient today (the stock ledger's service)
is in the ANVISA report under its registration, and its recall lists the patient. At
1440x900, 390x844, in Portuguese and in Arabic (right to left).

Screenshots go to ``test-results/e2e/compliance-*.png``."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from urllib.parse import parse_qs, urlparse
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from conftest import _database_name, _database_url, _server_env
from support import (
    BACKEND,
    BANGKOK,
    SAO_PAULO,
    Server,
    Watched,
    api_errors,
    arabic,
    fits,
    phone,
    sign_in,
    sign_in_in,
    totp_enrol,
)

pytestmark = pytest.mark.timeout(1200)

DESKTOP = {"width": 1440, "height": 900}

OVERDUE_REQUEST = """
import datetime as dt
from django.utils import timezone
from accounts.models import Clinic
from compliance.models import DataSubjectRequest
from compliance.subject_rights import dsr_receive
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ClinicPatient

clinic = Clinic.objects.get(name__startswith={clinic!r})
owner = clinic.memberships.filter(role=Role.OWNER).first().user
with clinic_context(clinic):
    patient = ClinicPatient.objects.order_by("chart_number").last()
    dsr = dsr_receive(clinic=clinic, actor=owner, patient=patient, kind="export")
    received = timezone.now() - dt.timedelta(days=50)
    DataSubjectRequest.objects.filter(pk=dsr.pk).update(
        received_at=received, due_on=clinic.date_at(received) + dt.timedelta(days=30)
    )
print(dsr.pk, patient.chart_number)
"""

LOT_USED = """
from decimal import Decimal
from accounts.models import Clinic
from commerce.models import StockLot
from commerce.services import stock_use
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ClinicPatient

clinic = Clinic.objects.get(name__startswith={clinic!r})
owner = clinic.memberships.filter(role=Role.OWNER).first().user
with clinic_context(clinic):
    lot = (
        StockLot.objects.filter(quantity_on_hand__gte=1, expiry_date__gte=clinic.today())
        .exclude(registration_number="")
        .select_related("product")
        .order_by("lot_number")
        .first()
    )
    patient = ClinicPatient.objects.select_related("profile").order_by("chart_number").first()
    stock_use(product=lot.product, quantity=Decimal(1), lot=lot, patient=patient,
              reference_type="", reference_id=None, actor=owner)
print(lot.lot_number, lot.registration_number, patient.chart_number)
"""


def _shell(server: Server, script: str) -> list[str]:
    """Run ``script`` in the server's database; its last printed line, split."""
    name = _database_name("browser")
    env = _server_env(_database_url(name)[1], server.var, name)
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=BACKEND, env=env, check=False, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout.strip().splitlines()[-1].split(" ")


def test_the_bangkok_owner_sees_an_overdue_request_and_the_chain_verified(server, open_page):
    dsr_id, chart = _shell(server, OVERDUE_REQUEST.format(clinic=BANGKOK))

    watched: Watched = open_page()
    page = watched.page
    failures = api_errors(watched)
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Compliance").click()
    expect(page.get_by_role("heading", name="Compliance")).to_be_visible()
    expect(page.get_by_test_id("desk-audit-verified")).to_contain_text("chain verified")
    # Opened directly (a reload: the clinic itself is not loaded yet), the 30 days checked
    # still end on the clinic's today, not the browser's (UTC here): from 17:00 UTC on,
    # Bangkok is a day ahead, and its events of today were left out.
    bangkok_before = dt.datetime.now(ZoneInfo("Asia/Bangkok")).date().isoformat()
    with page.expect_request(lambda asked: "/audit-events/verify" in asked.url) as verify_asked:
        page.reload()
    bangkok_after = dt.datetime.now(ZoneInfo("Asia/Bangkok")).date().isoformat()
    date_to = parse_qs(urlparse(verify_asked.value.url).query)["date_to"][0]
    assert date_to in {bangkok_before, bangkok_after}
    expect(page.get_by_test_id("desk-audit-verified")).to_contain_text("chain verified")
    requests = page.get_by_test_id("desk-requests")
    first = requests.locator("li").first
    expect(first).to_have_attribute("data-testid", f"desk-request-{dsr_id}")
    expect(first.get_by_test_id("desk-request-overdue")).to_have_text("Overdue")
    expect(first).to_contain_text(chart)
    watched.shot("compliance-01-requests-1440")

    # Carrying it out asks first; cancelling changes nothing.
    first.get_by_test_id(f"desk-request-complete-{dsr_id}").click()
    expect(page.get_by_role("dialog")).to_contain_text("Prepare the copy of the data?")
    watched.shot("compliance-02-confirm-1440")
    page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
    expect(first.get_by_test_id("desk-request-overdue")).to_be_visible()

    page.get_by_test_id("desk-tab-coverage").click()
    expect(page.get_by_test_id("desk-coverage-rows")).to_contain_text("Marketing messages")
    watched.shot("compliance-03-coverage-1440")
    page.get_by_test_id("desk-tab-licences").click()
    verify = page.get_by_test_id("desk-licences").get_by_role("link")
    expect(verify).to_have_attribute("href", "/settings/licences")
    watched.shot("compliance-04-licences-1440")
    page.get_by_test_id("desk-tab-retention").click()
    expect(page.get_by_test_id("desk-retention")).to_contain_text("retention period")
    page.get_by_test_id("desk-tab-requests").click()
    expect(page.get_by_test_id("desk-request-overdue").first).to_be_visible()

    phone(page)
    fits(page, "compliance-page")
    watched.shot("compliance-05-requests-390")
    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_role("heading", name="الامتثال")).to_be_visible()
    expect(page.get_by_test_id("desk-audit-verified")).to_contain_text("تم التحقق من السلسلة")
    expect(page.get_by_test_id("desk-request-overdue").first).to_have_text("متأخر")
    watched.shot("compliance-06-arabic-1440")
    page.get_by_test_id("desk-tab-coverage").click()
    expect(page.get_by_test_id("desk-coverage-rows")).to_contain_text("الرسائل التسويقية")
    watched.shot("compliance-07-arabic-coverage-1440")
    phone(page)
    fits(page, "compliance-page")
    watched.shot("compliance-08-arabic-390")
    assert failures == []
    watched.assert_clean()


def test_the_sao_paulo_owner_finds_a_lots_patients_in_the_anvisa_report(server, open_page):
    lot_number, registration, chart = _shell(server, LOT_USED.format(clinic=SAO_PAULO))

    watched: Watched = open_page()
    page = watched.page
    failures = api_errors(watched)
    page.set_viewport_size(DESKTOP)
    sign_in_in(page, *server.login("owner", SAO_PAULO), "pt-BR")
    totp_enrol(page, server.base, "pt-BR")
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Conformidade").click()
    expect(page.get_by_role("heading", name="Conformidade")).to_be_visible()
    page.get_by_test_id("desk-tab-anvisa").click()
    lot = page.get_by_test_id(f"desk-anvisa-lot-{lot_number}")
    expect(lot).to_be_visible()
    expect(page.get_by_test_id("desk-anvisa")).to_contain_text(f"Registro {registration}")
    watched.shot("compliance-10-anvisa-pt-1440")
    lot.get_by_test_id(f"desk-anvisa-recall-{lot_number}").click()
    recall = page.get_by_test_id("desk-recall")
    expect(recall.get_by_test_id("desk-recall-row").first).to_be_visible()
    expect(recall).to_contain_text(chart)
    watched.shot("compliance-11-recall-pt-1440")
    phone(page)
    watched.shot("compliance-12-recall-pt-390")
    page.keyboard.press("Escape")
    fits(page, "compliance-page")
    watched.shot("compliance-13-anvisa-pt-390")
    assert failures == []
    watched.assert_clean()
