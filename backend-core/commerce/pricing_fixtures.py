"""Carts priced by ``commerce.pricing``, written as JSON for the POS's TypeScript mirror.

The front end (``frontend-remote-pos/src/pricing``) re-prices every cart of this fixture
and must reach the same amounts to the minor unit; ``manage.py pricing_fixtures`` writes
the file and a test fails when the committed copy is stale. Carts are drawn from a fixed
seed so the file only changes when the rules or the cases do.

Shape: ``{"cases": [{"name", "currency", "currency_digits", "tax_inclusive", "cart_discount", "lines":
[{"unit_price", "quantity", "line_discount", "tax_rate"}], "expected": {"subtotal",
"discount_total", "tax_total", "total", "lines": [{"gross", "line_discount",
"cart_discount_share", "net", "tax", "total"}]}}]}``, every amount a decimal string.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from typing import Any

from django.conf import settings

from commerce.pricing import LineInput, currency_digits, minor_unit, price_cart

FIXTURE_PATH = settings.REPO_DIR / "frontend-remote-pos" / "src" / "pricing" / "pricing-fixtures.json"
SEED = 20261121
CURRENCIES = ("THB", "BRL", "SAR", "JPY", "KWD")
RATES = (Decimal("0"), Decimal("7"), Decimal("5.00"), Decimal("15"), Decimal("2.5"), Decimal("9.25"))

# Cases chosen by hand for the rules most easily mirrored wrongly.
HAND_PICKED: list[dict[str, Any]] = [
    {  # three equal lines share 10.00: one minor unit left over, goes to the first line
        "name": "remainder-tie-goes-to-earlier-line",
        "currency": "THB",
        "tax_inclusive": False,
        "cart_discount": "10.00",
        "lines": [("10.00", "1", "0", "7")] * 3,
    },
    {  # half-up of a tax exactly on the half minor unit
        "name": "half-up-tax",
        "currency": "BRL",
        "tax_inclusive": False,
        "cart_discount": "0",
        "lines": [("0.10", "1", "0", "5")],
    },
    {  # 0-digit currency: inclusive tax rounded to whole yen
        "name": "jpy-inclusive",
        "currency": "JPY",
        "tax_inclusive": True,
        "cart_discount": "7",
        "lines": [("1099", "3", "50", "10"), ("333", "1", "0", "8")],
    },
    {  # 3-digit currency with a fractional quantity
        "name": "kwd-fractional-quantity",
        "currency": "KWD",
        "tax_inclusive": False,
        "cart_discount": "0.005",
        "lines": [("12.345", "1.5", "0.001", "5"), ("0.999", "2", "0", "0")],
    },
    {  # the whole cart given away
        "name": "full-cart-discount",
        "currency": "SAR",
        "tax_inclusive": True,
        "cart_discount": "230.00",
        "lines": [("115.00", "2", "0", "15")],
    },
]


def _random_case(rng: random.Random, index: int) -> dict[str, Any]:
    currency = rng.choice(CURRENCIES)
    unit = minor_unit(currency)
    lines = []
    for _ in range(rng.randint(1, 6)):
        price = (Decimal(rng.randint(0, 2_000_000)) * unit).quantize(unit)
        quantity = rng.choice(
            [Decimal(1), Decimal(2), Decimal(3), Decimal("0.5"), Decimal("1.25"), Decimal(7)]
        )
        gross_max = (price * quantity).quantize(unit)
        discount = Decimal(0) if rng.random() < 0.5 else (gross_max * Decimal(rng.randint(0, 40)) / 100)
        lines.append(
            (str(price), str(quantity), str(discount.quantize(unit, "ROUND_DOWN")), str(rng.choice(RATES)))
        )
    return {
        "name": f"random-{index:03d}",
        "currency": currency,
        "tax_inclusive": rng.random() < 0.5,
        "cart_discount": "0",
        "lines": lines,
        "cart_share": rng.choice([0, 0, 1, 3, 10, 33, 100]),
    }


def _priced(case: dict[str, Any]) -> dict[str, Any]:
    currency = case["currency"]
    unit = minor_unit(currency)
    inputs = [
        LineInput(unit_price=Decimal(p), quantity=Decimal(q), line_discount=Decimal(d), tax_rate=Decimal(r))
        for p, q, d, r in case["lines"]
    ]
    cart_discount = Decimal(case["cart_discount"])
    if "cart_share" in case:  # a percent of the cart's base, as a whole number of minor units
        base = price_cart(inputs, currency=currency, tax_inclusive=case["tax_inclusive"]).lines
        room = sum((line.gross - line.line_discount for line in base), Decimal(0))
        cart_discount = (room * case["cart_share"] / 100).quantize(unit, "ROUND_DOWN")
    amounts = price_cart(
        inputs, currency=currency, cart_discount=cart_discount, tax_inclusive=case["tax_inclusive"]
    )
    return {
        "name": case["name"],
        "currency": currency,
        "currency_digits": currency_digits(currency),
        "tax_inclusive": case["tax_inclusive"],
        "cart_discount": str(cart_discount),
        "lines": [
            {"unit_price": p, "quantity": q, "line_discount": d, "tax_rate": r}
            for p, q, d, r in case["lines"]
        ],
        "expected": {
            "subtotal": str(amounts.subtotal),
            "discount_total": str(amounts.discount_total),
            "tax_total": str(amounts.tax_total),
            "total": str(amounts.total),
            "lines": [
                {
                    "gross": str(line.gross),
                    "line_discount": str(line.line_discount),
                    "cart_discount_share": str(line.cart_discount_share),
                    "net": str(line.net),
                    "tax": str(line.tax),
                    "total": str(line.total),
                }
                for line in amounts.lines
            ],
        },
    }


def pricing_fixtures(random_cases: int = 60) -> str:
    """The fixture file's text (JSON, 2-space indent, trailing newline)."""
    rng = random.Random(SEED)  # noqa: S311 - reproducible test data, not security
    cases = HAND_PICKED + [_random_case(rng, i) for i in range(random_cases)]
    return json.dumps({"cases": [_priced(case) for case in cases]}, indent=2) + "\n"
