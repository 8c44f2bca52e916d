"""The client's address, the one rule for every consumer: throttles, login lockout
(django-axes), the audit trail, consent evidence, and the ASGI server (``core.serve``).

``X-Forwarded-For`` is a header anyone can send. It is believed only when the connection
comes from an address in ``settings.TRUSTED_PROXIES`` (IP addresses or CIDR networks;
empty by default: trust nobody), and then only as far as the chain of trusted proxies
goes: the client is the rightmost address in the header that is not a trusted proxy.
Every proxy appends the address it was connected from (nginx's
``$proxy_add_x_forwarded_for``), so entries left of that one were written by the client
and are never used. (The same walk as uvicorn's ``--forwarded-allow-ips``.)

Also the outbound rule the adapters that call other servers share (``NoRedirect``).
"""

from __future__ import annotations

import ipaddress
import urllib.request
from collections.abc import Sequence
from functools import cache
from typing import Any

from django.conf import settings

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@cache
def trusted_networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    """``TRUSTED_PROXIES`` entries as networks (an address is a /32 or /128). Raises
    ``ValueError`` for an entry that is neither (the system check ``core.E004`` reports it)."""
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def _address(raw: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(raw.strip())
    except ValueError:
        return None


def _trusted(address: IPAddress, networks: Sequence[IPNetwork]) -> bool:
    return any(address in network for network in networks)


def client_ip(request: Any) -> str | None:
    """The address of the client of ``request`` (Django or DRF), normalized (``"::1"``,
    ``"203.0.113.7"``), or ``None`` when the connection's address is not an IP address.

    The connection's address (``REMOTE_ADDR``) unless it is a trusted proxy; then the
    rightmost untrusted address of ``X-Forwarded-For``, or its leftmost valid entry
    when every entry is trusted. A malformed entry ends the walk at the last trusted hop.
    """
    peer = _address(str(request.META.get("REMOTE_ADDR") or ""))
    if peer is None:
        return None
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    client = peer
    if _trusted(peer, networks):
        for raw in reversed(str(request.META.get("HTTP_X_FORWARDED_FOR") or "").split(",")):
            hop = _address(raw)
            if hop is None:
                break
            client = hop
            if not _trusted(hop, networks):
                break
    return str(client)


def axes_client_ip(request: Any) -> str:
    """``AXES_CLIENT_IP_CALLABLE``: ``client_ip`` as the string django-axes stores."""
    return client_ip(request) or ""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A ``urllib`` handler that follows no redirect (a 3xx is raised as ``HTTPError``):
    an adapter posting to a configured server (card gateway, licence registry) must not
    be sent, with its body and key, somewhere else."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None
