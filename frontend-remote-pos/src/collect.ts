/**
 * Collecting an open invoice at the till: the payment rows the cashier types (one or
 * several methods, as at checkout) turned into what the server records with
 * `POST /api/v1/commerce/invoices/{id}/collect`.
 *
 * Cash is the only method that can be given in excess: the change goes back to the
 * patient and only what stays is recorded. Any other method over the balance is a
 * mistake to correct. Paying less than the balance is allowed only when the cashier says
 * so (`leave_balance`), never by accident.
 */
import type { Schemas } from '@aesthetix/api-client'
import type { PaymentRow } from './cart'
import { decimalOf } from './cart'
import { Dec } from './pricing/pricing'

export type CollectPayment = Schemas['PaymentInputRequest']

export interface CollectPlan {
  /** The rows as the server records them (cash reduced by the change; empty rows left out). */
  payments: CollectPayment[]
  /** Cash to give back (zero unless cash given exceeds what remains after the other methods). */
  change: Dec
  /** What stays due after these payments (zero when they cover the balance). */
  remaining: Dec
  /** The row whose amount the server would refuse, and why. */
  problem: { index: number; kind: 'amount' | 'over' } | null
}

/**
 * The plan for `rows` against `balance` (a decimal string in the invoice's currency, with
 * `digits` decimals). Non-cash rows are taken first as typed; cash rows fill what they
 * leave, in order, and their excess is the change.
 */
export function collectPlan(rows: PaymentRow[], balance: string, digits: number): CollectPlan {
  const due = new Dec(balance)
  let others = new Dec(0)
  for (const [index, row] of rows.entries()) {
    if (!row.amount.trim()) continue
    const amount = decimalOf(row.amount)
    if (!amount || amount.lt(0)) return { payments: [], change: new Dec(0), remaining: due, problem: { index, kind: 'amount' } }
    if (row.method === 'cash') continue
    others = others.plus(amount)
    if (others.gt(due)) return { payments: [], change: new Dec(0), remaining: new Dec(0), problem: { index, kind: 'over' } }
  }
  let room = due.minus(others)
  let given = new Dec(0)
  const payments: CollectPayment[] = []
  for (const row of rows) {
    const amount = decimalOf(row.amount)
    if (!amount || !amount.gt(0)) continue
    let kept = amount
    if (row.method === 'cash') {
      given = given.plus(amount)
      kept = amount.gt(room) ? room : amount
      room = room.minus(kept)
      if (!kept.gt(0)) continue
    }
    payments.push({ method: row.method, amount: kept.toFixed(digits), provider_reference: row.reference.trim() })
  }
  const cashKept = payments.filter((p) => p.method === 'cash').reduce((sum, p) => sum.plus(p.amount), new Dec(0))
  return { payments, change: given.minus(cashKept), remaining: room, problem: null }
}

/** Whether the plan may be sent: something is paid, nothing is wrong, and a balance left
 *  over is one the cashier chose to leave. */
export function collectReady(plan: CollectPlan, leaveBalance: boolean): boolean {
  return !plan.problem && plan.payments.length > 0 && (!plan.remaining.gt(0) || leaveBalance)
}
