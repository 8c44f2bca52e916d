import datetime as dt
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from zoneinfo import ZoneInfo

import httpx
import pytest
from django.utils import timezone

from accounts.models import Clinic
from accounts.tests.factories import ClinicFactory, MembershipFactory, tokens_for
from catalog.tests import factories as catalog_factories
from commerce.models import CommerceSettings, CourseRedemption, Invoice, Sale, StockLot
from commerce.services import settings_for
from core.dates import date_format
from core.roles import Role
from core.tenancy import clinic_context

# Inventory ---------------------------------------------------------------------------


LOTS = "/api/v1/inventory/lots"


def test_receive_consume_and_refusals_over_the_api(api, world):
    a = world.a
    owner, nurse = api(a.user(), a.clinic), api(a.user(Role.NURSE), a.clinic)
    body = {
        "product_id": str(a.product.pk),
        "lot_number": "NEW-1",
        "expiry_date": "2031-01-31",
        "quantity": "4",
    }
    received = owner.post(LOTS, body, format="json")
    assert received.status_code == 201, received.content
    used = nurse.post(
        "/api/v1/inventory/movements",
        {
            "product_id": str(a.product.pk),
            "quantity": "2",
            "patient_id": str(a.patient.pk),
            "reference_type": "emr.treatment_session",
        },
        format="json",
    )
    assert used.status_code == 201, used.content
    assert [m["lot_number"] for m in used.json()] == ["LOT-1"]  # FEFO: the world lot expires first
    too_much = nurse.post(
        "/api/v1/inventory/movements", {"product_id": str(a.product.pk), "quantity": "99"}, format="json"
    )
    assert too_much.status_code == 400 and too_much.json()["errors"][0]["field"] == "quantity"
    StockLot.unscoped.filter(pk=a.lot.pk).update(expiry_date="2020-01-01")
    expired = nurse.post(
        "/api/v1/inventory/movements",
        {"product_id": str(a.product.pk), "quantity": "1", "lot_id": str(a.lot.pk)},
        format="json",
    )
    assert expired.status_code == 400 and expired.json()["errors"][0]["field"] == "lot_id"
    assert "expired" in expired.json()["errors"][0]["detail"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"quantity": "0"}, "quantity"),
        ({"expiry_date": "2020-01-01"}, "expiry_date"),
        ({"expiry_date": "soon"}, "expiry_date"),
        ({"lot_number": ""}, "lot_number"),
        ({"product_id": "not-a-uuid"}, "product_id"),
    ],
)
def test_bad_receipts_are_400_naming_the_field(api, world, body, field):
    base = {
        "product_id": str(world.a.product.pk),
        "lot_number": "N",
        "expiry_date": "2031-01-01",
        "quantity": "1",
    }
    response = api(world.a.user(), world.a.clinic).post(LOTS, base | body, format="json")
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_receiving_another_clinics_product_is_400(api, world):
    body = {
        "product_id": str(world.b.product.pk),
        "lot_number": "N",
        "expiry_date": "2031-01-01",
        "quantity": "1",
    }
    response = api(world.a.user(), world.a.clinic).post(LOTS, body, format="json")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "product_id"


def test_recall_names_the_patients_and_is_404_for_another_clinic(api, world):
    doctor = api(world.a.user(Role.DOCTOR), world.a.clinic)
    response = doctor.get(f"{LOTS}/{world.a.lot.pk}/recall")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["patients"] == 1 and body["rows"][0]["chart_number"] == "HN000001"
    assert doctor.get(f"{LOTS}/{world.b.lot.pk}/recall").status_code == 404
    assert (
        api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
        .get(f"{LOTS}/{world.a.lot.pk}/recall")
        .status_code
        == 403
    )


