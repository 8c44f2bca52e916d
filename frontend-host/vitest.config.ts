import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests run without module federation: the remotes' modules resolve to local stubs.
const stub = (name: string) => fileURLToPath(new URL(`./tests/remote-stubs/${name}.ts`, import.meta.url))

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      'scheduling/CalendarModule': stub('CalendarModule'),
      'emr/PatientModule': stub('PatientModule'),
      'pos/BillingModule': stub('BillingModule'),
    },
  },
  test: { environment: 'jsdom', include: ['src/**/*.test.ts', 'tests/**/*.test.ts'], setupFiles: ['../packages/ui-kit/vitest.setup.ts'] },
})
