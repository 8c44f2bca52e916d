"""Visit to till: a completed visit's draft invoice (treatments, course sessions at zero)
waits in the clinic's *To collect* queue and is checked out as one sale, its lines locked
to what was done."""

import uuid
from decimal import Decimal

import pytest
from django.utils import translation

from catalog.tests import factories as catalog_factories
from commerce import selectors
from commerce.models import Invoice, InvoiceItem, JournalEntry, Sale
from commerce.services import course_balance_redeem
from commerce.tests import factories as f
from core.roles import Role
from core.tenancy import clinic_context
from emr.models import TreatmentSession
from outbox.models import OutboxEvent

EMR = "/api/v1/clinic"
QUEUE = "/api/v1/commerce/invoices/to-collect"
SALES = "/api/v1/commerce/sales"


def fields(response):
    return {error["field"] for error in response.json()["errors"]}


def _visit(api, tenant, sessions=3):
    doctor = api(tenant.user(Role.DOCTOR), tenant.clinic)
    visit = doctor.post(f"{EMR}/visits", {"patient_id": str(tenant.patient.pk)}, format="json").json()
    rows = []
    for _ in range(sessions):
        response = doctor.post(
            f"{EMR}/sessions",
            {
                "visit_id": visit["id"],
                "service_id": str(tenant.service.pk),
                "practitioner_ids": [str(tenant.user(Role.DOCTOR).pk)],
            },
            format="json",
        )
        assert response.status_code == 201, response.content
        rows.append(response.json())
    return doctor, visit, rows


def _treat(doctor, session):
    assert doctor.post(f"{EMR}/sessions/{session['id']}/start").status_code == 200
    assert doctor.post(f"{EMR}/sessions/{session['id']}/complete").status_code == 200


@pytest.fixture
def drafted(api, world):
    """Clinic A (7 % VAT on top): a visit of three toxin sessions, one paid from the
    patient's course, one skipped, completed by the doctor."""
    a = world.a
    f.taxes(a.clinic, rate="7", inclusive=False)
    doctor, visit, (done, prepaid, skipped) = _visit(api, a)
    _treat(doctor, done)
    _treat(doctor, prepaid)
    with clinic_context(a.clinic):
        course_balance_redeem(
            balance=a.course_balance,
            reference_type="emr.treatment_session",
            reference_id=uuid.UUID(prepaid["id"]),
            actor=a.user(Role.DOCTOR),
            service=a.service,
        )
    assert doctor.post(f"{EMR}/visits/{visit['id']}/complete").status_code == 409  # one still planned
    no_reason = doctor.post(f"{EMR}/sessions/{skipped['id']}/cancel", {"reason": " "}, format="json")
    assert no_reason.status_code == 400 and fields(no_reason) == {"reason"}
    response = doctor.post(
        f"{EMR}/sessions/{skipped['id']}/cancel", {"reason": "Patient asked to stop"}, format="json"
    )
    assert response.status_code == 200
    assert TreatmentSession.unscoped.get(pk=skipped["id"]).skip_reason == "Patient asked to stop"
    assert doctor.post(f"{EMR}/visits/{visit['id']}/complete").status_code == 200
    a.draft = Invoice.unscoped.get(reference_type="emr.visit", reference_id=visit["id"])
    return a


def test_completed_visit_is_queued_with_its_treatments_and_the_course_session_at_zero(api, drafted):
    a = drafted
    assert a.draft.status == Invoice.Status.DRAFT
    assert a.draft.total == Decimal("374.50")  # 350 + 7 %; the course session costs nothing here
    event = OutboxEvent.objects.get(type="com.aesthetix.invoice.drafted", subject=f"invoice/{a.draft.pk}")
    assert (event.clinic_id, event.data["total"]) == (a.clinic.pk, "374.50")

    queue = api(a.user(Role.CASHIER), a.clinic).get(QUEUE)
    assert queue.status_code == 200
    [row] = queue.json()["results"]
    assert (row["id"], row["chart_number"], row["total"]) == (str(a.draft.pk), "HN000001", "374.50")
    assert row["patient_name"] == str(a.patient.profile)
    doctor_name = str(a.user(Role.DOCTOR))
    with translation.override(a.clinic.locale):  # printed in the clinic's language
        redeemed = translation.gettext("%(service)s · course session: %(course)s") % {
            "service": "Botulinum toxin",
            "course": "6 sessions",
        }
    assert [(i["description"], i["unit_price"], i["practitioner_name"]) for i in row["items"]] == [
        ("Botulinum toxin", "350.00", doctor_name),
        (redeemed, "0.00", doctor_name),
    ]
    assert row["items"][1]["course_redemption"] is not None


