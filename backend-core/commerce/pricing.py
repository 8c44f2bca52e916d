"""Money arithmetic of the POS: one pure module, mirrored exactly by the front end.

All amounts are ``Decimal`` in one ISO 4217 currency; nothing here touches floats.

Rules, in order, for a cart of lines ``(unit_price, quantity, line_discount, tax_rate)``:

1. **Minor unit.** Every amount is rounded ROUND_HALF_UP (half away from zero) to the
   currency's minor unit (ISO 4217 exponent, from CLDR via Babel: 2 for THB, BRL, SAR,
   USD; 0 for JPY; 3 for KWD).
2. **Gross.** ``gross = round(unit_price * quantity)``.
3. **Line discount** is an amount, ``0 ≤ line_discount ≤ gross``;
   ``base = gross - line_discount``.
4. **Cart discount** is an amount, ``0 ≤ cart_discount ≤ Σ base``, allocated to lines in
   proportion to ``base`` by the largest-remainder method: each line first gets
   ``floor(cart_discount * base / Σ base)`` to the minor unit; the minor units left over
   (fewer than the number of lines) go one each to the lines with the largest
   discarded remainders, ties to the earlier line. Shares sum exactly to the cart
   discount and no share exceeds its line's base.
5. **Discounted amount** ``d = base - cart_discount_share``.
6. **Tax per line** with the line's rate ``r`` (percent):
   * exclusive prices: ``tax = round(d * r / 100)``, ``net = d``, ``total = d + tax``;
   * inclusive prices: ``tax = round(d * r / (100 + r))``, ``net = d - tax``,
     ``total = d``.
   Tax is rounded per line, not on the cart total.
7. **Cart totals** are sums of line values: ``subtotal = Σ gross``, ``discount_total =
   Σ (line_discount + cart_discount_share)``, ``tax_total = Σ tax``, ``total = Σ total``.
   So ``total = subtotal - discount_total + (tax_total if exclusive else 0)``, exactly.

``net`` (after every discount, excluding tax) is the basis of revenue and commissions.

Refund of part of a line (:func:`line_portion`): after ``k`` of ``Q`` units were refunded,
refunding ``q`` more gives ``round(total * (k+q)/Q) - round(total * k/Q)`` (same for the
tax), so the portions of a line always sum exactly to the line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from babel.numbers import format_currency, get_currency_precision

HUNDRED = Decimal(100)


def currency_digits(currency: str) -> int:
    """The currency's ISO 4217 exponent (digits after the decimal point), from CLDR."""
    return int(get_currency_precision(currency))


def minor_unit(currency: str) -> Decimal:
    """The currency's smallest amount as an exponent ``Decimal`` (``Decimal("0.01")``)."""
    return Decimal(1).scaleb(-currency_digits(currency))


def round_money(amount: Decimal, currency: str) -> Decimal:
    """ROUND_HALF_UP to the currency's minor unit."""
    return amount.quantize(minor_unit(currency), rounding=ROUND_HALF_UP)


def money_format(amount: Decimal, currency: str, language: str) -> str:
    """``amount`` as a reader of ``language`` writes it (``฿1,234.50``, ``R$ 1.234,50``)."""
    return str(format_currency(amount, currency, locale=language.replace("-", "_")))


@dataclass(frozen=True)
class LineInput:
    unit_price: Decimal
    quantity: Decimal
    line_discount: Decimal = Decimal(0)
    tax_rate: Decimal = Decimal(0)


@dataclass(frozen=True)
class LineAmounts:
    gross: Decimal
    line_discount: Decimal
    cart_discount_share: Decimal
    net: Decimal
    tax: Decimal
    total: Decimal


@dataclass(frozen=True)
class CartAmounts:
    lines: tuple[LineAmounts, ...]
    subtotal: Decimal
    discount_total: Decimal
    tax_total: Decimal
    total: Decimal


