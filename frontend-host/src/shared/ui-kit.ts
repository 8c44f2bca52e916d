export * from '@aesthetix/ui-kit'
