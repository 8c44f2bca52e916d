import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import SoapNoteEditor from './SoapNoteEditor.vue'

const draft = {
  id: 'n1',
  status: 'draft',
  version: 1,
  subjective: 'Forehead lines',
  objective: '',
  assessment: '',
  plan: '',
  signed_at: null,
}

function editor(note: object | null) {
  return mount(SoapNoteEditor, {
    props: { note: note as never, visitId: 'v1', sessionId: 's1' },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('SoapNoteEditor', () => {
  it('creates the note of the session, then signs it', async () => {
    const seen = fakeApi({
      'POST /api/v1/clinic/notes': () => json(201, { ...draft, subjective: 'Glabellar lines' }),
      'POST /api/v1/clinic/notes/n1/sign': () => json(200, { ...draft, status: 'signed' }),
    })
    const wrapper = editor(null)
    await wrapper.get('[data-testid="soap-subjective"]').setValue('Glabellar lines')
    await wrapper.get('[data-testid="soap-sign"]').trigger('click')
    await flushPromises()
    expect(await seen[0]!.json()).toEqual({
      subjective: 'Glabellar lines',
      objective: '',
      assessment: '',
      plan: '',
      visit_id: 'v1',
      session_id: 's1',
    })
    expect(seen[1]!.url).toContain('/notes/n1/sign')
    expect(wrapper.emitted('saved')!.at(-1)![0]).toMatchObject({ status: 'signed' })
  })

  it('shows a signed note read-only and amends it with a reason', async () => {
    const seen = fakeApi({
      'POST /api/v1/clinic/notes/n1/amend': () => json(201, { ...draft, id: 'n2', version: 2 }),
    })
    const wrapper = editor({ ...draft, status: 'signed', signed_at: '2026-11-21T03:00:00Z' })
    expect(wrapper.get('[data-testid="soap-subjective"]').attributes('readonly')).toBeDefined()
    expect(wrapper.find('[data-testid="soap-sign"]').exists()).toBe(false)
    await wrapper.get('[data-testid="soap-amend"]').trigger('click')
    expect(wrapper.get('[data-testid="soap-amend-save"]').attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="soap-reason"]').setValue('Wrong side')
    await wrapper.get('[data-testid="soap-plan"]').setValue('Review in 2 weeks')
    await wrapper.get('[data-testid="soap-amend-save"]').trigger('click')
    await flushPromises()
    expect(await seen[0]!.json()).toMatchObject({ reason: 'Wrong side', plan: 'Review in 2 weeks' })
    expect(wrapper.emitted('saved')![0]![0]).toMatchObject({ id: 'n2', version: 2 })
  })

  it("shows the server's refusal", async () => {
    fakeApi({
      'PATCH /api/v1/clinic/notes/n1': () =>
        json(409, { type: 'about:blank', title: 'Conflict', status: 409, code: 'note_signed', detail: 'The note is signed.' }),
    })
    const wrapper = editor(draft)
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    expect(wrapper.get('[role="alert"]').text()).toBe('The note is signed.')
    expect(wrapper.emitted('saved')).toBeUndefined()
  })
})