def test_low_stock_and_near_expiry_lists(clock, api, world):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    low = client.get("/api/v1/inventory/low-stock").json()["results"]
    assert [(p["id"], p["usable"]) for p in low] == [(str(world.a.product.pk), "5.000")]
    near = client.get("/api/v1/inventory/near-expiry", {"days": 31}).json()["results"]
    assert [lot["id"] for lot in near] == [str(world.a.lot.pk)]
    assert client.get("/api/v1/inventory/near-expiry", {"days": 29}).json()["results"] == []
    bad = client.get("/api/v1/inventory/near-expiry", {"days": "x"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "days"
    other = api(world.b.user(), world.b.clinic).get("/api/v1/inventory/low-stock").json()["results"]
    assert [p["id"] for p in other] == [str(world.b.product.pk)]


def test_adjust_and_transfer_bad_input_and_other_clinic(api, world):
    owner = api(world.a.user(), world.a.clinic)
    assert owner.post(f"{LOTS}/{world.a.lot.pk}/adjust", {"quantity": "-1"}, format="json").status_code == 400
    ok = owner.post(
        f"{LOTS}/{world.a.lot.pk}/adjust", {"quantity": "-1", "reason_code": "damaged"}, format="json"
    )
    assert ok.status_code == 200, ok.content
    refused = owner.post(
        f"{LOTS}/{world.a.lot.pk}/transfer",
        {"quantity": "1", "to_clinic_id": str(world.b.clinic.pk), "to_product_id": str(world.b.product.pk)},
        format="json",
    )
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "to_clinic_id"
    assert (
        owner.post(
            f"{LOTS}/{world.b.lot.pk}/adjust", {"quantity": "-1", "reason_code": "damaged"}, format="json"
        ).status_code
        == 404
    )


def test_transfer_goes_only_to_a_sister_clinic_where_the_caller_may_transfer_stock(api, world):
    a, owner = world.a, world.a.user()
    sister, fronted = (
        ClinicFactory(organization=a.clinic.organization),
        ClinicFactory(organization=a.clinic.organization),
    )
    MembershipFactory(user=owner, clinic=sister, role=Role.ADMIN)
    MembershipFactory(user=owner, clinic=fronted, role=Role.RECEPTIONIST)
    MembershipFactory(user=owner, clinic=world.b.clinic, role=Role.OWNER)  # another organization
    same = {"unit": a.product.unit, "registration_number": a.product.registration_number}
    there, at_desk = (
        catalog_factories.product(sister, owner, **same),
        catalog_factories.product(fronted, owner, **same),
    )
    client = api(owner, a.clinic)

    def send(clinic, product):
        body = {"quantity": "1", "to_clinic_id": str(clinic.pk), "to_product_id": str(product.pk)}
        return client.post(f"{LOTS}/{a.lot.pk}/transfer", body, format="json")

    for clinic, product in ((world.b.clinic, world.b.product), (fronted, at_desk)):
        refused = send(clinic, product)
        assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "to_clinic_id"
    wrong_product = send(sister, at_desk)
    assert wrong_product.status_code == 400 and wrong_product.json()["errors"][0]["field"] == "to_product_id"
    sent = send(sister, there)
    assert sent.status_code == 201, sent.content
    assert (sent.json()["out"]["kind"], sent.json()["into"]["kind"]) == ("transfer_out", "transfer_in")


# POS ---------------------------------------------------------------------------------

CHECKOUT = "/api/v1/commerce/sales/checkout"


def _cart(tenant, **extra):
    return {
        "patient_id": str(tenant.patient.pk),
        "lines": [
            {
                "kind": "service",
                "item_id": str(tenant.service.pk),
                "quantity": "2",
                "credits": [{"practitioner_id": str(tenant.user(Role.DOCTOR).pk), "share": "100"}],
            },
            {"kind": "product", "item_id": str(tenant.product.pk), "line_discount": "500.00"},
        ],
        "payments": [{"method": "promptpay", "amount": "5000.00", "provider_reference": "PP-123"}],
        **extra,
    }


def test_cashier_checks_out_and_a_retry_returns_the_same_sale(clock, api, world):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    first = cashier.post(CHECKOUT, _cart(world.a), format="json", HTTP_IDEMPOTENCY_KEY="till-1-0001")
    assert first.status_code == 201, first.content
    sale = first.json()
    assert sale["total"] == "9200.00" and sale["currency"] == "THB"
    assert [line["net_amount"] for line in sale["lines"]] == ["700.00", "8500.00"]
    assert sale["lines"][0]["credits"] == [
        {"practitioner": str(world.a.user(Role.DOCTOR).pk), "share": "100.00"}
    ]
    again = cashier.post(CHECKOUT, _cart(world.a), format="json", HTTP_IDEMPOTENCY_KEY="till-1-0001")
    assert again.status_code == 200 and again.json()["id"] == sale["id"]
    with clinic_context(world.a.clinic):
        assert Sale.objects.filter(idempotency_key="till-1-0001").count() == 1
    invoice = cashier.get(f"/api/v1/commerce/invoices/{sale['invoice']}").json()
    assert invoice["status"] == "partially_paid" and invoice["balance_due"] == "4200.00"
    paid = cashier.post(
        f"/api/v1/commerce/invoices/{sale['invoice']}/payments",
        {"idempotency_key": "p-2", "method": "cash", "amount": "4200.00", "currency": "THB"},
        format="json",
    )
    assert paid.status_code == 201, paid.content
    assert cashier.get(f"/api/v1/commerce/invoices/{sale['invoice']}").json()["status"] == "paid"


@pytest.mark.django_db(transaction=True)
def test_concurrent_retries_of_one_checkout_answer_201_once_and_200_for_the_others(world, live_server):
    headers = {
        "Authorization": f"Bearer {tokens_for(world.a.user(Role.CASHIER)).access}",
        "X-Clinic-Id": str(world.a.clinic.pk),
        "Idempotency-Key": "till-1-race",
    }
    settings_for(world.a.clinic)  # the clinic has sold before: its counters row exists
    together = threading.Barrier(4)

    def post(_):
        together.wait()  # the till's retries arrive while the first is still being written
        return httpx.post(f"{live_server.url}{CHECKOUT}", json=_cart(world.a), headers=headers, timeout=60)

    with ThreadPoolExecutor(max_workers=4) as pool:
        responses = list(pool.map(post, range(4)))
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 201], [r.content for r in responses]
    assert len({r.json()["id"] for r in responses}) == 1
    with clinic_context(world.a.clinic):
        assert Sale.objects.filter(idempotency_key="till-1-race").count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"currency": "USD"}, "currency"),
        ({"lines": []}, "lines"),
        ({"cart_discount": "1000000.00"}, "cart_discount"),
        ({"patient_id": "00000000-0000-0000-0000-000000000000"}, "patient_id"),
        ({"payments": [{"method": "cheque", "amount": "1.00"}]}, "payments.0.method"),
        ({"payments": [{"method": "cash", "amount": 1}]}, "payments.0.amount"),
        ({"lines": [{"kind": "product", "item_id": "B-PRODUCT"}]}, "lines.0.item_id"),
        ({"lines": [{"kind": "product", "item_id": "A-PRODUCT", "quantity": "50"}]}, "lines.0.quantity"),
        (
            {
                "lines": [
                    {
                        "kind": "service",
                        "item_id": "A-SERVICE",
                        "credits": [{"practitioner_id": "CASHIER", "share": "100"}],
                    }
                ]
            },
            "lines.0.credits.0.practitioner_id",
        ),
        ({"idempotency_key": ""}, "idempotency_key"),
        ({"patient_id": None}, "patient_id"),
        ({"patient_id": None, "walk_in": True}, "walk_in"),  # the clinic sells to patients only
        ({"walk_in": "maybe"}, "walk_in"),
    ],
)
def test_bad_checkouts_are_400_naming_the_field(api, world, change, field):
    ids = {
        "B-PRODUCT": str(world.b.product.pk),
        "A-PRODUCT": str(world.a.product.pk),
        "A-SERVICE": str(world.a.service.pk),
        "CASHIER": str(world.a.user(Role.CASHIER).pk),
    }
    body = _cart(world.a, idempotency_key="k-1") | change
    for line in body["lines"]:
        line["item_id"] = ids.get(line["item_id"], line["item_id"])
        for credit in line.get("credits", []):
            credit["practitioner_id"] = ids.get(credit["practitioner_id"], credit["practitioner_id"])
    response = api(world.a.user(Role.CASHIER), world.a.clinic).post(CHECKOUT, body, format="json")
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]], response.json()
    with clinic_context(world.a.clinic):
        assert not Sale.objects.exclude(pk=world.a.sale.pk).exists()


