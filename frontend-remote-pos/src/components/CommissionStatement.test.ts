import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json } from '@aesthetix/api-client/testing'
import type { Route } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import CommissionStatement from './CommissionStatement.vue'

// 20:00 UTC on 31 March is already 1 April in Bangkok: the clinic's month is April.
const NOW = new Date('2026-03-31T20:00:00Z')
const STAFF = [
  { role: 'doctor', is_active: true, user: { id: 'd1', full_name: 'Dr. Kittipong' } },
  { role: 'nurse', is_active: true, user: { id: 'n1', full_name: 'Nurse Ploy' } },
]

function log(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    kind: 'commission',
    status: 'accrued',
    sale: `s-${id}`,
    sale_number: `S-00${id}`,
    sale_line: `l-${id}`,
    line_description: 'Botox 50 U',
    refund: null,
    practitioner: 'd1',
    practitioner_name: 'Dr. Kittipong',
    rule: 'r1',
    rule_version: 1,
    share: '100.00',
    basis_amount: '1000.00',
    rate: '10.00',
    rate_type: 'percentage',
    tier_above: null,
    amount: '100.00',
    currency: 'THB',
    period: '2026-04-01',
    created_at: '2026-04-05T03:00:00Z', // written by the calculation, later
    occurred_at: '2026-03-31T20:00:00Z', // the sale: 1 April in Bangkok
    earned: '40.00',
    ...extra,
  }
}

function statement(lines: unknown[], adjustments: unknown[] = [], extra: Record<string, unknown> = {}) {
  return {
    practitioner_id: 'd1',
    period: '2026-04-01',
    currency: lines.length ? 'THB' : null,
    lines,
    adjustments,
    commission_total: '150.00',
    reversal_total: '-30.00',
    adjustment_total: '0.00',
    total: '120.00',
    earned_total: '70.00',
    pending_total: '50.00',
    ...extra,
  }
}

const LINES = [
  log('1'),
  log('2', { rate_type: 'fixed_per_unit', rate: '50.00', basis_amount: '500.00', amount: '50.00', earned: '50.00', line_description: 'Serum', share: '60.00' }),
  log('3', { kind: 'reversal', amount: '-30.00', basis_amount: '-300.00', earned: '-20.00' }),
]

function routes(permissions: string[], extra: Record<string, Route>, userId = 'd1') {
  return fakeApi({
    ...clinicRoutes({ permissions, userId, clinic: { time_zone: 'Asia/Bangkok', currency: 'THB' }, staff: STAFF }),
    ...extra,
  })
}

function mounted() {
  return mount(CommissionStatement, {
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
    attachTo: document.body,
  })
}

/** Text with Intl's no-break spaces and bidi marks as plain spaces. */
const plain = (text: string) => text.replace(/[\s\u2068\u2069]+/g, ' ').trim()
const statementRequests = (seen: Request[], path = '/api/v1/commissions/logs/statement') =>
  seen.filter((r) => new URL(r.url).pathname === path).map((r) => Object.fromEntries(new URL(r.url).searchParams))

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  session.setClinicId('c1')
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  useClinicContext().clear()
  document.body.innerHTML = ''
})

