import { describe, expect, it } from 'vitest'
import { dayProblems, mondayToWeekdays, timeSteps, weekChanges, weekOf } from './workingHours'

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

describe('weekChanges', () => {
  it('keeps unchanged windows, deletes removed or changed ones and adds the new', () => {
    const saved = [row('a', 0, '09:00:00', '12:00:00'), row('b', 0, '13:00:00', '18:00:00'), row('c', 1, '09:00:00', '17:00:00')]
    const week = weekOf(saved)
    week[0]![1]!.end = '19:00' // changed
    week[1] = [] // removed
    week[3]!.push({ start: '10:00', end: '11:00' }) // new
    expect(weekChanges(saved, week)).toEqual({
      remove: ['b', 'c'],
      add: [
        { weekday: 0, start_time: '13:00', end_time: '19:00' },
        { weekday: 3, start_time: '10:00', end_time: '11:00' },
      ],
    })
  })

  it('changes nothing when the week is as saved', () => {
    const saved = [row('a', 4, '09:00:00', '12:00:00')]
    expect(weekChanges(saved, weekOf(saved))).toEqual({ remove: [], add: [] })
  })
})