def test_a_walk_in_customer_buys_products_only_where_the_clinic_allows_it(api, world):
    CommerceSettings.unscoped.update_or_create(clinic=world.a.clinic, defaults={"walk_in_retail": True})
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    serum = {"kind": "product", "item_id": str(world.a.product.pk)}
    body = {"patient_id": None, "walk_in": True, "idempotency_key": "walk-in-1"}
    treatment = cashier.post(CHECKOUT, _cart(world.a) | body, format="json")
    assert treatment.status_code == 400
    assert [e["field"] for e in treatment.json()["errors"]] == ["walk_in"]
    patient_too = cashier.post(
        CHECKOUT, body | {"lines": [serum], "patient_id": str(world.a.patient.pk)}, format="json"
    )
    assert patient_too.status_code == 400
    sold = cashier.post(CHECKOUT, body | {"lines": [serum]}, format="json")
    assert sold.status_code == 201, sold.content
    assert sold.json()["patient"] is None


def test_a_patients_sales_list_in_one_query_per_relation(api, world):
    """Each sale's invoice id came from one query per sale (zeal flags the N+1)."""
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    for key in ("n-1", "n-2"):
        assert cashier.post(CHECKOUT, _cart(world.a, idempotency_key=key), format="json").status_code == 201
    listed = cashier.get("/api/v1/commerce/sales", {"patient": str(world.a.patient.pk)})
    assert listed.status_code == 200, listed.content
    assert len({sale["invoice"] for sale in listed.json()["results"]}) >= 2


