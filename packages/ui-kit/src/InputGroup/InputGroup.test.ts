import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { InputGroup } from '.'

describe('InputGroup', () => {
  it('ties its label to the input', () => {
    const wrapper = mount(InputGroup, { props: { label: 'Mobile number', id: 'phone' } })
    expect(wrapper.get('label').attributes('for')).toBe('phone')
    expect(wrapper.get('input').attributes('id')).toBe('phone')
  })

  it('generates distinct ids when none is given', () => {
    const form = mount(
      defineComponent({
        components: { InputGroup },
        template: '<form><InputGroup label="A" /><InputGroup label="B" /></form>',
      }),
    )
    const [a, b] = form.findAll('input').map((input) => input.attributes('id'))
    expect(a).toBeTruthy()
    expect(a).not.toBe(b)
  })

  it('emits update:modelValue as the user types', async () => {
    const wrapper = mount(InputGroup, { props: { label: 'Name', modelValue: '' } })
    await wrapper.get('input').setValue('Dao')
    expect(wrapper.emitted('update:modelValue')?.[0]).toEqual(['Dao'])
  })

  it('marks the input invalid and describes it by the error', () => {
    const wrapper = mount(InputGroup, {
      props: { label: 'Phone', id: 'p', hint: 'E.164', errors: ['Enter a valid number.'] },
    })
    const input = wrapper.get('input')
    expect(input.attributes('aria-invalid')).toBe('true')
    expect(input.attributes('aria-describedby')).toBe('p-hint p-error')
    expect(wrapper.get('#p-error').text()).toBe('Enter a valid number.')
  })

  it('is valid without errors', () => {
    const wrapper = mount(InputGroup, { props: { label: 'Phone' } })
    expect(wrapper.get('input').attributes('aria-invalid')).toBeUndefined()
    expect(wrapper.get('input').attributes('aria-describedby')).toBeUndefined()
  })
})
