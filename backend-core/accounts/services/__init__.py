"""Writes of the accounts context: sign-up, clinics, staff, invites, licences, and the
authentication use cases (login, refresh rotation with reuse detection, logout, TOTP),
one module per area; the public functions are re-exported here
(``from accounts.services import user_create``).

Every function is one transaction; errors are ``core.exceptions.ApplicationError``
subclasses (400 naming the field, 401, 403, 404, 409, 410, 429).
"""

from accounts.services.authentication import (
    TOTP_ENROLMENT_TTL,
    LoginLockedOut,
    TokenPair,
    TotpEnrollment,
    auth_login,
    auth_logout,
    auth_refresh,
    login_locked_out_error,
    refresh_token_session_id,
    session_idle_minutes,
    totp_confirm,
    totp_enroll,
    user_sessions_end,
)
from accounts.services.files import (
    FileLink,
    licence_evidence_link,
    licence_evidence_set,
    user_photo_remove,
    user_photo_set,
    user_photo_url,
)
from accounts.services.invites import (
    InvitePreview,
    invite_accept,
    invite_accept_url,
    invite_create,
    invite_mark_sent,
    invite_preview,
    invite_revoke,
    invite_send,
)
from accounts.services.licences import licence_create, licence_verify
from accounts.services.organizations import (
    ClinicData,
    ClinicFields,
    clinic_create,
    clinic_update,
    organization_signup,
)
from accounts.services.passwords import (
    PASSWORD_RESET_PER_HOUR,
    PASSWORD_RESET_RESEND,
    password_reset_code_hash,
    password_reset_code_send,
    password_reset_confirm,
    password_reset_request,
    user_password_change,
)
from accounts.services.staff import (
    membership_create,
    membership_preferences_update,
    membership_update,
)
from accounts.services.users import UserFields, user_create, user_deactivate, user_update

__all__ = [
    "PASSWORD_RESET_PER_HOUR",
    "PASSWORD_RESET_RESEND",
    "TOTP_ENROLMENT_TTL",
    "ClinicData",
    "ClinicFields",
    "FileLink",
    "InvitePreview",
    "LoginLockedOut",
    "TokenPair",
    "TotpEnrollment",
    "UserFields",
    "auth_login",
    "auth_logout",
    "auth_refresh",
    "clinic_create",
    "clinic_update",
    "invite_accept",
    "invite_accept_url",
    "invite_create",
    "invite_mark_sent",
    "invite_preview",
    "invite_revoke",
    "invite_send",
    "licence_create",
    "licence_evidence_link",
    "licence_evidence_set",
    "licence_verify",
    "login_locked_out_error",
    "membership_create",
    "membership_preferences_update",
    "membership_update",
    "organization_signup",
    "password_reset_code_hash",
    "password_reset_code_send",
    "password_reset_confirm",
    "password_reset_request",
    "refresh_token_session_id",
    "session_idle_minutes",
    "totp_confirm",
    "totp_enroll",
    "user_create",
    "user_deactivate",
    "user_password_change",
    "user_photo_remove",
    "user_photo_set",
    "user_photo_url",
    "user_sessions_end",
    "user_update",
]
