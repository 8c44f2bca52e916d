import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import Module from './BillingModule.vue'

describe('the pos remote', () => {
  it('says its screens are not available yet', () => {
    const panel = mount(Module).get('[role="alert"]')
    expect(panel.text()).toContain('This module is not available yet.')
  })
})
