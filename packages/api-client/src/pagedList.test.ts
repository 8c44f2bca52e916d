import { describe, expect, it } from 'vitest'
import { usePagedList } from './pagedList'
import type { PageAnswer } from './pagedList'

/** A fetch whose answers the test releases one by one, in any order. */
function deferred() {
  const asked: { page: number; answer: (value: PageAnswer<string>) => void }[] = []
  const fetchPage = (page: number) => new Promise<PageAnswer<string>>((answer) => asked.push({ page, answer }))
  return { asked, fetchPage }
}
const flush = () => new Promise((resolve) => setTimeout(resolve))

describe('usePagedList', () => {
  it('shows a page and where it can go next', async () => {
    const list = usePagedList<string>(async (page) => ({ data: { results: [`row of page ${page}`], next: 'more', previous: null } }))
    await list.pageGo(2)
    expect(list.rows.value).toEqual(['row of page 2'])
    expect(list.page.value).toBe(2)
    expect([list.hasNext.value, list.hasPrevious.value, list.loading.value]).toEqual([true, false, false])
  })

  it('shows the latest load when an earlier answer arrives last', async () => {
    const { asked, fetchPage } = deferred()
    const list = usePagedList(fetchPage)
    const first = list.load() // say, active rows only
    const second = list.restart() // then the filter changed
    asked[1].answer({ data: { results: ['every row'] } })
    await second
    asked[0].answer({ data: { results: ['active rows'] } })
    await first
    await flush()
    expect(list.rows.value).toEqual(['every row'])
    expect(list.loading.value).toBe(false)
  })

  it('keeps the rows and reports the problem of a failed load', async () => {
    let fail = false
    const list = usePagedList<string>(
      async () => (fail ? { error: { type: 'x', title: 'Forbidden', status: 403, detail: 'Not yours.', code: 'permission_denied' } } : { data: { results: ['a'] } }),
      () => 'Could not load.',
    )
    await list.load()
    fail = true
    await list.load()
    expect(list.rows.value).toEqual(['a'])
    expect(list.problem.value?.detail).toBe('Not yours.')
    fail = false
    await list.load()
    expect(list.problem.value).toBeNull()
  })

  it('says the caller’s message when the network fails', async () => {
    const list = usePagedList<string>(async () => ({ error: new TypeError('fetch failed') }), () => 'Could not load.')
    await list.load()
    expect(list.problem.value).toMatchObject({ code: 'network_error', detail: 'Could not load.' })
  })
})
