// Products used in a treatment session: the rows the doctor records (taken out of stock
// on the server, lot by lot, so a lot recall finds the patient), prefilled from the lots
// charted on the face chart. Quantities are in the product's stock unit (a vial, a
// syringe); a face-chart amount is in U or ml, so it is shown next to the row, never
// converted.
import type { FacePoint } from './faceChart'

export interface UseRow {
  product: string
  /** Empty: the server takes the lot expiring first (FEFO). */
  lot: string
  /** Decimal string in the product's unit, e.g. "1" or "0.5". */
  quantity: string
  /** What the face chart says of this lot, e.g. "24 U"; empty for a row added by hand. */
  charted: string
}

export interface RecordedUse {
  product_id: string
  lot_id: string
}

/** One row per product and lot charted on the face chart and not recorded yet, in the
 *  order first charted, with the charted amounts summed per unit (quantity 1). */
export function rowsFromChart(points: FacePoint[], recorded: RecordedUse[]): UseRow[] {
  const done = new Set(recorded.map((use) => `${use.product_id}:${use.lot_id}`))
  const rows = new Map<string, { row: UseRow; amounts: Map<string, number> }>()
  for (const point of points) {
    if (!point.product || !point.lot) continue
    const key = `${point.product}:${point.lot}`
    if (done.has(key)) continue
    const entry = rows.get(key) ?? { row: { product: point.product, lot: point.lot, quantity: '1', charted: '' }, amounts: new Map() }
    const amount = Number(point.units)
    // Hundredths: the chart's own precision, no float residue in the sum.
    if (point.units && Number.isFinite(amount)) entry.amounts.set(point.unit, (entry.amounts.get(point.unit) ?? 0) + Math.round(amount * 100))
    rows.set(key, entry)
  }
  return [...rows.values()].map(({ row, amounts }) => ({
    ...row,
    charted: [...amounts].map(([unit, hundredths]) => `${hundredths / 100} ${unit}`).join(' + '),
  }))
}

/** A material the treatment normally uses (catalog `Service.materials`): product and
 *  decimal quantity in the product's stock unit. */
export interface UsualMaterial {
  product: string
  quantity: string
}

/** One row per material the treatment normally uses that can be picked here (`pickable`
 *  product ids) and is neither recorded on the session nor among the rows already in
 *  the form, at its usual quantity, the lot left to the server (first expiring). */
export function rowsFromMaterials(materials: UsualMaterial[], recorded: RecordedUse[], present: UseRow[], pickable: Set<string>): UseRow[] {
  const taken = new Set([...recorded.map((use) => use.product_id), ...present.map((row) => row.product)])
  return materials
    .filter((material) => pickable.has(material.product) && !taken.has(material.product))
    .map((material) => ({ product: material.product, lot: '', quantity: quantityShow(material.quantity), charted: '' }))
}

/** The body of `POST /api/v1/clinic/sessions/{id}/products`. */
export function productsBody(rows: UseRow[]): { products: { product_id: string; quantity: string; lot_id?: string }[] } {
  return {
    products: rows.map((row) => ({
      product_id: row.product,
      quantity: row.quantity.trim(),
      ...(row.lot ? { lot_id: row.lot } : {}),
    })),
  }
}

/** The server's messages about row `index` (fields `products.<i>.<field>`). */
export function rowErrors(fields: Record<string, string[]>, index: number): string[] {
  const prefix = `products.${index}.`
  return Object.entries(fields)
    .filter(([field]) => field.startsWith(prefix))
    .flatMap(([, messages]) => messages)
}

/** A server decimal without its trailing zeros ("1.000" -> "1", "0.250" -> "0.25"). */
export function quantityShow(decimal: string): string {
  return decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal
}
