import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../i18n'
import AcceptInvitePage from './AcceptInvitePage.vue'

const PREVIEW = {
  clinic_name: 'Lumière Bangkok',
  role: 'nurse',
  phone_masked: '089-XXX-6666',
  expires_at: '2026-12-09T10:00:00Z',
  account_exists: false,
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

async function render(query = '?token=tok-1') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/accept-invite', component: AcceptInvitePage },
      { path: '/login', name: 'login', component: { template: '<p>login</p>' } },
      { path: '/:rest(.*)*', name: 'calendar', component: { template: '<p>home</p>' } },
    ],
  })
  await router.push(`/accept-invite${query}`)
  const wrapper = mount(AcceptInvitePage, { global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('AcceptInvitePage', () => {
  it('shows who invites as what, creates the account and sends the new member to sign in', async () => {
    const seen = fakeApi({
      'GET /api/v1/invites/accept': () => json(200, PREVIEW),
      'POST /api/v1/invites/accept': () => json(201, { id: 'm1', clinic_id: 'c1', clinic_name: 'Lumière Bangkok', role: 'nurse' }),
    })
    const wrapper = await render()
    expect(wrapper.get('h1').text()).toBe('Join Lumière Bangkok')
    expect(wrapper.get('[data-testid="invite-offer"]').text()).toContain('as Nurse')
    expect(wrapper.get('[data-testid="invite-offer"]').text()).toContain('089-XXX-6666')
    const inputs = wrapper.findAll('input')
    await inputs[0]!.setValue('Nok')
    await inputs[3]!.setValue('Orchid-River-19')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    const body = await seen.find((r) => r.method === 'POST')!.clone().json()
    expect(body).toEqual({ token: 'tok-1', given_name: 'Nok', family_name: '', email: '', password: 'Orchid-River-19' })
    expect(wrapper.get('[data-testid="invite-joined"]').text()).toContain('Welcome to Lumière Bangkok')
    wrapper.unmount()
  })

  it('names the field the server refused', async () => {
    fakeApi({
      'GET /api/v1/invites/accept': () => json(200, PREVIEW),
      'POST /api/v1/invites/accept': () =>
        json(400, {
          status: 400,
          title: 'Invalid input',
          code: 'validation_error',
          detail: 'One or more fields are invalid.',
          errors: [{ field: 'password', pointer: '/password', detail: 'This password is too short.' }],
        }),
    })
    const wrapper = await render()
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.text()).toContain('This password is too short.')
    expect(wrapper.find('[data-testid="invite-joined"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('asks someone with an account to sign in first, and comes back here after', async () => {
    fakeApi({ 'GET /api/v1/invites/accept': () => json(200, { ...PREVIEW, account_exists: true }) })
    const wrapper = await render()
    expect(wrapper.find('form').exists()).toBe(false)
    const href = new URL(wrapper.get('[data-testid="invite-sign-in"]').attributes('href')!, 'http://page')
    expect([href.pathname, href.searchParams.get('redirect')]).toEqual(['/login', '/accept-invite?token=tok-1'])
    wrapper.unmount()
  })

  it('says so when the invite was used, revoked or has expired', async () => {
    fakeApi({
      'GET /api/v1/invites/accept': () =>
        json(410, { status: 410, title: 'Gone', code: 'invite_expired', detail: 'This invite is expired.', errors: [] }),
    })
    const wrapper = await render()
    expect(wrapper.get('[data-testid="invite-closed"]').text()).toContain('This invite is expired.')
    expect(wrapper.text()).toContain('Ask the clinic to send you a new invite.')
    expect(wrapper.find('form').exists()).toBe(false)
    wrapper.unmount()
  })
})
