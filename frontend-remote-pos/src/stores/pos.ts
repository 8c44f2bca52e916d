import { api, problemOf, useClinicContext } from '@aesthetix/api-client'
import type { Schemas } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { acceptedMethods, cartPrice, catalogItems, paymentsBody, quoteBody } from '../cart'
import type { CartLine, CatalogItem, PaymentMethod, PaymentRow, TaxSettings } from '../cart'
import { draftCartLines, lineMergesWith, lineRemovable } from '../draft'
import type { DraftInvoice } from '../draft'

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
  /** The cashier marked the buyer as a walk-in customer (no patient; products only). */
  const walkIn = ref(false)
  const lines = ref<CartLine[]>([])
  const cartDiscount = ref('0')
  const payments = ref<PaymentRow[]>([{ method: 'cash', amount: '', reference: '' }])
  // The last quote the server sent, with the request it answered.
  const quoted = ref<{ request: string; quote: Quote } | null>(null)
  const checkoutKey = ref(newKey())
  const sale = ref<Sale | null>(null)
  /** The methods this clinic accepts, in the order offered: the one list every payment
   *  picker (the till's, an invoice's pay dialog) shows. */
  const paymentMethods = computed<PaymentMethod[]>(() => acceptedMethods(settings.value))
  /** The visit's draft invoice being collected (To collect), whose lines are locked. */
  const draftInvoice = ref<DraftInvoice | null>(null)
  let lineSeq = 0

  /** The shared clinic context, then, for who may sell (`sale.create`), the tax settings
   *  and the active catalog in the clinic's currency. */
  async function setupLoad(): Promise<void> {
    await context.load()
    if (!context.can('sale.create')) return
    const tax = await api.GET('/api/v1/commerce/sales/tax-settings')
    if (!tax.data) throw new Error(problemOf(tax.error).detail)
    settings.value = tax.data
    payments.value = [{ method: paymentMethods.value[0]!, amount: '', reference: '' }]
    const { services, products, courses } = context.catalog.value
    items.value = catalogItems(services, products, courses).filter((item) => item.currency === tax.data.currency)
  }

  const priced = computed(() => (settings.value ? cartPrice(lines.value, cartDiscount.value, settings.value) : null))
  const amounts = computed(() => (priced.value && 'amounts' in priced.value ? priced.value.amounts : null))
  const invalidField = computed(() => (priced.value && 'field' in priced.value ? priced.value.field : null))
  const digits = computed(() => settings.value?.currency_digits ?? 2)
  /** The quote request of a priceable cart as text (null otherwise): it changes with every
   *  change the server must price again, the practitioners credited included. */
  const quoteRequest = computed(() => (amounts.value && lines.value.length ? JSON.stringify(body()) : null))
  /** The server's quote of the cart as it is now (none while the cart differs from the one
   *  quoted: an answer to an older cart never counts). */
  const quote = computed(() => (quoted.value && quoted.value.request === quoteRequest.value ? quoted.value.quote : null))
  /** A walk-in sale is possible: the clinic allows it and the cart holds products only. */
  const walkInAllowed = computed(
    () => !!settings.value?.walk_in_retail && lines.value.every((line) => line.item.kind === 'product'),
  )
  /** Who buys is settled: a patient, or a walk-in customer where allowed. */
  const customerChosen = computed(() => !!patient.value || (walkIn.value && walkInAllowed.value))
  /** The client's total equals the server's quote of the same cart. */
  const totalsAgree = computed(
    () => !!quote.value && !!amounts.value && amounts.value.total.toFixed(digits.value) === quote.value.total,
  )

  /** Any change of the cart makes a new sale: a new key (the old quote no longer matches). */
  function cartChanged() {
    checkoutKey.value = newKey()
  }

  function itemAdd(item: CatalogItem) {
    const same = lines.value.find((line) => lineMergesWith(line, item))
    if (same && item.kind !== 'service') {
      same.quantity = String(Number(same.quantity) + 1)
    } else {
      lineSeq += 1
      lines.value.push({ key: `l${lineSeq}`, item, quantity: '1', lineDiscount: '0', practitioners: [] })
    }
    cartChanged()
  }

  function lineRemove(key: string) {
    lines.value = lines.value.filter((line) => line.key !== key || !lineRemovable(line))
    cartChanged()
  }

  /** Start collecting a visit's draft: a new cart of its locked lines, for its patient. */
  async function draftOpen(draft: DraftInvoice): Promise<void> {
    if (!draft.patient) throw new Error('A draft without a patient')
    const { data, error } = await api.GET('/api/v1/patients/{id}', { params: { path: { id: draft.patient } } })
    if (!data) throw new Error(problemOf(error).detail)
    reset()
    patient.value = data
    draftInvoice.value = draft
    lines.value = draftCartLines(draft)
  }

  /** The draft as the server has it now (a line since paid from a course is at zero): its
   *  locked lines are replaced, the lines added after them stay. */
  async function draftRefresh(): Promise<void> {
    const open = draftInvoice.value
    if (!open) return
    const { data, error } = await api.GET('/api/v1/commerce/invoices/to-collect', { params: { query: { page_size: 100 } } })
    if (!data) throw new Error(problemOf(error).detail)
    const fresh = data.results.find((row) => row.id === open.id)
    if (!fresh) return
    draftInvoice.value = fresh
    lines.value = [...draftCartLines(fresh), ...lines.value.filter((line) => !line.locked)]
    cartChanged()
  }

  /** Put the draft back in the queue: the cart empties. */
  function draftClose() {
    reset()
  }

  function body() {
    const cart = quoteBody(lines.value, cartDiscount.value, patient.value?.id ?? null, digits.value)
    return draftInvoice.value ? { ...cart, invoice_id: draftInvoice.value.id } : cart
  }

  /** Ask the server to price the cart; the error is a problem's detail. */
  async function quoteLoad(): Promise<void> {
    const request = quoteRequest.value
    if (!request) return
    const { data, error } = await api.POST('/api/v1/commerce/sales/quote', { body: JSON.parse(request) })
    if (!data) throw new Error(problemOf(error).detail)
    quoted.value = { request, quote: data }
  }

  /** Sell the cart with the payment rows, under this attempt's idempotency key. */
  async function checkout(): Promise<Sale> {
    const { data, error } = await api.POST('/api/v1/commerce/sales/checkout', {
      body: {
        ...body(),
        idempotency_key: checkoutKey.value,
        payments: paymentsBody(payments.value, digits.value),
        walk_in: !patient.value && walkIn.value,
      },
    })
    if (!data) throw new Error(problemOf(error).detail)
    sale.value = data
    return data
  }

  /** Start the next sale (same patient kept: a cashier often sells twice to one person). */
  function reset() {
    lines.value = []
    cartDiscount.value = '0'
    payments.value = [{ method: paymentMethods.value[0]!, amount: '', reference: '' }]
    walkIn.value = false
    sale.value = null
    draftInvoice.value = null
    cartChanged()
  }

  return {
    settings, items, practitioners, patient, walkIn, lines, cartDiscount, payments, quote, checkoutKey, sale, paymentMethods,
    amounts, invalidField, digits, totalsAgree, quoteRequest, walkInAllowed, customerChosen, draftInvoice,
    setupLoad, cartChanged, itemAdd, lineRemove, quoteLoad, checkout, reset, draftOpen, draftClose, draftRefresh,
  }
})
