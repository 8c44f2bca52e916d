export { default as ErrorPanel } from './ErrorPanel.vue'
export type * from './types'
