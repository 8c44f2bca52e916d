import { describe, expect, it } from 'vitest'
import { clinicTimeFormat } from './clinicTime'

describe('clinicTimeFormat', () => {
  it("shows an instant in the clinic's zone", () => {
    expect(clinicTimeFormat('2026-11-21T14:28:03Z', 'en-GB', 'Asia/Bangkok')).toBe('21 Nov 2026, 21:28')
    expect(clinicTimeFormat('2026-11-21T01:00:00Z', 'en-GB', 'America/Sao_Paulo')).toBe('20 Nov 2026, 22:00')
  })

  it("gives an instant's date in the clinic's zone", () => {
    expect(clinicTimeFormat('2027-01-19T16:40:00Z', 'en-GB', 'Asia/Bangkok', true)).toBe('19 Jan 2027')
    expect(clinicTimeFormat('2027-01-19T20:00:00Z', 'en-GB', 'Asia/Bangkok', true)).toBe('20 Jan 2027')
  })

  it('keeps a calendar date the same day in every zone', () => {
    expect(clinicTimeFormat('2027-01-19', 'en-GB', 'America/Sao_Paulo')).toBe('19 Jan 2027')
  })
})
