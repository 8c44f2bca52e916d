export interface DataTableColumn {
  key: string
  label: string
  sortable?: boolean
  /** Right-aligned numbers, money. */
  align?: 'start' | 'end'
}

export type SortDirection = 'ascending' | 'descending'

export interface DataTableSort {
  key: string
  direction: SortDirection
}

export type DataTableRow = Record<string, unknown> & { id: string | number }

export interface DataTableProps {
  columns: DataTableColumn[]
  rows: DataTableRow[]
  /** Accessible name of the table. */
  caption: string
  loading?: boolean
  emptyText?: string
  /** Rows per page; the table pages and sorts `rows` itself. */
  pageSize?: number
  /**
   * On phones, show each row as a card of "label value" lines instead of a table that
   * scrolls sideways inside its frame (the default). Suits tables of a few short columns.
   */
  stack?: boolean
}
