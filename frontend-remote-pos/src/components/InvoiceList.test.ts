import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, FakeSocket, fakeApi, json, page } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import { usePosStore } from '../stores/pos'
import { PENDING, settledEvent } from '../testing'
import InvoiceList from './InvoiceList.vue'

function invoice(id: string, status: string, paid: string, balance: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    number: status === 'draft' ? '' : `INV-${id}`,
    sale: status === 'draft' ? null : `sale-${id}`,
    patient: 'pt1',
    patient_name: 'Noura Al-Qahtani',
    date: '2026-06-11',
    status,
    currency: 'THB',
    total: '1000.00',
    paid_total: paid,
    refunded_total: '0.00',
    balance_due: balance,
    items: [],
    send_to: { email: 'n***@example.com', sms: '081-XXX-0101', whatsapp: '081-XXX-0101', preferred: 'sms' },
    last_sent_at: null,
    ...extra,
  }
}

const INVOICES = [
  invoice('1', 'sent', '0.00', '1000.00'),
  invoice('2', 'partially_paid', '400.00', '600.00'),
  invoice('3', 'paid', '1000.00', '0.00'),
  invoice('4', 'draft', '0.00', '1000.00'),
  invoice('5', 'overdue', '0.00', '1000.00'),
]

type Route = (request: Request) => Response | Promise<Response>

function routes(collect: Route, more: Record<string, Route> = {}) {
  return fakeApi({
    ...more,
    ...clinicRoutes({
      permissions: ['invoice.view', 'payment.record', 'sale.refund'],
      clinic: { time_zone: 'Asia/Bangkok' },
      staff: [{ role: 'doctor', is_active: true, user: { id: 'd1', full_name: 'Dr. Kittipong' } }],
    }),
    'GET /api/v1/commerce/invoices': () => page(INVOICES),
    'POST /api/v1/commerce/invoices/2/collect': collect,
    ...more,
  })
}

async function mounted(canPay = true, canRefund = true) {
  await useClinicContext().load()
  const wrapper = mount(InvoiceList, {
    props: { patientId: null, canPay, canRefund },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
    attachTo: document.body,
  })
  await vi.waitFor(() => expect(wrapper.findAll('[data-testid="invoice-row"]')).toHaveLength(5))
  return wrapper
}

/** Text with Intl's no-break spaces as plain spaces. */
const plain = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ')

function row(number: string) {
  return document.querySelector(`[data-testid="invoice-row"][data-number="${number}"]`)!
}

