/**
 * The signed-in session, in memory only. The access token lives in this module (never in
 * localStorage, where any injected script could read it); the refresh token is an
 * HttpOnly cookie the browser sends to the auth endpoints and no script can read.
 * A reload therefore starts with no access token and asks the refresh endpoint for one.
 */
let accessToken: string | null = null
let clinicId: string | null = null

export const session = {
  get accessToken(): string | null {
    return accessToken
  },
  get clinicId(): string | null {
    return clinicId
  },
  setAccessToken(token: string | null): void {
    accessToken = token
  },
  /** The clinic sent as `X-Clinic-Id` on every request (one of the user's memberships). */
  setClinicId(id: string | null): void {
    clinicId = id
  },
  clear(): void {
    accessToken = null
  },
}
