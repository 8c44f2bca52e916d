import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { FieldErrors } from '.'

describe('FieldErrors', () => {
  it('lists every field message under the title as an alert', () => {
    const wrapper = mount(FieldErrors, {
      props: {
        title: 'Please fix the form.',
        errors: { phone: ['Enter a valid number.'], role: ['Unknown role.', 'Required.'], email: [] },
        labels: { phone: 'Mobile number' },
      },
    })
    expect(wrapper.attributes('role')).toBe('alert')
    expect(wrapper.text()).toContain('Please fix the form.')
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual([
      'Mobile number: Enter a valid number.',
      'role: Unknown role. Required.',
    ])
  })

  it('renders nothing without errors', () => {
    expect(mount(FieldErrors).html()).toBe('<!--v-if-->')
  })
})
