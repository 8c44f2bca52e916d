import { describe, expect, it } from 'vitest'
import { problemOf } from './problem'

describe('problemOf', () => {
  it('groups field errors by field', () => {
    const problem = problemOf({
      type: 'urn:aesthetix:problem:validation_error',
      title: 'Invalid input',
      status: 400,
      detail: 'Enter the 6-digit code from your authenticator app.',
      code: 'otp_required',
      errors: [
        { field: 'otp_code', pointer: '/otp_code', detail: 'This field is required.' },
        { field: 'otp_code', pointer: '/otp_code', detail: 'Six digits.' },
      ],
    })
    expect(problem).toEqual({
      status: 400,
      code: 'otp_required',
      detail: 'Enter the 6-digit code from your authenticator app.',
      fields: { otp_code: ['This field is required.', 'Six digits.'] },
    })
  })

  it('reads anything else as a network error', () => {
    expect(problemOf(undefined, 'Offline')).toEqual({ status: 0, code: 'network_error', detail: 'Offline', fields: {} })
  })
})
