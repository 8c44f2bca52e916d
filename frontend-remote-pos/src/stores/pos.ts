import { allPages, api, problemOf } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { cartPrice, catalogItems, paymentsBody, quoteBody } from '../cart'
import type { CartLine, CatalogItem, PaymentRow, TaxSettings } from '../cart'

const PAGE = 100
const CLINICAL_ROLES = ['doctor', 'nurse', 'therapist']
// Which roles may do what at the till, as the server's role matrix (`core.permissions`)
// says; the server still refuses anyone else, these only decide what the screen offers.
const MANAGERS = ['owner', 'admin']
const CAN = {
  sell: [...MANAGERS, 'cashier'], // sale.create
  refund: MANAGERS, // sale.refund
  invoices: [...MANAGERS, 'cashier', 'accountant', 'receptionist'], // invoice.view
  recall: [...MANAGERS, 'doctor', 'nurse'], // stock.recall
}
export type Capability = keyof typeof CAN

export type Sale = Schemas['Sale']
export type Quote = Schemas['Quote']
export interface Practitioner {
  id: string
  name: string
}

function newKey(): string {
  return crypto.randomUUID()
}

/**
 * The till: catalog, tax settings, practitioners, the cart being sold and its checkout.
 * Prices on the client with the mirror of `commerce.pricing`; before payment the server
 * quotes the same cart and the two totals must be equal. One idempotency key per
 * checkout attempt: a retry (double click, lost answer) sends the same key, so the server
 * answers with the first sale instead of selling twice.
 */
export const usePosStore = defineStore('pos.till', () => {
  const settings = ref<TaxSettings | null>(null)
  const items = ref<CatalogItem[]>([])
  const practitioners = ref<Practitioner[]>([])
  const role = ref('')
  const timeZone = ref('UTC')
  /** Whether the signed-in role at this clinic may `what`. */
  const can = (what: Capability) => CAN[what].includes(role.value)

  const patient = ref<Schemas['Patient'] | null>(null)
  const lines = ref<CartLine[]>([])
  const cartDiscount = ref('0')
  const payments = ref<PaymentRow[]>([{ method: 'cash', amount: '', reference: '' }])
  const quote = ref<Quote | null>(null)
  const checkoutKey = ref(newKey())
  const sale = ref<Sale | null>(null)
  let lineSeq = 0

  /** The role and clinic, then, for a role that sells, what the till needs: tax
   *  settings, the active catalog in the clinic's currency and the practitioners. */
  async function setupLoad(clinicId: string | null): Promise<void> {
    const [me, clinic] = await Promise.all([api.GET('/api/v1/users/me'), api.GET('/api/v1/clinics/me')])
    if (!me.data) throw new Error(problemOf(me.error).detail)
    if (!clinic.data) throw new Error(problemOf(clinic.error).detail)
    role.value = me.data.memberships.find((m) => m.clinic_id === clinicId)?.role ?? ''
    timeZone.value = clinic.data.time_zone
    if (!can('sell')) return
    const active = (page: number) => ({ params: { query: { page, page_size: PAGE, is_active: true } } })
    const [tax, services, products, courses, staff] = await Promise.all([
      api.GET('/api/v1/commerce/sales/tax-settings'),
      allPages((page) => api.GET('/api/v1/catalog/services', active(page))),
      allPages((page) => api.GET('/api/v1/catalog/products', active(page))),
      allPages((page) => api.GET('/api/v1/catalog/courses', active(page))),
      allPages((page) => api.GET('/api/v1/staff', active(page))),
    ])
    if (!tax.data) throw new Error(problemOf(tax.error).detail)
    settings.value = tax.data
    items.value = catalogItems(services, products, courses).filter((item) => item.currency === tax.data.currency)
    practitioners.value = staff
      .filter((member) => CLINICAL_ROLES.includes(member.role))
      .map((member) => ({ id: member.user.id, name: member.user.full_name }))
      .sort((a, b) => a.name.localeCompare(b.name))
  }

  const priced = computed(() => (settings.value ? cartPrice(lines.value, cartDiscount.value, settings.value) : null))
  const amounts = computed(() => (priced.value && 'amounts' in priced.value ? priced.value.amounts : null))
  const invalidField = computed(() => (priced.value && 'field' in priced.value ? priced.value.field : null))
  const digits = computed(() => settings.value?.currency_digits ?? 2)
  /** The client's total equals the server's quote of the same cart. */
  const totalsAgree = computed(
    () => !!quote.value && !!amounts.value && amounts.value.total.toFixed(digits.value) === quote.value.total,
  )

  /** Any change of the cart makes a new sale: a new key, and the old quote no longer holds. */
  function cartChanged() {
    quote.value = null
    checkoutKey.value = newKey()
  }

  function itemAdd(item: CatalogItem) {
    const same = lines.value.find((line) => line.item.id === item.id && line.item.kind === item.kind)
    if (same && item.kind !== 'service') {
      same.quantity = String(Number(same.quantity) + 1)
    } else {
      lineSeq += 1
      lines.value.push({ key: `l${lineSeq}`, item, quantity: '1', lineDiscount: '0', practitioners: [] })
    }
    cartChanged()
  }

  function lineRemove(key: string) {
    lines.value = lines.value.filter((line) => line.key !== key)
    cartChanged()
  }

  function body() {
    return quoteBody(lines.value, cartDiscount.value, patient.value?.id ?? null, digits.value)
  }

  /** Ask the server to price the cart; the error is a problem's detail. */
  async function quoteLoad(): Promise<void> {
    const { data, error } = await api.POST('/api/v1/commerce/sales/quote', { body: body() })
    if (!data) throw new Error(problemOf(error).detail)
    quote.value = data
  }

  /** Sell the cart with the payment rows, under this attempt's idempotency key. */
  async function checkout(): Promise<Sale> {
    const { data, error } = await api.POST('/api/v1/commerce/sales/checkout', {
      body: { ...body(), idempotency_key: checkoutKey.value, payments: paymentsBody(payments.value, digits.value) },
    })
    if (!data) throw new Error(problemOf(error).detail)
    sale.value = data
    return data
  }

  /** Start the next sale (same patient kept: a cashier often sells twice to one person). */
  function reset() {
    lines.value = []
    cartDiscount.value = '0'
    payments.value = [{ method: 'cash', amount: '', reference: '' }]
    sale.value = null
    cartChanged()
  }

  return {
    settings, items, practitioners, role, timeZone, can, patient, lines, cartDiscount, payments, quote, checkoutKey, sale,
    amounts, invalidField, digits, totalsAgree,
    setupLoad, cartChanged, itemAdd, lineRemove, quoteLoad, checkout, reset,
  }
})
