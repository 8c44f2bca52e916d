import mitt from 'mitt'

/** Events every app of the shell may emit or listen to (one bus, shared as a singleton). */
export type AppEvents = {
  /** The session cannot be renewed: the shell goes back to its login page. */
  SESSION_EXPIRED: { reason: string }
  /** The user switched clinic; open screens reload their data. */
  CLINIC_CHANGED: { clinicId: string }
}

export const SESSION_EXPIRED = 'SESSION_EXPIRED' as const
export const CLINIC_CHANGED = 'CLINIC_CHANGED' as const

export const bus = mitt<AppEvents>()
