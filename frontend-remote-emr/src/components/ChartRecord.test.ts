import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import ConsentDecisions from './ConsentDecisions.vue'
import IntakePanel from './IntakePanel.vue'
import SessionAlerts from './SessionAlerts.vue'

const i18n = () => ({ global: { plugins: [createI18n({ legacy: false, locale: 'en' })] } })
const forbidden = () => json(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'permission_denied', detail: 'No.' })
const consentText = { id: 't1', purpose: 'marketing_messages', locale: 'th', version: 2, title: 'ข่าวสาร', body: 'ยินยอม', created_at: '2026-01-01T00:00:00Z' }
const granted = { id: 'c1', purpose: 'marketing_messages', decision: 'granted', decided_at: '2026-11-01T03:00:00Z', channel: 'paper', evidence: '', text_version: 2, recorded_by: null }

afterEach(() => vi.unstubAllGlobals())

describe('IntakePanel', () => {
  it('tells a non-clinical role the history is for clinical staff', async () => {
    fakeApi({ 'GET /api/v1/patients/p1/intake': forbidden })
    const wrapper = mount(IntakePanel, { props: { patientId: 'p1' }, ...i18n() })
    await flushPromises()
    expect(wrapper.find('[data-testid="intake-restricted"]').exists()).toBe(true)
    expect(wrapper.find('[data-testid="intake-edit"]').exists()).toBe(false)
  })

  it('saves an allergy and a pregnancy as the next version', async () => {
    const saved = {
      current: { version: 1, recorded_at: '2026-11-01T03:00:00Z', recorded_by_name: 'Dr A', history: { allergies: [{ substance: 'Lidocaine', severity: 'severe', notes: '' }], medications: [], conditions: [], pregnancy: 'yes', breast_feeding: 'unknown', previous_procedures: [], photo_sharing: 'clinical_only', notes: '' } },
      versions: [{ version: 1, recorded_at: '2026-11-01T03:00:00Z', recorded_by_name: 'Dr A' }],
    }
    const seen = fakeApi({
      'GET /api/v1/patients/p1/intake': () => json(200, { current: null, versions: [] }),
      'POST /api/v1/patients/p1/intake': () => json(201, saved),
    })
    const wrapper = mount(IntakePanel, { props: { patientId: 'p1' }, ...i18n() })
    await flushPromises()
    await wrapper.get('[data-testid="intake-edit"]').trigger('click')
    await wrapper.get('[data-testid="allergy-add"]').trigger('click')
    await wrapper.get('[data-testid="allergy-substance"]').setValue('Lidocaine')
    await wrapper.get('[data-testid="allergy-severity"]').setValue('severe')
    await wrapper.get('[data-testid="intake-pregnancy-select"]').setValue('yes')
    await wrapper.get('[data-testid="intake-form"]').trigger('submit')
    await flushPromises()
    const body = await seen.find((request) => request.method === 'POST')!.json()
    expect(body.allergies).toEqual([{ substance: 'Lidocaine', severity: 'severe', notes: '' }])
    expect(body.pregnancy).toBe('yes')
    expect(wrapper.get('[data-testid="intake-notice"]').text()).toContain('version 1')
    expect(wrapper.get('[data-testid="intake-allergy"]').text()).toContain('Lidocaine')
  })
})

describe('ConsentDecisions', () => {
  it("shows the text in the patient's language and withdraws only after confirmation", async () => {
    const seen = fakeApi({
      'GET /api/v1/patients/p1/consents': () => json(200, { current: { marketing_messages: granted }, history: [granted] }),
      'GET /api/v1/consent-texts': () =>
        json(200, { count: 2, next: null, previous: null, results: [consentText, { ...consentText, id: 't0', locale: 'en', version: 5 }] }),
      'POST /api/v1/patients/p1/consents': () => json(201, { ...granted, id: 'c2', decision: 'withdrawn' }),
    })
    const wrapper = mount(ConsentDecisions, { props: { patientId: 'p1', language: 'th' }, ...i18n(), attachTo: document.body })
    await flushPromises()
    const marketing = wrapper.get('[data-purpose="marketing_messages"]')
    expect(marketing.get('[data-testid="consent-text"]').text()).toContain('ข่าวสาร')
    await marketing.get('[data-testid="consent-withdraw"]').trigger('click')
    await flushPromises()
    expect(seen.some((request) => request.method === 'POST')).toBe(false)
    ;(document.querySelector('[data-testid="consent-withdraw-confirm"]') as HTMLButtonElement).click()
    await flushPromises()
    const post = seen.find((request) => request.method === 'POST')!
    expect(await post.json()).toEqual({ purpose: 'marketing_messages', decision: 'withdrawn', channel: 'in_person', evidence: '' })
    wrapper.unmount()
  })
})

describe('SessionAlerts', () => {
  it('holds the start until the practitioner acknowledges the alerts', async () => {
    fakeApi({
      'GET /api/v1/patients/p1/alerts': () =>
        json(200, {
          service_id: 's1',
          intake_recorded: true,
          has_alerts: true,
          details_visible: true,
          alerts: [{ code: 'allergy_lidocaine', name: 'Allergy to lidocaine', found_in: 'allergy', detail: 'Lidocaine (severe)' }],
        }),
    })
    const wrapper = mount(SessionAlerts, { props: { patientId: 'p1', serviceId: 's1' }, ...i18n() })
    await flushPromises()
    expect(wrapper.get('[data-testid="session-alert"]').text()).toContain('Contraindication: allergy to lidocaine (allergy: Lidocaine (severe))')
    await wrapper.get('[data-testid="session-alerts-ack"]').setValue(true)
    expect(wrapper.emitted('update:acknowledged')?.at(-1)).toEqual([['allergy_lidocaine']])
  })
})
