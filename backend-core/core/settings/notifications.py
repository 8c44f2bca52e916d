"""Notifications: which adapter delivers each channel, and the providers' credentials.

Every channel defaults to ``file`` (one JSON line per message in
``<var>/notifications/outbox.jsonl``), so the embedded profile sends nothing and needs no
network. Adapters by name (or a dotted path to a class):

* ``file``, ``console``: any channel;
* ``smtp``: e-mail through Django's SMTP backend and the ``EMAIL_*`` settings below;
* ``http``: SMS through a JSON-over-HTTPS gateway (contract in ``notifications.adapters``);
* ``whatsapp_cloud``: WhatsApp Business Cloud API text messages.
"""

from .env import VAR_DIR, env

NOTIFICATIONS_SMS_ADAPTER = env.str("NOTIFICATIONS_SMS_ADAPTER", default="file")
NOTIFICATIONS_WHATSAPP_ADAPTER = env.str("NOTIFICATIONS_WHATSAPP_ADAPTER", default="file")
NOTIFICATIONS_EMAIL_ADAPTER = env.str("NOTIFICATIONS_EMAIL_ADAPTER", default="file")
NOTIFICATIONS_FILE = env.str("NOTIFICATIONS_FILE", default=str(VAR_DIR / "notifications" / "outbox.jsonl"))

# Seconds allowed for each provider call (connect and each read).
NOTIFICATIONS_HTTP_TIMEOUT = env.float("NOTIFICATIONS_HTTP_TIMEOUT", default=10.0)
# Delivery attempts per notification before it is marked failed (transient errors only).
NOTIFICATIONS_MAX_ATTEMPTS = env.int("NOTIFICATIONS_MAX_ATTEMPTS", default=6)

# SMS gateway (adapter ``http``): POST JSON to this URL with a bearer API key.
NOTIFICATIONS_SMS_HTTP_URL = env.str("NOTIFICATIONS_SMS_HTTP_URL", default="")
NOTIFICATIONS_SMS_HTTP_API_KEY = env.str("NOTIFICATIONS_SMS_HTTP_API_KEY", default="")
NOTIFICATIONS_SMS_SENDER = env.str("NOTIFICATIONS_SMS_SENDER", default="")

# WhatsApp Business Cloud API (adapter ``whatsapp_cloud``).
NOTIFICATIONS_WHATSAPP_GRAPH_URL = env.str(
    "NOTIFICATIONS_WHATSAPP_GRAPH_URL", default="https://graph.facebook.com"
)
NOTIFICATIONS_WHATSAPP_API_VERSION = env.str("NOTIFICATIONS_WHATSAPP_API_VERSION", default="v21.0")
NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID = env.str("NOTIFICATIONS_WHATSAPP_PHONE_NUMBER_ID", default="")
NOTIFICATIONS_WHATSAPP_TOKEN = env.str("NOTIFICATIONS_WHATSAPP_TOKEN", default="")

# E-mail (adapter ``smtp``): Django's standard names.
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10.0)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="AesthetixOS <no-reply@localhost>")
