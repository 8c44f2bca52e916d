import { api, problemOf, useClinicContext } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { cartPrice, catalogItems, paymentsBody, quoteBody } from '../cart'
import type { CartLine, CatalogItem, PaymentRow, TaxSettings } from '../cart'

export type Sale = Schemas['Sale']
export type Quote = Schemas['Quote']
function newKey(): string {
  return crypto.randomUUID()
}

/**
 * The till: tax settings, the catalog in the clinic's currency, the cart being sold and its
 * checkout (the catalog, the practitioners and the permissions are the shared clinic
 * context's).
 * Prices on the client with the mirror of `commerce.pricing`; before payment the server
 * quotes the same cart and the two totals must be equal. One idempotency key per
 * checkout attempt: a retry (double click, lost answer) sends the same key, so the server
 * answers with the first sale instead of selling twice.
 */
export const usePosStore = defineStore('pos.till', () => {
  const settings = ref<TaxSettings | null>(null)
  const items = ref<CatalogItem[]>([])
  const context = useClinicContext()
  const practitioners = computed(() => context.practitioners.value)

  const patient = ref<Schemas['Patient'] | null>(null)
  const lines = ref<CartLine[]>([])
  const cartDiscount = ref('0')
  const payments = ref<PaymentRow[]>([{ method: 'cash', amount: '', reference: '' }])
  const quote = ref<Quote | null>(null)
  const checkoutKey = ref(newKey())
  const sale = ref<Sale | null>(null)
  let lineSeq = 0

  /** The shared clinic context, then, for who may sell (`sale.create`), the tax settings
   *  and the active catalog in the clinic's currency. */
  async function setupLoad(): Promise<void> {
    await context.load()
    if (!context.can('sale.create')) return
    const tax = await api.GET('/api/v1/commerce/sales/tax-settings')
    if (!tax.data) throw new Error(problemOf(tax.error).detail)
    settings.value = tax.data
    const { services, products, courses } = context.catalog.value
    items.value = catalogItems(services, products, courses).filter((item) => item.currency === tax.data.currency)
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
    settings, items, practitioners, patient, lines, cartDiscount, payments, quote, checkoutKey, sale,
    amounts, invalidField, digits, totalsAgree,
    setupLoad, cartChanged, itemAdd, lineRemove, quoteLoad, checkout, reset,
  }
})
