import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../../i18n'
import PaymentSettingsPage from './PaymentSettingsPage.vue'

// Bangkok: the country has no Pix, so neither is it offered nor is there a Pix key field.
const BANGKOK = {
  payment_methods: ['cash', 'card', 'promptpay', 'bank_transfer'],
  allowed_methods: ['cash', 'card', 'bank_transfer', 'promptpay'],
  promptpay_id: '',
  pix_key: '',
  merchant_city: '',
  walk_in_retail: false,
  deposit_no_show: 'forfeit',
}
const badId = {
  type: 'urn:aesthetix:problem:validation_failed',
  title: 'Invalid input',
  status: 400,
  detail: 'Some fields are not valid.',
  code: 'validation_failed',
  errors: [{ field: 'promptpay_id', pointer: '#/promptpay_id', detail: 'A Thai mobile number or a 13-digit tax ID.' }],
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('PaymentSettingsPage', () => {
  it("offers the country's methods only, names a bad PromptPay ID, then saves the choice", async () => {
    const patches: Record<string, unknown>[] = []
    fakeApi({
      'GET /api/v1/commerce/payments/settings': () => json(200, BANGKOK),
      'PATCH /api/v1/commerce/payments/settings': async (request) => {
        const body = await request.json()
        patches.push(body)
        if (body.promptpay_id === '02-555-0101') return json(400, badId)
        return json(200, { ...BANGKOK, payment_methods: body.payment_methods, promptpay_id: '0815550101' })
      },
    })
    const wrapper = mount(PaymentSettingsPage, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    const boxes = () => wrapper.findAll('[data-testid="payment-settings-method"]')
    expect(boxes().map((b) => b.attributes('data-method'))).toEqual(['cash', 'card', 'promptpay', 'bank_transfer'])
    expect(wrapper.find('[data-testid="payment-settings-pix"]').exists()).toBe(false)

    await boxes()[3]!.setValue(false) // no bank transfers
    await wrapper.get('[data-testid="payment-settings-promptpay"] input').setValue('02-555-0101')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('A Thai mobile number or a 13-digit tax ID.')

    await wrapper.get('[data-testid="payment-settings-promptpay"] input').setValue('081-555-0101')
    await wrapper.get('[data-testid="payment-settings-walk-in"]').setValue(true)
    expect((wrapper.get('[data-choice="forfeit"]').element as HTMLInputElement).checked).toBe(true)
    await wrapper.get('[data-choice="refund"]').setValue(true)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(patches.at(-1)).toEqual({
      payment_methods: ['cash', 'card', 'promptpay'],
      walk_in_retail: true,
      deposit_no_show: 'refund',
      promptpay_id: '081-555-0101',
    })
    expect((wrapper.get('[data-testid="payment-settings-promptpay"] input').element as HTMLInputElement).value).toBe('0815550101')
    expect(boxes().map((b) => (b.element as HTMLInputElement).checked)).toEqual([true, true, true, false])
    wrapper.unmount()
  })
})
