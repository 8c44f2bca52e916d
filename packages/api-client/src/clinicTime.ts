// Times in the clinic's time zone and the user's language, whatever the device's zone: a
// visit opened at 21:28 in Bangkok reads 21:28 on a laptop set to UTC. The one formatter
// of clinic times for every app.
import { computed } from 'vue'
import type { Ref } from 'vue'
import { useClinicContext } from './clinicContext'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** `datetime`: date and time; `date`: the date; `time`: hours and minutes. */
export type ClinicTimeStyle = 'datetime' | 'date' | 'time'

const STYLES: Record<ClinicTimeStyle, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { hour: '2-digit', minute: '2-digit' },
}

/** An instant (ISO 8601 with offset) in `timeZone` and `locale`, in `style`; a calendar
 *  date (YYYY-MM-DD, e.g. a lot's expiry) as that same date, never shifted by a zone. */
export function clinicTimeFormat(
  value: string,
  locale: string,
  timeZone: string,
  style: ClinicTimeStyle = 'datetime',
): string {
  if (DATE_ONLY.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`))
  }
  return new Intl.DateTimeFormat(locale, { ...STYLES[style], timeZone }).format(new Date(value))
}

/** Two instants as one range in `timeZone` ("21 Nov 2026, 10:00 – 10:45"). */
export function clinicTimeRangeFormat(start: string, end: string, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { ...STYLES.datetime, timeZone }).formatRange(new Date(start), new Date(end))
}

/** The calendar date (YYYY-MM-DD) in `timeZone` at `now`. */
export function clinicToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone }).format(now)
}

/** `clinicTimeFormat` and friends in `locale` (the user's language, e.g. vue-i18n's
 *  `locale`) and the clinic's zone from the shared clinic context. */
export function useClinicTime(locale: Ref<string>) {
  const zone = useClinicContext().timeZone
  return {
    zone: computed(() => zone.value),
    when: (value: string) => clinicTimeFormat(value, locale.value, zone.value),
    day: (value: string) => clinicTimeFormat(value, locale.value, zone.value, 'date'),
    time: (value: string) => clinicTimeFormat(value, locale.value, zone.value, 'time'),
    range: (start: string, end: string) => clinicTimeRangeFormat(start, end, locale.value, zone.value),
    today: () => clinicToday(zone.value),
  }
}
