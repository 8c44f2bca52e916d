import { api, problemOf } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { ref } from 'vue'

const PAGE = 100
const CLINICAL_ROLES: Schemas['RoleEnum'][] = ['doctor', 'nurse', 'therapist']

/** Every row of a paginated list endpoint. */
async function allPages<T>(
  fetchPage: (page: number) => Promise<{ data?: { results: T[]; next?: string | null }; error?: unknown }>,
): Promise<T[]> {
  const rows: T[] = []
  for (let page = 1; ; page += 1) {
    const { data, error } = await fetchPage(page)
    if (!data) throw new Error(problemOf(error).detail)
    rows.push(...data.results)
    if (!data.next) return rows
  }
}

/** The clinic's reference data the chart screens pick from (services, practitioners,
 *  injectable products and their lots), loaded once per mount. */
export const useEmrStore = defineStore('emr.reference', () => {
  const services = ref<Schemas['Service'][]>([])
  const practitioners = ref<{ id: string; name: string }[]>([])
  const products = ref<Schemas['Product'][]>([])
  const lots = ref<Schemas['Lot'][]>([])

  async function referenceLoad(): Promise<void> {
    const [serviceRows, staff, productRows, lotRows] = await Promise.all([
      allPages((page) => api.GET('/api/v1/catalog/services', { params: { query: { page, page_size: PAGE, is_active: true } } })),
      allPages((page) => api.GET('/api/v1/staff', { params: { query: { page, page_size: PAGE, is_active: true } } })),
      allPages((page) => api.GET('/api/v1/catalog/products', {
          params: { query: { page, page_size: PAGE, is_active: true, kind: 'medical_supply' } },
        })),
      allPages((page) => api.GET('/api/v1/inventory/lots', { params: { query: { page, page_size: PAGE } } })),
    ])
    services.value = serviceRows
    practitioners.value = staff
      .filter((member) => CLINICAL_ROLES.includes(member.role))
      .map((member) => ({ id: member.user.id, name: member.user.full_name }))
    products.value = productRows
    lots.value = lotRows
  }

  return { services, practitioners, products, lots, referenceLoad }
})
