import { describe, expect, it } from 'vitest'
import {
  bidiIsolate,
  clinicHoursFormat,
  clinicLocale,
  clinicTimeFormat,
  clinicTimeRangeFormat,
  clinicToday,
  isRightToLeft,
} from './clinicTime'

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

  it("names a period's month, in the Buddhist era for Thai", () => {
    expect(clinicTimeFormat('2027-01-01', 'en-GB', 'America/Sao_Paulo', 'month')).toBe('January 2027')
    expect(clinicTimeFormat('2026-06-01', 'th', 'Asia/Bangkok', 'month')).toBe('มิถุนายน 2569')
    // An instant's month is the clinic's: 31 May 20:00 UTC is already June in Bangkok.
    expect(clinicTimeFormat('2026-05-31T20:00:00Z', 'en-GB', 'Asia/Bangkok', 'month')).toBe('June 2026')
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

describe('Thai: the Buddhist era', () => {
  it('counts years from the Buddhist era, 543 after the Gregorian year', () => {
    expect(clinicTimeFormat('2026-06-10T23:30:00Z', 'th', 'Asia/Bangkok', 'date')).toBe('11 มิ.ย. 2569')
    expect(clinicTimeFormat('2026-06-11', 'th', 'Asia/Bangkok')).toBe('11 มิ.ย. 2569')
    expect(clinicLocale('th')).toBe('th-u-ca-buddhist')
    expect(clinicLocale('pt-BR')).toBe('pt-BR')
  })

  it("is the clinic's day when the device is still on the previous one", () => {
    // 23:30 UTC on 10 June is 06:30 on 11 June in Bangkok (2569 in the Buddhist era).
    expect(clinicTimeFormat('2026-06-10T23:30:00Z', 'th', 'Asia/Bangkok')).toMatch(/^11 มิ\.ย\. 2569\s+06:30$/)
  })
})

describe('Arabic: bidirectional isolates', () => {
  it('wraps a range of hours in FSI … PDI so it never reads backwards', () => {
    expect(clinicHoursFormat('2026-06-10T02:00:00Z', '2026-06-10T03:00:00Z', 'ar', 'Asia/Bangkok')).toMatch(
      /^\u2068.+–.+\u2069$/,
    )
    expect(clinicHoursFormat('2026-06-10T02:00:00Z', '2026-06-10T03:00:00Z', 'en-GB', 'Asia/Bangkok')).toBe(
      '09:00–10:00',
    )
  })

  it('isolates values only in right-to-left languages', () => {
    expect(bidiIsolate('+66 2 123 4567', 'ar')).toBe('\u2068+66 2 123 4567\u2069')
    expect(bidiIsolate('+66 2 123 4567', 'th')).toBe('+66 2 123 4567')
    expect(isRightToLeft('ar')).toBe(true)
    expect(isRightToLeft('pt-BR')).toBe(false)
  })
})
