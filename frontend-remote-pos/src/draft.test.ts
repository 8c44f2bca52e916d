import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json, page } from '@aesthetix/api-client/testing'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cartPrice, quoteBody } from './cart'
import type { CatalogItem, TaxSettings } from './cart'
import { draftCartLines, draftPractitioners, lineEditable, lineFromCourse, lineMergesWith, lineRemovable } from './draft'
import type { DraftInvoice } from './draft'
import { usePosStore } from './stores/pos'

const settings: TaxSettings = {
  currency: 'THB',
  currency_digits: 2,
  tax_label: 'VAT',
  tax_inclusive: false,
  service_tax_rate: '7.00',
  product_tax_rate: '7.00',
  course_tax_rate: '0.00',
  walk_in_retail: false,
  payment_methods: ['cash', 'card', 'promptpay', 'bank_transfer'],
}
const item = (position: number, extra: Partial<DraftInvoice['items'][number]> = {}): DraftInvoice['items'][number] => ({
  id: `ii${position}`,
  position,
  description: 'Botulinum toxin',
  service: 's1',
  product: null,
  practitioner: 'd1',
  practitioner_name: 'Dr. Kittipong',
  quantity: '20.000',
  unit_price: '350.00',
  tax_amount: '490.00',
  total: '7490.00',
  course_redemption: null,
  ...extra,
})
const DRAFT: DraftInvoice = {
  id: 'inv-d',
  patient: 'pt1',
  patient_name: 'Noura Al-Qahtani',
  chart_number: 'HN000013',
  currency: 'THB',
  subtotal: '7000.00',
  tax_total: '490.00',
  total: '7490.00',
  paid_total: '0.00',
  balance_due: '7490.00',
  reference_type: 'emr.visit',
  reference_id: 'v1',
  created_at: '2026-12-06T03:00:00Z',
  items: [
    item(0),
    item(1, {
      description: 'Botulinum toxin · course session: 6 sessions',
      practitioner: 'n1',
      practitioner_name: 'Nurse Ploy',
      quantity: '1.000',
      unit_price: '0.00',
      tax_amount: '0.00',
      total: '0.00',
      course_redemption: 'r1',
    }),
  ],
  payments: [],
}
const serum: CatalogItem = { kind: 'product', id: 'p1', name: 'Vitamin C serum', category: 'retail', price: '1290.00', currency: 'THB' }
const botox: CatalogItem = { kind: 'service', id: 's1', name: 'Botulinum toxin', category: 'neurotoxin', price: '350.00', currency: 'THB' }

describe('a visit draft in the cart', () => {
  it('becomes locked lines at the draft prices, credited to who did them', () => {
    const lines = draftCartLines(DRAFT)
    expect(lines.map((l) => [l.item.name, l.quantity, l.unitPrice, l.practitioners, l.locked])).toEqual([
      ['Botulinum toxin', '20', '350.00', ['d1'], true],
      ['Botulinum toxin · course session: 6 sessions', '1', '0.00', ['n1'], true],
    ])
    expect(lines.every((l) => !lineRemovable(l) && !lineEditable(l))).toBe(true)
    expect(DRAFT.items.map(lineFromCourse)).toEqual([false, true])
    expect(draftPractitioners(DRAFT)).toEqual(['Dr. Kittipong', 'Nurse Ploy'])
  })

  it('prices the course session at zero even though the catalog price is not', () => {
    const lines = draftCartLines(DRAFT)
    lines[1]!.item = { ...lines[1]!.item, price: '350.00' } // what the grid would say
    const priced = cartPrice(lines, '0', settings)
    if (!('amounts' in priced)) throw new Error(priced.field)
    expect(priced.amounts.total.toFixed(2)).toBe('7490.00') // the draft's total
    expect(quoteBody(lines, '0', 'pt1', 2).lines.map((l) => [l.item_id, l.quantity])).toEqual([
      ['s1', '20'],
      ['s1', '1'],
    ])
  })

  it('brings a billable product used at the visit as a locked product line', () => {
    const used = item(2, {
      description: 'Sunscreen SPF 50',
      service: null,
      product: 'p1',
      quantity: '2.000',
      unit_price: '450.00',
      tax_amount: '63.00',
      total: '963.00',
    })
    const lines = draftCartLines({ ...DRAFT, items: [...DRAFT.items, used] })
    expect(lines.map((l) => [l.item.kind, l.item.id, l.quantity, l.unitPrice, l.locked])).toEqual([
      ['service', 's1', '20', '350.00', true],
      ['service', 's1', '1', '0.00', true],
      ['product', 'p1', '2', '450.00', true],
    ])
    expect(quoteBody(lines, '0', 'pt1', 2).lines.map((l) => [l.kind, l.item_id, l.quantity])).toEqual([
      ['service', 's1', '20'],
      ['service', 's1', '1'],
      ['product', 'p1', '2'],
    ])
  })

  it('never takes one more of an item into a locked line', () => {
    const [locked] = draftCartLines(DRAFT)
    expect(lineMergesWith(locked!, botox)).toBe(false)
    expect(lineMergesWith({ ...locked!, locked: false }, botox)).toBe(true)
  })
})

describe('the till collecting a draft', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    session.setClinicId('c1')
    fakeApi({
      ...clinicRoutes({ permissions: ['sale.create'] }),
      'GET /api/v1/commerce/sales/tax-settings': () => json(200, settings),
      'GET /api/v1/patients/pt1': () => json(200, { id: 'pt1', given_name: 'Noura', family_name: 'Al-Qahtani', chart_number: 'HN000013' }),
      'GET /api/v1/patients': () => page([]),
    })
  })
  afterEach(() => useClinicContext().clear())

  it('keeps the locked lines whatever is removed or added, and sends the draft with the cart', async () => {
    const store = usePosStore()
    await store.setupLoad()
    await store.draftOpen(DRAFT)
    expect(store.patient?.id).toBe('pt1')
    const [first, second] = store.lines
    store.lineRemove(first!.key)
    store.itemAdd(serum)
    store.itemAdd(serum)
    store.itemAdd(botox)
    expect(store.lines.map((l) => [l.item.id, l.quantity, !!l.locked])).toEqual([
      ['s1', '20', true],
      ['s1', '1', true],
      ['p1', '2', false],
      ['s1', '1', false],
    ])
    store.lineRemove(store.lines[3]!.key)
    store.lineRemove(second!.key)
    expect(store.lines).toHaveLength(3)
    store.lines[0]!.lineDiscount = '500' // a discount is allowed on a visit line
    expect(store.amounts?.total.toFixed(2)).toBe(((7000 - 500 + 2580) * 1.07).toFixed(2))

    store.draftClose()
    expect([store.lines.length, store.draftInvoice]).toEqual([0, null])
  })
})
