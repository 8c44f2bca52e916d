import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json } from '@aesthetix/api-client/testing'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import type { Appointment } from '../calendarEvents'
import { useCalendarStore } from '../stores/calendar'
import AppointmentDialog from './AppointmentDialog.vue'

// 10:00 in Bangkok on 23 November 2026.
const booked = {
  id: 'a1',
  patient_id: 'p1',
  patient_name: 'Noura Al-Qahtani',
  chart_number: 'HN000042',
  practitioner_id: 'u1',
  practitioner_name: 'Kittipong Srisawat',
  service_id: 's1',
  service_name: 'Radiesse',
  room_id: 'r1',
  starts_at: '2026-11-23T03:00:00Z',
  ends_at: '2026-11-23T03:45:00Z',
  status: 'booked',
  source: 'staff',
  late_cancellation: false,
} as Appointment

async function setUp(now: string, permissions = ['calendar.book']) {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(now) })
  setActivePinia(createPinia())
  fakeApi(clinicRoutes({ clinic: { time_zone: 'Asia/Bangkok', checkin_opens_minutes_before: 120, late_cancellation_hours: 24 }, permissions }))
  session.setClinicId('c1')
  await useClinicContext().load()
  await useClinicContext().meLoad()
  useCalendarStore().rooms = [{ id: 'r1', name: 'Laser room', is_active: true }]
}

beforeEach(() => vi.useRealTimers())
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  useClinicContext().clear()
})

async function open(appointment: Appointment) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)', component: { render: () => null } }] })
  const wrapper = mount(AppointmentDialog, {
    props: { appointment },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' }), router] },
    attachTo: document.body,
  })
  await nextTick()
  return wrapper
}

function buttons() {
  return [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].map((b) => b.textContent?.trim())
}
function press(name: string) {
  const button = [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].find((b) => b.textContent?.trim() === name)
  if (!button) throw new Error(`no button ${name}: ${buttons().join(', ')}`)
  button.click()
}

