"""Deposits in the portal: the booking form says what the treatment asks for and the
clinic's no-show rule before confirming; after booking the appointment says "Deposit
due" and how to pay it (a Pix QR for the exact amount when the clinic takes Pix and set
its key, else at the desk); once the desk takes it, "Deposit paid". Another patient's
deposit is a 404."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import Decimal

import pytest
from django.conf import settings
from django.db.models import Sum
from django.test import Client
from django.urls import reverse

from audit.models import AuditEvent
from catalog.models import Service
from commerce import emv_qr
from commerce.models import CommerceSettings, Deposit, JournalLine, Payment
from commerce.services import deposit_take, payment_settings_update
from commerce.tests.gateway import Gateway
from commerce.tests.test_card_payments import SECRET, _webhook
from core.roles import Role
from core.tenancy import clinic_context
from portal.tests.conftest import MONDAY, signed_in
from portal.tests.test_services_my import book
from scheduling.models import Appointment

pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def deposit_service(world, published) -> Service:
    """São Paulo's treatment asks for a fixed deposit of R$ 150.00."""
    Service.unscoped.filter(pk=world.b.service.pk).update(deposit_kind="fixed", deposit_value=Decimal(150))
    world.b.service.refresh_from_db()
    return world.b.service


@pytest.fixture
def pix(world, published) -> None:
    with clinic_context(published):
        payment_settings_update(
            clinic=published,
            actor=world.b.user(Role.OWNER),
            pix_key="11222333000181",
            merchant_city="São Paulo",
        )


def _english(browser):
    browser.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return browser


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_booking_form_shows_the_deposit_and_the_no_show_rule_before_confirming(
    browser, world, published, make_patient, deposit_service
):
    _english(signed_in(browser, make_patient()))
    url = reverse("portal:book", args=[published.slug])
    page = _text(browser.get(url, {"service": str(deposit_service.pk), "day": MONDAY.isoformat()}))
    assert "This treatment asks for a deposit:" in page and "150.00" in page
    hours = published.late_cancellation_hours
    assert f"cancel less than {hours} hours before, the clinic keeps the deposit" in page
    fragment = _text(
        browser.get(
            reverse("portal:slots", args=[published.slug]),
            {"service": str(deposit_service.pk), "day": MONDAY.isoformat()},
            HTTP_HX_REQUEST="true",
        )
    )
    assert 'id="deposit-note" hx-swap-oob="true"' in fragment and "150.00" in fragment
    # A treatment that asks for none: the note is emptied.
    Service.unscoped.filter(pk=deposit_service.pk).update(deposit_kind="", deposit_value=0)
    none = _text(browser.get(url, {"service": str(deposit_service.pk)}))
    assert "asks for a deposit" not in none and 'id="deposit-note"' in none


def test_a_refunding_clinic_says_the_deposit_is_given_back(
    browser, world, published, make_patient, deposit_service
):
    with clinic_context(published):
        CommerceSettings.objects.update_or_create(clinic=published, defaults={"deposit_no_show": "refund"})
    _english(signed_in(browser, make_patient()))
    page = _text(
        browser.get(reverse("portal:book", args=[published.slug]), {"service": str(deposit_service.pk)})
    )
    assert "the clinic gives the deposit back" in page and "no-show fee" not in page


def test_after_booking_the_deposit_is_due_and_paid_by_a_pix_code_for_the_exact_amount(
    browser, world, published, make_patient, deposit_service, pix
):
    account = make_patient()
    appointment = book(account, published, deposit_service)
    _english(signed_in(browser, account))
    listing = _text(browser.get(reverse("portal:appointments"), {"booked": str(appointment.pk)}))
    assert "A deposit is due to keep it:" in listing and "Deposit due" in listing and "150.00" in listing
    deposit_url = reverse("portal:deposit", args=[appointment.pk])
    assert f'href="{deposit_url}"' in listing
    response = browser.get(deposit_url)
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    page = _text(response)
    assert "Pay by Pix" in page and "<svg" in page
    payload = re.search(r'<textarea id="code-pix"[^>]*>([^<]+)</textarea>', page).group(1).strip()
    assert "br.gov.bcb.pix" in payload and "011411222333000181" in payload
    assert "5406150.00" in payload  # EMV tag 54: the exact amount
    assert appointment.pk.hex[:25].upper() in payload  # the transaction id names the appointment
    assert payload[-4:] == emv_qr.crc16(payload[:-4])
    # The desk confirms the transfer with "Take deposit": the patient sees it paid.
    with clinic_context(published):
        deposit_take(
            appointment_id=appointment.pk,
            patient=appointment.patient,
            service=deposit_service,
            actor=world.b.user(Role.RECEPTIONIST),
            method="pix",
            idempotency_key="desk-1",
        )
    paid = _text(browser.get(deposit_url))
    assert "Deposit paid" in paid and "Pay by Pix" not in paid and "<textarea" not in paid
    listing = _text(browser.get(reverse("portal:appointments")))
    assert "Deposit paid" in listing and "Deposit due" not in listing and "Pay the deposit" not in listing


