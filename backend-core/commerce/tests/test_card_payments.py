"""Card payments through the provider adapter: the manual default, the HTTP gateway
(against a local double) and its signed webhook."""

import asyncio
import datetime as dt
import json
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.db import connections, transaction

from accounts.tests.factories import tokens_for
from audit.models import AuditEvent
from commerce.models import Invoice, JournalEntry, Payment
from commerce.payment_providers import SIGNATURE_HEADER, TIMESTAMP_HEADER, webhook_signature
from commerce.services import card_charges_resend
from commerce.tests.gateway import Gateway
from commerce.tests.test_api import CHECKOUT, _cart
from core.asgi import application
from core.roles import Role
from core.tenancy import clinic_context
from outbox.models import OutboxEvent

WEBHOOK = "/api/v1/commerce/payments/webhook"
SECRET = "whsec-test-secret"


@pytest.fixture
def gateway(settings) -> Iterator[Gateway]:
    double = Gateway().start()
    settings.PAYMENTS_CARD_PROVIDER = "http"
    settings.PAYMENTS_HTTP_BASE_URL = double.url
    settings.PAYMENTS_HTTP_API_KEY = "sk-test"
    settings.PAYMENTS_HTTP_WEBHOOK_SECRET = SECRET
    settings.PAYMENTS_HTTP_TIMEOUT = 5.0
    yield double
    double.stop()


def _pay(api, tenant, amount: str, key: str, method: str = "card"):
    return api(tenant.user(Role.CASHIER), tenant.clinic).post(
        f"/api/v1/commerce/invoices/{tenant.sale.invoice.pk}/payments",
        {"idempotency_key": key, "method": method, "amount": amount, "currency": tenant.clinic.currency},
        format="json",
    )


def _webhook(client, body: dict[str, Any], *, secret: str = SECRET, at: float | None = None, **headers: str):
    raw = json.dumps(body).encode()
    timestamp = str(int(time.time() if at is None else at))
    signed = {
        f"HTTP_{SIGNATURE_HEADER.upper().replace('-', '_')}": webhook_signature(raw, timestamp, secret),
        f"HTTP_{TIMESTAMP_HEADER.upper().replace('-', '_')}": timestamp,
    }
    return client.post(WEBHOOK, raw, content_type="application/json", **(signed | headers))


def _invoice(tenant) -> Invoice:
    return Invoice.unscoped.get(pk=tenant.sale.invoice.pk)


def _entries(tenant, payment_id: str) -> int:
    return JournalEntry.unscoped.filter(clinic=tenant.clinic, reference_id=payment_id).count()


def test_manual_provider_card_payment_succeeds_at_once_with_its_journal_entry(api, world):
    before = _invoice(world.a)
    response = _pay(api, world.a, "100.00", "card-manual")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "succeeded"
    after = _invoice(world.a)
    assert after.paid_total == before.paid_total + Decimal("100.00")
    assert _entries(world.a, response.json()["id"]) == 1


def test_http_card_payment_is_pending_until_the_signed_webhook_says_succeeded(api, client, world, gateway):
    before = _invoice(world.a)
    response = _pay(api, world.a, str(before.balance_due), "card-http-1")
    assert response.status_code == 201, response.content
    payment = response.json()
    assert payment["status"] == "pending" and payment["provider_reference"] == "ch_1"
    [sent] = gateway.requests
    assert sent["path"] == "/v1/charges"
    assert sent["headers"]["Authorization"] == "Bearer sk-test"
    assert sent["headers"]["Idempotency-Key"] == payment["id"]
    assert sent["body"] == {
        "amount": str(before.balance_due),
        "currency": "THB",
        "reference": payment["id"],
        "description": f"Invoice {before.number}",
    }
    pending = _invoice(world.a)
    assert pending.paid_total == before.paid_total and pending.status == before.status
    assert _entries(world.a, payment["id"]) == 0
    # The pending charge holds the balance: it cannot be charged again meanwhile.
    again = _pay(api, world.a, "1.00", "cash-while-pending", method="cash")
    assert again.status_code == 400 and again.json()["errors"][0]["field"] == "amount"
    # A retry of the same request returns the same payment, without a second charge.
    assert _pay(api, world.a, str(before.balance_due), "card-http-1").json()["id"] == payment["id"]
    assert len(gateway.requests) == 1

    settled = _webhook(client, {"id": "evt_1", "reference": payment["id"], "status": "succeeded"})
    assert settled.status_code == 200, settled.content
    assert settled.json() == {"id": payment["id"], "status": "succeeded"}
    paid = _invoice(world.a)
    assert paid.status == "paid" and paid.balance_due == 0
    assert _entries(world.a, payment["id"]) == 1
    accountant = api(world.a.user(Role.ACCOUNTANT), world.a.clinic)
    assert accountant.get("/api/v1/ledger/trial-balance").json()["total_balance"] == "0.00"

    # The same event again, and a late failure, change nothing.
    assert (
        _webhook(client, {"id": "evt_1", "reference": payment["id"], "status": "succeeded"}).status_code
        == 200
    )
    late = _webhook(client, {"id": "evt_2", "reference": payment["id"], "status": "failed"})
    assert late.status_code == 200 and late.json()["status"] == "succeeded"
    assert _entries(world.a, payment["id"]) == 1
    assert _invoice(world.a).paid_total == paid.paid_total


