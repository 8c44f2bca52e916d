import { api, bus, CLINIC_CHANGED, problemOf, refreshAccess, session, useClinicContext } from '@aesthetix/api-client'
import type { Problem, Schemas, TokenResponse } from '@aesthetix/api-client'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'

const CLINIC_KEY = 'aesthetix.clinic'
// Not a credential: only whether asking the refresh cookie for a session is worth a request.
const SIGNED_IN_KEY = 'aesthetix.signed-in'

export type LoginResult = { ok: true } | { ok: false; otpRequired: boolean; problem: Problem }

/**
 * Who is signed in, their memberships and the current clinic; `/users/me` is the shared
 * clinic context's (one answer for the host and the remotes), and so is `can`. Tokens stay
 * out of the store: the access token is in the api-client's in-memory session, the refresh token in
 * its HttpOnly cookie.
 */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<Schemas['User'] | null>(null)
  const memberships = ref<Schemas['MembershipBrief'][]>([])
  const twoFactor = ref<Schemas['TwoFactorState'] | null>(null)
  const clinicId = ref<string | null>(null)
  /** Set when the session ended by itself, so the login page can say so. */
  const expired = ref(false)

  const signedIn = computed(() => user.value !== null)
  const needsEnrolment = computed(() => Boolean(twoFactor.value?.required && !twoFactor.value.enrolled))
  const membership = computed(() => memberships.value.find((m) => m.clinic_id === clinicId.value) ?? null)
  const context = useClinicContext()

  function clinicSelect(id: string) {
    if (id === clinicId.value) return
    clinicId.value = id
    session.setClinicId(id)
    localStorage.setItem(CLINIC_KEY, id)
    bus.emit(CLINIC_CHANGED, { clinicId: id })
  }

  /** `/users/me`, asked in the remembered clinic so that one answer carries the
   *  permissions there; a clinic the user no longer belongs to answers 404, then it is
   *  asked without one, and again in the clinic chosen (the first membership). */
  async function profileLoad(): Promise<void> {
    const saved = localStorage.getItem(CLINIC_KEY)
    session.setClinicId(saved)
    let data: Schemas['Me']
    try {
      data = await context.meLoad()
    } catch (failure) {
      if (!saved) throw failure
      session.setClinicId(null)
      data = await context.meLoad()
    }
    user.value = data.user
    memberships.value = data.memberships
    twoFactor.value = data.two_factor
    const chosen = data.memberships.find((m) => m.clinic_id === saved) ?? data.memberships[0]
    clinicId.value = chosen?.clinic_id ?? null
    if (clinicId.value !== session.clinicId) {
      session.setClinicId(clinicId.value)
      await context.meLoad()
    }
  }

  async function tokensAccept(tokens: TokenResponse): Promise<void> {
    session.setAccessToken(tokens.access)
    localStorage.setItem(SIGNED_IN_KEY, '1')
    twoFactor.value = tokens.two_factor
    expired.value = false
    await profileLoad()
  }

  /** Mobile number + password, then again with the TOTP code when the server asks. */
  async function login(phone: string, password: string, otpCode?: string): Promise<LoginResult> {
    const { data, error } = await api.POST('/api/v1/auth/token', {
      body: { phone, password, ...(otpCode ? { otp_code: otpCode } : {}) },
    })
    if (!data) {
      const problem = problemOf(error)
      return { ok: false, otpRequired: ['otp_required', 'otp_invalid'].includes(problem.code), problem }
    }
    await tokensAccept(data)
    return { ok: true }
  }

  /** After a reload: trade the refresh cookie for a session, if there is one. */
  async function restore(): Promise<boolean> {
    if (!localStorage.getItem(SIGNED_IN_KEY)) return false
    const tokens = await refreshAccess()
    if (!tokens) {
      forget()
      return false
    }
    await tokensAccept(tokens)
    return true
  }

  /** Open an organization with its first clinic and owner, and sign the owner in there. */
  async function signup(body: Schemas['SignupRequest']): Promise<Problem | null> {
    const { data, error } = await api.POST('/api/v1/auth/signup', { body })
    if (!data) return problemOf(error)
    localStorage.setItem(CLINIC_KEY, data.clinic.id)
    await tokensAccept(data)
    return null
  }

  /** Accept an invite with its link's token: a new account from `account` (names,
   *  password), or, signed in, this user's. Signed in, the new clinic is chosen. */
  async function inviteAccept(token: string, account?: Omit<Schemas['InviteAcceptRequest'], 'token'>): Promise<Problem | null> {
    const { data, error } = await api.POST('/api/v1/invites/accept', { body: { ...account, token } })
    if (!data) return problemOf(error)
    if (signedIn.value) {
      await profileLoad()
      clinicSelect(data.clinic_id)
    }
    return null
  }

  async function totpEnrolmentStart(): Promise<Schemas['TotpEnrollment']> {
    const { data, error } = await api.POST('/api/v1/auth/2fa/totp')
    if (!data) throw new Error(problemOf(error).detail)
    return data
  }

  async function totpEnrolmentConfirm(code: string): Promise<Problem | null> {
    const { data, error } = await api.POST('/api/v1/auth/2fa/totp/confirm', { body: { code } })
    if (!data) return problemOf(error)
    await tokensAccept(data)
    return null
  }

  /** Change the password: every session ends, this one is replaced by a new one. */
  async function passwordChange(currentPassword: string, newPassword: string): Promise<Problem | null> {
    const { data, error } = await api.POST('/api/v1/auth/password', {
      body: { current_password: currentPassword, new_password: newPassword },
    })
    if (!data) return problemOf(error)
    await tokensAccept(data)
    return null
  }

  /** Update the user's own names, e-mail and language (`PATCH /api/v1/users/me`). */
  async function profileUpdate(fields: Schemas['PatchedMeUpdateRequest']): Promise<Problem | null> {
    const { data, error } = await api.PATCH('/api/v1/users/me', { body: fields })
    if (!data) return problemOf(error)
    user.value = data.user
    return null
  }

  /** Make `file` the user's photograph (`POST /api/v1/users/me/photo`, multipart): the
   *  server checks it, squares it and strips its metadata; 400 names `file`. */
  async function photoSet(file: File): Promise<Problem | null> {
    const form = new FormData()
    form.append('file', file)
    const { data, error } = await api.POST('/api/v1/users/me/photo', {
      body: form as unknown as Schemas['FileUploadRequest'],
    })
    if (!data) return problemOf(error)
    user.value = data
    return null
  }

  /** Remove the user's photograph (`DELETE /api/v1/users/me/photo`). */
  async function photoRemove(): Promise<Problem | null> {
    const { data, error } = await api.DELETE('/api/v1/users/me/photo')
    if (!data) return problemOf(error)
    user.value = data
    return null
  }

  /** Ask for a reset code by SMS; the server answers the same for unknown numbers. */
  async function passwordResetRequest(phone: string): Promise<Problem | null> {
    const { error, response } = await api.POST('/api/v1/auth/password-reset', { body: { phone } })
    return response.ok ? null : problemOf(error)
  }

  async function passwordResetConfirm(phone: string, code: string, newPassword: string): Promise<Problem | null> {
    const { error, response } = await api.POST('/api/v1/auth/password-reset/confirm', {
      body: { phone, code, new_password: newPassword },
    })
    return response.ok ? null : problemOf(error)
  }

  function forget() {
    session.clear()
    context.clear()
    localStorage.removeItem(SIGNED_IN_KEY)
    user.value = null
    memberships.value = []
    twoFactor.value = null
  }

  async function logout(): Promise<void> {
    await api.POST('/api/v1/auth/logout')
    forget()
  }

  function sessionExpired() {
    forget()
    expired.value = true
  }

  return {
    user,
    memberships,
    twoFactor,
    clinicId,
    expired,
    signedIn,
    needsEnrolment,
    membership,
    can: context.can,
    clinicSelect,
    login,
    restore,
    signup,
    inviteAccept,
    totpEnrolmentStart,
    totpEnrolmentConfirm,
    passwordChange,
    profileUpdate,
    photoSet,
    photoRemove,
    passwordResetRequest,
    passwordResetConfirm,
    logout,
    sessionExpired,
  }
})
