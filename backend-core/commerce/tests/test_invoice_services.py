"""Collecting open invoices in several methods, the receipts that name every payment,
and refunds bounded by what was paid."""

import uuid
from decimal import Decimal

import pytest

from catalog.tests import factories as catalog_factories
from commerce import selectors
from commerce.models import Invoice, Payment
from commerce.services import (
    CartLine,
    PaymentInput,
    invoice_payments_record,
    sale_checkout,
    sale_refund,
)
from commerce.tests import factories as f
from core.exceptions import Conflict, ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from notifications.models import Notification
from notifications.templates import render
from patients.models import PatientProfile


@pytest.fixture
def shop(world):
    """Clinic A (THB) with 7 % VAT on top and a serum in stock (990.00 + tax = 1059.30)."""
    a = world.a
    f.taxes(a.clinic, rate="7", inclusive=False)
    a.serum = catalog_factories.product(
        a.clinic, a.user(), name="Serum", kind="retail", price=Decimal("990.00")
    )
    a.lot = f.lot(a.clinic, a.user(), a.serum, "SER-1", "10", unit_cost="400")
    return a


def _sell(tenant, payments=(), quantity=1):
    with clinic_context(tenant.clinic):
        sale, _created = sale_checkout(
            clinic=tenant.clinic,
            actor=tenant.user(Role.CASHIER),
            patient=tenant.patient,
            lines=[CartLine(item=tenant.serum, quantity=Decimal(quantity))],
            payments=list(payments),
            idempotency_key=str(uuid.uuid4()),
        )
        return Invoice.objects.get(sale=sale)


def _collect(tenant, invoice, payments, key=None, **kwargs):
    with clinic_context(tenant.clinic):
        return invoice_payments_record(
            invoice=invoice,
            actor=tenant.user(Role.CASHIER),
            payments=payments,
            currency=kwargs.pop("currency", "THB"),
            idempotency_key=key or str(uuid.uuid4()),
            **kwargs,
        )


def _receipts(tenant):
    with clinic_context(tenant.clinic):
        return list(Notification.objects.filter(template="payment.receipt").order_by("created_at"))


def test_a_checkout_in_two_methods_sends_one_receipt_naming_both(shop):
    _sell(
        shop,
        [
            PaymentInput(method="card", amount=Decimal("1000.00")),
            PaymentInput(method="cash", amount=Decimal("59.30")),
        ],
    )
    (receipt,) = _receipts(shop)
    assert receipt.payload["amount"] == "THB1,059.30"
    assert receipt.payload["payments"] == "Card THB1,000.00, Cash THB59.30"
    body = render("payment.receipt", languages=["en"], payload=receipt.payload).body
    assert "we received THB1,059.30 (Card THB1,000.00, Cash THB59.30)" in body


def test_a_partly_paid_invoice_is_collected_in_two_methods_all_at_once(shop):
    invoice = _sell(shop, [PaymentInput(method="cash", amount=Decimal("500.00"))], quantity=2)  # 2118.60
    assert invoice.status == Invoice.Status.PARTIALLY_PAID and invoice.balance_due == Decimal("1618.60")
    written = _collect(
        shop,
        invoice,
        [
            PaymentInput(method="promptpay", amount=Decimal("1000.00"), provider_reference="PP-1"),
            PaymentInput(method="cash", amount=Decimal("618.60")),
        ],
    )
    assert [(p.method, p.amount) for p in written] == [
        ("promptpay", Decimal("1000.00")),
        ("cash", Decimal("618.60")),
    ]
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.PAID and invoice.balance_due == 0
    assert invoice.paid_total == Decimal("2118.60")
    _checkout_receipt, collection_receipt = _receipts(shop)
    assert collection_receipt.payload["payments"] == "PromptPay THB1,000.00, Cash THB618.60"
    assert collection_receipt.payload["balance_due"] == "THB0.00"
    with clinic_context(shop.clinic):
        assert selectors.trial_balance()["total_balance"] == 0


def test_a_partial_payment_must_be_chosen(shop):
    invoice = _sell(shop)
    with pytest.raises(ValidationFailed) as refused:
        _collect(shop, invoice, [PaymentInput(method="card", amount=Decimal("59.30"))])
    assert "THB1,000.00 would remain due" in refused.value.errors["leave_balance"][0]
    invoice.refresh_from_db()
    assert invoice.paid_total == 0 and invoice.status == Invoice.Status.SENT
    _collect(shop, invoice, [PaymentInput(method="card", amount=Decimal("59.30"))], leave_balance=True)
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.PARTIALLY_PAID and invoice.balance_due == Decimal("1000.00")


