import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import ProductsUsed from './ProductsUsed.vue'

const products = [{ id: 'btx', name: 'Botulinum toxin 100 U vial', unit: 'vial' }]
const lots = [
  { id: 'A', product: 'btx', lot_number: 'BTX-A24', expiry_date: '2027-03-01' },
  { id: 'B', product: 'btx', lot_number: 'BTX-B11', expiry_date: '2027-09-01' },
]
const session = { id: 's1', status: 'in_progress', products: [] }
const points = [{ x: 0.3, y: 0.4, product: 'btx', lot: 'A', units: '4', unit: 'U', depth: 'intramuscular' }]

function mounted(materials: { product: string; quantity: string }[] = []) {
  return mount(ProductsUsed, {
    props: { session, points, products, lots, materials } as never,
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('ProductsUsed', () => {
  it('records the charted lot and shows what the server recorded', async () => {
    const recorded = {
      ...session,
      products: [{ id: 'u1', product_id: 'btx', product_name: products[0].name, lot_id: 'A', lot_number: 'BTX-A24', expiry_date: '2027-03-01', quantity: '1.000', unit: 'vial' }],
    }
    const seen = fakeApi({ 'POST /api/v1/clinic/sessions/s1/products': () => json(200, recorded) })
    const wrapper = mounted()
    expect(wrapper.find('[data-testid="products-used-none"]').exists()).toBe(true)
    await wrapper.get('[data-testid="products-from-chart"]').trigger('click')
    expect(wrapper.get('[data-testid="use-lot"]').element).toHaveProperty('value', 'A')
    expect(wrapper.get('[data-testid="use-charted"]').text()).toContain('4 U')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(await seen[0].json()).toEqual({ products: [{ product_id: 'btx', quantity: '1', lot_id: 'A' }] })
    expect(wrapper.emitted('recorded')![0]).toEqual([recorded])
    expect(wrapper.find('[data-testid="products-use-row"]').exists()).toBe(false)
  })

  it("keeps the rows and shows the server's message on the row it names", async () => {
    fakeApi({
      'POST /api/v1/clinic/sessions/s1/products': () =>
        json(400, {
          type: 'about:blank', title: 'Invalid input.', status: 400, code: 'invalid', detail: 'Invalid input.',
          errors: [{ field: 'products.0.quantity', detail: 'Only 2 vial on hand in lot BTX-A24.' }],
        }),
    })
    const wrapper = mounted()
    await wrapper.get('[data-testid="products-from-chart"]').trigger('click')
    await wrapper.get('[data-testid="use-quantity"]').setValue('5')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="products-use-row"]').text()).toContain('Only 2 vial on hand in lot BTX-A24.')
    expect(wrapper.emitted('recorded')).toBeUndefined()
  })

  it("adds what the treatment usually uses, once, and records it with the first-expiring lot", async () => {
    const seen = fakeApi({ 'POST /api/v1/clinic/sessions/s1/products': () => json(200, session) })
    const wrapper = mounted([{ product: 'btx', quantity: '2.000' }])
    await wrapper.get('[data-testid="products-usual"]').trigger('click')
    expect(wrapper.findAll('[data-testid="products-use-row"]')).toHaveLength(1)
    expect(wrapper.get('[data-testid="use-quantity"]').element).toHaveProperty('value', '2')
    // The row is in the form now: nothing more to offer.
    expect(wrapper.find('[data-testid="products-usual"]').exists()).toBe(false)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(await seen[0].json()).toEqual({ products: [{ product_id: 'btx', quantity: '2' }] })
  })
})
