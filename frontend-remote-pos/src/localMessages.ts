/** The languages every message file of the POS fills. */
export type Locale = 'en' | 'pt-BR' | 'th' | 'ar'

/** Two message files as one local vue-i18n scope (a component has one): `b`'s texts
 *  merged into `a`'s, language by language. */
export function messagesMerged<A extends object, B extends object>(
  a: Record<Locale, A>,
  b: Record<Locale, B>,
): Record<Locale, A & B> {
  return {
    en: { ...a.en, ...b.en },
    'pt-BR': { ...a['pt-BR'], ...b['pt-BR'] },
    th: { ...a.th, ...b.th },
    ar: { ...a.ar, ...b.ar },
  }
}
