"""Card payments: which provider takes them (``commerce.payment_providers``); how long
an invoice link sent to a patient works.

* ``manual`` (default): the cashier runs the card on the clinic's own terminal and the
  payment is recorded as succeeded; no network, no credentials;
* ``http``: a generic card gateway: the charge is created by POST and stays ``pending``
  until the gateway calls ``POST /api/v1/commerce/payments/webhook``, signed with
  ``PAYMENTS_HTTP_WEBHOOK_SECRET`` (contract in ``commerce.payment_providers``).
"""

from .env import env

PAYMENTS_CARD_PROVIDER = env.str("PAYMENTS_CARD_PROVIDER", default="manual")
# Gateway (provider ``http``): charges are POSTed to <base URL>/charges with the bearer key.
PAYMENTS_HTTP_BASE_URL = env.str("PAYMENTS_HTTP_BASE_URL", default="")
PAYMENTS_HTTP_API_KEY = env.str("PAYMENTS_HTTP_API_KEY", default="")
# Shared secret of the HMAC-SHA256 signature on the gateway's webhook calls.
PAYMENTS_HTTP_WEBHOOK_SECRET = env.str("PAYMENTS_HTTP_WEBHOOK_SECRET", default="")
# Seconds allowed for each gateway call (connect and each read).
PAYMENTS_HTTP_TIMEOUT = env.float("PAYMENTS_HTTP_TIMEOUT", default=10.0)
# A webhook signed longer ago (or further ahead) than this is refused as a replay.
PAYMENTS_WEBHOOK_TOLERANCE_SECONDS = env.int("PAYMENTS_WEBHOOK_TOLERANCE_SECONDS", default=300)
# Online card payments by patients in the portal (a deposit's "Pay now"): a hosted
# checkout page of the gateway (``commerce.payment_providers.HttpCheckoutProvider`` for
# ``http``: the gateway above, <base URL>/checkouts, settled by the same signed webhook).
# Blank (default): none, the portal offers no card payment.
PAYMENTS_ONLINE_PROVIDER = env.str("PAYMENTS_ONLINE_PROVIDER", default="")
# Hours an invoice's link sent by SMS or WhatsApp opens its PDF without signing in.
INVOICE_LINK_MAX_AGE_HOURS = env.int("INVOICE_LINK_MAX_AGE_HOURS", default=72)
