import { describe, expect, it } from 'vitest'
import { acceptedMethods, cartPrice, creditShares, isQrMethod, itemsFiltered, paymentsBody, quoteBody } from './cart'
import type { CartLine, CatalogItem, TaxSettings } from './cart'

const settings: TaxSettings = {
  currency: 'THB',
  currency_digits: 2,
  tax_label: 'VAT',
  tax_inclusive: true,
  service_tax_rate: '7.00',
  product_tax_rate: '7.00',
  course_tax_rate: '0.00',
  walk_in_retail: false,
  payment_methods: ['cash', 'card', 'promptpay', 'bank_transfer'],
}
const botox: CatalogItem = { kind: 'service', id: 's1', name: 'Botox forehead', category: 'neurotoxin', price: '8500.00', currency: 'THB' }
const serum: CatalogItem = { kind: 'product', id: 'p1', name: 'Vitamin C serum', category: 'retail', price: '1290.00', currency: 'THB' }
const course: CatalogItem = { kind: 'course', id: 'c1', name: 'HIFU x3', category: 'course', price: '30000.00', currency: 'THB' }
const line = (item: CatalogItem, extra: Partial<CartLine> = {}): CartLine => ({
  key: item.id, item, quantity: '1', lineDiscount: '0', practitioners: [], ...extra,
})

describe('the cart', () => {
  it('filters the grid by kind and by text in name or category', () => {
    const items = [botox, serum, course]
    expect(itemsFiltered(items, '', 'product')).toEqual([serum])
    expect(itemsFiltered(items, 'NEURO', 'all')).toEqual([botox])
    expect(itemsFiltered(items, 'hifu', 'service')).toEqual([])
  })

  it('prices with the tax rate of each kind, inclusive, to the satang', () => {
    const priced = cartPrice([line(botox), line(serum, { quantity: '2' }), line(course)], '100.00', settings)
    if (!('amounts' in priced)) throw new Error(priced.field)
    // 8500 + 2580 + 30000 = 41080; 100 spread by base; VAT 7 % inside services and products only
    // (the amounts price_cart returns for the same cart).
    expect(priced.amounts.subtotal.toFixed(2)).toBe('41080.00')
    expect(priced.amounts.lines.map((l) => l.cartDiscountShare.toFixed(2))).toEqual(['20.69', '6.28', '73.03'])
    expect(priced.amounts.total.toFixed(2)).toBe('40980.00')
    expect(priced.amounts.taxTotal.toFixed(2)).toBe('723.09') // commerce.pricing gives the same
  })

  it('names the field the server would refuse instead of pricing', () => {
    expect(cartPrice([line(botox, { quantity: 'two' })], '0', settings)).toEqual({ field: 'lines.0.quantity' })
    expect(cartPrice([line(botox, { lineDiscount: '9000' })], '0', settings)).toEqual({ field: 'lines.0.line_discount' })
    expect(cartPrice([line(botox)], '0.001', settings)).toEqual({ field: 'cart_discount' })
  })

  it('shares a line among practitioners so the shares add up to exactly 100', () => {
    expect(creditShares(['a', 'b', 'c'])).toEqual([
      { practitioner_id: 'a', share: '33.34' },
      { practitioner_id: 'b', share: '33.33' },
      { practitioner_id: 'c', share: '33.33' },
    ])
  })

  it('sends decimal strings in the minor unit and drops empty payments', () => {
    const body = quoteBody([line(botox, { lineDiscount: '500', practitioners: ['d1'] })], '', 'pat-1', 2)
    expect(body).toEqual({
      patient_id: 'pat-1',
      cart_discount: '0.00',
      lines: [{ kind: 'service', item_id: 's1', quantity: '1', line_discount: '500.00', credits: [{ practitioner_id: 'd1', share: '100.00' }] }],
    })
    expect(
      paymentsBody(
        [
          { method: 'cash', amount: '1000', reference: '' },
          { method: 'pix', amount: '', reference: '' },
          { method: 'promptpay', amount: '7500.5', reference: ' PP-1 ' },
        ],
        2,
      ),
    ).toEqual([
      { method: 'cash', amount: '1000.00', provider_reference: '' },
      { method: 'promptpay', amount: '7500.50', provider_reference: 'PP-1' },
    ])
  })
})

describe('accepted payment methods', () => {
  it('are the clinic\'s, in its order, and cash alone before the settings load', () => {
    expect(acceptedMethods(settings)).toEqual(['cash', 'card', 'promptpay', 'bank_transfer'])
    expect(acceptedMethods({ ...settings, payment_methods: ['pix', 'cash'] })).toEqual(['pix', 'cash'])
    expect(acceptedMethods(null)).toEqual(['cash'])
  })

  it('PromptPay and Pix are paid by QR code, the others are not', () => {
    expect(['cash', 'card', 'bank_transfer', 'promptpay', 'pix'].filter((m) => isQrMethod(m as never))).toEqual(['promptpay', 'pix'])
  })
})
