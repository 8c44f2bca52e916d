import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { bus, SESSION_EXPIRED } from './bus'
import { clinicEventsSubscribe } from './realtime'
import type { ClinicEvent, ClinicEventOf } from './realtime'
import { session } from './session'

/** A WebSocket the test closes with the codes the server uses. */
class FakeSocket {
  static made: FakeSocket[] = []
  onopen: (() => void) | null = null
  onmessage: ((message: { data: string }) => void) | null = null
  onclose: ((close: { code: number }) => Promise<void> | void) | null = null
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.made.push(this)
  }
  close() {}
}

beforeEach(() => {
  FakeSocket.made = []
  vi.useFakeTimers()
  vi.stubGlobal('WebSocket', FakeSocket)
  session.setAccessToken('access-1')
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  session.setAccessToken(null)
  bus.all.clear()
})

/** A `commission.calculated` envelope as the backend's outbox publishes it. */
function commissionEvent(id: string): ClinicEventOf<'commission.calculated'> {
  return {
    specversion: '1.0',
    id,
    type: 'commission.calculated',
    source: 'urn:aesthetix/clinics/c1',
    subject: 'sale/s1',
    time: '2026-01-31T09:00:00Z',
    datacontenttype: 'application/json',
    sequence: '1',
    clinic: 'c1',
    clinicid: 'c1',
    data: { sale_id: 's1', status: 'done', total: '100.00', currency: 'THB', lines: [] },
  }
}

describe('clinicEventsSubscribe', () => {
  it('passes each event on once, by id, and ignores frames that are not events', () => {
    const onEvent = vi.fn()
    const onStatus = vi.fn()
    clinicEventsSubscribe({ clinicId: 'c1', onEvent, onStatus, origin: 'ws://api.test' })
    const socket = FakeSocket.made[0]!
    socket.onopen!()
    for (const frame of [
      commissionEvent('e1'),
      commissionEvent('e1'), // the sweep published it again
      { type: 'session.ended', reason: 'session_revoked' },
      commissionEvent('e2'),
    ]) {
      socket.onmessage!({ data: JSON.stringify(frame) })
    }
    socket.onmessage!({ data: 'not json' })
    expect(onEvent.mock.calls.map(([event]) => (event as ClinicEvent).id)).toEqual(['e1', 'e2'])
    expect(onStatus).toHaveBeenCalledWith('open')
  })

  it('stops for good when the role needs two-factor authentication (4403)', async () => {
    clinicEventsSubscribe({ clinicId: 'c1', onEvent: () => {}, origin: 'ws://api.test' })
    await FakeSocket.made[0]!.onclose!({ code: 4403 })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeSocket.made).toHaveLength(1)
  })

  it('reports the session expired when the server ended it and no refresh is possible', async () => {
    const expired = vi.fn()
    bus.on(SESSION_EXPIRED, expired)
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"code":"session_idle"}', { status: 401 })))
    // (In this Node test the refresh request cannot even be built: it fails either way.)
    clinicEventsSubscribe({ clinicId: 'c1', onEvent: () => {}, origin: 'ws://api.test' })
    await FakeSocket.made[0]!.onclose!({ code: 4401 })
    expect(expired).toHaveBeenCalledWith({ reason: 'socket_session_ended' })
    expect(session.accessToken).toBeNull()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(FakeSocket.made).toHaveLength(1)
  })
})
