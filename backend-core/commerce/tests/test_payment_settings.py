"""Payment methods by country, the clinic's payment settings and the payment QR: the
services and their API (``/api/v1/commerce/payments/settings``, ``.../payments/qr``)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from accounts.tests.factories import ClinicFactory
from commerce.emv_qr import crc16
from commerce.models import Invoice
from commerce.payment_methods import methods_allowed, methods_default, pix_key_clean, promptpay_id_clean
from commerce.services import (
    CartLine,
    PaymentInput,
    accepted_methods,
    payment_qr,
    payment_record,
    payment_settings_update,
    sale_checkout,
    settings_for,
)
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context

SETTINGS = "/api/v1/commerce/payments/settings"
QR = "/api/v1/commerce/payments/qr"
CHECKOUT = "/api/v1/commerce/sales/checkout"


def _fields(response) -> list[str]:
    return [e["field"] for e in response.json()["errors"]]


# Rules by country --------------------------------------------------------------------


def test_no_pix_in_thailand_no_promptpay_in_brazil_neither_in_saudi_arabia():
    assert "promptpay" in methods_allowed("TH") and "pix" not in methods_allowed("TH")
    assert "pix" in methods_allowed("BR") and "promptpay" not in methods_allowed("BR")
    assert methods_allowed("SA") == ["cash", "card", "bank_transfer"]
    assert methods_default("TH") == ["cash", "card", "promptpay", "bank_transfer"]
    assert methods_default("BR") == ["cash", "card", "pix", "bank_transfer"]
    assert methods_default("SA") == ["cash", "card", "bank_transfer"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("081-555-0101", "0815550101"),
        ("+66 92 555 3939", "0925553939"),
        ("1-1017-00230-70-8", "1101700230708"),  # a person's national ID
        ("0105556123453", "0105556123453"),  # a company's registration number
    ],
)
def test_promptpay_ids_are_thai_mobiles_or_tax_ids(raw, clean):
    assert promptpay_id_clean(raw) == clean


@pytest.mark.parametrize("raw", ["02-555-0101", "1101700230709", "12345", "+5511987654321"])
def test_landlines_bad_check_digits_and_foreign_numbers_are_not_promptpay_ids(raw):
    with pytest.raises(ValidationError):
        promptpay_id_clean(raw)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("529.982.247-25", "52998224725"),  # CPF
        ("11.222.333/0001-81", "11222333000181"),  # CNPJ
        ("Caixa@Clinica.com.br", "caixa@clinica.com.br"),
        ("+55 11 98765-4321", "+5511987654321"),
        ("123E4567-E12B-12D1-A456-426655440000", "123e4567-e12b-12d1-a456-426655440000"),
    ],
)
def test_pix_keys_of_each_kind(raw, clean):
    assert pix_key_clean(raw) == clean


@pytest.mark.parametrize("raw", ["529.982.247-24", "11.222.333/0001-82", "caixa@", "+66815550101", "chave"])
def test_bad_pix_keys_are_refused(raw):
    with pytest.raises(ValidationError):
        pix_key_clean(raw)


# Settings ---------------------------------------------------------------------------


def test_a_new_clinics_methods_come_from_its_country(db):
    for country, currency, expected in (
        ("TH", "THB", ["cash", "card", "promptpay", "bank_transfer"]),
        ("BR", "BRL", ["cash", "card", "pix", "bank_transfer"]),
        ("SA", "SAR", ["cash", "card", "bank_transfer"]),
    ):
        clinic = ClinicFactory(country=country, currency=currency)
        with clinic_context(clinic):
            assert settings_for(clinic).payment_methods == expected
            assert accepted_methods(clinic) == expected


def test_settings_read_by_the_till_and_changed_by_an_owner(api, world):
    a = world.a
    cashier, owner = api(a.user(Role.CASHIER), a.clinic), api(a.user(Role.OWNER), a.clinic)
    read = cashier.get(SETTINGS)
    assert read.status_code == 200, read.content
    assert read.json()["payment_methods"] == ["cash", "card", "promptpay", "bank_transfer"]
    assert "pix" not in read.json()["allowed_methods"]
    assert cashier.patch(SETTINGS, {"payment_methods": ["cash"]}, format="json").status_code == 403
    changed = owner.patch(
        SETTINGS, {"payment_methods": ["promptpay", "cash"], "promptpay_id": "081-555-0101"}, format="json"
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["payment_methods"] == ["promptpay", "cash"]
    assert changed.json()["promptpay_id"] == "0815550101"
    till = cashier.get("/api/v1/commerce/sales/tax-settings").json()
    assert till["payment_methods"] == ["promptpay", "cash"]
    admin = api(a.user(Role.ADMIN), a.clinic).patch(SETTINGS, {"promptpay_id": ""}, format="json")
    assert admin.status_code == 200 and admin.json()["promptpay_id"] == ""
    walk_in = owner.patch(SETTINGS, {"walk_in_retail": True}, format="json")
    assert walk_in.status_code == 200 and walk_in.json()["walk_in_retail"] is True
    assert cashier.get("/api/v1/commerce/sales/tax-settings").json()["walk_in_retail"] is True
    with clinic_context(a.clinic):
        from audit.models import AuditEvent

        events = AuditEvent.objects.filter(action="commerce_settings.updated").order_by("sequence")
        assert [sorted(event.changes) for event in events] == [
            ["payment_methods", "promptpay_id"],
            ["promptpay_id"],
            ["walk_in_retail"],
        ]


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"payment_methods": ["cash", "pix"]}, ["payment_methods.1"]),
        ({"payment_methods": ["bitcoin"]}, ["payment_methods.0"]),
        ({"payment_methods": ["cash", "cash"]}, ["payment_methods.1"]),
        ({"payment_methods": []}, ["payment_methods"]),
        ({"payment_methods": "cash"}, ["payment_methods"]),
        ({"promptpay_id": "02-555-0101"}, ["promptpay_id"]),
        ({"pix_key": "caixa@clinica.com.br"}, ["pix_key"]),  # no Pix in Thailand
        ({"merchant_city": "بانكوك"}, ["merchant_city"]),
        ({"walk_in_retail": "sometimes"}, ["walk_in_retail"]),
    ],
)
def test_bad_settings_are_400_naming_the_field(api, world, body, fields):
    response = api(world.a.user(Role.OWNER), world.a.clinic).patch(SETTINGS, body, format="json")
    assert response.status_code == 400, response.content
    assert _fields(response) == fields
    with clinic_context(world.a.clinic):
        assert settings_for(world.a.clinic).payment_methods == methods_default("TH")


def test_a_brazilian_clinic_sets_its_pix_key_and_cannot_take_promptpay(api, world):
    owner = api(world.b.user(Role.OWNER), world.b.clinic)
    ok = owner.patch(SETTINGS, {"pix_key": "11.222.333/0001-81", "merchant_city": "São Paulo"}, format="json")
    assert ok.status_code == 200, ok.content
    assert (ok.json()["pix_key"], ok.json()["merchant_city"]) == ("11222333000181", "Sao Paulo")
    bad = owner.patch(SETTINGS, {"pix_key": "529.982.247-24", "promptpay_id": "0815550101"}, format="json")
    assert bad.status_code == 400 and sorted(_fields(bad)) == ["pix_key", "promptpay_id"]
    promptpay = owner.patch(SETTINGS, {"payment_methods": ["promptpay"]}, format="json")
    assert promptpay.status_code == 400 and _fields(promptpay) == ["payment_methods.0"]


def test_another_clinics_user_gets_404_on_the_settings_and_the_qr(api, world):
    stranger = api(world.b.user(Role.OWNER), world.a.clinic)
    assert stranger.get(SETTINGS).status_code == 404
    assert stranger.patch(SETTINGS, {"payment_methods": ["cash"]}, format="json").status_code == 404
    assert stranger.post(QR, {"method": "promptpay", "amount": "10.00"}, format="json").status_code == 404
    with clinic_context(world.a.clinic):
        assert settings_for(world.a.clinic).payment_methods == methods_default("TH")


# Refusing a method the clinic does not take -------------------------------------------


def test_checkout_refuses_a_method_the_clinic_does_not_accept(api, world):
    a = world.a
    cashier = api(a.user(Role.CASHIER), a.clinic)
    body = {
        "idempotency_key": "pix-in-bangkok",
        "patient_id": str(a.patient.pk),
        "lines": [{"kind": "service", "item_id": str(a.service.pk)}],
        "payments": [{"method": "cash", "amount": "1.00"}, {"method": "pix", "amount": "1.00"}],
    }
    response = cashier.post(CHECKOUT, body, format="json")
    assert response.status_code == 400 and _fields(response) == ["payments.1.method"]
    with clinic_context(a.clinic):
        payment_settings_update(clinic=a.clinic, actor=a.user(), payment_methods=["promptpay"])
    body["payments"] = [{"method": "cash", "amount": "1.00"}]
    response = cashier.post(CHECKOUT, body, format="json")
    assert response.status_code == 400 and _fields(response) == ["payments.0.method"]
    body["payments"] = [{"method": "promptpay", "amount": "1.00"}]
    assert cashier.post(CHECKOUT, body, format="json").status_code == 201


def test_payment_record_refuses_a_method_the_clinic_does_not_accept(world):
    a = world.a
    with clinic_context(a.clinic):
        sale, _created = sale_checkout(
            clinic=a.clinic,
            actor=a.user(Role.CASHIER),
            patient=a.patient,
            lines=[CartLine(item=a.service)],
            payments=[],
            idempotency_key="unpaid",
        )
        invoice = Invoice.objects.get(sale=sale)
        for method in ("pix", "bitcoin"):
            with pytest.raises(ValidationFailed) as refused:
                payment_record(
                    invoice=invoice,
                    actor=a.user(Role.CASHIER),
                    method=method,
                    amount=Decimal("1.00"),
                    currency="THB",
                    idempotency_key=f"pay-{method}",
                )
            assert list(refused.value.errors) == ["method"]
        paid = payment_record(
            invoice=invoice,
            actor=a.user(Role.CASHIER),
            method="promptpay",
            amount=Decimal("1.00"),
            currency="THB",
            idempotency_key="pay-pp",
        )
        assert paid.method == "promptpay"


def test_payment_endpoint_answers_400_method_for_pix_in_bangkok(api, world):
    a = world.a
    with clinic_context(a.clinic):
        sale, _created = sale_checkout(
            clinic=a.clinic,
            actor=a.user(Role.CASHIER),
            patient=a.patient,
            lines=[CartLine(item=a.service)],
            payments=[PaymentInput(method="cash", amount=Decimal("1.00"))],
            idempotency_key="part",
        )
        invoice = Invoice.objects.get(sale=sale)
    response = api(a.user(Role.CASHIER), a.clinic).post(
        f"/api/v1/commerce/invoices/{invoice.pk}/payments",
        {"idempotency_key": "p", "method": "pix", "amount": "1.00", "currency": "THB"},
        format="json",
    )
    assert response.status_code == 400 and _fields(response) == ["method"]


# QR ---------------------------------------------------------------------------------


def test_promptpay_qr_of_an_amount_in_bangkok(api, world):
    a = world.a
    owner, cashier = api(a.user(Role.OWNER), a.clinic), api(a.user(Role.CASHIER), a.clinic)
    unset = cashier.post(QR, {"method": "promptpay", "amount": "1500.00"}, format="json")
    assert unset.status_code == 400 and _fields(unset) == ["method"]
    assert owner.patch(SETTINGS, {"promptpay_id": "0812345678"}, format="json").status_code == 200
    response = cashier.post(QR, {"method": "promptpay", "amount": "1500.00"}, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["amount"], body["currency"], body["reference"]) == ("1500.00", "THB", "")
    assert body["payload"] == (
        "00020101021229370016A000000677010111011300668123456785802TH53037645407"
        "1500.006304" + crc16(body["payload"][:-4])
    )
    assert body["payload"].startswith("00020101021229370016A0000006770101110113006681234567858")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"method": "pix", "amount": "10.00"}, "method"),  # not accepted in Bangkok
        ({"method": "cash", "amount": "10.00"}, "method"),  # not a QR method
        ({"method": "promptpay", "amount": "0"}, "amount"),
        ({"method": "promptpay", "amount": "10.005"}, "amount"),
        ({"method": "promptpay", "amount": "lots"}, "amount"),
        ({"method": "bitcoin", "amount": "10.00"}, "method"),
    ],
)
def test_bad_qr_requests_are_400_naming_the_field(api, world, body, field):
    with clinic_context(world.a.clinic):
        payment_settings_update(clinic=world.a.clinic, actor=world.a.user(), promptpay_id="0812345678")
    response = api(world.a.user(Role.CASHIER), world.a.clinic).post(QR, body, format="json")
    assert response.status_code == 400, response.content
    assert _fields(response) == [field]


def test_pix_qr_in_sao_paulo_carries_key_amount_city_and_a_transaction_id(world):
    b = world.b
    with clinic_context(b.clinic):
        payment_settings_update(
            clinic=b.clinic, actor=b.user(), pix_key="caixa@clinica.com.br", merchant_city="São Paulo"
        )
        qr = payment_qr(clinic=b.clinic, method="pix", amount=Decimal("250.00"))
        again = payment_qr(clinic=b.clinic, method="pix", amount=Decimal("250.00"), reference="INV000042")
        with pytest.raises(ValidationFailed) as refused:
            payment_qr(clinic=b.clinic, method="promptpay", amount=Decimal("250.00"))
    assert list(refused.value.errors) == ["method"]
    assert len(qr.reference) == 25 and qr.reference.isalnum()
    assert "0014br.gov.bcb.pix0120caixa@clinica.com.br" in qr.payload
    assert "5303986540625" + "0.005802BR" in qr.payload
    assert "6009Sao Paulo" in qr.payload
    assert f"62290525{qr.reference}6304" in qr.payload
    assert qr.payload[-4:] == crc16(qr.payload[:-4])
    assert again.reference == "INV000042" and "62130509INV0000426304" in again.payload
