/** Field errors as the API's problem details carry them: `{field: [message, …]}`. */
export type FieldErrorMap = Record<string, string[]>

export interface FieldErrorsProps {
  /** Summary line, e.g. the problem's `detail`. */
  title?: string
  errors?: FieldErrorMap
  /** Display names of fields; unknown fields are shown by their key. */
  labels?: Record<string, string>
}
