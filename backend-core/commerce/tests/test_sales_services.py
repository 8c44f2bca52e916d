import datetime as dt
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from audit.models import AuditEvent
from catalog.tests import factories as catalog_factories
from commerce import selectors, signals
from commerce.models import (
    CourseBalance,
    Invoice,
    JournalEntry,
    JournalLine,
    Payment,
    Sale,
    SaleLine,
    SaleLineCredit,
    StockMovement,
)
from commerce.services import (
    CartLine,
    PaymentInput,
    course_balance_redeem,
    course_balances_expire,
    course_redemption_reverse,
    invoice_draft_from_services,
    invoices_mark_overdue,
    payment_record,
    sale_checkout,
    sale_refund,
    sale_void,
    settings_for,
)
from commerce.tests import factories as f
from core.exceptions import Conflict, ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from notifications.models import Notification
from outbox.models import OutboxEvent

COUNTED = (
    Sale,
    SaleLine,
    SaleLineCredit,
    Invoice,
    Payment,
    StockMovement,
    CourseBalance,
    JournalEntry,
    OutboxEvent,
)


@pytest.fixture
def shop(world):
    """Clinic A with 7 % VAT on top, a filler in stock and a 6-session laser course."""
    a = world.a
    f.taxes(a.clinic, rate="7", inclusive=False)
    a.filler = catalog_factories.product(
        a.clinic, a.user(), name="Serum", kind="retail", price=Decimal("990.00")
    )
    a.lot = f.lot(a.clinic, a.user(), a.filler, "SER-1", "10", unit_cost="400")
    a.course = catalog_factories.course(a.clinic, a.user(), a.service)
    return a


def _checkout(tenant, lines, payments=(), key=None, **kwargs):
    with clinic_context(tenant.clinic):
        sale, _created = sale_checkout(
            clinic=tenant.clinic,
            actor=tenant.user(Role.CASHIER),
            patient=kwargs.pop("patient", tenant.patient),
            lines=lines,
            payments=list(payments),
            idempotency_key=key or str(uuid.uuid4()),
            **kwargs,
        )
    return sale


def _counts():
    return {model.__name__: model._base_manager.count() for model in COUNTED}


def _trial(tenant):
    with clinic_context(tenant.clinic):
        return selectors.trial_balance()


def test_checkout_writes_sale_invoice_payments_stock_balances_and_a_balanced_journal(shop):
    doctor = shop.user(Role.DOCTOR)
    sale = _checkout(
        shop,
        [
            CartLine(item=shop.service, quantity=Decimal(2), credits=[(doctor, Decimal(100))]),
            CartLine(item=shop.filler, quantity=Decimal(1), line_discount=Decimal("90.00")),
            CartLine(item=shop.course),
        ],
        [PaymentInput(method="card", amount=Decimal("5000.00"), provider_reference="AUTH-1")],
        cart_discount=Decimal("100.00"),
    )
    with clinic_context(shop.clinic):
        lines = list(sale.lines.all())
        invoice = Invoice.objects.get(sale=sale)
        balance = CourseBalance.objects.get(sale_line__sale=sale)
    # 700 + 900 + 12000 = 13600 after line discounts; 100 cart discount by weight.
    assert [line.cart_discount_share for line in lines] == [
        Decimal("5.15"),
        Decimal("6.62"),
        Decimal("88.23"),
    ]
    assert sum(line.net_amount for line in lines) == Decimal("13500.00")
    assert sale.tax_total == Decimal("945.00") and sale.total == Decimal("14445.00")
    assert invoice.status == Invoice.Status.PARTIALLY_PAID and invoice.balance_due == Decimal("9445.00")
    assert balance.sessions_remaining == 6 and balance.deferred_total == lines[2].net_amount
    shop.lot.refresh_from_db()
    assert shop.lot.quantity_on_hand == 9
    trial = _trial(shop)
    assert trial["total_balance"] == 0
    by_account = {row["account"]: row["balance"] for row in trial["accounts"]}
    assert by_account["deferred_revenue"] == -lines[2].net_amount
    assert by_account["card_clearing"] == Decimal("5000.00")
    assert by_account["tax_payable"] == Decimal("-945.00")
    assert SaleLineCredit.unscoped.get(sale_line=lines[0]).practitioner == doctor


