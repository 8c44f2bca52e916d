import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json, page } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import CourseBalances from './CourseBalances.vue'

const balance = (id: string, expiresAt: string) => ({
  id,
  course_name: `Course ${id}`,
  sessions_total: 6,
  sessions_remaining: 4,
  expires_at: expiresAt,
  status: 'active',
})

afterEach(() => {
  vi.unstubAllGlobals()
  useClinicContext().clear()
  document.body.innerHTML = ''
})

describe('CourseBalances', () => {
  it('offers no redemption of a balance past its expiry, which the server would refuse', async () => {
    const past = new Date(Date.now() - 86_400_000).toISOString()
    const future = new Date(Date.now() + 86_400_000).toISOString()
    fakeApi({
      'GET /api/v1/commerce/course-balances': () =>
        json(200, { count: 2, next: null, previous: null, results: [balance('old', past), balance('new', future)] }),
      'GET /api/v1/commerce/course-redemptions': () => page([]),
    })
    const wrapper = mount(CourseBalances, {
      props: { patientId: 'pt1', refreshKey: 0 },
      global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
    })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="course-balance"]')).toHaveLength(2))
    const [old, current] = wrapper.findAll('[data-testid="course-balance"]')
    expect(old!.text()).toContain('expired on')
    expect(old!.find('[data-testid="course-redeem"]').exists()).toBe(false)
    expect(current!.text()).toContain('until')
    expect(current!.find('[data-testid="course-redeem"]').exists()).toBe(true)
  })

  it('takes a session for the treatment and practitioner chosen, once, and lets a manager give it back today', async () => {
    setActivePinia(createPinia())
    session.setClinicId('c1')
    const future = new Date(Date.now() + 86_400_000 * 30).toISOString()
    const taken: object[] = []
    const seen = fakeApi({
      ...clinicRoutes({
        permissions: ['course_balance.redeem', 'course_balance.undo'],
        courses: [{ id: 'course-1', name: 'Laser x6', items: [{ service_id: 's1', service_name: 'Laser', sessions: 3 }, { service_id: 's2', service_name: 'Peel', sessions: 3 }] }],
        staff: [{ role: 'doctor', is_active: true, user: { id: 'd1', full_name: 'Dr. Kittipong' } }],
      }),
      'GET /api/v1/commerce/course-balances': () => page([{ ...balance('b1', future), course: 'course-1' }]),
      'GET /api/v1/commerce/course-redemptions': () => page(taken),
      'POST /api/v1/commerce/course-balances/b1/redeem': () => {
        taken.push({ id: 'r1', service_name: 'Peel', practitioner_name: 'Dr. Kittipong', created_at: new Date().toISOString(), reversed_at: null })
        return json(201, taken[0])
      },
      'POST /api/v1/commerce/course-redemptions/r1/undo': () => json(200, { ...taken[0], reversed_at: new Date().toISOString() }),
    })
    await useClinicContext().load()
    const wrapper = mount(CourseBalances, {
      props: { patientId: 'pt1', refreshKey: 0 },
      global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
      attachTo: document.body,
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="course-redeem"]').exists()).toBe(true))
    await wrapper.get('[data-testid="course-redeem"]').trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector('[data-testid="course-redeem-dialog"]') as HTMLFormElement
    const confirm = () => dialog().querySelector('[data-testid="course-redeem-confirm"]') as HTMLButtonElement
    expect(confirm().disabled).toBe(true) // nobody chosen yet
    expect(dialog().textContent).toContain('3 of 6 sessions will be left')
    const service = dialog().querySelector('[data-testid="course-redeem-service"]') as HTMLSelectElement
    service.value = 's2'
    service.dispatchEvent(new Event('change'))
    const practitioner = dialog().querySelector('[data-testid="course-redeem-practitioner"]') as HTMLSelectElement
    practitioner.value = 'd1'
    practitioner.dispatchEvent(new Event('change'))
    await flushPromises()
    confirm().click()
    await vi.waitFor(() => expect(wrapper.find('[data-testid="course-redemption"]').exists()).toBe(true))
    const posted = seen.filter((r) => r.url.endsWith('/redeem'))
    expect(posted).toHaveLength(1)
    expect(await posted[0]!.clone().json()).toMatchObject({ service_id: 's2', practitioner_id: 'd1', reference_type: 'pos.redemption' })
    expect(wrapper.get('[data-testid="course-redemption"]').text()).toContain('Peel · Dr. Kittipong')

    vi.stubGlobal('confirm', () => true)
    await wrapper.get('[data-testid="course-undo"]').trigger('click')
    await vi.waitFor(() => expect(seen.some((r) => r.url.endsWith('/undo'))).toBe(true))
    const listings = () => seen.filter((r) => r.url.includes('/course-redemptions?')).length
    await vi.waitFor(() => expect(listings()).toBe(3)) // on opening, after taking, after giving back
    const listing = new URL(seen.find((r) => r.url.includes('/course-redemptions?'))!.url)
    expect(listing.searchParams.get('patient')).toBe('pt1') // one request for every balance
    await flushPromises()
    wrapper.unmount()
  })

  it('pays a treatment of the visit being collected, naming it, and says so', async () => {
    setActivePinia(createPinia())
    session.setClinicId('c1')
    const future = new Date(Date.now() + 86_400_000 * 30).toISOString()
    const taken: object[] = []
    const seen = fakeApi({
      ...clinicRoutes({
        permissions: ['course_balance.redeem'],
        courses: [{ id: 'course-1', name: 'Laser x6', items: [{ service_id: 's1', service_name: 'Laser', sessions: 6 }] }],
        staff: [{ role: 'doctor', is_active: true, user: { id: 'd1', full_name: 'Dr. Kittipong' } }],
      }),
      'GET /api/v1/commerce/course-balances': () => page([{ ...balance('b1', future), course: 'course-1' }]),
      'GET /api/v1/commerce/course-redemptions': () => page(taken),
      'POST /api/v1/commerce/course-balances/b1/redeem': () => {
        taken.push({ id: 'r1', service_name: 'Laser', practitioner_name: 'Dr. Kittipong', created_at: new Date().toISOString(), reversed_at: null, treatment_session: 'ts1' })
        return json(201, taken[0])
      },
    })
    await useClinicContext().load()
    const line = { id: 'ii0', position: 0, description: 'Laser', service: 's1', product: null, practitioner: 'd1', practitioner_name: 'Dr. Kittipong', quantity: '1.000', unit_price: '350.00', tax_amount: '0.00', total: '350.00', course_redemption: null }
    const draft = { id: 'inv-d', patient: 'pt1', patient_name: 'Noura', chart_number: 'HN1', currency: 'THB', subtotal: '350.00', tax_total: '0.00', total: '350.00', paid_total: '0.00', balance_due: '350.00', reference_type: 'emr.visit', reference_id: 'v1', created_at: new Date().toISOString(), items: [line], payments: [] }
    const wrapper = mount(CourseBalances, {
      props: { patientId: 'pt1', refreshKey: 0, draft },
      global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
      attachTo: document.body,
    })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="course-redeem"]').exists()).toBe(true))
    await wrapper.get('[data-testid="course-redeem"]').trigger('click')
    await flushPromises()
    const dialog = () => document.querySelector('[data-testid="course-redeem-dialog"]') as HTMLFormElement
    expect((dialog().querySelector('[data-testid="course-redeem-line"]') as HTMLSelectElement).value).toBe('ii0')
    expect(dialog().querySelector('[data-testid="course-redeem-service"]')).toBeNull() // the line names it
    ;(dialog().querySelector('[data-testid="course-redeem-confirm"]') as HTMLButtonElement).click()
    await vi.waitFor(() => expect(wrapper.emitted('redeemed')).toHaveLength(1))
    const posted = seen.filter((r) => r.url.endsWith('/redeem'))
    expect(await posted[0]!.clone().json()).toEqual({ invoice_item_id: 'ii0', practitioner_id: 'd1' })
    await vi.waitFor(() => expect(wrapper.find('[data-testid="course-redemption-visit"]').text()).toBe('for this visit'))
    wrapper.unmount()
  })
})
