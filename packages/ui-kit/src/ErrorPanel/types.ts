export interface ErrorPanelProps {
  title: string
  message?: string
  /** Label of the retry button; without it there is no button. */
  retryLabel?: string
}
