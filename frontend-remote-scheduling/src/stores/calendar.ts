import { allPages, api, problemOf, useClinicContext } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Appointment, CalendarRange } from '../calendarEvents'

const PAGE = 100

/** The clinic's calendar set-up (the clinic and its time zone, practitioners and services
 *  from the shared clinic context; the rooms), loaded once per mount, and the
 *  member's saved calendar choices; the visible range's appointments and hours. */
export const useCalendarStore = defineStore('scheduling.calendar', () => {
  const context = useClinicContext()
  const clinic = computed(() => context.clinic.value)
  const practitioners = computed(() => context.practitioners.value)
  const rooms = ref<Schemas['Room'][]>([])
  /** The member's calendar choices at this clinic, kept on the server (they follow the
   *  person to another desk). */
  const preferences = ref<Schemas['Preferences']>({})
  const services = computed(() => context.catalog.value.services)

  async function setupLoad(): Promise<void> {
    const [, roomRows] = await Promise.all([
      context.load(),
      allPages((page) => api.GET('/api/v1/calendar/rooms', { params: { query: { page, page_size: PAGE } } })),
      preferencesLoad(),
    ])
    rooms.value = roomRows
  }

  /** Everything the calendar shows for local days dateFrom…dateTo (inclusive) in one
   *  request: the appointments of `practitioners` (none: all) and their hours and time off. */
  async function rangeLoad(dateFrom: string, dateTo: string, practitioners: string[]): Promise<CalendarRange> {
    const { data, error } = await api.GET('/api/v1/calendar/appointments/range', {
      params: { query: { date_from: dateFrom, date_to: dateTo, ...(practitioners.length ? { practitioner: practitioners } : {}) } },
    })
    if (!data) throw new Error(problemOf(error).detail)
    return data
  }

  /** Appointments starting in [start, end) (ISO instants with offset), every page. */
  function appointmentsLoad(start: string, end: string): Promise<Appointment[]> {
    return allPages((page) =>
      api.GET('/api/v1/calendar/appointments', { params: { query: { start, end, page, page_size: PAGE } } }),
    )
  }

  /** Free start times for `service` on the clinic's local `date`, for one practitioner or
   *  all, with why each practitioner without one has none and the next day with one. */
  async function dayAvailabilityLoad(service: string, date: string, practitioner?: string): Promise<Schemas['DayAvailability']> {
    const { data, error } = await api.GET('/api/v1/calendar/appointments/availability/day', {
      params: { query: { service, date, ...(practitioner ? { practitioner } : {}) } },
    })
    if (!data) throw new Error(problemOf(error).detail)
    return data
  }

  async function preferencesLoad(): Promise<void> {
    const { data, error } = await api.GET('/api/v1/users/me/preferences')
    if (!data) throw new Error(problemOf(error).detail)
    preferences.value = data
  }
  /** The save before this one, settled or not: saves are sent one after another, so
   *  two quick changes (week, then day) reach the server in the order they were made and
   *  the last one is the one kept. */
  let saving: Promise<unknown> = Promise.resolve()
  function preferencesSave(change: Schemas['PatchedPreferencesRequest']): Promise<void> {
    const save = saving.then(async () => {
      const { data, error } = await api.PATCH('/api/v1/users/me/preferences', { body: change })
      if (!data) throw new Error(problemOf(error).detail)
      preferences.value = data
    })
    saving = save.catch(() => undefined)
    return save
  }

  return {
    clinic,
    practitioners,
    rooms,
    services,
    preferences,
    setupLoad,
    appointmentsLoad,
    rangeLoad,
    dayAvailabilityLoad,
    preferencesLoad,
    preferencesSave,
  }
})
