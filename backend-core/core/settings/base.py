from .env import BASE_DIR, REPO_DIR, VAR_DIR, env, secret

SECRET_KEY = secret("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "channels",
    "pgtrigger",
    "pghistory",
    "core",
    "audit",
    "accounts",
    "notifications",
    "catalog",
    "patients",
    "commerce",
    "commissions",
    "outbox",
    "scheduling",
    "compliance",
    "emr",
    "reporting",
    "portal",
    "demo",
]

MIDDLEWARE = [
    "core.middleware.RequestIdMiddleware",
    "core.middleware.QueryStringMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "accounts.middleware.ClinicContextMiddleware",
    "accounts.middleware.LanguageFallbackMiddleware",
    "core.middleware.AuditContextMiddleware",
    "compliance.middleware.HistoryContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

# N+1 query detection per request (django-zeal), on in the test suite; dev-only package.
if env.bool("ZEAL_ENABLED", default=False):
    INSTALLED_APPS.append("zeal")
    MIDDLEWARE.insert(0, "zeal.middleware.zeal_middleware")
    ZEAL_RAISE = True

ROOT_URLCONF = "core.urls"
ASGI_APPLICATION = "core.asgi.application"
# HTTP requests served at once per server process (threads; core.asgi).
SERVER_REQUEST_THREADS = env.int("SERVER_REQUEST_THREADS", default=10)
WSGI_APPLICATION = "core.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("pt-br", "Português (Brasil)"), ("th", "ไทย"), ("ar", "العربية")]
LANGUAGE_CODES = [code for code, _name in LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [p for p in (REPO_DIR / "dist",) if p.is_dir()]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# The tenant: every tenant-local row belongs to one (core names it by this setting, not an import).
TENANT_MODEL = "accounts.Clinic"

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "idempotency-key",
    "x-clinic-id",
    "x-csrftoken",
    "x-request-id",
]

SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# Proxies whose X-Forwarded-For is believed (IP addresses or CIDR networks, comma-separated;
# empty: none). The one setting of the client address for the ASGI server (core.serve),
# throttles, login lockout and the audit trail: see core/net.py.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
# Behind a TLS-terminating proxy (nginx in compose) that sets X-Forwarded-Proto.
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0)

# Public base URL used in links we send (invites, portal); no trailing slash.
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default="http://127.0.0.1:8000")
