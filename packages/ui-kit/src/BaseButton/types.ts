export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost'
export type ButtonSize = 'sm' | 'md'

export interface BaseButtonProps {
  variant?: ButtonVariant
  size?: ButtonSize
  type?: 'button' | 'submit' | 'reset'
  /** Shows a spinner, sets `aria-busy` and ignores clicks. */
  loading?: boolean
  disabled?: boolean
}
