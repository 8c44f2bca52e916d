export { default as BaseAvatar } from './BaseAvatar.vue'
export type * from './types'
