import type { ClinicEvent, ClinicEventOf, ClinicEventType, Practitioner, Schemas } from '@aesthetix/api-client'
import type { EventInput } from '@fullcalendar/core'
import type { ResourceInput } from '@fullcalendar/resource'
import { colourOrNull, readableTextColour } from './practitionerColours'

export type Appointment = Schemas['Appointment']
export type AppointmentStatus = Appointment['status']
/** Columns of the calendar: one per practitioner, or one per room. */
export type ColumnMode = 'practitioner' | 'room'

/** Only appointments that have not started can be moved (the API answers 409 otherwise). */
export function movable(status: AppointmentStatus): boolean {
  return status === 'booked' || status === 'confirmed'
}

const COLOURS: Record<AppointmentStatus, string> = {
  booked: '#33817f',
  confirmed: '#276866',
  arrived: '#b45309',
  in_progress: '#7c3aed',
  completed: '#64748b',
  cancelled: '#94a3b8',
  no_show: '#dc2626',
}

/** Practitioner id → their calendar colour (#RRGGBB), for those the clinic gave one. */
export type PractitionerColours = ReadonlyMap<string, string>

export function practitionerColours(practitioners: Practitioner[]): PractitionerColours {
  const colours = new Map<string, string>()
  for (const p of practitioners) {
    const colour = colourOrNull(p.colour)
    if (colour) colours.set(p.id, colour)
  }
  return colours
}

/** A FullCalendar event for an appointment, in the column of its practitioner or room.
 *  Its practitioner's colour (when they have one) fills it, with text that contrasts,
 *  and the status colour stays as its border; otherwise the status palette fills it. */
export function appointmentEvent(
  appointment: Appointment,
  mode: ColumnMode,
  colours: PractitionerColours = new Map(),
): EventInput {
  const own = colours.get(appointment.practitioner_id)
  return {
    id: appointment.id,
    title: `${appointment.patient_name} · ${appointment.service_name}`,
    start: appointment.starts_at,
    end: appointment.ends_at,
    resourceId: (mode === 'practitioner' ? appointment.practitioner_id : appointment.room_id) ?? undefined,
    backgroundColor: own ?? COLOURS[appointment.status],
    borderColor: COLOURS[appointment.status],
    ...(own ? { textColor: readableTextColour(own) } : {}),
    startEditable: movable(appointment.status),
    // A booking the patient made in the portal carries its badge (``portalBadge``).
    classNames: [`status-${appointment.status}`, ...(appointment.source === 'portal' ? ['source-portal'] : [])],
    extendedProps: { appointment },
  }
}

/** Events of the calendar: cancelled appointments free their slot and are not shown; in
 *  room columns, appointments without a room have no column. */
export function calendarEvents(
  appointments: Appointment[],
  mode: ColumnMode,
  colours: PractitionerColours = new Map(),
): EventInput[] {
  return appointments
    .filter((a) => a.status !== 'cancelled' && (mode === 'practitioner' || a.room_id))
    .map((a) => appointmentEvent(a, mode, colours))
}

export function calendarResources(
  mode: ColumnMode,
  practitioners: Practitioner[],
  rooms: Schemas['Room'][],
): ResourceInput[] {
  const columns =
    mode === 'practitioner'
      ? practitioners.map((p) => ({ id: p.id, title: p.name, extendedProps: { colour: colourOrNull(p.colour) } }))
      : rooms
          .filter((room) => room.is_active)
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((room) => ({ id: room.id, title: room.name }))
  // FullCalendar sorts columns by id unless told a field (`resourceOrder: 'order'`).
  return columns.map((column, order) => ({ ...column, order }))
}

/** The body of a move (PATCH) after a drop into `resourceId`'s column at `startsAt`. */
export function moveBody(startsAt: string, mode: ColumnMode, resourceId: string | null) {
  if (!resourceId) return { starts_at: startsAt }
  return mode === 'practitioner'
    ? { starts_at: startsAt, practitioner_id: resourceId }
    : { starts_at: startsAt, room_id: resourceId }
}

/** The live events that change the calendar (the socket's `appointment.*` events). */
export type AppointmentClinicEvent = ClinicEventOf<'appointment.created' | 'appointment.updated' | 'appointment.cancelled'>
const APPOINTMENT_EVENTS: ReadonlySet<ClinicEventType> = new Set<AppointmentClinicEvent['type']>([
  'appointment.created',
  'appointment.updated',
  'appointment.cancelled',
])

export function isAppointmentEvent(event: ClinicEvent): event is AppointmentClinicEvent {
  return APPOINTMENT_EVENTS.has(event.type)
}

export type PractitionerHours = Schemas['PractitionerHours']
export type CalendarRange = Schemas['CalendarRange']
/** Layouts of the calendar (saved per member: users/me/preferences `calendar_view`):
 *  the chosen practitioners' day, their week, one practitioner's week, or the chosen
 *  practitioners' day as a timeline (a row each). */
export type CalendarLayout = 'day' | 'week' | 'practitioner_week' | 'timeline'

/** The practitioners shown, in the saved order: the saved ids that are still the clinic's
 *  practitioners (none saved or none left: all of them); in `practitioner_week`, the one
 *  in focus (or the first shown). */
export function shownPractitioners(
  all: Practitioner[],
  saved: string[],
  layout: CalendarLayout,
  focus: string | null = null,
): Practitioner[] {
  const byId = new Map(all.map((p) => [p.id, p]))
  const chosen = saved.map((id) => byId.get(id)).filter((p): p is Practitioner => p !== undefined)
  const shown = chosen.length ? chosen : all
  if (layout !== 'practitioner_week') return shown
  const one = (focus && byId.get(focus)) || shown[0]
  return one ? [one] : []
}

