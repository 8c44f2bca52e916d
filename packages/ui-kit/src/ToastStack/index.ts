export { default as ToastStack } from './ToastStack.vue'
export type * from './types'
