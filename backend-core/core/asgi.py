"""ASGI entry point: HTTP through Django's WSGI handler, WebSockets through Channels.

Every view and middleware of the project is synchronous. Django's own ASGI handler runs
such a stack through a separate switch to a thread for each synchronous middleware hook
and for the view, in a new thread per request; per request that was about a third of
the server CPU of an authenticated no-op (``bench/api_floor.py``). HTTP requests instead
go to the WSGI handler, run whole in one thread of a pool (``a2wsgi``), as under a
threaded WSGI server: the request's signals, middleware, view and response close share
the thread, and with it the database connection taken from the pool.
``SERVER_REQUEST_THREADS`` (default 10, the size of the database pool) requests run at
once per process; more wait for a thread. WSGI reads a body by its ``Content-Length``, so
a body sent without one (chunked) is refused with 411 rather than read as empty.
"""

import asyncio
import json
import logging
import os
from typing import Any

from a2wsgi import WSGIMiddleware
from a2wsgi.asgi_typing import HTTPScope, Receive, Send
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
django_wsgi_app = get_wsgi_application()

from core.checks import refuse_published_keys  # noqa: E402

refuse_published_keys()

from asgiref.sync import sync_to_async  # noqa: E402
from channels.layers import InMemoryChannelLayer, get_channel_layer  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.conf import settings  # noqa: E402
from django.urls import path  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402

from core.exceptions import PROBLEM_CONTENT_TYPE, problem_body  # noqa: E402

# Apps are named by dotted path, as in urls.py and MIDDLEWARE: core imports no app.
ClinicEventsConsumer = import_string("accounts.consumers.ClinicEventsConsumer")
from core.realtime import socket_sweeps, sockets_served_here  # noqa: E402

sockets_served_here()

# The stubs type a WSGI response as HttpResponseBase; it is the iterable of bytes that
# WSGI asks for.
django_http = WSGIMiddleware(django_wsgi_app, workers=settings.SERVER_REQUEST_THREADS)  # type: ignore[arg-type]


async def http(scope: HTTPScope, receive: Receive, send: Send) -> None:
    """An HTTP request to Django, except one whose body comes without a
    ``Content-Length`` (``Transfer-Encoding: chunked``): WSGI would read that body as
    empty, so it is answered 411 Length Required (RFC 9110, 15.5.12) as a problem
    document, and the client can send it again with its length. Behind the shipped
    nginx this never happens: nginx buffers a chunked body and sends its length."""
    names = {name.lower() for name, _value in scope["headers"]}
    if b"transfer-encoding" in names and b"content-length" not in names:
        body = json.dumps(
            problem_body(
                status=411,
                code="length_required",
                title="Length required",
                detail="Send the request body with a Content-Length header.",
                instance=scope["path"],
            )
        ).encode()
        headers = [
            (b"content-type", PROBLEM_CONTENT_TYPE.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 411, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return
    await django_http(scope, receive, send)


router = ProtocolTypeRouter(
    {
        "http": http,
        "websocket": AllowedHostsOriginValidator(
            URLRouter([path("ws/clinic/", ClinicEventsConsumer.as_asgi())])
        ),
    }
)


logger = logging.getLogger(__name__)
_sweeping: list[asyncio.Task[None]] = []


async def _sweep_forever() -> None:
    """The embedded profile's in-memory channel layer reaches only this process: every
    second, publish here what the worker recorded (``core.realtime.socket_sweeps``).

    The sweep runs in a thread of its own (``thread_sensitive=False``), not in the one
    thread that serves the requests' sync code: a sweep waiting for SQLite's write lock
    (held by the worker) must not hold every request behind it."""
    while True:
        for sweep in socket_sweeps():
            try:
                await sync_to_async(sweep, thread_sensitive=False)()
            except Exception:
                logger.exception("live event sweep failed")
        await asyncio.sleep(1)


async def application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """The router; with the in-memory channel layer also the sweep, started with the
    first connection in the server's event loop (where the layer's queues live)."""
    if not _sweeping and isinstance(get_channel_layer(), InMemoryChannelLayer):
        _sweeping.append(asyncio.get_running_loop().create_task(_sweep_forever()))
    await router(scope, receive, send)
