"""Appointment deposits in the ledger: taken into customer deposits, applied to the
visit's draft invoice, refunded, or forfeited as a no-show fee; every step balanced and
the trial balance reconciled after each path."""

import uuid
from decimal import Decimal

import pytest

from audit.models import AuditEvent
from catalog.models import Service
from commerce import selectors
from commerce.models import Deposit, Invoice, Payment
from commerce.services import (
    CartLine,
    PaymentInput,
    course_balance_redeem,
    deposit_release,
    deposit_take,
    invoice_draft_from_services,
    invoice_item_course_redeem,
    payment_settings_update,
    sale_checkout,
)
from commerce.tests import factories as f
from core.exceptions import Conflict, ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from notifications.models import Notification


@pytest.fixture
def desk(world):
    """Clinic A (7 % VAT on top): the toxin asks for a 20 % deposit (70.00 of 350.00)."""
    a = world.a
    f.taxes(a.clinic, rate="7", inclusive=False)
    Service.unscoped.filter(pk=a.service.pk).update(deposit_kind="percent", deposit_value=Decimal(20))
    a.service.refresh_from_db()
    return a


def _balances(tenant):
    """Account -> balance (debit - credit) of the clinic's ledger, and the grand total."""
    with clinic_context(tenant.clinic):
        trial = selectors.trial_balance()
    return {row["account"]: row["balance"] for row in trial["accounts"]}, trial["total_balance"]


def _moved(before, after):
    """What each account moved between two trial balances (accounts that moved only)."""
    accounts = before.keys() | after.keys()
    moved = {a: after.get(a, Decimal(0)) - before.get(a, Decimal(0)) for a in accounts}
    return {a: v for a, v in moved.items() if v}


def _take(tenant, method="cash", key="d-1", appointment_id=None):
    with clinic_context(tenant.clinic):
        return deposit_take(
            appointment_id=appointment_id or tenant.appointment.pk,
            patient=tenant.patient,
            service=tenant.service,
            actor=tenant.user(Role.RECEPTIONIST),
            method=method,
            idempotency_key=key,
        )


def test_a_deposit_is_held_as_customer_deposits_on_its_own_paid_invoice(desk):
    before, _total = _balances(desk)
    deposit = _take(desk)
    assert (deposit.amount, deposit.status) == (Decimal("70.00"), Deposit.Status.OPEN)
    invoice = Invoice.unscoped.get(pk=deposit.invoice_id)
    assert (invoice.status, invoice.paid_total, invoice.balance_due) == ("paid", Decimal("70.00"), 0)
    assert invoice.number.startswith("INV-") and invoice.reference_type == "commerce.deposit"
    after, total = _balances(desk)
    assert total == 0
    assert _moved(before, after) == {"cash": Decimal("70.00"), "customer_deposits": Decimal("-70.00")}
    assert Notification.unscoped.filter(template="payment.receipt", clinic=desk.clinic).count() == 1
    with clinic_context(desk.clinic):
        state = selectors.deposit_state(appointment_id=desk.appointment.pk, service=desk.service)
    assert (state.status, state.paid, state.method) == ("paid", Decimal("70.00"), "cash")


def test_taking_it_again_returns_the_first_or_is_refused(desk):
    first = _take(desk, key="same")
    assert _take(desk, key="same").pk == first.pk  # a retry
    with pytest.raises(Conflict) as paid:
        _take(desk, key="other")
    assert paid.value.code == "deposit_already_paid"
    with pytest.raises(Conflict) as reused:
        _take(desk, key="same", appointment_id=uuid.uuid4())
    assert reused.value.code == "idempotency_key_reused"
    assert Payment.unscoped.filter(invoice_id=first.invoice_id).count() == 1


def test_a_method_the_clinic_does_not_take_is_refused_and_nothing_is_written(desk):
    with pytest.raises(ValidationFailed) as refused:
        _take(desk, method="pix")  # a Brazilian scheme, in a Thai clinic
    assert set(refused.value.errors) == {"method"}
    assert not Deposit.unscoped.exists() and not Invoice.unscoped.filter(reference_type="commerce.deposit")


def test_a_treatment_without_a_deposit_takes_none(world):
    with pytest.raises(Conflict) as refused:
        _take(world.a)
    assert refused.value.code == "deposit_not_required"


