import { describe, expect, it } from 'vitest'
import { orderLinePrefill, packRounded, productsOfLots, transferableLots, transferQuantityProblem } from './transfer'

const lot = (id: string, product: string, expiry: string, onHand: string) => ({
  id,
  product,
  product_name: product === 'p1' ? 'Botox 100U' : 'Ampoule',
  unit: 'vial',
  lot_number: id.toUpperCase(),
  expiry_date: expiry,
  registration_number: '',
  unit_cost: '0.00',
  received_at: '2026-01-01T00:00:00Z',
  quantity_on_hand: onHand,
})
const item = (supplier: string, product: string, extra: Record<string, unknown> = {}) => ({
  id: `${supplier}-${product}`,
  supplier,
  supplier_name: supplier,
  product,
  product_name: product,
  unit: 'vial',
  supplier_sku: '',
  pack_size: '10.000',
  last_unit_cost: '150.00',
  is_preferred: false,
  ...extra,
})

describe('transferQuantityProblem', () => {
  it('accepts up to what is on hand, with up to three decimals', () => {
    expect(transferQuantityProblem('5', '5.000')).toBeNull()
    expect(transferQuantityProblem(' 0.3 ', '0.300')).toBeNull()
  })
  it('refuses more than on hand, zero, negatives and four decimals', () => {
    expect(transferQuantityProblem('5.001', '5.000')).toBe('tooMuch')
    expect(transferQuantityProblem('0', '5')).toBe('invalid')
    expect(transferQuantityProblem('-1', '5')).toBe('invalid')
    expect(transferQuantityProblem('1.0001', '5')).toBe('invalid')
    expect(transferQuantityProblem('two', '5')).toBe('invalid')
  })
})

describe('transferableLots and productsOfLots', () => {
  it('keeps lots with stock that have not expired, soonest first, and their products once', () => {
    const lots = [lot('b', 'p1', '2027-06-01', '2'), lot('a', 'p1', '2027-01-01', '1'), lot('x', 'p2', '2026-12-05', '4'), lot('z', 'p2', '2027-02-01', '0')]
    const usable = transferableLots(lots, '2026-12-06')
    expect(usable.map((l) => l.id)).toEqual(['a', 'b'])
    expect(transferableLots([lot('t', 'p2', '2026-12-06', '1')], '2026-12-06')).toHaveLength(1) // through its expiry day
    expect(productsOfLots(lots).map((p) => p.id)).toEqual(['p2', 'p1']) // Ampoule before Botox
  })
})

describe('packRounded', () => {
  it('rounds up to whole packs and leaves the quantity without a pack', () => {
    expect(packRounded('6', '10.000')).toBe('10')
    expect(packRounded('10', '10')).toBe('10')
    expect(packRounded('11', '10')).toBe('20')
    expect(packRounded('0.7', '0.25')).toBe('0.75')
    expect(packRounded('6', null)).toBe('6')
  })
})

describe('orderLinePrefill', () => {
  const items = [item('s1', 'p1'), item('s2', 'p1', { is_preferred: true, last_unit_cost: '140.00', pack_size: '5.000' })]
  it('picks the preferred supplier when none is chosen', () => {
    expect(orderLinePrefill(items, 'p1', null, '6')).toEqual({ supplier_id: 's2', unit_cost: '140.00', quantity: '10' })
  })
  it('uses the chosen supplier’s cost and pack when it sells the product', () => {
    expect(orderLinePrefill(items, 'p1', 's1', '6')).toEqual({ supplier_id: 's1', unit_cost: '150.00', quantity: '10' })
  })
  it('has nothing to offer for a product no supplier lists', () => {
    expect(orderLinePrefill(items, 'p9', null, '1')).toBeNull()
    expect(orderLinePrefill(items, 'p1', 's3', '1')).toBeNull()
  })
})
