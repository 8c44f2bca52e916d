import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json } from '@aesthetix/api-client/testing'
import type { Route } from '@aesthetix/api-client/testing'
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import StockLots from './StockLots.vue'

const NOW = new Date('2026-03-10T20:00:00Z') // 11 March already in Bangkok (UTC+7)
const lot = (id: string, product: string, lotNumber: string, expiry: string, onHand: string) => ({
  id,
  product: `p-${id}`,
  product_name: product,
  unit: 'syringe',
  lot_number: lotNumber,
  expiry_date: expiry,
  registration_number: '',
  unit_cost: '0.00',
  received_at: '2026-01-01T00:00:00Z',
  quantity_on_hand: onHand,
})
const FILLER = lot('l1', 'Juvederm Voluma', 'JV-2291', '2026-05-09', '4.000') // 59 days: near expiry
const TOXIN = lot('l2', 'Botox 100U', 'BX-7', '2026-03-10', '12.500') // yesterday in Bangkok: expired
const SERUM = lot('l3', 'Vitamin C serum', 'VC-1', '2027-01-31', '30.000')

function lotsPages(): Route {
  // Two pages: every lot is listed, not only the first page.
  return (request) =>
    new URL(request.url).searchParams.get('page') === '2'
      ? json(200, { count: 3, next: null, previous: 'p1', results: [SERUM] })
      : json(200, { count: 3, next: 'p2', previous: null, results: [FILLER, TOXIN] })
}

function mounted(canRecall: boolean) {
  return mount(StockLots, {
    props: { canRecall },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
}

const rows = (wrapper: ReturnType<typeof mounted>) => wrapper.findAll('[data-testid="lot-row"]')

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  // The clinic is in Bangkok, whatever the device's zone.
  fakeApi(clinicRoutes({ clinic: { time_zone: 'Asia/Bangkok' } }))
  session.setClinicId('c1')
  await useClinicContext().load()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  useClinicContext().clear()
})

describe('StockLots', () => {
  it('lists every lot with its expiry badge and quantity, and searches by product or lot number', async () => {
    fakeApi({ 'GET /api/v1/inventory/lots': lotsPages() })
    const wrapper = mounted(false)
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(3))
    const [filler, toxin, serum] = rows(wrapper)
    expect(filler!.attributes()).toMatchObject({ 'data-id': 'l1', 'data-lot-number': 'JV-2291' })
    expect(filler!.text()).toContain('May 9, 2026')
    expect(filler!.get('[data-testid="lot-expiry-badge"]').text()).toBe('Near expiry')
    expect(toxin!.get('[data-testid="lot-expiry-badge"]').text()).toBe('Expired')
    expect(toxin!.text()).toContain('12.5 syringes')
    expect(serum!.find('[data-testid="lot-expiry-badge"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="lot-recall"]').exists()).toBe(false)

    await wrapper.get('[data-testid="stock-search"] input').setValue('bx-7')
    expect(rows(wrapper).map((r) => r.attributes('data-id'))).toEqual(['l2'])
    await wrapper.get('[data-testid="stock-search"] input').setValue('serum')
    expect(rows(wrapper).map((r) => r.attributes('data-id'))).toEqual(['l3'])
  })

  it('shows who received a lot, in the clinic time zone, and says so when nobody did', async () => {
    fakeApi({
      'GET /api/v1/inventory/lots': lotsPages(),
      'GET /api/v1/inventory/lots/l1/recall': () =>
        json(200, {
          lot: FILLER,
          patients: 1,
          rows: [
            {
              patient_id: 'pt1',
              chart_number: 'BKK-000042',
              patient_name: 'Ploy Srisuk',
              kind: 'consume',
              quantity: '1.000',
              reference_type: 'emr.treatment_session',
              reference_id: null,
              at: '2026-02-01T18:30:00Z',
            },
          ],
        }),
      'GET /api/v1/inventory/lots/l3/recall': () => json(200, { lot: SERUM, patients: 0, rows: [] }),
    })
    const wrapper = mounted(true)
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(3))
    await rows(wrapper)[0]!.get('[data-testid="lot-recall"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="recall-panel"]').exists()).toBe(true))
    const panel = wrapper.get('[data-testid="recall-panel"]')
    expect(panel.get('h2').text()).toBe('Recall: Juvederm Voluma, lot JV-2291')
    const row = panel.get('[data-testid="recall-row"]')
    expect(row.attributes('data-chart-number')).toBe('BKK-000042')
    expect(row.text()).toContain('Ploy Srisuk')
    expect(row.text()).toContain('Treatment')
    expect(row.text()).toContain('1 syringe') // singular for one
    expect(row.text()).not.toContain('1 syringes')
    expect(row.text()).toContain('Feb 2, 2026') // 01:30 the next morning in Bangkok

    await rows(wrapper)[2]!.get('[data-testid="lot-recall"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="recall-empty"]').exists()).toBe(true))
    expect(wrapper.findAll('[data-testid="recall-row"]')).toHaveLength(0)
  })

  it('explains a refused recall and offers a retry when the lots cannot be loaded', async () => {
    let lotsUp = false
    fakeApi({
      'GET /api/v1/inventory/lots': (request) => (lotsUp ? lotsPages()(request) : json(500, {})),
      'GET /api/v1/inventory/lots/l1/recall': () =>
        json(403, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'No.', code: 'permission_denied' }),
    })
    const wrapper = mounted(true)
    await vi.waitFor(() => expect(wrapper.text()).toContain('The stock lots could not be loaded.'))
    lotsUp = true
    await wrapper.get('button').trigger('click')
    await vi.waitFor(() => expect(rows(wrapper)).toHaveLength(3))
    await rows(wrapper)[0]!.get('[data-testid="lot-recall"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="recall-problem"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="recall-problem"]').text()).toContain('may not see who received a lot')
    expect(wrapper.find('[data-testid="recall-panel"]').exists()).toBe(false)
  })
})