def test_another_clinic_sees_neither_the_draft_nor_it_in_its_queue(api, drafted, world):
    b_cashier = api(world.b.user(Role.CASHIER), world.b.clinic)
    assert b_cashier.get(f"/api/v1/commerce/invoices/{drafted.draft.pk}").status_code == 404
    assert b_cashier.get(QUEUE).json()["results"] == []
    body = {
        "patient_id": str(world.b.patient.pk),
        "invoice_id": str(drafted.draft.pk),
        "lines": [{"kind": "service", "item_id": str(world.b.service.pk)}],
    }
    response = b_cashier.post(f"{SALES}/quote", body, format="json")
    assert response.status_code == 400 and fields(response) == {"invoice_id"}


def _locked(a, **change):
    lines = [
        {"kind": "service", "item_id": str(a.service.pk), "quantity": "1"},
        {"kind": "service", "item_id": str(a.service.pk), "quantity": "1"},
    ]
    return {"patient_id": str(a.patient.pk), "invoice_id": str(a.draft.pk), "lines": lines} | change


def test_the_lines_of_the_visit_cannot_be_removed_changed_or_recounted(api, drafted):
    a = drafted
    cashier = api(a.user(Role.CASHIER), a.clinic)
    body = _locked(a)
    cases = [
        ({"lines": body["lines"][:1]}, {"lines"}),
        ({"lines": [body["lines"][0], {**body["lines"][1], "quantity": "2"}]}, {"lines.1.quantity"}),
        (
            {"lines": [{"kind": "product", "item_id": str(a.product.pk)}, body["lines"][1]]},
            {"lines.0.item_id"},
        ),
        ({"patient_id": None}, {"invoice_id"}),
        ({"invoice_id": "not-a-uuid"}, {"invoice_id"}),
    ]
    for change, expected in cases:
        response = cashier.post(f"{SALES}/quote", _locked(a, **change), format="json")
        assert response.status_code == 400, change
        assert fields(response) == expected, change
    quote = cashier.post(f"{SALES}/quote", body, format="json")
    assert quote.status_code == 200 and quote.json()["total"] == "374.50"


def test_the_cashier_collects_the_draft_as_one_sale_and_it_leaves_the_queue(api, drafted):
    a = drafted
    cashier = api(a.user(Role.CASHIER), a.clinic)
    body = _locked(a)
    doctor = str(a.user(Role.DOCTOR).pk)
    body["lines"][0] |= {"line_discount": "50.00", "credits": [{"practitioner_id": doctor, "share": "100"}]}
    body["lines"].append({"kind": "product", "item_id": str(a.product.pk), "quantity": "1"})
    body |= {"idempotency_key": "collect-1", "payments": [{"method": "cash", "amount": "100.00"}]}
    response = cashier.post(f"{SALES}/checkout", body, format="json")
    assert response.status_code == 201, response.content
    sale = response.json()
    assert [line["unit_price"] for line in sale["lines"]] == ["350.00", "0.00", "9000.00"]
    assert sale["total"] == "9951.00"  # (300 + 0 + 9000) * 1.07
    a.draft.refresh_from_db()
    assert (a.draft.status, str(a.draft.sale_id)) == (Invoice.Status.PARTIALLY_PAID, sale["id"])
    with clinic_context(a.clinic):
        redeemed = InvoiceItem.objects.get(invoice=a.draft, position=1)
        assert redeemed.course_redemption_id is not None and redeemed.total == 0
        assert selectors.trial_balance()["total_balance"] == 0
        entry = JournalEntry.objects.get(reference_type="commerce.sale", reference_id=sale["id"])
        assert sum(line.debit for line in entry.lines.all()) == Decimal("9951.00")
    assert cashier.get(QUEUE).json()["results"] == []
    again = cashier.post(f"{SALES}/checkout", body | {"idempotency_key": "collect-2"}, format="json")
    assert again.status_code == 400 and fields(again) == {"invoice_id"}
    assert Sale.unscoped.filter(invoice=a.draft).count() == 1


def test_the_queue_needs_a_role_that_reads_invoices(api, drafted):
    assert api(drafted.user(Role.DOCTOR), drafted.clinic).get(QUEUE).status_code == 403


# ------------------------------------------------------- billable products used at the visit