/** The local days (YYYY-MM-DD) FullCalendar shows, from its range [start, end) as ISO
 *  strings in the clinic's zone ("2026-06-15T00:00:00+07:00"): `end` is exclusive, the
 *  range endpoint's `date_to` inclusive. */
export function rangeDays(startStr: string, endStr: string): { date_from: string; date_to: string } {
  const end = new Date(`${endStr.slice(0, 10)}T00:00:00Z`)
  end.setUTCDate(end.getUTCDate() - 1)
  return { date_from: startStr.slice(0, 10), date_to: end.toISOString().slice(0, 10) }
}

type Span = [number, number]

/** `[from, to)` minus the `working` intervals: the hours a practitioner is not working. */
export function offHours(working: Span[], from: number, to: number): Span[] {
  const gaps: Span[] = []
  let cursor = from
  for (const [start, end] of [...working].sort((a, b) => a[0] - b[0])) {
    if (end <= cursor) continue
    if (start >= to) break
    if (start > cursor) gaps.push([cursor, start])
    cursor = Math.max(cursor, end)
  }
  if (cursor < to) gaps.push([cursor, to])
  return gaps
}

const DAY_MS = 24 * 60 * 60 * 1000

/** `span` cut at every 24 hours from `origin` (the visible range's first midnight): the
 *  resource time grid draws a timed background event only in the column of the day it
 *  starts on, so a gap from Monday evening to Tuesday morning is given as two. */
export function dayPieces([start, end]: Span, origin: number): Span[] {
  const pieces: Span[] = []
  let cursor = start
  while (cursor < end) {
    const nextMidnight = origin + (Math.floor((cursor - origin) / DAY_MS) + 1) * DAY_MS
    pieces.push([cursor, Math.min(end, nextMidnight)])
    cursor = Math.min(end, nextMidnight)
  }
  return pieces
}

/** Background events that shade each shown practitioner's hours off over the visible
 *  range [from, to) (ISO instants) and mark their time off (with its reason, when the
 *  server sent it, as the title; `timeOffLabel` otherwise). Practitioner columns only:
 *  hours belong to people, not rooms. */
export function hoursEvents(
  practitioners: PractitionerHours[],
  from: string,
  to: string,
  timeOffLabel: string,
): EventInput[] {
  const start = Date.parse(from)
  const end = Date.parse(to)
  const events: EventInput[] = []
  for (const p of practitioners) {
    const working = p.working.map((w): Span => [Date.parse(w.starts_at), Date.parse(w.ends_at)])
    for (const [gapStart, gapEnd] of offHours(working, start, end).flatMap((gap) => dayPieces(gap, start))) {
      events.push({
        start: new Date(gapStart).toISOString(),
        end: new Date(gapEnd).toISOString(),
        resourceId: p.id,
        display: 'background',
        classNames: ['off-hours'],
      })
    }
    for (const off of p.time_off) {
      events.push({
        start: off.starts_at,
        end: off.ends_at,
        resourceId: p.id,
        display: 'background',
        title: off.reason || timeOffLabel,
        classNames: ['time-off'],
      })
    }
  }
  return events
}

/** The clock time of `instant` by `clock` (a 24-hour formatter of the clinic's zone), in
 *  minutes after local midnight. */
function minuteOfDay(instant: number, clock: Intl.DateTimeFormat): number {
  const parts = clock.formatToParts(instant)
  const part = (type: 'hour' | 'minute') => Number(parts.find((p) => p.type === type)?.value ?? 0)
  return part('hour') * 60 + part('minute')
}

/** The hours the time grid shows (FullCalendar's `slotMinTime`/`slotMaxTime`): the usual
 *  07:00–21:00, widened to whole hours over every appointment and working window of the
 *  range in the clinic's `zone`, so evening extra hours and what is booked in them are
 *  never off the grid. An interval past midnight counts up to 24:00. */
export function gridHours(range: CalendarRange, zone: string): { slotMinTime: string; slotMaxTime: string } {
  let first = 7 * 60
  let last = 21 * 60
  const intervals = [...range.appointments, ...range.practitioners.flatMap((p) => p.working)]
  // One formatter for the whole range: a week can hold hundreds of appointments.
  const wallClock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  for (const { starts_at, ends_at } of intervals) {
    const start = minuteOfDay(Date.parse(starts_at), wallClock)
    first = Math.min(first, start)
    last = Math.max(last, Math.min(24 * 60, start + (Date.parse(ends_at) - Date.parse(starts_at)) / 60_000))
  }
  const clock = (hour: number) => `${String(hour).padStart(2, '0')}:00:00`
  return { slotMinTime: clock(Math.floor(first / 60)), slotMaxTime: clock(Math.ceil(last / 60)) }
}

/** A day's appointments for the phone agenda: not cancelled, in start order. */
export function agendaRows(appointments: Appointment[]): Appointment[] {
  return appointments
    .filter((a) => a.status !== 'cancelled')
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
}

/** The local date `days` after `date` (YYYY-MM-DD), for the agenda's date switcher. */
export function dayShift(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + days)
  return day.toISOString().slice(0, 10)
}

/** The slot that matches the clicked one (same instant; same practitioner when a column
 *  was clicked), so the booking dialog opens with it chosen. */
export function slotMatching<S extends { practitioner_id: string; starts_at: string }>(
  slots: S[],
  startsAt: string | undefined,
  practitionerId: string | undefined,
): S | null {
  if (!startsAt) return null
  const at = Date.parse(startsAt)
  return slots.find((s) => Date.parse(s.starts_at) === at && (!practitionerId || s.practitioner_id === practitionerId)) ?? null
}
