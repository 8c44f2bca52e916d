"""The page addresses of the front end (``/``, ``/calendar``, ``/settings/staff``, …):
every one answers with the host shell's ``index.html``, whose router takes it from there.

The API, the admin, static files, WebSockets and the probes are routed before this
catch-all (see ``core.urls``).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core.exceptions import NotFound, problem_response

INDEX = "host/index.html"


def _index_path() -> Path | None:
    collected = Path(settings.STATIC_ROOT) / INDEX
    if collected.is_file():
        return collected
    found = finders.find(INDEX)  # built (dist/) but not collected yet, e.g. in tests
    return Path(found) if isinstance(found, str) else None


@require_safe
def spa_index(request: HttpRequest) -> HttpResponse:
    """``GET <page address>``: the host's ``index.html`` (``no-cache``: it names the
    current build's files). 404 problem details when the front end was not built."""
    index = _index_path()
    if index is None:
        return problem_response(
            request, NotFound(_("The front end is not built: run `npm ci && npm run build`."))
        )
    response = HttpResponse(index.read_bytes(), content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
