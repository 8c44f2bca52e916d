import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { BaseModal } from '.'

afterEach(() => {
  document.body.innerHTML = ''
})

function open(props: Record<string, unknown> = {}) {
  return mount(BaseModal, {
    props: { open: true, title: 'Book appointment', description: 'Pick a slot', ...props },
    slots: { default: '<button>inside</button>', footer: '<button>Save</button>' },
    attachTo: document.body,
  })
}

describe('BaseModal', () => {
  it('renders a labelled modal dialog with its content and footer', async () => {
    open()
    await nextTick()
    const dialog = document.querySelector('[role="dialog"]')!
    expect(dialog.getAttribute('aria-modal')).toBe('true')
    const title = document.getElementById(dialog.getAttribute('aria-labelledby')!)
    expect(title?.textContent).toBe('Book appointment')
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toContain('Pick a slot')
    expect(dialog.textContent).toContain('Save')
  })

  it('renders nothing when closed', async () => {
    open({ open: false })
    await nextTick()
    expect(document.querySelector('[role="dialog"]')).toBeNull()
  })

  it('emits close on Escape', async () => {
    const wrapper = open()
    await nextTick()
    document.querySelector('[role="dialog"]')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    )
    await nextTick()
    expect(wrapper.emitted('close')).toHaveLength(1)
  })
})
