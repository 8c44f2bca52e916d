// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { bus, CLINIC_CHANGED } from './bus'
import { practitionersOf, useClinicContext } from './clinicContext'
import { session } from './session'
import { fakeApi, json } from './testing'

const page = <T>(results: T[]) => json(200, { count: results.length, next: null, previous: null, results })
const member = (id: string, name: string, role: string, is_active = true) => ({
  id: `m-${id}`,
  user: { id, full_name: name },
  role,
  is_active,
})
const me = (permissions: string[]) => ({ user: { id: 'u1' }, memberships: [], two_factor: {}, permissions })

/** The API of two clinics: c1 where the user manages stock, c2 where they only see it. */
function clinicApi() {
  const inClinic = (request: Request) => request.headers.get('X-Clinic-Id') ?? ''
  return fakeApi({
    'GET /api/v1/users/me': (request) =>
      json(200, me(inClinic(request) === 'c1' ? ['stock.manage', 'stock.view'] : ['stock.view'])),
    'GET /api/v1/clinics/me': (request) => json(200, { id: inClinic(request), time_zone: 'Asia/Bangkok' }),
    'GET /api/v1/staff': () => page([member('u2', 'Zoe', 'nurse'), member('u3', 'Ana', 'assistant'), member('u4', 'Bo', 'cashier')]),
    'GET /api/v1/catalog/services': () => page([{ id: 's1' }]),
    'GET /api/v1/catalog/products': () => page([{ id: 'p1' }]),
    'GET /api/v1/catalog/courses': () => page([]),
  })
}
const paths = (seen: Request[]) => seen.map((request) => new URL(request.url).pathname)

afterEach(() => {
  vi.unstubAllGlobals()
  useClinicContext().clear()
  session.setClinicId(null)
})

