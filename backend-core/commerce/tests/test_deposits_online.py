"""A deposit the patient pays online (``deposit_online_checkout``): the gateway's hosted
page is asked for first, the payment is written pending with the checkout's id, the
signed webhook settles it into customer deposits, and the till's resend sweep never
sends it to the till's own card provider. A payment the gateway confirms after the
deposit was settled (its appointment cancelled meanwhile) is given back at once."""

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal

import pytest

from audit.models import AuditEvent
from catalog.models import Service
from commerce import selectors
from commerce.models import Deposit, Payment
from commerce.services import card_charges_resend, payment_settings_update, payment_webhook_apply
from commerce.services.deposits import deposit_online_checkout, deposit_release
from commerce.tests.gateway import Gateway
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context


@pytest.fixture
def online(settings) -> Iterator[Gateway]:
    double = Gateway().start()
    double.answer = json.dumps({"id": "cs_9", "url": "https://pay.example/cs_9"}).encode()
    settings.PAYMENTS_ONLINE_PROVIDER = "http"
    settings.PAYMENTS_HTTP_BASE_URL = double.url
    settings.PAYMENTS_HTTP_TIMEOUT = 5.0
    yield double
    double.stop()


@pytest.fixture
def desk(world):
    """Clinic A: the toxin asks for a fixed deposit of 100.00 THB."""
    Service.unscoped.filter(pk=world.a.service.pk).update(deposit_kind="fixed", deposit_value=Decimal(100))
    world.a.service.refresh_from_db()
    return world.a


def _checkout(tenant) -> str:
    with clinic_context(tenant.clinic):
        return deposit_online_checkout(
            appointment_id=tenant.appointment.pk,
            patient=tenant.patient,
            service=tenant.service,
            return_url="https://portal.example/back",
        )


def test_an_online_deposit_is_pending_until_the_webhook_and_never_resent_to_the_till(
    desk, online, settings, time_machine
):
    assert _checkout(desk) == "https://pay.example/cs_9"
    payment = Payment.unscoped.get(invoice__deposit__appointment_id=desk.appointment.pk)
    assert (payment.status, payment.provider_reference, payment.amount) == (
        "pending",
        "cs_9",
        Decimal("100.00"),
    )
    # The till's card provider settles at once (the default): the sweep must not use it.
    settings.PAYMENTS_CARD_PROVIDER = "manual"
    time_machine.move_to(dt.datetime.now(tz=dt.UTC) + dt.timedelta(hours=1))
    assert card_charges_resend() == 0
    payment.refresh_from_db()
    assert payment.status == "pending"
    with clinic_context(desk.clinic):
        before = {r["account"]: r["balance"] for r in selectors.trial_balance()["accounts"]}
    payment_webhook_apply(reference=str(payment.pk), status="succeeded")
    with clinic_context(desk.clinic):
        trial = selectors.trial_balance()
        state = selectors.deposit_state(appointment_id=desk.appointment.pk, service=desk.service)
    after = {r["account"]: r["balance"] for r in trial["accounts"]}
    assert trial["total_balance"] == 0
    assert after["customer_deposits"] - before["customer_deposits"] == Decimal("0")  # credited at issue
    assert after["customer_deposits"] == Decimal("-100.00")
    assert (state.status, state.paid) == ("paid", Decimal("100.00"))
    assert Deposit.unscoped.get(appointment_id=desk.appointment.pk).created_by_id is None


def test_no_online_checkout_where_the_clinic_takes_no_card(desk, online):
    with clinic_context(desk.clinic):
        payment_settings_update(clinic=desk.clinic, actor=desk.user(Role.OWNER), payment_methods=["cash"])
    with pytest.raises(ValidationFailed) as refused:
        _checkout(desk)
    assert list(refused.value.errors) == ["method"]
    assert online.requests == [] and not Deposit.unscoped.filter(appointment_id=desk.appointment.pk).exists()


@pytest.mark.parametrize("late", [False, True], ids=["cancelled-in-time", "no-show-forfeit"])
def test_a_payment_confirmed_after_the_deposit_was_settled_is_given_back_at_once(desk, online, late):
    with clinic_context(desk.clinic):
        before = {r["account"]: r["balance"] for r in selectors.trial_balance()["accounts"]}
    assert _checkout(desk) == "https://pay.example/cs_9"
    pending = Payment.unscoped.get(invoice__deposit__appointment_id=desk.appointment.pk)
    # The appointment ends before the gateway answers: nothing was received yet, so
    # the deposit closes with no money moving, whatever the clinic's no-show rule.
    with clinic_context(desk.clinic):
        deposit = deposit_release(
            appointment_id=desk.appointment.pk, late=late, actor=desk.user(Role.RECEPTIONIST)
        )
    assert deposit is not None and deposit.status == "refunded"

    payment_webhook_apply(reference=str(pending.pk), status="succeeded")
    payment_webhook_apply(reference=str(pending.pk), status="succeeded")  # delivered twice

    payments = Payment.unscoped.filter(invoice=deposit.invoice).order_by("amount")
    assert [(p.amount, p.method, p.status, p.provider_reference) for p in payments] == [
        (Decimal("-100.00"), "card", "succeeded", "cs_9"),
        (Decimal("100.00"), "card", "succeeded", "cs_9"),
    ]
    deposit.refresh_from_db()
    deposit.invoice.refresh_from_db()
    assert deposit.status == "refunded" and deposit.invoice.balance_due == 0
    assert deposit.invoice.paid_total == 0
    with clinic_context(desk.clinic):
        trial = selectors.trial_balance()
    after = {r["account"]: r["balance"] for r in trial["accounts"]}
    assert trial["total_balance"] == 0
    for account in ("customer_deposits", "accounts_receivable", "card_clearing"):
        assert after.get(account, Decimal(0)) == before.get(account, Decimal(0)), account
    [event] = AuditEvent.unscoped.filter(action="deposit.late_payment_returned", object_id=str(deposit.pk))
    assert event.changes["amount"] == [None, "100.00"]


def test_a_failed_payment_after_the_deposit_was_settled_changes_nothing(desk, online):
    _checkout(desk)
    pending = Payment.unscoped.get(invoice__deposit__appointment_id=desk.appointment.pk)
    with clinic_context(desk.clinic):
        deposit_release(appointment_id=desk.appointment.pk, late=False, actor=desk.user(Role.RECEPTIONIST))
    payment_webhook_apply(reference=str(pending.pk), status="failed")
    statuses = Payment.unscoped.filter(invoice=pending.invoice).values_list("status", flat=True)
    assert list(statuses) == ["failed"]
    assert not AuditEvent.unscoped.filter(action="deposit.late_payment_returned").exists()