def test_a_retried_checkout_returns_the_same_sale_and_writes_nothing(shop):
    cart = [CartLine(item=shop.filler)]
    first = _checkout(shop, cart, [PaymentInput(method="cash", amount=Decimal("1059.30"))], key="pos-42")
    before = _counts()
    again = _checkout(shop, cart, [PaymentInput(method="cash", amount=Decimal("1059.30"))], key="pos-42")
    assert again.pk == first.pk
    assert _counts() == before
    with pytest.raises(Conflict):
        _checkout(shop, [CartLine(item=shop.service)], key="pos-42")
    assert _counts() == before


def test_a_rolled_back_checkout_enqueues_nothing_and_writes_no_outbox_event(
    shop, django_capture_on_commit_callbacks
):
    from core.tasks import enqueue_on_commit

    sent = []

    class Task:
        def apply_async(self, kwargs):
            sent.append(kwargs)

    def enqueue(sender, sale, **kwargs):
        enqueue_on_commit(Task(), sale_id=str(sale.pk))

    def explode(sender, sale, **kwargs):
        raise RuntimeError("a listener failed")

    signals.sale_completed.connect(enqueue, dispatch_uid="test-enqueue")
    signals.sale_completed.connect(explode, dispatch_uid="test-explode")
    before = _counts()
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(RuntimeError):
            _checkout(shop, [CartLine(item=shop.filler)], [PaymentInput(method="cash", amount=Decimal("10"))])
    finally:
        signals.sale_completed.disconnect(dispatch_uid="test-explode")
    assert callbacks == [] and sent == []
    assert _counts() == before
    try:
        with django_capture_on_commit_callbacks(execute=True):
            sale = _checkout(shop, [CartLine(item=shop.filler)])
    finally:
        signals.sale_completed.disconnect(dispatch_uid="test-enqueue")
    assert sent == [{"sale_id": str(sale.pk)}]
    assert OutboxEvent.objects.filter(type="com.aesthetix.sale.completed", subject=f"sale/{sale.pk}").exists()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"currency": "USD"}, "currency"),
        ({"cart_discount": Decimal("-1")}, "cart_discount"),
        ({"cart_discount": Decimal("99999")}, "cart_discount"),
        ({"payments": [PaymentInput(method="cash", amount=Decimal("99999"))]}, "payments"),
        ({"payments": [PaymentInput(method="bitcoin", amount=Decimal("1"))]}, "payments.0.method"),
        ({"lines": []}, "lines"),
        ({"lines": "discount"}, "lines.0.line_discount"),
        ({"lines": "credits"}, "lines.0.credits"),
        ({"lines": "too-many"}, "lines.0.quantity"),
        ({"lines": "course-no-patient"}, "patient_id"),
    ],
)
def test_bad_checkouts_are_refused_naming_the_field_and_write_nothing(shop, kwargs, field):
    kwargs = dict(kwargs)
    lines = kwargs.pop("lines", "default")
    lines = (
        {
            "default": [CartLine(item=shop.filler)],
            "discount": [CartLine(item=shop.filler, line_discount=Decimal("991"))],
            "credits": [CartLine(item=shop.service, credits=[(shop.user(Role.DOCTOR), Decimal(60))])],
            "too-many": [CartLine(item=shop.filler, quantity=Decimal(11))],
            "course-no-patient": [CartLine(item=shop.course)],
        }[lines]
        if isinstance(lines, str)
        else lines
    )
    if field == "patient_id":
        kwargs["patient"] = None
    before = _counts()
    with pytest.raises(ValidationFailed) as error:
        _checkout(shop, lines, kwargs.pop("payments", []), **kwargs)
    assert field in error.value.errors, error.value.errors
    assert _counts() == before


