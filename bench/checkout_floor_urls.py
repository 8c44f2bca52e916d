"""The project's URLs plus ``GET /bench/floor``: one query (``SELECT 1``) through the
same ASGI server and middleware stack, the floor ``checkout_latency.py`` compares the
checkout with."""

from __future__ import annotations

import core.urls
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import path

handler400 = core.urls.handler400
handler403 = core.urls.handler403
handler404 = core.urls.handler404
handler500 = core.urls.handler500


def floor(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (one,) = cursor.fetchone()
    return JsonResponse({"one": one})


urlpatterns = [path("bench/floor", floor), *core.urls.urlpatterns]
