// Pure rules of the catalog settings screens, checked before a request is sent; the
// server checks the same again (catalog.services) and has the last word.

/** Separators people type in a registration number ("1.0295.0123.001-2"). */
const SEPARATORS = /[\s./-]/g

/** The digits of an ANVISA registration as the server stores them (separators dropped). */
export function anvisaDigits(value: string): string {
  return value.trim().replace(SEPARATORS, '')
}

/**
 * What is wrong with a product's registration number in a clinic of `country`, or
 * `null`. Brazil (ANVISA): 13 digits for a medicine, 11 for a health product or medical
 * device; a medical supply must have one. Elsewhere the label's text is taken as it is.
 */
export function registrationProblem(country: string, value: string, kind: string): 'required' | 'digits' | null {
  if (country !== 'BR') return null
  const digits = anvisaDigits(value)
  if (!digits) return kind === 'medical_supply' ? 'required' : null
  return /^\d+$/.test(digits) && (digits.length === 11 || digits.length === 13) ? null : 'digits'
}

/** ANVISA digits as printed on a label: 13 as 1.2345.6789.012-3, 11 as 1234.567.8901. */
export function anvisaShow(digits: string): string {
  if (/^\d{13}$/.test(digits)) return `${digits[0]}.${digits.slice(1, 5)}.${digits.slice(5, 9)}.${digits.slice(9, 12)}-${digits[12]}`
  if (/^\d{11}$/.test(digits)) return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
  return digits
}

/** A decimal string of the API without its trailing zeros, as a form field shows it
 *  ("3.000" → "3", "2.500" → "2.5"): no grouping, so it goes back unchanged. */
export function decimalTrim(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') : value
}

/** Whether stock on hand has fallen to the reorder point (a zero point: never). */
export function belowReorderPoint(onHand: string, reorderPoint: string): boolean {
  return Number(reorderPoint) > 0 && Number(onHand) <= Number(reorderPoint)
}

export interface CourseRow {
  serviceId: string | null
  sessions: number
}

/** Per-row problems of a course's treatments: none chosen, a treatment twice, sessions
 *  outside 1-100 (the server's bounds). Keys are row indexes. */
export function courseRowProblems(rows: CourseRow[]): Record<number, 'service' | 'twice' | 'sessions'> {
  const problems: Record<number, 'service' | 'twice' | 'sessions'> = {}
  rows.forEach((row, index) => {
    if (!row.serviceId) problems[index] = 'service'
    else if (rows.slice(0, index).some((other) => other.serviceId === row.serviceId)) problems[index] = 'twice'
    else if (!Number.isInteger(row.sessions) || row.sessions < 1 || row.sessions > 100) problems[index] = 'sessions'
  })
  return problems
}

/** The sessions of a course across its treatments. */
export function sessionsTotal(rows: { sessions: number }[]): number {
  return rows.reduce((sum, row) => sum + (Number.isFinite(row.sessions) ? row.sessions : 0), 0)
}

/** A tax rate as the server takes it: a percent from 0 to 100 with at most two decimals. */
export function taxRateValid(value: string): boolean {
  const text = value.trim()
  return /^\d{1,3}(\.\d{1,2})?$/.test(text) && Number(text) <= 100
}
