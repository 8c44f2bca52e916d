import type { ClinicEvent, ClinicEventOf, ClinicEventType, Practitioner, Schemas } from '@aesthetix/api-client'
import type { EventInput } from '@fullcalendar/core'
import type { ResourceInput } from '@fullcalendar/resource'

export type Appointment = Schemas['Appointment']
export type AppointmentStatus = Appointment['status']
/** Columns of the calendar: one per practitioner, or one per room. */
export type ColumnMode = 'practitioner' | 'room'

/** The state changes the front desk makes from the calendar (POST <id>/<action>). */
export type AppointmentAction = 'arrive' | 'start' | 'complete' | 'no-show'

// Appointment life cycle (scheduling.models.Appointment.Status; DESIGN §4):
// booked → confirmed → arrived → in_progress → completed | cancelled | no_show.
const ACTIONS: Record<AppointmentStatus, AppointmentAction[]> = {
  booked: ['arrive', 'no-show'],
  confirmed: ['arrive', 'no-show'],
  arrived: ['start'],
  in_progress: ['complete'],
  completed: [],
  cancelled: [],
  no_show: [],
}

export function actionsFor(status: AppointmentStatus): AppointmentAction[] {
  return ACTIONS[status]
}

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

/** A FullCalendar event for an appointment, in the column of its practitioner or room. */
export function appointmentEvent(appointment: Appointment, mode: ColumnMode): EventInput {
  return {
    id: appointment.id,
    title: `${appointment.patient_name} · ${appointment.service_name}`,
    start: appointment.starts_at,
    end: appointment.ends_at,
    resourceId: (mode === 'practitioner' ? appointment.practitioner_id : appointment.room_id) ?? undefined,
    backgroundColor: COLOURS[appointment.status],
    borderColor: COLOURS[appointment.status],
    startEditable: movable(appointment.status),
    classNames: [`status-${appointment.status}`],
    extendedProps: { appointment },
  }
}

/** Events of the calendar: cancelled appointments free their slot and are not shown; in
 *  room columns, appointments without a room have no column. */
export function calendarEvents(appointments: Appointment[], mode: ColumnMode): EventInput[] {
  return appointments
    .filter((a) => a.status !== 'cancelled' && (mode === 'practitioner' || a.room_id))
    .map((a) => appointmentEvent(a, mode))
}

export function calendarResources(
  mode: ColumnMode,
  practitioners: Practitioner[],
  rooms: Schemas['Room'][],
): ResourceInput[] {
  return mode === 'practitioner'
    ? practitioners.map((p) => ({ id: p.id, title: p.name }))
    : rooms.filter((room) => room.is_active).map((room) => ({ id: room.id, title: room.name }))
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
