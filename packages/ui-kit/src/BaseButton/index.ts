export { default as BaseButton } from './BaseButton.vue'
export type * from './types'
