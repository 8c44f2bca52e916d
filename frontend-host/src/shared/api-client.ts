export * from '@aesthetix/api-client'
