import { session } from '@aesthetix/api-client'
import { createI18n } from 'vue-i18n'
import ar from './locales/ar'
import en from './locales/en'
import ptBR from './locales/pt-BR'
import th from './locales/th'

export const LOCALES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'pt-BR', label: 'Português (Brasil)', dir: 'ltr' },
  { code: 'th', label: 'ไทย', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
] as const
export type LocaleCode = (typeof LOCALES)[number]['code']

const STORAGE_KEY = 'aesthetix.locale'

function initialLocale(): LocaleCode {
  const saved = localStorage.getItem(STORAGE_KEY)
  return LOCALES.some((l) => l.code === saved) ? (saved as LocaleCode) : 'en'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'en',
  messages: { en, 'pt-BR': ptBR, th, ar },
})

/** Switches the language of every app on the page and of the server's answers
 *  (the api-client's `Accept-Language`); Arabic turns the whole layout RTL. */
export function localeApply(code: LocaleCode): void {
  i18n.global.locale.value = code
  session.setLanguage(code)
  localStorage.setItem(STORAGE_KEY, code)
  const dir = LOCALES.find((l) => l.code === code)?.dir ?? 'ltr'
  document.documentElement.lang = code
  document.documentElement.dir = dir
}

/** The server's language code (`LanguageEnum`: lower case, "pt-br") of a screen locale. */
export function serverLanguageOf(code: LocaleCode): 'en' | 'pt-br' | 'th' | 'ar' {
  return code === 'pt-BR' ? 'pt-br' : code
}

/** The screen locale of a server language code; English for one the screens lack. */
export function localeOfServer(language: string): LocaleCode {
  return LOCALES.find((l) => l.code.toLowerCase() === language.toLowerCase())?.code ?? 'en'
}
