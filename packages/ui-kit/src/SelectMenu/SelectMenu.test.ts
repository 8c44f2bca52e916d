import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { SelectMenu } from '.'

const options = [
  { value: 'en', label: 'English' },
  { value: 'th', label: 'ไทย' },
  { value: 'ar', label: 'العربية' },
]

afterEach(() => {
  document.body.innerHTML = ''
})

describe('SelectMenu', () => {
  it('shows the selected label, or the placeholder', () => {
    const chosen = mount(SelectMenu, { props: { label: 'Language', options, modelValue: 'th' } })
    expect(chosen.get('button').text()).toContain('ไทย')
    const empty = mount(SelectMenu, { props: { label: 'Language', options, placeholder: 'Pick one' } })
    expect(empty.get('button').text()).toContain('Pick one')
  })

  it('is a labelled listbox button that opens the options', async () => {
    const wrapper = mount(SelectMenu, { props: { label: 'Language', options, modelValue: 'en' }, attachTo: document.body })
    await nextTick()
    const button = wrapper.get('button')
    expect(button.attributes('aria-haspopup')).toBe('listbox')
    expect(button.attributes('aria-expanded')).toBe('false')
    const label = document.getElementById(button.attributes('aria-labelledby')!.split(' ')[0])
    expect(label?.textContent?.trim()).toBe('Language')
    await button.trigger('click')
    await nextTick()
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(wrapper.findAll('[role="option"]').map((o) => o.text())).toEqual(['English', 'ไทย', 'العربية'])
  })

  it('emits the chosen value', async () => {
    const wrapper = mount(SelectMenu, { props: { label: 'Language', options, modelValue: 'en' }, attachTo: document.body })
    await wrapper.get('button').trigger('click')
    await nextTick()
    await wrapper.findAll('[role="option"]')[2].trigger('click')
    expect(wrapper.emitted('update:modelValue')).toEqual([['ar']])
  })
})
