"""The messages log and the audit viewer in Chromium against the real server.

The server's SMS provider is the HTTP gateway, here a local double that refuses every
message while ``failing`` ("number unreachable"). A reminder to a Bangkok patient is
scheduled through ``notification_schedule`` (what booking does) due now; the server's
worker sends it to the gateway, which refuses it. The owner opens *Messages log*, sees the
failed reminder with the gateway's error, retries it (confirmed); the worker sends it
again and the gateway, now working, takes it: the row turns *Sent*. The patient's chart
shows the message in its *Messages* tab. Then *Audit*: the retry is in the trail, and the
hash chain is verified for the events shown. At 1440x900, 390x844 and in Arabic.

Screenshots go to ``test-results/e2e/message-log-*.png`` and ``audit-*.png``."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Page, expect

from conftest import _database_name, _database_url, _server_env
from support import (
    BACKEND,
    BANGKOK,
    Server,
    Watched,
    api_errors,
    arabic,
    fits,
    free_port,
    phone,
    sign_in,
    totp_enrol,
)

pytestmark = pytest.mark.timeout(1200)

DESKTOP = {"width": 1440, "height": 900}
QUEUE = f"e2e-messages-{uuid.uuid4().hex[:8]}"
GATEWAY_ERROR = "number unreachable"


class SmsGateway:
    """A JSON-over-HTTP SMS gateway (``notifications.adapters.HttpSmsAdapter``'s
    contract): 400 with an error while ``failing``, else 200 with a message id."""

    def __init__(self) -> None:
        self.failing = True
        self.received: list[dict[str, str]] = []
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                gateway.received.append(body)
                status, answer = (
                    (400, {"error": GATEWAY_ERROR})
                    if gateway.failing
                    else (200, {"id": f"gw-{len(gateway.received)}"})
                )
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.port = free_port()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sms"


@pytest.fixture(scope="module")
def gateway() -> Iterator[SmsGateway]:
    double = SmsGateway()
    double.thread.start()
    yield double
    double.httpd.shutdown()


@pytest.fixture(scope="module")
def server_worker() -> bool:
    return True  # messages are sent by the worker


@pytest.fixture(scope="module")
def server_env(gateway: SmsGateway) -> dict[str, str]:
    return {
        "NOTIFICATIONS_SMS_ADAPTER": "http",
        "NOTIFICATIONS_SMS_HTTP_URL": gateway.url,
        "NOTIFICATIONS_SMS_HTTP_API_KEY": "sms-e2e",
        "NOTIFICATIONS_MAX_ATTEMPTS": "1",
        "CELERY_DEFAULT_QUEUE": QUEUE,
    }


SCHEDULE = """
from django.utils import timezone
from accounts.models import Clinic
from core.tenancy import clinic_context
from notifications.services import notification_schedule
from patients.models import ClinicPatient

clinic = Clinic.objects.get(name__startswith={clinic!r})
with clinic_context(clinic):
    patients = ClinicPatient.objects.select_related("profile").exclude(profile__phone="")
    patient = patients.order_by("chart_number").first()
    notification_schedule(
        clinic=clinic, channel="sms", recipient=patient.profile.phone, template="appointment.reminder",
        language="en", scheduled_for=timezone.now(), patient_id=patient.pk,
        subject_type="e2e.Reminder", subject_id="1",
        payload={{"patient_name": patient.profile.given_name, "clinic_name": clinic.name,
                 "service_name": "Botox", "starts_at_local": "Tue 25 Nov 14:30", "clinic_phone": ""}},
    )
print(patient.pk, patient.profile.given_name)
"""


def _reminder_schedule(server: Server, env_extra: dict[str, str]) -> tuple[str, str]:
    """Schedule a due reminder in the server's database (its worker sends it); returns
    the patient's id and given name."""
    name = _database_name("browser")
    env = {**_server_env(_database_url(name)[1], server.var, name), **env_extra}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SCHEDULE.format(clinic=BANGKOK)],
        cwd=BACKEND, env=env, check=False, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    patient_id, given = done.stdout.strip().splitlines()[-1].split(" ", 1)
    return patient_id, given


