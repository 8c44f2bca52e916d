import { api, problemOf } from '@aesthetix/api-client'

/** Open the invoice's PDF in a new tab: fetched with the session's token (a plain link
 *  would carry none), then shown from a blob URL. */
export async function invoicePdfOpen(invoiceId: string): Promise<void> {
  const { data, error } = await api.GET('/api/v1/commerce/invoices/{id}/pdf', {
    params: { path: { id: invoiceId } },
    parseAs: 'blob',
  })
  if (!data) throw new Error(problemOf(error).detail)
  const url = URL.createObjectURL(data as Blob)
  window.open(url, '_blank', 'noopener')
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
