import { readFileSync } from 'node:fs'

/**
 * Module federation settings shared by the host and every remote (imported by each app's
 * vite.config.ts): the apps, their dev ports and public paths, and the singletons.
 *
 * Built apps live under /static/<app>/ in every deployment: Django serves them there in
 * the embedded profile, and the reverse proxy routes that path to each app's container in
 * compose, so the host finds each remoteEntry.js on its own origin. Dev servers run on
 * the seed ports instead.
 */
export const APPS = {
  host: { port: 3000 },
  emr: { port: 3001 },
  pos: { port: 3002 },
  scheduling: { port: 3003 },
} as const

export type AppName = keyof typeof APPS

export function publicPath(app: AppName, command: 'build' | 'serve'): string {
  return command === 'build' ? `/static/${app}/` : `http://localhost:${APPS[app].port}/`
}

export function remote(app: Exclude<AppName, 'host'>, command: 'build' | 'serve') {
  return {
    type: 'module',
    name: app,
    entry: `${publicPath(app, command)}remoteEntry.js`,
    entryGlobalName: app,
    shareScope: 'default',
  }
}

// One copy of each for the whole page: two Vues would mean two reactivity systems, two
// Pinias two sets of stores, two api-clients two sessions.
const singleton = { singleton: true }
export const shared = {
  vue: singleton,
  'vue-router': singleton,
  'vue-i18n': singleton,
  pinia: singleton,
  '@aesthetix/ui-kit': singleton,
  '@aesthetix/api-client': singleton,
}

/**
 * What a remote asks of the share scope: the same singletons, which in builds it takes
 * from the host only (`import: false`), so no remote carries a fallback copy of Vue, Vue
 * Router, Pinia, vue-i18n, the ui-kit or the api-client that the page never loads. The dev
 * servers keep their own copies, so a remote also runs on its own port.
 */
export function remoteShared(command: 'build' | 'serve') {
  if (command === 'serve') return shared
  return Object.fromEntries(Object.entries(shared).map(([name, config]) => [name, { ...config, import: false as const }]))
}

/**
 * Compile-time flags of the shared libraries, the same in every app (each app's `define`):
 * the apps use vue-i18n's composition API only (`createI18n({ legacy: false })`,
 * `useI18n()`, `t()`), never its legacy API, its `<i18n-t>`/`<i18n-n>`/`<i18n-d>`
 * components or its `v-t` directive, so that code stays out of the copy the login page loads.
 */
export const define = {
  __VUE_I18N_FULL_INSTALL__: 'false',
  __VUE_I18N_LEGACY_API__: 'false',
  __INTLIFY_PROD_DEVTOOLS__: 'false',
}

/**
 * Which copy of a shared package wins: the first one loaded (the host's). The default,
 * 'version-first', fetches every remote's remoteEntry.js at start-up to compare versions,
 * which would load all remotes on the login page.
 */
export const shareStrategy = 'loaded-first' as const

/**
 * Federation runtime features no app uses, left out of the runtime each app ships: the
 * snapshot plugin (remotes described by an mf-manifest.json, preloading, devtools) in
 * builds, since every remote here is a plain remoteEntry.js. The dev servers keep it (it
 * also carries hot reload). Remotes consume no remotes (`disableRemote` in their configs).
 */
export function runtimeTrim(command: 'build' | 'serve') {
  return { disableSnapshot: command === 'build' }
}

/** The version of `name` installed in the workspace (its package.json). */
function installedVersion(name: string): string {
  const manifest = new URL(`./node_modules/${name}/package.json`, import.meta.url)
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

/**
 * The host's federation, which its code starts itself when a remote's route first opens
 * (src/federation.ts), so the login page loads no federation runtime: the remotes, and each
 * shared library's settings with the version installed, which the remotes ask for.
 */
export function hostFederation(command: 'build' | 'serve') {
  return {
    remotes: [remote('scheduling', command), remote('emr', command), remote('pos', command)],
    shared: Object.fromEntries(
      Object.entries(shared).map(([name, config]) => [name, { ...config, version: installedVersion(name) }]),
    ) as Record<keyof typeof shared, typeof singleton & { version: string }>,
    shareStrategy,
  }
}

/**
 * The host's compile-time constants: its federation settings (`__HOST_FEDERATION__`) and
 * the runtime features it leaves out, as the build plugin sets them for the remotes
 * (`runtimeTrim`): no snapshot plugin in builds, browser code only.
 */
export function hostDefine(command: 'build' | 'serve') {
  return {
    ...define,
    __HOST_FEDERATION__: JSON.stringify(hostFederation(command)),
    FEDERATION_OPTIMIZE_NO_SNAPSHOT_PLUGIN: JSON.stringify(runtimeTrim(command).disableSnapshot),
    ENV_TARGET: JSON.stringify('web'),
  }
}

/** Build output: <repo>/dist/<app>, which Django collects as static files under <app>/. */
export function outDir(app: AppName): string {
  return `../dist/${app}`
}
