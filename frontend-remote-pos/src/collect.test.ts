import { describe, expect, it } from 'vitest'
import type { PaymentRow } from './cart'
import { collectPlan, collectReady } from './collect'

const row = (method: PaymentRow['method'], amount: string, reference = ''): PaymentRow => ({ method, amount, reference })

describe('collectPlan', () => {
  it('gives change when the cash given exceeds what the card leaves', () => {
    const plan = collectPlan([row('card', '300.00', 'AUTH-1'), row('cash', '500')], '650.00', 2)
    expect(plan.problem).toBeNull()
    expect(plan.payments).toEqual([
      { method: 'card', amount: '300.00', provider_reference: 'AUTH-1' },
      { method: 'cash', amount: '350.00', provider_reference: '' },
    ])
    expect(plan.change.toFixed(2)).toBe('150.00')
    expect(plan.remaining.toFixed(2)).toBe('0.00')
    expect(collectReady(plan, false)).toBe(true)
  })

  it('takes cash rows in order and drops one that is all change', () => {
    const plan = collectPlan([row('cash', '100'), row('cash', '100'), row('card', '50')], '120.00', 2)
    expect(plan.payments.map((p) => [p.method, p.amount])).toEqual([
      ['cash', '70.00'],
      ['card', '50.00'],
    ])
    expect(plan.change.toFixed(2)).toBe('130.00')
  })

  it('leaves a balance only when the cashier chooses to', () => {
    const plan = collectPlan([row('cash', '100')], '250.00', 2)
    expect(plan.change.toFixed(2)).toBe('0.00')
    expect(plan.remaining.toFixed(2)).toBe('150.00')
    expect(collectReady(plan, false)).toBe(false)
    expect(collectReady(plan, true)).toBe(true)
  })

  it('refuses a card over the balance: no change is given on a card', () => {
    const plan = collectPlan([row('cash', '10'), row('card', '260')], '250.00', 2)
    expect(plan.problem).toEqual({ index: 1, kind: 'over' })
    expect(collectReady(plan, true)).toBe(false)
  })

  it('names a row whose amount is not a number', () => {
    expect(collectPlan([row('card', '12,5')], '250.00', 2).problem).toEqual({ index: 0, kind: 'amount' })
    expect(collectPlan([row('cash', '-5')], '250.00', 2).problem).toEqual({ index: 0, kind: 'amount' })
  })

  it('needs at least one amount and rounds to the currency digits', () => {
    expect(collectReady(collectPlan([row('cash', '')], '250.00', 2), true)).toBe(false)
    const yen = collectPlan([row('cash', '1000')], '980', 0)
    expect(yen.payments).toEqual([{ method: 'cash', amount: '980', provider_reference: '' }])
    expect(yen.change.toFixed(0)).toBe('20')
  })
})
