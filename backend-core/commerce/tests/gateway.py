"""A card gateway double on 127.0.0.1 that speaks the HTTP contract of
``commerce.payment_providers.HttpCardProvider``: for the service tests and the browser
tests (which start the server with ``PAYMENTS_HTTP_BASE_URL`` set to its ``url``)."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from django.db import connections


class Gateway:
    """A card gateway double on 127.0.0.1: records each request, answers a charge id.
    ``during(request)`` runs in the double's own thread (its own database connection)
    after a request arrives and before it is answered; ``delay`` seconds pass before the
    answer."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.status = 201
        self.answer: bytes | None = None  # default: a JSON charge with an id
        self.delay = 0.0
        self.during: Callable[[dict[str, Any]], None] | None = None
        self.failures: list[BaseException] = []  # what ``during`` raised
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                request = {"path": self.path, "headers": dict(self.headers), "body": json.loads(body)}
                gateway.requests.append(request)
                if gateway.during is not None:
                    try:
                        gateway.during(request)
                    except BaseException as exc:  # reported by the test, not lost in this thread
                        gateway.failures.append(exc)
                    finally:
                        connections.close_all()
                time.sleep(gateway.delay)
                answer = gateway.answer
                if answer is None:
                    answer = json.dumps({"id": f"ch_{len(gateway.requests)}", "status": "pending"}).encode()
                self.send_response(gateway.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError):  # the client timed out first
                    self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> Gateway:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
