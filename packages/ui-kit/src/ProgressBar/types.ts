export interface ProgressBarProps {
  /** Accessible name, e.g. "Report progress". */
  label: string
  /** Omit for an indeterminate bar. */
  value?: number | null
  max?: number
}