def test_deposit_applied_to_the_visit_draft_then_collected_reconciles(desk):
    before, _total = _balances(desk)
    _take(desk)
    cashier = desk.user(Role.CASHIER)
    with clinic_context(desk.clinic):
        draft = invoice_draft_from_services(
            patient=desk.patient,
            items=[(desk.service, Decimal(1), None)],
            reference_type="emr.visit",
            reference_id=uuid.uuid4(),
            actor=cashier,
            appointment_id=desk.appointment.pk,
        )
    draft.refresh_from_db()
    assert (draft.status, draft.total, draft.paid_total, draft.balance_due) == (
        "draft",
        Decimal("374.50"),
        Decimal("70.00"),
        Decimal("304.50"),
    )
    [applied] = Payment.unscoped.filter(invoice=draft)
    assert (applied.method, applied.amount, applied.get_method_display()) == (
        "deposit",
        Decimal("70.00"),
        "Deposit applied",
    )
    deposit = Deposit.unscoped.get()
    assert (deposit.status, deposit.applied_invoice_id, deposit.applied_amount) == (
        "applied",
        draft.pk,
        Decimal("70.00"),
    )
    with clinic_context(desk.clinic):
        with pytest.raises(ValidationFailed):  # only the balance is left to pay
            sale_checkout(
                clinic=desk.clinic,
                actor=cashier,
                patient=desk.patient,
                lines=[CartLine(item=desk.service, quantity=Decimal(1))],
                payments=[PaymentInput(method="card", amount=Decimal("374.50"))],
                idempotency_key="too-much",
                draft_invoice=draft,
            )
        sale_checkout(
            clinic=desk.clinic,
            actor=cashier,
            patient=desk.patient,
            lines=[CartLine(item=desk.service, quantity=Decimal(1))],
            payments=[PaymentInput(method="card", amount=Decimal("304.50"))],
            idempotency_key="collect",
            draft_invoice=draft,
        )
    draft.refresh_from_db()
    assert (draft.status, draft.paid_total, draft.balance_due) == ("paid", Decimal("374.50"), 0)
    after, total = _balances(desk)
    assert total == 0
    assert _moved(before, after) == {
        "cash": Decimal("70.00"),
        "card_clearing": Decimal("304.50"),
        "revenue:neurotoxin": Decimal("-350.00"),
        "tax_payable": Decimal("-24.50"),
    }


def test_a_no_show_forfeits_the_deposit_as_a_no_show_fee(desk):
    before, _total = _balances(desk)
    _take(desk)
    with clinic_context(desk.clinic):
        deposit = deposit_release(appointment_id=desk.appointment.pk, late=True, actor=None)
        assert deposit_release(appointment_id=desk.appointment.pk, late=True, actor=None).pk == deposit.pk
    assert deposit.status == Deposit.Status.FORFEITED
    after, total = _balances(desk)
    assert total == 0
    # 70.00 kept, the clinic's 7 % VAT inside it: 70 * 7 / 107 = 4.58.
    assert _moved(before, after) == {
        "cash": Decimal("70.00"),
        "revenue:no_show_fee": Decimal("-65.42"),
        "tax_payable": Decimal("-4.58"),
    }
    [event] = AuditEvent.unscoped.filter(action="deposit.forfeited", object_id=str(deposit.pk))
    assert event.changes["tax"] == [None, "4.58"]


def test_a_no_show_fee_where_the_clinic_charges_no_tax_is_all_revenue(desk):
    f.taxes(desk.clinic, rate="0", inclusive=False)
    before, _total = _balances(desk)
    _take(desk)
    with clinic_context(desk.clinic):
        deposit_release(appointment_id=desk.appointment.pk, late=True, actor=None)
    after, total = _balances(desk)
    assert total == 0
    assert _moved(before, after) == {"cash": Decimal("70.00"), "revenue:no_show_fee": Decimal("-70.00")}


def test_a_cancellation_in_time_refunds_the_deposit_by_its_method(desk):
    before, _total = _balances(desk)
    deposit = _take(desk, method="bank_transfer")
    with clinic_context(desk.clinic):
        deposit = deposit_release(appointment_id=desk.appointment.pk, late=False, actor=desk.user(Role.OWNER))
    assert deposit.status == Deposit.Status.REFUNDED
    invoice = Invoice.unscoped.get(pk=deposit.invoice_id)
    assert (invoice.paid_total, invoice.refunded_total, invoice.balance_due) == (0, Decimal("70.00"), 0)
    assert sorted(Payment.unscoped.filter(invoice=invoice).values_list("method", "amount")) == [
        ("bank_transfer", Decimal("-70.00")),
        ("bank_transfer", Decimal("70.00")),
    ]
    after, total = _balances(desk)
    assert total == 0 and _moved(before, after) == {}
    assert AuditEvent.unscoped.filter(action="deposit.refunded", object_id=str(deposit.pk)).exists()


def test_a_late_cancellation_is_refunded_where_the_clinic_says_so(desk):
    with clinic_context(desk.clinic):
        payment_settings_update(clinic=desk.clinic, actor=desk.user(Role.OWNER), deposit_no_show="refund")
    _take(desk)
    with clinic_context(desk.clinic):
        deposit = deposit_release(appointment_id=desk.appointment.pk, late=True, actor=None)
    assert deposit.status == Deposit.Status.REFUNDED


