// Face-chart points: the model behind <FaceCanvas />. Coordinates are normalized to the
// picture (x: 0 left … 1 right, y: 0 top … 1 bottom) so a chart drawn on a tablet
// reloads on the same spot of a desktop screen; the shape follows the server's
// annotation schema (backend emr/charting.py).

export const DEPTHS = ['intradermal', 'subdermal', 'subcutaneous', 'supraperiosteal', 'intramuscular'] as const
export type Depth = (typeof DEPTHS)[number]
export type Unit = 'U' | 'ml'

export interface FacePoint {
  x: number
  y: number
  product: string | null
  lot: string | null
  /** Decimal string, e.g. "4" or "0.25" (server pattern: up to 4 digits, 2 decimals). */
  units: string
  unit: Unit
  depth: Depth
}

export interface Annotations {
  points: (Omit<FacePoint, 'units'> & { units?: string })[]
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value))
/** Four decimals: sub-pixel on a 4K photo, and a stable JSON round trip. */
const round4 = (value: number) => Math.round(value * 10000) / 10000

/** The normalized position of a pixel position inside a `width` × `height` box. */
export function pointNormalize(px: number, py: number, width: number, height: number): { x: number; y: number } {
  return { x: round4(clamp01(px / width)), y: round4(clamp01(py / height)) }
}

/** The pixel position of a normalized point in a `width` × `height` box. */
export function pointPixels(point: { x: number; y: number }, width: number, height: number): { px: number; py: number } {
  return { px: point.x * width, py: point.y * height }
}

/** The index of the point nearest to (px, py) within `radius` pixels, or -1. */
export function pointHit(points: FacePoint[], px: number, py: number, width: number, height: number, radius: number): number {
  let best = -1
  let bestDistance = radius
  points.forEach((point, index) => {
    const { px: x, py: y } = pointPixels(point, width, height)
    const distance = Math.hypot(x - px, y - py)
    if (distance <= bestDistance) {
      best = index
      bestDistance = distance
    }
  })
  return best
}

/** A point moved by (dx, dy) normalized units, kept inside the picture. */
export function pointMoved(point: FacePoint, dx: number, dy: number): FacePoint {
  return { ...point, x: round4(clamp01(point.x + dx)), y: round4(clamp01(point.y + dy)) }
}

/** The JSON body saved to the face-chart API. */
export function annotationsSerialize(points: FacePoint[]): Annotations {
  return {
    points: points.map(({ x, y, product, lot, units, unit, depth }) => ({
      x,
      y,
      product,
      lot,
      // The server wants a decimal string or no key at all.
      ...(units ? { units } : {}),
      unit,
      depth,
    })),
  }
}

/** The points of saved annotations; missing optional fields get the editor's defaults. */
export function annotationsParse(annotations: unknown): FacePoint[] {
  const points = (annotations as Partial<Annotations> | null)?.points
  if (!Array.isArray(points)) return []
  return points.map((p) => ({
    x: p.x,
    y: p.y,
    product: p.product ?? null,
    lot: p.lot ?? null,
    units: p.units ?? '',
    unit: p.unit ?? 'U',
    depth: p.depth ?? 'intradermal',
  }))
}
