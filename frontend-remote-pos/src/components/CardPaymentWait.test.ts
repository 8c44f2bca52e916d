import { session } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { FakeSocket, fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import { PENDING, settledEvent } from '../testing'
import CardPaymentWait from './CardPaymentWait.vue'

let answer: Schemas['Payment']
let seen: Request[]
beforeEach(() => {
  FakeSocket.made = []
  vi.useFakeTimers()
  vi.stubGlobal('WebSocket', FakeSocket)
  session.setAccessToken('access-1')
  answer = PENDING
  seen = fakeApi({ 'GET /api/v1/commerce/payments/pay-1': () => json(200, answer) })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  session.setAccessToken(null)
})

function mounted(locale = 'en') {
  return mount(CardPaymentWait, {
    props: { payments: [PENDING], clinicId: 'c1' },
    global: { plugins: [createI18n({ legacy: false, locale })] },
  })
}
const box = (wrapper: ReturnType<typeof mounted>) => wrapper.get('[data-testid="card-wait"]')

describe('CardPaymentWait', () => {
  it('waits for the card terminal with the amount, then settles on its payment.settled event without polling', async () => {
    const wrapper = mounted()
    const socket = FakeSocket.made[0]!
    socket.onopen!()
    await flushPromises()
    expect(box(wrapper).attributes('data-status')).toBe('pending')
    expect(wrapper.get('[data-testid="card-wait-text"]').text()).toMatch(/^Waiting for the card terminal… THB\s9,200\.00$/)
    const reads = seen.length
    await vi.advanceTimersByTimeAsync(30_000)
    expect(seen).toHaveLength(reads) // live: no polling

    socket.onmessage!({ data: JSON.stringify(settledEvent('another-payment', 'succeeded')) })
    await flushPromises()
    expect(box(wrapper).attributes('data-status')).toBe('pending')

    socket.onmessage!({ data: JSON.stringify(settledEvent('pay-1', 'succeeded')) })
    await flushPromises()
    expect(box(wrapper).attributes('data-status')).toBe('succeeded')
    expect(wrapper.get('[data-testid="card-received"]').text()).toContain('9,200.00')
    expect(wrapper.emitted('settled')).toEqual([[[{ ...PENDING, status: 'succeeded' }]]])
  })

  it('says why the card failed in the cashier\'s language and offers the card again or another method', async () => {
    const wrapper = mounted('ar')
    FakeSocket.made[0]!.onopen!()
    FakeSocket.made[0]!.onmessage!({ data: JSON.stringify(settledEvent('pay-1', 'failed', 'declined')) })
    await flushPromises()
    expect(box(wrapper).attributes('data-status')).toBe('failed')
    expect(wrapper.get('[data-testid="card-failed"] [role="alert"]').text()).toContain('رُفضت البطاقة')
    await wrapper.get('[data-testid="card-retry"]').trigger('click')
    await wrapper.get('[data-testid="card-another"]').trigger('click')
    const failed = { ...PENDING, status: 'failed', failure_code: 'declined' }
    expect(wrapper.emitted('retry')).toEqual([[failed]])
    expect(wrapper.emitted('another')).toEqual([[failed]])
  })

  it('polls the payment while the socket is down, a bounded number of times, then lets the cashier check again', async () => {
    const wrapper = mounted()
    await flushPromises()
    const reads = () => seen.filter((r) => r.url.endsWith('/payments/pay-1')).length
    expect(reads()).toBe(1) // read once at first
    await vi.advanceTimersByTimeAsync(3_000 * 5)
    expect(reads()).toBe(6)
    await vi.advanceTimersByTimeAsync(3_000 * 100)
    expect(reads()).toBe(41) // 40 polls, then it stops
    expect(wrapper.find('[data-testid="card-wait-no-answer"]').exists()).toBe(true)

    answer = { ...PENDING, status: 'succeeded' }
    await wrapper.get('[data-testid="card-check-again"]').trigger('click')
    await flushPromises()
    expect(box(wrapper).attributes('data-status')).toBe('succeeded')
    await vi.advanceTimersByTimeAsync(30_000)
    expect(reads()).toBe(42) // settled: no more polling
  })
})