def test_a_settled_deposit_is_neither_taken_again_nor_applied(desk):
    _take(desk)
    with clinic_context(desk.clinic):
        deposit_release(appointment_id=desk.appointment.pk, late=False, actor=None)
    with pytest.raises(Conflict) as settled:
        _take(desk, key="d-2")
    assert settled.value.code == "deposit_settled"
    with clinic_context(desk.clinic):
        draft = invoice_draft_from_services(
            patient=desk.patient,
            items=[(desk.service, Decimal(1), None)],
            reference_type="emr.visit",
            reference_id=uuid.uuid4(),
            actor=desk.user(Role.CASHIER),
            appointment_id=desk.appointment.pk,
        )
    assert not Payment.unscoped.filter(invoice=draft).exists()


def test_the_till_cannot_be_paid_by_deposit(desk):
    with clinic_context(desk.clinic), pytest.raises(ValidationFailed) as refused:
        payment_settings_update(clinic=desk.clinic, actor=desk.user(Role.OWNER), payment_methods=["deposit"])
    assert set(refused.value.errors) == {"payment_methods.0"}


def _draft(tenant, redemptions=()):
    with clinic_context(tenant.clinic):
        return invoice_draft_from_services(
            patient=tenant.patient,
            items=[(tenant.service, Decimal(1), None)],
            reference_type="emr.visit",
            reference_id=uuid.uuid4(),
            actor=tenant.user(Role.CASHIER),
            redemptions=redemptions,
            appointment_id=tenant.appointment.pk,
        )


def test_a_deposit_larger_than_the_visit_invoice_pays_it_all_and_the_rest_goes_back(desk):
    _take(desk)
    before, _total = _balances(desk)
    with clinic_context(desk.clinic):  # the session is paid from the patient's course: nothing to pay
        redemption = course_balance_redeem(
            balance=desk.course_balance,
            reference_type="emr.treatment_session",
            reference_id=uuid.uuid4(),
            actor=desk.user(Role.DOCTOR),
        )
    draft = _draft(desk, redemptions=[redemption])
    draft.refresh_from_db()
    assert (draft.total, draft.paid_total, draft.balance_due) == (0, 0, 0)
    deposit = Deposit.unscoped.get()
    assert (deposit.status, deposit.applied_amount) == ("applied", 0)
    held = Invoice.unscoped.get(pk=deposit.invoice_id)
    assert (held.paid_total, held.refunded_total, held.balance_due) == (0, Decimal("70.00"), 0)
    [back] = Payment.unscoped.filter(invoice=held, amount__lt=0)
    assert (back.method, back.amount) == ("cash", Decimal("-70.00"))
    after, total = _balances(desk)
    assert total == 0
    assert _moved(before, after) == {
        "cash": Decimal("-70.00"),
        "customer_deposits": Decimal("70.00"),
        "deferred_revenue": redemption.recognized_amount,
        "revenue:neurotoxin": -redemption.recognized_amount,
    }
    assert AuditEvent.unscoped.filter(action="deposit.excess_returned", object_id=str(deposit.pk)).exists()


def test_a_line_paid_from_a_course_at_the_till_gives_back_what_the_deposit_paid_over(desk):
    _take(desk)
    draft = _draft(desk)
    before, _total = _balances(desk)
    with clinic_context(desk.clinic):
        invoice_item_course_redeem(
            item=draft.items.get(), balance=desk.course_balance, actor=desk.user(Role.CASHIER)
        )
    draft.refresh_from_db()
    assert (draft.total, draft.paid_total, draft.balance_due) == (0, 0, 0)
    assert Deposit.unscoped.get().applied_amount == 0
    after, total = _balances(desk)
    assert total == 0 and after.get("customer_deposits", Decimal(0)) == 0
    assert _moved(before, after)["cash"] == Decimal("-70.00")


def test_a_discount_below_the_deposit_applied_is_400_naming_the_cart_discount(desk):
    _take(desk)
    draft = _draft(desk)
    with clinic_context(desk.clinic), pytest.raises(ValidationFailed) as refused:
        sale_checkout(
            clinic=desk.clinic,
            actor=desk.user(Role.CASHIER),
            patient=desk.patient,
            lines=[CartLine(item=desk.service, quantity=Decimal(1))],
            cart_discount=Decimal("320.00"),  # 30.00 + 7 % would be less than the 70.00 paid
            payments=[],
            idempotency_key="below",
            draft_invoice=draft,
        )
    assert set(refused.value.errors) == {"cart_discount"}
    draft.refresh_from_db()
    assert (draft.status, draft.balance_due) == ("draft", Decimal("304.50"))
