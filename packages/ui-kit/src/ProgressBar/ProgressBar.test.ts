import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { ProgressBar } from '.'

describe('ProgressBar', () => {
  it('exposes its value to assistive technology', () => {
    const bar = mount(ProgressBar, { props: { label: 'Export', value: 30, max: 60 } }).get('[role="progressbar"]')
    expect(bar.attributes()).toMatchObject({
      'aria-label': 'Export',
      'aria-valuemin': '0',
      'aria-valuemax': '60',
      'aria-valuenow': '30',
      'aria-valuetext': '50%',
    })
    expect(bar.get('div').attributes('style')).toContain('width: 50%')
  })

  it('clamps values outside the range', () => {
    const bar = mount(ProgressBar, { props: { label: 'Export', value: 250 } })
    expect(bar.get('[role="progressbar"]').attributes('aria-valuetext')).toBe('100%')
  })

  it('is indeterminate without a value', () => {
    const bar = mount(ProgressBar, { props: { label: 'Export' } }).get('[role="progressbar"]')
    expect(bar.attributes('aria-valuenow')).toBeUndefined()
    expect(bar.get('div').classes()).toContain('animate-pulse')
  })
})
