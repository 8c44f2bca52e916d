import { describe, expect, it } from 'vitest'
import { entryOf, messageGroups, textInsert } from './messageTemplates'
import type { Entry } from './messageTemplates'

function entry(key: string, channel: Entry['channel'], language: string, worded = false): Entry {
  return {
    id: worded ? `${key}-${channel}-${language}` : null,
    key,
    channel,
    language,
    placeholders: ['clinic_name'],
    must_keep: [],
    standard: { subject: 's', body: 'b' },
    custom: worded ? { id: `${key}-${channel}-${language}`, subject: '', body: 'x', updated_at: '2026-12-06T10:00:00Z' } : null,
  }
}

const entries = [
  entry('appointment.reminder', 'sms', 'th', true),
  entry('appointment.reminder', 'sms', 'en', true),
  entry('appointment.reminder', 'email', 'en'),
  entry('invoice.link', 'whatsapp', 'ar', true),
]

describe('messageGroups', () => {
  it('groups rows by message in the order given, with the worded languages of each channel', () => {
    expect(messageGroups(entries)).toEqual([
      { key: 'appointment.reminder', channels: ['sms', 'email'], worded: { sms: ['en', 'th'] } },
      { key: 'invoice.link', channels: ['whatsapp'], worded: { whatsapp: ['ar'] } },
    ])
  })

  it('has no groups without rows', () => {
    expect(messageGroups([])).toEqual([])
  })
})

describe('entryOf', () => {
  it('finds the row of a message, channel and language', () => {
    expect(entryOf(entries, 'invoice.link', 'whatsapp', 'ar')?.custom?.id).toBe('invoice.link-whatsapp-ar')
    expect(entryOf(entries, 'invoice.link', 'sms', 'ar')).toBeUndefined()
  })
})

describe('textInsert', () => {
  it('replaces the selection and puts the caret after the placeholder', () => {
    expect(textInsert('Hi there', 3, 8, '{patient_name}')).toEqual({ text: 'Hi {patient_name}', caret: 17 })
  })

  it('inserts at the caret when nothing is selected', () => {
    expect(textInsert('ab', 1, 1, '{x}')).toEqual({ text: 'a{x}b', caret: 4 })
  })
})
