import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../i18n'
import SignupPage from './SignupPage.vue'

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.clear()
})

async function render() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/signup', component: SignupPage },
      { path: '/login', name: 'login', component: { template: '<p>login</p>' } },
      { path: '/enrol', name: 'enrol', component: { template: '<p>enrol</p>' } },
      { path: '/:rest(.*)*', name: 'calendar', component: { template: '<p>home</p>' } },
    ],
  })
  await router.push('/signup')
  const wrapper = mount(SignupPage, { global: { plugins: [router, i18n] }, attachTo: document.body })
  return { wrapper, router }
}

describe('SignupPage', () => {
  it('fills the time zone, language and currency from the country', async () => {
    const { wrapper } = await render()
    await wrapper.get('[data-testid="signup-country"]').setValue('BR')
    const zone = wrapper.get('[data-testid="signup-time-zone"]').element as HTMLSelectElement
    expect(zone.value).toBe('America/Sao_Paulo')
    expect(zone.options.length).toBeGreaterThan(5)
    expect((wrapper.get('[data-testid="signup-language"]').element as HTMLSelectElement).value).toBe('pt-BR')
    expect(wrapper.get('[data-testid="signup-currency"]').text()).toContain('BRL')
    wrapper.unmount()
  })

  it('opens the clinic, signs the owner in there and asks for the second factor', async () => {
    const seen = fakeApi({
      'POST /api/v1/auth/signup': () =>
        json(201, {
          access: 'a',
          access_expires_at: '2026-12-06T12:00:00Z',
          user: { id: 'u1' },
          two_factor: { required: true, enrolled: false, verified: false },
          organization_id: 'o1',
          clinic: { id: 'c-new' },
        }),
      'GET /api/v1/users/me': () =>
        json(200, {
          user: { id: 'u1' },
          memberships: [{ id: 'm1', clinic_id: 'c-new', clinic_name: 'Glow Riyadh', role: 'owner' }],
          two_factor: { required: true, enrolled: false, verified: false },
          permissions: [],
        }),
    })
    const { wrapper, router } = await render()
    await wrapper.get('[data-testid="signup-country"]').setValue('SA')
    const inputs = wrapper.findAll('input')
    const values = ['Glow Group', 'Glow Riyadh', 'Sara', 'Al-Harbi', '+966 50 123 4567', '', 'Orchid-River-19']
    for (const [i, value] of values.entries()) await inputs[i]!.setValue(value)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const body = await seen.find((r) => r.url.endsWith('/auth/signup'))!.clone().json()
    expect(body.clinic).toEqual({ name: 'Glow Riyadh', country: 'SA', time_zone: 'Asia/Riyadh', locale: 'ar', currency: 'SAR' })
    expect(body.owner).toMatchObject({ given_name: 'Sara', phone: '+966 50 123 4567', preferred_language: 'en' })
    expect(localStorage.getItem('aesthetix.clinic')).toBe('c-new')
    expect(router.currentRoute.value.name).toBe('enrol')
    wrapper.unmount()
  })

  it('names every field the server refused', async () => {
    fakeApi({
      'POST /api/v1/auth/signup': () =>
        json(400, {
          status: 400,
          title: 'Invalid input',
          code: 'validation_error',
          detail: 'One or more fields are invalid.',
          errors: [
            { field: 'owner.phone', pointer: '/owner/phone', detail: 'Enter a valid mobile number.' },
            { field: 'clinic.time_zone', pointer: '/clinic/time_zone', detail: 'Unknown time zone.' },
          ],
        }),
    })
    const { wrapper } = await render()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('Enter a valid mobile number.')
    expect(wrapper.get('[role="alert"]').text()).toContain('Time zone: Unknown time zone.')
    wrapper.unmount()
  })
})