QUOTE = "/api/v1/commerce/sales/quote"


def test_quote_prices_the_cart_as_checkout_does_and_writes_nothing(api, world):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    body = _cart(world.a, cart_discount="100.00")
    quote = cashier.post(QUOTE, body, format="json")
    assert quote.status_code == 200, quote.content
    with clinic_context(world.a.clinic):
        assert not Sale.objects.exclude(pk=world.a.sale.pk).exists()
    sale = cashier.post(CHECKOUT, body, format="json", HTTP_IDEMPOTENCY_KEY="q-1").json()
    assert quote.json()["total"] == sale["total"] == "9100.00"
    assert [line["net"] for line in quote.json()["lines"]] == [line["net_amount"] for line in sale["lines"]]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"cart_discount": "1000000.00"}, "cart_discount"),
        ({"currency": "USD"}, "currency"),
        ({"lines": []}, "lines"),
        ({"patient_id": "00000000-0000-0000-0000-000000000000"}, "patient_id"),
    ],
)
def test_bad_quotes_are_400_naming_the_field(api, world, change, field):
    response = api(world.a.user(Role.CASHIER), world.a.clinic).post(
        QUOTE, _cart(world.a) | change, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]], response.json()


def test_quote_of_another_clinics_item_is_400(api, world):
    body = {"lines": [{"kind": "product", "item_id": str(world.b.product.pk)}]}
    response = api(world.a.user(Role.CASHIER), world.a.clinic).post(QUOTE, body, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["lines.0.item_id"]


def test_tax_settings_are_the_callers_clinics(api, world):
    from commerce.services import settings_for

    with clinic_context(world.b.clinic):
        other = settings_for(world.b.clinic)
        other.product_tax_rate, other.tax_inclusive = Decimal("7.00"), True
        other.save(update_fields=["product_tax_rate", "tax_inclusive"])
    mine = api(world.a.user(Role.CASHIER), world.a.clinic).get("/api/v1/commerce/sales/tax-settings")
    theirs = api(world.b.user(Role.CASHIER), world.b.clinic).get("/api/v1/commerce/sales/tax-settings")
    assert mine.status_code == theirs.status_code == 200
    assert theirs.json()["product_tax_rate"] == "7.00" and theirs.json()["tax_inclusive"] is True
    assert mine.json()["currency"] == world.a.clinic.currency
    assert (mine.json()["product_tax_rate"], mine.json()["tax_inclusive"]) != ("7.00", True)
    accountant = api(world.a.user(Role.ACCOUNTANT), world.a.clinic).get("/api/v1/commerce/sales/tax-settings")
    assert accountant.status_code == 403


def test_the_same_key_for_another_cart_is_409(api, world):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    assert cashier.post(CHECKOUT, _cart(world.a, idempotency_key="k"), format="json").status_code == 201
    other = _cart(world.a, idempotency_key="k", payments=[])
    assert cashier.post(CHECKOUT, other, format="json").status_code == 409


def test_refund_and_void_need_a_manager_and_follow_the_rules(api, world):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    sale = cashier.post(CHECKOUT, _cart(world.a, idempotency_key="r"), format="json").json()
    line = sale["lines"][1]["id"]
    body = {
        "idempotency_key": "rf-1",
        "reason": "Allergy",
        "method": "cash",
        "lines": [{"sale_line_id": line, "quantity": "1"}],
    }
    assert cashier.post(f"/api/v1/commerce/sales/{sale['id']}/refund", body, format="json").status_code == 403
    owner = api(world.a.user(), world.a.clinic)
    refund = owner.post(f"/api/v1/commerce/sales/{sale['id']}/refund", body, format="json")
    assert refund.status_code == 400 and refund.json()["errors"][0]["field"] == "amount"  # only 5000 was paid
    body["lines"] = [{"sale_line_id": sale["lines"][0]["id"], "quantity": "1"}]
    refund = owner.post(f"/api/v1/commerce/sales/{sale['id']}/refund", body, format="json")
    assert refund.status_code == 201, refund.content
    assert refund.json()["amount"] == "350.00"
    payments = owner.get("/api/v1/commerce/payments", {"invoice": sale["invoice"]}).json()["results"]
    assert sorted(p["amount"] for p in payments) == ["-350.00", "5000.00"]
    voided = owner.post(f"/api/v1/commerce/sales/{sale['id']}/void", {"reason": "x"}, format="json")
    assert voided.status_code == 409
    assert owner.post(f"/api/v1/commerce/sales/{sale['id']}/void", {}, format="json").status_code == 400


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"lines": []}, "lines"),
        ({"method": "gold"}, "method"),
        (
            {"lines": [{"sale_line_id": "00000000-0000-0000-0000-000000000000", "quantity": "1"}]},
            "lines.0.sale_line_id",
        ),
        ({"lines": [{"sale_line_id": "LINE", "quantity": "9"}]}, "lines.0.quantity"),
    ],
)
def test_bad_refunds_are_400_naming_the_field(api, world, body, field):
    line = world.a.sale.lines.model.unscoped.filter(sale=world.a.sale).first()
    base = {
        "idempotency_key": "x",
        "reason": "r",
        "method": "cash",
        "lines": [{"sale_line_id": str(line.pk), "quantity": "1"}],
    }
    body = base | body
    for row in body["lines"]:
        row["sale_line_id"] = str(line.pk) if row["sale_line_id"] == "LINE" else row["sale_line_id"]
    response = api(world.a.user(), world.a.clinic).post(
        f"/api/v1/commerce/sales/{world.a.sale.pk}/refund", body, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"currency": "BRL"}, "currency"),
        ({"amount": "99999.00"}, "amount"),
        ({"amount": "0.00"}, "amount"),
        ({"method": "iou"}, "method"),
    ],
)
def test_bad_payments_are_400_naming_the_field(api, world, body, field):
    invoice = world.a.sale.invoice
    base = {"idempotency_key": "p", "method": "card", "amount": "10.00", "currency": "THB"}
    response = api(world.a.user(Role.CASHIER), world.a.clinic).post(
        f"/api/v1/commerce/invoices/{invoice.pk}/payments", base | body, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]


