import { clinicRoutes, fakeApi, json, page } from '@aesthetix/api-client/testing'
import { session, useClinicContext } from '@aesthetix/api-client'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import StockTake from './StockTake.vue'

const lot = (id: string, lotNumber: string, onHand: string) => ({
  id,
  product: 'p1',
  product_name: 'Botox 100U',
  unit: 'vial',
  lot_number: lotNumber,
  expiry_date: '2027-05-01',
  registration_number: '',
  unit_cost: '0.00',
  received_at: '2026-01-01T00:00:00Z',
  quantity_on_hand: onHand,
})
const SHEET = [lot('l1', 'BX-1', '5.000'), lot('l2', 'BX-2', '3.000')]

async function mounted(post: (request: Request) => Response | Promise<Response>) {
  const seen = fakeApi({
    ...clinicRoutes({ clinic: { time_zone: 'Asia/Bangkok' } }),
    'GET /api/v1/inventory/stock-take': () => page(SHEET),
    'POST /api/v1/inventory/stock-take': post,
  })
  session.setClinicId('c1')
  await useClinicContext().load()
  const wrapper = mount(StockTake, { global: { plugins: [createI18n({ legacy: false, locale: 'en' })] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, seen }
}
const counted = (wrapper: Awaited<ReturnType<typeof mounted>>['wrapper'], i: number) =>
  wrapper.findAll('[data-testid="take-counted"] input')[i]
const commitButton = () => document.querySelector('[data-testid="take-commit"]') as HTMLButtonElement | null

beforeEach(() => {
  document.body.innerHTML = ''
})
afterEach(() => {
  session.setClinicId(null)
})

describe('StockTake', () => {
  it('asks before committing and sends only the lots that were counted', async () => {
    const { wrapper, seen } = await mounted(() => json(201, { id: 't1', adjustments: [{ id: 'm1' }] }))
    await counted(wrapper, 0).setValue('4')
    expect(wrapper.find('[data-testid="take-difference"]').text()).toContain('-1')
    await wrapper.find('[data-testid="take-review"]').trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('1 lot will be adjusted')
    expect(seen.some((r) => r.method === 'POST')).toBe(false)
    commitButton()!.click()
    await flushPromises()
    const post = seen.find((r) => r.method === 'POST')!
    expect(await post.json()).toEqual({ lines: [{ lot_id: 'l1', expected: '5.000', counted: '4' }], note: '' })
    expect(wrapper.find('[data-testid="take-done"]').text()).toContain('1 adjustment')
    wrapper.unmount()
  })

  it('refuses a count that is not a number next to its field, without asking', async () => {
    const { wrapper, seen } = await mounted(() => json(500, {}))
    await counted(wrapper, 1).setValue('three')
    await wrapper.find('[data-testid="take-review"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="take-counted"]')[1].text()).toContain('Not a valid amount here.')
    expect(commitButton()).toBeNull()
    expect(seen.some((r) => r.method === 'POST')).toBe(false)
    wrapper.unmount()
  })

  it('says the sheet is stale and names the lot when its stock moved meanwhile', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Invalid input',
      status: 400,
      code: 'invalid',
      detail: 'Invalid input',
      errors: [{ field: 'lines.0.expected', detail: 'Stock of lot BX-2 moved since the sheet was read: 2 on hand now.' }],
    }
    const { wrapper } = await mounted(() => json(400, problem))
    await counted(wrapper, 1).setValue('1')
    await wrapper.find('[data-testid="take-review"]').trigger('click')
    await flushPromises()
    commitButton()!.click()
    await flushPromises()
    expect(wrapper.find('[data-testid="take-stale"]').exists()).toBe(true)
    expect(wrapper.findAll('[data-testid="take-counted"]')[1].text()).toContain('BX-2 moved')
    wrapper.unmount()
  })
})