class PricingError(ValueError):
    """An amount outside its allowed range; ``field`` names it (``lines.2.line_discount``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def allocate(amount: Decimal, weights: Sequence[Decimal], currency: str) -> list[Decimal]:
    """Split ``amount`` over ``weights`` by the largest-remainder rule (module rule 4)."""
    unit = minor_unit(currency)
    total_weight = sum(weights, Decimal(0))
    if amount == 0 or total_weight == 0:
        return [Decimal(0).quantize(unit) for _ in weights]
    exact = [amount * w / total_weight for w in weights]
    shares = [e.quantize(unit, rounding=ROUND_DOWN) for e in exact]
    left = int(((amount - sum(shares, Decimal(0))) / unit).to_integral_value())
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += unit
    return shares


def price_cart(
    lines: Sequence[LineInput], *, currency: str, cart_discount: Decimal = Decimal(0), tax_inclusive: bool
) -> CartAmounts:
    """Apply the module rules; raises ``PricingError`` for a negative or excessive
    discount, a negative price or a non-positive quantity."""
    unit = minor_unit(currency)
    bases: list[Decimal] = []
    grosses: list[Decimal] = []
    for index, line in enumerate(lines):
        if line.quantity <= 0:
            raise PricingError(f"lines.{index}.quantity", "must be greater than zero")
        if line.unit_price < 0:
            raise PricingError(f"lines.{index}.unit_price", "must not be negative")
        if line.tax_rate < 0:
            raise PricingError(f"lines.{index}.tax_rate", "must not be negative")
        gross = round_money(line.unit_price * line.quantity, currency)
        discount = line.line_discount
        if discount < 0 or discount > gross or discount != discount.quantize(unit):
            raise PricingError(
                f"lines.{index}.line_discount", f"must be between 0 and {gross} in whole minor units"
            )
        grosses.append(gross)
        bases.append(gross - discount)
    if (
        cart_discount < 0
        or cart_discount > sum(bases, Decimal(0))
        or cart_discount != cart_discount.quantize(unit)
    ):
        raise PricingError(
            "cart_discount", f"must be between 0 and {sum(bases, Decimal(0))} in whole minor units"
        )
    shares = allocate(cart_discount, bases, currency)
    out: list[LineAmounts] = []
    for line, gross, base, share in zip(lines, grosses, bases, shares, strict=True):
        discounted = base - share
        if tax_inclusive:
            tax = round_money(discounted * line.tax_rate / (HUNDRED + line.tax_rate), currency)
            net, total = discounted - tax, discounted
        else:
            tax = round_money(discounted * line.tax_rate / HUNDRED, currency)
            net, total = discounted, discounted + tax
        out.append(
            LineAmounts(
                gross=gross,
                line_discount=line.line_discount.quantize(unit),
                cart_discount_share=share,
                net=net,
                tax=tax,
                total=total,
            )
        )
    zero = Decimal(0).quantize(unit)
    return CartAmounts(
        lines=tuple(out),
        subtotal=sum((a.gross for a in out), zero),
        discount_total=sum((a.line_discount + a.cart_discount_share for a in out), zero),
        tax_total=sum((a.tax for a in out), zero),
        total=sum((a.total for a in out), zero),
    )


def line_portion(
    *,
    total: Decimal,
    tax: Decimal,
    quantity: Decimal,
    line_quantity: Decimal,
    already: Decimal,
    currency: str,
) -> tuple[Decimal, Decimal]:
    """``(amount, tax)`` of ``quantity`` more of a line of ``line_quantity`` whose
    ``total`` and ``tax`` are given, after ``already`` of its quantity was portioned
    (module rule on refunds)."""

    def upto(value: Decimal, done: Decimal) -> Decimal:
        return round_money(value * min(done, line_quantity) / line_quantity, currency)

    end = already + quantity
    return upto(total, end) - upto(total, already), upto(tax, end) - upto(tax, already)
