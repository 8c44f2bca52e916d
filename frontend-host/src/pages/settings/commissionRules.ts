// The commission rule editor's form model: a draft as the inputs hold it (strings), the
// request body it becomes, the period a preview reads and the state of a saved rule.
// The server decides what is valid (commissions.services._validate_rule); nothing here
// repeats its checks.
import type { Schemas } from '@aesthetix/api-client'

export type Rule = Schemas['CommissionRule']
export type RuleBody = Schemas['CommissionRuleInputRequest']
export type Scope = Schemas['ScopeEnum']
export type TierPeriod = Schemas['TierPeriodEnum']

export const SCOPES: Scope[] = ['service_category', 'service', 'product', 'course']
export const CATEGORIES = [
  'consultation',
  'neurotoxin',
  'filler',
  'biostimulator',
  'laser',
  'energy',
  'peel',
  'skin',
] as const satisfies readonly Schemas['ServiceCategoryEnum'][]

export interface TierDraft {
  above: string
  value: string
}

export interface RuleDraft {
  name: string
  scope: Scope
  /** The service, product or course named by an item scope ('' = every one), or the category. */
  target: string
  rate_type: Schemas['RateTypeEnum']
  value: string
  tiers: TierDraft[]
  tier_mode: Schemas['TierModeEnum']
  tier_period: TierPeriod
  settle_at_period_close: boolean
  organization_wide: boolean
  priority: string
  effective_from: string
  effective_to: string
}

export function draftEmpty(today: string): RuleDraft {
  return {
    name: '',
    scope: 'service_category',
    target: CATEGORIES[0],
    rate_type: 'percentage',
    value: '',
    tiers: [],
    tier_mode: 'whole_period',
    tier_period: 'month',
    settle_at_period_close: true,
    organization_wide: false,
    priority: '0',
    effective_from: today,
    effective_to: '',
  }
}

function targetOf(rule: Rule): string {
  if (rule.scope === 'service_category') return rule.service_category
  return (rule.scope === 'service' ? rule.service : rule.scope === 'product' ? rule.product : rule.course) ?? ''
}

export function draftOf(rule: Rule): RuleDraft {
  return {
    name: rule.name,
    scope: rule.scope,
    target: targetOf(rule),
    rate_type: rule.rate_type,
    value: rule.value,
    tiers: rule.tiers.map((tier) => ({ above: tier.above, value: tier.value })),
    tier_mode: rule.tier_mode,
    tier_period: rule.tier_period,
    settle_at_period_close: rule.settle_at_period_close,
    organization_wide: rule.organization_wide,
    priority: String(rule.priority),
    effective_from: rule.effective_from,
    effective_to: rule.effective_to ?? '',
  }
}

/** The body of a create, an edit (every editable field) or a preview. Numbers stay the
 *  strings typed, so the server names the field of one it cannot read. */
export function bodyOf(draft: RuleDraft): RuleBody {
  const target = draft.target || null
  return {
    name: draft.name,
    scope: draft.scope,
    service: draft.scope === 'service' ? target : null,
    service_category: draft.scope === 'service_category' ? (draft.target as Schemas['ServiceCategoryEnum']) : '',
    product: draft.scope === 'product' ? target : null,
    course: draft.scope === 'course' ? target : null,
    rate_type: draft.rate_type,
    value: draft.value.trim(),
    tiers: draft.tiers.map((tier) => ({ above: tier.above.trim(), value: tier.value.trim() })),
    tier_mode: draft.tier_mode,
    tier_period: draft.tier_period,
    settle_at_period_close: draft.settle_at_period_close,
    organization_wide: draft.organization_wide,
    priority: Number(draft.priority.trim() || '0'),
    effective_from: draft.effective_from,
    effective_to: draft.effective_to || null,
  }
}

/** The first day (YYYY-MM-01) of the tier period holding `month` (YYYY-MM). */
export function periodOf(month: string, tierPeriod: TierPeriod): string {
  const [year, number] = month.split('-').map(Number) as [number, number]
  const first = tierPeriod === 'quarter' ? Math.floor((number - 1) / 3) * 3 + 1 : number
  return `${year}-${String(first).padStart(2, '0')}-01`
}

/** The month (YYYY-MM) before the one of `today` (YYYY-MM-DD): "last month". */
export function lastMonth(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

export type RuleState = 'active' | 'scheduled' | 'ended' | 'inactive'

/** Where a rule stands on the clinic's `today` (YYYY-MM-DD). */
export function ruleState(rule: Rule, today: string): RuleState {
  if (!rule.is_active) return 'inactive'
  if (rule.effective_to && rule.effective_to < today) return 'ended'
  return rule.effective_from > today ? 'scheduled' : 'active'
}
