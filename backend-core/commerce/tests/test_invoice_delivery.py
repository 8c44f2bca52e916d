"""Sending an invoice to its patient: by e-mail with the PDF attached, by SMS or WhatsApp
with a link that opens the PDF without signing in until it expires; refusals, retries,
the audit event and another clinic's invoice."""

import datetime as dt
import json
import uuid
from decimal import Decimal
from urllib.parse import urlsplit

import pytest

from audit.models import AuditEvent
from commerce.models import Invoice
from commerce.services import invoice_draft_from_services
from core.roles import Role
from core.tenancy import clinic_context
from notifications.models import Notification
from notifications.services import notification_deliver
from patients.models import PatientProfile

INVOICES = "/api/v1/commerce/invoices"


@pytest.fixture
def outbox(settings, tmp_path):
    settings.NOTIFICATIONS_SMS_ADAPTER = settings.NOTIFICATIONS_WHATSAPP_ADAPTER = "file"
    settings.NOTIFICATIONS_EMAIL_ADAPTER = "file"
    settings.NOTIFICATIONS_FILE = str(tmp_path / "outbox.jsonl")
    settings.PUBLIC_BASE_URL = "https://clinic.example"
    return tmp_path


def _invoice(tenant):
    return Invoice.unscoped.get(clinic=tenant.clinic, number="INV-WORLD")


def _contacts(tenant, **fields):
    PatientProfile.objects.filter(pk=tenant.patient.profile_id).update(**fields)


def _send(client, invoice, key=None, **body):
    return client.post(
        f"{INVOICES}/{invoice.pk}/send", {"idempotency_key": key or str(uuid.uuid4()), **body}, format="json"
    )


def _deliver(tenant, notification_id):
    """Run the worker's step for one notification; return the line the file adapter wrote."""
    with clinic_context(tenant.clinic):
        sent = notification_deliver(notification=Notification.objects.get(pk=notification_id))
    assert sent.status == Notification.Status.SENT, sent.last_error
    return sent


def _lines(outbox):
    return [json.loads(line) for line in (outbox / "outbox.jsonl").read_text().splitlines()]


@pytest.mark.parametrize("channel", ["sms", "whatsapp"])
def test_a_phone_channel_carries_a_link_that_opens_the_pdf_without_signing_in(
    api, client, world, outbox, channel
):
    a = world.a
    invoice = _invoice(a)
    response = _send(api(a.user(Role.CASHIER), a.clinic), invoice, channel=channel)
    assert response.status_code == 202, response.content
    body = response.json()
    assert body["channel"] == channel and body["to"] == "081-XXX-0101" and body["status"] == "scheduled"
    _deliver(a, body["notification"])
    [line] = _lines(outbox)
    assert line["channel"] == channel and line["to"] == "+66815550101" and line["attachments"] == []
    url = next(word for word in line["body"].split() if word.startswith("https://clinic.example/"))
    assert "INV-WORLD" in line["body"] and "72" in line["body"]
    # No personal data in the link: neither the number, the phone nor the patient's name.
    assert "INV-WORLD" not in url and "0101" not in url and str(invoice.pk) not in url
    opened = client.get(urlsplit(url).path)
    assert opened.status_code == 200, opened.content
    assert opened["Content-Type"] == "application/pdf" and opened.content.startswith(b"%PDF")
    assert opened["Cache-Control"] == "private, no-store"


def test_email_carries_the_invoice_pdf_in_the_patients_language(api, world, outbox):
    a = world.a
    _contacts(a, email="noura@example.com", preferred_channel="email", preferred_language="ar")
    response = _send(api(a.user(Role.CASHIER), a.clinic), _invoice(a))  # the preferred channel
    assert response.status_code == 202, response.content
    assert response.json()["channel"] == "email" and response.json()["to"] == "n***@example.com"
    _deliver(a, response.json()["notification"])
    [line] = _lines(outbox)
    assert line["to"] == "noura@example.com"
    assert line["subject"].startswith("فاتورة") and "مرفق فاتورتك" in line["body"]
    [attachment] = line["attachments"]
    assert attachment["filename"] == "INV-WORLD.pdf" and attachment["mimetype"] == "application/pdf"
    assert (outbox / attachment["path"]).read_bytes().startswith(b"%PDF")


def test_the_link_expires(api, client, world, outbox, clock, time_machine):
    a = world.a
    response = _send(api(a.user(Role.CASHIER), a.clinic), _invoice(a), channel="sms")
    notification = Notification.unscoped.get(pk=response.json()["notification"])
    path = urlsplit(notification.payload["url"]).path
    time_machine.move_to(clock + dt.timedelta(hours=71), tick=False)
    assert client.get(path).status_code == 200
    time_machine.move_to(clock + dt.timedelta(hours=72, minutes=1), tick=False)
    expired = client.get(path)
    assert expired.status_code == 404 and expired.json()["code"] == "invoice_link_invalid"


def test_a_voided_invoices_link_opens_nothing_and_a_forged_one_neither(api, client, world, outbox):
    a = world.a
    invoice = _invoice(a)
    response = _send(api(a.user(Role.CASHIER), a.clinic), invoice, channel="sms")
    path = urlsplit(Notification.unscoped.get(pk=response.json()["notification"]).payload["url"]).path
    forged = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    assert client.get(forged).status_code == 404
    assert client.get("/api/v1/commerce/invoice-links/not-a-token").status_code == 404
    Invoice.unscoped.filter(pk=invoice.pk).update(status=Invoice.Status.VOID)
    assert client.get(path).status_code == 404


