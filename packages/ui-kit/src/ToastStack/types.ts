export type ToastKind = 'success' | 'error' | 'info'

export interface ToastMessage {
  id: number | string
  kind: ToastKind
  message: string
}

export interface ToastStackProps {
  toasts: ToastMessage[]
  /** Milliseconds before a toast asks to be dismissed; 0 keeps it until closed. */
  timeout?: number
  closeLabel?: string
}
