/**
 * Colours of practitioners on the calendar: the clinic's `calendar_colour` (#RRGGBB, set
 * on Settings › Staff) as the background of their appointments and the accent of their
 * column, with a text colour chosen for contrast (WCAG 2.2, "contrast ratio" and
 * "relative luminance" definitions).
 */

const HEX = /^#([0-9a-f]{6})$/i
/** The two text colours offered: the ui's darkest ink (slate-950) and white: one of them always reaches 4.5:1. */
export const DARK_TEXT = '#020617'
export const LIGHT_TEXT = '#ffffff'

/** `colour` as `#rrggbb` when it is a well-formed #RRGGBB, else `null`. */
export function colourOrNull(colour: string | null | undefined): string | null {
  const match = HEX.exec((colour ?? '').trim())
  return match ? `#${match[1].toLowerCase()}` : null
}

/** WCAG relative luminance (0 black … 1 white) of a #RRGGBB colour. */
export function relativeLuminance(hex: string): number {
  const value = colourOrNull(hex)
  if (!value) throw new Error(`not a #RRGGBB colour: ${hex}`)
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(value.slice(at, at + 2), 16) / 255
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio (1 … 21) between two #RRGGBB colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

/** The text colour (dark ink or white) that contrasts most with `background`. */
export function readableTextColour(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT
}
