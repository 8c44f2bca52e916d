import { afterEach, describe, expect, it, vi } from 'vitest'
import { bus, SESSION_EXPIRED } from './bus'
import { createApiClient } from './client'
import { session } from './session'

type Handler = (request: Request) => Response | Promise<Response>

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

const problem401 = { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'expired', code: 'token_not_valid' }

/** A fake API: the access token `valid` works, the refresh endpoint answers `refresh`. */
function fakeApi(refresh: Handler) {
  const seen: Request[] = []
  const fetch = vi.fn(async (request: Request) => {
    seen.push(request)
    const path = new URL(request.url).pathname
    if (path === '/api/v1/auth/token/refresh') return refresh(request)
    if (request.headers.get('Authorization') !== 'Bearer valid') return json(401, problem401)
    return json(200, { echoed: request.method === 'POST' ? await request.json() : null })
  })
  return { fetch, seen, ...createApiClient({ baseUrl: 'http://api.test', fetch }) }
}

afterEach(() => {
  session.setAccessToken(null)
  session.setClinicId(null)
  session.setLanguage(null)
  bus.all.clear()
})

describe('api client', () => {
  it('sends the access token and the clinic', async () => {
    session.setAccessToken('valid')
    session.setClinicId('c-1')
    const { client, seen } = fakeApi(() => json(500, {}))
    const { response } = await client.GET('/api/v1/users/me')
    expect(response.status).toBe(200)
    expect(seen[0].headers.get('Authorization')).toBe('Bearer valid')
    expect(seen[0].headers.get('X-Clinic-Id')).toBe('c-1')
  })

  it("sends the UI's language as Accept-Language, following every switch", async () => {
    session.setAccessToken('valid')
    const { client, seen } = fakeApi(() => json(500, {}))
    await client.GET('/api/v1/users/me')
    expect(seen[0].headers.has('Accept-Language')).toBe(false)
    session.setLanguage('th')
    await client.GET('/api/v1/users/me')
    session.setLanguage('pt-BR')
    await client.POST('/api/v1/calendar/rooms', { body: { name: 'Sala 1' } })
    expect(seen.slice(1).map((r) => r.headers.get('Accept-Language'))).toEqual(['th', 'pt-BR'])
  })

  it('refreshes once on 401 and replays the request with its body', async () => {
    session.setAccessToken('stale')
    const { client, seen } = fakeApi(() => json(200, { access: 'valid' }))
    const { data, response } = await client.POST('/api/v1/calendar/rooms', { body: { name: 'Room 1' } })
    expect(response.status).toBe(200)
    expect(data).toEqual({ echoed: { name: 'Room 1' } })
    expect(seen.map((r) => new URL(r.url).pathname)).toEqual([
      '/api/v1/calendar/rooms',
      '/api/v1/auth/token/refresh',
      '/api/v1/calendar/rooms',
    ])
    expect(seen[1].credentials).toBe('include')
    expect(session.accessToken).toBe('valid')
  })

  it('shares one refresh between requests that fail together', async () => {
    session.setAccessToken('stale')
    const refresh = vi.fn(async () => json(200, { access: 'valid' }))
    const { client } = fakeApi(refresh)
    const results = await Promise.all([client.GET('/api/v1/users/me'), client.GET('/api/v1/staff')])
    expect(results.map((r) => r.response.status)).toEqual([200, 200])
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('emits SESSION_EXPIRED once and forgets the token when the refresh fails', async () => {
    session.setAccessToken('stale')
    const expired = vi.fn()
    bus.on(SESSION_EXPIRED, expired)
    const { client } = fakeApi(() => json(401, problem401))
    const results = await Promise.all([client.GET('/api/v1/users/me'), client.GET('/api/v1/staff')])
    expect(results.map((r) => r.response.status)).toEqual([401, 401])
    expect(results[0].error).toMatchObject({ code: 'token_not_valid' })
    expect(expired).toHaveBeenCalledTimes(1)
    expect(session.accessToken).toBeNull()
  })

  it('treats a network error during refresh as an expired session', async () => {
    session.setAccessToken('stale')
    const expired = vi.fn()
    bus.on(SESSION_EXPIRED, expired)
    const { client } = fakeApi(() => {
      throw new TypeError('Failed to fetch')
    })
    await client.GET('/api/v1/users/me')
    expect(expired).toHaveBeenCalledTimes(1)
  })

  it('waits out a busy refresh endpoint instead of ending the session', async () => {
    vi.useFakeTimers()
    try {
      session.setAccessToken('stale')
      const expired = vi.fn()
      bus.on(SESSION_EXPIRED, expired)
      const answers = [
        new Response('{}', { status: 429, headers: { 'Retry-After': '2' } }),
        json(200, { access: 'valid' }),
      ]
      const refresh = vi.fn(async () => answers.shift()!)
      const { client } = fakeApi(refresh)
      const pending = client.GET('/api/v1/users/me')
      await vi.advanceTimersByTimeAsync(1900)
      expect(refresh).toHaveBeenCalledTimes(1)
      await vi.advanceTimersByTimeAsync(200)
      expect((await pending).response.status).toBe(200)
      expect(refresh).toHaveBeenCalledTimes(2)
      expect(expired).not.toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
    }
  })

  it('gives up on a refresh endpoint that stays busy, or asks for too long a wait', async () => {
    vi.useFakeTimers()
    try {
      session.setAccessToken('stale')
      const refresh = vi.fn(async () => new Response('{}', { status: 429, headers: { 'Retry-After': '1' } }))
      const { client } = fakeApi(refresh)
      const pending = client.GET('/api/v1/users/me')
      await vi.advanceTimersByTimeAsync(10_000)
      expect((await pending).response.status).toBe(401)
      expect(refresh).toHaveBeenCalledTimes(4)

      session.setAccessToken('stale')
      const long = vi.fn(async () => new Response('{}', { status: 429, headers: { 'Retry-After': '3600' } }))
      expect((await fakeApi(long).client.GET('/api/v1/users/me')).response.status).toBe(401)
      expect(long).toHaveBeenCalledTimes(1)
    } finally {
      vi.useRealTimers()
    }
  })

  it('does not refresh when signing in fails', async () => {
    const refresh = vi.fn(async () => json(200, { access: 'valid' }))
    const { client } = fakeApi(refresh)
    const { response } = await client.POST('/api/v1/auth/token', { body: { phone: '+66', password: 'x' } })
    expect(response.status).toBe(401)
    expect(refresh).not.toHaveBeenCalled()
  })

  it('does not refresh without a session', async () => {
    const refresh = vi.fn(async () => json(200, { access: 'valid' }))
    const { client } = fakeApi(refresh)
    await client.GET('/api/v1/users/me')
    expect(refresh).not.toHaveBeenCalled()
  })
})
