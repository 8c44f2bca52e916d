"""Container liveness check: GET /healthz on the local ASGI server.

Django rejects a Host header that is not in ALLOWED_HOSTS, so the request names the first
concrete host of DJANGO_ALLOWED_HOSTS (the settings' own default, localhost, otherwise).
Exits 0 when the server answers 200, 1 otherwise. Standard library only.
"""

from __future__ import annotations

import os
import sys
import urllib.request

URL = "http://127.0.0.1:8000/healthz"


def probe_host() -> str:
    for raw in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(","):
        host = raw.strip()
        if host and "*" not in host and not host.startswith("."):
            return host
    return "localhost"


def main() -> int:
    request = urllib.request.Request(URL, headers={"Host": probe_host()})
    try:
        with urllib.request.urlopen(request, timeout=4) as response:  # noqa: S310 (fixed http URL)
            return 0 if response.status == 200 else 1
    except OSError as exc:
        print(f"healthz failed: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
