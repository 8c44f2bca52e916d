import { describe, expect, it } from 'vitest'
import { anvisaDigits, anvisaShow, belowReorderPoint, courseRowProblems, decimalTrim, registrationProblem, sessionsTotal, taxRateValid } from './catalog'

describe('registration numbers', () => {
  it('drops the separators people type', () => {
    expect(anvisaDigits(' 1.0295.0123.001-2 ')).toBe('1029501230012')
  })
  it('takes 13 digits (medicines) or 11 (health products) in Brazil', () => {
    expect(registrationProblem('BR', '1.0295.0123.001-2', 'medical_supply')).toBeNull()
    expect(registrationProblem('BR', '8011.758.0578', 'retail')).toBeNull()
    expect(registrationProblem('BR', '102950123001', 'retail')).toBe('digits')
    expect(registrationProblem('BR', '1029501230A12', 'retail')).toBe('digits')
  })
  it('asks a Brazilian medical supply for one, a retail product not', () => {
    expect(registrationProblem('BR', ' ', 'medical_supply')).toBe('required')
    expect(registrationProblem('BR', '', 'retail')).toBeNull()
  })
  it('leaves other countries to the label', () => {
    expect(registrationProblem('TH', '1C 15/50', 'medical_supply')).toBeNull()
    expect(registrationProblem('SA', '', 'medical_supply')).toBeNull()
  })
  it('prints ANVISA digits as on the label', () => {
    expect(anvisaShow('1029501230012')).toBe('1.0295.0123.001-2')
    expect(anvisaShow('80117580578')).toBe('8011.758.0578')
    expect(anvisaShow('1C 15/50')).toBe('1C 15/50')
  })
})

describe('decimals in a form', () => {
  it('drops trailing zeros and never groups digits', () => {
    expect(decimalTrim('3.000')).toBe('3')
    expect(decimalTrim('2.500')).toBe('2.5')
    expect(decimalTrim('1000.000')).toBe('1000')
    expect(decimalTrim('100')).toBe('100')
  })
})

describe('reorder point', () => {
  it('flags stock at or under the point, never for a zero point', () => {
    expect(belowReorderPoint('4.000', '5.000')).toBe(true)
    expect(belowReorderPoint('5.000', '5.000')).toBe(true)
    expect(belowReorderPoint('5.500', '5.000')).toBe(false)
    expect(belowReorderPoint('0.000', '0.000')).toBe(false)
  })
})

describe('course treatments', () => {
  it('names the row without a treatment, the repeated one and bad sessions', () => {
    const rows = [
      { serviceId: 'a', sessions: 3 },
      { serviceId: null, sessions: 1 },
      { serviceId: 'a', sessions: 2 },
      { serviceId: 'b', sessions: 0 },
      { serviceId: 'c', sessions: 1.5 },
      { serviceId: 'd', sessions: 100 },
    ]
    expect(courseRowProblems(rows)).toEqual({ 1: 'service', 2: 'twice', 3: 'sessions', 4: 'sessions' })
  })
  it('adds the sessions up', () => {
    expect(sessionsTotal([{ sessions: 4 }, { sessions: 2 }, { sessions: Number.NaN }])).toBe(6)
  })
})

describe('tax rates', () => {
  it('takes a percent from 0 to 100 with two decimals at most', () => {
    for (const ok of ['0', '7', '7.5', '15.00', '100']) expect(taxRateValid(ok)).toBe(true)
    for (const bad of ['', '-1', '100.01', '7.125', 'abc', '1e2', '7,5']) expect(taxRateValid(bad)).toBe(false)
  })
})
