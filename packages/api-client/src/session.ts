/**
 * The signed-in session, in memory only. The access token lives in this module (never in
 * localStorage, where any injected script could read it); the refresh token is an
 * HttpOnly cookie the browser sends to the auth endpoints and no script can read.
 * A reload therefore starts with no access token and asks the refresh endpoint for one.
 */
let accessToken: string | null = null
let clinicId: string | null = null
let language: string | null = null

export const session = {
  get accessToken(): string | null {
    return accessToken
  },
  get clinicId(): string | null {
    return clinicId
  },
  /** The UI's language (BCP 47, e.g. `th`, `pt-BR`), sent as `Accept-Language` so the
   *  server answers (errors, labels) in it; null until the host sets it. */
  get language(): string | null {
    return language
  },
  setAccessToken(token: string | null): void {
    accessToken = token
  },
  /** The clinic sent as `X-Clinic-Id` on every request (one of the user's memberships). */
  setClinicId(id: string | null): void {
    clinicId = id
  },
  /** Called by the host whenever the user switches language (the apps never import it). */
  setLanguage(code: string | null): void {
    language = code
  },
  clear(): void {
    accessToken = null
  },
}
