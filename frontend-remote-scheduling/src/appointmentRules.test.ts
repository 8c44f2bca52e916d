import { describe, expect, it } from 'vitest'
import { actionsAllowed, checkinBlock, checkinOpensAt, clinicDayRange, dayGroup, isLateCancellation } from './appointmentRules'
import type { Appointment } from './calendarEvents'

// Bangkok is UTC+7: at 23:30 UTC it is already 06:30 on the next day there.
const rules = { timeZone: 'Asia/Bangkok', checkinOpensMinutesBefore: 120, lateCancellationHours: 24 }
const at = (iso: string) => new Date(iso)
const all = () => true
const desk = (permission: string) => permission === 'calendar.book'

function appointment(startsAt: string, status: Appointment['status'] = 'booked'): Appointment {
  return { id: 'a1', status, starts_at: startsAt, ends_at: startsAt } as Appointment
}

describe('check-in', () => {
  it('opens the clinic-set minutes before the start, on the clinic-local day', () => {
    const eight = appointment('2026-06-11T01:00:00Z') // 08:00 in Bangkok on June 11
    expect(checkinOpensAt(eight, rules)).toEqual(at('2026-06-10T23:00:00Z'))
    expect(actionsAllowed(eight, rules, at('2026-06-10T23:30:00Z'), desk)).toContain('arrive')
    expect(checkinBlock(eight, rules, at('2026-06-10T22:30:00Z'))).toBe('not_open')
  })

  it('never opens on the day before, however wide the window', () => {
    const early = appointment('2026-06-10T17:30:00Z') // 00:30 on June 11 in Bangkok
    expect(checkinOpensAt(early, rules)).toEqual(at('2026-06-10T17:00:00Z'))
    expect(checkinBlock(early, rules, at('2026-06-10T16:45:00Z'))).toBe('not_open')
  })

  it("is closed once the clinic's day has passed, whatever UTC's date", () => {
    const yesterday = appointment('2026-06-10T15:00:00Z') // 22:00 on June 10 in Bangkok
    expect(checkinBlock(yesterday, rules, at('2026-06-10T23:30:00Z'))).toBe('closed')
  })
})

describe('actions', () => {
  it('offer no no-show before the start and no check-in on another day', () => {
    const tomorrow = appointment('2026-06-12T03:00:00Z')
    expect(actionsAllowed(tomorrow, rules, at('2026-06-10T23:30:00Z'), desk)).toEqual(['confirm', 'reschedule', 'cancel'])
    const started = appointment('2026-06-10T23:00:00Z', 'confirmed')
    expect(actionsAllowed(started, rules, at('2026-06-10T23:30:00Z'), desk)).toEqual(['arrive', 'reschedule', 'no-show', 'cancel'])
  })

  it('leave cancelling after check-in to managers', () => {
    const arrived = appointment('2026-06-11T01:00:00Z', 'arrived')
    expect(actionsAllowed(arrived, rules, at('2026-06-10T23:30:00Z'), desk)).toEqual(['start'])
    expect(actionsAllowed(arrived, rules, at('2026-06-10T23:30:00Z'), all)).toEqual(['start', 'cancel'])
  })

  it('offer nothing to a role that does not book, and nothing once the appointment ended', () => {
    expect(actionsAllowed(appointment('2026-06-12T03:00:00Z'), rules, at('2026-06-10T23:30:00Z'), () => false)).toEqual([])
    expect(actionsAllowed(appointment('2026-06-10T03:00:00Z', 'completed'), rules, at('2026-06-10T23:30:00Z'), all)).toEqual([])
  })
})

it('flags a cancellation within the window as late', () => {
  const tonight = appointment('2026-06-11T13:00:00Z')
  expect(isLateCancellation(tonight, rules, at('2026-06-10T23:30:00Z'))).toBe(true)
  expect(isLateCancellation(tonight, { ...rules, lateCancellationHours: 12 }, at('2026-06-10T23:30:00Z'))).toBe(false)
})

it('groups by where the patient is and slices the clinic-local day', () => {
  expect(['booked', 'confirmed', 'in_progress'].map((s) => dayGroup(s as Appointment['status']))).toEqual(['expected', 'expected', 'in_treatment'])
  expect(clinicDayRange('2026-06-11', 'Asia/Bangkok')).toEqual({ start: '2026-06-11T00:00:00.000+07:00', end: '2026-06-12T00:00:00.000+07:00' })
})