def test_a_failed_charge_leaves_the_balance_and_frees_it_for_another_payment(api, client, world, gateway):
    before = _invoice(world.a)
    payment = _pay(api, world.a, "300.00", "card-http-fail").json()
    failed = _webhook(client, {"id": "evt_f", "reference": payment["id"], "status": "failed"})
    assert failed.status_code == 200 and failed.json()["status"] == "failed"
    after = _invoice(world.a)
    assert (after.paid_total, after.balance_due, after.status) == (
        before.paid_total,
        before.balance_due,
        before.status,
    )
    assert _entries(world.a, payment["id"]) == 0
    cash = _pay(api, world.a, str(before.balance_due), "cash-after-failure", method="cash")
    assert cash.status_code == 201, cash.content


def test_webhook_refuses_a_bad_signature_an_old_timestamp_and_missing_headers(api, client, world, gateway):
    payment = _pay(api, world.a, "50.00", "card-http-sig").json()
    body = {"id": "evt_s", "reference": payment["id"], "status": "succeeded"}
    wrong = _webhook(client, body, secret="not-the-secret")
    assert wrong.status_code == 401 and wrong.json()["code"] == "webhook_signature_invalid"
    replayed = _webhook(client, body, at=time.time() - 301)
    assert replayed.status_code == 401 and "too old" in replayed.json()["detail"]
    bare = client.post(WEBHOOK, json.dumps(body), content_type="application/json")
    assert bare.status_code == 401
    with clinic_context(world.a.clinic):
        assert Payment.objects.get(pk=payment["id"]).status == "pending"