def test_a_product_priced_in_another_currency_is_refused(shop):
    from catalog.models import Product

    Product.unscoped.filter(pk=shop.filler.pk).update(currency="BRL")
    shop.filler.refresh_from_db()
    with pytest.raises(ValidationFailed) as error:
        _checkout(shop, [CartLine(item=shop.filler)])
    assert "lines.0.item_id" in error.value.errors


def test_later_payments_refunds_and_redemptions_keep_the_trial_balance_at_zero(shop):
    doctor = shop.user(Role.DOCTOR)
    sale = _checkout(
        shop,
        [CartLine(item=shop.filler, quantity=Decimal(3)), CartLine(item=shop.course)],
        [PaymentInput(method="promptpay", amount=Decimal("1000.00"))],
    )
    with clinic_context(shop.clinic):
        invoice = Invoice.objects.get(sale=sale)
        payment_record(
            invoice=invoice,
            actor=doctor,
            method="cash",
            amount=invoice.balance_due,
            currency="THB",
            idempotency_key="pay-1",
        )
        invoice.refresh_from_db()
        assert invoice.status == Invoice.Status.PAID and invoice.balance_due == 0
        balance = CourseBalance.objects.get(sale_line__sale=sale)
        redemption = course_balance_redeem(
            balance=balance, reference_type="emr.treatment_session", reference_id=uuid.uuid4(), actor=doctor
        )
        course_balance_redeem(
            balance=balance, reference_type="emr.treatment_session", reference_id=uuid.uuid4(), actor=doctor
        )
        course_redemption_reverse(redemption=redemption, actor=doctor)
        product_line = sale.lines.get(kind="product")
        refund = sale_refund(
            sale=sale,
            actor=shop.user(),
            lines=[(product_line, Decimal(1))],
            reason="Allergy",
            method="cash",
            idempotency_key="r-1",
        )
        invoice.refresh_from_db()
        balance.refresh_from_db()
    assert refund.amount == Decimal("1059.30")
    assert invoice.paid_total == invoice.total - refund.amount and invoice.balance_due == 0
    assert Payment.unscoped.get(refund=refund).amount == -refund.amount
    assert balance.sessions_remaining == 5
    assert balance.deferred_remaining == balance.deferred_total - balance.deferred_total / 6
    shop.lot.refresh_from_db()
    assert shop.lot.quantity_on_hand == 8
    sale.refresh_from_db()
    assert sale.status == Sale.Status.PARTIALLY_REFUNDED
    trial = _trial(shop)
    assert trial["total_balance"] == 0 and trial["total_debit"] > 0


def test_refunding_every_unit_piece_by_piece_returns_exactly_the_line_total(shop):
    sale = _checkout(
        shop,
        [CartLine(item=shop.filler, quantity=Decimal(3))],
        [PaymentInput(method="card", amount=Decimal("3177.90"))],
    )
    with clinic_context(shop.clinic):
        line = sale.lines.get()
        amounts = [
            sale_refund(
                sale=sale,
                actor=shop.user(),
                lines=[(line, Decimal(1))],
                reason="x",
                method="card",
                idempotency_key=k,
            ).amount
            for k in ("a", "b", "c")
        ]
        with pytest.raises(ValidationFailed) as error:
            sale_refund(
                sale=sale,
                actor=shop.user(),
                lines=[(line, Decimal(1))],
                reason="x",
                method="card",
                idempotency_key="d",
            )
    assert sum(amounts) == line.total and "lines.0.quantity" in error.value.errors
    sale.refresh_from_db()
    assert sale.status == Sale.Status.REFUNDED
    assert _trial(shop)["total_balance"] == 0


def test_void_undoes_an_unpaid_sale_and_refuses_a_paid_one(shop):
    unpaid = _checkout(shop, [CartLine(item=shop.filler), CartLine(item=shop.course)])
    paid = _checkout(shop, [CartLine(item=shop.filler)], [PaymentInput(method="cash", amount=Decimal("1"))])
    with clinic_context(shop.clinic):
        sale_void(sale=unpaid, actor=shop.user(), reason="Wrong patient")
        with pytest.raises(Conflict):
            sale_void(sale=paid, actor=shop.user(), reason="x")
        invoice = Invoice.objects.get(sale=unpaid)
        balance = CourseBalance.objects.get(sale_line__sale=unpaid)
    assert invoice.status == Invoice.Status.VOID and invoice.balance_due == 0
    assert balance.status == CourseBalance.Status.VOID and balance.sessions_remaining == 0
    shop.lot.refresh_from_db()
    assert shop.lot.quantity_on_hand == 9
    trial = {row["account"]: row["balance"] for row in _trial(shop)["accounts"]}
    assert trial["deferred_revenue"] == 0 and sum(trial.values()) == 0


