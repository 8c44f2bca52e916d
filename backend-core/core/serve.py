"""The ASGI server: uvicorn on ``core.asgi:application``, trusting forwarded headers
(``X-Forwarded-For``, ``X-Forwarded-Proto``) from ``settings.TRUSTED_PROXIES`` only, the
same proxies as ``core.net.client_ip``. Without trusted proxies it reads no such header.

    python -m core.serve --host 0.0.0.0 --port 8000 [other uvicorn options]

(``--proxy-headers``/``--forwarded-allow-ips`` come from the setting: not from the
command line, nor from uvicorn's own default of trusting 127.0.0.1.)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

APP = "core.asgi:application"
_PROXY_OPTIONS = frozenset({"--proxy-headers", "--no-proxy-headers", "--forwarded-allow-ips"})


def uvicorn_argv(trusted_proxies: Sequence[str], argv: Sequence[str]) -> list[str]:
    """uvicorn's arguments: the app, the proxy trust of ``trusted_proxies``, then ``argv``.
    Raises ``ValueError`` when ``argv`` sets the proxy trust itself."""
    if any(arg.split("=")[0] in _PROXY_OPTIONS for arg in argv):
        raise ValueError("Proxy trust is set by TRUSTED_PROXIES, not on the command line.")
    entries = [entry.strip() for entry in trusted_proxies if entry.strip()]
    if not entries:
        return [APP, "--no-proxy-headers", *argv]
    return [APP, "--proxy-headers", "--forwarded-allow-ips", ",".join(entries), *argv]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
    from django.conf import settings
    from uvicorn.main import main as uvicorn_main

    uvicorn_main(args=uvicorn_argv(settings.TRUSTED_PROXIES, sys.argv[1:]), prog_name="python -m core.serve")


if __name__ == "__main__":
    main()
