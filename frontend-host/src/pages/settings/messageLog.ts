// Pure logic of the messages log (Settings › Messages log) and the audit viewer: the
// query a set of filters asks for, which messages may be retried, badge tones, and how
// an audit event's changes and the chain verification read. No Vue, no fetching.
import type { Schemas } from '@aesthetix/api-client'

export type Message = Schemas['MessageLog']
export type MessageStatus = Message['status']
export type Channel = Message['channel']
export type AuditEvent = Schemas['AuditEvent']
export type ChainReport = Schemas['AuditVerify']

export const MESSAGE_STATUSES: MessageStatus[] = ['scheduled', 'sending', 'sent', 'failed', 'cancelled']
export const CHANNELS: Channel[] = ['sms', 'whatsapp', 'email']
export const TEMPLATES = ['appointment.reminder', 'payment.receipt', 'invoice.document', 'invoice.link'] as const

export interface MessageFilters {
  channel: string
  status: string
  template: string
  patient: string
  dateFrom: string
  dateTo: string
}

export function emptyMessageFilters(): MessageFilters {
  return { channel: '', status: '', template: '', patient: '', dateFrom: '', dateTo: '' }
}

/** The query of `GET /notifications/messages` for a page and filters; empty filters are left out. */
export function messageQuery(filters: MessageFilters, page: number, pageSize: number): Record<string, string | number> {
  const query: Record<string, string | number> = { page, page_size: pageSize }
  const pairs: [string, string][] = [
    ['channel', filters.channel],
    ['status', filters.status],
    ['template', filters.template],
    ['patient', filters.patient],
    ['date_from', filters.dateFrom],
    ['date_to', filters.dateTo],
  ]
  for (const [name, value] of pairs) if (value) query[name] = value
  return query
}

export function filtersActive(filters: MessageFilters): boolean {
  return Object.values(filters).some(Boolean)
}

/** Only a failed message can be sent again (the server answers 409 for the rest). */
export function retryable(message: Pick<Message, 'status' | 'recipient'>): boolean {
  return message.status === 'failed' && message.recipient !== ''
}

export const STATUS_TONES: Record<MessageStatus, string> = {
  scheduled: 'bg-sky-50 text-sky-800 ring-sky-200',
  sending: 'bg-amber-50 text-amber-800 ring-amber-200',
  sent: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  failed: 'bg-red-50 text-red-800 ring-red-200',
  cancelled: 'bg-slate-100 text-slate-700 ring-slate-200',
}

/** A template key as a text key ("appointment.reminder" → "appointment_reminder"): a dot would nest. */
export function templateTextKey(template: string): string {
  return template.replace(/\./g, '_')
}

// ---------------------------------------------------------------------------- audit

export interface AuditFilters {
  actor: string
  action: string
  patient: string
  dateFrom: string
  dateTo: string
}

export function emptyAuditFilters(): AuditFilters {
  return { actor: '', action: '', patient: '', dateFrom: '', dateTo: '' }
}

export function auditQuery(filters: AuditFilters, page: number, pageSize: number): Record<string, string | number> {
  const query: Record<string, string | number> = { page, page_size: pageSize }
  const pairs: [string, string][] = [
    ['actor', filters.actor],
    ['action', filters.action.trim()],
    ['patient', filters.patient],
    ['date_from', filters.dateFrom],
    ['date_to', filters.dateTo],
  ]
  for (const [name, value] of pairs) if (value) query[name] = value
  return query
}

/** The verification's query: only the period (the chain is checked for every event of it). */
export function verifyQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {}
  if (filters.dateFrom) query.date_from = filters.dateFrom
  if (filters.dateTo) query.date_to = filters.dateTo
  return query
}

function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/** An event's changes as rows `field: old → new`, in field order. */
export function changeRows(changes: AuditEvent['changes']): { field: string; before: string; after: string }[] {
  return Object.keys(changes)
    .sort()
    .map((field) => {
      const [before, after] = changes[field] ?? []
      return { field, before: valueText(before), after: valueText(after) }
    })
}

export type ChainState = { kind: 'empty' } | { kind: 'verified'; events: number } | { kind: 'broken'; eventId: string; sequence: number; problem: string }

export function chainState(report: ChainReport): ChainState {
  if (report.first_break) {
    return { kind: 'broken', eventId: report.first_break.event_id, sequence: report.first_break.sequence, problem: report.first_break.problem }
  }
  return report.events === 0 ? { kind: 'empty' } : { kind: 'verified', events: report.events }
}