@pytest.fixture
def with_products(api, world):
    """Clinic A (7 % VAT on top): one toxin session in which the doctor applied two tubes
    of a take-home sunscreen (retail: billable) and used a filler syringe (a medical
    supply: part of the treatment's price), then completed the visit."""
    a = world.a
    f.taxes(a.clinic, rate="7", inclusive=False)
    owner = a.user(Role.OWNER)
    a.sunscreen = catalog_factories.product(
        a.clinic, owner, "Sunscreen SPF 50", kind="retail", unit="piece", price=Decimal("450.00")
    )
    a.filler = catalog_factories.product(a.clinic, owner, price=Decimal("9000.00"))
    assert (a.sunscreen.billable, a.filler.billable) == (True, False)
    a.sunscreen_lot = f.lot(a.clinic, owner, a.sunscreen, "SUN-1", "10")
    f.lot(a.clinic, owner, a.filler, "FIL-1", "3")
    doctor, visit, [session] = _visit(api, a, sessions=1)
    assert doctor.post(f"{EMR}/sessions/{session['id']}/start").status_code == 200
    used = doctor.post(
        f"{EMR}/sessions/{session['id']}/products",
        {
            "products": [
                {"product_id": str(a.sunscreen.pk), "quantity": "1"},
                {"product_id": str(a.filler.pk), "quantity": "1"},
                {"product_id": str(a.sunscreen.pk), "quantity": "1"},
            ]
        },
        format="json",
    )
    assert used.status_code == 200, used.content
    assert doctor.post(f"{EMR}/sessions/{session['id']}/complete").status_code == 200
    assert doctor.post(f"{EMR}/visits/{visit['id']}/complete").status_code == 200
    a.draft = Invoice.unscoped.get(reference_type="emr.visit", reference_id=visit["id"])
    return a


def test_billable_products_used_are_lines_of_the_draft_at_the_clinic_price(api, with_products):
    a = with_products
    [row] = api(a.user(Role.CASHIER), a.clinic).get(QUEUE).json()["results"]
    doctor_name = str(a.user(Role.DOCTOR))
    assert [
        (i["description"], i["service"], i["product"], i["quantity"], i["unit_price"], i["practitioner_name"])
        for i in row["items"]
    ] == [
        ("Botulinum toxin", str(a.service.pk), None, "1.000", "350.00", doctor_name),
        ("Sunscreen SPF 50", None, str(a.sunscreen.pk), "2.000", "450.00", doctor_name),
    ]
    assert row["total"] == "1337.50"  # (350 + 2 * 450) * 1.07; the filler is in the treatment


def test_a_product_used_is_checked_out_locked_and_its_stock_is_not_taken_twice(api, with_products):
    a = with_products
    cashier = api(a.user(Role.CASHIER), a.clinic)
    lines = [
        {"kind": "service", "item_id": str(a.service.pk), "quantity": "1"},
        {"kind": "product", "item_id": str(a.sunscreen.pk), "quantity": "2"},
    ]
    body = {"patient_id": str(a.patient.pk), "invoice_id": str(a.draft.pk), "lines": lines}
    for change, field in [
        ([lines[0], {**lines[1], "quantity": "1"}], "lines.1.quantity"),
        ([lines[0], {**lines[1], "item_id": str(a.product.pk)}], "lines.1.item_id"),
        ([lines[0], {"kind": "service", "item_id": str(a.service.pk), "quantity": "2"}], "lines.1.item_id"),
    ]:
        refused = cashier.post(f"{SALES}/quote", body | {"lines": change}, format="json")
        assert refused.status_code == 400 and fields(refused) == {field}, change
    body |= {"idempotency_key": "collect-products", "payments": [{"method": "cash", "amount": "1337.50"}]}
    response = cashier.post(f"{SALES}/checkout", body, format="json")
    assert response.status_code == 201, response.content
    sale = response.json()
    assert [(line["kind"], line["unit_price"]) for line in sale["lines"]] == [
        ("service", "350.00"),
        ("product", "450.00"),
    ]
    a.sunscreen_lot.refresh_from_db()
    assert a.sunscreen_lot.quantity_on_hand == 8  # taken once, at the treatment
    with clinic_context(a.clinic):
        item = InvoiceItem.objects.get(invoice=a.draft, position=1)
        assert (item.product_id, item.service_id) == (a.sunscreen.pk, None)
        entry = JournalEntry.objects.get(reference_type="commerce.sale", reference_id=sale["id"])
        credits = {line.account: line.credit for line in entry.lines.all()}
        assert credits["revenue:retail"] == Decimal("900.00")
        assert selectors.trial_balance()["total_balance"] == 0


def test_a_visit_without_billable_products_bills_only_its_treatments(api, world):
    a = world.a
    owner = a.user(Role.OWNER)
    filler = catalog_factories.product(a.clinic, owner, price=Decimal("9000.00"))
    f.lot(a.clinic, owner, filler, "FIL-1", "3")
    doctor, visit, [session] = _visit(api, a, sessions=1)
    assert doctor.post(f"{EMR}/sessions/{session['id']}/start").status_code == 200
    body = {"products": [{"product_id": str(filler.pk), "quantity": "2"}]}
    assert doctor.post(f"{EMR}/sessions/{session['id']}/products", body, format="json").status_code == 200
    assert doctor.post(f"{EMR}/sessions/{session['id']}/complete").status_code == 200
    assert doctor.post(f"{EMR}/visits/{visit['id']}/complete").status_code == 200
    draft = Invoice.unscoped.get(reference_type="emr.visit", reference_id=visit["id"])
    assert list(InvoiceItem.unscoped.filter(invoice=draft).values_list("service_id", "product_id")) == [
        (a.service.pk, None)
    ]


