"""Content-Security-Policy (django-csp) and which tool pages production exposes.

The policy every HTML page gets: scripts only from this origin (no inline script, no
``eval``), so an injected ``<script>`` or ``onerror=`` attribute does not run; images,
uploads and downloads from this origin and the object store browsers reach
(``S3_PUBLIC_ENDPOINT_URL``: photos go straight there with presigned POSTs); no
framing (``frame-ancestors 'none'``), no plugins, forms post only here; the live
socket is this origin's (``'self'`` covers ws/wss). Styles allow ``'unsafe-inline'``:
FullCalendar 6 injects a ``<style>`` element at run time (with ``style-src 'self'`` the
calendar loses its layout); injected styles cannot run script. The front-end containers
of the compose profile send the same policy with ``index.html`` (``docker-compose.yml``
``x-csp``, ``deploy/frontend/app.conf.template``).

``API_DOCS_PUBLIC`` (default false): the OpenAPI schema (``/api/v1/schema/``) and
Swagger UI (``/api/docs/``) answer 404 unless it is set; the development command
``bin/run`` sets it. The code is open source, but a production server need not map its
own API for strangers. ``DJANGO_ADMIN_ENABLED`` (default true) routes ``/admin/``, whose
sign-in takes staff only and, like every admin role, a TOTP code (django-otp).
"""

from typing import Any
from urllib.parse import urlsplit

from csp.constants import NONE, SELF

from .env import env
from .storage import S3_BUCKET, S3_PUBLIC_ENDPOINT_URL


def content_security_policy(object_store_url: str) -> dict[str, Any]:
    """django-csp's ``CONTENT_SECURITY_POLICY`` for pages whose photos live at
    ``object_store_url`` (its origin is allowed; ``""``: the store is this origin)."""
    parts = urlsplit(object_store_url)
    store = [f"{parts.scheme}://{parts.netloc}"] if parts.scheme and parts.netloc else []
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF, "'unsafe-inline'"],
            "img-src": [SELF, "data:", "blob:", *store],
            "font-src": [SELF, "data:"],
            "connect-src": [SELF, *store],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        },
    }


CONTENT_SECURITY_POLICY = content_security_policy(S3_PUBLIC_ENDPOINT_URL if S3_BUCKET else "")

API_DOCS_PUBLIC = env.bool("API_DOCS_PUBLIC", default=False)
DJANGO_ADMIN_ENABLED = env.bool("DJANGO_ADMIN_ENABLED", default=True)
