// Chart times in the clinic's time zone and the user's language, whatever the device's
// zone: a visit opened at 21:28 in Bangkok reads 21:28 on a laptop set to UTC.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useEmrStore } from './stores/emr'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** An instant (ISO 8601 with offset) as date and time in `timeZone`, or its date alone
 *  with `dateOnly`; a calendar date (YYYY-MM-DD, e.g. a lot's expiry) as that same date,
 *  never shifted by a zone. */
export function clinicTimeFormat(value: string, locale: string, timeZone: string, dateOnly = false): string {
  if (DATE_ONLY.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${value}T00:00:00Z`))
  }
  const style: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' }
  return new Intl.DateTimeFormat(locale, { ...style, timeZone }).format(new Date(value))
}

/** `when(value)` (date and time) and `day(value)` (the date): `clinicTimeFormat` in the
 *  current language and the clinic's zone. */
export function useClinicTime() {
  const { locale } = useI18n()
  const store = useEmrStore()
  const zone = computed(() => store.timeZone)
  return {
    when: (value: string) => clinicTimeFormat(value, locale.value, zone.value),
    day: (value: string) => clinicTimeFormat(value, locale.value, zone.value, true),
  }
}
