import { describe, expect, it } from 'vitest'
import type { Practitioner } from '@aesthetix/api-client'
import { agendaRows, dayPieces, dayShift, gridHours, hoursEvents, offHours, rangeDays, shownPractitioners, slotMatching } from './calendarEvents'
import type { Appointment, CalendarRange, PractitionerHours } from './calendarEvents'

const people = [
  { id: 'a', name: 'Anong' },
  { id: 'b', name: 'Boonmee' },
  { id: 'c', name: 'Chai' },
] as Practitioner[]

describe('which practitioners the calendar shows', () => {
  it('shows the saved ones in the saved order, all when none is saved', () => {
    expect(shownPractitioners(people, ['c', 'a'], 'day').map((p) => p.id)).toEqual(['c', 'a'])
    expect(shownPractitioners(people, [], 'week').map((p) => p.id)).toEqual(['a', 'b', 'c'])
  })

  it('forgets saved ids that are no longer practitioners of the clinic', () => {
    expect(shownPractitioners(people, ['gone', 'b'], 'day').map((p) => p.id)).toEqual(['b'])
    expect(shownPractitioners(people, ['gone'], 'day')).toHaveLength(3)
  })

  it("shows one practitioner's week: the one in focus, else the first chosen", () => {
    expect(shownPractitioners(people, ['b', 'c'], 'practitioner_week').map((p) => p.id)).toEqual(['b'])
    expect(shownPractitioners(people, ['b'], 'practitioner_week', 'c').map((p) => p.id)).toEqual(['c'])
    expect(shownPractitioners([], [], 'practitioner_week')).toEqual([])
  })
})

describe('the range request', () => {
  it("turns FullCalendar's exclusive end into the last local day", () => {
    expect(rangeDays('2026-06-15T00:00:00+07:00', '2026-06-22T00:00:00+07:00')).toEqual({
      date_from: '2026-06-15',
      date_to: '2026-06-21',
    })
    expect(rangeDays('2026-03-01T00:00:00-03:00', '2026-03-02T00:00:00-03:00')).toEqual({
      date_from: '2026-03-01',
      date_to: '2026-03-01',
    })
  })
})

describe('working hours shading', () => {
  it('shades the gaps around and between working intervals', () => {
    expect(offHours([[13, 18], [9, 12]], 0, 24)).toEqual([[0, 9], [12, 13], [18, 24]])
    expect(offHours([], 0, 24)).toEqual([[0, 24]])
    expect(offHours([[0, 30]], 0, 24)).toEqual([])
  })

  it('cuts a gap that runs past midnight into one piece per day', () => {
    const day = 24 * 60 * 60 * 1000
    expect(dayPieces([20, 2 * day + 5], 0)).toEqual([[20, day], [day, 2 * day], [2 * day, 2 * day + 5]])
    expect(dayPieces([10, 20], 0)).toEqual([[10, 20]])
  })

  it('marks time off with its reason, or a label when the reason is hidden', () => {
    const hours: PractitionerHours[] = [
      {
        id: 'a',
        name: 'Anong',
        working: [{ starts_at: '2026-06-15T02:00:00Z', ends_at: '2026-06-15T11:00:00Z' }],
        time_off: [
          { starts_at: '2026-06-15T06:00:00Z', ends_at: '2026-06-15T08:00:00Z', reason: 'Training' },
          { starts_at: '2026-06-16T06:00:00Z', ends_at: '2026-06-16T08:00:00Z', reason: '' },
        ],
      },
    ]
    const events = hoursEvents(hours, '2026-06-15T00:00:00Z', '2026-06-16T00:00:00Z', 'Time off')
    const off = events.filter((e) => e.classNames?.includes('off-hours'))
    expect(off.map((e) => [e.start, e.end])).toEqual([
      ['2026-06-15T00:00:00.000Z', '2026-06-15T02:00:00.000Z'],
      ['2026-06-15T11:00:00.000Z', '2026-06-16T00:00:00.000Z'],
    ])
    expect(events.every((e) => e.display === 'background' && e.resourceId === 'a')).toBe(true)
    expect(events.filter((e) => e.classNames?.includes('time-off')).map((e) => e.title)).toEqual(['Training', 'Time off'])
  })
})

describe('the phone agenda', () => {
  it('lists the day in start order without cancelled appointments', () => {
    const rows = [
      { id: '2', starts_at: '2026-06-15T10:00:00+07:00', status: 'booked' },
      { id: 'x', starts_at: '2026-06-15T08:00:00+07:00', status: 'cancelled' },
      { id: '1', starts_at: '2026-06-15T02:30:00Z', status: 'arrived' },
    ] as Appointment[]
    expect(agendaRows(rows).map((a) => a.id)).toEqual(['1', '2'])
  })

  it('switches days across month and year ends', () => {
    expect(dayShift('2026-12-31', 1)).toBe('2027-01-01')
    expect(dayShift('2026-03-01', -1)).toBe('2026-02-28')
  })
})

describe('the clicked slot', () => {
  const slots = [
    { practitioner_id: 'a', starts_at: '2026-06-15T03:00:00Z' },
    { practitioner_id: 'b', starts_at: '2026-06-15T03:00:00Z' },
  ]
  it('is found by instant whatever the offset, in the clicked column', () => {
    expect(slotMatching(slots, '2026-06-15T10:00:00+07:00', 'b')).toBe(slots[1])
    expect(slotMatching(slots, '2026-06-15T10:00:00+07:00', undefined)).toBe(slots[0])
    expect(slotMatching(slots, '2026-06-15T10:15:00+07:00', 'a')).toBeNull()
    expect(slotMatching(slots, undefined, 'a')).toBeNull()
  })
})

describe("the grid's hours", () => {
  const range = (appointments: Partial<Appointment>[], working: { starts_at: string; ends_at: string }[] = []) =>
    ({ appointments, practitioners: [{ id: 'a', working, time_off: [] }] }) as unknown as CalendarRange

  it('shows 07:00 to 21:00 when everything fits', () => {
    const day = range([{ starts_at: '2026-06-15T09:00:00+07:00', ends_at: '2026-06-15T10:00:00+07:00' }])
    expect(gridHours(day, 'Asia/Bangkok')).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '21:00:00' })
  })

  it('widens to whole hours over evening extra hours and what is booked in them, in the clinic zone', () => {
    const evening = range(
      [{ starts_at: '2026-12-06T14:15:00Z', ends_at: '2026-12-06T14:45:00Z' }],
      [{ starts_at: '2026-12-06T14:00:00Z', ends_at: '2026-12-06T16:30:00Z' }],
    )
    // 21:15 to 23:30 in Bangkok (UTC+7).
    expect(gridHours(evening, 'Asia/Bangkok')).toEqual({ slotMinTime: '07:00:00', slotMaxTime: '24:00:00' })
    const early = range([{ starts_at: '2026-12-07T08:30:00Z', ends_at: '2026-12-07T09:00:00Z' }])
    // 05:30 in São Paulo (UTC-3).
    expect(gridHours(early, 'America/Sao_Paulo')).toEqual({ slotMinTime: '05:00:00', slotMaxTime: '21:00:00' })
  })

  it('counts an interval past midnight up to 24:00', () => {
    const late = range([{ starts_at: '2026-12-06T16:30:00Z', ends_at: '2026-12-06T17:30:00Z' }])
    expect(gridHours(late, 'Asia/Bangkok').slotMaxTime).toBe('24:00:00')
  })
})