describe('AppointmentDialog', () => {
  it('shows the appointment in the clinic time zone, without check-in or no-show the day before', async () => {
    await setUp('2026-11-22T05:00:00Z')
    await open(booked)
    const dialog = document.querySelector('[role="dialog"]')!
    expect(dialog.textContent).toContain('HN000042')
    expect(dialog.textContent).toContain('Laser room')
    expect(dialog.textContent).toContain('Front desk')
    expect(dialog.textContent).toMatch(/Nov 23, 2026.*10:00/) // 03:00 UTC in Bangkok
    expect(dialog.querySelector('a')!.getAttribute('href')).toBe('/patients?patient=p1')
    expect(buttons()).toEqual(['Confirm', 'Reschedule', 'Cancel appointment', 'Close'])
    expect(dialog.textContent).toContain("Check-in opens on the appointment's day")
  })

  it('offers check-in on the day and no-show after the start, and checks the patient in', async () => {
    await setUp('2026-11-23T03:10:00Z')
    const wrapper = await open(booked)
    expect(buttons()).toEqual(['Confirm', 'Check in', 'Reschedule', 'No-show', 'Cancel appointment', 'Close'])
    const seen = fakeApi({ 'POST /api/v1/calendar/appointments/a1/arrive': () => json(200, { ...booked, status: 'arrived' }) })
    press('Check in')
    await vi.waitFor(() => expect(wrapper.emitted('changed')).toBeTruthy())
    expect(wrapper.emitted('changed')![0]).toEqual([{ ...booked, status: 'arrived' }])
    expect(seen).toHaveLength(1)
    await nextTick()
    expect(buttons()).toEqual(['Start treatment', 'Close'])
  })

  it('asks for a reason and says the cancellation is late', async () => {
    await setUp('2026-11-22T20:00:00Z')
    const seen = fakeApi({
      'POST /api/v1/calendar/appointments/a1/cancel': () => json(200, { ...booked, status: 'cancelled', late_cancellation: true }),
    })
    await open(booked)
    press('Cancel appointment')
    await nextTick()
    expect(document.querySelector('[data-testid="appointment-late"]')!.textContent).toContain('less than 24 hours')
    const submit = [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].find((b) => b.textContent?.trim() === 'Cancel the appointment')!
    expect(submit.disabled).toBe(true)
    const reason = document.querySelector<HTMLTextAreaElement>('#appointment-cancel-reason')!
    reason.value = 'Patient has a fever'
    reason.dispatchEvent(new Event('input'))
    await nextTick()
    submit.click()
    await vi.waitFor(() => expect(seen).toHaveLength(1))
    expect(await seen[0].json()).toEqual({ reason: 'Patient has a fever' })
    await vi.waitFor(() => expect(document.querySelector('[data-testid="appointment-status"]')!.textContent).toBe('Cancelled'))
  })

  it('records a no-show only after a confirmation, and shows the server refusing it', async () => {
    await setUp('2026-11-23T04:00:00Z')
    const seen = fakeApi({
      'POST /api/v1/calendar/appointments/a1/no-show': () =>
        json(409, { type: 'x', title: 'Conflict', status: 409, detail: 'An appointment that is completed cannot become no-show.', code: 'invalid_transition' }),
    })
    await open(booked)
    press('No-show')
    await nextTick()
    expect(seen).toHaveLength(0)
    expect(document.querySelector('[role="dialog"]')!.textContent).toContain('This cannot be undone')
    press('Yes, record the no-show')
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"] [role="alert"]')!.textContent).toContain('cannot become no-show'))
  })

  it('offers nothing but closing to a role that does not book', async () => {
    await setUp('2026-11-23T03:10:00Z', [])
    await open(booked)
    expect(buttons()).toEqual(['Close'])
  })

  describe('deposit', () => {
    const asks = { ...booked, deposit_amount: '100.00' } as Appointment
    const state = {
      appointment_id: 'a1',
      status: 'due',
      amount: '100.00',
      currency: 'THB',
      paid: '0.00',
      applied: '0.00',
      pending: false,
      method: '',
      invoice_number: '',
      applied_invoice_id: null,
      settled_at: null,
      payment_methods: ['cash', 'card', 'promptpay'],
    }

    it('shows what is due and lets the desk take it by a method the clinic accepts', async () => {
      await setUp('2026-11-22T05:00:00Z', ['calendar.book', 'deposit.take'])
      const seen = fakeApi({
        'GET /api/v1/calendar/appointments/a1/deposit': () => json(200, state),
        'POST /api/v1/calendar/appointments/a1/deposit': () => json(200, { ...state, status: 'paid', paid: '100.00', method: 'card', invoice_number: 'INV-000007' }),
      })
      await open(asks)
      await vi.waitFor(() => expect(document.querySelector('[data-testid="deposit-due"]')!.textContent).toContain('100.00'))
      expect(document.querySelector('[data-testid="deposit-state"]')!.textContent).toContain('Not paid yet')
      press('Take deposit')
      await nextTick()
      const radios = [...document.querySelectorAll<HTMLInputElement>('input[name="deposit-method"]')]
      expect(radios.map((r) => r.value)).toEqual(['cash', 'card', 'promptpay'])
      expect(radios[0].checked).toBe(true)
      radios[1].click()
      await nextTick()
      press('Take THB\u00a0100.00')
      await vi.waitFor(() => expect(seen.filter((r) => r.method === 'POST')).toHaveLength(1))
      const body = await seen.find((r) => r.method === 'POST')!.json()
      expect(body.method).toBe('card')
      expect(body.idempotency_key).toMatch(/^[0-9a-f-]{36}$/)
      await vi.waitFor(() => expect(document.querySelector('[data-testid="deposit-state"]')!.textContent).toContain('Paid THB\u00a0100.00 · Card'))
      expect(buttons()).not.toContain('Take deposit')
    })

    it('shows the refusal of a deposit already taken elsewhere', async () => {
      await setUp('2026-11-22T05:00:00Z', ['calendar.book', 'deposit.take'])
      fakeApi({
        'GET /api/v1/calendar/appointments/a1/deposit': () => json(200, state),
        'POST /api/v1/calendar/appointments/a1/deposit': () =>
          json(409, { type: 'x', title: 'Conflict', status: 409, detail: 'The deposit is already paid.', code: 'deposit_already_paid' }),
      })
      await open(asks)
      await vi.waitFor(() => expect(buttons()).toContain('Take deposit'))
      press('Take deposit')
      await nextTick()
      press('Take THB\u00a0100.00')
      await vi.waitFor(() => expect(document.querySelector('[data-testid="appointment-deposit"]')!.textContent).toContain('already paid'))
    })

    it('shows the deposit without the action to a role that does not take money, and nothing when none is asked', async () => {
      await setUp('2026-11-22T05:00:00Z', ['calendar.book'])
      fakeApi({ 'GET /api/v1/calendar/appointments/a1/deposit': () => json(200, { ...state, status: 'applied', paid: '100.00', applied: '100.00' }) })
      await open(asks)
      await vi.waitFor(() => expect(document.querySelector('[data-testid="deposit-state"]')!.textContent).toContain('THB\u00a0100.00 applied to the visit invoice'))
      expect(buttons()).not.toContain('Take deposit')
      document.body.innerHTML = ''
      await open(booked)
      expect(document.querySelector('[data-testid="appointment-deposit"]')).toBeNull()
    })
  })
})
