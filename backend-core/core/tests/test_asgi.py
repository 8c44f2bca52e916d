"""The ASGI entry point's HTTP side (core/asgi.py): Django's WSGI handler, one thread per
request, and a request body without a length refused rather than read as empty."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx

from core.asgi import application


def _exchange(method: str, path: str, **kwargs: object) -> httpx.Response:
    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=application, client=("203.0.113.7", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.request(method, path, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(send())


async def _chunks() -> AsyncIterator[bytes]:
    yield b'{"phone": '
    yield b'"+66812345678"}'


def test_a_body_with_its_length_reaches_the_view() -> None:
    answer = _exchange("POST", "/api/v1/auth/token", json={"phone": "+66812345678"})

    assert answer.status_code == 400
    assert {error["field"] for error in answer.json()["errors"]} == {"password"}  # the phone was read


def test_a_chunked_body_is_refused_with_411_not_read_as_empty() -> None:
    answer = _exchange(
        "POST", "/api/v1/auth/token", content=_chunks(), headers={"Content-Type": "application/json"}
    )

    assert answer.status_code == 411
    assert answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["code"] == "length_required"
    assert answer.json()["instance"] == "/api/v1/auth/token"


def test_a_request_without_a_body_is_served() -> None:
    answer = _exchange("GET", "/healthz")

    assert answer.status_code == 200
