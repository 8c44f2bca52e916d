// The host's copy of the api-client as the remotes take it (src/federation.ts). Importing
// it through this module, not the package itself, keeps the parts only the remotes use out
// of the chunk the login page loads.
export * from '@aesthetix/api-client'
