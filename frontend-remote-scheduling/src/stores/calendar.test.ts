import { fakeApi, json } from '@aesthetix/api-client/testing'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useCalendarStore } from './calendar'

describe('the calendar store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('sends saved choices one after another, so the last change is the one kept', async () => {
    const answers: Array<(response: Response) => void> = []
    const sent: unknown[] = []
    fakeApi({
      'PATCH /api/v1/users/me/preferences': async (request) => {
        sent.push(await request.json())
        return new Promise<Response>((resolve) => answers.push(resolve))
      },
    })
    const store = useCalendarStore()

    const week = store.preferencesSave({ calendar_view: 'week' })
    const day = store.preferencesSave({ calendar_view: 'day' })
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    expect(sent).toEqual([{ calendar_view: 'week' }])

    answers[0]!(json(200, { calendar_view: 'week' }))
    await week
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    answers[1]!(json(200, { calendar_view: 'day' }))
    await day
    expect(sent).toEqual([{ calendar_view: 'week' }, { calendar_view: 'day' }])
    expect(store.preferences.calendar_view).toBe('day')
  })

  it('sends the next choice after one the server refused, and reports the refusal', async () => {
    const sent: unknown[] = []
    fakeApi({
      'PATCH /api/v1/users/me/preferences': async (request) => {
        const body = (await request.json()) as { calendar_view: string }
        sent.push(body)
        return body.calendar_view === 'year'
          ? json(400, { type: 'about:blank', title: 'Invalid input.', status: 400, detail: 'Not a view.' })
          : json(200, body)
      },
    })
    const store = useCalendarStore()

    const refused = store.preferencesSave({ calendar_view: 'year' as 'day' })
    const kept = store.preferencesSave({ calendar_view: 'timeline' })
    await expect(refused).rejects.toThrow()
    await kept
    expect(sent).toHaveLength(2)
    expect(store.preferences.calendar_view).toBe('timeline')
  })
})
