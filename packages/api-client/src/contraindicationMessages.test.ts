import { describe, expect, it } from 'vitest'
import { contraindicationMessages } from './contraindicationMessages'

describe('contraindicationMessages', () => {
  it('names every code in each language, inside the line of its alert', () => {
    const codes = Object.keys(contraindicationMessages.en.codes).sort()
    for (const [locale, messages] of Object.entries(contraindicationMessages)) {
      expect(messages.item, locale).toContain('{label}')
      expect(Object.keys(messages.codes).sort(), locale).toEqual(codes)
      expect(Object.values(messages.codes).filter((name) => !name.trim()), locale).toEqual([])
    }
  })
})
