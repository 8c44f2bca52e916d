import { session } from '@aesthetix/api-client'
import type { ClinicEventOf } from '@aesthetix/api-client'
import { FakeSocket, fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import CommissionBadge from './CommissionBadge.vue'

const PENDING = { sale_id: 's1', status: 'pending', error: '', completed_at: null, total: '0.00', currency: 'THB', lines: [] }

function calculated(saleId: string): ClinicEventOf<'commission.calculated'> {
  return {
    specversion: '1.0',
    id: `e-${saleId}`,
    type: 'commission.calculated',
    source: 'urn:aesthetix/clinics/c1',
    subject: `sale/${saleId}`,
    time: '2026-01-31T09:00:00Z',
    datacontenttype: 'application/json',
    sequence: '7',
    clinic: 'c1',
    clinicid: 'c1',
    data: {
      sale_id: saleId,
      status: 'done',
      total: '100.00',
      currency: 'THB',
      lines: [
        {
          id: 'log-1',
          sale_line_id: 'l1',
          line_description: 'Botox 50U',
          practitioner_id: 'u1',
          practitioner_name: 'Dr. Ploy',
          kind: 'commission',
          amount: '100.00',
        },
      ],
    },
  }
}

let seen: Request[]
beforeEach(() => {
  FakeSocket.made = []
  vi.useFakeTimers()
  vi.stubGlobal('WebSocket', FakeSocket)
  session.setAccessToken('access-1')
  seen = fakeApi({ 'GET /api/v1/commerce/sales/s1/commission-status/': () => json(200, PENDING) })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  session.setAccessToken(null)
})

function mounted() {
  return mount(CommissionBadge, {
    props: { saleId: 's1', clinicId: 'c1' },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
}

describe('CommissionBadge', () => {
  it('renders the commission.calculated event and does not poll while the socket is open', async () => {
    const badge = mounted()
    const socket = FakeSocket.made[0]!
    socket.onopen!()
    await flushPromises()
    const reads = seen.length
    await vi.advanceTimersByTimeAsync(10_000)
    expect(seen).toHaveLength(reads) // no polling while live

    socket.onmessage!({ data: JSON.stringify(calculated('other-sale')) })
    await flushPromises()
    expect(badge.get('[data-testid="commission-badge"]').attributes('data-status')).toBe('pending')

    socket.onmessage!({ data: JSON.stringify(calculated('s1')) })
    await flushPromises()
    expect(badge.get('[data-testid="commission-badge"]').attributes('data-status')).toBe('done')
    expect(badge.findAll('[data-testid="commission-line"]').map((line) => line.text())).toEqual([
      expect.stringContaining('Dr. Ploy · Botox 50U'),
    ])
    expect(seen).toHaveLength(reads) // rendered from the event, not re-fetched
  })

  it('polls only while the socket is down', async () => {
    mounted()
    const socket = FakeSocket.made[0]!
    await flushPromises()
    await socket.onclose!({ code: 1006 })
    const before = seen.length
    await vi.advanceTimersByTimeAsync(3_000)
    expect(seen.length).toBe(before + 1)

    await vi.advanceTimersByTimeAsync(1_000) // the socket reconnects
    expect(FakeSocket.made).toHaveLength(2)
    FakeSocket.made[1]!.onopen!()
    await flushPromises()
    const open = seen.length
    await vi.advanceTimersByTimeAsync(10_000)
    expect(seen).toHaveLength(open)
  })
})
