// Fixtures of the POS's unit tests (not part of the module's runtime).
import type { ClinicEventOf, Schemas } from '@aesthetix/api-client'

/** A card payment the provider has taken but not settled. */
export const PENDING: Schemas['Payment'] = {
  id: 'pay-1',
  invoice: 'inv-1',
  refund: null,
  amount: '9200.00',
  currency: 'THB',
  method: 'card',
  status: 'pending',
  failure_code: '',
  provider_reference: 'ch_1',
  received_at: '2026-01-31T09:00:00Z',
  created_by: 'u1',
}

/** The clinic's `com.aesthetix.payment.settled` event of a payment. */
export function settledEvent(
  paymentId: string,
  status: 'succeeded' | 'failed',
  failureCode = '',
): ClinicEventOf<'com.aesthetix.payment.settled'> {
  return {
    specversion: '1.0',
    id: `e-${paymentId}-${status}`,
    type: 'com.aesthetix.payment.settled',
    source: 'urn:aesthetix/clinics/c1',
    subject: `payment/${paymentId}`,
    time: '2026-01-31T09:01:00Z',
    datacontenttype: 'application/json',
    sequence: '9',
    clinic: 'c1',
    clinicid: 'c1',
    data: {
      payment_id: paymentId,
      invoice_id: 'inv-1',
      sale_id: 'sale-1',
      status,
      failure_code: failureCode,
      amount: '9200.00',
      currency: 'THB',
      invoice_status: status === 'succeeded' ? 'paid' : 'sent',
      balance_due: status === 'succeeded' ? '0.00' : '9200.00',
    },
  }
}
