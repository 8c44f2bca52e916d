// What the patient dialogs offer and send: the demographics both edit (PatientFields),
// option lists in the API's values, the consent decisions of a registration, and the
// edit form's rule for masked values.
import type { Schemas } from '@aesthetix/api-client'

export const SEXES: readonly Schemas['SexEnum'][] = ['female', 'male', 'other', 'unknown']
export const CHANNELS: readonly Schemas['PreferredChannelEnum'][] = ['sms', 'whatsapp', 'line', 'email', 'phone']
export const CONSENT_CHANNELS: readonly Schemas['ChannelEnum'][] = ['in_person', 'paper', 'portal', 'phone', 'message']
/** The patient's language, each named in itself (the server's `LanguageEnum`). */
export const LANGUAGES: readonly { code: Schemas['LanguageEnum']; name: string }[] = [
  { code: 'th', name: 'ไทย' },
  { code: 'en', name: 'English' },
  { code: 'pt-br', name: 'Português (Brasil)' },
  { code: 'ar', name: 'العربية' },
]

/** A patient's language by default: the clinic's (`pt-BR` → `pt-br`), else English. */
export function languageOfClinic(locale: string | undefined): Schemas['LanguageEnum'] {
  const code = (locale ?? '').toLowerCase()
  return LANGUAGES.find((language) => language.code === code)?.code ?? 'en'
}

/** The demographics of the patient dialogs, in the API's names. A registration adds the
 *  national ID, a correction the other phone: PatientFields shows the fields its form holds. */
export interface Demographics {
  given_name: string
  family_name: string
  birth_date: string
  sex: Schemas['SexEnum']
  phone: string
  phone_alt?: string
  email: string
  address: string
  national_id?: string
  preferred_language: Schemas['LanguageEnum']
  preferred_channel: Schemas['PreferredChannelEnum']
  referral_source: string
}

/** The error summary's name of each field a patient dialog sends: its input's label. */
export function demographicsLabels(t: (key: string) => string): Record<string, string> {
  return {
    given_name: t('patientForm.givenName'),
    family_name: t('patientForm.familyName'),
    birth_date: t('patientForm.birthDate'),
    sex: t('patientForm.sex'),
    phone: t('patientForm.phone'),
    phone_alt: t('patientForm.phoneAlt'),
    email: t('patientForm.email'),
    address: t('patientForm.address'),
    national_id: t('patientForm.nationalId'),
    national_id_country: t('patientForm.nationalId'),
    preferred_language: t('patientForm.language'),
    preferred_channel: t('patientForm.channel'),
    referral_source: t('patientForm.referral'),
  }
}

/** `none`: the purpose was not asked, so nothing is recorded for it. */
export type ConsentAnswer = Schemas['DecisionEnum'] | 'none'

/** The decisions to send with a registration: one per text the patient answered, naming
 *  the text they were read (withdrawals need none). */
export function consentDecisionsOf(
  texts: readonly Schemas['ConsentText'][],
  answers: Readonly<Record<string, ConsentAnswer>>,
  channel: Schemas['ChannelEnum'],
  evidence: string,
): Schemas['ConsentInputRequest'][] {
  return texts.flatMap((text) => {
    const answer = answers[text.purpose]
    if (!answer || answer === 'none') return []
    return [
      {
        purpose: text.purpose,
        decision: answer,
        channel,
        ...(evidence ? { evidence } : {}),
        ...(answer === 'granted' ? { text_id: text.id } : {}),
      },
    ]
  })
}

// The masks of core/masking.py: digits replaced by X (081-XXX-0101), or *** (e-mail, address).
const MASKED = /X{2,}|\*\*\*/

/** Whether the server sent `value` masked for the user's role. */
export function isMasked(value: string): boolean {
  return MASKED.test(value)
}

/** The contact fields a role may read masked. */
export const CONTACT_FIELDS = ['phone', 'phone_alt', 'email', 'address'] as const
export type ContactField = (typeof CONTACT_FIELDS)[number]

/** The contact values of `patient` the server sent masked, by field: an edit shows each as
 *  its input's placeholder, never as its value. */
export function maskedOf(patient: Readonly<Record<ContactField, string>>): Partial<Record<ContactField, string>> {
  return Object.fromEntries(CONTACT_FIELDS.filter((field) => isMasked(patient[field])).map((field) => [field, patient[field]]))
}

/** What an edit form starts from for a field the server sent as `value`: a masked value
 *  is never put in the input (it is shown as the placeholder) so it is not sent back. */
export function editStart(value: string): string {
  return isMasked(value) ? '' : value
}

/** The fields of `form` that differ from `start`: an edit sends only what was changed,
 *  so a value the role sees masked is never sent back, and an emptied masked field
 *  (left blank) keeps its value. */
export function changedFields<T extends Record<string, unknown>>(start: T, form: T, masked: ReadonlySet<string>): Partial<T> {
  const changed: Partial<T> = {}
  for (const key of Object.keys(form) as (keyof T & string)[]) {
    if (form[key] === start[key]) continue
    if (masked.has(key) && form[key] === '') continue
    changed[key] = form[key]
  }
  return changed
}
