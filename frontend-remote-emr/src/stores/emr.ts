import { allPages, api, useClinicContext } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

const PAGE = 100

/** The clinic's reference data the chart screens pick from: services, practitioners and
 *  injectable products from the shared clinic context, and the lots of those products,
 *  loaded once per mount. */
export const useEmrStore = defineStore('emr.reference', () => {
  const context = useClinicContext()
  const services = computed(() => context.catalog.value.services)
  const practitioners = computed(() => context.practitioners.value)
  const products = computed(() => context.catalog.value.products.filter((product) => product.kind === 'medical_supply'))
  const lots = ref<Schemas['Lot'][]>([])
  /** The signed-in user: the practitioner a new session names first. */
  const selfId = computed(() => context.me.value?.user.id ?? '')

  async function referenceLoad(): Promise<void> {
    const [, lotRows] = await Promise.all([
      context.load(),
      allPages((page) => api.GET('/api/v1/inventory/lots', { params: { query: { page, page_size: PAGE } } })),
    ])
    lots.value = lotRows
  }

  /** The practitioner a new session names: the signed-in user when they treat, else the first. */
  function practitionerDefault(): string {
    return practitioners.value.find((person) => person.id === selfId.value)?.id ?? practitioners.value[0]?.id ?? ''
  }

  return { services, practitioners, products, lots, selfId, referenceLoad, practitionerDefault }
})