def test_the_owner_retries_a_failed_reminder_and_the_audit_chain_is_verified(
    server, open_page, gateway, server_env
):
    patient_id, _given = _reminder_schedule(server, server_env)

    watched: Watched = open_page()
    page = watched.page
    # The owner holds no clinical role: the chart's clinical parts answer 403 (shown as restricted).
    failures = api_errors(watched, lambda r: r.status == 403 and "/api/v1/clinic/" in r.url)
    page.set_viewport_size(DESKTOP)
    sign_in(page, *server.login("owner"))
    totp_enrol(page, server.base)
    expect(page.get_by_test_id("calendar-module")).to_be_visible(timeout=15_000)

    page.get_by_role("link", name="Messages log").click()
    expect(page.get_by_role("heading", name="Messages log")).to_be_visible()
    log = page.get_by_test_id("message-log")
    # The worker sent it and the gateway refused it: filter the failed ones.
    failed_row = log.locator("li", has_text=GATEWAY_ERROR).first
    for _ in range(20):
        if failed_row.count():
            break
        page.wait_for_timeout(1000)
        page.reload()
    expect(failed_row).to_be_visible()
    expect(failed_row).to_contain_text("Appointment reminder")
    expect(failed_row.get_by_test_id("message-status")).to_have_text("Failed")
    expect(failed_row.get_by_test_id("message-error")).to_contain_text(
        f'HTTP 400: {{"error": "{GATEWAY_ERROR}"}}'
    )
    expect(failed_row.get_by_test_id("message-recipient")).to_contain_text("XXX")
    row_id = failed_row.get_attribute("data-testid")
    assert row_id is not None
    row = page.get_by_test_id(row_id)
    watched.shot("message-log-01-failed-1440")

    # Retry, after a confirmation; the gateway works again now.
    gateway.failing = False
    row.get_by_test_id("message-retry").click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Send this message again?")
    watched.shot("message-log-02-confirm-1440")
    dialog.get_by_test_id("message-retry-confirm").click()
    expect(page.get_by_text("Message queued to be sent again.")).to_be_visible()
    for _ in range(20):
        if row.get_by_test_id("message-status").inner_text() == "Sent":
            break
        page.wait_for_timeout(1000)
        page.reload()
    expect(row.get_by_test_id("message-status")).to_have_text("Sent")
    expect(row.get_by_test_id("message-retry")).to_have_count(0)
    assert gateway.received[-1]["text"].startswith("Hi ")

    phone(page)
    fits(page, "message-log-page")
    watched.shot("message-log-03-sent-390")
    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_role("heading", name="سجل الرسائل")).to_be_visible()
    watched.shot("message-log-04-arabic-1440")
    phone(page)
    fits(page, "message-log-page")
    watched.shot("message-log-05-arabic-390")
    page.set_viewport_size(DESKTOP)
    arabic(page, on=False)

    # The patient's chart lists the message in its Messages tab.
    page.goto(f"{server.base}/patients?patient={patient_id}")
    page.get_by_test_id("chart-tab-messages").click()
    messages = page.get_by_test_id("patient-messages")
    expect(messages).to_contain_text("Appointment reminder")
    expect(messages.get_by_test_id("patient-message-status").first).to_have_text("Sent")
    watched.shot("message-log-06-chart-1440")

    _audit_viewer(page, watched)
    assert failures == []
    watched.assert_clean()


def _audit_viewer(page: Page, watched: Watched) -> None:
    # Audit: the retry is in the trail and the chain holds for the events shown.
    page.get_by_role("link", name="Audit").click()
    expect(page.get_by_role("heading", name="Audit", exact=True)).to_be_visible()
    expect(page.get_by_test_id("audit-chain-verified")).to_contain_text("Chain verified for the")
    page.get_by_test_id("audit-filter-action").get_by_role("textbox").fill("notification.")
    events = page.get_by_test_id("audit-events")
    expect(events).to_contain_text("notification.retried")
    expect(events).to_contain_text("status")
    watched.shot("audit-01-verified-1440")
    phone(page)
    fits(page, "audit-page")
    watched.shot("audit-02-390")
    page.set_viewport_size(DESKTOP)
    arabic(page)
    expect(page.get_by_test_id("audit-chain-verified")).to_contain_text("تم التحقق من السلسلة")
    watched.shot("audit-03-arabic-1440")
    phone(page)
    fits(page, "audit-page")
    watched.shot("audit-04-arabic-390")
