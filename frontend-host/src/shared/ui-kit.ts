// The host's copy of the ui-kit as the remotes take it (src/federation.ts). Importing it
// through this module, not the package itself, keeps the components only the remotes use
// out of the chunk the login page loads: the bundle then places each one on its own.
export * from '@aesthetix/ui-kit'