describe('CommissionStatement', () => {
  it("shows a practitioner their own statement for the clinic's month, with no picker and no settle", async () => {
    const seen = routes(['commission.view_own'], {
      'GET /api/v1/commissions/logs/statement': () => json(200, statement(LINES)),
    })
    await useClinicContext().load()
    const wrapper = mounted()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="statement-line"]')).toHaveLength(3))
    // Their own: no practitioner is sent (the server answers the caller's), for April.
    expect(statementRequests(seen)).toEqual([{ period: '2026-04-01' }])
    expect((wrapper.get('[data-testid="statement-month"]').element as HTMLInputElement).value).toBe('2026-04')
    expect(wrapper.find('[data-testid="statement-practitioner"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="statement-settle"]').exists()).toBe(false)
    expect(plain(wrapper.get('[data-testid="statement-heading"]').text())).toBe('Dr. Kittipong · April 2026')

    const [first, perUnit, reversal] = wrapper.findAll('[data-testid="statement-line"]')
    expect(plain(first!.text())).toContain('Apr 1, 2026') // the sale's date in the clinic, not UTC's 31 March
    expect(plain(first!.text())).toContain('S-001')
    expect(plain(first!.get('[data-testid="statement-rate"]').text())).toBe('10 %')
    expect(plain(first!.get('[data-testid="statement-amount"]').text())).toBe('THB 100.00')
    expect(plain(first!.get('[data-testid="statement-earned"]').text())).toBe('THB 40.00')
    expect(first!.get('[data-testid="statement-status"]').text()).toBe('Accrued')
    expect(plain(perUnit!.get('[data-testid="statement-rate"]').text())).toBe('THB 50.00 per unit')
    expect(plain(perUnit!.text())).toContain('(60 % share)')
    expect(reversal!.attributes('data-kind')).toBe('reversal')
    expect(reversal!.get('[data-testid="statement-reversal"]').text()).toBe('Reversal')
    expect(plain(reversal!.get('[data-testid="statement-amount"]').text())).toBe('-THB 30.00')

    const total = (key: string) => plain(wrapper.get(`[data-testid="statement-total-${key}"] dd`).text())
    expect([total('commission'), total('reversals'), total('total'), total('earned'), total('pending')]).toEqual([
      'THB 150.00',
      '-THB 30.00',
      'THB 120.00',
      'THB 70.00',
      'THB 50.00',
    ])
  })

  it('says when the month has no commission, and shows the server refusal with a retry', async () => {
    let answer: Response = json(200, statement([], [], { commission_total: '0.00', total: '0.00' }))
    const seen = routes(['commission.view_own'], { 'GET /api/v1/commissions/logs/statement': () => answer })
    await useClinicContext().load()
    const wrapper = mounted()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="statement-empty"]').exists()).toBe(true))
    expect(plain(wrapper.get('[data-testid="statement-empty"]').text())).toContain('No commission in April 2026.')
    expect(wrapper.get('[data-testid="statement-csv"]').attributes('disabled')).toBeDefined()

    answer = json(400, { title: 'Invalid input.', status: 400, detail: 'Invalid input.', errors: [{ field: 'period', detail: 'Give the first day of the period.' }] })
    await wrapper.get('[data-testid="statement-month"]').setValue('2026-02')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="statement-problem"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="statement-problem"]').text()).toContain('Give the first day of the period.')
    expect(statementRequests(seen).at(-1)).toEqual({ period: '2026-02-01' })

    answer = json(200, statement(LINES))
    await wrapper.get('[data-testid="statement-retry"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="statement-line"]')).toHaveLength(3))
    expect(wrapper.find('[data-testid="statement-problem"]').exists()).toBe(false)
  })

  it('lets a manager pick a practitioner and download the CSV and the Excel file of the same statement', async () => {
    const seen = routes(['commission.view_own', 'commission.view_all'], {
      'GET /api/v1/commissions/logs/statement': () => json(200, statement(LINES)),
      'GET /api/v1/commissions/logs/statement/csv': () =>
        new Response('date,kind\n', {
          status: 200,
          headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="commissions-n1-2026-04.csv"' },
        }),
      'GET /api/v1/commissions/logs/statement/xlsx': () =>
        new Response('PK', {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            'Content-Disposition': 'attachment; filename="commissions-n1-2026-04.xlsx"',
          },
        }),
    }, 'm1') // a manager who does not practise here
    await useClinicContext().load()
    const wrapper = mounted()
    await flushPromises()
    // Nobody is picked yet: a prompt, and no statement asked for.
    expect(wrapper.find('[data-testid="statement-choose"]').exists()).toBe(true)
    expect(statementRequests(seen)).toEqual([])
    const picker = wrapper.get('[data-testid="statement-practitioner"]')
    expect(picker.findAll('option').map((o) => o.text())).toEqual(['Choose a practitioner', 'Dr. Kittipong', 'Nurse Ploy'])
    await picker.setValue('n1')
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="statement-line"]')).toHaveLength(3))
    expect(statementRequests(seen).at(-1)).toEqual({ period: '2026-04-01', practitioner: 'n1' })
    expect(plain(wrapper.get('[data-testid="statement-heading"]').text())).toBe('Nurse Ploy · April 2026')

    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:csv')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download)
    })
    await wrapper.get('[data-testid="statement-csv"]').trigger('click')
    await vi.waitFor(() => expect(saved).toEqual(['commissions-n1-2026-04.csv']))
    expect(created).toHaveBeenCalledOnce()
    expect(statementRequests(seen, '/api/v1/commissions/logs/statement/csv')).toEqual([{ period: '2026-04-01', practitioner: 'n1' }])
    await wrapper.get('[data-testid="statement-xlsx"]').trigger('click')
    await vi.waitFor(() => expect(saved).toEqual(['commissions-n1-2026-04.csv', 'commissions-n1-2026-04.xlsx']))
    expect(statementRequests(seen, '/api/v1/commissions/logs/statement/xlsx')).toEqual([{ period: '2026-04-01', practitioner: 'n1' }])

    await picker.setValue('')
    expect(wrapper.get('[data-testid="statement-choose"]').text()).toBe('Choose a practitioner to see their statement.')
  })

  it('settles an ended month only after the confirmation, then shows the settled lines', async () => {
    let settled = false
    const posted: unknown[] = []
    // The manager also practises here (d1): the picker starts on them.
    const seen = routes(['commission.view_own', 'commission.view_all', 'commission.settle'], {
      'GET /api/v1/commissions/logs/statement': () =>
        json(200, statement(settled ? LINES.map((line) => ({ ...line, status: 'settled' })) : LINES, settled ? [log('9', { kind: 'adjustment', status: 'settled', sale: null, sale_number: null, amount: '45.00', tier_above: '1000.00' })] : [])),
      'POST /api/v1/commissions/logs/settle': async (request) => {
        posted.push(await request.json())
        settled = true
        return json(200, { adjustments: [log('9', { kind: 'adjustment' })] })
      },
    })
    await useClinicContext().load()
    const wrapper = mounted()
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="statement-line"]')).toHaveLength(3))
    // The month still running is not offered for settling.
    expect(wrapper.find('[data-testid="statement-settle"]').exists()).toBe(false)

    await wrapper.get('[data-testid="statement-month"]').setValue('2026-03')
    await vi.waitFor(() => expect(statementRequests(seen).at(-1)).toEqual({ period: '2026-03-01', practitioner: 'd1' }))
    await vi.waitFor(() => expect(wrapper.find('[data-testid="statement-settle"]').exists()).toBe(true))
    await wrapper.get('[data-testid="statement-settle"]').trigger('click')
    await vi.waitFor(() => expect(document.body.textContent).toContain('This cannot be undone.'))
    expect(document.body.textContent).toContain('Settle March 2026 for')
    ;(document.querySelector('[data-testid="statement-settle-cancel"]') as HTMLElement).click()
    await flushPromises()
    expect(posted).toEqual([]) // cancelled: nothing sent

    await wrapper.get('[data-testid="statement-settle"]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('[data-testid="statement-settle-confirm"]')).not.toBeNull())
    ;(document.querySelector('[data-testid="statement-settle-confirm"]') as HTMLElement).click()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="statement-notice"]').exists()).toBe(true))
    expect(posted).toEqual([{ period: '2026-03-01', practitioner: 'd1' }])
    expect(wrapper.get('[data-testid="statement-notice"]').text()).toBe('Period settled: 1 adjustment written.')
    expect(wrapper.findAll('[data-testid="statement-status"]').map((s) => s.text())).toEqual(['Settled', 'Settled', 'Settled'])
    expect(plain(wrapper.get('[data-testid="statement-adjustment"]').text())).toContain('Tier above THB 1,000.00')
    expect(wrapper.find('[data-testid="statement-settle"]').exists()).toBe(false) // nothing accrued is left
  })
})
