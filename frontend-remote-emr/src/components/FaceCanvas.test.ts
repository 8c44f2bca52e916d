import { mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import type { FacePoint } from '../faceChart'
import { annotationsParse, annotationsSerialize } from '../faceChart'
import FaceCanvas from './FaceCanvas.vue'

const PRODUCT = '11111111-1111-4111-8111-111111111111'
const LOT = '22222222-2222-4222-8222-222222222222'
const products = [{ id: PRODUCT, name: 'Botox 100U' }] as never
const lots = [{ id: LOT, product: PRODUCT, lot_number: 'C3709', expiry_date: '2027-06-30' }] as never

/** The canvas as laid out on a 400 × 500 px screen area at (10, 20). */
function layout(wrapper: VueWrapper) {
  const canvas = wrapper.get('canvas').element as HTMLCanvasElement
  canvas.getBoundingClientRect = () => ({ left: 10, top: 20, width: 400, height: 500 }) as DOMRect
}

function mountCanvas(points: FacePoint[] = []) {
  const wrapper = mount(FaceCanvas, {
    props: {
      points,
      products,
      lots,
      'onUpdate:points': (next: FacePoint[]) => wrapper.setProps({ points: next }),
    },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
    attachTo: document.body,
  })
  layout(wrapper)
  return wrapper
}

const current = (wrapper: VueWrapper) => (wrapper.props() as { points: FacePoint[] }).points

afterEach(() => {
  document.body.innerHTML = ''
})

describe('FaceCanvas', () => {
  it('places a point where the pointer goes down, normalized to the picture', async () => {
    const wrapper = mountCanvas()
    await wrapper.get('canvas').trigger('pointerdown', { clientX: 110, clientY: 145, pointerId: 1 })
    expect(current(wrapper)).toEqual([
      { x: 0.25, y: 0.25, product: PRODUCT, lot: null, units: '', unit: 'U', depth: 'intradermal' },
    ])
    expect(wrapper.get('[data-testid="face-point-editor"]').text()).toContain('Point 1')
  })

  it('gives the selected point a product, lot, amount and depth', async () => {
    const wrapper = mountCanvas()
    await wrapper.get('canvas').trigger('pointerdown', { clientX: 210, clientY: 270, pointerId: 1 })
    await wrapper.get('[data-testid="face-lot"]').setValue(LOT)
    await wrapper.get('[data-testid="face-units"]').setValue('4')
    await wrapper.get('[data-testid="face-depth"]').setValue('intramuscular')
    expect(current(wrapper)[0]).toMatchObject({ product: PRODUCT, lot: LOT, units: '4', depth: 'intramuscular' })
  })

  it('drags a point to a new place and does not add another', async () => {
    const wrapper = mountCanvas([{ x: 0.5, y: 0.5, product: PRODUCT, lot: LOT, units: '2', unit: 'U', depth: 'intradermal' }])
    const canvas = wrapper.get('canvas')
    await canvas.trigger('pointerdown', { clientX: 213, clientY: 268, pointerId: 1 }) // within the hit radius of (210, 270)
    await canvas.trigger('pointermove', { clientX: 310, clientY: 395, pointerId: 1 })
    await canvas.trigger('pointerup', { pointerId: 1 })
    await canvas.trigger('pointermove', { clientX: 50, clientY: 50, pointerId: 1 }) // no longer dragging
    expect(current(wrapper)).toHaveLength(1)
    expect(current(wrapper)[0]).toMatchObject({ x: 0.75, y: 0.75, lot: LOT, units: '2' })
  })

  it('keeps points inside the picture when dragged past its edge', async () => {
    const wrapper = mountCanvas([{ x: 0.1, y: 0.1, product: null, lot: null, units: '', unit: 'U', depth: 'intradermal' }])
    const canvas = wrapper.get('canvas')
    await canvas.trigger('pointerdown', { clientX: 50, clientY: 70, pointerId: 1 })
    await canvas.trigger('pointermove', { clientX: -100, clientY: 900, pointerId: 1 })
    expect(current(wrapper)[0]).toMatchObject({ x: 0, y: 1 })
  })

  it('works from the keyboard: add, move, select and delete', async () => {
    const wrapper = mountCanvas()
    const canvas = wrapper.get('canvas')
    await canvas.trigger('keydown', { key: 'Enter' })
    await canvas.trigger('keydown', { key: 'ArrowRight' })
    await canvas.trigger('keydown', { key: 'ArrowUp', shiftKey: true })
    expect(current(wrapper)[0]).toMatchObject({ x: 0.51, y: 0.45 })
    await canvas.trigger('keydown', { key: 'Enter' })
    await canvas.trigger('keydown', { key: 'n' }) // wraps round to the first point
    await canvas.trigger('keydown', { key: 'Delete' })
    expect(current(wrapper)).toEqual([expect.objectContaining({ x: 0.5, y: 0.5 })])
  })

  it('zooms without moving the points off their place on the picture', async () => {
    const wrapper = mountCanvas([{ x: 0.3, y: 0.6, product: null, lot: null, units: '', unit: 'U', depth: 'intradermal' }])
    await wrapper.get('canvas').trigger('keydown', { key: '+' })
    expect(wrapper.get('[data-testid="face-zoom"]').text()).toBe('150%')
    expect(wrapper.get('canvas').attributes('width')).toBe('720')
    expect(current(wrapper)[0]).toMatchObject({ x: 0.3, y: 0.6 })
  })

  it('serializes to the API shape and reloads exactly the same points', async () => {
    const wrapper = mountCanvas()
    const canvas = wrapper.get('canvas')
    await canvas.trigger('pointerdown', { clientX: 110, clientY: 120, pointerId: 1 })
    await wrapper.get('[data-testid="face-lot"]').setValue(LOT)
    await wrapper.get('[data-testid="face-units"]').setValue('2.5')
    await canvas.trigger('pointerdown', { clientX: 333, clientY: 401, pointerId: 2 })
    const saved = JSON.parse(JSON.stringify(annotationsSerialize(current(wrapper))))
    expect(saved).toEqual({
      points: [
        { x: 0.25, y: 0.2, product: PRODUCT, lot: LOT, units: '2.5', unit: 'U', depth: 'intradermal' },
        // A new point takes the previous point's product, lot, amount and depth.
        { x: 0.8075, y: 0.762, product: PRODUCT, lot: LOT, units: '2.5', unit: 'U', depth: 'intradermal' },
      ],
    })
    const reloaded = mountCanvas(annotationsParse(saved))
    expect(current(reloaded)).toEqual(current(wrapper))
    expect(reloaded.findAll('[data-testid^="face-point-"]').filter((b) => b.element.tagName === 'BUTTON')).toHaveLength(2)
  })

  it('leaves out an empty amount rather than sending a value the server refuses', () => {
    const body = annotationsSerialize([{ x: 0, y: 1, product: null, lot: null, units: '', unit: 'ml', depth: 'subdermal' }])
    expect(body.points[0]).not.toHaveProperty('units')
  })

  it('changes nothing when disabled', async () => {
    const wrapper = mountCanvas()
    await wrapper.setProps({ disabled: true })
    await wrapper.get('canvas').trigger('pointerdown', { clientX: 110, clientY: 145, pointerId: 1 })
    await wrapper.get('canvas').trigger('keydown', { key: 'Enter' })
    expect(current(wrapper)).toEqual([])
  })
})
