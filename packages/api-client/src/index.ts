import type { components } from './schema'

export type { AppEvents } from './bus'
export { bus, CLINIC_CHANGED, SESSION_EXPIRED } from './bus'
export { practitionersOf, useClinicContext } from './clinicContext'
export type { Catalog, ClinicContext, Practitioner } from './clinicContext'
export {
  bidiIsolate,
  clinicHoursFormat,
  clinicLocale,
  clinicTimeFormat,
  clinicTimeRangeFormat,
  clinicToday,
  isRightToLeft,
  useClinicTime,
} from './clinicTime'
export type { ClinicTimeStyle } from './clinicTime'
export { api, createApiClient, refreshAccess } from './client'
export type { ApiClientOptions, TokenResponse } from './client'
export { contraindicationMessages } from './contraindicationMessages'
export type { ContraindicationMessages } from './contraindicationMessages'
export { allPages } from './pages'
export { usePagedList } from './pagedList'
export type { PageAnswer, PagedList } from './pagedList'
export { patientSearchQuery } from './patientSearch'
export { problemOf } from './problem'
export type { Problem, ProblemDetails } from './problem'
export { clinicEventsSubscribe } from './realtime'
export type { ClinicEvent, ClinicEventOf, ClinicEventType, ClinicSocketOptions, ClinicSocketStatus } from './realtime'
export type { components, paths } from './schema'
export { session } from './session'
/** Shapes of the API's bodies, by schema name (`Schemas['Appointment']`). */
export type Schemas = components['schemas']
export { moneyFormat, quantityFormat } from './money'
export { notificationMessages } from './notificationMessages'
export type { NotificationMessages } from './notificationMessages'