describe('useClinicContext', () => {
  it('loads the user, clinic, staff and catalog once for every app that asks', async () => {
    const seen = clinicApi()
    session.setClinicId('c1')
    const host = useClinicContext()
    const remote = useClinicContext()
    await Promise.all([host.load(), remote.load(), useClinicContext().load()])
    await remote.load()
    expect(paths(seen).sort()).toEqual([
      '/api/v1/catalog/courses',
      '/api/v1/catalog/products',
      '/api/v1/catalog/services',
      '/api/v1/clinics/me',
      '/api/v1/staff',
      '/api/v1/users/me',
    ])
    expect(remote.clinic.value?.id).toBe('c1')
    expect(remote.timeZone.value).toBe('Asia/Bangkok')
    expect(remote.catalog.value.services).toEqual([{ id: 's1' }])
    expect(remote.practitioners.value.map((p) => p.name)).toEqual(['Ana', 'Zoe'])
    expect(remote.loading.value).toBe(false)
  })

  it("answers can() from /users/me's permissions in the current clinic", async () => {
    clinicApi()
    session.setClinicId('c1')
    const context = useClinicContext()
    expect(context.can('stock.manage')).toBe(false) // nothing loaded: nothing offered
    await context.load()
    expect(context.can('stock.manage')).toBe(true)
    expect(context.can('stock.recall')).toBe(false)
  })

  it('loads again when the clinic changes', async () => {
    const seen = clinicApi()
    session.setClinicId('c1')
    const context = useClinicContext()
    await context.load()
    session.setClinicId('c2')
    bus.emit(CLINIC_CHANGED, { clinicId: 'c2' })
    await vi.waitFor(() => expect(context.clinic.value?.id).toBe('c2'))
    await context.load() // a remote mounting for c2 shares that answer
    expect(context.can('stock.manage')).toBe(false)
    expect(context.can('stock.view')).toBe(true)
    expect(paths(seen).filter((path) => path === '/api/v1/users/me')).toHaveLength(2)
    expect(paths(seen).filter((path) => path === '/api/v1/staff')).toHaveLength(2)
  })

  it("knows the clinic's time zone from the user's memberships before the clinic is loaded", async () => {
    const memberships = [
      { id: 'm1', clinic_id: 'c1', clinic_name: 'Bangkok', clinic_time_zone: 'Asia/Bangkok', role: 'owner' },
      { id: 'm2', clinic_id: 'c2', clinic_name: 'São Paulo', clinic_time_zone: 'America/Sao_Paulo', role: 'owner' },
    ]
    fakeApi({ 'GET /api/v1/users/me': () => json(200, { ...me([]), memberships }) })
    session.setClinicId('c2')
    const context = useClinicContext()
    expect(context.timeZone.value).toBe('UTC') // nothing known yet
    await context.meLoad()
    // A page that opens now (its "today", its date ranges) is already in the clinic's zone.
    expect(context.clinic.value).toBeNull()
    expect(context.timeZone.value).toBe('America/Sao_Paulo')
  })

  it('asks for the staff and catalog again on refresh, not for the user', async () => {
    let joined = false
    const seen = fakeApi({
      'GET /api/v1/users/me': () => json(200, me([])),
      'GET /api/v1/clinics/me': () => json(200, { id: 'c1', time_zone: 'America/Sao_Paulo' }),
      'GET /api/v1/staff': () => page(joined ? [member('u2', 'Renata', 'doctor')] : []),
      'GET /api/v1/catalog/services': () => page([]),
      'GET /api/v1/catalog/products': () => page([]),
      'GET /api/v1/catalog/courses': () => page([]),
    })
    session.setClinicId('c1')
    const context = useClinicContext()
    await context.load()
    expect(context.practitioners.value).toEqual([])
    joined = true // a colleague accepted an invite in another browser
    await context.load()
    expect(context.practitioners.value).toEqual([]) // load() keeps what it has
    await context.refresh()
    expect(context.practitioners.value.map((p) => p.name)).toEqual(['Renata'])
    expect(paths(seen).filter((path) => path === '/api/v1/users/me')).toHaveLength(1)
  })

  it('keeps the failure for the screens and asks again on the next load', async () => {
    let clinicFails = true
    fakeApi({
      'GET /api/v1/users/me': () => json(200, me([])),
      'GET /api/v1/clinics/me': () =>
        clinicFails
          ? json(403, { type: 'x', title: 'Forbidden', status: 403, detail: 'Not allowed.', code: 'permission_denied' })
          : json(200, { id: 'c1', time_zone: 'UTC' }),
      'GET /api/v1/staff': () => page([]),
      'GET /api/v1/catalog/services': () => page([]),
      'GET /api/v1/catalog/products': () => page([]),
      'GET /api/v1/catalog/courses': () => page([]),
    })
    session.setClinicId('c1')
    const context = useClinicContext()
    await expect(context.load()).rejects.toThrow('Not allowed.')
    expect(context.error.value).toBe('Not allowed.')
    clinicFails = false
    await context.load()
    expect(context.error.value).toBeNull()
    expect(context.clinic.value?.id).toBe('c1')
  })
})

describe('practitionersOf', () => {
  it("names the active clinical staff the server accepts as practitioners, by name, with their calendar colour", () => {
    const staff = [
      member('u1', 'Dao', 'doctor'),
      { ...member('u2', 'Bea', 'therapist'), calendar_colour: '#7c3aed' },
      member('u3', 'Cai', 'receptionist'),
      member('u4', 'Abe', 'nurse', false),
      member('u5', 'Eve', 'assistant'),
    ] as Parameters<typeof practitionersOf>[0]
    expect(practitionersOf(staff)).toEqual([
      { id: 'u2', name: 'Bea', role: 'therapist', colour: '#7c3aed' },
      { id: 'u1', name: 'Dao', role: 'doctor', colour: null },
      { id: 'u5', name: 'Eve', role: 'assistant', colour: null },
    ])
  })
})
