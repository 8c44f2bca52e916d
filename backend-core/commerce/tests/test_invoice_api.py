"""The invoice list (patient, clinic-local date, filters), collecting an open invoice
over the API and refunds refused beyond what was paid."""

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from commerce.models import Invoice
from commerce.services import invoice_draft_from_services
from core.roles import Role
from core.tenancy import clinic_context

INVOICES = "/api/v1/commerce/invoices"
CHECKOUT = "/api/v1/commerce/sales/checkout"


def _checkout(client, tenant, payments, practitioner=None):
    """A sale of one service (350.00, no tax in the world) crediting ``practitioner``."""
    body = {
        "patient_id": str(tenant.patient.pk),
        "lines": [
            {
                "kind": "service",
                "item_id": str(tenant.service.pk),
                "credits": [{"practitioner_id": str(practitioner.pk), "share": "100"}]
                if practitioner
                else [],
            }
        ],
        "payments": payments,
        "idempotency_key": str(uuid.uuid4()),
    }
    response = client.post(CHECKOUT, body, format="json")
    assert response.status_code == 201, response.content
    return response.json()


def _numbers(response):
    assert response.status_code == 200, response.content
    return sorted(row["number"] or "Draft" for row in response.json()["results"])


def test_the_list_names_the_patient_dates_by_the_clinics_day_and_filters(clock, api, world):
    """At 23:30 UTC it is already the next day in Bangkok."""
    a = world.a
    doctor, nurse = a.user(Role.DOCTOR), a.user(Role.NURSE)
    accountant = api(a.user(Role.ACCOUNTANT), a.clinic)
    cashier = api(a.user(Role.CASHIER), a.clinic)
    # The world's invoice was issued at 16:30 UTC: 23:30 the day before, in Bangkok.
    Invoice.unscoped.filter(number="INV-WORLD").update(issued_at=clock - dt.timedelta(hours=7))
    sale = _checkout(cashier, a, [{"method": "cash", "amount": "100.00"}], practitioner=doctor)
    with clinic_context(a.clinic):
        draft = invoice_draft_from_services(
            patient=a.patient,
            items=[(a.service, Decimal(1), nurse)],
            reference_type="emr.visit",
            reference_id=uuid.uuid4(),
            actor=nurse,
        )
    sold = Invoice.unscoped.get(sale_id=sale["id"]).number
    rows = {row["id"]: row for row in accountant.get(INVOICES).json()["results"]}
    assert len(rows) == 3
    today, yesterday = str(clock.date() + dt.timedelta(days=1)), str(clock.date())
    assert rows[str(draft.pk)]["number"] == "" and rows[str(draft.pk)]["date"] == today
    assert rows[sale["invoice"]]["date"] == today
    world_row = next(r for r in rows.values() if r["number"] == "INV-WORLD")
    assert world_row["date"] == yesterday
    profile = a.patient.profile
    assert {r["patient_name"] for r in rows.values()} == {
        f"{profile.given_name} {profile.family_name}".strip()
    }
    assert _numbers(accountant.get(INVOICES, {"date_before": yesterday})) == ["INV-WORLD"]
    assert _numbers(accountant.get(INVOICES, {"date_after": today})) == sorted([sold, "Draft"])
    assert _numbers(accountant.get(INVOICES, {"date_after": today, "date_before": today})) == sorted(
        [sold, "Draft"]
    )
    assert _numbers(accountant.get(INVOICES, {"practitioner": str(doctor.pk)})) == [sold]
    assert _numbers(accountant.get(INVOICES, {"practitioner": str(nurse.pk)})) == ["Draft"]
    assert _numbers(accountant.get(INVOICES, {"status": "partially_paid"})) == sorted(["INV-WORLD", sold])
    assert _numbers(accountant.get(INVOICES, {"status": "draft", "patient": str(a.patient.pk)})) == ["Draft"]
    assert _numbers(accountant.get(INVOICES, {"patient": str(world.b.patient.pk)})) == []


def test_the_list_reads_a_page_in_a_fixed_number_of_queries(api, world, django_assert_max_num_queries):
    a = world.a
    cashier = api(a.user(Role.CASHIER), a.clinic)
    for _ in range(4):
        _checkout(cashier, a, [], practitioner=a.user(Role.DOCTOR))
    with django_assert_max_num_queries(12):
        listed = cashier.get(INVOICES, {"practitioner": str(a.user(Role.DOCTOR).pk), "page_size": 50})
    assert listed.status_code == 200 and len(listed.json()["results"]) == 4


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"date_after": "yesterday"}, "date_after"),
        ({"date_before": "2026-13-01"}, "date_before"),
        ({"practitioner": "someone"}, "practitioner"),
        ({"status": "lost"}, "status"),
    ],
)
def test_bad_filters_are_400_naming_the_parameter(api, world, query, field):
    response = api(world.a.user(Role.ACCOUNTANT), world.a.clinic).get(INVOICES, query)
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_cashier_collects_the_rest_in_two_methods_and_a_retry_answers_the_same(api, world):
    a = world.a
    cashier = api(a.user(Role.CASHIER), a.clinic)
    sale = _checkout(cashier, a, [{"method": "cash", "amount": "200.00"}])
    body = {
        "idempotency_key": "collect-1",
        "currency": "THB",
        "payments": [
            {"method": "card", "amount": "100.00", "provider_reference": "AUTH-7"},
            {"method": "cash", "amount": "50.00"},
        ],
    }
    url = f"{INVOICES}/{sale['invoice']}/collect"
    collected = cashier.post(url, body, format="json")
    assert collected.status_code == 201, collected.content
    answer = collected.json()
    assert answer["invoice"]["status"] == "paid" and answer["invoice"]["balance_due"] == "0.00"
    assert [(p["method"], p["amount"]) for p in answer["payments"]] == [
        ("card", "100.00"),
        ("cash", "50.00"),
    ]
    again = cashier.post(url, body, format="json")
    assert again.status_code == 201
    assert [p["id"] for p in again.json()["payments"]] == [p["id"] for p in answer["payments"]]
    other = cashier.post(url, body | {"payments": body["payments"][:1]}, format="json")
    assert other.status_code == 409


