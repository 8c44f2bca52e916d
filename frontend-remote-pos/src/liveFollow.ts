import { clinicEventsSubscribe } from '@aesthetix/api-client'
import type { ClinicEvent } from '@aesthetix/api-client'
import { computed, onBeforeUnmount, ref } from 'vue'

export interface LiveFollowOptions {
  /** The clinic whose live events carry the news (none: polling only). */
  clinicId: string | null
  /** Read the state over REST. */
  read: () => Promise<void>
  /** A live event of the clinic (the caller picks the ones it follows). */
  onEvent: (event: ClinicEvent) => void
  /** Whether there is nothing left to wait for (then polling stops). */
  done: () => boolean
  pollMs?: number
  /** Polls in a row at most while the socket is down (unbounded when not given). */
  maxPolls?: number
}

/**
 * Follow something the server finishes later (a commission computed by the worker, a card
 * charge settled by the gateway): the state is read over REST once at `start()` and each
 * time the clinic's socket (re)opens, so an event sent while it was down is not missed,
 * and polled every `pollMs` only while the socket is down. `again()` reads now and polls
 * again after the polls ran out; `stop()` ends everything (also on unmount).
 */
export function useLiveFollow(options: LiveFollowOptions) {
  const pollMs = options.pollMs ?? 3000
  const socketOpen = ref(false)
  const polls = ref(0)
  const exhausted = computed(() => options.maxPolls !== undefined && polls.value >= options.maxPolls && !options.done())
  let unsubscribe: (() => void) | undefined
  let timer: ReturnType<typeof setInterval> | undefined

  function pollStop() {
    clearInterval(timer)
    timer = undefined
  }
  function pollStart() {
    if (timer !== undefined || exhausted.value) return
    timer = setInterval(() => {
      polls.value += 1
      if (exhausted.value) pollStop()
      void options.read()
    }, pollMs)
  }
  function stop() {
    unsubscribe?.()
    unsubscribe = undefined
    pollStop()
  }
  function start() {
    void options.read()
    pollStart() // the socket is down until it opens
    if (!options.clinicId) return
    unsubscribe = clinicEventsSubscribe({
      clinicId: options.clinicId,
      onEvent: options.onEvent,
      onStatus: (socket) => {
        socketOpen.value = socket === 'open'
        if (socket === 'open') {
          pollStop()
          void options.read()
        } else if (!options.done()) {
          pollStart()
        }
      },
    })
  }
  function again() {
    polls.value = 0
    void options.read()
    if (!socketOpen.value) pollStart()
  }
  onBeforeUnmount(stop)
  return { start, stop, again, exhausted }
}
