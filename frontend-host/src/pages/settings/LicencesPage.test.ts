import { session, useClinicContext } from '@aesthetix/api-client'
import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../../i18n'
import { useAuthStore } from '../../stores/auth'
import LicencesPage from './LicencesPage.vue'

const licence = {
  id: 'l1',
  member: { id: 'u2', full_name: 'Camila Ferreira Nunes', role: 'doctor' },
  council: 'CRM',
  number: '52987',
  region: 'RJ',
  specialty: 'Dermatologia',
  valid_until: '2027-01-20',
  expires_in_days: 45,
  status: 'pending',
  verified_at: null,
  verified_by: '',
  verification_note: '',
  registry_reference: '',
  has_evidence: false,
  created_at: '2026-12-06T10:00:00Z',
}
const noteMissing = {
  type: 'urn:aesthetix:problem:validation_failed',
  title: 'Bad request',
  status: 400,
  detail: 'Some fields are invalid.',
  code: 'validation_failed',
  errors: [{ field: 'note', detail: 'This field may not be blank.' }],
}

function server(role: string) {
  const decisions: Record<string, unknown>[] = []
  const seen = fakeApi({
    'POST /api/v1/auth/token': () =>
      json(200, { access: 'a', access_expires_at: '', user: { id: 'u-self' }, two_factor: { required: true, enrolled: true, verified: true } }),
    'GET /api/v1/users/me': () =>
      json(200, {
        user: { id: 'u-self', full_name: 'Self' },
        memberships: [{ id: 'm-self', clinic_id: 'c1', clinic_name: 'São Paulo', role }],
        two_factor: { required: true, enrolled: true, verified: true },
        permissions: ['licence.manage'],
      }),
    'GET /api/v1/clinics/me': () => json(200, { id: 'c1', licence_check: false, time_zone: 'America/Sao_Paulo' }),
    'GET /api/v1/licences': () => json(200, { count: 1, next: null, previous: null, results: [licence] }),
    'POST /api/v1/licences/l1/verify': async (request: Request) => {
      const body = (await request.json()) as { status: string; note: string }
      decisions.push(body)
      if (!body.note) return json(400, noteMissing)
      Object.assign(licence, { status: body.status, verified_at: '2026-12-06T12:00:00Z', verified_by: 'Self', verification_note: body.note })
      return json(200, licence)
    },
  })
  return { seen, decisions }
}

async function signedInMount(): Promise<VueWrapper> {
  await useAuthStore().login('+5511999999999', 'secret-pass')
  const wrapper = mount(LicencesPage, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  i18n.global.locale.value = 'en'
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.setAccessToken(null)
  session.setClinicId(null)
  useClinicContext().clear()
  document.body.innerHTML = ''
})

describe('LicencesPage', () => {
  it('asks for a note before verifying, names it when missing, then shows the licence verified', async () => {
    const { decisions } = server('owner')
    const wrapper = await signedInMount()
    const row = wrapper.get('[data-testid="licence-52987"]')
    expect(row.text()).toContain('CRM-RJ 52987')
    expect(row.text()).toContain('expires in 45 days')
    expect(row.text()).toContain('Waiting for verification')

    await row.get('[data-testid="licence-verify-52987"]').trigger('click')
    await flushPromises()
    const confirm = document.querySelector<HTMLButtonElement>('[data-testid="licence-decision-confirm"]')!
    confirm.click()
    await flushPromises()
    const note = document.querySelector<HTMLTextAreaElement>('[data-testid="licence-note"]')!
    expect(note.getAttribute('aria-invalid')).toBe('true')
    expect(document.body.textContent).toContain('This field may not be blank.')

    note.value = 'Looked up on the CRM-RJ register'
    note.dispatchEvent(new Event('input'))
    confirm.click()
    await flushPromises()
    expect(decisions.at(-1)).toEqual({ status: 'verified', note: 'Looked up on the CRM-RJ register' })
    expect(wrapper.get('[data-testid="licence-52987"]').text()).toContain('Verified')
    wrapper.unmount()
  })

  it('lets only an owner turn the licence check on', async () => {
    server('admin')
    const wrapper = await signedInMount()
    const check = wrapper.get<HTMLInputElement>('#licence-check')
    expect(check.element.disabled).toBe(true)
    expect(wrapper.text()).toContain('Only an owner changes this.')
    wrapper.unmount()
  })
})
