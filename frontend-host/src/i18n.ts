import { session } from '@aesthetix/api-client'
import { createI18n } from 'vue-i18n'
import type { Messages } from './locales/en'

export const LOCALES = [
  { code: 'en', label: 'English', dir: 'ltr' },
  { code: 'pt-BR', label: 'Português (Brasil)', dir: 'ltr' },
  { code: 'th', label: 'ไทย', dir: 'ltr' },
  { code: 'ar', label: 'العربية', dir: 'rtl' },
] as const
export type LocaleCode = (typeof LOCALES)[number]['code']

const STORAGE_KEY = 'aesthetix.locale'

/** The language saved on this browser, else English. */
export function initialLocale(): LocaleCode {
  const saved = localStorage.getItem(STORAGE_KEY)
  return LOCALES.some((l) => l.code === saved) ? (saved as LocaleCode) : 'en'
}

// Each language's texts are a chunk of their own, fetched when first chosen, so the login
// page carries only the language it shows. English too: every language translates every
// text of the shell (each is a `Messages`), so none needs English to fall back on.
const loaders: Record<LocaleCode, () => Promise<{ default: Messages }>> = {
  en: () => import('./locales/en'),
  'pt-BR': () => import('./locales/pt-BR'),
  th: () => import('./locales/th'),
  ar: () => import('./locales/ar'),
}
const loaded = new Map<LocaleCode, Promise<void>>()
let chosen: LocaleCode = 'en'

export const i18n = createI18n<[Messages], LocaleCode, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: {} as Record<LocaleCode, Messages>,
})

/** Fetches the shell's texts of `code` once; a failed fetch rejects and is tried again on
 *  the next call. */
export function localeLoad(code: LocaleCode): Promise<void> {
  let done = loaded.get(code)
  if (!done) {
    done = loaders[code]().then(
      (module) => i18n.global.setLocaleMessage(code, module.default),
      (error: unknown) => {
        loaded.delete(code)
        throw error
      },
    )
    loaded.set(code, done)
  }
  return done
}

/** Switches the language of every app on the page and of the server's answers
 *  (the api-client's `Accept-Language`); Arabic turns the whole layout RTL. Resolves once
 *  the language's texts are loaded and shown; rejects (the language unchanged) when they
 *  could not be fetched. */
export async function localeApply(code: LocaleCode): Promise<void> {
  chosen = code
  await localeLoad(code)
  // A language chosen meanwhile wins over one whose texts arrived later.
  if (chosen !== code) return
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
