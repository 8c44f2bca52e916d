// Times in the clinic's time zone and the user's language, whatever the device's zone: a
// visit opened at 21:28 in Bangkok reads 21:28 on a laptop set to UTC. The one formatter
// of clinic times for every app: Thai dates count years in the Buddhist era (2569 for
// 2026), and in Arabic every formatted value is a bidirectional isolate so a time range
// or a date never reads backwards inside right-to-left text.
import { computed } from 'vue'
import type { Ref } from 'vue'
import { useClinicContext } from './clinicContext'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur'])
const FSI = '\u2068'
const PDI = '\u2069'

/** `datetime`: date and time; `date`: the date; `time`: hours and minutes; `month`: the
 *  month and year (a period such as a commission month). */
export type ClinicTimeStyle = 'datetime' | 'date' | 'time' | 'month'

const STYLES: Record<ClinicTimeStyle, Intl.DateTimeFormatOptions> = {
  datetime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  time: { hour: '2-digit', minute: '2-digit' },
  month: { month: 'long', year: 'numeric' },
}

function language(locale: string): string {
  return locale.split(/[-_]/)[0].toLowerCase()
}

/** `locale` with the calendar its readers count years in: the Buddhist era for Thai
 *  (`th` → `th-u-ca-buddhist`), whatever the device's default; others unchanged. */
export function clinicLocale(locale: string): string {
  return language(locale) === 'th' && !locale.includes('-u-') ? `${locale}-u-ca-buddhist` : locale
}

/** Whether `locale` is written right to left (Arabic). */
export function isRightToLeft(locale: string): boolean {
  return RTL_LANGUAGES.has(language(locale))
}

/** `text` as a bidirectional island (FSI … PDI) when `locale` is right to left: its
 *  direction comes from its own first strong letter, so "09:00–10:00", a phone number or
 *  "Botox 50 U" keep their order inside Arabic text. Unchanged in left-to-right locales. */
export function bidiIsolate(text: string, locale: string): string {
  return isRightToLeft(locale) ? `${FSI}${text}${PDI}` : text
}

/** An instant (ISO 8601 with offset) in `timeZone` and `locale`, in `style`; a calendar
 *  date (YYYY-MM-DD, e.g. a lot's expiry) as that same date (or its month, in `month`
 *  style), never shifted by a zone. */
export function clinicTimeFormat(
  value: string,
  locale: string,
  timeZone: string,
  style: ClinicTimeStyle = 'datetime',
): string {
  const text = DATE_ONLY.test(value)
    ? new Intl.DateTimeFormat(clinicLocale(locale), {
        ...(style === 'month' ? STYLES.month : STYLES.date),
        timeZone: 'UTC',
      }).format(
        new Date(`${value}T00:00:00Z`),
      )
    : new Intl.DateTimeFormat(clinicLocale(locale), { ...STYLES[style], timeZone }).format(new Date(value))
  return bidiIsolate(text, locale)
}

/** Two instants as one range in `timeZone` ("21 Nov 2026, 10:00 – 10:45"). */
export function clinicTimeRangeFormat(start: string, end: string, locale: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(clinicLocale(locale), { ...STYLES.datetime, timeZone })
  return bidiIsolate(format.formatRange(new Date(start), new Date(end)), locale)
}

/** The hours of two instants in `timeZone` ("09:00–10:00"), for a slot or a visit. */
export function clinicHoursFormat(start: string, end: string, locale: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(clinicLocale(locale), { ...STYLES.time, timeZone })
  return bidiIsolate(`${format.format(new Date(start))}–${format.format(new Date(end))}`, locale)
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
    /** The month and year of a period's first day (YYYY-MM-01) or of an instant. */
    month: (value: string) => clinicTimeFormat(value, locale.value, zone.value, 'month'),
    range: (start: string, end: string) => clinicTimeRangeFormat(start, end, locale.value, zone.value),
    hours: (start: string, end: string) => clinicHoursFormat(start, end, locale.value, zone.value),
    /** A count or other value kept in its own direction inside the text around it. */
    isolate: (text: string | number) => bidiIsolate(String(text), locale.value),
    today: () => clinicToday(zone.value),
  }
}
