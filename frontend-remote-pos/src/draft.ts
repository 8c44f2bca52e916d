/**
 * A completed visit's draft invoice at the till (*To collect*): its items become the first
 * lines of the cart, locked to what was done. The server enforces the same rule at quote
 * and checkout (`invoice_id`: the cart starts with the draft's services, then the billable
 * products used at the visit, with their quantities, in order, priced at the draft's unit
 * prices); discounts may be given as on any line, and further items may be added after them.
 */
import type { Schemas } from '@aesthetix/api-client'
import type { CartLine, CatalogItem } from './cart'
import { Dec } from './pricing/pricing'

export type DraftInvoice = Schemas['DraftToCollect']
export type DraftItem = Schemas['DraftItem']

/** The cart lines of a draft: one locked line per item (a treatment, or a product used),
 *  credited to its practitioner. */
export function draftCartLines(draft: DraftInvoice): CartLine[] {
  return draft.items
    .filter((item) => item.service || item.product)
    .map((item) => ({
      key: `draft-${draft.id}-${item.position}`,
      item: {
        kind: item.product ? 'product' : 'service',
        id: (item.product ?? item.service)!,
        name: item.description,
        category: item.product ? 'product' : 'service',
        price: item.unit_price,
        currency: draft.currency,
      } satisfies CatalogItem,
      quantity: new Dec(item.quantity).toString(),
      lineDiscount: '0',
      practitioners: item.practitioner ? [item.practitioner] : [],
      locked: true,
      unitPrice: item.unit_price,
    }))
}

/** A locked line cannot be removed. */
export function lineRemovable(line: CartLine): boolean {
  return !line.locked
}

/** A locked line's quantity and credited practitioners are what was done. */
export function lineEditable(line: CartLine): boolean {
  return !line.locked
}

/** Whether `line` is the one to add one more of `item` to: never a locked line. */
export function lineMergesWith(line: CartLine, item: CatalogItem): boolean {
  return !line.locked && line.item.id === item.id && line.item.kind === item.kind
}

/** The line paid from a prepaid course (priced at zero by the draft). */
export function lineFromCourse(item: DraftItem): boolean {
  return item.course_redemption !== null && item.course_redemption !== undefined
}

/** The distinct practitioners of a draft, in the order they appear. */
export function draftPractitioners(draft: DraftInvoice): string[] {
  const names: string[] = []
  for (const item of draft.items) {
    if (item.practitioner_name && !names.includes(item.practitioner_name)) names.push(item.practitioner_name)
  }
  return names
}
