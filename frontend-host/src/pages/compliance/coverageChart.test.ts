import { describe, expect, it } from 'vitest'
import { coverageChartOption } from './coverageChart'

interface Plain {
  xAxis: { type?: string; inverse?: boolean }
  yAxis: { type?: string; inverse?: boolean; position?: string; data?: string[] }
  legend: { left?: number; right?: number; align?: string; data?: string[] }
  series: { id: string; stack?: string; data: number[] }[]
}

describe('coverageChartOption', () => {
  const input = {
    labels: ['Treatment', 'Marketing messages'],
    series: [
      { id: 'granted', name: 'Granted', color: '#059669', values: [3, 1] },
      { id: 'withdrawn', name: 'Withdrawn', color: '#dc2626', values: [0, 2] },
    ],
  }
  const plain = (rtl: boolean) => coverageChartOption({ ...input, rtl }) as unknown as Plain

  it('stacks the decisions of each purpose, names on the left, first purpose on top', () => {
    const option = plain(false)
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, position: 'left', data: input.labels })
    expect(option.xAxis).toMatchObject({ type: 'value', inverse: false })
    expect(option.legend).toMatchObject({ left: 0, data: ['Granted', 'Withdrawn'] })
    expect(option.series.map((s) => [s.id, s.stack, s.data])).toEqual([
      ['granted', 'standing', [3, 1]],
      ['withdrawn', 'standing', [0, 2]],
    ])
  })

  it('mirrors bars, names and legend right to left', () => {
    const option = plain(true)
    expect(option.xAxis).toMatchObject({ inverse: true })
    expect(option.yAxis).toMatchObject({ position: 'right', inverse: true })
    expect(option.legend).toMatchObject({ right: 0, align: 'right', data: ['Withdrawn', 'Granted'] })
    expect(option.legend.left).toBeUndefined()
  })
})
