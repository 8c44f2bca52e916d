export { default as BaseModal } from './BaseModal.vue'
export type * from './types'
