export { default as DataTable } from './DataTable.vue'
export type * from './types'
