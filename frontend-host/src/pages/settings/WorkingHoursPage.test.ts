import { useClinicContext } from '@aesthetix/api-client'
import { clinicRoutes, fakeApi, json, page } from '@aesthetix/api-client/testing'
import type { Route } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n } from '../../i18n'
import WorkingHoursPage from './WorkingHoursPage.vue'

const ANA = 'a0000000-0000-4000-8000-000000000001'
const member = (id: string, name: string, role: string) => ({ is_active: true, role, user: { id, full_name: name } })
const STAFF = [member(ANA, 'Ana Doctor', 'doctor'), member('u-owner', 'Olga Owner', 'owner')]
const badField = (field: string, detail: string) => ({
  type: 'urn:aesthetix:problem:validation_failed',
  title: 'Invalid input',
  status: 400,
  detail: 'Some fields are not valid.',
  code: 'validation_failed',
  errors: [{ field, pointer: `#/${field}`, detail }],
})

function routes(extra: Record<string, Route>): Record<string, Route> {
  return { ...clinicRoutes({ staff: STAFF, clinic: { time_zone: 'Asia/Bangkok' }, permissions: ['calendar.manage'] }), ...extra }
}

// The modals are teleported to the body.
function modalClick(testid: string) {
  const button = document.querySelector<HTMLElement>(`[data-testid="${testid}"]`)
  expect(button).not.toBeNull()
  button!.click()
}

