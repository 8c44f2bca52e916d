import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../i18n'
import ForgotPasswordPage from './ForgotPasswordPage.vue'

const wrongCode = {
  type: 'urn:aesthetix:problem:reset_code_invalid',
  title: 'Invalid input',
  status: 400,
  detail: 'The code is wrong or expired: ask for a new one.',
  code: 'reset_code_invalid',
  errors: [{ field: 'code', pointer: '#/code', detail: 'Wrong or expired code.' }],
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

async function render() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/forgot-password', component: ForgotPasswordPage },
      { path: '/login', name: 'login', component: { template: '<p>login</p>' } },
    ],
  })
  await router.push('/forgot-password')
  const wrapper = mount(ForgotPasswordPage, { global: { plugins: [router, i18n] }, attachTo: document.body })
  return { wrapper, router }
}

describe('ForgotPasswordPage', () => {
  it('asks for the SMS code and a new password, names a wrong code, then returns to sign in', async () => {
    const confirms: unknown[] = []
    fakeApi({
      'POST /api/v1/auth/password-reset': async () => new Response(null, { status: 202 }),
      'POST /api/v1/auth/password-reset/confirm': async (request) => {
        const body = await request.json()
        confirms.push(body)
        return body.code === '123456' ? new Response(null, { status: 204 }) : json(400, wrongCode)
      },
    })
    const { wrapper, router } = await render()
    await wrapper.get('input[type="tel"]').setValue('+66811111111')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="status"]').text()).toContain('a 6-digit code is on its way')

    const [code, password] = wrapper.findAll('input')
    await code!.setValue('000000')
    await password!.setValue('Lemongrass-Tide-77')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toContain('The code is wrong')

    await code!.setValue('123456')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(confirms.at(-1)).toEqual({ phone: '+66811111111', code: '123456', new_password: 'Lemongrass-Tide-77' })
    expect(router.currentRoute.value.fullPath).toBe('/login?reset=1')
    wrapper.unmount()
  })
})