def test_sending_is_audited_without_the_address(api, world, outbox):
    a = world.a
    invoice = _invoice(a)
    response = _send(api(a.user(Role.CASHIER), a.clinic), invoice, channel="whatsapp")
    event = AuditEvent.unscoped.get(clinic=a.clinic, action="invoice.sent")
    assert event.object_id == str(invoice.pk) and event.actor == a.user(Role.CASHIER)
    assert event.changes == {
        "channel": [None, "whatsapp"],
        "notification": [None, response.json()["notification"]],
    }
    assert "0101" not in json.dumps(event.changes)


def test_a_retry_with_the_same_key_sends_once(api, world, outbox):
    a = world.a
    cashier, invoice = api(a.user(Role.CASHIER), a.clinic), _invoice(a)
    first = _send(cashier, invoice, key="send-1", channel="sms")
    again = _send(cashier, invoice, key="send-1", channel="sms")
    assert (first.status_code, again.status_code) == (202, 200)
    assert first.json()["notification"] == again.json()["notification"]
    assert Notification.unscoped.filter(subject_id=str(invoice.pk)).count() == 1
    assert AuditEvent.unscoped.filter(action="invoice.sent").count() == 1
    # The header works as the key too; the same key for another channel is a conflict.
    by_header = cashier.post(
        f"{INVOICES}/{invoice.pk}/send", {"channel": "sms"}, HTTP_IDEMPOTENCY_KEY="send-1"
    )
    assert by_header.status_code == 200 and by_header.json()["notification"] == first.json()["notification"]
    assert _send(cashier, invoice, key="send-1", channel="whatsapp").status_code == 409


def test_the_list_shows_masked_destinations_and_when_it_was_last_sent(api, world, outbox):
    a = world.a
    cashier, invoice = api(a.user(Role.CASHIER), a.clinic), _invoice(a)
    row = next(r for r in cashier.get(INVOICES).json()["results"] if r["id"] == str(invoice.pk))
    assert row["last_sent_at"] is None
    assert row["send_to"] == {
        "email": "p***@example.com",
        "sms": "081-XXX-0101",
        "whatsapp": "081-XXX-0101",
        "preferred": "sms",
    }
    sent = _send(cashier, invoice, channel="sms").json()
    row = next(r for r in cashier.get(INVOICES).json()["results"] if r["id"] == str(invoice.pk))
    assert row["last_sent_at"] == sent["requested_at"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"channel": "email"}, "channel"),  # the patient has no e-mail (below)
        ({"channel": "fax"}, "channel"),
        ({"idempotency_key": ""}, "idempotency_key"),
        ({"idempotency_key": "k" * 101}, "idempotency_key"),
    ],
)
def test_bad_sends_are_400_naming_the_field(api, world, outbox, body, field):
    a = world.a
    _contacts(a, email="")
    response = api(a.user(Role.CASHIER), a.clinic).post(
        f"{INVOICES}/{_invoice(a).pk}/send", {"idempotency_key": "k1", **body}, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    assert not Notification.unscoped.filter(template__startswith="invoice.").exists()


def test_a_patient_without_a_phone_is_400_naming_the_channel(api, world, outbox):
    a = world.a
    _contacts(a, phone="")
    response = _send(api(a.user(Role.CASHIER), a.clinic), _invoice(a), channel="whatsapp")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["channel"]


def test_a_draft_or_void_invoice_is_409(api, world, outbox):
    a = world.a
    cashier = api(a.user(Role.CASHIER), a.clinic)
    with clinic_context(a.clinic):
        draft = invoice_draft_from_services(
            patient=a.patient,
            items=[(a.service, Decimal(1), a.user(Role.DOCTOR))],
            reference_type="emr.visit",
            reference_id=uuid.uuid4(),
            actor=a.user(Role.DOCTOR),
        )
    response = _send(cashier, draft, channel="sms")
    assert response.status_code == 409 and response.json()["code"] == "invoice_not_sendable"
    invoice = _invoice(a)
    Invoice.unscoped.filter(pk=invoice.pk).update(status=Invoice.Status.VOID)
    assert _send(cashier, invoice, channel="sms").status_code == 409
    assert not Notification.unscoped.filter(template__startswith="invoice.").exists()


def test_another_clinics_invoice_is_404_and_a_nurse_may_not_send(api, world, outbox):
    b_cashier = api(world.b.user(Role.CASHIER), world.b.clinic)
    assert _send(b_cashier, _invoice(world.a), channel="sms").status_code == 404
    nurse = api(world.a.user(Role.NURSE), world.a.clinic)
    assert _send(nurse, _invoice(world.a), channel="sms").status_code == 403
    assert not Notification.unscoped.filter(template__startswith="invoice.").exists()


def test_an_invoice_voided_before_the_email_goes_is_not_sent(api, world, outbox):
    a = world.a
    _contacts(a, email="noura@example.com")
    response = _send(api(a.user(Role.CASHIER), a.clinic), _invoice(a), channel="email")
    Invoice.unscoped.filter(number="INV-WORLD", clinic=a.clinic).update(status=Invoice.Status.VOID)
    with clinic_context(a.clinic):
        failed = notification_deliver(
            notification=Notification.objects.get(pk=response.json()["notification"])
        )
    assert failed.status == Notification.Status.FAILED and "no longer open" in failed.last_error
    assert not (outbox / "outbox.jsonl").exists()
