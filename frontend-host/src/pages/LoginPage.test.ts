import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../i18n'
import { useAuthStore } from '../stores/auth'
import LoginPage from './LoginPage.vue'

const otpRequired = {
  type: 'urn:aesthetix:problem:validation_error',
  title: 'Invalid input',
  status: 400,
  detail: 'Enter the 6-digit code from your authenticator app.',
  code: 'otp_required',
  errors: [{ field: 'otp_code', pointer: '/otp_code', detail: 'This field is required.' }],
}
const otpInvalid = { ...otpRequired, code: 'otp_invalid', detail: 'The code is wrong, expired or was already used.' }

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

async function render() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/login', component: LoginPage },
      { path: '/forgot-password', name: 'forgot-password', component: { template: '<p>reset</p>' } },
      { path: '/signup', name: 'signup', component: { template: '<p>signup</p>' } },
      { path: '/:rest(.*)*', component: { template: '<p>home</p>' } },
    ],
  })
  await router.push('/login')
  return mount(LoginPage, { global: { plugins: [router, i18n] }, attachTo: document.body })
}

describe('LoginPage', () => {
  it('asks for the authenticator code when the account has one, then reports a wrong code', async () => {
    fakeApi({
      'POST /api/v1/auth/token': async (request) =>
        (await request.json()).otp_code ? json(400, otpInvalid) : json(400, otpRequired),
    })
    const wrapper = await render()
    await wrapper.get('input[type="tel"]').setValue('+66811111111')
    await wrapper.get('input[type="password"]').setValue('secret-pass')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('label').text()).toContain('Authenticator code')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false) // asking is not an error

    await wrapper.get('input').setValue('000000')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('The code is wrong')
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true')
    wrapper.unmount()
  })

  it('says why the user is back after the session expired', async () => {
    useAuthStore().sessionExpired()
    const wrapper = await render()
    expect(wrapper.get('[role="status"]').text()).toBe('Your session has expired. Please sign in again.')
    wrapper.unmount()
  })
})
