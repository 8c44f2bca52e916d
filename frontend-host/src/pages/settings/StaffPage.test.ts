import { session, useClinicContext } from '@aesthetix/api-client'
import { fakeApi, json } from '@aesthetix/api-client/testing'
import type { Route } from '@aesthetix/api-client/testing'
import { flushPromises, mount } from '@vue/test-utils'
import type { VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { i18n, localeApply } from '../../i18n'
import { useAuthStore } from '../../stores/auth'
import StaffPage from './StaffPage.vue'

type Row = {
  id: string
  user: { id: string; full_name: string; phone: string }
  role: string
  is_active: boolean
  specialty: string
  bio: string
  calendar_colour: string
  created_at: string
}
const member = (id: string, name: string, role: string, isActive = true): Row => ({
  id,
  user: { id: `u-${id}`, full_name: name, phone: `+6681555${id.padStart(4, '0')}` },
  role,
  is_active: isActive,
  specialty: '',
  bio: '',
  calendar_colour: '',
  created_at: '2026-01-05T03:00:00Z',
})
const lastOwner = {
  type: 'urn:aesthetix:problem:last_owner',
  title: 'Conflict',
  status: 409,
  detail: 'A clinic must keep at least one active owner.',
  code: 'last_owner',
}

/** The server's staff list, filtered by `role`, `is_active` and `search` as the API does,
 *  paged by two so that the page has a next one; PATCH changes the row. */
function staffServer(rows: Row[], role: string, patch: (row: Row, body: Partial<Row>) => Response | null = () => null) {
  const patches: Record<string, unknown>[] = []
  const staffList: Route = (request) => {
    const query = new URL(request.url).searchParams
    const chosen = rows.filter(
      (row) =>
        (!query.get('role') || row.role === query.get('role')) &&
        (!query.get('is_active') || String(row.is_active) === query.get('is_active')) &&
        (!query.get('search') || row.user.full_name.toLowerCase().includes(query.get('search')!.toLowerCase())),
    )
    const page = Number(query.get('page') ?? 1)
    const size = 3
    return json(200, {
      count: chosen.length,
      next: page * size < chosen.length ? `?page=${page + 1}` : null,
      previous: page > 1 ? `?page=${page - 1}` : null,
      results: chosen.slice((page - 1) * size, page * size),
    })
  }
  const seen = fakeApi({
    'POST /api/v1/auth/token': () =>
      json(200, { access: 'a', access_expires_at: '', user: { id: 'u-self' }, two_factor: { required: true, enrolled: true, verified: true } }),
    'GET /api/v1/users/me': () =>
      json(200, {
        user: { id: 'u-self', full_name: 'Self' },
        memberships: [{ id: 'm-self', clinic_id: 'c1', clinic_name: 'Bangkok', role }],
        two_factor: { required: true, enrolled: true, verified: true },
        permissions: ['staff.view', 'staff.manage'],
      }),
    'GET /api/v1/staff': staffList,
    ...Object.fromEntries(
      rows.map((row) => [
        `PATCH /api/v1/staff/${row.id}`,
        async (request: Request) => {
          const body = (await request.json()) as Partial<Row>
          patches.push(body)
          const refused = patch(row, body)
          if (refused) return refused
          Object.assign(row, body)
          return json(200, row)
        },
      ]),
    ),
  })
  return { seen, patches }
}

async function signedInMount(): Promise<VueWrapper> {
  await useAuthStore().login('+66811111111', 'secret-pass')
  const wrapper = mount(StaffPage, { global: { plugins: [i18n] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

const names = (wrapper: VueWrapper) => wrapper.findAll('tbody tr td:first-child bdi').map((cell) => cell.text())
async function pick(wrapper: VueWrapper, scope: string, label: string, option: string) {
  const buttons = wrapper.findAll(`${scope} button[aria-haspopup="listbox"]`)
  const button = buttons.find((b) => document.getElementById(b.attributes('aria-labelledby')!.split(' ')[0]!)?.textContent?.trim() === label)
  await button!.trigger('click')
  await flushPromises()
  const choice = [...document.body.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === option)
  expect(choice, `${option} in ${label}`).toBeTruthy()
  choice!.click()
  await flushPromises()
}

beforeEach(() => {
  setActivePinia(createPinia())
  localStorage.clear()
  i18n.global.locale.value = 'en'
})
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  session.setAccessToken(null)
  session.setClinicId(null)
  useClinicContext().clear()
  document.body.innerHTML = ''
})

describe('StaffPage', () => {
  it('filters by role, status and name, and pages when the server has more', async () => {
    const rows = [
      member('1', 'Anong Owner', 'owner'),
      member('2', 'Bee Doctor', 'doctor'),
      member('3', 'Chai Nurse', 'nurse', false),
      member('4', 'Dao Nurse', 'nurse'),
    ]
    const { seen } = staffServer(rows, 'owner')
    const wrapper = await signedInMount()
    expect(names(wrapper)).toEqual(['Anong Owner', 'Bee Doctor', 'Chai Nurse'])
    const pages = wrapper.get('[data-testid="staff-pages"]')
    await pages.findAll('button')[1]!.trigger('click')
    await flushPromises()
    expect(names(wrapper)).toEqual(['Dao Nurse'])
    expect(pages.text()).toContain('Page 2')

    await pick(wrapper, '[data-testid="staff-filters"]', 'Role', 'Nurse')
    expect(names(wrapper)).toEqual(['Chai Nurse', 'Dao Nurse'])
    expect(wrapper.find('[data-testid="staff-pages"]').exists()).toBe(false) // back on page 1, all of it
    await pick(wrapper, '[data-testid="staff-filters"]', 'Status', 'Inactive')
    expect(names(wrapper)).toEqual(['Chai Nurse'])

    vi.useFakeTimers()
    await wrapper.get('input[type="search"]').setValue('dao')
    await vi.advanceTimersByTimeAsync(400)
    await flushPromises()
    expect(wrapper.text()).toContain('No one matches these filters.')
    const asked = new URL(seen.at(-1)!.url).searchParams
    expect(Object.fromEntries(asked)).toEqual({ page: '1', page_size: '100', role: 'nurse', is_active: 'false', search: 'dao' })
    wrapper.unmount()
  })

  it('lets the owner change a role, keeps the last owner with the server saying why, deactivates after a warning and reactivates', async () => {
    const rows = [member('1', 'Anong Owner', 'owner'), member('2', 'Bee Doctor', 'doctor'), member('3', 'Chai Nurse', 'nurse', false)]
    const { patches } = staffServer(rows, 'owner', (row, body) => (row.role === 'owner' && body.is_active === false ? json(409, lastOwner) : null))
    const wrapper = await signedInMount()

    await wrapper.get('[data-testid="staff-edit-2"]').trigger('click')
    await flushPromises()
    const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!
    expect(dialog().textContent).toContain('Edit Bee Doctor')
    expect(dialog().textContent).toContain('signed out everywhere')
    const roleButton = dialog().querySelector<HTMLElement>('button[aria-haspopup="listbox"]')!
    roleButton.click()
    await flushPromises()
    const offered = [...document.body.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.textContent?.trim())
    expect(offered).toEqual(['Owner', 'Admin', 'Doctor', 'Nurse', 'Therapist', 'Receptionist', 'Cashier', 'Accountant', 'Assistant'])
    ;[...document.body.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent?.trim() === 'Admin')!.click()
    await flushPromises()
    dialog().querySelector<HTMLElement>('[data-testid="staff-role-save"]')!.click()
    await flushPromises()
    expect(patches.at(-1)).toEqual({ role: 'admin' })
    expect(document.body.querySelector('[role="dialog"]')).toBeNull()
    expect(wrapper.get('tbody').text()).toContain('Admin')

    await wrapper.get('[data-testid="staff-deactivate-1"]').trigger('click')
    await flushPromises()
    expect(dialog().textContent).toContain('signed out on every device at once')
    dialog().querySelector<HTMLElement>('[data-testid="staff-deactivate-confirm"]')!.click()
    await flushPromises()
    expect(dialog().querySelector('[role="alert"]')!.textContent).toContain('A clinic must keep at least one active owner.')
    expect(rows[0]!.is_active).toBe(true)
    dialog().querySelector<HTMLElement>('button')!.click() // Cancel
    await flushPromises()

    await wrapper.get('[data-testid="staff-deactivate-2"]').trigger('click')
    await flushPromises()
    dialog().querySelector<HTMLElement>('[data-testid="staff-deactivate-confirm"]')!.click()
    await flushPromises()
    expect(patches.at(-1)).toEqual({ is_active: false })
    expect(document.body.querySelector('[role="dialog"]')).toBeNull()
    expect(wrapper.find('[data-testid="staff-reactivate-2"]').exists()).toBe(true)

    await wrapper.get('[data-testid="staff-reactivate-3"]').trigger('click')
    await flushPromises()
    expect(patches.at(-1)).toEqual({ is_active: true })
    expect(wrapper.find('[data-testid="staff-deactivate-3"]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('edits a practitioner’s specialty, bio and calendar colour, sending only what changed', async () => {
    const rows = [member('1', 'Anong Owner', 'owner'), member('2', 'Bee Doctor', 'doctor')]
    let refusals = 1 // the server refuses the first colour (as it would one not #RRGGBB)
    const { patches } = staffServer(rows, 'owner', () =>
      refusals-- > 0
        ? json(400, { title: 'Bad request', status: 400, detail: 'Some fields are invalid.', code: 'validation_failed', errors: [{ field: 'calendar_colour', detail: 'Give a colour as #RRGGBB.' }] })
        : null,
    )
    const wrapper = await signedInMount()
    await wrapper.get('[data-testid="staff-edit-2"]').trigger('click')
    await flushPromises()
    const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!
    const fill = (selector: string, value: string) => {
      const field = dialog().querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!
      field.value = value
      field.dispatchEvent(new Event('input'))
    }
    fill('[data-testid="staff-specialty"] input', 'Dermatology')
    fill('[data-testid="staff-bio"]', 'Lasers and peels.')
    fill('[data-testid="staff-colour"]', '#ff0000')
    await flushPromises()
    dialog().querySelector<HTMLElement>('[data-testid="staff-role-save"]')!.click()
    await flushPromises()
    expect(dialog().textContent).toContain('Give a colour as #RRGGBB.')

    fill('[data-testid="staff-colour"]', '#1d4ed8')
    await flushPromises()
    dialog().querySelector<HTMLElement>('[data-testid="staff-role-save"]')!.click()
    await flushPromises()
    expect(patches.at(-1)).toEqual({ specialty: 'Dermatology', bio: 'Lasers and peels.', calendar_colour: '#1d4ed8' })
    expect(document.body.querySelector('[role="dialog"]')).toBeNull()
    expect(wrapper.get('tbody').text()).toContain('Dermatology')
    wrapper.unmount()
  })

  it('offers an admin only the roles an admin may grant, and no action on owners and admins', async () => {
    const rows = [member('1', 'Anong Owner', 'owner'), member('2', 'Bee Admin', 'admin'), member('3', 'Chai Nurse', 'nurse')]
    staffServer(rows, 'admin')
    const wrapper = await signedInMount()
    expect(wrapper.find('[data-testid="staff-edit-1"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="staff-deactivate-2"]').exists()).toBe(false)

    await wrapper.get('[data-testid="staff-edit-3"]').trigger('click')
    await flushPromises()
    document.body.querySelector<HTMLElement>('[role="dialog"] button[aria-haspopup="listbox"]')!.click()
    await flushPromises()
    const offered = [...document.body.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.textContent?.trim())
    expect(offered).toEqual(['Doctor', 'Nurse', 'Therapist', 'Receptionist', 'Cashier', 'Accountant', 'Assistant'])
    wrapper.unmount()
  })

  it('shows the rows in Arabic with the names isolated', async () => {
    staffServer([member('1', 'Anong Owner', 'owner')], 'owner')
    await localeApply('ar')
    const wrapper = await signedInMount()
    expect(wrapper.text()).toContain('إلغاء التفعيل')
    expect(wrapper.get('tbody bdi').text()).toBe('Anong Owner')
    wrapper.unmount()
  })
})
