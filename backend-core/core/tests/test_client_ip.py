"""The client address: X-Forwarded-For only from trusted proxies (core/net.py), for the
throttles, the login lockout, the audit trail, and the ASGI server (core/serve.py)."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from rest_framework.test import APIClient

from accounts.tests.factories import PASSWORD, MembershipFactory
from audit.services import audit_event_record
from core.checks import trusted_proxies_valid
from core.context import AuditContext, audit_context
from core.net import client_ip
from core.roles import Role
from core.serve import uvicorn_argv
from core.throttling import ScopedClientThrottle

LOGIN = "/api/v1/auth/token"
ATTACKER = "198.51.100.66"
NGINX = "172.30.80.10"


@pytest.fixture
def proxies(settings):
    settings.TRUSTED_PROXIES = [NGINX, "10.8.0.0/16"]


def _request(peer: str, forwarded: str = "") -> object:
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **extra)


def _fail(phone: str, peer: str, forwarded: str = "") -> APIClient:
    client = APIClient(REMOTE_ADDR=peer)
    if forwarded:
        client.defaults["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(LOGIN, {"phone": phone, "password": "wrong-password-1"}, format="json")


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        (ATTACKER, "203.0.113.1", ATTACKER),  # not a proxy: its header is ignored
        (NGINX, f"203.0.113.1, {ATTACKER}", ATTACKER),  # the client wrote what is left of nginx's entry
        (NGINX, "10.8.1.2, 203.0.113.9, 10.8.0.7", "203.0.113.9"),  # through two trusted hops
        (NGINX, "10.8.0.5", "10.8.0.5"),  # every hop trusted: the leftmost
        (NGINX, "bogus, 10.8.0.5", "10.8.0.5"),  # a malformed entry ends the walk
        (NGINX, "", NGINX),
        ("::ffff:0:1", "", "::ffff:0:1"),
        ("not-an-address", "203.0.113.1", None),
    ],
)
def test_client_ip_believes_forwarded_for_from_trusted_proxies_only(proxies, peer, forwarded, expected):
    assert client_ip(_request(peer, forwarded)) == expected


def test_without_trusted_proxies_the_header_is_never_believed(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(_request("127.0.0.1", "203.0.113.1")) == "127.0.0.1"


def test_rotating_forwarded_for_from_an_untrusted_peer_does_not_escape_the_throttle(db, monkeypatch):
    monkeypatch.setattr(ScopedClientThrottle, "THROTTLE_RATES", {"auth": "3/minute"})
    statuses = [_fail(f"+6681555{n:04d}", ATTACKER, f"203.0.113.{n}").status_code for n in range(4)]
    assert statuses == [401, 401, 401, 429]


def test_throttle_keys_on_the_forwarded_client_behind_a_trusted_proxy(db, proxies, monkeypatch):
    monkeypatch.setattr(ScopedClientThrottle, "THROTTLE_RATES", {"auth": "3/minute"})
    for n in range(3):
        assert _fail(f"+6681555{n:04d}", NGINX, f"{ATTACKER}, 203.0.113.1").status_code == 401
    throttled = _fail("+66815559999", NGINX, f"{ATTACKER}, 203.0.113.1")
    assert throttled.status_code == 429 and throttled.json()["code"] == "too_many_requests"
    # Another client behind the same proxy has its own allowance.
    assert _fail("+66815559998", NGINX, "203.0.113.2").status_code == 401


def test_rotating_forwarded_for_from_an_untrusted_peer_does_not_escape_the_address_lockout(db, settings):
    # Password spraying: one guess on each of many accounts, a new X-Forwarded-For each time.
    for n in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _fail(f"+6681555{n:04d}", ATTACKER, f"203.0.113.{n}").status_code == 401
    locked = _fail("+66815559999", ATTACKER, "203.0.113.250")
    assert locked.status_code == 429 and locked.json()["code"] == "login_locked_out"
    # The lockout is the attacker's address's, not everyone's.
    assert _fail("+66815559998", "192.0.2.44").status_code == 401


def test_clients_behind_a_trusted_proxy_are_locked_out_one_by_one(db, settings, proxies):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail(f"+6681555{n:04d}", NGINX, ATTACKER)
    assert _fail("+66815559999", NGINX, ATTACKER).json()["code"] == "login_locked_out"
    assert _fail("+66815559999", NGINX, "203.0.113.2").status_code == 401


def test_account_is_locked_after_failures_from_many_addresses(db, settings):
    user = MembershipFactory(role=Role.RECEPTIONIST).user
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail(user.phone, f"203.0.113.{n}")
    right = APIClient(REMOTE_ADDR="192.0.2.7").post(
        LOGIN, {"phone": user.phone, "password": PASSWORD}, format="json"
    )
    assert right.status_code == 429 and right.json()["code"] == "login_locked_out"


def test_audit_trail_records_the_peer_unless_it_is_a_trusted_proxy(world, proxies):
    def recorded(peer: str, forwarded: str) -> str | None:
        with audit_context(AuditContext.from_request(_request(peer, forwarded))):
            event = audit_event_record(
                clinic=world.a.clinic,
                actor=world.a.user(Role.OWNER),
                action="test.viewed",
                object_type="test",
                object_id="1",
            )
        return event.ip

    assert recorded(ATTACKER, "203.0.113.1") == ATTACKER
    assert recorded(NGINX, f"203.0.113.1, {ATTACKER}") == ATTACKER


def test_asgi_server_trusts_the_same_proxies():
    untrusting = uvicorn_argv([], ["--port", "8000"])
    assert untrusting == ["core.asgi:application", "--no-proxy-headers", "--port", "8000"]
    assert uvicorn_argv([NGINX, "10.8.0.0/16"], []) == [
        "core.asgi:application",
        "--proxy-headers",
        "--forwarded-allow-ips",
        f"{NGINX},10.8.0.0/16",
    ]
    with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
        uvicorn_argv([], ["--forwarded-allow-ips=*"])


def test_a_malformed_trusted_proxy_fails_the_system_check(settings):
    settings.TRUSTED_PROXIES = ["nginx"]
    assert [m.id for m in trusted_proxies_valid()] == ["core.E004"]
