// Pure helpers of the working-hours editor: a practitioner's week as one list of windows
// per weekday (0 = Monday … 6 = Sunday, as scheduling.models.StaffSchedule), checked and
// sent as one list of windows (the API replaces the saved week with it).

/** One working window of a weekday, local wall-clock "HH:MM"; `id` when it is saved. */
export interface WorkWindow {
  id?: string
  start: string
  end: string
}

/** A saved window as `GET /calendar/schedules` lists it (times may carry seconds). */
export interface ScheduleRow {
  id: string
  weekday: number
  start_time: string
  end_time: string
}

/** Seven days, Monday first: `week[weekday]` holds that day's windows in start order. */
export type Week = WorkWindow[][]

export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const
const STEP_MINUTES = 15

/** "09:00:00" or "09:00" → "09:00". */
export function hhmm(time: string): string {
  return time.slice(0, 5)
}

/** Every time of day in 15-minute steps, "00:00" … "23:45". */
export function timeSteps(): string[] {
  const steps: string[] = []
  for (let minutes = 0; minutes < 24 * 60; minutes += STEP_MINUTES) {
    steps.push(`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`)
  }
  return steps
}

/** The saved rows as a week, each day in start order. */
export function weekOf(rows: ScheduleRow[]): Week {
  const week: Week = WEEKDAYS.map(() => [])
  for (const row of rows) week[row.weekday]?.push({ id: row.id, start: hhmm(row.start_time), end: hhmm(row.end_time) })
  for (const day of week) day.sort((a, b) => a.start.localeCompare(b.start))
  return week
}

/** What is wrong with one day's windows, by index: `'order'` when a window does not end
 *  after it starts, `'overlap'` when it overlaps an earlier window of the day (touching
 *  ends, 12:00–12:00, is not an overlap). The server refuses the same (scheduling
 *  serializers and services). Empty when the day is valid. */
export function dayProblems(day: WorkWindow[]): Record<number, 'order' | 'overlap'> {
  const problems: Record<number, 'order' | 'overlap'> = {}
  day.forEach((window, index) => {
    if (window.end <= window.start) problems[index] = 'order'
  })
  day.forEach((window, index) => {
    if (problems[index]) return
    const clash = day.some(
      (other, before) => before < index && !problems[before] && other.start < window.end && window.start < other.end,
    )
    if (clash) problems[index] = 'overlap'
  })
  return problems
}

/** Monday's windows copied to Tuesday … Friday (unsaved copies, no ids); the weekend
 *  stays as it is. */
export function mondayToWeekdays(week: Week): Week {
  const monday = week[0] ?? []
  return week.map((day, weekday) =>
    weekday >= 1 && weekday <= 4 ? monday.map(({ start, end }) => ({ start, end })) : day,
  )
}

/** The week as the body's `windows` of `PUT /api/v1/calendar/schedules/week` (which
 *  replaces the saved week): one per window, Monday first, each day in start order. */
export function weekWindows(week: Week): { weekday: number; start_time: string; end_time: string }[] {
  return week.flatMap((day, weekday) => day.map((w) => ({ weekday, start_time: w.start, end_time: w.end })))
}
