import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { i18n } from '../i18n'
import RemotePage from './RemotePage.vue'

// The federation runtime stands in for the remotes: the scheduling remote answers with a
// stub of its module, the pos remote's remoteEntry.js cannot be fetched.
vi.mock('../federation', () => ({
  remoteLoad: async (id: string) => {
    if (id !== 'scheduling/CalendarModule') throw new Error('remoteEntry.js: net::ERR_CONNECTION_REFUSED')
    return defineComponent({ render: () => h('div', { 'data-testid': 'remote-CalendarModule' }) })
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

  it('shows a friendly panel with a retry when the remote cannot be loaded', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const wrapper = mountRemote('pos')
    await vi.waitFor(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    const panel = wrapper.get('[role="alert"]')
    expect(panel.text()).toContain('This module could not be loaded')
    expect(panel.get('button').text()).toBe('Try again')
  })
})