def test_a_course_past_its_expiry_closes_and_its_unused_sessions_become_breakage_revenue(shop):
    sale = _checkout(
        shop,
        [
            CartLine(
                item=catalog_factories.course(shop.clinic, shop.user(), shop.service, name="Four", sessions=4)
            )
        ],
    )
    with clinic_context(shop.clinic):
        balance = CourseBalance.objects.get(sale_line__sale=sale)
        course_balance_redeem(
            balance=balance,
            reference_type="emr.treatment_session",
            reference_id=uuid.uuid4(),
            actor=shop.user(),
        )
        balance.refresh_from_db()
    unused = balance.deferred_remaining
    assert unused > 0 and balance.sessions_remaining == 3
    course_balances_expire(now=balance.expires_at - dt.timedelta(seconds=1))
    balance.refresh_from_db()
    assert balance.status == CourseBalance.Status.ACTIVE

    assert course_balances_expire(now=balance.expires_at) >= 1
    assert course_balances_expire(now=balance.expires_at) == 0  # once
    with clinic_context(shop.clinic):
        balance.refresh_from_db()
        events = list(
            OutboxEvent.objects.filter(
                type="com.aesthetix.course_balance.expired", subject=f"course_balance/{balance.pk}"
            )
        )
        postings = {
            (line.account, line.debit, line.credit)
            for line in JournalLine.objects.filter(entry__reference_id=balance.pk)
        }
        with pytest.raises(Conflict):
            course_balance_redeem(
                balance=balance,
                reference_type="emr.treatment_session",
                reference_id=uuid.uuid4(),
                actor=shop.user(),
            )
    assert balance.status == CourseBalance.Status.EXPIRED and balance.deferred_remaining == 0
    assert [e.data["sessions_unused"] for e in events] == [3]
    assert postings == {("deferred_revenue", unused, 0), ("revenue:course_breakage", 0, unused)}
    trial = {row["account"]: row["balance"] for row in _trial(shop)["accounts"]}
    assert sum(trial.values()) == 0


def test_redemption_is_idempotent_per_reference_and_refuses_an_empty_balance(shop):
    sale = _checkout(
        shop,
        [
            CartLine(
                item=catalog_factories.course(shop.clinic, shop.user(), shop.service, name="Two", sessions=2)
            )
        ],
    )
    session = uuid.uuid4()
    with clinic_context(shop.clinic):
        balance = CourseBalance.objects.get(sale_line__sale=sale)
        first = course_balance_redeem(
            balance=balance, reference_type="emr.treatment_session", reference_id=session, actor=shop.user()
        )
        again = course_balance_redeem(
            balance=balance, reference_type="emr.treatment_session", reference_id=session, actor=shop.user()
        )
        course_balance_redeem(
            balance=balance,
            reference_type="emr.treatment_session",
            reference_id=uuid.uuid4(),
            actor=shop.user(),
        )
        with pytest.raises(Conflict):
            course_balance_redeem(
                balance=balance,
                reference_type="emr.treatment_session",
                reference_id=uuid.uuid4(),
                actor=shop.user(),
            )
        balance.refresh_from_db()
        events = list(
            OutboxEvent.objects.filter(type="com.aesthetix.course_balance.deducted").order_by("sequence")
        )
    assert first.pk == again.pk
    assert balance.sessions_remaining == 0 and balance.status == CourseBalance.Status.USED_UP
    assert balance.deferred_remaining == 0
    assert [e.data["sessions_remaining"] for e in events] == [1, 0]
    envelope = events[0].envelope()
    assert envelope["specversion"] == "1.0" and envelope["subject"] == f"course_balance/{balance.pk}"
    assert (
        envelope["id"] and envelope["source"].endswith(str(shop.clinic.pk)) and envelope["time"].endswith("Z")
    )


