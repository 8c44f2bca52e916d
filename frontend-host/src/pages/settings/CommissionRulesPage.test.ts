import { useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json, page } from '@aesthetix/api-client/testing'
import type { Route } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../../i18n'
import CommissionRulesPage from './CommissionRulesPage.vue'

const RULE = {
  id: 'r1',
  name: 'Laser 8%',
  scope: 'service',
  service: 'svc-laser',
  service_category: '',
  product: null,
  course: null,
  rate_type: 'percentage',
  value: '8.00',
  tiers: [],
  tier_mode: 'whole_period',
  tier_period: 'month',
  settle_at_period_close: true,
  organization_wide: false,
  priority: 0,
  effective_from: '2026-01-01',
  effective_to: null,
  is_active: true,
  currency: 'THB',
  version: 1,
  created_at: '',
  updated_at: '',
}
const refused = (errors: [string, string][]) => ({
  type: 'urn:aesthetix:problem:validation_failed',
  title: 'Invalid input',
  status: 400,
  detail: 'Some fields are not valid.',
  code: 'validation_failed',
  errors: errors.map(([field, detail]) => ({ field, pointer: `#/${field}`, detail })),
})
const PREVIEW = {
  period: '2026-11-01',
  period_end: '2026-11-30',
  currency: 'THB',
  basis_total: '1100.00',
  total: '110.00',
  practitioners: [
    { practitioner_id: 'u1', practitioner_name: 'Dr. Kittipong', lines: 3, basis: '1100.00', volume: '1400.00', rate: '10.00', tier_above: '1000.00', amount: '110.00' },
  ],
}

function routes(extra: Record<string, Route>): Record<string, Route> {
  return {
    ...clinicRoutes({
      clinic: { time_zone: 'Asia/Bangkok', currency: 'THB' },
      permissions: ['commission_rule.manage'],
      services: [{ id: 'svc-laser', name: 'Laser toning' }],
    }),
    ...extra,
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  useClinicContext().clear()
  i18n.global.locale.value = 'en'
  // 20:00 UTC on 30 November is already 1 December in Bangkok: last month is November.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T20:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('CommissionRulesPage', () => {
  it('lists the rules with scope, rate and dates, and says when there is none', async () => {
    fakeApi(routes({ 'GET /api/v1/commissions/rules': () => page([]) }))
    const empty = mount(CommissionRulesPage, { global: { plugins: [i18n] } })
    await flushPromises()
    expect(empty.get('[data-testid="rules-empty"]').text()).toContain('No commission rule yet')
    empty.unmount()

    fakeApi(routes({ 'GET /api/v1/commissions/rules': () => page([RULE, { ...RULE, id: 'r2', name: 'Old', effective_to: '2026-06-30' }]) }))
    const wrapper = mount(CommissionRulesPage, { global: { plugins: [i18n] } })
    await flushPromises()
    const [laser, old] = wrapper.findAll('[data-testid="rule"]')
    expect(laser!.get('[data-testid="rule-scope-text"]').text()).toBe('Treatment: Laser toning · This clinic')
    expect(laser!.get('[data-testid="rule-state"]').text()).toBe('In force')
    expect(old!.get('[data-testid="rule-state"]').text()).toBe('Ended')
    expect(old!.find('[data-testid="rule-end"]').exists()).toBe(false)
  })

  it('previews a tiered draft on last month of the clinic, shows refusals by field, then saves', async () => {
    let refuse = true
    const previewed: unknown[] = []
    const saved: unknown[] = []
    fakeApi(
      routes({
        'GET /api/v1/commissions/rules': () => page([]),
        'POST /api/v1/commissions/rules/preview': async (request) => {
          previewed.push(await request.json())
          return json(200, PREVIEW)
        },
        'POST /api/v1/commissions/rules': async (request) => {
          const body = await request.json()
          saved.push(body)
          if (refuse) {
            refuse = false
            return json(400, refused([['value', 'A percentage cannot exceed 100.'], ['tiers.0.above', 'Thresholds must be positive and strictly ascending.'], ['tier_mode', 'Marginal tiers apply to percentage rules only.']]))
          }
          return json(201, { ...RULE, ...body, id: 'r9' })
        },
      }),
    )
    const wrapper = mount(CommissionRulesPage, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid="rule-add"]').trigger('click')
    await wrapper.get('[data-testid="rule-name"] input').setValue('Toxin tiers')
    await wrapper.get('[data-testid="rule-value"] input').setValue('150')
    await wrapper.get('[data-testid="rule-tier-add"]').trigger('click')
    const tier = wrapper.get('[data-testid="rule-tier-0"]')
    await tier.findAll('input')[0]!.setValue('1000')
    await tier.findAll('input')[1]!.setValue('10')
    expect((wrapper.get('[data-testid="rule-preview-month"]').element as HTMLInputElement).value).toBe('2026-11')

    await wrapper.get('[data-testid="rule-preview-run"]').trigger('click')
    await flushPromises()
    expect(previewed).toHaveLength(1)
    expect(previewed[0]).toMatchObject({ period: '2026-11-01', scope: 'service_category', service_category: 'consultation', value: '150', tiers: [{ above: '1000', value: '10' }] })
    const row = wrapper.get('[data-testid="rule-preview-row"]')
    expect(row.text()).toContain('Dr. Kittipong')
    expect(row.get('[data-testid="rule-preview-amount"]').text()).toContain('110.00')

    await wrapper.get('[data-testid="rule-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="rule-value"]').text()).toContain('A percentage cannot exceed 100.')
    expect(wrapper.get('[data-testid="rule-tier-0"]').text()).toContain('Thresholds must be positive and strictly ascending.')
    expect(wrapper.get('[data-testid="rule-problem"]').text()).toContain('Tier applies to: Marginal tiers apply to percentage rules only.')

    await wrapper.get('[data-testid="rule-value"] input').setValue('5')
    await wrapper.get('[data-testid="rule-form"]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="rule-form"]').exists()).toBe(false)
    expect(saved).toHaveLength(2)
    expect(saved.at(-1)).toMatchObject({ name: 'Toxin tiers', value: '5', effective_from: '2026-12-01' })
  })

  it('ends a rule on the chosen last day after the confirmation', async () => {
    const patched: unknown[] = []
    fakeApi(
      routes({
        'GET /api/v1/commissions/rules': () => page([RULE]),
        'PATCH /api/v1/commissions/rules/r1': async (request) => {
          const body = await request.json()
          patched.push(body)
          return json(200, { ...RULE, ...body })
        },
      }),
    )
    const wrapper = mount(CommissionRulesPage, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    await wrapper.get('[data-testid="rule-end"]').trigger('click')
    await flushPromises()
    expect(patched).toEqual([]) // nothing before the confirmation
    const lastDay = document.querySelector<HTMLInputElement>('[data-testid="rule-end-day"] input')!
    expect(lastDay.value).toBe('2026-12-01') // the clinic's today
    document.querySelector<HTMLElement>('[data-testid="rule-end-confirm"]')!.click()
    await flushPromises()
    expect(patched).toEqual([{ effective_to: '2026-12-01' }])
  })
})
