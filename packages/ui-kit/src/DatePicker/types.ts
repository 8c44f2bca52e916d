export interface DatePickerProps {
  label: string
  /** ISO dates (YYYY-MM-DD), inclusive. */
  min?: string
  max?: string
  errors?: string[]
  required?: boolean
  disabled?: boolean
}
