// Test helper for the apps' unit tests (not part of the runtime client).
import { vi } from 'vitest'

export type Route = (request: Request) => Response | Promise<Response>

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

/** Replaces `fetch` with routes keyed by "METHOD /path"; returns the requests seen. */
export function fakeApi(routes: Record<string, Route>): Request[] {
  const seen: Request[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      seen.push(request)
      const key = `${request.method} ${new URL(request.url, 'http://page').pathname}`
      const route = routes[key]
      if (!route) throw new Error(`unexpected request ${key}`)
      return route(request)
    }),
  )
  return seen
}

/** A WebSocket the test opens, feeds and closes: `vi.stubGlobal('WebSocket', FakeSocket)`,
 *  then `FakeSocket.made[i].onopen!()`, `.onmessage!({ data })`, `.onclose!({ code })`. */
export class FakeSocket {
  static made: FakeSocket[] = []
  onopen: (() => void) | null = null
  onmessage: ((message: { data: string }) => void) | null = null
  onclose: ((close: { code: number }) => Promise<void> | void) | null = null
  constructor(
    readonly url: string,
    readonly protocols: string[] = [],
  ) {
    FakeSocket.made.push(this)
  }
  close() {}
}

/** A page of a list endpoint holding all of `results`. */
export function page(results: unknown[]): Response {
  return json(200, { count: results.length, next: null, previous: null, results })
}

export interface ClinicFixture {
  /** `/users/me`'s permissions in the clinic. */
  permissions?: string[]
  userId?: string
  clinic?: Record<string, unknown>
  staff?: unknown[]
  services?: unknown[]
  products?: unknown[]
  courses?: unknown[]
}

/** Routes of what the shared clinic context loads (`useClinicContext().load()`). */
export function clinicRoutes(fixture: ClinicFixture = {}): Record<string, Route> {
  return {
    'GET /api/v1/users/me': () =>
      json(200, {
        user: { id: fixture.userId ?? 'u-self' },
        memberships: [],
        two_factor: { required: false, enrolled: false, verified: false },
        permissions: fixture.permissions ?? [],
      }),
    'GET /api/v1/clinics/me': () => json(200, { id: 'c1', time_zone: 'UTC', ...fixture.clinic }),
    'GET /api/v1/staff': () => page(fixture.staff ?? []),
    'GET /api/v1/catalog/services': () => page(fixture.services ?? []),
    'GET /api/v1/catalog/products': () => page(fixture.products ?? []),
    'GET /api/v1/catalog/courses': () => page(fixture.courses ?? []),
  }
}
