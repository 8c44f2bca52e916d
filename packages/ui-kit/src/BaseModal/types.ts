export interface BaseModalProps {
  open: boolean
  title: string
  description?: string
  /** Width from `sm` up; on phones every modal fills the screen. */
  size?: 'md' | 'lg' | 'xl'
  /** Accessible name of a close button in the title bar; without it there is none. */
  closeLabel?: string
}
