import { describe, expect, it } from 'vitest'
import { bodyOf, draftEmpty, draftOf, lastMonth, periodOf, ruleState } from './commissionRules'
import type { Rule } from './commissionRules'

const RULE = {
  id: 'r1',
  name: 'Toxin 5/10',
  scope: 'service',
  service: 's1',
  service_category: '',
  product: null,
  course: null,
  rate_type: 'percentage',
  value: '5.00',
  tiers: [{ above: '100000.00', value: '10.00' }],
  tier_mode: 'marginal',
  tier_period: 'quarter',
  settle_at_period_close: false,
  organization_wide: true,
  priority: 3,
  effective_from: '2026-01-01',
  effective_to: null,
  is_active: true,
  currency: 'THB',
  version: 2,
  created_at: '',
  updated_at: '',
} as Rule

describe('commission rule drafts', () => {
  it('round-trips a saved rule through the form into the body the API takes', () => {
    const body = bodyOf(draftOf(RULE))
    expect(body).toEqual({
      name: 'Toxin 5/10',
      scope: 'service',
      service: 's1',
      service_category: '',
      product: null,
      course: null,
      rate_type: 'percentage',
      value: '5.00',
      tiers: [{ above: '100000.00', value: '10.00' }],
      tier_mode: 'marginal',
      tier_period: 'quarter',
      settle_at_period_close: false,
      organization_wide: true,
      priority: 3,
      effective_from: '2026-01-01',
      effective_to: null,
    })
  })

  it('names the category of a category rule, and "every item" as no item', () => {
    const draft = { ...draftEmpty('2026-12-06'), value: ' 7 ', effective_to: '2026-12-31' }
    expect(bodyOf(draft)).toMatchObject({ scope: 'service_category', service_category: 'consultation', service: null, value: '7', effective_to: '2026-12-31' })
    expect(bodyOf({ ...draft, scope: 'product', target: '' })).toMatchObject({ product: null, service_category: '' })
  })

  it('finds last month and the tier period holding a month', () => {
    expect(lastMonth('2026-12-01')).toBe('2026-11')
    expect(lastMonth('2027-01-31')).toBe('2026-12')
    expect(periodOf('2026-11', 'month')).toBe('2026-11-01')
    expect(periodOf('2026-11', 'quarter')).toBe('2026-10-01')
    expect(periodOf('2026-03', 'quarter')).toBe('2026-01-01')
  })

  it('tells where a rule stands on the clinic day', () => {
    expect(ruleState(RULE, '2026-12-06')).toBe('active')
    expect(ruleState({ ...RULE, effective_from: '2027-01-01' }, '2026-12-06')).toBe('scheduled')
    expect(ruleState({ ...RULE, effective_to: '2026-12-05' }, '2026-12-06')).toBe('ended')
    expect(ruleState({ ...RULE, effective_to: '2026-12-06' }, '2026-12-06')).toBe('active')
    expect(ruleState({ ...RULE, is_active: false }, '2026-12-06')).toBe('inactive')
  })
})
