import { session, useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json } from '@aesthetix/api-client/testing'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { createI18n } from 'vue-i18n'
import type { Appointment } from '../calendarEvents'
import { useCalendarStore } from '../stores/calendar'
import AppointmentDialog from './AppointmentDialog.vue'

const booked = {
  id: 'a1',
  patient_name: 'Noura Al-Qahtani',
  practitioner_name: 'Kittipong Srisawat',
  service_name: 'Radiesse',
  room_id: 'r1',
  starts_at: '2026-11-23T03:00:00Z',
  ends_at: '2026-11-23T03:45:00Z',
  status: 'booked',
} as Appointment

beforeEach(async () => {
  setActivePinia(createPinia())
  fakeApi(clinicRoutes({ clinic: { time_zone: 'Asia/Bangkok' } }))
  session.setClinicId('c1')
  await useClinicContext().load()
  const store = useCalendarStore()
  store.rooms = [{ id: 'r1', name: 'Laser room', is_active: true }]
})
afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  useClinicContext().clear()
})

async function open(appointment: Appointment) {
  const wrapper = mount(AppointmentDialog, {
    props: { appointment },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
    attachTo: document.body,
  })
  await nextTick()
  return wrapper
}

function buttons() {
  return [...document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')].map((b) => b.textContent?.trim())
}

describe('AppointmentDialog', () => {
  it('shows the appointment in the clinic time zone with the actions of its state', async () => {
    await open(booked)
    const dialog = document.querySelector('[role="dialog"]')!
    expect(dialog.textContent).toContain('Noura Al-Qahtani')
    expect(dialog.textContent).toContain('Laser room')
    expect(dialog.textContent).toMatch(/Nov 23, 2026.*10:00/) // 03:00 UTC in Bangkok
    expect(buttons()).toEqual(['Check in', 'No-show', 'Close'])
  })

  it('checks the patient in and emits the changed appointment', async () => {
    const seen = fakeApi({
      'POST /api/v1/calendar/appointments/a1/arrive': () => json(200, { ...booked, status: 'arrived' }),
    })
    const wrapper = await open(booked)
    document.querySelector<HTMLButtonElement>('[role="dialog"] button')!.click()
    await vi.waitFor(() => expect(wrapper.emitted('changed')).toBeTruthy())
    expect(wrapper.emitted('changed')![0]).toEqual([{ ...booked, status: 'arrived' }])
    expect(seen).toHaveLength(1)
  })

  it('shows the server refusing a change', async () => {
    fakeApi({
      'POST /api/v1/calendar/appointments/a1/no-show': () =>
        json(409, { type: 'x', title: 'Conflict', status: 409, detail: 'An appointment that is completed cannot become no-show.', code: 'invalid_transition' }),
    })
    await open(booked)
    document.querySelectorAll<HTMLButtonElement>('[role="dialog"] button')[1].click()
    await vi.waitFor(() => expect(document.querySelector('[role="dialog"] [role="alert"]')).not.toBeNull())
    expect(document.querySelector('[role="dialog"] [role="alert"]')!.textContent).toContain('cannot become no-show')
  })
})
