import { describe, expect, it } from 'vitest'
import { practitionersOf } from '@aesthetix/api-client'
import { calendarEvents, calendarResources, isAppointmentEvent, moveBody, movable, practitionerColours } from './calendarEvents'
import type { Appointment } from './calendarEvents'

function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'a1',
    patient_id: 'p1',
    patient_name: 'Noura Al-Qahtani',
    chart_number: 'HN000013',
    practitioner_id: 'doc-1',
    practitioner_name: 'Kittipong Srisawat',
    service_id: 's1',
    service_name: 'Radiesse',
    room_id: 'room-1',
    resource_id: null,
    starts_at: '2026-11-23T10:00:00+07:00',
    ends_at: '2026-11-23T10:45:00+07:00',
    blocked_until: '2026-11-23T11:00:00+07:00',
    status: 'booked',
    source: 'staff',
    notes: '',
    cancel_reason: '',
    created_at: '2026-11-21T10:00:00Z',
    ...overrides,
  } as Appointment
}

describe('calendar events', () => {
  it('mark the bookings patients made in the portal', () => {
    const [portal, staff] = calendarEvents([appointment({ source: 'portal' }), appointment({ id: 'a2' })], 'practitioner')
    expect(portal?.classNames).toEqual(['status-booked', 'source-portal'])
    expect(staff?.classNames).toEqual(['status-booked'])
  })

  it('put an appointment in its practitioner column, or its room column', () => {
    const [byPerson] = calendarEvents([appointment()], 'practitioner')
    expect(byPerson).toMatchObject({
      id: 'a1',
      title: 'Noura Al-Qahtani · Radiesse',
      start: '2026-11-23T10:00:00+07:00',
      end: '2026-11-23T10:45:00+07:00',
      resourceId: 'doc-1',
      startEditable: true,
    })
    expect(calendarEvents([appointment()], 'room')[0].resourceId).toBe('room-1')
  })

  it('leave out cancelled appointments, and roomless ones from room columns', () => {
    const rows = [appointment({ id: 'c', status: 'cancelled' }), appointment({ id: 'n', room_id: null })]
    expect(calendarEvents(rows, 'practitioner').map((e) => e.id)).toEqual(['n'])
    expect(calendarEvents(rows, 'room')).toEqual([])
  })

  it('can be moved only before the patient arrives', () => {
    expect(movable('booked')).toBe(true)
    expect(movable('confirmed')).toBe(true)
    expect(movable('arrived')).toBe(false)
    expect(calendarEvents([appointment({ status: 'in_progress' })], 'practitioner')[0].startEditable).toBe(false)
  })
})

describe('practitioner colours', () => {
  const people = [
    { id: 'doc-1', name: 'Kittipong', role: 'doctor' as const, colour: '#1E3A8A' },
    { id: 'doc-2', name: 'Ana', role: 'nurse' as const, colour: '#fde68a' },
    { id: 'doc-3', name: 'Zed', role: 'doctor' as const, colour: null },
    { id: 'doc-4', name: 'Bad', role: 'doctor' as const, colour: 'blue' },
  ]
  const colours = practitionerColours(people)

  it('fill their appointments with readable text, the status kept as the border', () => {
    const [navy] = calendarEvents([appointment()], 'practitioner', colours)
    expect(navy).toMatchObject({ backgroundColor: '#1e3a8a', textColor: '#ffffff', borderColor: '#33817f' })
    const [amber] = calendarEvents([appointment({ practitioner_id: 'doc-2', status: 'arrived' })], 'practitioner', colours)
    expect(amber).toMatchObject({ backgroundColor: '#fde68a', textColor: '#020617', borderColor: '#b45309' })
  })

  it('fall back to the status palette without a (well-formed) colour', () => {
    for (const id of ['doc-3', 'doc-4', 'someone-else']) {
      const [event] = calendarEvents([appointment({ practitioner_id: id })], 'practitioner', colours)
      expect(event.backgroundColor).toBe('#33817f')
      expect(event.textColor).toBeUndefined()
    }
    expect([...colours.keys()]).toEqual(['doc-1', 'doc-2'])
  })

  it('mark their columns', () => {
    const columns = calendarResources('practitioner', people, [])
    expect(columns.map((c) => c.extendedProps?.colour)).toEqual(['#1e3a8a', '#fde68a', null, null])
  })
})

describe('columns', () => {
  const staff = [
    { id: 'm1', user: { id: 'u-z', full_name: 'Zed Doctor' }, role: 'doctor', is_active: true },
    { id: 'm2', user: { id: 'u-a', full_name: 'Ana Nurse' }, role: 'nurse', is_active: true },
    { id: 'm3', user: { id: 'u-c', full_name: 'Cash Ier' }, role: 'cashier', is_active: true },
    { id: 'm4', user: { id: 'u-x', full_name: 'Ex Therapist' }, role: 'therapist', is_active: false },
  ] as Parameters<typeof practitionersOf>[0]

  it('are the active rooms in room mode', () => {
    const rooms = [
      { id: 'r1', name: 'Laser', is_active: true },
      { id: 'r2', name: 'Old', is_active: false },
    ]
    expect(calendarResources('room', [], rooms)).toEqual([{ id: 'r1', title: 'Laser', order: 0 }])
    expect(calendarResources('practitioner', practitionersOf(staff), rooms)).toEqual([
      { id: 'u-a', title: 'Ana Nurse', order: 0, extendedProps: { colour: null } },
      { id: 'u-z', title: 'Zed Doctor', order: 1, extendedProps: { colour: null } },
    ])
  })

  it('keep the picked order of practitioners and put rooms in name order', () => {
    const picked = practitionersOf(staff).reverse()
    expect(calendarResources('practitioner', picked, []).map((c) => c.title)).toEqual(['Zed Doctor', 'Ana Nurse'])
    const rooms = [
      { id: 'r1', name: 'Laser', is_active: true },
      { id: 'r0', name: 'Botox', is_active: true },
    ]
    expect(calendarResources('room', [], rooms)).toEqual([
      { id: 'r0', title: 'Botox', order: 0 },
      { id: 'r1', title: 'Laser', order: 1 },
    ])
  })
})

describe('a move', () => {
  it('sends the new start and the column it was dropped in', () => {
    const start = '2026-11-23T15:00:00+07:00'
    expect(moveBody(start, 'practitioner', 'doc-2')).toEqual({ starts_at: start, practitioner_id: 'doc-2' })
    expect(moveBody(start, 'room', 'room-2')).toEqual({ starts_at: start, room_id: 'room-2' })
    expect(moveBody(start, 'room', null)).toEqual({ starts_at: start })
  })
})

describe('isAppointmentEvent', () => {
  const envelope = {
    specversion: '1.0',
    id: 'e1',
    source: 'urn:aesthetix/clinics/c1',
    subject: 'appointment/a1',
    time: '2026-01-31T09:00:00Z',
    datacontenttype: 'application/json',
    sequence: '1',
    clinic: 'c1',
    clinicid: 'c1',
  } as const

  it('takes the appointment events and leaves the others', () => {
    const data = {
      id: 'a1',
      status: 'booked',
      starts_at: '2026-01-31T09:00:00Z',
      ends_at: '2026-01-31T09:30:00Z',
      practitioner_id: 'doc-1',
      room_id: null,
    } as const
    expect(isAppointmentEvent({ ...envelope, type: 'appointment.cancelled', data })).toBe(true)
    const visit = { id: 'v1', patient_id: 'p1', appointment_id: 'a1', status: 'open' } as const
    expect(isAppointmentEvent({ ...envelope, type: 'visit.opened', data: visit })).toBe(false)
  })
})
