// The signed-in user and the clinic they work in, loaded once for the whole page: the
// package is a module-federation singleton, so the host and every remote read this one
// state instead of asking the API again.
import { computed, ref, shallowRef } from 'vue'
import { bus, CLINIC_CHANGED } from './bus'
import { api } from './client'
import { allPages } from './pages'
import { problemOf } from './problem'
import type { components } from './schema'
import { session } from './session'

type Schemas = components['schemas']

/** The active treatment catalog of the clinic. */
export interface Catalog {
  services: Schemas['Service'][]
  products: Schemas['Product'][]
  courses: Schemas['Course'][]
}

/** A member of the staff who can be named on an appointment, a treatment or a sale. */
export interface Practitioner {
  id: string
  name: string
  role: Schemas['RoleEnum']
  /** The calendar colour the clinic gave them (#RRGGBB), `null` for the default palette. */
  colour: string | null
}

const PAGE = 100
// Who the server accepts as a practitioner (scheduling.selectors.practitioners_of, the
// clinical roles of core.roles): the one copy on the front end.
const PRACTITIONER_ROLES: readonly string[] = ['doctor', 'nurse', 'therapist', 'assistant']

/** The clinic's active clinical staff, by name (scheduling.selectors.practitioners_of). */
export function practitionersOf(staff: Schemas['Staff'][]): Practitioner[] {
  return staff
    .filter((member) => member.is_active && PRACTITIONER_ROLES.includes(member.role))
    .map((member) => ({ id: member.user.id, name: member.user.full_name, role: member.role, colour: member.calendar_colour || null }))
    .sort((a, b) => a.name.localeCompare(b.name))
}

const me = shallowRef<Schemas['Me'] | null>(null)
const clinic = shallowRef<Schemas['Clinic'] | null>(null)
const staff = shallowRef<Schemas['Staff'][]>([])
const catalog = shallowRef<Catalog>({ services: [], products: [], courses: [] })
const pending = ref(0)
const error = ref<string | null>(null)

// One request per clinic: the clinic each part was asked for, and the answer (in flight
// or settled) that every caller for that clinic shares. An answer for a clinic no longer
// current is dropped.
interface Asked<T> {
  clinicId: string | null
  request: Promise<T>
}
let meFor: Asked<Schemas['Me']> | null = null
let dataFor: Asked<void> | null = null

async function meFetch(asked: Asked<Schemas['Me']>): Promise<Schemas['Me']> {
  const { data, error: problem } = await api.GET('/api/v1/users/me')
  if (!data) throw new Error(problemOf(problem).detail)
  if (meFor === asked) me.value = data
  return data
}

async function dataFetch(asked: Asked<void>): Promise<void> {
  const active = (page: number) => ({ params: { query: { page, page_size: PAGE, is_active: true } } })
  const [clinicResponse, members, services, products, courses] = await Promise.all([
    api.GET('/api/v1/clinics/me'),
    allPages((page) => api.GET('/api/v1/staff', active(page))),
    allPages((page) => api.GET('/api/v1/catalog/services', active(page))),
    allPages((page) => api.GET('/api/v1/catalog/products', active(page))),
    allPages((page) => api.GET('/api/v1/catalog/courses', active(page))),
  ])
  if (!clinicResponse.data) throw new Error(problemOf(clinicResponse.error).detail)
  if (dataFor !== asked) return
  clinic.value = clinicResponse.data
  staff.value = members
  catalog.value = { services, products, courses }
}

/** Starts `fetch` for the session's clinic; a failed answer is forgotten, so the next
 *  caller asks again. */
function ask<T>(
  fetch: (asked: Asked<T>) => Promise<T>,
  remember: (asked: Asked<T> | null) => void,
  current: () => Asked<T> | null,
): Asked<T> {
  const asked = { clinicId: session.clinicId } as Asked<T>
  remember(asked)
  asked.request = fetch(asked)
  asked.request.catch(() => {
    if (current() === asked) remember(null)
  })
  return asked
}

