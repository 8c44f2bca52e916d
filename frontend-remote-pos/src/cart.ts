/**
 * The cart of the POS as plain data, and how it turns into the server's shapes: priced
 * with the mirror of `commerce.pricing` (`./pricing/pricing`) and sent to
 * `POST /api/v1/commerce/sales/quote` and `.../checkout`.
 */
import type { Schemas } from '@aesthetix/api-client'
import { allocate, Dec, priceCart, PricingError } from './pricing/pricing'
import type { CartAmounts } from './pricing/pricing'

export type ItemKind = 'service' | 'product' | 'course'
export type TaxSettings = Schemas['TaxSettings']
export type QuoteInput = Schemas['QuoteInputRequest']
export type PaymentMethod = Schemas['PaymentInputRequest']['method']

export const PAYMENT_METHODS: PaymentMethod[] = ['cash', 'card', 'bank_transfer', 'promptpay', 'pix']
/** Methods the patient pays by scanning a QR code the till shows (EMVCo merchant-presented). */
export const QR_METHODS: PaymentMethod[] = ['promptpay', 'pix']

export function isQrMethod(method: PaymentMethod): boolean {
  return QR_METHODS.includes(method)
}

/** The methods the clinic accepts (the tax settings' `payment_methods`, set per clinic
 *  and country: no Pix in Bangkok, no PromptPay in São Paulo), in the order offered;
 *  cash alone until the settings are loaded. */
export function acceptedMethods(settings: TaxSettings | null): PaymentMethod[] {
  const methods = settings?.payment_methods ?? []
  return methods.length ? [...methods] : ['cash']
}

/** One tile of the grid: a service, product or course of the catalog. */
export interface CatalogItem {
  kind: ItemKind
  id: string
  name: string
  /** The service's category, the product's kind, or "course". */
  category: string
  price: string
  currency: string
}

export interface CartLine {
  /** Local identity of the line (the same item may be on two lines). */
  key: string
  item: CatalogItem
  /** Decimal strings as typed; invalid text makes the cart unpriceable, not wrong. */
  quantity: string
  lineDiscount: string
  /** Practitioners credited; the line's 100 % is shared equally among them. */
  practitioners: string[]
  /** A line of a visit's draft invoice: what was done, not to remove or recount (`./draft`). */
  locked?: boolean
  /** The draft's unit price (zero for a session a course paid); else the catalog's. */
  unitPrice?: string
}

export interface PaymentRow {
  method: PaymentMethod
  amount: string
  reference: string
  /** A QR payment the cashier has seen arrive (QR methods need it before checkout). */
  received?: boolean
}

export function catalogItems(
  services: Schemas['Service'][],
  products: Schemas['Product'][],
  courses: Schemas['Course'][],
): CatalogItem[] {
  return [
    ...services.map((s) => ({ kind: 'service' as const, id: s.id, name: s.name, category: s.category, price: s.price, currency: s.currency })),
    ...products.map((p) => ({ kind: 'product' as const, id: p.id, name: p.name, category: p.kind, price: p.price, currency: p.currency })),
    ...courses.map((c) => ({ kind: 'course' as const, id: c.id, name: c.name, category: 'course', price: c.price, currency: c.currency })),
  ]
}

/** Items whose name or category contains `search` (case-insensitive), of `kind` unless "all". */
export function itemsFiltered(items: CatalogItem[], search: string, kind: ItemKind | 'all'): CatalogItem[] {
  const needle = search.trim().toLocaleLowerCase()
  return items.filter(
    (item) =>
      (kind === 'all' || item.kind === kind) &&
      (!needle || item.name.toLocaleLowerCase().includes(needle) || item.category.toLocaleLowerCase().includes(needle)),
  )
}

export function taxRateFor(kind: ItemKind, settings: TaxSettings): Dec {
  const rates: Record<ItemKind, string> = {
    service: settings.service_tax_rate,
    product: settings.product_tax_rate,
    course: settings.course_tax_rate,
  }
  return new Dec(rates[kind])
}

/** A decimal string typed by the cashier, or null when it is not a number. */
export function decimalOf(text: string): Dec | null {
  const value = text.trim()
  if (!/^-?\d+(\.\d+)?$/.test(value)) return null
  return new Dec(value)
}

/** The cart priced as the server will price it, or the field the server would refuse. */
export function cartPrice(
  lines: CartLine[],
  cartDiscount: string,
  settings: TaxSettings,
): { amounts: CartAmounts } | { field: string } {
  const inputs = []
  for (const [index, line] of lines.entries()) {
    const quantity = decimalOf(line.quantity)
    if (!quantity) return { field: `lines.${index}.quantity` }
    const lineDiscount = decimalOf(line.lineDiscount || '0')
    if (!lineDiscount) return { field: `lines.${index}.line_discount` }
    inputs.push({ unitPrice: new Dec(line.unitPrice ?? line.item.price), quantity, lineDiscount, taxRate: taxRateFor(line.item.kind, settings) })
  }
  const discount = decimalOf(cartDiscount || '0')
  if (!discount) return { field: 'cart_discount' }
  try {
    return {
      amounts: priceCart(inputs, { digits: settings.currency_digits, cartDiscount: discount, taxInclusive: settings.tax_inclusive }),
    }
  } catch (error) {
    if (error instanceof PricingError) return { field: error.field }
    throw error
  }
}

/** Equal percent shares of a line summing to exactly 100 (largest remainder, 2 decimals). */
export function creditShares(practitioners: string[]): { practitioner_id: string; share: string }[] {
  const shares = allocate(new Dec(100), practitioners.map(() => new Dec(1)), 2)
  return practitioners.map((id, i) => ({ practitioner_id: id, share: shares[i]!.toFixed(2) }))
}

/** The body of `quote` (and, with the payments and key, of `checkout`). */
export function quoteBody(lines: CartLine[], cartDiscount: string, patientId: string | null, digits: number): QuoteInput {
  return {
    patient_id: patientId,
    cart_discount: new Dec(cartDiscount || '0').toFixed(digits),
    lines: lines.map((line) => ({
      kind: line.item.kind,
      item_id: line.item.id,
      quantity: line.quantity.trim(),
      line_discount: new Dec(line.lineDiscount || '0').toFixed(digits),
      credits: creditShares(line.practitioners),
    })),
  }
}

/** The payments as the server takes them; rows without an amount are left out. */
export function paymentsBody(rows: PaymentRow[], digits: number): Schemas['PaymentInputRequest'][] {
  return rows
    .filter((row) => decimalOf(row.amount)?.gt(0))
    .map((row) => ({ method: row.method, amount: new Dec(row.amount).toFixed(digits), provider_reference: row.reference.trim() }))
}

/** What is left to pay of `total` after the payment rows (negative: too much). */
export function paymentsRemaining(rows: PaymentRow[], total: Dec): Dec {
  return rows.reduce((left, row) => left.minus(decimalOf(row.amount) ?? 0), total)
}
