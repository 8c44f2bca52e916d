// Pure helpers of Settings › Treatments and Settings › Consent templates: the form state of
// a treatment and the request body made of it, what the list shows of its materials, and
// the languages a consent template is written in.
import type { Schemas } from '@aesthetix/api-client'

type Service = Schemas['Service']
type Category = Schemas['ServiceCategoryEnum']
type Unit = Schemas['ServiceUnitEnum']
type DeviceKind = Schemas['DeviceKindEnum']
type DepositKind = Schemas['DepositKindEnum']
export type Language = Schemas['LanguageEnum']

export const CATEGORIES: Category[] = ['consultation', 'neurotoxin', 'filler', 'biostimulator', 'laser', 'energy', 'peel', 'skin']
export const UNITS: Unit[] = ['session', 'unit', 'ml', 'area']
export const DEVICE_KINDS: DeviceKind[] = ['laser', 'ipl', 'hifu', 'rf_microneedling', 'radiofrequency', 'cryolipolysis', 'other']
export const DEPOSIT_KINDS: DepositKind[] = ['fixed', 'percent']

/** The languages of the application, each named in itself (the same in every UI language). */
export const LANGUAGES: { value: Language; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'pt-br', label: 'Português (Brasil)' },
  { value: 'th', label: 'ไทย' },
  { value: 'ar', label: 'العربية' },
]

export function languageName(code: string): string {
  return LANGUAGES.find((language) => language.value === code.toLowerCase())?.label ?? code
}

/** The consent template language of a UI locale (`pt-BR` → `pt-br`), `en` for others. */
export function languageOfLocale(locale: string): Language {
  const code = locale.toLowerCase()
  return LANGUAGES.find((language) => language.value === code)?.value ?? 'en'
}

export interface MaterialRow {
  productId: string
  quantity: string
}

/** A treatment as the form edits it: text inputs hold strings, blanks mean "none". */
export interface TreatmentDraft {
  name: string
  category: Category
  unit: Unit
  price: string
  durationMinutes: string
  bufferMinutes: string
  deviceKind: DeviceKind | ''
  followUpDays: string
  depositKind: DepositKind | ''
  depositValue: string
  requiresConsent: boolean
  materials: MaterialRow[]
}

/** The form's starting state: a new treatment's defaults, or `service` as it is. */
export function treatmentDraftOf(service: Service | null): TreatmentDraft {
  if (!service) {
    return {
      name: '',
      category: 'consultation',
      unit: 'session',
      price: '',
      durationMinutes: '30',
      bufferMinutes: '0',
      deviceKind: '',
      followUpDays: '',
      depositKind: '',
      depositValue: '',
      requiresConsent: false,
      materials: [],
    }
  }
  return {
    name: service.name,
    category: service.category,
    unit: service.unit,
    price: service.price,
    durationMinutes: String(service.duration_minutes),
    bufferMinutes: String(service.buffer_minutes),
    deviceKind: service.device_kind,
    followUpDays: service.follow_up_days === null ? '' : String(service.follow_up_days),
    depositKind: service.deposit_kind,
    depositValue: service.deposit_kind ? service.deposit_value : '',
    requiresConsent: service.requires_consent,
    materials: service.materials.map((material) => ({ productId: material.product, quantity: material.quantity })),
  }
}

/**
 * A decimal typed by hand as the API reads it: spaces dropped and a lone decimal comma
 * (`"1200,50"`, as Brazil writes it) made a point. Anything else is left for the server
 * to refuse, naming the field.
 */
export function decimalInput(text: string): string {
  const value = text.replace(/\s/g, '')
  return /^\d*,\d+$/.test(value) ? value.replace(',', '.') : value
}

/** A whole number typed in a field; `NaN` (sent as `null`, refused by the server naming the field) when it is not one. */
export function wholeNumber(text: string): number {
  const value = text.trim()
  return /^\d+$/.test(value) ? Number(value) : Number.NaN
}

/**
 * The request body of a treatment: every field of the form, follow-up `null` when blank,
 * a deposit value only with a deposit kind, and the materials rows that name a product.
 */
export function treatmentBody(draft: TreatmentDraft): Schemas['ServiceInputRequest'] {
  return {
    name: draft.name.trim(),
    category: draft.category,
    unit: draft.unit,
    price: decimalInput(draft.price),
    duration_minutes: wholeNumber(draft.durationMinutes),
    buffer_minutes: draft.bufferMinutes.trim() ? wholeNumber(draft.bufferMinutes) : 0,
    device_kind: draft.deviceKind,
    follow_up_days: draft.followUpDays.trim() ? wholeNumber(draft.followUpDays) : null,
    deposit_kind: draft.depositKind,
    deposit_value: draft.depositKind ? decimalInput(draft.depositValue) : '0',
    requires_consent: draft.requiresConsent,
    materials: draft.materials
      .filter((row) => row.productId)
      .map((row) => ({ product_id: row.productId, quantity: decimalInput(row.quantity) })),
  }
}

/**
 * A field error of the API named after a materials row (`materials.2.quantity`) as the
 * form shows it next to that row: `{row: 2, field: 'quantity'}`; `null` for other fields.
 */
export function materialErrorOf(field: string): { row: number; field: string } | null {
  const match = /^materials\.(\d+)\.(\w+)$/.exec(field)
  return match ? { row: Number(match[1]), field: match[2] } : null
}

/** Templates grouped by language, in the order of `LANGUAGES` (others after, by code), each group in the order given. */
export function templatesByLanguage<T extends { locale: string }>(templates: T[]): { locale: string; templates: T[] }[] {
  const order = (code: string) => {
    const index = LANGUAGES.findIndex((language) => language.value === code)
    return index === -1 ? LANGUAGES.length : index
  }
  const groups = new Map<string, T[]>()
  for (const template of templates) groups.set(template.locale, [...(groups.get(template.locale) ?? []), template])
  return [...groups]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([locale, items]) => ({ locale, templates: items }))
}
