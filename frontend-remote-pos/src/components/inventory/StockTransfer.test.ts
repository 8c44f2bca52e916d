import { clinicRoutes, fakeApi, json, page } from '@aesthetix/api-client/testing'
import { session, useClinicContext } from '@aesthetix/api-client'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import StockTransfer from './StockTransfer.vue'

const LOT = {
  id: 'l1',
  product: 'p1',
  product_name: 'Sunscreen',
  unit: 'piece',
  lot_number: 'SUN-1',
  expiry_date: '2099-05-01',
  registration_number: '',
  unit_cost: '0.00',
  received_at: '2026-01-01T00:00:00Z',
  quantity_on_hand: '20.000',
}
const DESTINATIONS = [{ clinic_id: 'c2', clinic_name: 'Sister', products: [{ id: 'p2', name: 'Sunscreen', sku: '', unit: 'piece' }] }]
const movement = (kind: string, quantity: string) => ({ id: kind, lot: 'l1', lot_number: 'SUN-1', product: 'p1', kind, quantity })

async function mounted(post: (request: Request) => Response | Promise<Response>) {
  const seen = fakeApi({
    ...clinicRoutes({ clinic: { time_zone: 'Asia/Bangkok' } }),
    'GET /api/v1/inventory/lots': () => page([LOT]),
    'GET /api/v1/inventory/lots/l1/destinations': () => json(200, DESTINATIONS),
    'GET /api/v1/inventory/movements/transfers': () => page([]),
    'POST /api/v1/inventory/lots/l1/transfer': post,
  })
  session.setClinicId('c1')
  await useClinicContext().load()
  const wrapper = mount(StockTransfer, { global: { plugins: [createI18n({ legacy: false, locale: 'en' })] }, attachTo: document.body })
  await flushPromises()
  // The one product: its one lot, the one sister clinic and its product follow by themselves.
  await wrapper.find('[data-testid="xfer-product"] button').trigger('click')
  await flushPromises()
  ;(document.querySelector('[role="option"]') as HTMLElement).click()
  await flushPromises()
  return { wrapper, seen }
}
const sendButton = () => document.querySelector('[data-testid="xfer-send"]') as HTMLButtonElement | null

beforeEach(() => {
  document.body.innerHTML = ''
})
afterEach(() => {
  session.setClinicId(null)
})

describe('StockTransfer', () => {
  it('refuses more than on hand next to the quantity, without asking', async () => {
    const { wrapper, seen } = await mounted(() => json(500, {}))
    await wrapper.find('[data-testid="xfer-quantity"] input').setValue('21')
    await wrapper.find('[data-testid="xfer-review"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="xfer-quantity"]').text()).toContain('Only 20 pcs on hand in this lot.')
    expect(sendButton()).toBeNull()
    expect(seen.some((r) => r.method === 'POST')).toBe(false)
    wrapper.unmount()
  })

  it('asks first, sends one transfer id, and shows both movements', async () => {
    const { wrapper, seen } = await mounted(() =>
      json(201, { transfer_id: 't1', to_clinic_id: 'c2', out: movement('transfer_out', '-2.000'), into: movement('transfer_in', '2.000') }),
    )
    await wrapper.find('[data-testid="xfer-quantity"] input').setValue('2')
    await wrapper.find('[data-testid="xfer-review"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('cannot be undone')
    sendButton()!.click()
    await flushPromises()
    const body = await seen.find((r) => r.method === 'POST')!.json()
    expect(body).toMatchObject({ quantity: '2', to_clinic_id: 'c2', to_product_id: 'p2', note: '' })
    expect(body.transfer_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(wrapper.find('[data-testid="xfer-done-out"]').text()).toContain('-2')
    expect(wrapper.find('[data-testid="xfer-done-in"]').text()).toContain('\u2068Sister\u2069: +2') // isolated for RTL
    wrapper.unmount()
  })

  it('shows the server’s refusal next to the field it names', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid input',
      status: 400,
      code: 'invalid',
      detail: 'Invalid input',
      errors: [{ field: 'to_product_id', detail: 'The same product in another clinic of this organization.' }],
    }
    const { wrapper } = await mounted(() => json(400, problem))
    await wrapper.find('[data-testid="xfer-quantity"] input').setValue('1')
    await wrapper.find('[data-testid="xfer-review"]').trigger('click')
    await flushPromises()
    sendButton()!.click()
    await flushPromises()
    expect(wrapper.find('[data-testid="xfer-destination-product-error"]').text()).toContain('The same product in another clinic')
    expect(wrapper.find('[data-testid="xfer-problem"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
