import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ToastStack } from '.'

const toasts = [
  { id: 1, kind: 'success' as const, message: 'Booked' },
  { id: 2, kind: 'error' as const, message: 'The room is taken' },
]

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('ToastStack', () => {
  it('announces errors assertively and the rest politely', () => {
    const wrapper = mount(ToastStack, { props: { toasts } })
    expect(wrapper.get('[role="status"]').text()).toContain('Booked')
    expect(wrapper.get('[role="alert"]').attributes('aria-live')).toBe('assertive')
  })

  it('emits dismiss from the close button', async () => {
    const wrapper = mount(ToastStack, { props: { toasts, closeLabel: 'Close' } })
    await wrapper.findAll('button[aria-label="Close"]')[1].trigger('click')
    expect(wrapper.emitted('dismiss')).toEqual([[2]])
  })

  it('asks to dismiss each toast after the timeout', () => {
    const wrapper = mount(ToastStack, { props: { toasts, timeout: 1000 } })
    vi.advanceTimersByTime(999)
    expect(wrapper.emitted('dismiss')).toBeUndefined()
    vi.advanceTimersByTime(1)
    expect(wrapper.emitted('dismiss')).toEqual([[1], [2]])
  })

  it('keeps toasts with a zero timeout', () => {
    const wrapper = mount(ToastStack, { props: { toasts, timeout: 0 } })
    vi.advanceTimersByTime(60_000)
    expect(wrapper.emitted('dismiss')).toBeUndefined()
  })
})
