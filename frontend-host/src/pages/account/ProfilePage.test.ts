import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n, localeApply } from '../../i18n'
import { useAuthStore } from '../../stores/auth'
import ProfilePage from './ProfilePage.vue'

const USER = {
  id: 'u1',
  phone: '+66815550101',
  email: 'anong@example.com',
  given_name: 'Anong',
  family_name: 'Srisuk',
  full_name: 'Anong Srisuk',
  national_id: '',
  national_id_country: '',
  preferred_language: 'en',
  date_joined: '2026-01-05T03:00:00Z',
  photo_url: null as string | null,
}
const badEmail = {
  type: 'urn:aesthetix:problem:validation_failed',
  title: 'Invalid input',
  status: 400,
  detail: 'Some fields are not valid.',
  code: 'validation_failed',
  errors: [{ field: 'email', pointer: '#/email', detail: 'Enter a valid email address.' }],
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(async () => {
  vi.unstubAllGlobals()
  await localeApply('en')
})

describe('ProfilePage', () => {
  it('names a bad e-mail, then saves the names and the language and switches the screens to it', async () => {
    const patches: Record<string, unknown>[] = []
    fakeApi({
      'PATCH /api/v1/users/me': async (request) => {
        const body = await request.json()
        patches.push(body)
        if (body.email === 'not-an-email') return json(400, badEmail)
        return json(200, { user: { ...USER, ...body, full_name: `${body.given_name} ${body.family_name}` }, memberships: [], two_factor: null, permissions: [] })
      },
    })
    useAuthStore().user = USER
    const wrapper = mount(ProfilePage, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect((wrapper.get('[data-testid="profile-given-name"] input').element as HTMLInputElement).value).toBe('Anong')

    await wrapper.get('[data-testid="profile-email"] input').setValue('not-an-email')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[data-testid="profile-email"]').text()).toContain('Enter a valid email address.')
    expect(i18n.global.locale.value).toBe('en')

    await wrapper.get('[data-testid="profile-email"] input').setValue(' anong.s@example.com ')
    await wrapper.get('[data-testid="profile-family-name"] input').setValue('Srisuk-Lee')
    await wrapper.get('[data-testid="profile-language"] button').trigger('click')
    await flushPromises()
    const thai = wrapper.findAll('[role="option"]').find((option) => option.text() === 'ไทย')
    await thai!.trigger('click')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(patches.at(-1)).toEqual({ given_name: 'Anong', family_name: 'Srisuk-Lee', email: 'anong.s@example.com', preferred_language: 'th' })
    expect(useAuthStore().user?.full_name).toBe('Anong Srisuk-Lee')
    // The Thai texts are a chunk of their own, fetched on this first choice.
    await vi.waitFor(() => expect(i18n.global.locale.value).toBe('th'))
    expect(document.documentElement.lang).toBe('th')
    wrapper.unmount()
  })

  it('uploads a photo as a form, names a refused file, and removes the photo after confirming', async () => {
    const sent: FormDataEntryValue[] = []
    let removed = 0
    fakeApi({
      'POST /api/v1/users/me/photo': async (request) => {
        const file = (await request.formData()).get('file')!
        sent.push(file)
        if (sent.length === 1) {
          return json(400, { ...badEmail, errors: [{ field: 'file', pointer: '#/file', detail: 'Upload a JPEG, PNG or WebP image.' }] })
        }
        return json(200, { ...USER, photo_url: '/objects/photo.webp?signature=x' })
      },
      'DELETE /api/v1/users/me/photo': () => {
        removed += 1
        return json(200, { ...USER, photo_url: null })
      },
    })
    useAuthStore().user = USER
    const wrapper = mount(ProfilePage, { global: { plugins: [i18n] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.find('[data-testid="profile-photo-remove"]').exists()).toBe(false)
    const input = wrapper.get('[data-testid="profile-photo-input"]')

    Object.defineProperty(input.element, 'files', { value: [new File(['hello'], 'notes.txt', { type: 'text/plain' })], configurable: true })
    await input.trigger('change')
    await flushPromises()
    expect(wrapper.get('[data-testid="profile-photo-error"]').text()).toBe('Upload a JPEG, PNG or WebP image.')
    expect(useAuthStore().user?.photo_url).toBeNull()

    Object.defineProperty(input.element, 'files', { value: [new File([new Uint8Array([0xff, 0xd8])], 'me.jpg', { type: 'image/jpeg' })], configurable: true })
    await input.trigger('change')
    await flushPromises()
    expect(sent).toHaveLength(2)
    expect(useAuthStore().user?.photo_url).toBe('/objects/photo.webp?signature=x')
    expect(wrapper.get('[data-testid="profile-photo"] img').attributes('src')).toBe('/objects/photo.webp?signature=x')

    await wrapper.get('[data-testid="profile-photo-remove"]').trigger('click')
    await flushPromises()
    expect(removed).toBe(0) // nothing happens before the confirmation
    ;(document.querySelector('[data-testid="profile-photo-remove-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    expect(removed).toBe(1)
    expect(useAuthStore().user?.photo_url).toBeNull()
    wrapper.unmount()
  })
})
