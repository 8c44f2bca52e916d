// Pure logic of the dashboard page: date ranges, the change against the previous period
// and the ECharts options (mirrored for right-to-left languages). No Vue, no fetching.
import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>

/** Clinic-local days, both included (YYYY-MM-DD). */
export interface DayRange {
  from: string
  to: string
}

const DAY_MS = 86_400_000

function dayOf(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`)
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10)
}

/** `iso` moved by `days` calendar days. */
export function dayAdd(iso: string, days: number): string {
  return isoOf(new Date(dayOf(iso).getTime() + days * DAY_MS))
}

/** The last `days` days up to `today`, today included. */
export function lastDays(today: string, days: number): DayRange {
  return { from: dayAdd(today, -(days - 1)), to: today }
}

/** The whole calendar month before `today`'s. */
export function lastMonth(today: string): DayRange {
  const first = dayOf(today)
  first.setUTCDate(1)
  const end = new Date(first.getTime() - DAY_MS)
  return { from: `${isoOf(end).slice(0, 8)}01`, to: isoOf(end) }
}

/** This calendar month up to `today`. */
export function monthToDate(today: string): DayRange {
  return { from: `${today.slice(0, 8)}01`, to: today }
}

/** Days in a range, both ends included (0 for a reversed one). */
export function rangeDays(range: DayRange): number {
  const days = Math.round((dayOf(range.to).getTime() - dayOf(range.from).getTime()) / DAY_MS) + 1
  return Math.max(days, 0)
}

export interface Change {
  /** (current - previous) / previous; null when there is nothing to compare with. */
  ratio: number | null
  direction: 'up' | 'down' | 'flat'
}

/** How `current` compares with `previous` (decimal strings or numbers; null = not shown). */
export function periodChange(current: string | number | null, previous: string | number | null): Change {
  if (current === null || previous === null) return { ratio: null, direction: 'flat' }
  const now = Number(current)
  const before = Number(previous)
  const direction = now > before ? 'up' : now < before ? 'down' : 'flat'
  if (before === 0) return { ratio: null, direction }
  return { ratio: (now - before) / Math.abs(before), direction }
}

/** Whether a change is good news: more is better, except for costs and no-shows. */
export function changeIsGood(change: Change, lowerIsBetter = false): boolean | null {
  if (change.direction === 'flat') return null
  return (change.direction === 'up') !== lowerIsBetter
}

export interface BarSeries {
  id: string
  name: string
  values: number[]
}

export interface BarChartInput {
  labels: string[]
  series: BarSeries[]
  rtl: boolean
  /** Formats a value for the axis and the tooltip (money, hours). */
  format: (value: number) => string
  /** Horizontal bars (one per practitioner or treatment), long names on the category axis. */
  horizontal?: boolean
}

const PALETTE = ['#0f766e', '#6366f1', '#f59e0b', '#e11d48']

/** An ECharts bar chart. Right to left, the category axis runs from the right (vertical
 *  bars) or the value axis grows leftwards with the names on the right (horizontal bars),
 *  and the legend sits on the right, so the chart reads like the page around it. */
export function barChartOption(input: BarChartInput): ChartOption {
  const { labels, series, rtl, format, horizontal = false } = input
  const category = {
    type: 'category' as const,
    data: labels,
    inverse: horizontal ? true : rtl,
    position: horizontal ? (rtl ? ('right' as const) : ('left' as const)) : ('bottom' as const),
    axisLabel: { hideOverlap: true, width: horizontal ? 120 : undefined, overflow: 'truncate' as const },
    axisTick: { alignWithLabel: true },
  }
  const value = {
    type: 'value' as const,
    inverse: horizontal ? rtl : false,
    position: horizontal ? ('bottom' as const) : rtl ? ('right' as const) : ('left' as const),
    axisLabel: { formatter: (v: number) => format(v), hideOverlap: true },
    splitNumber: 4,
  }
  return {
    color: PALETTE,
    animation: false,
    grid: { containLabel: true, left: 8, right: 8, top: series.length > 1 ? 36 : 12, bottom: 8 },
    legend: series.length > 1 ? { show: true, top: 0, [rtl ? 'right' : 'left']: 0, data: series.map((s) => s.name) } : { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => format(Number(v)) },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({ id: s.id, name: s.name, type: 'bar' as const, data: s.values, barMaxWidth: 28 })),
  }
}

/** A decimal string as a number for plotting (amounts shown as text stay exact strings). */
export function plotted(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value)
}

/** What a drill-down lists: the sales behind a money figure, the stock lots (all, or
 *  those near expiry), course balances (the liability held, or those expired in the
 *  period: breakage) or the products consumed in treatments. */
export type DrillList = 'sales' | 'lots' | 'courses' | 'usage'

export interface Drill {
  list: DrillList
  title: string
  from: string
  to: string
  clinic?: string
  kind?: 'service' | 'product' | 'course'
  item?: string
  practitioner?: string
  nearExpiry?: boolean
  state?: 'liability' | 'breakage'
  product?: string
}

export const ROWS_PATHS = {
  sales: '/api/v1/reports/dashboard/rows',
  lots: '/api/v1/reports/dashboard/rows/lots',
  courses: '/api/v1/reports/dashboard/rows/courses',
  usage: '/api/v1/reports/dashboard/rows/usage',
} as const

/** The query of a drill-down's page: only the parameters its list accepts (lots are
 *  stock now, so they take no dates). */
export function rowsQuery(drill: Drill, page: number, pageSize: number): Record<string, string | number | boolean> {
  const query: Record<string, string | number | boolean> = { page, page_size: pageSize }
  if (drill.clinic) query.clinic = drill.clinic
  if (drill.list === 'lots') {
    if (drill.nearExpiry) query.near_expiry = true
    return query
  }
  query.from = drill.from
  query.to = drill.to
  if (drill.list === 'sales') {
    if (drill.kind && drill.item) Object.assign(query, { kind: drill.kind, item: drill.item })
    if (drill.practitioner) query.practitioner = drill.practitioner
  } else if (drill.list === 'courses') {
    query.state = drill.state ?? 'liability'
  } else if (drill.product) {
    query.product = drill.product
  }
  return query
}

/** Rooms worth showing: those open or booked in the period, busiest first. */
export function busyRooms<T extends { booked_minutes: number; available_minutes: number; utilization: string | null; name: string }>(rooms: T[]): T[] {
  return rooms
    .filter((r) => r.booked_minutes || r.available_minutes)
    .sort((a, b) => Number(b.utilization ?? -1) - Number(a.utilization ?? -1) || a.name.localeCompare(b.name))
}