def test_more_than_the_balance_names_the_row_and_writes_nothing(shop):
    invoice = _sell(shop)
    with pytest.raises(ValidationFailed) as refused:
        _collect(
            shop,
            invoice,
            [
                PaymentInput(method="card", amount=Decimal("1000.00")),
                PaymentInput(method="cash", amount=Decimal("100.00")),
            ],
        )
    assert refused.value.errors == {"payments.1.amount": ["Only THB59.30 remains to pay."]}
    with clinic_context(shop.clinic):
        assert not Payment.objects.filter(invoice=invoice).exists()


def test_a_retry_answers_the_first_payments_and_another_use_of_the_key_is_a_conflict(shop):
    invoice = _sell(shop)
    rows = [
        PaymentInput(method="card", amount=Decimal("1000.00")),
        PaymentInput(method="cash", amount=Decimal("59.30")),
    ]
    first = _collect(shop, invoice, rows, key="till-9")
    again = _collect(shop, invoice, rows, key="till-9")  # the invoice is paid now: still the retry
    assert [p.pk for p in again] == [p.pk for p in first]
    with pytest.raises(Conflict):
        _collect(shop, invoice, rows[:1], key="till-9")
    with pytest.raises(Conflict):
        _collect(shop, invoice, [*rows, PaymentInput(method="cash", amount=Decimal(1))], key="till-9")
    assert len(_receipts(shop)) == 1


@pytest.mark.parametrize("status", [Invoice.Status.DRAFT, Invoice.Status.PAID, Invoice.Status.VOID])
def test_only_an_open_invoice_is_collected(shop, status):
    invoice = _sell(shop)
    Invoice.unscoped.filter(pk=invoice.pk).update(status=status)
    with pytest.raises(Conflict):
        _collect(shop, invoice, [PaymentInput(method="cash", amount=Decimal("1.00"))], leave_balance=True)


def test_an_overdue_invoice_is_collected(shop):
    invoice = _sell(shop)
    Invoice.unscoped.filter(pk=invoice.pk).update(status=Invoice.Status.OVERDUE)
    _collect(shop, invoice, [PaymentInput(method="cash", amount=Decimal("1059.30"))])
    invoice.refresh_from_db()
    assert invoice.status == Invoice.Status.PAID


def test_bad_rows_and_currency_are_named(shop):
    invoice = _sell(shop)
    with pytest.raises(ValidationFailed) as refused:
        _collect(
            shop,
            invoice,
            [
                PaymentInput(method="gold", amount=Decimal("1.00")),
                PaymentInput(method="cash", amount=Decimal(0)),
            ],
            currency="BRL",
        )
    assert set(refused.value.errors) == {"currency", "payments.0.method", "payments.1.amount"}


def test_a_receipt_in_thai_names_the_methods_in_thai(shop):
    PatientProfile.objects.filter(pk=shop.patient.profile_id).update(preferred_language="th")
    invoice = _sell(shop)
    _collect(
        shop,
        invoice,
        [
            PaymentInput(method="cash", amount=Decimal("59.30")),
            PaymentInput(method="card", amount=Decimal(1000)),
        ],
    )
    (receipt,) = _receipts(shop)
    assert receipt.payload["payments"].startswith("เงินสด ")
    assert ", บัตร " in receipt.payload["payments"]


def _refund_refusal(shop, invoice):
    """The errors on ``amount`` when the whole line of ``invoice``'s sale is refunded."""
    with clinic_context(shop.clinic):
        sale = invoice.sale
        with pytest.raises(ValidationFailed) as refused:
            sale_refund(
                sale=sale,
                actor=shop.user(),
                lines=[(sale.lines.get(), Decimal(1))],
                reason="Allergy",
                method="cash",
                idempotency_key=f"rf-{invoice.pk}",
            )
    return refused.value.errors["amount"]


def test_nothing_paid_nothing_refunded_and_the_reason_says_so(shop):
    invoice = _sell(shop)
    assert _refund_refusal(shop, invoice) == [
        "Nothing was paid on this invoice, so nothing can be refunded; void the sale instead."
    ]


def test_a_refund_over_what_was_paid_says_how_much_was(shop):
    invoice = _sell(shop, [PaymentInput(method="cash", amount=Decimal("500.00"))])
    assert _refund_refusal(shop, invoice) == [
        "These lines come to THB1,059.30 but only THB500.00 was paid on this invoice: refund fewer."
    ]
