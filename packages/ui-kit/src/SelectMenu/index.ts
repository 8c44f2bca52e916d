export { default as SelectMenu } from './SelectMenu.vue'
export type * from './types'
