import { describe, expect, it } from 'vitest'
import { fileSize, runMoving, runProgress } from './reports'

describe('reports page logic', () => {
  it('polls only runs the worker has not finished', () => {
    expect(runMoving({ status: 'queued' })).toBe(true)
    expect(runMoving({ status: 'running' })).toBe(true)
    expect(runMoving({ status: 'done' })).toBe(false)
    expect(runMoving({ status: 'cancelled' })).toBe(false)
  })

  it('shows rows written out of rows counted, indeterminate before counting', () => {
    expect(runProgress({ status: 'queued', rows_done: 0, rows_total: 0 })).toEqual({ value: null, max: 1 })
    expect(runProgress({ status: 'running', rows_done: 0, rows_total: 0 })).toEqual({ value: null, max: 1 })
    expect(runProgress({ status: 'running', rows_done: 2000, rows_total: 8000 })).toEqual({ value: 2000, max: 8000 })
    expect(runProgress({ status: 'done', rows_done: 0, rows_total: 0 })).toEqual({ value: 1, max: 1 })
  })

  it('words file sizes in the locale', () => {
    expect(fileSize(512, 'en')).toBe('512 byte')
    expect(fileSize(2_500_000, 'en')).toBe('2.5 MB')
  })
})
