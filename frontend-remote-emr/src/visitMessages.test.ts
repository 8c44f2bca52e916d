import { describe, expect, it } from 'vitest'
import { visitCompletable, visitMessages } from './visitMessages'

describe('completing a visit', () => {
  it('waits for every session to be completed or skipped', () => {
    expect(visitCompletable([{ status: 'completed' }, { status: 'cancelled' }])).toBe(true)
    expect(visitCompletable([{ status: 'completed' }, { status: 'in_progress' }])).toBe(false)
    expect(visitCompletable([{ status: 'planned' }])).toBe(false)
    expect(visitCompletable([])).toBe(true) // a visit where nothing was done closes with nothing to bill
  })

  it('has every text in every language', () => {
    const keys = Object.keys(visitMessages.en.visitEnd).sort()
    for (const messages of Object.values(visitMessages)) expect(Object.keys(messages.visitEnd).sort()).toEqual(keys)
  })
})