def test_invoice_pdf_is_a_pdf_and_another_clinics_is_404(api, world):
    client = api(world.b.user(Role.ACCOUNTANT), world.b.clinic)
    response = client.get(f"/api/v1/commerce/invoices/{world.b.sale.invoice.pk}/pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert response["Content-Language"] == "pt-BR"  # the clinic's, whatever the reader's language
    assert client.get(f"/api/v1/commerce/invoices/{world.a.sale.invoice.pk}/pdf").status_code == 404


def test_invoice_html_is_in_the_clinics_language_and_currency(world):
    from commerce.documents import invoice_html

    with clinic_context(world.b.clinic):
        html = invoice_html(invoice=world.b.sale.invoice)
    assert "Fatura INV-WORLD" in html and "Saldo devedor" in html and "R$\xa014.000,00" in html
    with clinic_context(world.a.clinic):
        Clinic.objects.filter(pk=world.a.clinic.pk).update(locale="ar")
        world.a.clinic.refresh_from_db()
        html = invoice_html(invoice=Invoice.objects.get(pk=world.a.sale.invoice.pk))
    assert 'dir="rtl"' in html and "الرصيد المستحق" in html


@pytest.mark.parametrize("clock", ["23:30", "02:00", "12:00"], indirect=True)
def test_invoice_html_dates_are_the_clinics_local_dates(clock, world):
    from commerce.documents import invoice_html

    for tenant in (world.a, world.b):
        with clinic_context(tenant.clinic):
            html = invoice_html(invoice=tenant.sale.invoice)
        language = tenant.clinic.locale
        local_day = timezone.localdate(clock, ZoneInfo(tenant.clinic.time_zone))
        assert date_format(local_day, language=language) in html
        assert (date_format(clock.date(), language=language) in html) == (clock.date() == local_day)


# Course balances ---------------------------------------------------------------------


def test_redeeming_over_the_api_then_running_out_is_409(api, world):
    from commerce.models import CourseBalance

    CourseBalance.unscoped.filter(pk=world.a.course_balance.pk).update(sessions_remaining=1)
    nurse = api(world.a.user(Role.NURSE), world.a.clinic)
    url = f"/api/v1/commerce/course-balances/{world.a.course_balance.pk}/redeem"
    first = nurse.post(
        url, {"reference_type": "emr.treatment_session", "reference_id": str(uuid.uuid4())}, format="json"
    )
    assert first.status_code == 201, first.content
    assert first.json()["sessions_remaining"] == 0 and first.json()["recognized_amount"] == "6000.00"
    second = nurse.post(
        url, {"reference_type": "emr.treatment_session", "reference_id": str(uuid.uuid4())}, format="json"
    )
    assert second.status_code == 409 and second.json()["code"] == "course_balance_unavailable"
    bad = nurse.post(url, {"reference_type": "x", "reference_id": "nope"}, format="json")
    assert bad.status_code in (400, 409)
    assert api(world.b.user(), world.b.clinic).post(url, {}, format="json").status_code == 404


def test_bad_redemption_input_is_400(api, world):
    url = f"/api/v1/commerce/course-balances/{world.a.course_balance.pk}/redeem"
    client = api(world.a.user(Role.NURSE), world.a.clinic)
    response = client.post(
        url, {"reference_type": "emr.treatment_session", "reference_id": "nope"}, format="json"
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "reference_id"
    response = client.post(
        url,
        {
            "reference_type": "emr.treatment_session",
            "reference_id": None,
            "service_id": str(world.b.service.pk),
        },
        format="json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "service_id"


REDEMPTIONS = "/api/v1/commerce/course-redemptions"


def test_a_session_taken_by_mistake_is_given_back_the_same_day_by_a_manager(api, world):
    balance, doctor = world.a.course_balance, world.a.user(Role.DOCTOR)
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    taken = cashier.post(
        f"/api/v1/commerce/course-balances/{balance.pk}/redeem",
        {
            "reference_type": "pos.redemption",
            "reference_id": str(uuid.uuid4()),
            "service_id": str(world.a.service.pk),
            "practitioner_id": str(doctor.pk),
        },
        format="json",
    )
    assert taken.status_code == 201, taken.content
    redemption = taken.json()
    assert (redemption["practitioner_name"], redemption["service_name"]) == (
        doctor.full_name,
        world.a.service.name,
    )
    listed = cashier.get(REDEMPTIONS, {"balance": str(balance.pk)}).json()["results"]
    assert listed[0]["id"] == redemption["id"]  # newest first
    of_patient = cashier.get(REDEMPTIONS, {"patient": str(world.a.patient.pk)}).json()["results"]
    assert [row["id"] for row in of_patient] == [row["id"] for row in listed]
    assert cashier.get(REDEMPTIONS, {"patient": "nope"}).status_code == 400

    undo = f"{REDEMPTIONS}/{redemption['id']}/undo"
    assert cashier.post(undo).status_code == 403  # a manager's decision
    assert api(world.b.user(), world.b.clinic).post(undo).status_code == 404
    assert api(world.b.user(), world.b.clinic).get(f"{REDEMPTIONS}/{redemption['id']}").status_code == 404
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    given_back = owner.post(undo)
    assert given_back.status_code == 200, given_back.content
    assert given_back.json()["reversed_at"] and given_back.json()["sessions_remaining"] == 6
    assert owner.post(undo).status_code == 200  # twice: nothing more
    assert owner.get("/api/v1/ledger/trial-balance").json()["total_balance"] == "0.00"
    with clinic_context(world.a.clinic):
        from audit.models import AuditEvent

        assert (
            AuditEvent.objects.filter(action="course_redemption.undone", object_id=redemption["id"]).count()
            == 1
        )

    again = cashier.post(
        f"/api/v1/commerce/course-balances/{balance.pk}/redeem",
        {"reference_type": "pos.redemption", "reference_id": str(uuid.uuid4())},
        format="json",
    ).json()
    CourseRedemption.unscoped.filter(pk=again["id"]).update(created_at=timezone.now() - dt.timedelta(days=1))
    late = owner.post(f"{REDEMPTIONS}/{again['id']}/undo")
    assert late.status_code == 409 and late.json()["code"] == "redemption_not_today"


def test_a_redemption_names_a_practitioner_of_this_clinic(api, world):
    url = f"/api/v1/commerce/course-balances/{world.a.course_balance.pk}/redeem"
    client = api(world.a.user(Role.NURSE), world.a.clinic)
    for practitioner in (world.b.user(Role.DOCTOR).pk, world.a.user(Role.CASHIER).pk, "nope"):
        response = client.post(
            url,
            {"reference_type": "pos.redemption", "reference_id": None, "practitioner_id": str(practitioner)},
            format="json",
        )
        assert response.status_code == 400, response.content
        assert response.json()["errors"][0]["field"] == "practitioner_id"


# Ledger ------------------------------------------------------------------------------


def test_accountant_reads_the_trial_balance_and_a_cashier_cannot(api, world):
    accountant = api(world.a.user(Role.ACCOUNTANT), world.a.clinic)
    api(world.a.user(Role.CASHIER), world.a.clinic).post(
        CHECKOUT, _cart(world.a, idempotency_key="t"), format="json"
    )
    body = accountant.get("/api/v1/ledger/trial-balance").json()
    assert body["total_balance"] == "0.00" and body["total_debit"] == body["total_credit"]
    assert body["currency"] == "THB"
    totals = accountant.get("/api/v1/ledger/period-totals", {"start": "2020-01-01T00:00:00Z"}).json()
    assert totals["currency"] == "THB"
    accounts = {row["account"] for row in totals["periods"]}
    assert accounts >= {"cash", "bank", "revenue:neurotoxin", "accounts_receivable", "revenue:retail"}
    assert (
        api(world.a.user(Role.CASHIER), world.a.clinic).get("/api/v1/ledger/trial-balance").status_code == 403
    )
    bad = accountant.get("/api/v1/ledger/trial-balance", {"start": "yesterday"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "start"
    other = api(world.b.user(Role.ACCOUNTANT), world.b.clinic).get("/api/v1/ledger/trial-balance").json()
    assert other["total_debit"] == "1000.00"  # clinic B sees only its own world entry


MOVEMENTS = "/api/v1/inventory/movements"


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.CASHIER, Role.ACCOUNTANT, Role.ASSISTANT])
def test_movements_do_not_say_who_received_a_lot_to_roles_refused_the_recall(api, world, role):
    # Attack: 403 on the recall and on the session, yet the stock ledger named the patient,
    # the lot and the session.
    client = api(world.a.user(role), world.a.clinic)
    assert client.get(f"{LOTS}/{world.a.lot.pk}/recall").status_code == 403
    rows = client.get(MOVEMENTS).json()["results"]
    assert rows and {(m["patient"], m["reference_type"], m["reference_id"]) for m in rows} == {
        (None, "", None)
    }
    assert client.get(MOVEMENTS, {"patient": str(world.a.patient.pk)}).status_code == 403


@pytest.mark.parametrize("role", [Role.OWNER, Role.DOCTOR, Role.NURSE])
def test_movements_name_the_patient_for_roles_allowed_the_recall(api, world, role):
    client = api(world.a.user(role), world.a.clinic)
    rows = client.get(MOVEMENTS, {"patient": str(world.a.patient.pk)}).json()["results"]
    assert [(m["patient"], m["reference_type"]) for m in rows] == [
        (str(world.a.patient.pk), "commerce.sale_line")
    ]
