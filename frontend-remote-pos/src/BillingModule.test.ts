import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, FakeSocket, fakeApi, json, page } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import BillingModule from './BillingModule.vue'
import { PENDING, settledEvent } from './testing'

const SETTINGS = {
  currency: 'THB',
  currency_digits: 2,
  tax_label: 'VAT',
  tax_inclusive: true,
  service_tax_rate: '7.00',
  product_tax_rate: '7.00',
  course_tax_rate: '0.00',
  walk_in_retail: false,
  payment_methods: ['cash', 'card', 'promptpay', 'bank_transfer'], // Bangkok: no Pix
}
const PROMPTPAY_QR = '00020101021229370016A000000677010111011300669255539395802TH530376454079790.006304ABCD'
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
const DOCTOR = ['stock.view', 'stock.recall', 'clinical.view', 'commission.view_own']

function routes(
  serverTotal: string,
  commission: () => Response,
  settings: object = SETTINGS,
  more: Record<string, (request: Request) => Response | Promise<Response>> = {},
) {
  return fakeApi({
    ...clinicRoutes({
      permissions: CASHIER,
      clinic: { time_zone: 'Asia/Bangkok' },
      services: [{ id: 's1', name: 'Botox forehead', category: 'neurotoxin', price: '8500.00', currency: 'THB' }],
      products: [{ id: 'p1', name: 'Vitamin C serum', kind: 'retail', price: '1290.00', currency: 'THB' }],
      staff: [{ role: 'doctor', is_active: true, user: { id: 'd1', full_name: 'Dr. Kittipong' } }],
    }),
    'GET /api/v1/commerce/sales/tax-settings': () => json(200, settings),
    'POST /api/v1/commerce/payments/qr': () =>
      json(200, { method: 'promptpay', amount: '9790.00', currency: 'THB', payload: PROMPTPAY_QR, reference: '' }),
    'POST /api/v1/commerce/sales/quote': () => json(200, { currency: 'THB', lines: [], total: serverTotal }),
    'POST /api/v1/commerce/sales/checkout': async () => {
      await new Promise((resolve) => setTimeout(resolve, 50)) // a slow answer: the second click lands meanwhile
      return json(201, SALE)
    },
    'GET /api/v1/commerce/invoices/inv-1': () => json(200, { id: 'inv-1', number: 'INV-000001', status: 'paid', balance_due: '0.00' }),
    'GET /api/v1/commerce/payments': () => page([]),
    'GET /api/v1/commerce/course-balances': () => page([]),
    'GET /api/v1/commerce/course-redemptions': () => page([]),
    'GET /api/v1/commerce/sales/sale-1/commission-status/': commission,
    'GET /api/v1/patients': () =>
      page([{ id: 'pt1', given_name: 'Noura', family_name: 'Al-Qahtani', chart_number: 'HN000013' }]),
    ...more,
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

/** Search the patient and pick her. */
async function patientChoose(wrapper: Awaited<ReturnType<typeof mounted>>) {
  await wrapper.get('[data-testid="pos-patient-search"] input').setValue('Noura')
  await vi.waitFor(() => expect(wrapper.find('[data-testid="pos-patient-option"]').exists()).toBe(true))
  await wrapper.get('[data-testid="pos-patient-option"]').trigger('click')
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
    await patientChoose(wrapper)
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

  it('shows a card charge waiting for the terminal, then the paid receipt when the payment.settled event arrives', async () => {
    vi.stubGlobal('WebSocket', FakeSocket)
    FakeSocket.made = []
    session.setAccessToken('access-1')
    let settled = false
    const card = { ...PENDING, amount: '9790.00' }
    routes('9790.00', () => json(200, { sale_id: 'sale-1', status: 'pending', total: '0.00', currency: 'THB', lines: [] }), SETTINGS, {
      'GET /api/v1/commerce/payments': () => page([settled ? { ...card, status: 'succeeded' } : card]),
      'GET /api/v1/commerce/payments/pay-1': () => json(200, settled ? { ...card, status: 'succeeded' } : card),
      'GET /api/v1/commerce/invoices/inv-1': () =>
        json(200, { id: 'inv-1', number: 'INV-000001', status: settled ? 'paid' : 'sent', balance_due: settled ? '0.00' : '9790.00' }),
    })
    const wrapper = await mounted()
    await patientChoose(wrapper)
    const [botox, serum] = wrapper.findAll('[data-testid="grid-item"]')
    await botox!.trigger('click')
    await serum!.trigger('click')
    await wrapper.get('[data-testid="payment-method"]').setValue('card')
    await wrapper.get('[data-testid="payment-rest"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    await wrapper.get('[data-testid="checkout-confirm"]').trigger('click')

    await vi.waitFor(() => expect(wrapper.find('[data-testid="card-wait"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="card-wait"]').attributes('data-status')).toBe('pending')
    expect(wrapper.get('[data-testid="card-wait-text"]').text()).toMatch(/Waiting for the card terminal… THB\s9,790\.00/)
    expect(wrapper.find('[data-testid="receipt-invoice"]').exists()).toBe(false) // not a receipt yet

    settled = true
    for (const socket of FakeSocket.made) {
      socket.onopen!()
      socket.onmessage!({ data: JSON.stringify({ ...settledEvent('pay-1', 'succeeded'), id: 'e-live' }) })
    }
    await vi.waitFor(() => expect(wrapper.find('[data-testid="receipt-invoice"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="receipt-invoice"]').attributes('data-status')).toBe('paid')
    expect(wrapper.get('[data-testid="card-wait"]').attributes('data-status')).toBe('succeeded')
    expect(wrapper.findAll('[data-testid="receipt-payment"]').map((p) => p.text())).toEqual([expect.stringContaining('9,790.00')])
    session.setAccessToken(null)
    wrapper.unmount()
  })

  it('shows the course just sold in the patient\'s course balances', async () => {
    let sold = false
    routes('8500.00', () => json(200, { sale_id: 'sale-1', status: 'pending', total: '0.00', currency: 'THB', lines: [] }), SETTINGS, {
      'GET /api/v1/commerce/course-balances': () =>
        page(
          sold
            ? [{ id: 'b1', course_name: '6 sessions: Laser toning', sessions_total: 6, sessions_remaining: 6, expires_at: '2099-01-01T00:00:00Z', status: 'active' }]
            : [],
        ),
      'POST /api/v1/commerce/sales/checkout': () => {
        sold = true
        return json(201, SALE)
      },
    })
    const wrapper = await mounted()
    await patientChoose(wrapper)
    await vi.waitFor(() => expect(wrapper.get('[data-testid="course-balances"]').text()).toContain('No courses'))
    await wrapper.findAll('[data-testid="grid-item"]')[0]!.trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    await wrapper.get('[data-testid="payment-rest"]').trigger('click')
    await wrapper.get('[data-testid="checkout-confirm"]').trigger('click')

    await vi.waitFor(() => expect(wrapper.find('[data-testid="receipt"]').exists()).toBe(true))
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="course-balance"]')).toHaveLength(1))
    expect(wrapper.get('[data-testid="course-balance"]').text()).toContain('6 sessions: Laser toning')
    wrapper.unmount()
  })

  it('prices the cart again when a practitioner is credited after the server total appeared', async () => {
    const seen = routes('9790.00', () => json(500, {}))
    const wrapper = await mounted()
    await patientChoose(wrapper)
    const [botox, serum] = wrapper.findAll('[data-testid="grid-item"]')
    await botox!.trigger('click')
    await serum!.trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    const quotes = () => seen.filter((r) => r.url.endsWith('/quote'))
    const before = quotes().length

    await wrapper.get('[data-testid="line-practitioner"]').setValue(true)
    await vi.waitFor(() => expect(quotes().length).toBe(before + 1))
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    expect((await quotes()[before]!.clone().json()).lines[0].credits).toEqual([{ practitioner_id: 'd1', share: '100.00' }])
    await wrapper.get('[data-testid="payment-rest"]').trigger('click')
    expect(wrapper.get('[data-testid="checkout-confirm"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  })

  it('sells products to a walk-in customer only where the clinic allows it, and never a treatment', async () => {
    const seen = routes('1290.00', () => json(500, {}), { ...SETTINGS, walk_in_retail: true })
    const wrapper = await mounted()
    const [botox, serum] = wrapper.findAll('[data-testid="grid-item"]')
    await serum!.trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    await wrapper.get('[data-testid="payment-rest"]').trigger('click')
    const confirm = () => wrapper.get('[data-testid="checkout-confirm"]')
    expect(confirm().attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="checkout-needs-patient"]').text()).toContain('walk-in')

    await wrapper.get('[data-testid="pos-walk-in"]').setValue(true)
    expect(confirm().attributes('disabled')).toBeUndefined()
    await botox!.trigger('click') // a treatment: a patient again
    await flushPromises()
    expect(confirm().attributes('disabled')).toBeDefined()
    expect(wrapper.get('[data-testid="checkout-needs-patient"]').text()).toContain('every sale has a patient')

    await wrapper.findAll('[data-testid="line-remove"]')[1]!.trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    await wrapper.get('[data-testid="payment-rest"]').trigger('click')
    await confirm().trigger('click')
    await vi.waitFor(() => expect(seen.some((r) => r.url.endsWith('/checkout'))).toBe(true))
    const body = await seen.find((r) => r.url.endsWith('/checkout'))!.clone().json()
    expect([body.walk_in, body.patient_id]).toEqual([true, null])
    wrapper.unmount()
  })

  it('offers only the clinic\'s methods and takes PromptPay by QR once the cashier saw it arrive', async () => {
    const seen = routes('9790.00', () => json(200, { sale_id: 'sale-1', status: 'pending', total: '0.00', currency: 'THB', lines: [] }))
    const wrapper = await mounted()
    await patientChoose(wrapper)
    const [botox, serum] = wrapper.findAll('[data-testid="grid-item"]')
    await botox!.trigger('click')
    await serum!.trigger('click')
    const picker = wrapper.get('[data-testid="payment-method"]')
    expect(picker.findAll('option').map((o) => o.attributes('value'))).toEqual(['cash', 'card', 'promptpay', 'bank_transfer'])
    await picker.setValue('promptpay')
    expect(wrapper.get('[data-testid="payment-qr"]').text()).toContain('Enter the amount')
    await wrapper.get('[data-testid="payment-rest"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="payment-qr-image"]').exists()).toBe(true), { timeout: 3000 })
    const image = wrapper.get('[data-testid="payment-qr-image"]')
    expect(image.attributes('src')).toMatch(/^data:image\/png;base64,/)
    expect(image.attributes('data-payload')).toBe(PROMPTPAY_QR)
    const asked = await seen.find((r) => r.url.endsWith('/payments/qr'))!.clone().json()
    expect(asked).toEqual({ method: 'promptpay', amount: '9790.00', reference: '' })
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    const confirm = wrapper.get('[data-testid="checkout-confirm"]')
    expect(confirm.attributes('disabled')).toBeDefined() // not yet seen in the account
    await wrapper.get('[data-testid="payment-qr-received"]').setValue(true)
    expect(confirm.attributes('disabled')).toBeUndefined()
    await confirm.trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="receipt"]').exists()).toBe(true))
    const body = await seen.find((r) => r.url.endsWith('/checkout'))!.clone().json()
    expect(body.payments).toEqual([{ method: 'promptpay', amount: '9790.00', provider_reference: '' }])
    wrapper.unmount()
  })

  it('takes less than the total only when the cashier chooses to leave a balance', async () => {
    const seen = routes('9790.00', () => json(201, { id: 'sale-1', invoice: 'inv-1', lines: [] }))
    const wrapper = await mounted()
    await patientChoose(wrapper)
    const [botox, serum] = wrapper.findAll('[data-testid="grid-item"]')
    await botox!.trigger('click')
    await serum!.trigger('click')
    await vi.waitFor(() => expect(wrapper.get('[data-testid="server-total"]').attributes('data-agree')).toBe('true'))
    await wrapper.get('[data-testid="payment-amount"] input').setValue('5000')
    const confirm = () => wrapper.get('[data-testid="checkout-confirm"]')
    const leave = () => wrapper.get('[data-testid="checkout-leave-balance"]')
    expect(confirm().attributes('disabled')).toBeDefined()
    expect(wrapper.text()).toContain('Leave a balance of')
    await leave().setValue(true)
    expect(confirm().attributes('disabled')).toBeUndefined()
    // Another amount asks again; paying it all needs no choice.
    await wrapper.get('[data-testid="payment-amount"] input').setValue('6000')
    expect((leave().element as HTMLInputElement).checked).toBe(false)
    expect(confirm().attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="payment-rest"]').trigger('click')
    expect(wrapper.find('[data-testid="checkout-leave-balance"]').exists()).toBe(false)
    expect(confirm().attributes('disabled')).toBeUndefined()
    expect(seen.some((r) => r.url.endsWith('/checkout'))).toBe(false)
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

  it('offers the commission statement to whoever earns commission, not to the cashier', async () => {
    fakeApi({
      ...clinicRoutes({ permissions: DOCTOR, clinic: { time_zone: 'Asia/Bangkok', currency: 'THB' } }),
      'GET /api/v1/commissions/logs/statement': () =>
        json(200, {
          practitioner_id: 'u-self',
          period: '2026-04-01',
          currency: null,
          lines: [],
          adjustments: [],
          ...Object.fromEntries(['commission', 'reversal', 'adjustment'].map((kind) => [`${kind}_total`, '0.00'])),
          total: '0.00',
          earned_total: '0.00',
          pending_total: '0.00',
        }),
    })
    const doctor = mount(BillingModule, { global: { plugins: [createI18n({ legacy: false, locale: 'en' })] } })
    await vi.waitFor(() => expect(doctor.find('[data-testid="tab-commissions"]').exists()).toBe(true))
    await doctor.get('[data-testid="tab-commissions"]').trigger('click')
    await vi.waitFor(() => expect(doctor.find('[data-testid="statement-empty"]').exists()).toBe(true))
    doctor.unmount()
    useClinicContext().clear()

    routes('9790.00', () => json(200, {}))
    const cashier = mount(BillingModule, { global: { plugins: [createI18n({ legacy: false, locale: 'en' })] } })
    await vi.waitFor(() => expect(cashier.find('[data-testid="tab-stock"]').exists()).toBe(true))
    expect(cashier.find('[data-testid="tab-commissions"]').exists()).toBe(false)
    cashier.unmount()
  })
})
