import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ErrorPanel } from '.'

describe('ErrorPanel', () => {
  it('announces the problem and offers a retry', async () => {
    const wrapper = mount(ErrorPanel, {
      props: { title: 'The calendar could not be loaded', message: 'Check your connection.', retryLabel: 'Try again' },
    })
    expect(wrapper.attributes('role')).toBe('alert')
    expect(wrapper.get('h2').text()).toBe('The calendar could not be loaded')
    await wrapper.get('button').trigger('click')
    expect(wrapper.emitted('retry')).toHaveLength(1)
  })

  it('has no button without a retry label', () => {
    expect(mount(ErrorPanel, { props: { title: 'Oops' } }).find('button').exists()).toBe(false)
  })
})