@pytest.mark.django_db(transaction=True)
def test_two_requests_redeeming_the_last_session_at_once_leave_zero_not_minus_one(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locking")
    a = world.a
    course = catalog_factories.course(a.clinic, a.user(), a.service, name="One", sessions=1)
    sale = _checkout(a, [CartLine(item=course)])
    with clinic_context(a.clinic):
        balance = CourseBalance.objects.get(sale_line__sale=sale)

    def redeem():
        with clinic_context(a.clinic):
            return course_balance_redeem(
                balance=balance,
                reference_type="emr.treatment_session",
                reference_id=uuid.uuid4(),
                actor=a.user(),
            )

    outcomes = f.at_once(redeem)
    balance.refresh_from_db()
    assert sorted(type(o).__name__ for o in outcomes) == ["Conflict", "CourseRedemption"]
    assert balance.sessions_remaining == 0
    assert OutboxEvent.objects.filter(type="com.aesthetix.course_balance.deducted").count() == 1


def test_recall_lists_exactly_the_patients_who_received_the_lot(shop, world):
    from patients.tests.factories import ClinicPatientFactory

    other = f.lot(shop.clinic, shop.user(), shop.filler, "SER-2", "5", expires_in_days=900)
    bob = ClinicPatientFactory(clinic=shop.clinic, chart_number="HN7")
    eve = ClinicPatientFactory(clinic=shop.clinic, chart_number="HN8")
    sale = _checkout(shop, [CartLine(item=shop.filler, lot=shop.lot)])
    _checkout(shop, [CartLine(item=shop.filler, lot=shop.lot, quantity=Decimal(2))], patient=bob)
    _checkout(shop, [CartLine(item=shop.filler, lot=other)], patient=eve)
    with clinic_context(shop.clinic):
        rows = selectors.lot_recall(lot=shop.lot)
        line = sale.lines.get()
    assert {(r.chart_number, r.quantity) for r in rows} == {("HN000001", 1), ("HN7", 2)}
    assert (rows[0].reference_type, rows[0].reference_id) == ("commerce.sale_line", line.pk)


def test_visit_completion_drafts_one_invoice_per_visit_that_the_pos_checks_out(shop):
    visit = uuid.uuid4()
    doctor = shop.user(Role.DOCTOR)
    with clinic_context(shop.clinic):
        draft = invoice_draft_from_services(
            patient=shop.patient,
            items=[(shop.service, Decimal(20), doctor)],
            reference_type="emr.visit",
            reference_id=visit,
            actor=doctor,
        )
        again = invoice_draft_from_services(
            patient=shop.patient, items=[], reference_type="emr.visit", reference_id=visit, actor=doctor
        )
    assert again.pk == draft.pk and draft.status == Invoice.Status.DRAFT
    assert draft.total == Decimal("7490.00") and draft.number == ""
    sale = _checkout(shop, [CartLine(item=shop.service, quantity=Decimal(20))], draft_invoice=draft)
    draft.refresh_from_db()
    assert draft.sale_id == sale.pk and draft.status == Invoice.Status.SENT and draft.number


def test_unpaid_invoices_past_due_become_overdue_and_a_payment_receipt_is_scheduled(shop):
    sale = _checkout(
        shop, [CartLine(item=shop.filler)], [PaymentInput(method="cash", amount=Decimal("100.00"))]
    )
    paid = _checkout(
        shop, [CartLine(item=shop.filler)], [PaymentInput(method="cash", amount=Decimal("1059.30"))]
    )
    Invoice.unscoped.filter(sale__in=[sale, paid]).update(due_date="2020-01-01")
    assert invoices_mark_overdue() == 1
    assert invoices_mark_overdue() == 0
    with clinic_context(shop.clinic):
        assert Invoice.objects.get(sale=sale).status == Invoice.Status.OVERDUE
        receipts = Notification.objects.filter(template="payment.receipt")
        assert receipts.count() == 2
        assert {n.recipient for n in receipts} == {"+66815550101"}
        assert (
            "THB100.00"
            in receipts.filter(subject_id=str(sale.invoice.payments.get().pk)).get().payload["amount"]
        )


@pytest.mark.parametrize("clock", ["23:30", "02:00", "12:00"], indirect=True)
def test_a_new_unpaid_invoice_is_due_on_its_clinics_day_and_not_overdue(clock, world):
    """At 23:30 UTC Bangkok is on UTC's next day, at 02:00 UTC Sao Paulo on its previous
    one, at 12:00 both share UTC's: an invoice due the day it is made (no due days) is
    dated and due on its clinic's day and stays open until that day is over."""
    for tenant in (world.a, world.b):
        local_day = timezone.localdate(clock, ZoneInfo(tenant.clinic.time_zone))
        sale = _checkout(tenant, [CartLine(item=tenant.service)])
        invoice = Invoice.unscoped.get(sale=sale)
        assert (invoice.due_date, invoice.status) == (local_day, Invoice.Status.SENT)
        assert tenant.clinic.date_at(invoice.issued_at) == local_day
        assert invoices_mark_overdue() == 0


@pytest.mark.parametrize("clock", ["23:30", "02:00", "12:00"], indirect=True)
def test_an_invoice_falls_overdue_the_day_after_its_due_date_at_its_clinic(clock, world):
    """At 23:30 UTC Bangkok's day is UTC's next, at 02:00 UTC Sao Paulo's is UTC's previous."""
    invoices = Invoice.unscoped.filter(number="INV-WORLD")  # one unpaid in each clinic
    for tenant in (world.a, world.b):
        today = timezone.localdate(clock, ZoneInfo(tenant.clinic.time_zone))
        invoices.filter(clinic=tenant.clinic).update(due_date=today)
    assert invoices_mark_overdue() == 0
    for tenant in (world.a, world.b):
        yesterday = timezone.localdate(clock, ZoneInfo(tenant.clinic.time_zone)) - dt.timedelta(days=1)
        invoices.filter(clinic=tenant.clinic).update(due_date=yesterday)
    assert invoices_mark_overdue() == 2
    assert set(invoices.values_list("status", flat=True)) == {Invoice.Status.OVERDUE}


def test_payment_in_another_currency_or_above_the_balance_is_refused(shop):
    sale = _checkout(shop, [CartLine(item=shop.filler)])
    with clinic_context(shop.clinic):
        invoice = Invoice.objects.get(sale=sale)
        for kwargs, field in (({"currency": "USD"}, "currency"), ({"amount": Decimal("5000")}, "amount")):
            body = {
                "method": "cash",
                "amount": Decimal("10"),
                "currency": "THB",
                "idempotency_key": "k",
            } | kwargs
            with pytest.raises(ValidationFailed) as error:
                payment_record(invoice=invoice, actor=shop.user(), **body)
            assert field in error.value.errors
        assert not Payment.objects.filter(invoice=invoice).exists()


@pytest.mark.django_db(transaction=True)
def test_two_retries_racing_with_the_same_key_make_one_sale(world):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locking")
    a = world.a
    made = [sale.pk for sale in f.at_once(lambda: _checkout(a, [CartLine(item=a.service)], key="double-tap"))]
    assert len(made) == 2 and made[0] == made[1]
    assert Sale.unscoped.filter(clinic=a.clinic, idempotency_key="double-tap").count() == 1


@pytest.mark.django_db(transaction=True)
def test_concurrent_checkouts_number_gaplessly_and_pick_stock_first_expiry_first(world):
    """Nine cashiers of one clinic check out at once, one unit of a product in three lots
    each, and one more asks for more than is in stock: the refused checkout takes no
    number, the sales and invoices are numbered without a gap, and in number order the
    units come from the lot expiring first that still had stock (FEFO, exactly), with
    the ledger balanced and the audit chain intact."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locking")
    from audit.selectors import audit_chain_verify

    a, owner = world.a, world.a.user()
    f.taxes(a.clinic, rate="7", inclusive=False)
    serum = catalog_factories.product(a.clinic, owner, name="Serum", kind="retail", price=Decimal("990.00"))
    soon = f.lot(a.clinic, owner, serum, "SOON", "2", expires_in_days=30, unit_cost="400")
    later = f.lot(a.clinic, owner, serum, "LATER", "3", expires_in_days=60, unit_cost="410")
    last = f.lot(a.clinic, owner, serum, "LAST", "10", expires_in_days=365, unit_cost="420")
    counters = settings_for(a.clinic)
    first_sale, first_invoice = counters.next_sale_number, counters.next_invoice_number
    turns = iter(range(10))

    def sell():
        quantity = Decimal(100) if next(turns) == 4 else Decimal(1)  # one asks too much
        return _checkout(a, [CartLine(item=serum, quantity=quantity), CartLine(item=a.service)])

    outcomes = f.at_once(sell, times=10)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert [type(o) for o in refused] == [ValidationFailed], refused
    sales = sorted((o for o in outcomes if isinstance(o, Sale)), key=lambda sale: sale.number)
    assert [s.number for s in sales] == [f"S-{n:06d}" for n in range(first_sale, first_sale + 9)]
    invoices = Invoice.unscoped.filter(sale__in=sales).order_by("number")
    assert [i.number for i in invoices] == [f"INV-{n:06d}" for n in range(first_invoice, first_invoice + 9)]
    taken = [
        StockMovement.unscoped.get(
            kind="sale", reference_id=SaleLine.unscoped.get(sale=s, product=serum).pk
        ).lot_id
        for s in sales
    ]
    assert taken == [soon.pk] * 2 + [later.pk] * 3 + [last.pk] * 4
    for lot, left in ((soon, 0), (later, 0), (last, 6)):
        lot.refresh_from_db()
        assert lot.quantity_on_hand == left
    assert _trial(a)["total_balance"] == 0
    assert all(report.intact for report in audit_chain_verify(clinic_id=a.clinic.pk))
    assert AuditEvent.unscoped.filter(clinic=a.clinic, action="sale.completed").count() == 9


# ------------------------------------------------------------------------- audit trail


def _events(tenant, action, **filters):
    return list(
        AuditEvent.unscoped.filter(clinic=tenant.clinic, action=action, **filters).order_by("sequence")
    )


def test_checkout_is_audited_as_the_sale_and_each_payment_by_the_cashier(shop):
    cashier = shop.user(Role.CASHIER)
    sale = _checkout(
        shop,
        [CartLine(item=shop.filler), CartLine(item=shop.service)],
        [
            PaymentInput(method="cash", amount=Decimal("500.00")),
            PaymentInput(method="card", amount=Decimal("300.00"), provider_reference="AUTH-9"),
        ],
        key="pos-audit",
    )
    with clinic_context(shop.clinic):
        invoice = Invoice.objects.get(sale=sale)
    [event] = _events(shop, "sale.completed", object_id=str(sale.pk))
    assert (event.actor, event.object_type) == (cashier, "commerce.Sale")
    assert event.changes == {
        "number": [None, sale.number],
        "invoice_id": [None, str(invoice.pk)],
        "patient_id": [None, str(shop.patient.pk)],
        "total": [None, str(sale.total)],
        "currency": [None, "THB"],
        "lines": [None, 2],
    }
    payments = _events(shop, "payment.recorded")
    assert [
        (e.actor, e.changes["method"][1], e.changes["amount"][1], e.changes["status"][1]) for e in payments
    ] == [
        (cashier, "cash", "500.00", "succeeded"),
        (cashier, "card", "300.00", "succeeded"),
    ]
    assert all(e.changes["invoice_id"] == [None, str(invoice.pk)] for e in payments)
    assert "AUTH-9" not in str([e.changes for e in payments])  # no card data in the trail
    _checkout(
        shop,
        [CartLine(item=shop.filler), CartLine(item=shop.service)],
        [
            PaymentInput(method="cash", amount=Decimal("500.00")),
            PaymentInput(method="card", amount=Decimal("300.00"), provider_reference="AUTH-9"),
        ],
        key="pos-audit",
    )
    assert len(_events(shop, "sale.completed")) == 1 and len(_events(shop, "payment.recorded")) == 2


def test_a_refused_checkout_writes_no_audit_event(shop):
    before = AuditEvent.unscoped.count()
    with pytest.raises(ValidationFailed):
        _checkout(shop, [CartLine(item=shop.filler)], [PaymentInput(method="cash", amount=Decimal("99999"))])
    assert AuditEvent.unscoped.count() == before


def test_a_payment_on_an_invoice_is_audited_and_a_refused_one_is_not(shop):
    sale = _checkout(shop, [CartLine(item=shop.filler)])
    doctor = shop.user(Role.DOCTOR)
    with clinic_context(shop.clinic):
        invoice = Invoice.objects.get(sale=sale)
        with pytest.raises(ValidationFailed):
            payment_record(
                invoice=invoice,
                actor=doctor,
                method="cash",
                amount=Decimal("5000"),
                currency="THB",
                idempotency_key="p",
            )
        assert not _events(shop, "payment.recorded")
        payment = payment_record(
            invoice=invoice,
            actor=doctor,
            method="cash",
            amount=Decimal("59.30"),
            currency="THB",
            idempotency_key="p",
        )
    [event] = _events(shop, "payment.recorded")
    assert (event.actor, event.object_type, event.object_id) == (doctor, "commerce.Payment", str(payment.pk))
    assert event.changes == {
        "invoice_id": [None, str(invoice.pk)],
        "method": [None, "cash"],
        "amount": [None, "59.30"],
        "currency": [None, "THB"],
        "status": [None, "succeeded"],
    }


def test_a_refund_is_audited_without_its_reason_and_a_refused_one_writes_nothing(shop):
    sale = _checkout(
        shop,
        [CartLine(item=shop.filler, quantity=Decimal(2))],
        [PaymentInput(method="cash", amount=Decimal("1059.30"))],
    )
    manager = shop.user(Role.ADMIN)
    with clinic_context(shop.clinic):
        line = sale.lines.get()
        with pytest.raises(ValidationFailed) as refused:  # more than was paid
            sale_refund(
                sale=sale,
                actor=manager,
                lines=[(line, Decimal(2))],
                reason="x",
                method="cash",
                idempotency_key="r-0",
            )
        assert "amount" in refused.value.errors
        assert not _events(shop, "sale.refunded")
        refund = sale_refund(
            sale=sale,
            actor=manager,
            lines=[(line, Decimal(1))],
            reason="Rash after use",
            method="cash",
            idempotency_key="r-1",
        )
    [event] = _events(shop, "sale.refunded", object_id=str(sale.pk))
    assert event.actor == manager
    assert event.changes == {
        "status": ["completed", "partially_refunded"],
        "refund_id": [None, str(refund.pk)],
        "amount": [None, "1059.30"],
        "method": [None, "cash"],
    }
    assert "Rash" not in str(event.changes)
    assert not _events(shop, "payment.recorded", object_id=str(Payment.unscoped.get(refund=refund).pk))


def test_a_void_is_audited_and_a_refused_one_writes_nothing(shop):
    unpaid = _checkout(shop, [CartLine(item=shop.filler)])
    paid = _checkout(shop, [CartLine(item=shop.filler)], [PaymentInput(method="cash", amount=Decimal("1"))])
    manager = shop.user(Role.ADMIN)
    with clinic_context(shop.clinic):
        with pytest.raises(Conflict):
            sale_void(sale=paid, actor=manager, reason="x")
        assert not _events(shop, "sale.voided")
        sale_void(sale=unpaid, actor=manager, reason="Wrong patient")
        invoice = Invoice.objects.get(sale=unpaid)
    [event] = _events(shop, "sale.voided")
    assert (event.actor, event.object_id) == (manager, str(unpaid.pk))
    assert event.changes == {"status": ["completed", "void"], "invoice_id": [None, str(invoice.pk)]}
