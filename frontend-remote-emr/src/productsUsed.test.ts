import { describe, expect, it } from 'vitest'
import type { FacePoint } from './faceChart'
import { productsBody, quantityShow, rowErrors, rowsFromChart, rowsFromMaterials } from './productsUsed'

const point = (product: string | null, lot: string | null, units: string, unit: FacePoint['unit'] = 'U'): FacePoint => ({
  x: 0.5,
  y: 0.5,
  product,
  lot,
  units,
  unit,
  depth: 'intramuscular',
})

describe('rowsFromChart', () => {
  it('gives one row per charted product and lot, amounts summed per unit, in charted order', () => {
    const rows = rowsFromChart(
      [point('btx', 'A', '4'), point('ha', 'H', '0.1', 'ml'), point('btx', 'A', '2.5'), point('ha', 'H', '0.2', 'ml'), point('btx', 'B', '')],
      [],
    )
    expect(rows).toEqual([
      { product: 'btx', lot: 'A', quantity: '1', charted: '6.5 U' },
      { product: 'ha', lot: 'H', quantity: '1', charted: '0.3 ml' },
      { product: 'btx', lot: 'B', quantity: '1', charted: '' },
    ])
  })

  it('skips points without a lot and lots already recorded', () => {
    const rows = rowsFromChart([point('btx', null, '4'), point('btx', 'A', '4'), point('ha', 'H', '1', 'ml')], [
      { product_id: 'btx', lot_id: 'A' },
    ])
    expect(rows.map((row) => row.lot)).toEqual(['H'])
  })
})

describe('rowsFromMaterials', () => {
  const materials = [
    { product: 'btx', quantity: '1.000' },
    { product: 'ha', quantity: '0.500' },
    { product: 'gauze', quantity: '2.000' },
  ]
  it('offers what the treatment usually uses at its usual quantity, the lot left to the server', () => {
    expect(rowsFromMaterials(materials, [], [], new Set(['btx', 'ha']))).toEqual([
      { product: 'btx', lot: '', quantity: '1', charted: '' },
      { product: 'ha', lot: '', quantity: '0.5', charted: '' },
    ])
  })
  it('skips products already recorded or already in the form', () => {
    const inForm = [{ product: 'ha', lot: 'L1', quantity: '1', charted: '' }]
    expect(rowsFromMaterials(materials, [{ product_id: 'btx', lot_id: 'A' }], inForm, new Set(['btx', 'ha', 'gauze']))).toEqual([
      { product: 'gauze', lot: '', quantity: '2', charted: '' },
    ])
  })
})

describe('productsBody', () => {
  it('sends the lot only when one is chosen (else the server takes the first to expire)', () => {
    expect(
      productsBody([
        { product: 'btx', lot: 'A', quantity: ' 1 ', charted: '4 U' },
        { product: 'ha', lot: '', quantity: '0.5', charted: '' },
      ]),
    ).toEqual({
      products: [
        { product_id: 'btx', quantity: '1', lot_id: 'A' },
        { product_id: 'ha', quantity: '0.5' },
      ],
    })
  })
})

describe('rowErrors', () => {
  it("collects the server's messages of one row", () => {
    const fields = { 'products.0.quantity': ['Only 2 on hand.'], 'products.1.lot': ['Expired.'], 'products.10.lot': ['No.'] }
    expect(rowErrors(fields, 0)).toEqual(['Only 2 on hand.'])
    expect(rowErrors(fields, 1)).toEqual(['Expired.'])
  })
})

describe('quantityShow', () => {
  it('drops trailing zeros only after the decimal point', () => {
    expect(['1.000', '0.250', '10', '100.500', '20.0'].map(quantityShow)).toEqual(['1', '0.25', '10', '100.5', '20'])
  })
})
