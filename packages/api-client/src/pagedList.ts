// One page of a paginated list endpoint at a time, for the list screens: the rows, the
// page number, whether there is a next or previous page, and the problem of the last
// failed load. Filters live in the caller's refs and are read by `fetchPage` when a load
// starts; when loads overlap (a filter changed before the first answer came), only the
// answer to the latest one is shown, whatever order the answers arrive in.
import { ref, shallowRef } from 'vue'
import type { Ref, ShallowRef } from 'vue'
import { problemOf } from './problem'
import type { Problem } from './problem'

/** What `fetchPage` gives back: an openapi-fetch answer of a paginated list. */
export interface PageAnswer<T> {
  data?: { results: T[]; next?: string | null; previous?: string | null }
  error?: unknown
}

export interface PagedList<T> {
  rows: ShallowRef<T[]>
  /** 1-based. */
  page: Ref<number>
  hasNext: Ref<boolean>
  hasPrevious: Ref<boolean>
  /** True until the first answer and from the start of each load until its answer (or a
   *  later load's) is shown: an empty list is not "nothing here" before it loads. */
  loading: Ref<boolean>
  /** The last load's failure; null after a load that answered. */
  problem: Ref<Problem | null>
  /** Loads the current page again (after a write, say). */
  load: () => Promise<void>
  /** Loads page `next`. */
  pageGo: (next: number) => Promise<void>
  /** Back to the first page: what a changed search or filter does. */
  restart: () => Promise<void>
}

/** A paginated list read with `fetchPage(page)`; `failed` is the message shown when the
 *  request fails without a problem body (no network). Nothing loads until `load()`. */
export function usePagedList<T>(fetchPage: (page: number) => Promise<PageAnswer<T>>, failed?: () => string): PagedList<T> {
  const rows = shallowRef<T[]>([])
  const page = ref(1)
  const hasNext = ref(false)
  const hasPrevious = ref(false)
  const loading = ref(true)
  const problem = ref<Problem | null>(null)
  let latest = 0

  async function load() {
    const asked = ++latest
    loading.value = true
    const { data, error } = await fetchPage(page.value)
    if (asked !== latest) return // a later load's answer is the one to show
    loading.value = false
    problem.value = data ? null : problemOf(error, failed?.())
    if (!data) return
    rows.value = data.results
    hasNext.value = Boolean(data.next)
    hasPrevious.value = Boolean(data.previous)
  }
  function pageGo(next: number) {
    page.value = next
    return load()
  }
  return { rows, page, hasNext, hasPrevious, loading, problem, load, pageGo, restart: () => pageGo(1) }
}