def test_without_a_pix_key_the_deposit_is_paid_at_the_desk(
    browser, world, published, make_patient, deposit_service
):
    account = make_patient()
    appointment = book(account, published, deposit_service)
    _english(signed_in(browser, account))
    page = _text(browser.get(reverse("portal:deposit", args=[appointment.pk])))
    assert "Deposit due" in page and "Pay the deposit at the clinic's desk" in page and "<svg" not in page


def test_another_patients_deposit_is_404_and_an_appointment_without_one_says_so(
    browser, world, published, make_patient, deposit_service, pix
):
    mine, theirs = make_patient(seed=1), make_patient(seed=2)
    their_appointment = book(theirs, published, deposit_service, hour=11)
    signed_in(browser, mine)
    for pk in (their_appointment.pk, world.b.appointment.pk, "nothing"):
        assert browser.get(reverse("portal:deposit", args=[pk])).status_code == 404
    Service.unscoped.filter(pk=deposit_service.pk).update(deposit_kind="", deposit_value=0)
    mine_free = book(mine, published, deposit_service)
    none = browser.get(reverse("portal:deposit", args=[mine_free.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert none.status_code == 200 and "asks for no deposit" in none.content.decode()


def test_a_checked_in_appointment_offers_no_move_or_cancel(browser, world, published, make_patient):
    account = make_patient()
    appointment = book(account, published, world.b.service)
    _english(signed_in(browser, account))
    move, cancel = (reverse(f"portal:{n}", args=[appointment.pk]) for n in ("reschedule", "cancel"))
    listing = _text(browser.get(reverse("portal:appointments")))
    assert f'href="{move}"' in listing and f'href="{cancel}"' in listing
    # Checked in at the desk (the state machine's check-in rules are scheduling's tests).
    Appointment.unscoped.filter(pk=appointment.pk).update(status=Appointment.Status.ARRIVED)
    listing = _text(browser.get(reverse("portal:appointments")))
    assert f'data-appointment="{appointment.pk}"' in listing
    assert f'href="{move}"' not in listing and f'href="{cancel}"' not in listing


# ------------------------------------------------------------- pay now, online


@pytest.fixture
def online(settings) -> Iterator[Gateway]:
    """The online checkout of the HTTP gateway contract, on a local double whose page
    for the first checkout is ``https://pay.example/cs_1``."""
    double = Gateway().start()
    double.answer = json.dumps({"id": "cs_1", "url": "https://pay.example/cs_1"}).encode()
    settings.PAYMENTS_ONLINE_PROVIDER = "http"
    settings.PAYMENTS_HTTP_BASE_URL = double.url
    settings.PAYMENTS_HTTP_API_KEY = "sk-test"
    settings.PAYMENTS_HTTP_WEBHOOK_SECRET = SECRET
    settings.PAYMENTS_HTTP_TIMEOUT = 5.0
    yield double
    double.stop()


def test_pay_now_sends_the_patient_to_the_gateway_and_the_signed_webhook_makes_it_paid(
    browser, world, published, make_patient, deposit_service, online
):
    account = make_patient()
    appointment = book(account, published, deposit_service)
    _english(signed_in(browser, account))
    url = reverse("portal:deposit", args=[appointment.pk])
    assert "Pay now" in _text(browser.get(url))
    sent = browser.post(url)
    assert sent.status_code == 302 and sent["Location"] == "https://pay.example/cs_1"
    [request] = online.requests
    payment = Payment.unscoped.get(invoice__deposit__appointment_id=appointment.pk)
    assert request["path"] == "/v1/checkouts" and request["headers"]["Idempotency-Key"] == str(payment.pk)
    body = request["body"]
    assert (body["amount"], body["currency"], body["reference"]) == ("150.00", "BRL", str(payment.pk))
    assert body["return_url"] == f"http://testserver{url}"
    assert (payment.status, payment.method, payment.provider_reference) == ("pending", "card", "cs_1")
    assert payment.created_by_id is None
    assert AuditEvent.unscoped.filter(action="deposit.checkout_started", clinic=published).count() == 1
    waiting = _text(browser.get(url))
    assert "Deposit payment being confirmed" in waiting and "Pay now" not in waiting
    # Back again before the webhook: the same page of the gateway, no second payment.
    assert browser.post(url)["Location"] == "https://pay.example/cs_1"
    assert len(online.requests) == 2 and online.requests[1]["body"]["reference"] == str(payment.pk)
    assert Payment.unscoped.filter(invoice__deposit__appointment_id=appointment.pk).count() == 1

    event = {"id": "evt_1", "reference": str(payment.pk), "status": "succeeded"}
    assert _webhook(Client(), event, secret="wrong").status_code == 401
    assert "Deposit paid" not in _text(browser.get(url))
    settled = _webhook(Client(), event)
    assert settled.status_code == 200, settled.content
    page = _text(browser.get(url))
    assert "Deposit paid" in page and "Pay now" not in page
    deposit = Deposit.unscoped.get(appointment_id=appointment.pk)
    assert deposit.invoice.paid_total == Decimal("150.00") and deposit.invoice.balance_due == 0
    credits = JournalLine.unscoped.filter(clinic=published, account="customer_deposits").aggregate(
        c=Sum("credit")
    )["c"]
    assert credits == Decimal("150.00")


def test_a_failed_online_payment_can_be_started_again_and_a_silent_gateway_charges_nothing(
    browser, world, published, make_patient, deposit_service, online
):
    account = make_patient()
    appointment = book(account, published, deposit_service)
    _english(signed_in(browser, account))
    url = reverse("portal:deposit", args=[appointment.pk])
    online.status, online.answer = 503, b"{}"
    down = browser.post(url)
    assert down.status_code == 400 and "did not answer" in down.content.decode()
    assert f'href="{url}"' in down.content.decode()  # the reason, and the way back
    assert not Deposit.unscoped.filter(appointment_id=appointment.pk).exists()
    online.status, online.answer = 201, json.dumps({"id": "cs_1", "url": "https://pay.example/cs_1"}).encode()
    assert browser.post(url).status_code == 302
    first = Payment.unscoped.get(invoice__deposit__appointment_id=appointment.pk)
    assert (
        _webhook(Client(), {"id": "evt_1", "reference": str(first.pk), "status": "failed"}).status_code == 200
    )
    assert "Pay now" in _text(browser.get(url))  # the page expired unpaid: due again
    online.answer = json.dumps({"id": "cs_2", "url": "https://pay.example/cs_2"}).encode()
    assert browser.post(url)["Location"] == "https://pay.example/cs_2"
    second = Payment.unscoped.exclude(pk=first.pk).get(invoice__deposit__appointment_id=appointment.pk)
    assert second.status == "pending" and online.requests[-1]["body"]["reference"] == str(second.pk)


def test_without_an_online_provider_there_is_no_pay_now_and_another_patient_gets_404(
    browser, world, published, make_patient, deposit_service
):
    mine, theirs = make_patient(seed=1), make_patient(seed=2)
    appointment = book(mine, published, deposit_service)
    their_appointment = book(theirs, published, deposit_service, hour=11)
    _english(signed_in(browser, mine))
    url = reverse("portal:deposit", args=[appointment.pk])
    assert "Pay now" not in _text(browser.get(url))
    refused = browser.post(url)
    assert refused.status_code == 400 and "takes no card payment online" in refused.content.decode()
    assert browser.post(reverse("portal:deposit", args=[their_appointment.pk])).status_code == 404
    assert not Deposit.unscoped.filter(appointment_id__in=[appointment.pk, their_appointment.pk]).exists()
