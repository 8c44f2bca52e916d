import { allPages, api, problemOf, useClinicContext } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Appointment } from '../calendarEvents'

const PAGE = 100

/** The clinic's calendar set-up (the clinic and its time zone, practitioners and services
 *  from the shared clinic context; the rooms), loaded once per mount, and the
 *  appointments of the visible range. */
export const useCalendarStore = defineStore('scheduling.calendar', () => {
  const context = useClinicContext()
  const clinic = computed(() => context.clinic.value)
  const practitioners = computed(() => context.practitioners.value)
  const rooms = ref<Schemas['Room'][]>([])
  const services = computed(() => context.catalog.value.services)

  async function setupLoad(): Promise<void> {
    const [, roomRows] = await Promise.all([
      context.load(),
      allPages((page) => api.GET('/api/v1/calendar/rooms', { params: { query: { page, page_size: PAGE } } })),
    ])
    rooms.value = roomRows
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
