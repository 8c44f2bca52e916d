import { describe, expect, it } from 'vitest'
import fixtures from './pricing-fixtures.json'
import { allocate, Dec, moneyString, priceCart, PricingError } from './pricing'

describe('pricing mirrors commerce.pricing', () => {
  it.each(fixtures.cases.map((c) => [c.name, c] as const))('%s: same amounts to the minor unit', (_name, c) => {
    const digits = c.currency_digits
    const amounts = priceCart(
      c.lines.map((l) => ({
        unitPrice: new Dec(l.unit_price),
        quantity: new Dec(l.quantity),
        lineDiscount: new Dec(l.line_discount),
        taxRate: new Dec(l.tax_rate),
      })),
      { digits, cartDiscount: new Dec(c.cart_discount), taxInclusive: c.tax_inclusive },
    )
    const m = (d: Dec) => moneyString(d, digits)
    expect({
      subtotal: m(amounts.subtotal),
      discount_total: m(amounts.discountTotal),
      tax_total: m(amounts.taxTotal),
      total: m(amounts.total),
      lines: amounts.lines.map((a) => ({
        gross: m(a.gross),
        line_discount: m(a.lineDiscount),
        cart_discount_share: m(a.cartDiscountShare),
        net: m(a.net),
        tax: m(a.tax),
        total: m(a.total),
      })),
    }).toEqual(c.expected)
  })

  it('covers 0, 2 and 3 minor digits, both tax modes and a remainder', () => {
    expect(new Set(fixtures.cases.map((c) => c.currency_digits))).toEqual(new Set([0, 2, 3]))
    expect(new Set(fixtures.cases.map((c) => c.tax_inclusive))).toEqual(new Set([true, false]))
  })

  it('gives the left-over minor unit to the earlier of equal lines', () => {
    const shares = allocate(new Dec('10.00'), [new Dec(10), new Dec(10), new Dec(10)], 2)
    expect(shares.map((s) => s.toFixed(2))).toEqual(['3.34', '3.33', '3.33'])
  })

  it('refuses what the server refuses, naming the field', () => {
    const line = { unitPrice: new Dec(10), quantity: new Dec(1), lineDiscount: new Dec(11), taxRate: new Dec(0) }
    expect(() => priceCart([line], { digits: 2, taxInclusive: false })).toThrow(PricingError)
    try {
      priceCart([{ ...line, lineDiscount: new Dec(0) }], { digits: 2, cartDiscount: new Dec('0.001'), taxInclusive: false })
    } catch (error) {
      expect((error as PricingError).field).toBe('cart_discount')
      return
    }
    throw new Error('a cart discount finer than the minor unit must be refused')
  })
})
