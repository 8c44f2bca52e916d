import { bus, SESSION_EXPIRED } from './bus'
import { refreshAccess } from './client'
import type { components } from './schema'
import { session } from './session'

/**
 * One live event of a clinic: the CloudEvents envelope the backend's outbox publishes
 * (`id`, `type`, `source`, `subject`, `time`, `clinic`, `data`, …; README, "Real-time"),
 * a union discriminated by `type`. Generated from the OpenAPI components like the REST
 * types: `if (event.type === 'commission.calculated') event.data.lines`.
 */
export type ClinicEvent = components['schemas']['RealtimeEvent']
export type ClinicEventType = ClinicEvent['type']
/** The event of one type (or of a union of types). */
export type ClinicEventOf<T extends ClinicEventType> = Extract<ClinicEvent, { type: T }>

/** The socket's state: `open` while events arrive live; `closed` while it is down. */
export type ClinicSocketStatus = 'open' | 'closed'

export interface ClinicSocketOptions {
  clinicId: string
  onEvent: (event: ClinicEvent) => void
  onStatus?: (status: ClinicSocketStatus) => void
  /** ws(s)://host of the API; defaults to the page's own origin. */
  origin?: string
}

/** How many recent event ids the socket remembers to drop repeats. */
const SEEN_IDS = 500

function isEnvelope(value: unknown): value is ClinicEvent {
  return typeof value === 'object' && value !== null && 'id' in value && 'type' in value && 'data' in value
}

const UNAUTHORIZED = 4401
const TWO_FACTOR_REQUIRED = 4403
const NOT_A_MEMBER = 4404

function defaultOrigin(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
}

/**
 * Subscribes to the clinic's live events (`/ws/clinic/`). The access token travels as the
 * second WebSocket sub-protocol (browsers cannot set headers on a socket). The socket
 * reconnects with a growing delay; on 4401 (no, or an ended, session) it renews the access
 * token first, and when that fails the session is over: `SESSION_EXPIRED` on the bus.
 * 4403 (the role needs two-factor authentication) and 4404 (not a member) are final.
 * Delivery is at least once on the server: an event whose `id` was already delivered is
 * dropped here, so `onEvent` sees each event once. Frames that are not events (the
 * `session.ended` notice before a 4401 close) are not passed on.
 * Returns a function that closes it for good.
 */
export function clinicEventsSubscribe(options: ClinicSocketOptions): () => void {
  let socket: WebSocket | null = null
  let stopped = false
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  const seen = new Set<string>()

  function connect() {
    if (stopped || !session.accessToken) return
    const url = `${options.origin ?? defaultOrigin()}/ws/clinic/?clinic=${encodeURIComponent(options.clinicId)}`
    socket = new WebSocket(url, ['bearer', session.accessToken])
    socket.onopen = () => {
      attempt = 0
      options.onStatus?.('open')
    }
    socket.onmessage = (message) => {
      let event: unknown
      try {
        event = JSON.parse(String(message.data))
      } catch {
        return // A frame that is not JSON is not one of ours.
      }
      if (!isEnvelope(event) || seen.has(event.id)) return
      seen.add(event.id)
      if (seen.size > SEEN_IDS) seen.delete(seen.values().next().value as string)
      options.onEvent(event)
    }
    socket.onclose = async (close) => {
      options.onStatus?.('closed')
      if (stopped || close.code === NOT_A_MEMBER || close.code === TWO_FACTOR_REQUIRED) return
      if (close.code === UNAUTHORIZED && !(await refreshAccess())) {
        if (session.accessToken) {
          session.clear()
          bus.emit(SESSION_EXPIRED, { reason: 'socket_session_ended' })
        }
        return
      }
      attempt += 1
      timer = setTimeout(connect, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)))
    }
  }

  connect()
  return () => {
    stopped = true
    clearTimeout(timer)
    socket?.close(1000)
  }
}
