export { default as ProgressBar } from './ProgressBar.vue'
export type * from './types'
