import { describe, expect, it } from 'vitest'
import { DARK_TEXT, LIGHT_TEXT, colourOrNull, contrastRatio, readableTextColour, relativeLuminance } from './practitionerColours'

describe('practitioner colours', () => {
  it('measures luminance and contrast as WCAG defines them', () => {
    expect(relativeLuminance('#000000')).toBe(0)
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 6)
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6)
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
  })

  it('puts dark ink on light colours and white on dark ones', () => {
    expect(readableTextColour('#fde68a')).toBe(DARK_TEXT) // pale amber
    expect(readableTextColour('#FFFF00')).toBe(DARK_TEXT) // yellow
    expect(readableTextColour('#1e3a8a')).toBe(LIGHT_TEXT) // navy
    expect(readableTextColour('#7c3aed')).toBe(LIGHT_TEXT) // violet
  })

  it('always reaches the contrast of large text, and body text where either ink can', () => {
    for (let grey = 0; grey <= 255; grey += 5) {
      const hex = `#${grey.toString(16).padStart(2, '0').repeat(3)}`
      expect(contrastRatio(hex, readableTextColour(hex))).toBeGreaterThanOrEqual(4.5)
    }
    for (const hex of ['#ff0000', '#00ff00', '#0000ff', '#33817f', '#e11d48', '#f97316']) {
      expect(contrastRatio(hex, readableTextColour(hex))).toBeGreaterThanOrEqual(3)
    }
  })

  it('accepts only #RRGGBB', () => {
    expect(colourOrNull(' #A1B2C3 ')).toBe('#a1b2c3')
    expect(colourOrNull('')).toBeNull()
    expect(colourOrNull(null)).toBeNull()
    expect(colourOrNull('#abc')).toBeNull()
    expect(colourOrNull('red')).toBeNull()
    expect(() => relativeLuminance('blue')).toThrow()
  })
})
