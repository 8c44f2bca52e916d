import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json, page } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import BillingModule from './BillingModule.vue'

const SETTINGS = {
  currency: 'THB',
  currency_digits: 2,
  tax_label: 'VAT',
  tax_inclusive: true,
  service_tax_rate: '7.00',
  product_tax_rate: '7.00',
  course_tax_rate: '0.00',
}
const SALE = {
  id: 'sale-1',
  number: 'S-000001',
  currency: 'THB',
  total: '9790.00',
  tax_total: '640.46',
  invoice: 'inv-1',
  lines: [{ id: 'sl1', description: 'Botox forehead', quantity: '1.000', total: '8500.00' }],
}

// What /users/me answers for each role (core.permissions).
const CASHIER = ['sale.create', 'sale.view', 'invoice.view', 'payment.record', 'stock.view']
const DOCTOR = ['stock.view', 'stock.recall', 'clinical.view']

function routes(serverTotal: string, commission: () => Response) {
  return fakeApi({
    ...clinicRoutes({
      permissions: CASHIER,
      clinic: { time_zone: 'Asia/Bangkok' },
      services: [{ id: 's1', name: 'Botox forehead', category: 'neurotoxin', price: '8500.00', currency: 'THB' }],
      products: [{ id: 'p1', name: 'Vitamin C serum', kind: 'retail', price: '1290.00', currency: 'THB' }],
      staff: [{ role: 'doctor', is_active: true, user: { id: 'd1', full_name: 'Dr. Kittipong' } }],
    }),
    'GET /api/v1/commerce/sales/tax-settings': () => json(200, SETTINGS),
    'POST /api/v1/commerce/sales/quote': () => json(200, { currency: 'THB', lines: [], total: serverTotal }),
    'POST /api/v1/commerce/sales/checkout': async () => {
      await new Promise((resolve) => setTimeout(resolve, 50)) // a slow answer: the second click lands meanwhile
      return json(201, SALE)
    },
    'GET /api/v1/commerce/invoices/inv-1': () => json(200, { id: 'inv-1', number: 'INV-000001', status: 'paid', balance_due: '0.00' }),
    'GET /api/v1/commerce/payments': () => page([]),
    'GET /api/v1/commerce/sales/sale-1/commission-status/': commission,
    'GET /api/v1/patients': () =>
      page([{ id: 'pt1', given_name: 'Noura', family_name: 'Al-Qahtani', chart_number: 'HN000013' }]),
  })
}

async function mounted() {
  const wrapper = mount(BillingModule, {
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
    attachTo: document.body,
  })
  await vi.waitFor(() => expect(wrapper.findAll('[data-testid="grid-item"]')).toHaveLength(2))
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  session.setClinicId('c1')
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  useClinicContext().clear()
})

describe('BillingModule', () => {
  it('builds a cart, pays by two methods once however often clicked, then shows the commission split', async () => {
    let calculated = false
    const seen = routes('9790.00', () =>
      json(200, {
        sale_id: 'sale-1',
        status: calculated ? 'done' : 'pending',
        total: calculated ? '425.00' : '0.00',
        currency: 'THB',
        lines: calculated
          ? [{ id: 'c1', practitioner_name: 'Dr. Kittipong', line_description: 'Botox forehead', amount: '425.00' }]
          : [],
      }),
    )
    const wrapper = await mounted()
    const [botox, serum] = wrapper.findAll('[data-testid="grid-item"]')
    await botox!.trigger('click')
    await serum!.trigger('click')
    await wrapper.get('[data-testid="line-practitioner"]').setValue(true)
    expect(wrapper.get('[data-testid="cart-total"]').text()).toContain('9,790.00')
    // VAT inside, rounded per line: 556.07 + 84.39 (not 9790 × 7/107 = 640.47 on the total)
    expect(wrapper.get('[data-testid="cart-tax"]').text()).toContain('640.46')

    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    const amounts = wrapper.findAll('[data-testid="payment-amount"] input')
    await amounts[0]!.setValue('5000')
    await wrapper.get('[data-testid="payment-add"]').trigger('click')
    await wrapper.findAll('[data-testid="payment-rest"]')[1]!.trigger('click')
    expect((wrapper.findAll('[data-testid="payment-amount"] input')[1]!.element as HTMLInputElement).value).toBe('4790.00')

    const confirm = wrapper.get('[data-testid="checkout-confirm"]')
    await confirm.trigger('click')
    await confirm.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="receipt"]').exists()).toBe(true))
    const checkouts = seen.filter((r) => r.url.endsWith('/checkout'))
    expect(checkouts).toHaveLength(1)
    const body = await checkouts[0]!.clone().json()
    expect(body.payments).toEqual([
      { method: 'cash', amount: '5000.00', provider_reference: '' },
      { method: 'card', amount: '4790.00', provider_reference: '' },
    ])
    expect(body.lines[0].credits).toEqual([{ practitioner_id: 'd1', share: '100.00' }])
    expect(body.idempotency_key).toMatch(/^[0-9a-f-]{36}$/)

    await vi.waitFor(() => expect(wrapper.get('[data-testid="commission-badge"]').text()).toContain('calculating'))
    calculated = true
    await vi.waitFor(
      () => expect(wrapper.get('[data-testid="commission-badge"]').attributes('data-status')).toBe('done'),
      { timeout: 5000 },
    )
    expect(wrapper.get('[data-testid="commission-badge"]').text()).toContain('Dr. Kittipong')
    wrapper.unmount()
  })

  it('will not take payment while the server total differs from the screen', async () => {
    const seen = routes('9790.01', () => json(500, {}))
    const wrapper = await mounted()
    await wrapper.findAll('[data-testid="grid-item"]')[0]!.trigger('click')
    await vi.waitFor(() => expect(seen.some((r) => r.url.endsWith('/quote'))).toBe(true))
    await flushPromises()
    expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('false')
    await wrapper.get('[data-testid="payment-amount"] input').setValue('1')
    expect(wrapper.get('[data-testid="checkout-confirm"]').attributes('disabled')).toBeDefined()
    wrapper.unmount()
  })

  it('finds the patient by chart number as well as by name', async () => {
    const seen = routes('9790.00', () => json(500, {}))
    const wrapper = await mounted()
    await wrapper.get('[data-testid="pos-patient-search"] input').setValue('HN000013')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="pos-patient-option"]').exists()).toBe(true))
    const query = new URL(seen.find((r) => r.url.includes('/api/v1/patients'))!.url).searchParams
    expect(query.get('chart_number')).toBe('HN000013')
    expect(query.get('q')).toBeNull()
    wrapper.unmount()
  })

  it('lets a doctor, who does not sell, open the stock lots instead of failing to load', async () => {
    const seen = fakeApi({
      ...clinicRoutes({ permissions: DOCTOR }),
      'GET /api/v1/inventory/lots': () => json(200, { count: 0, next: null, previous: null, results: [] }),
    })
    const wrapper = mount(BillingModule, {
      global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
      attachTo: document.body,
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="sell-not-allowed"]').exists()).toBe(true))
    expect(wrapper.find('[data-testid="tab-invoices"]').exists()).toBe(false)
    expect(seen.some((r) => r.url.includes('/commerce/'))).toBe(false)
    await wrapper.get('[data-testid="tab-stock"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="stock-empty"]').text()).toContain('No stock lots yet'))
    wrapper.unmount()
  })
})
