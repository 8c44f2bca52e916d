import type { hostFederation } from '../../federation.config'

declare global {
  /** The host's federation settings, set at build time (federation.config.ts, hostDefine). */
  const __HOST_FEDERATION__: ReturnType<typeof hostFederation>
}
