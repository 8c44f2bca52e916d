// Pure logic of the consent-coverage chart: the ECharts option, mirrored for right-to-left
// languages the way the dashboard's charts are (dashboard/dashboard.ts). No Vue, no fetching.
import type { ChartOption } from '../dashboard/dashboard'

export interface CoverageSeries {
  id: string
  name: string
  color: string
  values: number[]
}

export interface CoverageChartInput {
  /** The purposes' names, first at the top. */
  labels: string[]
  /** Stacked in this order from the start side: granted, withdrawn, never answered. */
  series: CoverageSeries[]
  rtl: boolean
}

// Widest a purpose's name may be before it wraps (px).
const LABEL_WIDTH = 120

/** Horizontal stacked bars, one per purpose. Right to left, the bars grow from the right
 *  with the purposes' names on the right and the legend starts on the right (each icon
 *  after its name), so the chart reads like the page around it. */
export function coverageChartOption(input: CoverageChartInput): ChartOption {
  const { labels, series, rtl } = input
  const names = (reversed: boolean) => (reversed ? series.map((s) => s.name).reverse() : series.map((s) => s.name))
  return {
    animation: false,
    grid: { containLabel: true, left: 16, right: 16, top: 36, bottom: 8 },
    // ECharts lays legend items out left to right: reversed, the first one starts on the right.
    // Small keys, so the three names stay on one line above the bars on a phone (390 px).
    legend: {
      show: true,
      top: 0,
      [rtl ? 'right' : 'left']: 0,
      align: rtl ? 'right' : 'left',
      data: names(rtl),
      itemWidth: 14,
      itemHeight: 10,
      itemGap: 8,
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', inverse: rtl, position: 'bottom', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: labels,
      inverse: true,
      position: rtl ? 'right' : 'left',
      axisLabel: { width: LABEL_WIDTH, overflow: 'break', lineHeight: 14 },
    },
    series: series.map((s) => ({ id: s.id, name: s.name, type: 'bar', stack: 'standing', color: s.color, data: s.values, barMaxWidth: 28 })),
  }
}
