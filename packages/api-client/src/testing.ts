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
