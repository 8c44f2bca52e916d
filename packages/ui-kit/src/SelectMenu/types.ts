export interface SelectOption<T extends string = string> {
  value: T
  label: string
  disabled?: boolean
}

export interface SelectMenuProps {
  label: string
  options: SelectOption[]
  placeholder?: string
  /** Hide the label visually (it still names the control). */
  hideLabel?: boolean
  disabled?: boolean
}