# ------------------------------------------- a course session redeemed at the till for a line


@pytest.fixture
def one_session(api, world):
    """Clinic A (7 % VAT on top): a visit of one toxin session, completed, not prepaid."""
    a = world.a
    f.taxes(a.clinic, rate="7", inclusive=False)
    doctor, visit, [session] = _visit(api, a, sessions=1)
    _treat(doctor, session)
    assert doctor.post(f"{EMR}/visits/{visit['id']}/complete").status_code == 200
    a.session_id = session["id"]
    a.draft = Invoice.unscoped.get(reference_type="emr.visit", reference_id=visit["id"])
    a.line = InvoiceItem.unscoped.get(invoice=a.draft)
    return a


def _redeem(client, tenant, body):
    return client.post(
        f"/api/v1/commerce/course-balances/{tenant.course_balance.pk}/redeem", body, format="json"
    )


def test_a_course_session_redeemed_for_a_visit_line_names_the_treatment_session(api, one_session):
    a = one_session
    assert a.line.treatment_session_id == uuid.UUID(a.session_id)
    cashier = api(a.user(Role.CASHIER), a.clinic)
    response = _redeem(cashier, a, {"invoice_item_id": str(a.line.pk)})
    assert response.status_code == 201, response.content
    redemption = response.json()
    assert (redemption["reference_type"], redemption["reference_id"]) == (
        "emr.treatment_session",
        a.session_id,
    )
    assert (redemption["treatment_session"], redemption["invoice"]) == (a.session_id, str(a.draft.pk))
    assert redemption["practitioner_name"] == a.user(Role.DOCTOR).full_name  # the line's, by default
    assert _redeem(cashier, a, {"invoice_item_id": str(a.line.pk)}).json()["id"] == redemption["id"]
    a.line.refresh_from_db()
    a.draft.refresh_from_db()
    assert (a.line.unit_price, a.line.total, str(a.line.course_redemption_id)) == (0, 0, redemption["id"])
    assert "6 sessions" in a.line.description
    assert (a.draft.total, a.draft.tax_total, a.draft.balance_due) == (0, 0, 0)
    history = cashier.get("/api/v1/commerce/course-redemptions", {"patient": str(a.patient.pk)}).json()
    newest = history["results"][0]
    assert (newest["id"], newest["treatment_session"]) == (redemption["id"], a.session_id)
    with clinic_context(a.clinic):
        assert JournalEntry.objects.filter(
            reference_type="commerce.course_redemption", reference_id=redemption["id"]
        ).exists()
        assert selectors.trial_balance()["total_balance"] == 0
    a.course_balance.refresh_from_db()
    assert a.course_balance.sessions_remaining == 5


def test_redeeming_for_a_line_that_is_not_this_patients_draft_is_400_naming_it(api, one_session, world):
    a = one_session
    cashier = api(a.user(Role.CASHIER), a.clinic)
    for body, field in [
        ({"invoice_item_id": "not-a-uuid"}, "invoice_item_id"),
        ({"invoice_item_id": str(uuid.uuid4())}, "invoice_item_id"),
        ({}, "reference_type"),
    ]:
        response = _redeem(cashier, a, body)
        assert response.status_code == 400 and fields(response) == {field}, body
    Invoice.unscoped.filter(pk=a.draft.pk).update(status=Invoice.Status.SENT)  # checked out meanwhile
    response = _redeem(cashier, a, {"invoice_item_id": str(a.line.pk)})
    assert response.status_code == 400 and fields(response) == {"invoice_item_id"}
    a.course_balance.refresh_from_db()
    assert a.course_balance.sessions_remaining == 6


def test_another_clinic_can_neither_redeem_the_balance_nor_pay_the_line(api, one_session, world):
    a, b = one_session, world.b
    outsider = api(b.user(Role.CASHIER), b.clinic)
    assert _redeem(outsider, a, {"invoice_item_id": str(a.line.pk)}).status_code == 404
    response = _redeem(outsider, b, {"invoice_item_id": str(a.line.pk)})  # its own balance, A's line
    assert response.status_code == 400 and fields(response) == {"invoice_item_id"}
    a.line.refresh_from_db()
    assert a.line.course_redemption_id is None and a.line.unit_price == Decimal("350.00")
