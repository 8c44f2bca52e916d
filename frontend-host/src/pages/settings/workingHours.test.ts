import { describe, expect, it } from 'vitest'
import { dayProblems, mondayToWeekdays, timeSteps, weekOf, weekWindows } from './workingHours'

const row = (id: string, weekday: number, start: string, end: string) => ({ id, weekday, start_time: start, end_time: end })

describe('timeSteps', () => {
  it('lists the day in 15-minute steps', () => {
    const steps = timeSteps()
    expect(steps).toHaveLength(96)
    expect(steps.slice(0, 3)).toEqual(['00:00', '00:15', '00:30'])
    expect(steps.at(-1)).toBe('23:45')
  })
})

describe('weekOf', () => {
  it('groups the rows by weekday in start order, without seconds', () => {
    const week = weekOf([row('b', 0, '13:00:00', '18:00:00'), row('a', 0, '09:00:00', '12:00:00'), row('c', 6, '10:00', '14:00')])
    expect(week[0]).toEqual([
      { id: 'a', start: '09:00', end: '12:00' },
      { id: 'b', start: '13:00', end: '18:00' },
    ])
    expect(week[6]).toEqual([{ id: 'c', start: '10:00', end: '14:00' }])
    expect(week.slice(1, 6).every((day) => day.length === 0)).toBe(true)
  })
})

describe('dayProblems', () => {
  it('accepts a day with a break and windows that only touch', () => {
    expect(dayProblems([{ start: '09:00', end: '12:00' }, { start: '12:00', end: '18:00' }])).toEqual({})
  })

  it('names a window that does not end after it starts', () => {
    expect(dayProblems([{ start: '12:00', end: '12:00' }, { start: '14:00', end: '13:00' }])).toEqual({ 0: 'order', 1: 'order' })
  })

  it('names the later of two overlapping windows', () => {
    expect(dayProblems([{ start: '09:00', end: '13:00' }, { start: '12:00', end: '18:00' }, { start: '19:00', end: '20:00' }])).toEqual({
      1: 'overlap',
    })
  })
})

describe('mondayToWeekdays', () => {
  it("copies Monday's windows to Tuesday…Friday and keeps the weekend", () => {
    const week = weekOf([row('a', 0, '09:00', '12:00'), row('b', 0, '13:00', '18:00'), row('c', 2, '08:00', '10:00'), row('d', 5, '10:00', '14:00')])
    const copied = mondayToWeekdays(week)
    for (const weekday of [1, 2, 3, 4]) {
      expect(copied[weekday]).toEqual([
        { start: '09:00', end: '12:00' },
        { start: '13:00', end: '18:00' },
      ])
    }
    expect(copied[0]).toBe(week[0])
    expect(copied[5]).toEqual([{ id: 'd', start: '10:00', end: '14:00' }])
    expect(copied[6]).toEqual([])
  })
})

describe('weekWindows', () => {
  it('lists every window of the week, Monday first, as the API takes them', () => {
    const week = weekOf([row('a', 3, '09:00:00', '12:00:00'), row('b', 0, '13:00:00', '18:00:00'), row('c', 0, '08:00:00', '12:00:00')])
    expect(weekWindows(week)).toEqual([
      { weekday: 0, start_time: '08:00', end_time: '12:00' },
      { weekday: 0, start_time: '13:00', end_time: '18:00' },
      { weekday: 3, start_time: '09:00', end_time: '12:00' },
    ])
    expect(weekWindows(weekOf([]))).toEqual([])
  })
})
