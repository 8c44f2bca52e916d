import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n } from '../i18n'
import AppLayout from './AppLayout.vue'

const page = (name: string) => ({ template: `<h1>${name}</h1>` })

async function render() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      {
        path: '/',
        component: AppLayout,
        children: [
          { path: 'calendar', name: 'calendar', component: page('calendar') },
          { path: 'patients', name: 'patients', component: page('patients') },
          { path: 'billing', name: 'billing', component: page('billing') },
        ],
      },
    ],
  })
  await router.push('/calendar')
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [router, i18n] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, router }
}

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
})
afterEach(() => {
  document.body.innerHTML = ''
})

describe('AppLayout drawer (phones and small tablets)', () => {
  it('opens from the menu button, which says what it controls, and moves focus into the menu', async () => {
    const { wrapper } = await render()
    const button = wrapper.get('[data-testid="nav-open"]')
    expect(button.attributes('aria-controls')).toBe('app-nav')
    expect(button.attributes('aria-expanded')).toBe('false')
    expect(wrapper.get('#app-nav').attributes('data-open')).toBe('false')
    expect(wrapper.find('[data-testid="nav-backdrop"]').exists()).toBe(false)

    await button.trigger('click')
    await flushPromises()
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(wrapper.get('#app-nav').attributes('data-open')).toBe('true')
    expect(wrapper.find('[data-testid="nav-backdrop"]').exists()).toBe(true)
    expect(document.activeElement?.textContent).toContain('Calendar')
    // The page behind is out of reach while the drawer is open.
    expect(wrapper.get('main').attributes('inert')).toBeDefined()
    expect(wrapper.get('header').attributes('inert')).toBeDefined()
    expect(document.body.classList.contains('overflow-hidden')).toBe(true)
  })

  it('closes on Escape and gives focus back to the menu button', async () => {
    const { wrapper } = await render()
    await wrapper.get('[data-testid="nav-open"]').trigger('click')
    await flushPromises()
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    await flushPromises()
    expect(wrapper.get('#app-nav').attributes('data-open')).toBe('false')
    expect(document.activeElement).toBe(wrapper.get('[data-testid="nav-open"]').element)
    expect(wrapper.get('main').attributes('inert')).toBeUndefined()
    expect(document.body.classList.contains('overflow-hidden')).toBe(false)
  })

  it('closes on a click on the backdrop and with its close button', async () => {
    const { wrapper } = await render()
    await wrapper.get('[data-testid="nav-open"]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid="nav-backdrop"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="nav-open"]').attributes('aria-expanded')).toBe('false')

    await wrapper.get('[data-testid="nav-open"]').trigger('click')
    await flushPromises()
    await wrapper.get('#app-nav button[aria-label="Close menu"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('#app-nav').attributes('data-open')).toBe('false')
  })

  it('closes when a link is followed, and focus goes to the new page', async () => {
    const { wrapper, router } = await render()
    await wrapper.get('[data-testid="nav-open"]').trigger('click')
    await flushPromises()
    const patients = wrapper.findAll('#app-nav a').find((link) => link.text() === 'Patients')!
    await patients.trigger('click')
    await flushPromises()
    expect(router.currentRoute.value.name).toBe('patients')
    expect(wrapper.get('main').text()).toBe('patients')
    expect(wrapper.get('#app-nav').attributes('data-open')).toBe('false')
    expect(document.activeElement).toBe(wrapper.get('main').element)
  })

  it('closes when the route changes by other means (back button)', async () => {
    const { wrapper, router } = await render()
    await wrapper.get('[data-testid="nav-open"]').trigger('click')
    await flushPromises()
    await router.push('/billing')
    await flushPromises()
    expect(wrapper.get('#app-nav').attributes('data-open')).toBe('false')
  })
})

describe('AppLayout sidebar (desktop)', () => {
  it('collapses to its icons, and this browser remembers it', async () => {
    const first = await render()
    const toggle = first.wrapper.get('[data-testid="nav-collapse"]')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    expect(toggle.attributes('aria-label')).toBe('Collapse sidebar')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    expect(toggle.attributes('aria-label')).toBe('Expand sidebar')
    expect(first.wrapper.get('#app-nav').classes()).toContain('lg:w-16')
    // The labels stay for screen readers and as tooltips.
    const link = first.wrapper.get('#app-nav a')
    expect(link.attributes('title')).toBe('Calendar')
    expect(link.get('span').classes()).toContain('lg:sr-only')
    expect(localStorage.getItem('aesthetix.sidebar-collapsed')).toBe('1')
    first.wrapper.unmount()

    const again = await render()
    expect(again.wrapper.get('[data-testid="nav-collapse"]').attributes('aria-expanded')).toBe('false')
    await again.wrapper.get('[data-testid="nav-collapse"]').trigger('click')
    expect(localStorage.getItem('aesthetix.sidebar-collapsed')).toBeNull()
    expect(again.wrapper.get('#app-nav').classes()).toContain('lg:w-56')
  })
})
