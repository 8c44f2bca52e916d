"""Settings of the checkout benchmark's server: the project's, with
``checkout_floor_urls`` as URLconf. Used only by ``checkout_latency.py``."""

from core.settings import *  # noqa: F403

ROOT_URLCONF = "checkout_floor_urls"
