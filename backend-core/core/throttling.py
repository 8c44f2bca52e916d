"""DRF throttles keyed by ``core.net.client_ip``, not by DRF's own reading of
``X-Forwarded-For`` (which believes the header from anyone when ``NUM_PROXIES`` is unset)."""

from __future__ import annotations

from typing import Any

from rest_framework.throttling import ScopedRateThrottle

from core.net import client_ip


class ScopedClientThrottle(ScopedRateThrottle):
    """``ScopedRateThrottle`` (``throttle_scope`` on the view; the signed-in user, else
    the client address) with the address from ``client_ip``."""

    def get_ident(self, request: Any) -> str:
        return client_ip(request) or ""
