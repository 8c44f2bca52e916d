import { bus, CLINIC_CHANGED, session, useClinicContext } from '@aesthetix/api-client'
import { fakeApi, json } from '@aesthetix/api-client/testing'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAuthStore } from './auth'

const user = { id: 'u1', phone: '+66811111111', full_name: 'Dao Owner' }
const tokens = { access: 'access-1', access_expires_at: '', user, two_factor: { required: true, enrolled: true, verified: true } }
const me = {
  user,
  memberships: [
    { id: 'm1', clinic_id: 'c1', clinic_name: 'Bangkok', role: 'owner' },
    { id: 'm2', clinic_id: 'c2', clinic_name: 'São Paulo', role: 'doctor' },
  ],
  two_factor: tokens.two_factor,
}
/** `/users/me` as the server answers it in the request's clinic (owner of c1, doctor of c2). */
const PERMISSIONS: Record<string, string[]> = { c1: ['clinic.manage', 'stock.manage'], c2: ['clinical.view'] }
const meIn = (request: Request) =>
  json(200, { ...me, permissions: PERMISSIONS[request.headers.get('X-Clinic-Id') ?? ''] ?? [] })
const otpRequired = {
  type: 'urn:aesthetix:problem:validation_error',
  title: 'Invalid input',
  status: 400,
  detail: 'Enter the 6-digit code from your authenticator app.',
  code: 'otp_required',
  errors: [{ field: 'otp_code', pointer: '/otp_code', detail: 'This field is required.' }],
}

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
})
afterEach(() => {
  vi.unstubAllGlobals()
  session.setAccessToken(null)
  session.setClinicId(null)
  useClinicContext().clear()
})

describe('useAuthStore', () => {
  it('asks for the TOTP code, then signs in and picks the first clinic', async () => {
    const seen = fakeApi({
      'POST /api/v1/auth/token': async (request) => {
        const body = (await request.json()) as { otp_code?: string }
        return body.otp_code === '123456' ? json(200, tokens) : json(400, otpRequired)
      },
      'GET /api/v1/users/me': meIn,
    })
    const auth = useAuthStore()
    const first = await auth.login('+66811111111', 'secret-pass')
    expect(first).toMatchObject({ ok: false, otpRequired: true })
    expect(auth.signedIn).toBe(false)

    expect(await auth.login('+66811111111', 'secret-pass', '123456')).toEqual({ ok: true })
    expect(auth.signedIn).toBe(true)
    expect(auth.clinicId).toBe('c1')
    expect(auth.can('clinic.manage')).toBe(true)
    expect(session.accessToken).toBe('access-1')
    expect(seen.at(-1)?.headers.get('Authorization')).toBe('Bearer access-1')
    // No clinic remembered on this device: asked once to learn the memberships, once in
    // the clinic chosen for its permissions.
    const asked = seen.filter((request) => request.url.endsWith('/api/v1/users/me'))
    expect(asked.map((request) => request.headers.get('X-Clinic-Id'))).toEqual([null, 'c1'])
  })

  it('reports wrong credentials without asking for a code', async () => {
    fakeApi({
      'POST /api/v1/auth/token': () =>
        json(401, { type: 'x', title: 'Unauthorized', status: 401, detail: 'Wrong.', code: 'invalid_credentials' }),
    })
    const result = await useAuthStore().login('+66811111111', 'nope')
    expect(result).toMatchObject({ ok: false, otpRequired: false, problem: { detail: 'Wrong.' } })
  })

  it('switches clinic for every request and tells the other apps', async () => {
    fakeApi({ 'POST /api/v1/auth/token': () => json(200, tokens), 'GET /api/v1/users/me': meIn })
    const auth = useAuthStore()
    await auth.login('+66811111111', 'secret-pass', '123456')
    const changed = vi.fn()
    bus.on(CLINIC_CHANGED, changed)
    auth.clinicSelect('c2')
    bus.off(CLINIC_CHANGED, changed)
    expect(session.clinicId).toBe('c2')
    expect(changed).toHaveBeenCalledWith({ clinicId: 'c2' })
    expect(localStorage.getItem('aesthetix.clinic')).toBe('c2')
    // The shared context asks again in the new clinic: the doctor of c2 manages nothing.
    await vi.waitFor(() => expect(auth.can('clinical.view')).toBe(true))
    expect(auth.can('clinic.manage')).toBe(false)
  })

  it('restores a session from the refresh cookie after a reload, and remembers the clinic', async () => {
    localStorage.setItem('aesthetix.signed-in', '1')
    localStorage.setItem('aesthetix.clinic', 'c2')
    const seen = fakeApi({ 'POST /api/v1/auth/token/refresh': () => json(200, tokens), 'GET /api/v1/users/me': meIn })
    const auth = useAuthStore()
    expect(await auth.restore()).toBe(true)
    expect(auth.clinicId).toBe('c2')
    // Asked once, in the remembered clinic.
    expect(seen.filter((request) => request.url.endsWith('/users/me')).map((r) => r.headers.get('X-Clinic-Id'))).toEqual(['c2'])
    expect(auth.can('clinical.view')).toBe(true)
  })

  it('asks without the remembered clinic when the user left it', async () => {
    localStorage.setItem('aesthetix.signed-in', '1')
    localStorage.setItem('aesthetix.clinic', 'gone')
    const notFound = { type: 'x', title: 'Not found', status: 404, detail: 'No such clinic.', code: 'not_found' }
    fakeApi({
      'POST /api/v1/auth/token/refresh': () => json(200, tokens),
      'GET /api/v1/users/me': (request) => (request.headers.get('X-Clinic-Id') === 'gone' ? json(404, notFound) : meIn(request)),
    })
    const auth = useAuthStore()
    expect(await auth.restore()).toBe(true)
    expect(auth.clinicId).toBe('c1')
    expect(auth.can('clinic.manage')).toBe(true)
  })

  it('does not ask for a session on a device that never signed in', async () => {
    const seen = fakeApi({})
    expect(await useAuthStore().restore()).toBe(false)
    expect(seen).toEqual([])
  })

  it('forgets everything when the session expires', async () => {
    fakeApi({ 'POST /api/v1/auth/token': () => json(200, tokens), 'GET /api/v1/users/me': meIn })
    const auth = useAuthStore()
    await auth.login('+66811111111', 'secret-pass', '123456')
    auth.sessionExpired()
    expect(auth.signedIn).toBe(false)
    expect(auth.expired).toBe(true)
    expect(session.accessToken).toBeNull()
    expect(localStorage.getItem('aesthetix.signed-in')).toBeNull()
  })
})
