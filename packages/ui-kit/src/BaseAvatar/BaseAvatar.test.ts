import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { BaseAvatar } from '.'

describe('BaseAvatar', () => {
  it('shows initials named for assistive technology', () => {
    const wrapper = mount(BaseAvatar, { props: { name: 'Somchai Jaidee' } })
    expect(wrapper.attributes('role')).toBe('img')
    expect(wrapper.attributes('aria-label')).toBe('Somchai Jaidee')
    expect(wrapper.text()).toBe('SJ')
  })

  it('shows the photo with the name as alt text', () => {
    const wrapper = mount(BaseAvatar, { props: { name: 'Ana Souza', src: '/a.png', size: 'lg' } })
    expect(wrapper.element.tagName).toBe('IMG')
    expect(wrapper.attributes('alt')).toBe('Ana Souza')
    expect(wrapper.classes()).toContain('h-12')
  })

  it('falls back to initials when the photo fails', async () => {
    const wrapper = mount(BaseAvatar, { props: { name: 'ليلى أحمد', src: '/broken.png' } })
    await wrapper.trigger('error')
    expect(wrapper.text()).toBe('لأ')
  })
})
