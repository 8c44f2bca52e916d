export { default as InputGroup } from './InputGroup.vue'
export type * from './types'
