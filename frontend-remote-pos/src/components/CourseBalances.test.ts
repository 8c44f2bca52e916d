import { fakeApi, json } from '@aesthetix/api-client/testing'
import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from 'vue-i18n'
import CourseBalances from './CourseBalances.vue'

const balance = (id: string, expiresAt: string) => ({
  id,
  course_name: `Course ${id}`,
  sessions_total: 6,
  sessions_remaining: 4,
  expires_at: expiresAt,
  status: 'active',
})

afterEach(() => vi.unstubAllGlobals())

describe('CourseBalances', () => {
  it('offers no redemption of a balance past its expiry, which the server would refuse', async () => {
    const past = new Date(Date.now() - 86_400_000).toISOString()
    const future = new Date(Date.now() + 86_400_000).toISOString()
    fakeApi({
      'GET /api/v1/commerce/course-balances': () =>
        json(200, { count: 2, next: null, previous: null, results: [balance('old', past), balance('new', future)] }),
    })
    const wrapper = mount(CourseBalances, {
      props: { patientId: 'pt1', refreshKey: 0 },
      global: { plugins: [createI18n({ legacy: false, locale: 'en' })] },
    })
    await vi.waitFor(() => expect(wrapper.findAll('[data-testid="course-balance"]')).toHaveLength(2))
    const [old, current] = wrapper.findAll('[data-testid="course-balance"]')
    expect(old!.text()).toContain('expired on')
    expect(old!.find('[data-testid="course-redeem"]').exists()).toBe(false)
    expect(current!.text()).toContain('until')
    expect(current!.find('[data-testid="course-redeem"]').exists()).toBe(true)
  })
})
