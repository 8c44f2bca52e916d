import { problemOf } from './problem'

/** Every row of a paginated list endpoint, page after page; a failed page throws its
 *  problem's detail. */
export async function allPages<T>(
  fetchPage: (page: number) => Promise<{ data?: { results: T[]; next?: string | null }; error?: unknown }>,
): Promise<T[]> {
  const rows: T[] = []
  for (let page = 1; ; page += 1) {
    const { data, error } = await fetchPage(page)
    if (!data) throw new Error(problemOf(error).detail)
    rows.push(...data.results)
    if (!data.next) return rows
  }
}
