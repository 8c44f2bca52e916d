import { session, useClinicContext } from '@aesthetix/api-client'
import { type ClinicFixture, clinicRoutes, fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import PatientChart from './PatientChart.vue'

const patient = {
  id: 'p1',
  chart_number: 'HN-0001',
  given_name: 'Noura',
  family_name: 'Al-Qahtani',
  birth_date: '1990-04-02',
  phone: '+66 8• ••• ••78',
  email: '',
}
const visit = { id: 'v1', status: 'open', opened_at: '2026-11-21T02:00:00Z', sessions: [] }
const page = (results: unknown[]) => json(200, { count: results.length, next: null, previous: null, results })
const forbidden = () => json(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'permission_denied', detail: 'No.' })

function chart() {
  return mount(PatientChart, {
    props: { patientId: 'p1' },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
}

/** Signed in to clinic c1, by default with a role that reads the clinical parts. */
async function signedIn(fixture: ClinicFixture = {}) {
  fakeApi(clinicRoutes({ permissions: ['clinical.view'], ...fixture }))
  session.setClinicId('c1')
  await useClinicContext().load()
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  vi.unstubAllGlobals()
  useClinicContext().clear()
})

describe('PatientChart', () => {
  it("shows the phone exactly as the server sent it and hides clinical parts from a role that can't read them", async () => {
    await signedIn({ permissions: ['patient.view'] })
    const seen = fakeApi({
      'GET /api/v1/patients/p1': () => json(200, patient),
      'GET /api/v1/clinic/charts/p1': forbidden,
      'GET /api/v1/clinic/sessions': forbidden,
      'GET /api/v1/commerce/course-balances': () => page([]),
    })
    const wrapper = chart()
    await flushPromises()
    // A receptionist's screen does not ask for what the role may not read.
    expect(seen.map((request) => new URL(request.url, 'http://page').pathname)).toEqual([
      '/api/v1/patients/p1',
      '/api/v1/commerce/course-balances',
    ])
    expect(wrapper.get('[data-testid="chart-phone"]').text()).toBe('+66 8• ••• ••78')
    expect(wrapper.find('[data-testid="chart-restricted"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="visits"]').exists()).toBe(false)
  })

  it('opens a new session from an open visit, naming the signed-in practitioner, and selects it', async () => {
    // The signed-in doctor (u2) treats: named first.
    await signedIn({
      userId: 'u2',
      services: [{ id: 'svc1', name: 'Botox' }],
      staff: [
        { role: 'doctor', is_active: true, user: { id: 'u1', full_name: 'Dr A' } },
        { role: 'doctor', is_active: true, user: { id: 'u2', full_name: 'Dr B' } },
      ],
    })
    const seen = fakeApi({
      'GET /api/v1/patients/p1': () => json(200, { ...patient, phone: '+66812345678' }),
      'GET /api/v1/clinic/charts/p1': () =>
        json(200, { patient_id: 'p1', chart_number: 'HN-0001', visits: [visit], notes: [], plans: [], consent_forms: [] }),
      'GET /api/v1/clinic/sessions': () => page([]),
      'GET /api/v1/commerce/course-balances': () =>
        page([{ id: 'b1', course_name: 'Laser x5', sessions_remaining: 3, sessions_total: 5, status: 'active', expires_at: '2027-01-01' }]),
      'POST /api/v1/clinic/sessions': () => json(201, { id: 's9' }),
    })
    const wrapper = chart()
    await flushPromises()
    expect(wrapper.get('[data-testid="balances"]').text()).toContain('3 of 5 sessions left')
    const form = wrapper.get('[data-testid="session-new"]')
    await form.get('[data-testid="session-service"]').setValue('svc1')
    await form.trigger('submit')
    await flushPromises()
    const post = seen.find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({ visit_id: 'v1', service_id: 'svc1', practitioner_ids: ['u2'] })
    expect(wrapper.emitted('update:session')![0]).toEqual(['s9'])
  })

  it('opens a walk-in visit when none is open, and offers it no more once one is', async () => {
    await signedIn()
    let visits: unknown[] = [{ ...visit, status: 'completed' }]
    const seen = fakeApi({
      'GET /api/v1/patients/p1': () => json(200, patient),
      'GET /api/v1/clinic/charts/p1': () =>
        json(200, { patient_id: 'p1', chart_number: 'HN-0001', visits, notes: [], plans: [], consent_forms: [] }),
      'GET /api/v1/clinic/sessions': () => page([]),
      'GET /api/v1/commerce/course-balances': () => page([]),
      'POST /api/v1/clinic/visits': () => {
        visits = [{ ...visit, id: 'v2' }, ...visits]
        return json(201, { id: 'v2', status: 'open' })
      },
    })
    const wrapper = chart()
    await flushPromises()
    await wrapper.get('[data-testid="visit-walk-in"]').trigger('click')
    await flushPromises()
    const post = seen.find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({ patient_id: 'p1' })
    expect(wrapper.findAll('[data-testid="visit"]')[0]!.attributes('data-status')).toBe('open')
    expect(wrapper.find('[data-testid="visit-walk-in"]').exists()).toBe(false)
  })

  it('says why a walk-in visit was refused', async () => {
    await signedIn()
    fakeApi({
      'GET /api/v1/patients/p1': () => json(200, patient),
      'GET /api/v1/clinic/charts/p1': () =>
        json(200, { patient_id: 'p1', chart_number: 'HN-0001', visits: [], notes: [], plans: [], consent_forms: [] }),
      'GET /api/v1/clinic/sessions': () => page([]),
      'GET /api/v1/commerce/course-balances': () => page([]),
      'POST /api/v1/clinic/visits': () => json(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'permission_denied', detail: 'You may not open visits.' }),
    })
    const wrapper = chart()
    await flushPromises()
    await wrapper.get('[data-testid="visit-walk-in"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="visits"] [role="alert"]').text()).toBe('You may not open visits.')
  })
  it('marks a consent form the patient signed on the portal', async () => {
    await signedIn()
    const signature = { id: 'f1', template_version: 2, method: 'typed', signed_at: '2026-11-21T02:00:00Z', recorded_by_id: 'u1', channel: 'clinic' }
    fakeApi({
      'GET /api/v1/patients/p1': () => json(200, patient),
      'GET /api/v1/clinic/charts/p1': () =>
        json(200, {
          patient_id: 'p1',
          chart_number: 'HN-0001',
          visits: [],
          notes: [],
          plans: [],
          consent_forms: [{ ...signature, id: 'f2', method: 'drawn', recorded_by_id: null, channel: 'portal' }, signature],
        }),
      'GET /api/v1/clinic/sessions': () => page([]),
      'GET /api/v1/commerce/course-balances': () => page([]),
    })
    const wrapper = chart()
    await flushPromises()
    const rows = wrapper.findAll('[data-testid="consent-row"]')
    expect(rows.map((row) => row.find('[data-testid="consent-portal"]').exists())).toEqual([true, false])
    expect(rows[0]!.text()).toContain('Signed on the patient portal')
  })
})
