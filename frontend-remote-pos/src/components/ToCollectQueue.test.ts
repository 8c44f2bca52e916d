import { fakeApi, page } from '@aesthetix/api-client/testing'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import ToCollectQueue from './ToCollectQueue.vue'

const draft = (extra: Record<string, unknown> = {}) => ({
  id: 'inv-d',
  patient: 'pt1',
  patient_name: 'Noura Al-Qahtani',
  chart_number: 'HN000013',
  currency: 'THB',
  subtotal: '350.00',
  tax_total: '24.50',
  total: '374.50',
  paid_total: '0.00',
  balance_due: '374.50',
  reference_type: 'emr.visit',
  reference_id: 'v1',
  created_at: '2026-12-06T03:00:00Z',
  items: [
    {
      id: 'ii0',
      position: 0,
      description: 'Botulinum toxin',
      service: 's1',
      product: null,
      practitioner: 'd1',
      practitioner_name: 'Dr. Kittipong',
      quantity: '1.000',
      unit_price: '350.00',
      tax_amount: '24.50',
      total: '374.50',
      course_redemption: null,
    },
  ],
  payments: [],
  ...extra,
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function queue(rows: unknown[]) {
  setActivePinia(createPinia())
  fakeApi({ 'GET /api/v1/commerce/invoices/to-collect': () => page(rows) })
  const wrapper = mount(ToCollectQueue, {
    props: { clinicId: null },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
  await vi.waitFor(() => expect(wrapper.find('[data-testid="to-collect-row"]').exists()).toBe(true))
  return wrapper
}

describe('ToCollectQueue', () => {
  it('shows a deposit applied to a visit and what is left to collect', async () => {
    const wrapper = await queue([
      draft({
        paid_total: '70.00',
        balance_due: '304.50',
        payments: [{ id: 'p1', method: 'deposit', method_label: 'Deposit applied', amount: '70.00', reference: 'INV-000042' }],
      }),
    ])
    expect(wrapper.find('[data-testid="to-collect-deposit"]').text()).toBe('Deposit applied (INV-000042)−THB\u00a070.00')
    expect(wrapper.find('[data-testid="to-collect-balance"]').text()).toBe('To collect THB\u00a0304.50')
  })

  it('shows neither for a visit nothing was paid for yet', async () => {
    const wrapper = await queue([draft()])
    expect(wrapper.find('[data-testid="to-collect-deposit"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="to-collect-balance"]').exists()).toBe(false)
  })
})
