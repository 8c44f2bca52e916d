"""Payment QR payloads of the EMVCo merchant-presented mode (EMV QRCPS-MPM 1.1): the
Brazilian Pix BR Code and the Thai PromptPay QR. Pure functions, no database.

A payload is a string of TLV data objects: a two-digit tag, a two-digit length (in
characters) and the value, ending with the CRC data object ``63`` whose value is the
CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF) of everything before it,
including ``6304`` itself, as four upper-case hex digits (EMV QRCPS-MPM §4.7.3).

Sources: Banco Central do Brasil, *Manual de Padrões para Iniciação do Pix* (BR Code:
merchant account information tag 26 with GUI ``br.gov.bcb.pix``, key in sub-tag 01,
transaction id in sub-tag 05 of tag 62, ``***`` when none); Bank of Thailand, *Thai QR
Code Payment Standard* (PromptPay credit transfer: tag 29 with AID
``A000000677010111``, a mobile number in sub-tag 01 as ``0066`` + the nine digits after
the leading 0, a national or tax ID in sub-tag 02; point of initiation ``12`` when the
amount is fixed).
"""

from __future__ import annotations

import binascii
import re
import unicodedata
from decimal import Decimal

PIX_GUI = "br.gov.bcb.pix"
PROMPTPAY_AID = "A000000677010111"
TXID = re.compile(r"^[A-Za-z0-9]{1,25}$")


class EmvError(ValueError):
    """A value that cannot go into a payload (too long, not positive, malformed)."""


def tlv(tag: str, value: str) -> str:
    """One data object: ``tag`` (two digits) + length (two digits) + ``value``."""
    if not (len(tag) == 2 and tag.isdigit()):
        raise EmvError(f"Tag {tag!r} is not two digits.")
    if not 0 < len(value) <= 99:
        raise EmvError(f"Value of tag {tag} is {len(value)} characters; 1 to 99 fit.")
    return f"{tag}{len(value):02d}{value}"


def crc16(data: str) -> str:
    """CRC-16/CCITT-FALSE of ``data`` (UTF-8) as four upper-case hex digits."""
    return f"{binascii.crc_hqx(data.encode('utf-8'), 0xFFFF):04X}"


def _with_crc(body: str) -> str:
    head = body + "6304"
    return head + crc16(head)


def amount_text(amount: Decimal) -> str:
    """Tag 54's value: the amount with two decimals and a dot (``"1500.00"``)."""
    if not amount.is_finite() or amount <= 0:
        raise EmvError("The amount must be greater than zero.")
    text = f"{amount.quantize(Decimal('0.01')):f}"
    if len(text) > 13:
        raise EmvError("The amount has more than 13 characters.")
    return text


def plain_text(text: str, limit: int) -> str:
    """``text`` for a name or city data object: accents removed, printable ASCII only
    (banking apps differ on anything else), cut to ``limit`` characters."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    printable = "".join(ch for ch in folded if " " <= ch <= "~")
    return " ".join(printable.split())[:limit].strip()


def pix_payload(
    *, key: str, merchant_name: str, merchant_city: str, amount: Decimal | None = None, txid: str = "***"
) -> str:
    """A static Pix BR Code paying ``amount`` (BRL; none: the payer types it) to ``key``
    (a CPF/CNPJ as digits, e-mail, ``+55…`` phone or random-key UUID), labelled with the
    merchant's name (≤ 25 characters) and city (≤ 15). ``txid`` is 1 to 25 letters and
    digits, or ``***`` for none. Raises ``EmvError``."""
    if txid != "***" and not TXID.match(txid):
        raise EmvError("The transaction id is 1 to 25 letters and digits.")
    name, city = plain_text(merchant_name, 25), plain_text(merchant_city, 15)
    if not name or not city:
        raise EmvError("A merchant name and city are required.")
    account = tlv("00", PIX_GUI) + tlv("01", key)
    body = (
        tlv("00", "01")
        + tlv("26", account)
        + tlv("52", "0000")
        + tlv("53", "986")
        + (tlv("54", amount_text(amount)) if amount is not None else "")
        + tlv("58", "BR")
        + tlv("59", name)
        + tlv("60", city)
        + tlv("62", tlv("05", txid))
    )
    return _with_crc(body)


def promptpay_payload(*, proxy: str, amount: Decimal | None = None) -> str:
    """A PromptPay QR paying ``amount`` (THB; none: the payer types it) to ``proxy``: a
    Thai mobile number as ten digits (``0812345678``) or a 13-digit national/tax ID.
    Raises ``EmvError``."""
    if re.fullmatch(r"0\d{9}", proxy):
        account = tlv("00", PROMPTPAY_AID) + tlv("01", "0066" + proxy[1:])
    elif re.fullmatch(r"\d{13}", proxy):
        account = tlv("00", PROMPTPAY_AID) + tlv("02", proxy)
    else:
        raise EmvError("A PromptPay ID is a ten-digit mobile number or a 13-digit ID.")
    body = (
        tlv("00", "01")
        + tlv("01", "11" if amount is None else "12")
        + tlv("29", account)
        + tlv("58", "TH")
        + tlv("53", "764")
        + (tlv("54", amount_text(amount)) if amount is not None else "")
    )
    return _with_crc(body)
