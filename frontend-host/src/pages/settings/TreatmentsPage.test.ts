import { session, useClinicContext } from '@aesthetix/api-client'
import { fakeApi, json, page } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../../i18n'
import { useAuthStore } from '../../stores/auth'
import TreatmentsPage from './TreatmentsPage.vue'

const PRODUCT = { id: 'p1', name: 'Botox 100 U', unit: 'vial', registration_number: '80117580578', is_active: true }
const refusedDeposit = {
  type: 'about:blank',
  title: 'Bad request',
  status: 400,
  detail: 'Check the fields.',
  errors: [{ field: 'deposit_value', detail: 'A percent between 0 and 100.' }],
}

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  i18n.global.locale.value = 'en'
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.setAccessToken(null)
  session.setClinicId(null)
  useClinicContext().clear()
  document.body.innerHTML = ''
})

async function choose(label: string, option: string, scope: ParentNode = document.body) {
  const button = [...scope.querySelectorAll<HTMLElement>('button[aria-haspopup="listbox"]')].find(
    (b) => document.getElementById(b.getAttribute('aria-labelledby')!.split(' ')[0]!)?.textContent?.trim() === label,
  )
  expect(button, label).toBeTruthy()
  button!.click()
  await flushPromises()
  const choice = [...document.body.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === option)
  expect(choice, `${option} in ${label}`).toBeTruthy()
  choice!.click()
  await flushPromises()
}

function fill(label: string, value: string) {
  const labelled = [...document.body.querySelectorAll<HTMLLabelElement>('[role="dialog"] label')].find((l) => l.textContent?.trim().startsWith(label))
  const input = document.getElementById(labelled!.htmlFor) as HTMLInputElement
  input.value = value
  input.dispatchEvent(new Event('input'))
}

describe('TreatmentsPage', () => {
  it('adds a treatment with a material, showing the refused deposit at its field first', async () => {
    const posted: Record<string, unknown>[] = []
    const services: unknown[] = []
    fakeApi({
      'POST /api/v1/auth/token': () =>
        json(200, { access: 'a', access_expires_at: '', user: { id: 'u' }, two_factor: { required: true, enrolled: true, verified: true } }),
      'GET /api/v1/users/me': () =>
        json(200, {
          user: { id: 'u', full_name: 'Owner' },
          memberships: [{ id: 'm', clinic_id: 'c1', clinic_name: 'São Paulo', role: 'owner' }],
          two_factor: { required: true, enrolled: true, verified: true },
          permissions: ['catalog.view', 'catalog.manage', 'consent_form.manage'],
        }),
      'GET /api/v1/clinics/me': () => json(200, { id: 'c1', time_zone: 'America/Sao_Paulo', currency: 'BRL' }),
      'GET /api/v1/staff': () => page([]),
      'GET /api/v1/catalog/courses': () => page([]),
      'GET /api/v1/catalog/services': () => page(services),
      'GET /api/v1/catalog/products': () => page([PRODUCT]),
      'GET /api/v1/clinic/consent-templates': () => page([]),
      'POST /api/v1/catalog/services': async (request) => {
        const body = (await request.json()) as Record<string, unknown>
        posted.push(body)
        if (body.deposit_value === '120') return json(400, refusedDeposit)
        const created = {
          id: 's1',
          currency: 'BRL',
          description: '',
          contraindications: [],
          deposit_amount: '240.10',
          is_active: true,
          created_at: '2026-12-01T10:00:00Z',
          ...body,
          materials: [{ product: 'p1', product_name: PRODUCT.name, product_unit: 'vial', registration_number: PRODUCT.registration_number, quantity: '0.500' }],
        }
        services.push(created)
        return json(201, created)
      },
    })
    await useAuthStore().login('+5511999990000', 'secret-pass')
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', name: 'settings-consent-templates', component: TreatmentsPage }] })
    const wrapper = mount(TreatmentsPage, { global: { plugins: [i18n, router] }, attachTo: document.body })
    await flushPromises()
    expect(wrapper.text()).toContain('No treatments yet.')

    await wrapper.get('[data-testid="treatment-new"]').trigger('click')
    await flushPromises()
    const dialog = document.body.querySelector<HTMLElement>('[role="dialog"]')!
    fill('Name', 'Toxina glabela')
    await choose('Category', 'Botulinum toxin', dialog)
    fill('Price (BRL)', '1200,50')
    fill('Duration (minutes)', '30')
    await choose('Deposit', 'Percent of the price', dialog)
    fill('Deposit value (%)', '120')
    dialog.querySelector<HTMLElement>('[data-testid="treatment-material-add"]')!.click()
    await flushPromises()
    await choose('Product', 'Botox 100 U', dialog.querySelector('[data-testid="treatment-material-0"]')!)
    expect(dialog.querySelector('[data-testid="treatment-material-0"]')!.textContent).toContain('Reg. 80117580578')
    fill('Quantity', '0,5')
    await flushPromises()
    dialog.querySelector<HTMLElement>('[data-testid="treatment-save"]')!.click()
    await flushPromises()
    expect(posted).toHaveLength(1)
    expect(dialog.textContent).toContain('A percent between 0 and 100.')

    fill('Deposit value (%)', '20')
    await flushPromises()
    dialog.querySelector<HTMLElement>('[data-testid="treatment-save"]')!.click()
    await flushPromises()
    expect(posted.at(-1)).toMatchObject({
      name: 'Toxina glabela',
      category: 'neurotoxin',
      price: '1200.50',
      duration_minutes: 30,
      deposit_kind: 'percent',
      deposit_value: '20',
      materials: [{ product_id: 'p1', quantity: '0.5' }],
    })
    expect(document.body.querySelector('[role="dialog"]')).toBeNull()
    expect(wrapper.get('[data-testid="treatments-table"]').text()).toContain('Reg. 80117580578')
    wrapper.unmount()
  })
})
