import { describe, expect, it } from 'vitest'
import { changedFields, consentDecisionsOf, editStart, isMasked, languageOfClinic, maskedOf } from './patientForm'

const text = (purpose: 'treatment' | 'marketing_messages' | 'clinical_photos', id: string) => ({
  id,
  purpose,
  locale: 'th',
  version: 1,
  title: purpose,
  body: '',
  created_at: '2026-01-01T00:00:00Z',
})

describe('patient form', () => {
  it('sends a decision per answered text, naming the text only for a grant', () => {
    const texts = [text('treatment', 't1'), text('marketing_messages', 't2'), text('clinical_photos', 't3')]
    const answers = { treatment: 'granted', marketing_messages: 'withdrawn', clinical_photos: 'none' } as const
    expect(consentDecisionsOf(texts, answers, 'paper', 'F-12')).toEqual([
      { purpose: 'treatment', decision: 'granted', channel: 'paper', evidence: 'F-12', text_id: 't1' },
      { purpose: 'marketing_messages', decision: 'withdrawn', channel: 'paper', evidence: 'F-12' },
    ])
  })

  it('never starts an edit from a masked value and sends only what changed', () => {
    expect(isMasked('081-XXX-0101')).toBe(true)
    expect(isMasked('p***@example.com')).toBe(true)
    expect(isMasked('081-555-0101')).toBe(false)
    const start = { phone: editStart('081-XXX-0101'), email: editStart('p***@example.com'), given_name: 'Ploy' }
    expect(start).toEqual({ phone: '', email: '', given_name: 'Ploy' })
    const masked = new Set(['phone', 'email'])
    expect(changedFields(start, { ...start }, masked)).toEqual({})
    expect(changedFields(start, { ...start, phone: '082-444-9999' }, masked)).toEqual({ phone: '082-444-9999' })
    // A full value the role may read and then clears is a change.
    expect(changedFields({ email: 'a@b.co' }, { email: '' }, new Set())).toEqual({ email: '' })
  })

  it('names the contact values the role reads masked, with what to show in their place', () => {
    const patient = { phone: '081-XXX-0101', phone_alt: '', email: 'ploy@example.com', address: '***' }
    expect(maskedOf(patient)).toEqual({ phone: '081-XXX-0101', address: '***' })
  })

  it('defaults the patient language to the clinic language', () => {
    expect(languageOfClinic('pt-BR')).toBe('pt-br')
    expect(languageOfClinic('th')).toBe('th')
    expect(languageOfClinic('de')).toBe('en')
  })
})
