import type { paths } from './schema'

type PatientQuery = NonNullable<paths['/api/v1/patients']['get']['parameters']['query']>

/** The patient list filter for what was typed in a patient search box (the chart's list,
 *  the till): letters only → name
 *  words (`q`), digits only (with + - ( ) and spaces) → phone, letters and digits → chart
 *  number (exact). */
export function patientSearchQuery(text: string): Pick<PatientQuery, 'q' | 'phone' | 'chart_number'> {
  const value = text.trim()
  if (!value) return {}
  if (!/\d/.test(value)) return { q: value }
  if (/^[\d\s+()-]+$/.test(value)) return { phone: value }
  return { chart_number: value }
}
