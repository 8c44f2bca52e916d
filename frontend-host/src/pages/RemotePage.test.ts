import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { Component } from 'vue'
import { i18n } from '../i18n'
import RemotePage from './RemotePage.vue'

const stub = (name: string) => defineComponent({ render: () => h('div', { 'data-testid': `remote-${name}` }) })
// When set, each module asked for waits until the test hands it over (its code arriving).
const held = vi.hoisted(() => ({ arrivals: null as Map<string, (module: Component) => void> | null }))

// The federation runtime stands in for the remotes: the scheduling remote answers with a
// stub of its module, the pos remote's remoteEntry.js cannot be fetched.
vi.mock('../federation', () => ({
  remoteLoad: async (id: string) => {
    if (held.arrivals) return new Promise((resolve) => held.arrivals!.set(id, resolve))
    if (id !== 'scheduling/CalendarModule') throw new Error('remoteEntry.js: net::ERR_CONNECTION_REFUSED')
    return stub('CalendarModule')
  },
}))

function mountRemote(remote: 'scheduling' | 'pos') {
  return mount(RemotePage, { props: { remote }, global: { plugins: [createPinia(), i18n] } })
}

describe('RemotePage', () => {
  it('renders the remote module once loaded', async () => {
    const wrapper = mountRemote('scheduling')
    expect(wrapper.get('[role="status"]').text()).toBe('Loading module…')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="remote-CalendarModule"]').exists()).toBe(true))
  })

  it('shows the module of the page asked for last, whichever module arrives last', async () => {
    held.arrivals = new Map()
    try {
      const wrapper = mountRemote('scheduling')
      await vi.waitFor(() => expect(held.arrivals!.has('scheduling/CalendarModule')).toBe(true))
      await wrapper.setProps({ remote: 'pos' }) // Billing clicked while the calendar still loads
      await vi.waitFor(() => expect(held.arrivals!.has('pos/BillingModule')).toBe(true))
      held.arrivals.get('pos/BillingModule')!(stub('BillingModule'))
      await vi.waitFor(() => expect(wrapper.find('[data-testid="remote-BillingModule"]').exists()).toBe(true))
      held.arrivals.get('scheduling/CalendarModule')!(stub('CalendarModule')) // the calendar's code, late
      await flushPromises()
      expect(wrapper.find('[data-testid="remote-CalendarModule"]').exists()).toBe(false)
      expect(wrapper.find('[data-testid="remote-BillingModule"]').exists()).toBe(true)
    } finally {
      held.arrivals = null
    }
  })

  it('shows a friendly panel with a retry when the remote cannot be loaded', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const wrapper = mountRemote('pos')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    const panel = wrapper.get('[role="alert"]')
    expect(panel.text()).toContain('This module could not be loaded')
    expect(panel.get('button').text()).toBe('Try again')
  })
})