beforeEach(() => {
  setActivePinia(createPinia())
  session.setClinicId('c1')
  // The till's settings, as BillingModule loads them: the clinic's payment methods.
  usePosStore().settings = {
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
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  useClinicContext().clear()
})

describe('InvoiceList', () => {
  it('offers Pay on open invoices and Refund only where something was paid', async () => {
    routes(() => json(500, {}))
    await mounted()
    const actions = (number: string) =>
      ['invoice-pay', 'invoice-refund'].filter((id) => row(number).querySelector(`[data-testid="${id}"]`))
    expect(actions('INV-1')).toEqual(['invoice-pay'])
    expect(actions('INV-2')).toEqual(['invoice-pay', 'invoice-refund'])
    expect(actions('INV-3')).toEqual(['invoice-refund'])
    expect(actions('')).toEqual([])
    expect(actions('INV-5')).toEqual(['invoice-pay'])
    expect(row('').textContent).toContain('Draft')
    expect(row('INV-1').querySelector('[data-testid="invoice-patient"]')!.textContent).toContain('Noura Al-Qahtani')
    expect(row('INV-1').querySelector('[data-testid="invoice-date"]')!.textContent).toContain('Jun 11, 2026')
  })

  it('hides Pay and Refund from a role without them', async () => {
    routes(() => json(500, {}))
    await mounted(false, false)
    expect(document.querySelectorAll('[data-testid="invoice-pay"], [data-testid="invoice-refund"]')).toHaveLength(0)
  })

  it('sends a filter change to the server', async () => {
    const seen = routes(() => json(500, {}))
    const wrapper = await mounted()
    await wrapper.find('[data-testid="filter-status"]').setValue('overdue')
    await wrapper.find('[data-testid="filter-practitioner"]').setValue('d1')
    await wrapper.find('[data-testid="filter-from"] input').setValue('2026-06-01')
    await flushPromises()
    const last = new URL(seen.at(-1)!.url, 'http://page')
    expect(last.searchParams.get('status')).toBe('overdue')
    expect(last.searchParams.get('practitioner')).toBe('d1')
    expect(last.searchParams.get('date_after')).toBe('2026-06-01')
    expect(last.searchParams.get('page')).toBe('1')
  })

  it('pays in two methods with change, after an explicit choice for a partial payment', async () => {
    const bodies: unknown[] = []
    routes(async (request) => {
      bodies.push(await request.json())
      return json(201, { invoice: invoice('2', 'paid', '1000.00', '0.00'), payments: [] })
    })
    const wrapper = await mounted()
    await wrapper.find('[data-number="INV-2"] [data-testid="invoice-pay"]').trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector('[data-testid="pay-dialog"]')!
    const input = (index: number) => dialog().querySelectorAll('[data-testid="pay-amount"] input')[index] as HTMLInputElement
    const type = async (index: number, value: string) => {
      input(index).value = value
      input(index).dispatchEvent(new Event('input'))
      await flushPromises()
    }
    const submit = () => dialog().querySelector('[data-testid="pay-submit"]') as HTMLButtonElement

    await type(0, '200')
    expect(submit().disabled).toBe(true)
    expect(plain(dialog())).toContain('Leave a balance of THB 400.00')
    ;(dialog().querySelector('[data-testid="pay-add"]') as HTMLButtonElement).click()
    await flushPromises()
    const second = dialog().querySelectorAll('[data-testid="pay-method"]')[1] as HTMLSelectElement
    second.value = 'cash'
    second.dispatchEvent(new Event('change'))
    const first = dialog().querySelectorAll('[data-testid="pay-method"]')[0] as HTMLSelectElement
    first.value = 'card'
    first.dispatchEvent(new Event('change'))
    await type(1, '500')
    expect(plain(dialog().querySelector('[data-testid="pay-change"]')!)).toContain('Change due: THB 100.00')
    expect(submit().disabled).toBe(false)
    submit().click()
    await vi.waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]).toMatchObject({
      currency: 'THB',
      leave_balance: false,
      payments: [
        { method: 'card', amount: '200.00' },
        { method: 'cash', amount: '400.00' },
      ],
    })
    await vi.waitFor(() => expect(row('INV-2').getAttribute('data-status')).toBe('paid'))
  })

  it('waits for a card charge, says why it was declined and takes the amount by another method', async () => {
    vi.stubGlobal('WebSocket', FakeSocket)
    FakeSocket.made = []
    session.setAccessToken('access-1')
    const card = { ...PENDING, invoice: '2', amount: '600.00' }
    const bodies: { payments: { method: string; amount: string }[] }[] = []
    routes(
      async (request) => {
        bodies.push(await request.json())
        return bodies.length === 1
          ? json(201, { invoice: invoice('2', 'partially_paid', '400.00', '600.00'), payments: [card] })
          : json(201, { invoice: invoice('2', 'paid', '1000.00', '0.00'), payments: [{ ...card, id: 'pay-2', method: 'cash', status: 'succeeded' }] })
      },
      { 'GET /api/v1/commerce/payments/pay-1': () => json(200, card) },
    )
    const wrapper = await mounted()
    await wrapper.find('[data-number="INV-2"] [data-testid="invoice-pay"]').trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector('[role="dialog"]')!
    const method = dialog().querySelector('[data-testid="pay-method"]') as HTMLSelectElement
    method.value = 'card'
    method.dispatchEvent(new Event('change'))
    ;(dialog().querySelector('[data-testid="pay-rest"]') as HTMLButtonElement).click()
    await flushPromises()
    ;(dialog().querySelector('[data-testid="pay-submit"]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(dialog().querySelector('[data-testid="card-wait"]')?.getAttribute('data-status')).toBe('pending'))
    expect(plain(dialog())).toContain('Waiting for the card terminal… THB 600.00')
    expect(row('INV-2').getAttribute('data-status')).toBe('partially_paid') // not paid yet

    for (const socket of FakeSocket.made) {
      socket.onopen!()
      socket.onmessage!({ data: JSON.stringify(settledEvent('pay-1', 'failed', 'declined')) })
    }
    await vi.waitFor(() => expect(plain(dialog())).toContain('did not go through: the card was declined.'))
    ;(dialog().querySelector('[data-testid="card-another"]') as HTMLButtonElement).click()
    await flushPromises()
    expect((dialog().querySelector('[data-testid="pay-method"]') as HTMLSelectElement).value).toBe('cash')
    expect((dialog().querySelector('[data-testid="pay-amount"] input') as HTMLInputElement).value).toBe('600.00')
    ;(dialog().querySelector('[data-testid="pay-submit"]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(row('INV-2').getAttribute('data-status')).toBe('paid'))
    expect(bodies.map((b) => b.payments)).toEqual([[{ method: 'card', amount: '600.00', provider_reference: '' }], [{ method: 'cash', amount: '600.00', provider_reference: '' }]])
    session.setAccessToken(null)
  })

  it('shows the server refusal next to the row it names', async () => {
    routes(() =>
      json(400, {
        type: 'about:blank',
        title: 'Invalid input',
        status: 400,
        detail: 'One or more fields are invalid.',
        code: 'validation_error',
        errors: [{ field: 'payments.0.amount', pointer: '#/payments/0/amount', detail: 'Only THB 500.00 remains to pay.' }],
      }),
    )
    const wrapper = await mounted()
    await wrapper.find('[data-number="INV-2"] [data-testid="invoice-pay"]').trigger('click')
    await flushPromises()
    const dialog = document.querySelector('[data-testid="pay-dialog"]')!
    ;(dialog.querySelector('[data-testid="pay-rest"]') as HTMLButtonElement).click()
    await flushPromises()
    ;(dialog.querySelector('[data-testid="pay-submit"]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(dialog.querySelector('[data-testid="pay-amount"]')!.textContent).toContain('Only THB 500.00 remains to pay.'))
  })
})

describe('InvoiceList: Void and Send', () => {
  const VOIDABLE = [
    invoice('1', 'sent', '0.00', '1000.00'),
    invoice('2', 'partially_paid', '400.00', '600.00'),
    invoice('3', 'paid', '1000.00', '0.00', { last_sent_at: '2026-06-11T03:05:00Z' }),
    invoice('4', 'draft', '0.00', '1000.00'),
    invoice('5', 'void', '0.00', '0.00', { refunded_total: '1000.00' }),
  ]
  let listed = VOIDABLE

  function actionRoutes(more: Record<string, Route>) {
    return fakeApi({
      ...clinicRoutes({ permissions: ['invoice.view', 'payment.record', 'sale.refund'], clinic: { time_zone: 'Asia/Bangkok' } }),
      'GET /api/v1/commerce/invoices': () => page(listed),
      ...more,
    })
  }
  const toasts = () => [...document.querySelectorAll('[role="status"] > p, [role="alert"] > p')].map(plain)
  const button = (selector: string) => document.querySelector(selector) as HTMLButtonElement

  beforeEach(() => {
    listed = VOIDABLE
  })

  it('offers Void only where nothing was paid, Send on issued invoices and Resend once sent', async () => {
    actionRoutes({})
    await mounted()
    const actions = (number: string) =>
      ['invoice-void', 'invoice-send'].filter((id) => row(number).querySelector(`[data-testid="${id}"]`))
    expect(actions('INV-1')).toEqual(['invoice-void', 'invoice-send'])
    expect(actions('INV-2')).toEqual(['invoice-send'])
    expect(actions('INV-3')).toEqual(['invoice-send'])
    expect(actions('')).toEqual([])
    expect(actions('INV-5')).toEqual([])
    expect(plain(row('INV-3').querySelector('[data-testid="invoice-send"]')!)).toContain('Resend')
    expect(plain(row('INV-3').querySelector('[data-testid="invoice-last-sent"]')!)).toContain('Sent Jun 11, 2026')
    expect(row('INV-1').querySelector('[data-testid="invoice-last-sent"]')).toBeNull()
  })

  it('hides Void and Send from a role without refunds or payments', async () => {
    actionRoutes({})
    await mounted(false, false)
    expect(document.querySelectorAll('[data-testid="invoice-void"], [data-testid="invoice-send"]')).toHaveLength(0)
  })

  it('voids after a confirmation with the reason, then says so', async () => {
    const bodies: unknown[] = []
    actionRoutes({
      'POST /api/v1/commerce/sales/sale-1/void': async (request) => {
        bodies.push(await request.json())
        listed = [invoice('1', 'void', '0.00', '0.00', { refunded_total: '1000.00' }), ...VOIDABLE.slice(1)]
        return json(200, {})
      },
    })
    const wrapper = await mounted()
    await wrapper.find('[data-number="INV-1"] [data-testid="invoice-void"]').trigger('click')
    await flushPromises()
    const dialog = document.querySelector('[data-testid="void-dialog"]')!
    expect(plain(document.body)).toContain('This cannot be undone.')
    expect(button('[data-testid="void-submit"]').disabled).toBe(true)
    const reason = dialog.querySelector('[data-testid="void-reason"] input') as HTMLInputElement
    reason.value = 'Wrong patient'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    button('[data-testid="void-submit"]').click()
    await vi.waitFor(() => expect(bodies).toEqual([{ reason: 'Wrong patient' }]))
    await vi.waitFor(() => expect(row('INV-1').getAttribute('data-status')).toBe('void'))
    expect(document.querySelector('[data-testid="void-dialog"]')).toBeNull()
    expect(toasts()).toContain('Invoice INV-1 is void.')
  })

  it('keeps the void dialog open with the server refusal and an error toast', async () => {
    actionRoutes({
      'POST /api/v1/commerce/sales/sale-1/void': () =>
        json(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Money was received for this sale: refund it instead.', code: 'sale_has_payments' }),
    })
    const wrapper = await mounted()
    await wrapper.find('[data-number="INV-1"] [data-testid="invoice-void"]').trigger('click')
    await flushPromises()
    const reason = document.querySelector('[data-testid="void-reason"] input') as HTMLInputElement
    reason.value = 'Mistake'
    reason.dispatchEvent(new Event('input'))
    await flushPromises()
    button('[data-testid="void-submit"]').click()
    await vi.waitFor(() =>
      expect(plain(document.querySelector('[data-testid="void-problem"]')!)).toBe('Money was received for this sale: refund it instead.'),
    )
    expect(toasts()).toContain('The invoice was not voided: Money was received for this sale: refund it instead.')
  })

  it('sends by the chosen channel showing masked destinations, once per dialog, and the row turns to Resend', async () => {
    listed = [invoice('1', 'sent', '0.00', '1000.00', { send_to: { email: '', sms: '081-XXX-0101', whatsapp: '081-XXX-0101', preferred: 'email' } })]
    const bodies: Record<string, unknown>[] = []
    actionRoutes({
      'POST /api/v1/commerce/invoices/1/send': async (request) => {
        bodies.push((await request.json()) as Record<string, unknown>)
        return json(bodies.length === 1 ? 202 : 200, {
          notification: 'n1',
          channel: 'whatsapp',
          to: '081-XXX-0101',
          status: 'scheduled',
          requested_at: '2026-06-11T03:05:00Z',
        })
      },
    })
    const wrapper = mount(InvoiceList, {
      props: { patientId: null, canPay: true, canRefund: true },
      global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
      attachTo: document.body,
    })
    await useClinicContext().load()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="invoice-row"]')).toHaveLength(1))
    await wrapper.find('[data-testid="invoice-send"]').trigger('click')
    await flushPromises()
    const option = (c: string) => document.querySelector(`[data-testid="send-channel-${c}"]`)!
    const radio = (c: string) => option(c).querySelector('input') as HTMLInputElement
    // No e-mail on file: that channel is offered but cannot be chosen; SMS is the default.
    expect(plain(option('email'))).toContain('no address on file')
    expect(radio('email').disabled).toBe(true)
    expect(radio('sms').checked).toBe(true)
    expect(plain(option('whatsapp'))).toContain('081-XXX-0101')
    radio('whatsapp').click()
    await flushPromises()
    button('[data-testid="send-submit"]').click()
    await vi.waitFor(() => expect(bodies).toHaveLength(1))
    expect(bodies[0]!.channel).toBe('whatsapp')
    expect(typeof bodies[0]!.idempotency_key).toBe('string')
    await vi.waitFor(() => expect(toasts()).toContain('Invoice INV-1 sent by WhatsApp to 081-XXX-0101.'))
    expect(document.querySelector('[data-testid="send-dialog"]')).toBeNull()
    expect(plain(row('INV-1').querySelector('[data-testid="invoice-send"]')!)).toContain('Resend')
    expect(row('INV-1').querySelector('[data-testid="invoice-last-sent"]')).not.toBeNull()
    // A new opening is a new send (a new key).
    await wrapper.find('[data-testid="invoice-send"]').trigger('click')
    await flushPromises()
    button('[data-testid="send-submit"]').click()
    await vi.waitFor(() => expect(bodies).toHaveLength(2))
    expect(bodies[1]!.idempotency_key).not.toBe(bodies[0]!.idempotency_key)
  })

  it('says in a toast why a send was refused and keeps the dialog', async () => {
    actionRoutes({
      'POST /api/v1/commerce/invoices/1/send': () =>
        json(400, {
          type: 'about:blank',
          title: 'Invalid input',
          status: 400,
          detail: 'One or more fields are invalid.',
          code: 'validation_error',
          errors: [{ field: 'channel', pointer: '#/channel', detail: 'The patient has no phone number.' }],
        }),
    })
    const wrapper = await mounted()
    await wrapper.find('[data-number="INV-1"] [data-testid="invoice-send"]').trigger('click')
    await flushPromises()
    button('[data-testid="send-submit"]').click()
    await vi.waitFor(() => expect(toasts()).toContain('The invoice was not sent: The patient has no phone number.'))
    expect(document.querySelector('[data-testid="send-dialog"]')).not.toBeNull()
  })
})
