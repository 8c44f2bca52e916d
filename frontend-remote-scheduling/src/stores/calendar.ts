import { allPages, api, problemOf } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { practitionersOf } from '../calendarEvents'
import type { Appointment, Practitioner } from '../calendarEvents'

const PAGE = 100

/** The clinic's calendar set-up (time zone, practitioners, rooms, services), loaded once
 *  per mount, and the appointments of the visible range. */
export const useCalendarStore = defineStore('scheduling.calendar', () => {
  const clinic = ref<Schemas['Clinic'] | null>(null)
  const practitioners = ref<Practitioner[]>([])
  const rooms = ref<Schemas['Room'][]>([])
  const services = ref<Schemas['Service'][]>([])

  async function setupLoad(): Promise<void> {
    const [clinicResponse, staff, roomRows, serviceRows] = await Promise.all([
      api.GET('/api/v1/clinics/me'),
      allPages((page) => api.GET('/api/v1/staff', { params: { query: { page, page_size: PAGE, is_active: true } } })),
      allPages((page) => api.GET('/api/v1/calendar/rooms', { params: { query: { page, page_size: PAGE } } })),
      allPages((page) =>
        api.GET('/api/v1/catalog/services', { params: { query: { page, page_size: PAGE, is_active: true } } }),
      ),
    ])
    if (!clinicResponse.data) throw new Error(problemOf(clinicResponse.error).detail)
    clinic.value = clinicResponse.data
    practitioners.value = practitionersOf(staff)
    rooms.value = roomRows
    services.value = serviceRows
  }

  /** Appointments starting in [start, end) (ISO instants with offset). */
  function appointmentsLoad(start: string, end: string): Promise<Appointment[]> {
    return allPages((page) =>
      api.GET('/api/v1/calendar/appointments', { params: { query: { start, end, page, page_size: PAGE } } }),
    )
  }

  /** Free start times for `service` on the clinic's local `date`, for one practitioner or all. */
  async function slotsLoad(service: string, date: string, practitioner?: string): Promise<Schemas['Slot'][]> {
    const { data, error } = await api.GET('/api/v1/calendar/appointments/availability', {
      params: { query: { service, date_from: date, date_to: date, ...(practitioner ? { practitioner } : {}) } },
    })
    if (!data) throw new Error(problemOf(error).detail)
    return data
  }

  return { clinic, practitioners, rooms, services, setupLoad, appointmentsLoad, slotsLoad }
})
