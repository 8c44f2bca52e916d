import { describe, expect, it } from 'vitest'
import type { ChartOption } from './dashboard'
import { barChartOption, busyRooms, changeIsGood, dayAdd, lastDays, lastMonth, monthToDate, periodChange, rangeDays, rowsQuery } from './dashboard'

describe('ranges', () => {
  it('takes the whole previous month, across a year end and a leap February', () => {
    expect(lastMonth('2026-12-06')).toEqual({ from: '2026-11-01', to: '2026-11-30' })
    expect(lastMonth('2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' })
    expect(lastMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })

  it('counts the last days with today and the month to date', () => {
    expect(lastDays('2026-12-06', 30)).toEqual({ from: '2026-11-07', to: '2026-12-06' })
    expect(monthToDate('2026-12-06')).toEqual({ from: '2026-12-01', to: '2026-12-06' })
    expect(rangeDays({ from: '2026-11-07', to: '2026-12-06' })).toBe(30)
    expect(rangeDays({ from: '2026-12-06', to: '2026-12-01' })).toBe(0)
    expect(dayAdd('2026-03-28', 2)).toBe('2026-03-30') // no daylight-saving drift
  })
})

describe('periodChange', () => {
  it('is the relative change against the previous period', () => {
    expect(periodChange('450.00', '300.00')).toEqual({ ratio: 0.5, direction: 'up' })
    expect(periodChange(2, 4)).toEqual({ ratio: -0.5, direction: 'down' })
    expect(periodChange('0.00', '0.00')).toEqual({ ratio: null, direction: 'flat' })
  })

  it('has no ratio without a previous amount, but still a direction', () => {
    expect(periodChange('10.00', '0.00')).toEqual({ ratio: null, direction: 'up' })
    expect(periodChange(null, '5.00')).toEqual({ ratio: null, direction: 'flat' })
  })

  it('calls a fall good news for costs and no-shows', () => {
    expect(changeIsGood(periodChange(3, 5), true)).toBe(true)
    expect(changeIsGood(periodChange(3, 5))).toBe(false)
    expect(changeIsGood(periodChange(5, 5))).toBeNull()
  })
})

// The option as plain data, to look into its parts.
interface Axis {
  type?: string
  inverse?: boolean
  position?: string
  data?: string[]
  axisLabel: { formatter: (v: number) => string }
}
interface Plain {
  xAxis: Axis
  yAxis: Axis
  legend: { show?: boolean; left?: number; right?: number }
  series: { id: string }[]
}
const plain = (option: ChartOption) => option as unknown as Plain

describe('barChartOption', () => {
  const input = {
    labels: ['1 Nov', '2 Nov'],
    series: [
      { id: 'cash', name: 'Cash received', values: [100, 200] },
      { id: 'revenue', name: 'Revenue', values: [90, 210] },
    ],
    format: (v: number) => `฿${v}`,
  }

  it('runs days left to right with the legend on the left', () => {
    const option = plain(barChartOption({ ...input, rtl: false }))
    expect(option.xAxis).toMatchObject({ type: 'category', inverse: false, data: ['1 Nov', '2 Nov'] })
    expect(option.yAxis).toMatchObject({ type: 'value', position: 'left' })
    expect(option.legend).toMatchObject({ show: true, left: 0 })
    expect(option.series.map((s) => s.id)).toEqual(['cash', 'revenue'])
    expect(option.yAxis.axisLabel.formatter(5)).toBe('฿5')
  })

  it('mirrors axes and legend right to left', () => {
    const option = plain(barChartOption({ ...input, rtl: true }))
    expect(option.xAxis).toMatchObject({ inverse: true })
    expect(option.yAxis).toMatchObject({ position: 'right' })
    expect(option.legend).toMatchObject({ right: 0 })
    expect(option.legend.left).toBeUndefined()
  })

  it('puts names on the start side of horizontal bars', () => {
    const ltr = plain(barChartOption({ ...input, rtl: false, horizontal: true }))
    const rtl = plain(barChartOption({ ...input, rtl: true, horizontal: true }))
    expect(ltr.yAxis).toMatchObject({ type: 'category', position: 'left' })
    expect(ltr.xAxis).toMatchObject({ type: 'value', inverse: false })
    expect(rtl.yAxis).toMatchObject({ position: 'right' })
    expect(rtl.xAxis).toMatchObject({ inverse: true })
  })

  it('hides the legend of a single series', () => {
    const option = plain(barChartOption({ ...input, series: [input.series[0]!], rtl: false }))
    expect(option.legend).toEqual({ show: false })
  })
})

describe('rowsQuery', () => {
  const base = { title: 'x', from: '2026-11-01', to: '2026-11-30', clinic: 'c1' }
  it('sends a sales drill its item or practitioner with the days', () => {
    expect(rowsQuery({ ...base, list: 'sales', kind: 'service', item: 'i1' }, 2, 20)).toEqual({
      page: 2,
      page_size: 20,
      clinic: 'c1',
      from: '2026-11-01',
      to: '2026-11-30',
      kind: 'service',
      item: 'i1',
    })
    expect(rowsQuery({ ...base, list: 'sales', kind: 'service' }, 1, 20)).not.toHaveProperty('kind')
  })

  it('sends lots no dates, and near_expiry only when asked', () => {
    expect(rowsQuery({ ...base, list: 'lots' }, 1, 20)).toEqual({ page: 1, page_size: 20, clinic: 'c1' })
    expect(rowsQuery({ ...base, list: 'lots', nearExpiry: true }, 1, 20)).toHaveProperty('near_expiry', true)
  })

  it('sends courses their state and usage its product', () => {
    expect(rowsQuery({ ...base, list: 'courses', state: 'breakage' }, 1, 20)).toMatchObject({ state: 'breakage', from: '2026-11-01' })
    expect(rowsQuery({ ...base, list: 'courses' }, 1, 20)).toMatchObject({ state: 'liability' })
    expect(rowsQuery({ ...base, list: 'usage', product: 'p1' }, 1, 20)).toMatchObject({ product: 'p1', to: '2026-11-30' })
  })
})

describe('busyRooms', () => {
  it('drops rooms neither open nor booked and puts the busiest first', () => {
    const rooms = [
      { name: 'B', booked_minutes: 60, available_minutes: 600, utilization: '0.1000' },
      { name: 'Closed', booked_minutes: 0, available_minutes: 0, utilization: null },
      { name: 'A', booked_minutes: 300, available_minutes: 600, utilization: '0.5000' },
    ]
    expect(busyRooms(rooms).map((r) => r.name)).toEqual(['A', 'B'])
  })
})
