"""Property tests of the money rules in ``commerce.pricing`` (the front end mirrors them)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commerce.pricing import (
    LineInput,
    PricingError,
    allocate,
    line_portion,
    minor_unit,
    price_cart,
    round_money,
)

CURRENCIES = st.sampled_from(["THB", "BRL", "SAR", "JPY", "KWD"])
RATES = st.sampled_from([Decimal(0), Decimal(5), Decimal(7), Decimal(15), Decimal("7.5")])


@st.composite
def carts(draw):
    currency = draw(CURRENCIES)
    unit = minor_unit(currency)
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        price = Decimal(draw(st.integers(0, 5_000_000))) * unit
        quantity = Decimal(draw(st.integers(1, 3000))) / Decimal(draw(st.sampled_from([1, 10, 1000])))
        gross = round_money(price * quantity, currency)
        discount = Decimal(draw(st.integers(0, int(gross / unit)))) * unit
        lines.append(
            LineInput(unit_price=price, quantity=quantity, line_discount=discount, tax_rate=draw(RATES))
        )
    base = sum(
        (round_money(x.unit_price * x.quantity, currency) - x.line_discount for x in lines), Decimal(0)
    )
    cart_discount = Decimal(draw(st.integers(0, int(base / unit)))) * unit
    return currency, lines, cart_discount, draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(carts())
def test_cart_totals_never_drift_by_a_minor_unit(cart):
    currency, lines, cart_discount, inclusive = cart
    unit = minor_unit(currency)
    result = price_cart(lines, currency=currency, cart_discount=cart_discount, tax_inclusive=inclusive)
    amounts = [result.subtotal, result.discount_total, result.tax_total, result.total]
    for line in result.lines:
        amounts += [line.gross, line.cart_discount_share, line.net, line.tax, line.total]
        assert line.total == line.net + line.tax
        assert 0 <= line.cart_discount_share <= line.gross - line.line_discount
        assert line.net >= 0 and line.tax >= 0
    assert all(a == a.quantize(unit) for a in amounts)
    assert sum(line.cart_discount_share for line in result.lines) == cart_discount
    expected = result.subtotal - result.discount_total + (0 if inclusive else result.tax_total)
    assert result.total == expected
    assert result.total == sum(line.net + line.tax for line in result.lines)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 10**9),
    st.lists(st.integers(0, 10**7), min_size=1, max_size=8).filter(lambda w: sum(w) > 0),
    CURRENCIES,
)
def test_allocation_sums_exactly_and_never_exceeds_a_weight(cents, weights, currency):
    unit = minor_unit(currency)
    weights = [Decimal(w) * unit for w in weights]
    amount = min(Decimal(cents) * unit, sum(weights))
    shares = allocate(amount, weights, currency)
    assert sum(shares) == amount
    assert all(0 <= s <= w for s, w in zip(shares, weights, strict=True))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 10**8),
    st.integers(0, 10**6),
    st.lists(st.integers(1, 5), min_size=1, max_size=6),
    CURRENCIES,
)
def test_refund_portions_of_a_line_add_up_to_the_line(total_units, tax_units, pieces, currency):
    unit = minor_unit(currency)
    total, tax = Decimal(total_units) * unit, Decimal(min(tax_units, total_units)) * unit
    quantity = Decimal(sum(pieces))
    done, refunded, refunded_tax = Decimal(0), Decimal(0), Decimal(0)
    for piece in pieces:
        amount, piece_tax = line_portion(
            total=total,
            tax=tax,
            quantity=Decimal(piece),
            line_quantity=quantity,
            already=done,
            currency=currency,
        )
        done += piece
        refunded += amount
        refunded_tax += piece_tax
    assert (refunded, refunded_tax) == (total, tax)


def test_the_documented_examples():
    # Half-up to the minor unit, tax per line, exclusive.
    cart = price_cart(
        [LineInput(unit_price=Decimal("0.05"), quantity=Decimal(1), tax_rate=Decimal(7))],
        currency="THB",
        tax_inclusive=False,
    )
    assert cart.lines[0].tax == Decimal("0.00") and cart.total == Decimal("0.05")
    inclusive = price_cart(
        [LineInput(unit_price=Decimal("107.00"), quantity=Decimal(1), tax_rate=Decimal(7))],
        currency="THB",
        tax_inclusive=True,
    )
    assert (inclusive.lines[0].net, inclusive.lines[0].tax, inclusive.total) == (
        Decimal("100.00"),
        Decimal("7.00"),
        Decimal("107.00"),
    )
    # The leftover cent of a cart discount goes to the largest remainder, ties to the first line.
    assert allocate(Decimal("1.00"), [Decimal(1), Decimal(1), Decimal(1)], "THB") == [
        Decimal("0.34"),
        Decimal("0.33"),
        Decimal("0.33"),
    ]
    assert allocate(Decimal(100), [Decimal(1), Decimal(2)], "JPY") == [Decimal(33), Decimal(67)]


@pytest.mark.parametrize(
    ("line", "cart_discount", "field"),
    [
        (LineInput(unit_price=Decimal(10), quantity=Decimal(0)), Decimal(0), "lines.0.quantity"),
        (LineInput(unit_price=Decimal(-1), quantity=Decimal(1)), Decimal(0), "lines.0.unit_price"),
        (
            LineInput(unit_price=Decimal(10), quantity=Decimal(1), line_discount=Decimal(11)),
            0,
            "lines.0.line_discount",
        ),
        (
            LineInput(unit_price=Decimal(10), quantity=Decimal(1), line_discount=Decimal("0.001")),
            0,
            "lines.0.line_discount",
        ),
        (LineInput(unit_price=Decimal(10), quantity=Decimal(1)), Decimal("10.01"), "cart_discount"),
    ],
)
def test_out_of_range_amounts_name_their_field(line, cart_discount, field):
    with pytest.raises(PricingError) as error:
        price_cart([line], currency="THB", cart_discount=Decimal(cart_discount), tax_inclusive=False)
    assert error.value.field == field
