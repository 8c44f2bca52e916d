export interface InputGroupProps {
  label: string
  /** Defaults to a unique id; the label, hint and error are tied to it. */
  id?: string
  type?: 'text' | 'password' | 'tel' | 'email' | 'number' | 'search' | 'url'
  placeholder?: string
  autocomplete?: string
  inputmode?: 'text' | 'numeric' | 'tel' | 'email' | 'search' | 'url'
  hint?: string
  /** Messages of a failed validation (e.g. a problem-details field error). */
  errors?: string[]
  required?: boolean
  disabled?: boolean
}
