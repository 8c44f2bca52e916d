import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { DataTable } from '.'

const columns = [
  { key: 'name', label: 'Name', sortable: true },
  { key: 'visits', label: 'Visits', sortable: true, align: 'end' as const },
  { key: 'role', label: 'Role' },
]
const rows = [
  { id: 1, name: 'Somchai', visits: 3, role: 'doctor' },
  { id: 2, name: 'Ana', visits: 12, role: 'nurse' },
  { id: 3, name: 'Layla', visits: 1, role: 'owner' },
]

function names(wrapper: ReturnType<typeof mount>) {
  return wrapper.findAll('tbody tr').map((tr) => tr.find('td').text())
}

describe('DataTable', () => {
  it('renders a captioned table with a row per record', () => {
    const wrapper = mount(DataTable, { props: { columns, rows, caption: 'Staff' } })
    expect(wrapper.get('caption').text()).toBe('Staff')
    expect(names(wrapper)).toEqual(['Somchai', 'Ana', 'Layla'])
  })

  it('sorts by a column, toggling direction, and announces it with aria-sort', async () => {
    const wrapper = mount(DataTable, { props: { columns, rows, caption: 'Staff' } })
    const visits = wrapper.findAll('th')[1]
    expect(visits.attributes('aria-sort')).toBe('none')
    await visits.get('button').trigger('click')
    expect(names(wrapper)).toEqual(['Layla', 'Somchai', 'Ana'])
    expect(visits.attributes('aria-sort')).toBe('ascending')
    await visits.get('button').trigger('click')
    expect(names(wrapper)).toEqual(['Ana', 'Somchai', 'Layla'])
    expect(wrapper.emitted('sort')?.at(-1)).toEqual([{ key: 'visits', direction: 'descending' }])
    expect(wrapper.findAll('th')[2].attributes('aria-sort')).toBeUndefined()
  })

  it('pages through rows', async () => {
    const wrapper = mount(DataTable, { props: { columns, rows, caption: 'Staff', pageSize: 2 } })
    expect(names(wrapper)).toEqual(['Somchai', 'Ana'])
    await wrapper.get('nav button:last-of-type').trigger('click')
    expect(names(wrapper)).toEqual(['Layla'])
    expect(wrapper.emitted('update:page')).toEqual([[2]])
    expect(wrapper.get('nav button:last-of-type').attributes('disabled')).toBeDefined()
  })

  it('shows the empty state', () => {
    const wrapper = mount(DataTable, { props: { columns, rows: [], caption: 'Staff', emptyText: 'No staff' } })
    expect(wrapper.get('tbody').text()).toBe('No staff')
  })

  it('shows the loading state as busy', () => {
    const wrapper = mount(DataTable, { props: { columns, rows, caption: 'Staff', loading: true } })
    expect(wrapper.get('table').attributes('aria-busy')).toBe('true')
    expect(wrapper.get('[role="status"]').text()).toBe('Loading…')
    expect(wrapper.find('nav').exists()).toBe(false)
  })

  it('renders a cell slot', () => {
    const wrapper = mount(DataTable, {
      props: { columns, rows, caption: 'Staff' },
      slots: { 'cell-role': '<template #cell-role="{ value }"><b>{{ value }}</b></template>' },
    })
    expect(wrapper.findAll('b').map((b) => b.text())).toEqual(['doctor', 'nurse', 'owner'])
  })
})

describe('DataTable on small screens', () => {
  it('scrolls inside a focusable frame named like the table', () => {
    const wrapper = mount(DataTable, { props: { columns, rows, caption: 'Staff' } })
    const frame = wrapper.get('[data-table-scroll]')
    expect(frame.classes()).toContain('overflow-x-auto')
    expect(frame.attributes('tabindex')).toBe('0')
    expect(frame.attributes('aria-label')).toBe('Staff')
    expect(wrapper.find('[data-cell-label]').exists()).toBe(false)
    expect(wrapper.get('table').attributes('role')).toBeUndefined()
  })

  it('stacked, labels every cell for the eye and keeps the table roles', () => {
    const wrapper = mount(DataTable, { props: { columns, rows, caption: 'Staff', stack: true } })
    expect(wrapper.get('table').attributes('role')).toBe('table')
    expect(wrapper.get('thead').classes()).toContain('max-sm:sr-only')
    const first = wrapper.get('tbody tr')
    expect(first.attributes('role')).toBe('row')
    const cells = first.findAll('td')
    expect(cells.map((cell) => cell.attributes('role'))).toEqual(['cell', 'cell', 'cell'])
    const labels = first.findAll('[data-cell-label]')
    expect(labels.map((label) => label.text())).toEqual(['Name', 'Visits', 'Role'])
    expect(labels.every((label) => label.attributes('aria-hidden') === 'true')).toBe(true)
    expect(wrapper.findAll('th').map((th) => th.attributes('role'))).toEqual(['columnheader', 'columnheader', 'columnheader'])
  })
})
