import type { components } from './schema'

export type ProblemDetails = components['schemas']['ProblemDetails']

/** What a form needs from a failed request: a summary and messages per field. */
export interface Problem {
  status: number
  code: string
  detail: string
  fields: Record<string, string[]>
}

function isProblemDetails(value: unknown): value is ProblemDetails {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value
}

/** Reads an API error body (RFC 9457 problem details) into a `Problem`. */
export function problemOf(error: unknown, fallback = 'Something went wrong. Please try again.'): Problem {
  if (!isProblemDetails(error)) return { status: 0, code: 'network_error', detail: fallback, fields: {} }
  const fields: Record<string, string[]> = {}
  for (const item of error.errors ?? []) (fields[item.field] ??= []).push(item.detail)
  return { status: error.status, code: error.code, detail: error.detail || error.title, fields }
}
