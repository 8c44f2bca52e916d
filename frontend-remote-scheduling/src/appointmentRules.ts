// The front desk's rules on an appointment's life, mirroring the server's
// (scheduling.services.appointment_transition): a screen offers only what the server
// would accept; the server still decides.
import { clinicToday } from '@aesthetix/api-client'
import { DateTime } from 'luxon'
import type { Appointment, AppointmentStatus } from './calendarEvents'

/** What the front desk does to an appointment from the dialog or the day list. */
export type AppointmentAction = 'confirm' | 'arrive' | 'start' | 'complete' | 'no-show' | 'cancel' | 'reschedule'

/** The clinic's settings the rules read (`Clinic.checkin_opens_minutes_before`, minutes;
 *  `Clinic.late_cancellation_hours`, hours) and its IANA time zone. */
export interface FrontDeskRules {
  timeZone: string
  checkinOpensMinutesBefore: number
  lateCancellationHours: number
}

/** Who is asking: the permissions of `core.permissions` the user holds here. */
export type Can = (permission: string) => boolean

// The state machine (scheduling.services.TRANSITIONS) as actions.
const BY_STATUS: Record<AppointmentStatus, AppointmentAction[]> = {
  booked: ['confirm', 'arrive', 'reschedule', 'no-show', 'cancel'],
  confirmed: ['arrive', 'reschedule', 'no-show', 'cancel'],
  arrived: ['start', 'cancel'],
  in_progress: ['complete'],
  completed: [],
  cancelled: [],
  no_show: [],
}

/** The first instant the patient can be checked in: the clinic's minutes before the
 *  start, never before midnight of the appointment's clinic-local day. */
export function checkinOpensAt(appointment: Pick<Appointment, 'starts_at'>, rules: FrontDeskRules): Date {
  const starts = DateTime.fromISO(appointment.starts_at, { zone: rules.timeZone })
  const early = starts.minus({ minutes: rules.checkinOpensMinutesBefore })
  return (early < starts.startOf('day') ? starts.startOf('day') : early).toJSDate()
}

/** Whether cancelling at `now` is within the clinic's late-cancellation window. */
export function isLateCancellation(appointment: Pick<Appointment, 'starts_at'>, rules: FrontDeskRules, now: Date): boolean {
  return new Date(appointment.starts_at).getTime() - now.getTime() < rules.lateCancellationHours * 3_600_000
}

/** Why check-in is not offered (yet), or null when it is or the state does not allow it. */
export function checkinBlock(appointment: Appointment, rules: FrontDeskRules, now: Date): 'not_open' | 'closed' | null {
  if (!BY_STATUS[appointment.status].includes('arrive')) return null
  const day = clinicToday(rules.timeZone, new Date(appointment.starts_at))
  const today = clinicToday(rules.timeZone, now)
  if (today > day) return 'closed'
  return now < checkinOpensAt(appointment, rules) ? 'not_open' : null
}

/** The actions offered on `appointment` at `now` to a user who `can` what they can. */
export function actionsAllowed(appointment: Appointment, rules: FrontDeskRules, now: Date, can: Can): AppointmentAction[] {
  if (!can('calendar.book')) return []
  return BY_STATUS[appointment.status].filter((action) => {
    if (action === 'arrive') return checkinBlock(appointment, rules, now) === null
    if (action === 'no-show') return now >= new Date(appointment.starts_at)
    if (action === 'cancel' && appointment.status === 'arrived') return can('calendar.cancel_after_arrival')
    return true
  })
}

/** The day list's groups: where the patient is in their day. */
export type DayGroup = 'expected' | 'arrived' | 'in_treatment' | 'done' | 'no_show' | 'cancelled'
export const DAY_GROUPS: DayGroup[] = ['expected', 'arrived', 'in_treatment', 'done', 'no_show', 'cancelled']
const GROUP_OF: Record<AppointmentStatus, DayGroup> = {
  booked: 'expected',
  confirmed: 'expected',
  arrived: 'arrived',
  in_progress: 'in_treatment',
  completed: 'done',
  no_show: 'no_show',
  cancelled: 'cancelled',
}

export function dayGroup(status: AppointmentStatus): DayGroup {
  return GROUP_OF[status]
}

/** [start, end) of the clinic-local `date` (YYYY-MM-DD) as ISO instants with offset. */
export function clinicDayRange(date: string, timeZone: string): { start: string; end: string } {
  const start = DateTime.fromISO(date, { zone: timeZone }).startOf('day')
  return { start: start.toISO() ?? '', end: start.plus({ days: 1 }).toISO() ?? '' }
}
