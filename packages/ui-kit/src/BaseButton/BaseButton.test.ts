import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { BaseButton } from '.'

describe('BaseButton', () => {
  it('renders its slot as a button of the given type', () => {
    const wrapper = mount(BaseButton, { props: { type: 'submit' }, slots: { default: 'Save' } })
    expect(wrapper.text()).toBe('Save')
    expect(wrapper.attributes('type')).toBe('submit')
  })

  it('emits click when enabled', async () => {
    const wrapper = mount(BaseButton)
    await wrapper.trigger('click')
    expect(wrapper.emitted('click')).toHaveLength(1)
  })

  it('is busy and inert while loading', async () => {
    const wrapper = mount(BaseButton, { props: { loading: true } })
    expect(wrapper.attributes('aria-busy')).toBe('true')
    expect(wrapper.attributes('disabled')).toBeDefined()
    await wrapper.trigger('click')
    expect(wrapper.emitted('click')).toBeUndefined()
  })

  it('uses the danger colours for the danger variant', () => {
    const wrapper = mount(BaseButton, { props: { variant: 'danger' } })
    expect(wrapper.classes()).toContain('bg-red-600')
  })
})
