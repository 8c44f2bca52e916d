import type { paths } from '@aesthetix/api-client'

type PatientQuery = NonNullable<paths['/api/v1/patients']['get']['parameters']['query']>

/** The patient list filter for what was typed in the one search box: letters only → name
 *  words (`q`), digits only (with + - ( ) and spaces) → phone, letters and digits → chart
 *  number (exact). */
export function patientSearchQuery(text: string): Pick<PatientQuery, 'q' | 'phone' | 'chart_number'> {
  const value = text.trim()
  if (!value) return {}
  if (!/\d/.test(value)) return { q: value }
  if (/^[\d\s+()-]+$/.test(value)) return { phone: value }
  return { chart_number: value }
}