def test_a_partial_collection_is_refused_unless_chosen(api, world):
    a = world.a
    cashier = api(a.user(Role.CASHIER), a.clinic)
    sale = _checkout(cashier, a, [])
    url = f"{INVOICES}/{sale['invoice']}/collect"
    body = {
        "idempotency_key": "part-1",
        "currency": "THB",
        "payments": [{"method": "cash", "amount": "100.00"}],
    }
    refused = cashier.post(url, body, format="json")
    assert refused.status_code == 400
    (error,) = refused.json()["errors"]
    assert error["field"] == "leave_balance" and "would remain due" in error["detail"]
    chosen = cashier.post(url, body | {"leave_balance": True}, format="json")
    assert chosen.status_code == 201, chosen.content
    assert chosen.json()["invoice"]["status"] == "partially_paid"
    assert chosen.json()["invoice"]["balance_due"] == "250.00"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"payments": [{"method": "cash", "amount": "0.00"}]}, "payments.0.amount"),
        ({"payments": [{"method": "gold", "amount": "1.00"}]}, "payments.0.method"),
        ({"payments": [{"method": "pix", "amount": "1.00"}]}, "payments.0.method"),  # no Pix in Bangkok
        (
            {"payments": [{"method": "cash", "amount": "13000.00"}, {"method": "card", "amount": "1001.00"}]},
            "payments.1.amount",
        ),
        ({"payments": []}, "payments"),
        ({"currency": "BRL"}, "currency"),
        ({"idempotency_key": ""}, "idempotency_key"),
    ],
)
def test_bad_collections_are_400_naming_the_field(api, world, change, field):
    body = {"idempotency_key": "bad", "currency": "THB", "payments": [{"method": "cash", "amount": "1.00"}]}
    body |= {"leave_balance": True} | change
    response = api(world.a.user(Role.CASHIER), world.a.clinic).post(
        f"{INVOICES}/{world.a.sale.invoice.pk}/collect", body, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_another_clinics_invoice_is_404_to_list_read_collect_and_refund(api, world):
    outsider = api(world.b.user(Role.OWNER), world.b.clinic)
    invoice = world.a.sale.invoice
    body = {
        "idempotency_key": "x",
        "currency": "THB",
        "leave_balance": True,
        "payments": [{"method": "cash", "amount": "1.00"}],
    }
    assert outsider.get(f"{INVOICES}/{invoice.pk}").status_code == 404
    assert outsider.post(f"{INVOICES}/{invoice.pk}/collect", body, format="json").status_code == 404
    assert (
        outsider.post(
            f"{INVOICES}/{invoice.pk}/payments", body | {"amount": "1.00", "method": "cash"}, format="json"
        ).status_code
        == 404
    )
    line = world.a.sale.lines.model.unscoped.filter(sale=world.a.sale).first()
    refund = {
        "idempotency_key": "x",
        "reason": "r",
        "method": "cash",
        "lines": [{"sale_line_id": str(line.pk), "quantity": "1"}],
    }
    assert (
        outsider.post(f"/api/v1/commerce/sales/{world.a.sale.pk}/refund", refund, format="json").status_code
        == 404
    )
    listed = outsider.get(INVOICES, {"patient": str(world.a.patient.pk)})
    assert listed.status_code == 200 and listed.json()["results"] == []
    assert [r["id"] for r in outsider.get(INVOICES).json()["results"]] == [str(world.b.sale.invoice.pk)]
    with clinic_context(world.a.clinic):
        assert not invoice.payments.filter(amount=Decimal("1.00")).exists()


def test_a_refund_of_an_unpaid_sale_is_400_saying_nothing_was_paid(api, world):
    a = world.a
    sale = _checkout(api(a.user(Role.CASHIER), a.clinic), a, [])
    owner = api(a.user(), a.clinic)
    body = {
        "idempotency_key": "rf-unpaid",
        "reason": "Changed mind",
        "method": "cash",
        "lines": [{"sale_line_id": sale["lines"][0]["id"], "quantity": "1"}],
    }
    refused = owner.post(f"/api/v1/commerce/sales/{sale['id']}/refund", body, format="json")
    assert refused.status_code == 400
    (error,) = refused.json()["errors"]
    assert error["field"] == "amount" and "Nothing was paid" in error["detail"]


def test_a_nurse_cannot_collect(api, world):
    nurse = api(world.a.user(Role.NURSE), world.a.clinic)
    body = {"idempotency_key": "n", "currency": "THB", "payments": [{"method": "cash", "amount": "1.00"}]}
    response = nurse.post(f"{INVOICES}/{world.a.sale.invoice.pk}/collect", body, format="json")
    assert response.status_code == 403
