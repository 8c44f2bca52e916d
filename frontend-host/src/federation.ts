import { createInstance } from '@module-federation/runtime'
import type { Component } from 'vue'

/**
 * Module federation in the host, started the first time a remote's route opens: this module
 * and the federation runtime are a chunk of their own, so the login page loads neither.
 * The host registers its own copies of the shared libraries, the very modules its code runs,
 * and every remote takes them (they carry none: `import: false` in their builds).
 */

/** A module a remote exposes, as `<remote>/<module>`. */
export type RemoteModule = 'scheduling/CalendarModule' | 'emr/PatientModule' | 'pos/BillingModule'

type SharedName = keyof typeof __HOST_FEDERATION__.shared

const libraries: Record<SharedName, () => Promise<object>> = {
  vue: () => import('vue'),
  'vue-router': () => import('vue-router'),
  'vue-i18n': () => import('vue-i18n'),
  pinia: () => import('pinia'),
  '@aesthetix/ui-kit': () => import('./shared/ui-kit'),
  '@aesthetix/api-client': () => import('./shared/api-client'),
}

const { remotes, shared, shareStrategy } = __HOST_FEDERATION__

const federation = createInstance({
  name: 'host',
  remotes,
  shared: Object.fromEntries(
    Object.entries(shared).map(([name, { version, ...shareConfig }]) => [
      name,
      {
        version,
        get: () => libraries[name as SharedName]().then((library) => () => library),
        shareConfig: { ...shareConfig, requiredVersion: version },
      },
    ]),
  ),
  shareStrategy,
})

/** The component `id` exposes; rejects when its remote cannot be fetched or lacks it. */
export async function remoteLoad(id: RemoteModule): Promise<Component> {
  const module = await federation.loadRemote<{ default: Component }>(id)
  if (!module?.default) throw new Error(`${id} is not exposed`)
  return module.default
}
