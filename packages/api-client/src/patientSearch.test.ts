import { describe, expect, it } from 'vitest'
import { patientSearchQuery } from './patientSearch'

describe('patientSearchQuery', () => {
  it.each([
    ['', {}],
    ['  Noura qahtani ', { q: 'Noura qahtani' }],
    ['+66 81-555-0101', { phone: '+66 81-555-0101' }],
    ['0101', { phone: '0101' }],
    ['BKK-000123', { chart_number: 'BKK-000123' }],
  ])('%j → %j', (text, query) => {
    expect(patientSearchQuery(text)).toEqual(query)
  })
})
