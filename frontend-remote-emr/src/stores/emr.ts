import { allPages, api } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { ref } from 'vue'

const PAGE = 100
const CLINICAL_ROLES: Schemas['RoleEnum'][] = ['doctor', 'nurse', 'therapist']

/** The clinic's reference data the chart screens pick from (services, practitioners,
 *  injectable products and their lots) and who is signed in, loaded once per mount. */
export const useEmrStore = defineStore('emr.reference', () => {
  const services = ref<Schemas['Service'][]>([])
  const practitioners = ref<{ id: string; name: string }[]>([])
  const products = ref<Schemas['Product'][]>([])
  const lots = ref<Schemas['Lot'][]>([])
  /** The signed-in user: the practitioner a new session names first. */
  const selfId = ref('')
  /** The clinic's IANA time zone: chart times are shown in it, whatever the device's. */
  const timeZone = ref('UTC')

  async function referenceLoad(): Promise<void> {
    const [serviceRows, staff, productRows, lotRows, me, clinic] = await Promise.all([
      allPages((page) => api.GET('/api/v1/catalog/services', { params: { query: { page, page_size: PAGE, is_active: true } } })),
      allPages((page) => api.GET('/api/v1/staff', { params: { query: { page, page_size: PAGE, is_active: true } } })),
      allPages((page) => api.GET('/api/v1/catalog/products', {
          params: { query: { page, page_size: PAGE, is_active: true, kind: 'medical_supply' } },
        })),
      allPages((page) => api.GET('/api/v1/inventory/lots', { params: { query: { page, page_size: PAGE } } })),
      api.GET('/api/v1/users/me'),
      api.GET('/api/v1/clinics/me'),
    ])
    services.value = serviceRows
    practitioners.value = staff
      .filter((member) => CLINICAL_ROLES.includes(member.role))
      .map((member) => ({ id: member.user.id, name: member.user.full_name }))
    products.value = productRows
    lots.value = lotRows
    selfId.value = me.data?.user.id ?? ''
    timeZone.value = clinic.data?.time_zone ?? 'UTC'
  }

  /** The practitioner a new session names: the signed-in user when they treat, else the first. */
  function practitionerDefault(): string {
    return practitioners.value.find((person) => person.id === selfId.value)?.id ?? practitioners.value[0]?.id ?? ''
  }

  return { services, practitioners, products, lots, selfId, timeZone, referenceLoad, practitionerDefault }
})