function meRequest(): Promise<Schemas['Me']> {
  return ask(meFetch, (asked) => (meFor = asked), () => meFor).request
}

function dataRequest(): Promise<void> {
  return ask(dataFetch, (asked) => (dataFor = asked), () => dataFor).request
}

async function tracked<T>(work: Promise<T>): Promise<T> {
  pending.value += 1
  error.value = null
  try {
    return await work
  } catch (failure) {
    error.value = failure instanceof Error ? failure.message : String(failure)
    throw failure
  } finally {
    pending.value -= 1
  }
}

/**
 * The user as `/users/me` answers in the session's clinic, asked again: at sign-in, and
 * after anything that changes it (second factor, password). Throws the problem's detail.
 */
function meLoad(): Promise<Schemas['Me']> {
  return tracked(meRequest())
}

/**
 * The user, the clinic, its active staff and its active catalog for the session's clinic,
 * each asked once per clinic whoever calls (a part already loaded, or in flight, is
 * shared). Throws the first failure's detail, also kept in `error`.
 */
function load(): Promise<void> {
  const clinicId = session.clinicId
  const parts: Promise<unknown>[] = [
    meFor?.clinicId === clinicId ? meFor.request : meRequest(),
    dataFor?.clinicId === clinicId ? dataFor.request : dataRequest(),
  ]
  return tracked(Promise.all(parts).then(() => undefined))
}

/**
 * The clinic's staff and catalog asked again (the user and the clinic stay): after a page
 * changed them, or on opening a page that must not work from an old list (a colleague
 * who joined since, a treatment added in another browser). Throws like `load`.
 */
function refresh(): Promise<void> {
  dataFor = null
  return tracked(dataRequest())
}

/** Forget everything (sign-out): the next `load` asks again. */
function clear(): void {
  meFor = null
  dataFor = null
  me.value = null
  clinic.value = null
  staff.value = []
  catalog.value = { services: [], products: [], courses: [] }
  error.value = null
}

// Another clinic: what was loaded belongs to the old one; load it again for the new one
// if it had been loaded (the remotes remount and share this request).
bus.on(CLINIC_CHANGED, () => {
  const wasLoaded = dataFor !== null
  const hadMe = meFor !== null
  meFor = null
  dataFor = null
  if (wasLoaded) void load().catch(() => undefined)
  else if (hadMe) void meLoad().catch(() => undefined)
})

const permissions = computed(() => new Set(me.value?.permissions ?? []))
const timeZone = computed(() => {
  const current = session.clinicId
  if (clinic.value?.id === current) return clinic.value.time_zone
  return me.value?.memberships.find((m) => m.clinic_id === current)?.clinic_time_zone ?? clinic.value?.time_zone ?? 'UTC'
})
const practitioners = computed(() => practitionersOf(staff.value))

/** Whether the signed-in user holds `permission` (e.g. `stock.manage`) in the current
 *  clinic, as `/users/me` says (`core.permissions`). The server still refuses anyone
 *  else: this only decides what a screen offers. */
function can(permission: string): boolean {
  return permissions.value.has(permission)
}

const context = {
  me: computed(() => me.value),
  clinic: computed(() => clinic.value),
  staff: computed(() => staff.value),
  catalog: computed(() => catalog.value),
  practitioners,
  /** The session clinic's IANA time zone: known with the user (their memberships carry
   *  it), before the clinic itself is loaded; 'UTC' before either. */
  timeZone,
  loading: computed(() => pending.value > 0),
  error: computed(() => error.value),
  can,
  load,
  refresh,
  meLoad,
  clear,
}

export type ClinicContext = typeof context

/**
 * The shared clinic context: `me`, `clinic`, `staff`, `catalog` and `practitioners` (refs),
 * `can(permission)`, `loading`/`error`, `load()` (once per clinic), `refresh()` (staff
 * and catalog again), `meLoad()` and `clear()`. Switching clinic (`CLINIC_CHANGED` on the bus) loads it again.
 */
export function useClinicContext(): ClinicContext {
  return context
}
