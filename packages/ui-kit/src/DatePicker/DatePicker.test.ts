import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { DatePicker } from '.'

describe('DatePicker', () => {
  it('renders a labelled date input with bounds', () => {
    const wrapper = mount(DatePicker, {
      props: { label: 'Day', modelValue: '2026-12-01', min: '2026-11-01', max: '2026-12-31' },
    })
    const input = wrapper.get('input')
    expect(input.attributes('type')).toBe('date')
    expect(wrapper.get('label').attributes('for')).toBe(input.attributes('id'))
    expect(input.attributes('min')).toBe('2026-11-01')
    expect(input.attributes('max')).toBe('2026-12-31')
    expect((input.element as HTMLInputElement).value).toBe('2026-12-01')
  })

  it('emits the picked ISO date', async () => {
    const wrapper = mount(DatePicker, { props: { label: 'Day', modelValue: '' } })
    await wrapper.get('input').setValue('2026-12-24')
    expect(wrapper.emitted('update:modelValue')).toEqual([['2026-12-24']])
  })

  it('shows errors and marks the input invalid', () => {
    const wrapper = mount(DatePicker, { props: { label: 'Day', errors: ['Too far ahead.'] } })
    const input = wrapper.get('input')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(wrapper.get(`#${input.attributes('aria-describedby')}`).text()).toBe('Too far ahead.')
  })
})
