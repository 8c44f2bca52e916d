import { describe, expect, it } from 'vitest'
import { clinicTimeFormat, clinicTimeRangeFormat, clinicToday } from './clinicTime'

describe('clinicTimeFormat', () => {
  it("shows an instant in the clinic's zone", () => {
    expect(clinicTimeFormat('2026-11-21T14:28:03Z', 'en-GB', 'Asia/Bangkok')).toBe('21 Nov 2026, 21:28')
    expect(clinicTimeFormat('2026-11-21T01:00:00Z', 'en-GB', 'America/Sao_Paulo')).toBe('20 Nov 2026, 22:00')
  })

  it("gives an instant's date in the clinic's zone", () => {
    expect(clinicTimeFormat('2027-01-19T16:40:00Z', 'en-GB', 'Asia/Bangkok', 'date')).toBe('19 Jan 2027')
    expect(clinicTimeFormat('2027-01-19T20:00:00Z', 'en-GB', 'Asia/Bangkok', 'date')).toBe('20 Jan 2027')
  })

  it("gives an instant's time of day in the clinic's zone and language", () => {
    expect(clinicTimeFormat('2027-01-19T03:05:00Z', 'en-GB', 'Asia/Bangkok', 'time')).toBe('10:05')
    expect(clinicTimeFormat('2027-01-19T03:05:00Z', 'en-US', 'America/Sao_Paulo', 'time')).toBe('12:05 AM')
  })

  it('keeps a calendar date the same day in every zone', () => {
    expect(clinicTimeFormat('2027-01-19', 'en-GB', 'America/Sao_Paulo')).toBe('19 Jan 2027')
  })
})

describe('clinicTimeRangeFormat', () => {
  it("shows both ends in the clinic's zone, the shared date once", () => {
    expect(clinicTimeRangeFormat('2026-11-21T03:00:00Z', '2026-11-21T03:45:00Z', 'en-GB', 'Asia/Bangkok')).toMatch(
      /^21 Nov 2026, 10:00\s?–\s?10:45$/,
    )
  })
})

describe('clinicToday', () => {
  it("is the clinic's date, not the device's", () => {
    const instant = new Date('2027-01-19T20:00:00Z')
    expect(clinicToday('Asia/Bangkok', instant)).toBe('2027-01-20')
    expect(clinicToday('America/Sao_Paulo', instant)).toBe('2027-01-19')
  })
})
