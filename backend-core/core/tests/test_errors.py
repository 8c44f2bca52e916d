import socket
from unittest import mock

import pytest


def test_unknown_url_is_404_problem(client, db):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    body = response.json()
    assert body["type"] == "urn:aesthetix:problem:not_found" and body["status"] == 404
    assert response["Content-Type"] == "application/problem+json"


def test_wrong_method_is_405_problem(client, db):
    response = client.get("/api/v1/auth/token")
    assert response.status_code == 405
    assert response.json()["status"] == 405


def test_unexpected_error_is_500_problem_with_request_id(world, api):
    client = api(world.a.user(), world.a.clinic)
    client.raise_request_exception = False
    with mock.patch("accounts.selectors.staff_list", side_effect=RuntimeError("boom")):
        response = client.get("/api/v1/staff", HTTP_X_REQUEST_ID="req-123")
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "server_error" and body["request_id"] == "req-123"
    assert "boom" not in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/auth/token", "/api/v1/invites/accept", "/api/v1/auth/signup"])
def test_missing_fields_are_400_naming_them(client, db, path):
    response = client.post(path, {}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"], response.content


def test_non_object_json_is_400(client, db):
    response = client.post("/api/v1/auth/token", data="[1, 2]", content_type="application/json")
    assert response.status_code == 400


@pytest.fixture
def redis_down(settings):
    """The cache (throttles, lockout) on a port of 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    caches = {name: dict(conf) for name, conf in settings.CACHES.items()}
    caches["default"].update(
        BACKEND="django.core.cache.backends.redis.RedisCache", LOCATION=f"redis://127.0.0.1:{closed}/0"
    )
    settings.CACHES = caches


def _is_503_problem(response):
    body = response.json()
    return (
        response.status_code == 503
        and response["Content-Type"] == "application/problem+json"
        and response["Retry-After"] == "30"
        and body["code"] == "service_unavailable"
        and body["status"] == 503
    )


def test_with_redis_down_a_signed_in_read_still_answers(world, api, redis_down):
    """Sessions are checked in the database, so reading needs no Redis at all."""
    client = api(world.a.user(), world.a.clinic)
    client.raise_request_exception = False  # as a server: no test-client re-raise
    response = client.get("/api/v1/staff")
    assert response.status_code == 200, response.content


def test_with_redis_down_sign_in_is_503_problem(client, world, redis_down):
    client.raise_request_exception = False
    response = client.post(  # the sign-in throttle counts in Redis
        "/api/v1/auth/token", {"phone": "+66815550101", "password": "wrong"}, format="json"
    )
    assert _is_503_problem(response), response.content
