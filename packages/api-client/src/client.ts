import createClient from 'openapi-fetch'
import { bus, SESSION_EXPIRED } from './bus'
import type { components, paths } from './schema'
import { session } from './session'

export type TokenResponse = components['schemas']['TokenResponse']

export interface ApiClientOptions {
  /** Origin of the API; by default the page's own origin. */
  baseUrl?: string
  fetch?: (request: Request) => Promise<Response>
}

// Requests that must never trigger a refresh: signing in and the refresh itself answer
// 401 for wrong credentials, not for an expired access token.
const NO_REFRESH = ['/api/v1/auth/token', '/api/v1/auth/signup']

// How often, and how long at most, a refresh waits for a server that answers "busy".
const BUSY_RETRIES = 3
const BUSY_WAIT_MAX_SECONDS = 30

/** Seconds to wait before asking again, when `response` says the server is busy (429 or
 *  503) and names a wait short enough to sit through; null otherwise. */
function retryAfterSeconds(response: Response): number | null {
  if (response.status !== 429 && response.status !== 503) return null
  const seconds = Number(response.headers.get('Retry-After') ?? '1')
  return Number.isFinite(seconds) && seconds >= 0 && seconds <= BUSY_WAIT_MAX_SECONDS ? seconds : null
}

function withCredentials(request: Request): Request {
  const headers = new Headers(request.headers)
  if (session.accessToken) headers.set('Authorization', `Bearer ${session.accessToken}`)
  if (session.clinicId) headers.set('X-Clinic-Id', session.clinicId)
  if (session.language) headers.set('Accept-Language', session.language)
  return new Request(request, { headers })
}

/**
 * A typed client of the AesthetixOS API (`paths` generated from its OpenAPI schema).
 *
 * Every request carries `Authorization: Bearer <access>`, `X-Clinic-Id` and
 * `Accept-Language` (the UI's language, so server messages come in it) from the
 * in-memory `session`. A 401 on any other endpoint refreshes the access token once (one
 * refresh for all requests failing together, since the refresh token rotates) and
 * replays the request; when the refresh fails the session is cleared and
 * `SESSION_EXPIRED` is emitted on the bus, once.
 */
export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? globalThis.location?.origin ?? ''
  const send = options.fetch ?? ((request: Request) => globalThis.fetch(request))
  let refreshing: Promise<TokenResponse | null> | null = null

  /** Trades the refresh cookie for a new access token; null when the session is over.
   *  A busy server (429 or 503 with a short `Retry-After`) is waited for and asked again,
   *  a few times: being told to slow down does not end the session. */
  function refreshAccess(): Promise<TokenResponse | null> {
    refreshing ??= (async () => {
      try {
        let response: Response
        for (let attempt = 0; ; attempt++) {
          response = await send(
            new Request(`${baseUrl}/api/v1/auth/token/refresh`, { method: 'POST', credentials: 'include' }),
          )
          const wait = retryAfterSeconds(response)
          if (wait === null || attempt >= BUSY_RETRIES) break
          await new Promise((resolve) => setTimeout(resolve, wait * 1000))
        }
        if (!response.ok) return null
        const tokens = (await response.json()) as TokenResponse
        session.setAccessToken(tokens.access)
        return tokens
      } catch {
        return null
      } finally {
        refreshing = null
      }
    })()
    return refreshing
  }

  async function authorizedFetch(request: Request): Promise<Response> {
    const replay = request.clone()
    const sentWith = session.accessToken
    const response = await send(withCredentials(request))
    const path = new URL(request.url, 'http://base').pathname
    if (response.status !== 401 || NO_REFRESH.includes(path) || !sentWith) return response
    // Another request may have renewed the token, or ended the session, meanwhile.
    if (session.accessToken !== sentWith) {
      return session.accessToken ? send(withCredentials(replay)) : response
    }
    if (await refreshAccess()) return send(withCredentials(replay))
    if (session.accessToken === sentWith) {
      session.clear()
      bus.emit(SESSION_EXPIRED, { reason: 'refresh_failed' })
    }
    return response
  }

  const client = createClient<paths>({ baseUrl, fetch: authorizedFetch, credentials: 'include' })
  return { client, refreshAccess }
}

const shared = createApiClient()
/** The one client of the page (the package is a shared singleton across the apps). */
export const api = shared.client
export const refreshAccess = shared.refreshAccess
