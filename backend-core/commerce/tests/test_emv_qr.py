"""The QR payload encoder against payloads published by their schemes' references: the
static BR Code example of the Banco Central's Pix manual, and the PromptPay payloads of
the reference generator's test suite (mobile, national ID, tax ID, amount)."""

from decimal import Decimal

import pytest

from commerce.emv_qr import EmvError, crc16, pix_payload, plain_text, promptpay_payload, tlv


def _objects(payload: str) -> dict[str, str]:
    """Top-level TLV data objects of a payload (a reader's view, to check structure)."""
    found, at = {}, 0
    while at < len(payload):
        tag, length = payload[at : at + 2], int(payload[at + 2 : at + 4])
        found[tag] = payload[at + 4 : at + 4 + length]
        at += 4 + length
    assert at == len(payload)
    return found


def test_pix_reproduces_the_central_bank_manual_example():
    payload = pix_payload(
        key="123e4567-e12b-12d1-a456-426655440000", merchant_name="Fulano de Tal", merchant_city="BRASILIA"
    )
    assert payload == (
        "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
        "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D"
    )


@pytest.mark.parametrize(
    ("proxy", "amount", "expected"),
    [
        ("0801234567", None, "00020101021129370016A000000677010111011300668012345675802TH530376463046197"),
        ("0891234567", None, "00020101021129370016A000000677010111011300668912345675802TH5303764630429C1"),
        ("1111111111111", None, "00020101021129370016A000000677010111021311111111111115802TH530376463047B5A"),
        ("0123456789012", None, "00020101021129370016A000000677010111021301234567890125802TH530376463040CBD"),
        (
            "0000000000",
            Decimal("4.22"),
            "00020101021229370016A000000677010111011300660000000005802TH530376454044.226304E469",
        ),
    ],
)
def test_promptpay_reproduces_published_payloads(proxy, amount, expected):
    assert promptpay_payload(proxy=proxy, amount=amount) == expected


def test_pix_with_amount_and_txid_has_the_fields_in_order_and_a_valid_crc():
    payload = pix_payload(
        key="11222333000181",
        merchant_name="Lumière São Paulo (Jardins) Clínica",
        merchant_city="São Paulo",
        amount=Decimal("1250.5"),
        txid="S000123ABC",
    )
    objects = _objects(payload)
    assert list(objects) == ["00", "26", "52", "53", "54", "58", "59", "60", "62", "63"]
    assert objects["26"] == "0014br.gov.bcb.pix011411222333000181"
    assert objects["54"] == "1250.50"
    assert objects["59"] == "Lumiere Sao Paulo (Jardin"  # accents folded, cut at 25
    assert objects["60"] == "Sao Paulo"
    assert objects["62"] == "0510S000123ABC"
    assert objects["63"] == crc16(payload[:-4])


def test_changing_one_character_changes_the_crc():
    payload = promptpay_payload(proxy="0812345678", amount=Decimal("100.00"))
    assert crc16(payload[:-4].replace("100.00", "900.00")) != payload[-4:]


@pytest.mark.parametrize(
    "call",
    [
        lambda: promptpay_payload(proxy="12345", amount=Decimal(1)),
        lambda: promptpay_payload(proxy="0812345678", amount=Decimal(0)),
        lambda: promptpay_payload(proxy="0812345678", amount=Decimal("12345678901.00")),
        lambda: pix_payload(key="k", merchant_name="A", merchant_city="B", txid="not valid!"),
        lambda: pix_payload(key="k", merchant_name="مركز", merchant_city="B"),
        lambda: tlv("1", "x"),
        lambda: tlv("01", "x" * 100),
    ],
)
def test_values_that_do_not_fit_are_refused(call):
    with pytest.raises(EmvError):
        call()


def test_plain_text_folds_accents_and_spaces():
    assert plain_text("  Clínica   Ação\n", 15) == "Clinica Acao"