async function mountChosen() {
  const wrapper = mount(WorkingHoursPage, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  await wrapper.get('[data-testid="hours-practitioner"] button').trigger('click')
  await flushPromises()
  const options = wrapper.findAll('[role="option"]')
  expect(options.map((o) => o.text())).toEqual(['Ana Doctor']) // the owner is not a practitioner
  await options[0]!.trigger('click')
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  useClinicContext().clear()
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T10:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('WorkingHoursPage', () => {
  it('edits the week: checks the windows, copies Monday, names a refused window and saves the whole week at once', async () => {
    let rows = [
      { id: 's1', practitioner_id: ANA, weekday: 0, start_time: '09:00:00', end_time: '12:00:00' },
      { id: 's2', practitioner_id: ANA, weekday: 0, start_time: '13:00:00', end_time: '18:00:00' },
      { id: 's3', practitioner_id: ANA, weekday: 1, start_time: '10:00:00', end_time: '16:00:00' },
    ]
    const put: { practitioner_id: string; windows: { weekday: number; start_time: string; end_time: string }[] }[] = []
    let refuse = true
    const seen = fakeApi(
      routes({
        'GET /api/v1/calendar/schedules': () => page(rows),
        'GET /api/v1/calendar/schedule-exceptions': () => page([]),
        'PUT /api/v1/calendar/schedules/week': async (request) => {
          const body = await request.json()
          put.push(body)
          if (refuse) return json(400, badField('windows.8.start_time', 'Overlaps another interval of that day.'))
          rows = body.windows.map((w: { weekday: number; start_time: string; end_time: string }, i: number) => ({
            id: `n${i}`,
            practitioner_id: ANA,
            weekday: w.weekday,
            start_time: `${w.start_time}:00`,
            end_time: `${w.end_time}:00`,
          }))
          return json(200, rows)
        },
      }),
    )
    const wrapper = await mountChosen()
    expect(new URL(seen.find((r) => r.url.includes('/schedules'))!.url).searchParams.get('practitioner')).toBe(ANA)
    const day = (weekday: number) => wrapper.get(`[data-testid="hours-day-${weekday}"]`)
    const windows = (weekday: number) =>
      day(weekday)
        .findAll('[data-testid="hours-window"]')
        .map((w) => w.findAll('select').map((s) => (s.element as HTMLSelectElement).value).join('-'))
    expect(windows(0)).toEqual(['09:00-12:00', '13:00-18:00'])
    expect(day(2).text()).toContain('Not working')
    expect(wrapper.find('[data-testid="hours-exceptions-empty"]').exists()).toBe(true)

    // A window ending before it starts is named and nothing is sent.
    await day(6).get('[data-testid="hours-window-add"]').trigger('click')
    await day(6).get('[data-testid="hours-window-end"]').setValue('08:00')
    await wrapper.get('[data-testid="hours-week"]').trigger('submit')
    await flushPromises()
    expect(day(6).text()).toContain('Must end after it starts.')
    expect(seen.filter((r) => r.method !== 'GET')).toHaveLength(0)
    await day(6).get('[data-testid="hours-window"] button').trigger('click')

    await wrapper.get('[data-testid="hours-copy-monday"]').trigger('click')
    expect(windows(1)).toEqual(['09:00-12:00', '13:00-18:00'])
    expect(windows(4)).toEqual(['09:00-12:00', '13:00-18:00'])
    expect(windows(5)).toEqual([])
    const monToFri = [0, 1, 2, 3, 4].flatMap((weekday) => [
      { weekday, start_time: '09:00', end_time: '12:00' },
      { weekday, start_time: '13:00', end_time: '18:00' },
    ])
    // The server refuses: its message is shown and the draft stays to be fixed.
    await wrapper.get('[data-testid="hours-week"]').trigger('submit')
    await flushPromises()
    expect(put).toEqual([{ practitioner_id: ANA, windows: monToFri }])
    expect(wrapper.text()).toContain('Overlaps another interval of that day.')
    expect(windows(4)).toEqual(['09:00-12:00', '13:00-18:00'])

    refuse = false
    await wrapper.get('[data-testid="hours-week"]').trigger('submit')
    await flushPromises()
    expect(put.at(-1)).toEqual({ practitioner_id: ANA, windows: monToFri })
    expect(windows(3)).toEqual(['09:00-12:00', '13:00-18:00'])
    expect(seen.filter((r) => r.method === 'DELETE' || r.method === 'POST')).toHaveLength(0)
    wrapper.unmount()
  })

  it('lists the upcoming time off, adds one after confirming, names a refused field and deletes one after a warning', async () => {
    let exceptions = [
      { id: 'x-past', practitioner_id: ANA, date: '2026-11-30', kind: 'time_off', start_time: null, end_time: null, reason: 'Flu' },
      { id: 'x1', practitioner_id: ANA, date: '2026-12-24', kind: 'time_off', start_time: null, end_time: null, reason: 'Holiday' },
    ]
    const bodies: Record<string, unknown>[] = []
    fakeApi(
      routes({
        'GET /api/v1/calendar/schedules': () => page([]),
        'GET /api/v1/calendar/schedule-exceptions': () => page(exceptions),
        'POST /api/v1/calendar/schedule-exceptions': async (request) => {
          const body = await request.json()
          bodies.push(body)
          if (body.end_time === '09:00') return json(400, badField('end_time', 'Must be after start_time.'))
          const saved = { id: 'x2', ...body }
          exceptions = [...exceptions, saved]
          return json(201, saved)
        },
        'DELETE /api/v1/calendar/schedule-exceptions/x1': () => new Response(null, { status: 204 }),
      }),
    )
    const wrapper = await mountChosen()
    const listed = () => wrapper.findAll('[data-testid="hours-exception"]').map((e) => e.text())
    expect(listed()).toHaveLength(1)
    expect(listed()[0]).toContain('Whole day')
    expect(listed()[0]).toContain('Holiday')
    expect(wrapper.text()).not.toContain('Flu')

    const form = wrapper.get('[data-testid="hours-exception-add"]')
    await form.get('input[type="date"]').setValue('2027-02-10')
    await form.get('[data-testid="hours-exception-whole-day"]').setValue(false)
    await form.get('[data-testid="hours-exception-start"]').setValue('10:00')
    await form.get('[data-testid="hours-exception-end"]').setValue('09:00')
    await form.trigger('submit')
    await flushPromises()
    expect(bodies).toHaveLength(0) // asks first
    modalClick('hours-exception-confirm')
    await flushPromises()
    expect(wrapper.get('[data-testid="hours-exception-add"]').text()).toContain('Must be after start_time.')

    await form.get('[data-testid="hours-exception-end"]').setValue('14:00')
    await form.get('input[type="text"]').setValue('Training')
    await form.trigger('submit')
    await flushPromises()
    modalClick('hours-exception-confirm')
    await flushPromises()
    expect(bodies.at(-1)).toEqual({ practitioner_id: ANA, date: '2027-02-10', kind: 'time_off', reason: 'Training', start_time: '10:00', end_time: '14:00' })
    expect(listed()).toHaveLength(2)
    expect(listed()[1]).toContain('10:00–14:00')
    expect(wrapper.get('[data-testid="hours-exception-add"]').text()).not.toContain('Must be after start_time.')

    await wrapper.findAll('[data-testid="hours-exception-remove"]')[0]!.trigger('click')
    await flushPromises()
    expect(document.body.textContent).toContain('This cannot be undone.')
    modalClick('hours-exception-remove-confirm')
    await flushPromises()
    expect(listed()).toHaveLength(1)
    expect(listed()[0]).toContain('Training')
    wrapper.unmount()
  })

  it("shows a practitioner's hours that could not be loaded as an error with a retry", async () => {
    let fail = true
    fakeApi(
      routes({
        'GET /api/v1/calendar/schedules': () =>
          fail ? json(503, { type: 'about:blank', title: 'Unavailable', status: 503, detail: 'Try again later.', code: 'unavailable' }) : page([]),
        'GET /api/v1/calendar/schedule-exceptions': () => page([]),
      }),
    )
    const wrapper = await mountChosen()
    expect(wrapper.text()).toContain('The working hours could not be loaded.')
    expect(wrapper.text()).toContain('Try again later.')
    expect(wrapper.find('[data-testid="hours-week"]').exists()).toBe(false)
    fail = false
    await wrapper
      .findAll('button')
      .find((b) => b.text() === 'Try again')!
      .trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="hours-week"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('says so when the clinic has no practitioners', async () => {
    fakeApi(clinicRoutes({ staff: [member('u-owner', 'Olga Owner', 'owner')] }))
    const wrapper = mount(WorkingHoursPage, { global: { plugins: [i18n] } })
    await flushPromises()
    expect(wrapper.find('[data-testid="hours-no-practitioners"]').exists()).toBe(true)
    wrapper.unmount()
  })
})
