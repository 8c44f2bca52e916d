from datetime import timedelta
from typing import Any, Final

from .base import SESSION_COOKIE_SECURE
from .env import env, secret

AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses locked-out credentials before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": env.int("PASSWORD_MIN_LENGTH", default=10)},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SIMPLE_JWT: dict[str, Any] = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=10)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=14)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "ALGORITHM": "HS256",
    "SIGNING_KEY": secret("JWT_SIGNING_KEY"),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "sub",
    "AUTH_HEADER_TYPES": ("Bearer",),
}
# The refresh token travels only in this HttpOnly cookie, scoped to the auth endpoints.
REFRESH_COOKIE_NAME = "aesthetix_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth/"
REFRESH_COOKIE_SECURE = env.bool("REFRESH_COOKIE_SECURE", default=SESSION_COOKIE_SECURE)
REFRESH_COOKIE_SAMESITE: Final = "Strict"

# Lockout after repeated failed logins (django-axes): by account, whatever the addresses
# the guesses come from, and by client address, whatever the accounts they try. The
# address is core.net.client_ip's (X-Forwarded-For only from TRUSTED_PROXIES).
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username"], ["ip_address"]]
AXES_CLIENT_IP_CALLABLE = "core.net.axes_client_ip"
AXES_USERNAME_FORM_FIELD = "phone"
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_CALLABLE = "accounts.api.axes_lockout_response"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = env.str("OTP_TOTP_ISSUER", default="AesthetixOS")
# Invites expire after this many hours.
INVITE_TTL_HOURS = env.int("INVITE_TTL_HOURS", default=72)

# Sessions (OWASP ASVS 5.0 V7.3): a session ends after this many minutes without a
# request (a clinic may set a stricter value: Clinic.session_idle_minutes) and, whatever
# the activity, this many hours after sign-in.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=15)
SESSION_ABSOLUTE_HOURS = env.int("SESSION_ABSOLUTE_HOURS", default=12)
# Forgotten password: the SMS code lives this long and dies after this many wrong tries.
PASSWORD_RESET_CODE_MINUTES = env.int("PASSWORD_RESET_CODE_MINUTES", default=10)
PASSWORD_RESET_MAX_ATTEMPTS = 5
# The patient portal's phone codes: minutes valid, wrong tries before a code dies.
PORTAL_CODE_MINUTES = env.int("PORTAL_CODE_MINUTES", default=10)
PORTAL_CODE_MAX_ATTEMPTS = 5
