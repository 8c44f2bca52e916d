import { session } from '@aesthetix/api-client'
import { describe, expect, it } from 'vitest'
import { i18n, localeApply } from './i18n'
import ar from './locales/ar'
import en from './locales/en'
import ptBR from './locales/pt-BR'
import th from './locales/th'

function keys(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'object' ? keys(inner as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

describe('languages', () => {
  it('fetch the texts of a language only when it is first chosen', async () => {
    // English only: the setup loaded it, as the app does before it mounts.
    expect(i18n.global.availableLocales).toEqual(['en'])
    await localeApply('th')
    expect(i18n.global.availableLocales).toContain('th')
    expect(i18n.global.t('nav.calendar')).toBe(th.nav.calendar)
    await localeApply('en')
    expect(i18n.global.t('nav.calendar')).toBe(en.nav.calendar)
  })

  it('translate every text of the shell', () => {
    for (const messages of [ptBR, th, ar]) expect(keys(messages)).toEqual(keys(en))
  })

  it('show the language chosen last when an earlier choice arrives later', async () => {
    const arabic = localeApply('ar')
    await localeApply('en')
    await arabic
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
  })

  it('turn the whole page right-to-left for Arabic only', async () => {
    await localeApply('ar')
    expect(document.documentElement.dir).toBe('rtl')
    expect(document.documentElement.lang).toBe('ar')
    expect(i18n.global.t('nav.calendar')).toBe('التقويم')
    await localeApply('th')
    expect(document.documentElement.dir).toBe('ltr')
    expect(localStorage.getItem('aesthetix.locale')).toBe('th')
  })

  it("make the server answer in the chosen language (the api-client's Accept-Language)", async () => {
    await localeApply('pt-BR')
    expect(session.language).toBe('pt-BR')
    await localeApply('ar')
    expect(session.language).toBe('ar')
  })
})