def test_webhook_unknown_reference_is_404_and_a_bad_body_is_400(client, world, gateway):
    unknown = _webhook(
        client, {"id": "evt_u", "reference": "0f3a6c52-0000-4000-8000-000000000000", "status": "succeeded"}
    )
    assert unknown.status_code == 404 and unknown.json()["code"] == "payment_not_found"
    assert _webhook(client, {"id": "evt_u", "reference": "nope", "status": "succeeded"}).status_code == 404
    bad = _webhook(client, {"id": "evt_b", "reference": "x", "status": "refunded"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "status"


def test_another_clinic_cannot_see_the_pending_payment(api, world, gateway):
    payment = _pay(api, world.a, "20.00", "card-http-tenancy").json()
    own = api(world.a.user(Role.ACCOUNTANT), world.a.clinic).get(f"/api/v1/commerce/payments/{payment['id']}")
    assert own.status_code == 200 and own.json()["status"] == "pending"
    other = api(world.b.user(Role.ACCOUNTANT), world.b.clinic).get(
        f"/api/v1/commerce/payments/{payment['id']}"
    )
    assert other.status_code == 404


def test_a_declined_card_is_a_failed_payment_that_leaves_the_balance(api, world, gateway):
    gateway.status, gateway.answer = 402, b'{"id": "ch_declined", "error": "card_declined"}'
    before = _invoice(world.a)
    response = _pay(api, world.a, "20.00", "card-http-declined")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "failed" and response.json()["provider_reference"] == "ch_declined"
    after = _invoice(world.a)
    assert (after.paid_total, after.balance_due) == (before.paid_total, before.balance_due)
    assert _entries(world.a, response.json()["id"]) == 0


@pytest.mark.parametrize(("status", "answer"), [(401, b'{"error": "bad_key"}'), (400, b"{}"), (404, b"")])
def test_a_gateway_that_refuses_the_charge_makes_it_failed_and_frees_the_balance(
    api, world, gateway, status, answer
):
    gateway.status, gateway.answer = status, answer
    before = _invoice(world.a)
    response = _pay(api, world.a, "20.00", "card-http-refused")
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "failed"
    assert response.json()["failure_code"] == "provider_refused"
    assert len(gateway.requests) == 1
    after = _invoice(world.a)
    assert (after.paid_total, after.balance_due) == (before.paid_total, before.balance_due)
    cash = _pay(api, world.a, str(before.balance_due), "cash-after-refusal", method="cash")
    assert cash.status_code == 201, cash.content


def test_a_gateway_that_cannot_be_reached_makes_it_failed(api, world, gateway, settings):
    settings.PAYMENTS_HTTP_BASE_URL = "http://127.0.0.1:9/v1"  # the discard port: refused
    response = _pay(api, world.a, "20.00", "card-http-unreachable")
    assert response.status_code == 201, response.content
    assert (response.json()["status"], response.json()["failure_code"]) == ("failed", "provider_refused")


@pytest.mark.parametrize(
    ("status", "answer"), [(502, None), (503, b"{}"), (201, b"<html>"), (201, b'{"status": "pending"}')]
)
def test_a_gateway_without_a_usable_answer_leaves_the_payment_pending_and_holding_the_balance(
    api, client, world, gateway, status, answer
):
    gateway.status, gateway.answer = status, answer
    before = _invoice(world.a)
    response = _pay(api, world.a, "20.00", "card-http-garbled")
    assert response.status_code == 201, response.content
    payment = response.json()
    assert (payment["status"], payment["provider_reference"]) == ("pending", "")
    refused = _pay(api, world.a, str(before.balance_due), "cash-while-unanswered", method="cash")
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "amount"
    # A retry of the request sends the charge again, under the same Idempotency-Key.
    gateway.status, gateway.answer = 201, None
    again = _pay(api, world.a, "20.00", "card-http-garbled").json()
    assert (again["id"], again["status"], again["provider_reference"]) == (payment["id"], "pending", "ch_2")
    assert [r["headers"]["Idempotency-Key"] for r in gateway.requests] == [payment["id"]] * 2
    # Once acknowledged, neither a retry nor the sweep sends it a third time.
    _pay(api, world.a, "20.00", "card-http-garbled")
    assert card_charges_resend(now=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1)) == 0
    assert len(gateway.requests) == 2


def test_a_gateway_timeout_leaves_the_payment_pending_until_the_webhook_settles_it(
    api, client, world, gateway, settings
):
    settings.PAYMENTS_HTTP_TIMEOUT = 0.3
    gateway.delay = 1.0
    before = _invoice(world.a)
    started = time.monotonic()
    response = _pay(api, world.a, str(before.balance_due), "card-http-timeout")
    assert time.monotonic() - started < 1.0  # the cashier waited for the timeout, not the gateway
    assert response.status_code == 201, response.content
    payment = response.json()
    assert (payment["status"], payment["provider_reference"]) == ("pending", "")
    assert _invoice(world.a).paid_total == before.paid_total
    # Not lost: the sweep sends it again once stale; the gateway (same key) answers this time.
    gateway.delay = 0.0
    assert card_charges_resend() == 0  # not stale yet
    assert card_charges_resend(now=dt.datetime.now(dt.UTC) + dt.timedelta(minutes=3)) == 1
    assert [r["headers"]["Idempotency-Key"] for r in gateway.requests] == [payment["id"]] * 2
    with clinic_context(world.a.clinic):
        assert Payment.objects.get(pk=payment["id"]).provider_reference == "ch_2"
    settled = _webhook(client, {"id": "evt_t", "reference": payment["id"], "status": "succeeded"})
    assert settled.status_code == 200 and settled.json()["status"] == "succeeded"
    paid = _invoice(world.a)
    assert paid.status == "paid" and paid.balance_due == 0
    assert _entries(world.a, payment["id"]) == 1


def test_settling_is_audited_with_the_provider_reference_and_announced_to_the_clinic(
    api, client, world, gateway
):
    payment = _pay(api, world.a, "20.00", "card-http-audit").json()
    _webhook(client, {"id": "evt_a", "reference": payment["id"], "status": "succeeded"})
    [audit] = AuditEvent.unscoped.filter(action="payment.settled", object_id=payment["id"])
    assert audit.clinic_id == world.a.clinic.pk and audit.actor_id is None
    assert audit.changes["status"] == ["pending", "succeeded"]
    assert audit.changes["provider_reference"] == [None, "ch_1"]
    [event] = OutboxEvent.objects.filter(
        type="com.aesthetix.payment.settled", subject=f"payment/{payment['id']}"
    )
    invoice = _invoice(world.a)
    assert event.clinic_id == world.a.clinic.pk
    assert event.data == {
        "payment_id": payment["id"],
        "invoice_id": str(invoice.pk),
        "sale_id": str(invoice.sale_id),
        "status": "succeeded",
        "failure_code": "",
        "amount": "20.00",
        "currency": "THB",
        "invoice_status": invoice.status,
        "balance_due": str(invoice.balance_due),
    }
    declined = _pay(api, world.a, "10.00", "card-http-audit-2").json()
    _webhook(client, {"id": "evt_d", "reference": declined["id"], "status": "failed"})
    [failed] = OutboxEvent.objects.filter(subject=f"payment/{declined['id']}")
    assert (failed.data["status"], failed.data["failure_code"]) == ("failed", "declined")
    assert AuditEvent.unscoped.filter(action="payment.settled").count() == 2


def test_a_card_payment_at_checkout_goes_to_the_gateway_and_the_sale_cannot_be_voided_meanwhile(
    api, client, world, gateway
):
    cart = _cart(world.a, payments=[{"method": "card", "amount": "9200.00"}])
    sale = api(world.a.user(Role.CASHIER), world.a.clinic).post(
        CHECKOUT, cart, format="json", HTTP_IDEMPOTENCY_KEY="till-card-1"
    )
    assert sale.status_code == 201, sale.content
    [sent] = gateway.requests
    assert sent["body"]["amount"] == "9200.00"
    invoice = Invoice.unscoped.get(pk=sale.json()["invoice"])
    assert invoice.paid_total == 0 and invoice.status == "sent"
    payment = Payment.unscoped.get(invoice=invoice)
    assert payment.status == "pending" and str(payment.pk) == sent["body"]["reference"]
    voided = api(world.a.user(), world.a.clinic).post(
        f"/api/v1/commerce/sales/{sale.json()['id']}/void", {"reason": "mistake"}, format="json"
    )
    assert voided.status_code == 409 and voided.json()["code"] == "sale_has_pending_payment"
    settled = _webhook(client, {"id": "evt_c", "reference": str(payment.pk), "status": "succeeded"})
    assert settled.status_code == 200, settled.content
    invoice.refresh_from_db()
    assert invoice.status == "paid" and invoice.balance_due == 0


def test_collecting_an_open_invoice_by_card_goes_to_the_gateway_and_holds_the_balance(api, world, gateway):
    before = _invoice(world.a)
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    collect = f"/api/v1/commerce/invoices/{before.pk}/collect"
    body = {"idempotency_key": "collect-card", "currency": "THB", "leave_balance": True}
    taken = cashier.post(collect, body | {"payments": [{"method": "card", "amount": "20.00"}]}, format="json")
    assert taken.status_code == 201, taken.content
    assert len(gateway.requests) == 1
    pending = _invoice(world.a)
    assert (pending.paid_total, pending.balance_due) == (before.paid_total, before.balance_due)
    everything = {"method": "cash", "amount": str(before.balance_due)}
    refused = cashier.post(
        collect, body | {"idempotency_key": "collect-cash", "payments": [everything]}, format="json"
    )
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "payments.0.amount"


# ------------------------------------- the gateway is called with no transaction open


def _nowait_lock(invoice_id) -> None:
    """Lock the invoice row from another connection without waiting (DatabaseError if held)."""
    with transaction.atomic():
        Invoice.unscoped.select_for_update(nowait=True).get(pk=invoice_id)


@pytest.mark.django_db(transaction=True)
def test_the_invoice_is_not_locked_while_a_slow_gateway_thinks(api, world, gateway):
    invoice = _invoice(world.a)
    seen: list[str] = []

    def meanwhile(request: dict[str, Any]) -> None:
        _nowait_lock(invoice.pk)  # another cashier's transaction on this invoice
        payment = Payment.unscoped.get(pk=request["body"]["reference"])  # committed before the call
        seen.append(payment.status)

    gateway.during, gateway.delay = meanwhile, 0.5
    response = _pay(api, world.a, "20.00", "card-http-slow")
    assert response.status_code == 201, response.content
    assert not gateway.failures, gateway.failures
    assert seen == ["pending"]
    assert response.json()["status"] == "pending" and response.json()["provider_reference"] == "ch_1"


@pytest.mark.django_db(transaction=True)
def test_a_checkout_by_card_holds_no_lock_while_the_gateway_thinks(api, world, gateway):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)

    def meanwhile(request: dict[str, Any]) -> None:
        payment = Payment.unscoped.get(pk=request["body"]["reference"])
        _nowait_lock(payment.invoice_id)

    gateway.during = meanwhile
    cart = _cart(world.a, payments=[{"method": "card", "amount": "9200.00"}])
    sale = cashier.post(CHECKOUT, cart, format="json", HTTP_IDEMPOTENCY_KEY="till-card-slow")
    assert sale.status_code == 201, sale.content
    assert not gateway.failures, gateway.failures
    assert len(gateway.requests) == 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("verdict", ["succeeded", "failed"])
