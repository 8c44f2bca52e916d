export { default as FieldErrors } from './FieldErrors.vue'
export type * from './types'
