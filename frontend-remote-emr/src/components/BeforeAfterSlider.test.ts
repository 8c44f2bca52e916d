import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import BeforeAfterSlider from './BeforeAfterSlider.vue'

function slider() {
  return mount(BeforeAfterSlider, {
    props: { before: '/b.jpg', after: '/a.jpg', label: 'Front' },
    global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
  })
}

describe('BeforeAfterSlider', () => {
  it('uncovers the after photo up to the slider', async () => {
    const wrapper = slider()
    expect(wrapper.get('[data-testid="compare-after"]').attributes('style')).toContain('inset(0 0 0 50%)')
    await wrapper.get('[data-testid="compare-range"]').setValue('20')
    expect(wrapper.get('[data-testid="compare-after"]').attributes('style')).toContain('inset(0 0 0 20%)')
  })

  it('shows both photos side by side on request', async () => {
    const wrapper = slider()
    await wrapper.get('[data-testid="compare-side"]').trigger('click')
    expect(wrapper.find('[data-testid="compare-range"]').exists()).toBe(false)
    expect(wrapper.findAll('img').map((img) => img.attributes('src'))).toEqual(['/b.jpg', '/a.jpg'])
  })
})
