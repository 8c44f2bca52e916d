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

describe('BaseModal layout', () => {
  it('keeps the actions outside the scrolling body', async () => {
    open()
    await nextTick()
    const body = document.querySelector('[data-modal-body]')!
    const footer = document.querySelector('[data-modal-footer]')!
    expect(body.className).toContain('overflow-y-auto')
    expect(body.textContent).toContain('inside')
    expect(body.contains(footer)).toBe(false)
    expect(footer.textContent).toContain('Save')
  })

  it('fills the screen on phones and takes its width from sm up', async () => {
    open({ size: 'xl' })
    await nextTick()
    const panel = document.querySelector('[data-modal-panel]')!
    expect(panel.className).toContain('w-full')
    expect(panel.className).toContain('sm:max-w-4xl')
    expect(panel.className).not.toMatch(/(^|\s)max-w-/)
  })

  it('has a close button only when it is named, which emits close', async () => {
    const unnamed = open()
    await nextTick()
    expect(document.querySelector('[role="dialog"] button[aria-label]')).toBeNull()
    unnamed.unmount()
    const named = open({ closeLabel: 'Close dialog' })
    await nextTick()
    ;(document.querySelector('[aria-label="Close dialog"]') as HTMLButtonElement).click()
    expect(named.emitted('close')).toHaveLength(1)
  })
})
