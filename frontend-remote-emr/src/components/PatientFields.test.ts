import { mount, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { Demographics } from '../patientForm'
import PatientFields from './PatientFields.vue'

const demographics: Demographics = {
  given_name: 'Ploy',
  family_name: 'Sukjai',
  birth_date: '1990-01-02',
  sex: 'female',
  phone: '',
  email: 'ploy@example.com',
  address: '',
  preferred_language: 'th',
  preferred_channel: 'line',
  referral_source: '',
}

type Props = { modelValue: Demographics; masked?: Record<string, string>; phoneRequired?: boolean; errors?: Record<string, string[]> }

/** The fields bound like a parent's v-model: each update becomes the next model. */
function fields(props: Props): VueWrapper {
  const wrapper: VueWrapper = mount(PatientFields, {
    props: { ...props, 'onUpdate:modelValue': (value: Demographics) => wrapper.setProps({ modelValue: value }) },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
  return wrapper
}

/** The control labelled `label` (its accessible name, as the browser tests find it). */
function byLabel(wrapper: VueWrapper, label: string) {
  const labelElement = wrapper.findAll('label').find((element) => element.text().replace(/\s*\*$/, '') === label)
  if (!labelElement) throw new Error(`no label ${label}`)
  return byId(wrapper, labelElement.attributes('for')!)
}

function byId(wrapper: VueWrapper, id: string) {
  return wrapper.get(`[id="${id}"]`)
}

describe('PatientFields', () => {
  it('shows a masked contact value as the placeholder, with the hint that typing replaces it', () => {
    const wrapper = fields({
      modelValue: { ...demographics, phone_alt: '' },
      masked: { phone: '081-XXX-0101', address: '***' },
    })
    const phone = byLabel(wrapper, 'Mobile phone')
    expect((phone.element as HTMLInputElement).value).toBe('')
    expect(phone.attributes('placeholder')).toBe('081-XXX-0101')
    expect(phone.attributes('required')).toBeUndefined()
    const phoneHint = byId(wrapper, phone.attributes('aria-describedby')!)
    expect(phoneHint.text()).toBe('Hidden for your role. Type a new value only to replace it.')
    const address = byLabel(wrapper, 'Address')
    expect(address.attributes('placeholder')).toBe('***')
    expect(byId(wrapper, address.attributes('aria-describedby')!).text()).toContain('Hidden for your role')
    // An unmasked field keeps its own hint (or none), and its value.
    expect(byLabel(wrapper, 'Other phone').attributes('placeholder')).toBeUndefined()
    expect((byLabel(wrapper, 'E-mail').element as HTMLInputElement).value).toBe('ploy@example.com')
    expect(wrapper.text()).not.toContain('National ID')
  })

  it('asks a registration for the national ID and a phone, with the phone hint', () => {
    const wrapper = fields({ modelValue: { ...demographics, national_id: '' }, phoneRequired: true })
    const phone = byLabel(wrapper, 'Mobile phone')
    expect(phone.attributes('required')).toBeDefined()
    expect(phone.attributes('placeholder')).toBeUndefined()
    expect(wrapper.text()).toContain('Any local form, e.g. 081-555-0101')
    expect(wrapper.text()).not.toContain('Hidden for your role')
    expect(byLabel(wrapper, 'National ID').element.tagName).toBe('INPUT')
    expect(wrapper.text()).not.toContain('Other phone')
  })

  it('replaces the form with each change, keeping the other fields', async () => {
    const wrapper = fields({ modelValue: { ...demographics, national_id: '' } })
    await byLabel(wrapper, 'Mobile phone').setValue('089-000-1234')
    await byLabel(wrapper, 'Preferred channel').setValue('sms')
    const updates = wrapper.emitted('update:modelValue') as Demographics[][]
    expect(updates.at(-1)?.[0]).toEqual({ ...demographics, national_id: '', phone: '089-000-1234', preferred_channel: 'sms' })
  })

  it('shows the server errors under their fields, the national ID country with the ID', () => {
    const wrapper = fields({
      modelValue: { ...demographics, national_id: '123' },
      errors: { address: ['Too long.'], national_id_country: ['Unknown country.'] },
    })
    const address = byLabel(wrapper, 'Address')
    expect(address.attributes('aria-invalid')).toBe('true')
    expect(byId(wrapper, address.attributes('aria-describedby')!).text()).toBe('Too long.')
    expect(wrapper.text()).toContain('Unknown country.')
  })
})
