import { describe, expect, it } from 'vitest'
import { auditQuery, chainState, changeRows, emptyAuditFilters, emptyMessageFilters, filtersActive, messageQuery, retryable, templateTextKey, verifyQuery } from './messageLog'

describe('messages log', () => {
  it('asks only for the filters that are set', () => {
    const filters = { ...emptyMessageFilters(), status: 'failed', dateFrom: '2026-12-01' }
    expect(messageQuery(filters, 2, 25)).toEqual({ page: 2, page_size: 25, status: 'failed', date_from: '2026-12-01' })
    expect(filtersActive(filters)).toBe(true)
    expect(filtersActive(emptyMessageFilters())).toBe(false)
  })

  it('offers retry only for a failed message with a recipient', () => {
    expect(retryable({ status: 'failed', recipient: '081-XXX-0101' })).toBe(true)
    expect(retryable({ status: 'failed', recipient: '' })).toBe(false)
    expect(retryable({ status: 'sent', recipient: '081-XXX-0101' })).toBe(false)
    expect(retryable({ status: 'scheduled', recipient: '081-XXX-0101' })).toBe(false)
  })

  it('turns template keys into text keys', () => {
    expect(templateTextKey('appointment.reminder')).toBe('appointment_reminder')
  })
})

describe('audit viewer', () => {
  it('trims the action prefix and verifies the period only', () => {
    const filters = { ...emptyAuditFilters(), action: ' patient. ', actor: 'u-1', dateTo: '2026-12-06' }
    expect(auditQuery(filters, 1, 50)).toEqual({ page: 1, page_size: 50, action: 'patient.', actor: 'u-1', date_to: '2026-12-06' })
    expect(verifyQuery(filters)).toEqual({ date_to: '2026-12-06' })
  })

  it('reads changes as old and new values, sorted by field', () => {
    expect(changeRows({ status: ['failed', 'scheduled'], phone: [null, '+6XXXXX50101'], tags: [[], ['vip']] })).toEqual([
      { field: 'phone', before: '—', after: '+6XXXXX50101' },
      { field: 'status', before: 'failed', after: 'scheduled' },
      { field: 'tags', before: '[]', after: '["vip"]' },
    ])
  })

  it('says whether the chain holds, is empty, or where it breaks', () => {
    const base = { first_sequence: 1, last_sequence: 3, events: 3, verified: true, first_break: null }
    expect(chainState(base)).toEqual({ kind: 'verified', events: 3 })
    expect(chainState({ ...base, events: 0, first_sequence: null, last_sequence: null })).toEqual({ kind: 'empty' })
    const broken = { ...base, verified: false, first_break: { event_id: 'e-2', sequence: 2, problem: 'hash_mismatch' as const, expected: 'a', found: 'b' } }
    expect(chainState(broken)).toEqual({ kind: 'broken', eventId: 'e-2', sequence: 2, problem: 'hash_mismatch' })
  })
})
