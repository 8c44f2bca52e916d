import type { Schemas } from '@aesthetix/api-client'
import { describe, expect, it } from 'vitest'
import {
  decimalInput,
  languageName,
  languageOfLocale,
  materialErrorOf,
  templatesByLanguage,
  treatmentBody,
  treatmentDraftOf,
  wholeNumber,
} from './catalogForms'

const SERVICE: Schemas['Service'] = {
  id: 's1',
  name: 'Toxina glabela',
  category: 'neurotoxin',
  description: '',
  unit: 'area',
  price: '1200.50',
  currency: 'BRL',
  duration_minutes: 30,
  buffer_minutes: 10,
  requires_consent: true,
  contraindications: [],
  device_kind: '',
  follow_up_days: null,
  deposit_kind: 'percent',
  deposit_value: '20.00',
  deposit_amount: '240.10',
  is_active: true,
  materials: [
    { product: 'p1', product_name: 'Botox 100 U', product_unit: 'vial', registration_number: '80117580578', quantity: '0.250' },
  ],
  created_at: '2026-12-01T10:00:00Z',
}

describe('treatment form', () => {
  it('edits a treatment as it is and sends it back unchanged', () => {
    const draft = treatmentDraftOf(SERVICE)
    expect(draft.followUpDays).toBe('')
    expect(draft.materials).toEqual([{ productId: 'p1', quantity: '0.250' }])
    expect(treatmentBody(draft)).toEqual({
      name: 'Toxina glabela',
      category: 'neurotoxin',
      unit: 'area',
      price: '1200.50',
      duration_minutes: 30,
      buffer_minutes: 10,
      device_kind: '',
      follow_up_days: null,
      deposit_kind: 'percent',
      deposit_value: '20.00',
      requires_consent: true,
      materials: [{ product_id: 'p1', quantity: '0.250' }],
    })
  })

  it('sends no deposit value without a deposit, and drops material rows without a product', () => {
    const draft = { ...treatmentDraftOf(null), name: '  Peeling ', price: '350,5', followUpDays: '28 ' }
    draft.durationMinutes = '45'
    draft.depositValue = '99'
    draft.materials = [
      { productId: '', quantity: '1' },
      { productId: 'p2', quantity: '1,5' },
    ]
    const body = treatmentBody(draft)
    expect(body.name).toBe('Peeling')
    expect(body.price).toBe('350.5')
    expect(body.follow_up_days).toBe(28)
    expect(body.duration_minutes).toBe(45)
    expect(body.deposit_kind).toBe('')
    expect(body.deposit_value).toBe('0')
    expect(body.materials).toEqual([{ product_id: 'p2', quantity: '1.5' }])
  })

  it('reads decimals and whole numbers typed by hand, leaving the rest for the server', () => {
    expect(decimalInput(' 1 200.50 ')).toBe('1200.50')
    expect(decimalInput('1200,50')).toBe('1200.50')
    expect(decimalInput('1.200,50')).toBe('1.200,50')
    expect(wholeNumber(' 45 ')).toBe(45)
    expect(wholeNumber('4.5')).toBeNaN()
    expect(wholeNumber('')).toBeNaN()
    // NaN goes out as null: the server refuses it naming the field.
    expect(JSON.stringify({ duration_minutes: wholeNumber('x') })).toBe('{"duration_minutes":null}')
  })

  it('places a materials row error by row and field', () => {
    expect(materialErrorOf('materials.2.quantity')).toEqual({ row: 2, field: 'quantity' })
    expect(materialErrorOf('materials.0.product_id')).toEqual({ row: 0, field: 'product_id' })
    expect(materialErrorOf('materials')).toBeNull()
    expect(materialErrorOf('price')).toBeNull()
  })
})

describe('consent template languages', () => {
  it('names each language in itself and maps UI locales to template languages', () => {
    expect(languageName('pt-br')).toBe('Português (Brasil)')
    expect(languageName('pt-BR')).toBe('Português (Brasil)')
    expect(languageName('ar')).toBe('العربية')
    expect(languageName('fr')).toBe('fr')
    expect(languageOfLocale('pt-BR')).toBe('pt-br')
    expect(languageOfLocale('th')).toBe('th')
    expect(languageOfLocale('de')).toBe('en')
  })

  it('groups templates by language in the application order, keeping their order within', () => {
    const templates = [
      { id: 1, locale: 'th' },
      { id: 2, locale: 'en' },
      { id: 3, locale: 'fr' },
      { id: 4, locale: 'th' },
      { id: 5, locale: 'pt-br' },
    ]
    expect(templatesByLanguage(templates)).toEqual([
      { locale: 'en', templates: [{ id: 2, locale: 'en' }] },
      { locale: 'pt-br', templates: [{ id: 5, locale: 'pt-br' }] },
      { locale: 'th', templates: [{ id: 1, locale: 'th' }, { id: 4, locale: 'th' }] },
      { locale: 'fr', templates: [{ id: 3, locale: 'fr' }] },
    ])
  })
})
