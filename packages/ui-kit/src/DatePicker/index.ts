export { default as DatePicker } from './DatePicker.vue'
export type * from './types'
