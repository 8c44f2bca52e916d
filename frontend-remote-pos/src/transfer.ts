// Pure rules of the stock-transfer form and of pre-filling an order from supplier items.
import type { Schemas } from '@aesthetix/api-client'

type Lot = Schemas['Lot']
type SupplierItem = Schemas['SupplierItem']

/** Quantities as the stock ledger keeps them: positive, at most three decimals. */
const QUANTITY = /^\d+(\.\d{1,3})?$/

/** Why `value` cannot be sent from a lot with `onHand` (both in the product's unit):
 *  `invalid` (not a positive number with at most 3 decimals), `tooMuch`, or null. */
export function transferQuantityProblem(value: string, onHand: string): 'invalid' | 'tooMuch' | null {
  const text = value.trim()
  if (!QUANTITY.test(text) || Number(text) <= 0) return 'invalid'
  // Compare in thousandths so 0.1 + 0.2 style float error cannot refuse a valid amount.
  return Math.round(Number(text) * 1000) > Math.round(Number(onHand) * 1000) ? 'tooMuch' : null
}

/** Lots that can be sent on `today` (ISO date): stock left and not expired
 *  (usable through the expiry date), soonest expiry first. */
export function transferableLots(lots: Lot[], today: string): Lot[] {
  return lots
    .filter((lot) => Number(lot.quantity_on_hand) > 0 && lot.expiry_date >= today)
    .sort((a, b) => a.expiry_date.localeCompare(b.expiry_date) || a.lot_number.localeCompare(b.lot_number))
}

/** The products those lots belong to, once each, by name. */
export function productsOfLots(lots: Lot[]): { id: string; name: string; unit: string }[] {
  const seen = new Map<string, { id: string; name: string; unit: string }>()
  for (const lot of lots) if (!seen.has(lot.product)) seen.set(lot.product, { id: lot.product, name: lot.product_name, unit: lot.unit })
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name))
}

/** `quantity` rounded up to whole packs of `pack` (both in the product's unit), as a
 *  string with at most three decimals; `quantity` itself when no pack size is known. */
export function packRounded(quantity: string, pack: string | null | undefined): string {
  const q = Math.round(Number(quantity) * 1000)
  const p = Math.round(Number(pack ?? 0) * 1000)
  if (!Number.isFinite(q) || q <= 0 || !p || p <= 0) return quantity
  const packs = Math.ceil(q / p)
  return String((packs * p) / 1000)
}

/** What an order line for `productId` starts with, given the supplier items: the
 *  supplier to order from (the chosen `supplierId`, else the product's preferred one),
 *  that supplier's last unit cost and the quantity rounded up to its pack. Null when no
 *  supplier item matches. */
export function orderLinePrefill(
  items: SupplierItem[],
  productId: string,
  supplierId: string | null,
  quantity: string,
): { supplier_id: string; unit_cost: string | null; quantity: string } | null {
  const forProduct = items.filter((item) => item.product === productId)
  const item = supplierId ? forProduct.find((i) => i.supplier === supplierId) : forProduct.find((i) => i.is_preferred)
  if (!item) return null
  return { supplier_id: item.supplier, unit_cost: item.last_unit_cost ?? null, quantity: packRounded(quantity, item.pack_size) }
}
