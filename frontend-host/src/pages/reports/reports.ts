// Pure logic of the reports page: which runs are still moving (and so polled), the
// progress of a run, a file size in words. No Vue, no fetching.

export const REPORT_KINDS = [
  'sales_lines',
  'payments',
  'practitioner_productivity',
  'commission_lines',
  'inventory_movements',
  'stock_valuation',
  'retention_cohorts',
  'follow_ups_due',
] as const
export const REPORT_FORMATS = ['xlsx', 'csv', 'pdf'] as const
export type ReportStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled'

export interface RunProgress {
  status: ReportStatus
  rows_done: number
  rows_total: number
}

/** A run the worker has not finished: the page polls it and offers Cancel. */
export function runMoving(run: { status: ReportStatus }): boolean {
  return run.status === 'queued' || run.status === 'running'
}

/** Rows written out of rows to write, for the bar; null (indeterminate) until counted. */
export function runProgress(run: RunProgress): { value: number | null; max: number } {
  if (run.status === 'done') return { value: 1, max: 1 }
  if (run.status === 'queued' || run.rows_total === 0) return { value: null, max: 1 }
  return { value: Math.min(run.rows_done, run.rows_total), max: run.rows_total }
}

/** Status pill colours (Tailwind classes). */
export const RUN_TONES: Record<ReportStatus, string> = {
  queued: 'bg-slate-100 text-slate-700 ring-slate-300',
  running: 'bg-sky-50 text-sky-800 ring-sky-200',
  done: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  failed: 'bg-red-50 text-red-800 ring-red-200',
  cancelled: 'bg-amber-50 text-amber-800 ring-amber-200',
}

/** A byte count in the locale's words (kB, MB). */
export function fileSize(bytes: number, locale: string): string {
  const units: [string, number][] = [
    ['megabyte', 1_000_000],
    ['kilobyte', 1_000],
  ]
  for (const [unit, size] of units) {
    if (bytes >= size) return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size)
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes)
}