def test_a_webhook_before_the_gateways_answer_settles_the_payment_once(api, client, world, gateway, verdict):
    before = _invoice(world.a)
    answers: list[int] = []

    def webhook_first(request: dict[str, Any]) -> None:
        body = {"id": "evt_race", "reference": request["body"]["reference"], "status": verdict}
        answers.append(_webhook(client, body).status_code)

    gateway.during = webhook_first
    response = _pay(api, world.a, str(before.balance_due), "card-http-race")
    assert response.status_code == 201, response.content
    assert not gateway.failures, gateway.failures
    assert answers == [200]
    payment = response.json()
    # The gateway's later "pending" changes nothing; its charge id is kept.
    assert (payment["status"], payment["provider_reference"]) == (verdict, "ch_1")
    assert _entries(world.a, payment["id"]) == (1 if verdict == "succeeded" else 0)
    assert OutboxEvent.objects.filter(subject=f"payment/{payment['id']}").count() == 1
    assert AuditEvent.unscoped.filter(action="payment.settled", object_id=payment["id"]).count() == 1
    after = _invoice(world.a)
    assert after.status == ("paid" if verdict == "succeeded" else before.status)


# ------------------------------------------------------------- the till hears it live


@pytest.mark.django_db(transaction=True)
def test_a_settled_card_payment_reaches_its_clinics_till_and_no_other(api, client, world, gateway):
    payment = _pay(api, world.a, "20.00", "card-http-live").json()
    sockets = {
        name: f"/ws/clinic/?clinic={tenant.clinic.pk}&token={tokens_for(tenant.user(Role.CASHIER)).access}"
        for name, tenant in (("a", world.a), ("b", world.b))
    }

    async def scenario() -> None:
        listening = {}
        for tenant, path in sockets.items():
            communicator = WebsocketCommunicator(
                application, path, headers=[(b"origin", b"http://localhost")]
            )
            connected, _code = await communicator.connect(timeout=5)
            assert connected
            listening[tenant] = communicator
        body = {"id": "evt_live", "reference": payment["id"], "status": "succeeded"}
        settled = await database_sync_to_async(_webhook)(client, body)
        assert settled.status_code == 200, settled.content
        message = await listening["a"].receive_json_from(timeout=5)
        assert message["type"] == "com.aesthetix.payment.settled"
        assert message["clinic"] == str(world.a.clinic.pk)
        assert (message["data"]["payment_id"], message["data"]["status"]) == (payment["id"], "succeeded")
        assert await listening["b"].receive_nothing(timeout=0.5)
        for communicator in listening.values():
            await communicator.disconnect()

    async def and_close() -> None:
        try:
            await scenario()
        finally:
            await database_sync_to_async(connections.close_all)()

    asyncio.run(and_close())
