import { bus, SESSION_EXPIRED } from './bus'
import { refreshAccess } from './client'
import { session } from './session'

/** One live event of a clinic, as `core.realtime` sends it on the socket. */
export interface ClinicEvent<T = Record<string, unknown>> {
  type: string
  clinic_id: string
  data: T
}

export interface ClinicSocketOptions {
  clinicId: string
  onEvent: (event: ClinicEvent) => void
  onStatus?: (status: 'open' | 'closed') => void
  /** ws(s)://host of the API; defaults to the page's own origin. */
  origin?: string
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
 * Returns a function that closes it for good.
 */
export function clinicEventsSubscribe(options: ClinicSocketOptions): () => void {
  let socket: WebSocket | null = null
  let stopped = false
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function connect() {
    if (stopped || !session.accessToken) return
    const url = `${options.origin ?? defaultOrigin()}/ws/clinic/?clinic=${encodeURIComponent(options.clinicId)}`
    socket = new WebSocket(url, ['bearer', session.accessToken])
    socket.onopen = () => {
      attempt = 0
      options.onStatus?.('open')
    }
    socket.onmessage = (message) => {
      try {
        options.onEvent(JSON.parse(String(message.data)) as ClinicEvent)
      } catch {
        // A frame that is not JSON is not one of ours; ignore it.
      }
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
