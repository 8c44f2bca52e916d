import { fakeApi, json } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import PatientAlerts from './PatientAlerts.vue'

const ROUTE = 'GET /api/v1/patients/p1/alerts'

function alerts(props: { patientId: string | null; serviceId: string | null }) {
  return mount(PatientAlerts, { props, global: { plugins: [createI18n({ legacy: false, locale: 'en' })] } })
}

afterEach(() => vi.unstubAllGlobals())

describe('PatientAlerts', () => {
  it('names the contraindication for a clinical role', async () => {
    fakeApi({
      [ROUTE]: () =>
        json(200, {
          service_id: 's1',
          intake_recorded: true,
          has_alerts: true,
          details_visible: true,
          alerts: [{ code: 'pregnancy', name: 'Pregnancy', found_in: 'pregnancy', detail: 'Yes' }],
        }),
    })
    const wrapper = alerts({ patientId: 'p1', serviceId: 's1' })
    await flushPromises()
    expect(wrapper.get('[data-testid="patient-alert"]').text()).toContain('Contraindication: pregnancy')
  })

  it('tells the front desk only to check with the clinician', async () => {
    fakeApi({
      [ROUTE]: () =>
        json(200, { service_id: 's1', intake_recorded: true, has_alerts: true, details_visible: false, alerts: [] }),
    })
    const wrapper = alerts({ patientId: 'p1', serviceId: 's1' })
    await flushPromises()
    expect(wrapper.get('[data-testid="patient-alerts-neutral"]').text()).toContain('Check the medical history')
    expect(wrapper.find('[data-testid="patient-alert"]').exists()).toBe(false)
  })

  it('asks nothing until both a patient and a treatment are picked', async () => {
    const seen = fakeApi({})
    const wrapper = alerts({ patientId: 'p1', serviceId: null })
    await flushPromises()
    expect(seen).toHaveLength(0)
    expect(wrapper.text()).toBe('')
  })
})
