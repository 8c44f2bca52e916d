"""The cross-tenant harness (``core.tests.test_cross_tenant``) for the patient portal.

Routes are enumerated from the URL resolver, so new ones are covered without anyone
remembering to add a test:
- every portal route that takes an object id answers 404 (GET and POST) to a signed-in
  patient for another patient's record, and for an id that is nothing; a route whose
  object kind has no source in ``OTHER_PATIENTS_IDS`` fails here until it gets one;
- no other route (staff API, admin, the staff front end) answers a portal session
  differently from a visitor with no credentials at all: the session opens nothing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import itertools
import re
import uuid
from collections.abc import Callable

import pytest
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing.websocket import WebsocketCommunicator
from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import get_resolver

from accounts.tests.factories import tokens_for
from commerce.models import Invoice
from core.asgi import application, router
from core.roles import Role
from core.tests.test_cross_tenant import _walk
from portal import services, services_my
from portal.tests.conftest import MONDAY, signed_in
from portal.tests.test_services_my import own_world_patient

pytestmark = pytest.mark.usefixtures("clock")

_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _portal_id_routes() -> list[str]:
    """Portal path patterns with a parameter other than the public clinic ``slug``."""
    routes = []
    for pattern, _callback in _walk(get_resolver().url_patterns):
        if pattern.startswith("portal/") and any(m["name"] != "slug" for m in _PARAM.finditer(pattern)):
            routes.append(pattern)
    return routes


def _object_kind(pattern: str) -> str:
    """The path segment before the id: ``portal/me/appointments/<str:pk>/cancel/`` →
    ``appointments``."""
    before = pattern[: next(m.start() for m in _PARAM.finditer(pattern) if m["name"] != "slug")]
    return before.rstrip("/").rsplit("/", 1)[-1]


#: For each kind of portal object: (the other patient's record id, the signed-in
#: patient's own). Built by ``_records`` from a booking of each.
OTHER_PATIENTS_IDS: dict[str, Callable[[dict], tuple[str, str]]] = {
    "appointments": lambda records: (records["theirs"], records["mine"]),
    # A clinic that holds no chart of the patient, and the one that does.
    "data": lambda records: (str(records["world"].a.clinic.pk), str(records["clinic"].pk)),
    "exports": lambda records: (
        _export(records["theirs_account"], records["clinic"]),
        _export(records["mine_account"], records["clinic"]),
    ),
    # Another patient's invoice (the Bangkok clinic's), and the patient's own once the
    # world's São Paulo chart is theirs.
    "invoices": lambda records: (
        str(Invoice.unscoped.get(clinic=records["world"].a.clinic).pk),
        str(Invoice.unscoped.get(patient=own_world_patient(records["world"], records["mine_account"])).pk),
    ),
}


def _export(account, clinic) -> str:
    return str(services_my.portal_export_create(account=account, clinic_id=str(clinic.pk)).pk)


PORTAL_ID_ROUTES = _portal_id_routes()


def _fill(pattern: str, values: dict[str, str]) -> str:
    return "/" + _PARAM.sub(lambda m: values[m["name"]], pattern)


def _book(account, clinic, service, hour: int) -> str:
    appointment = services.portal_book(
        account=account,
        clinic_slug=clinic.slug,
        service_id=str(service.pk),
        practitioner_id="",
        starts_at=dt.datetime.combine(MONDAY, dt.time(hour), tzinfo=clinic.zone),
        consents={"treatment": True},
    )
    return str(appointment.pk)


def test_the_enumeration_finds_the_portals_id_routes():
    assert "portal/me/appointments/<str:pk>/cancel/" in PORTAL_ID_ROUTES


@pytest.mark.parametrize("pattern", PORTAL_ID_ROUTES)
def test_portal_routes_answer_404_for_another_patients_record(
    browser, world, published, make_patient, pattern
):
    kind = _object_kind(pattern)
    assert kind in OTHER_PATIENTS_IDS, f"no source of another patient's {kind!r} for {pattern}: add one"
    mine, theirs = make_patient(seed=1), make_patient(seed=2)
    records = {
        "mine": _book(mine, published, world.b.service, 10),
        "theirs": _book(theirs, published, world.b.service, 11),
        "mine_account": mine,
        "theirs_account": theirs,
        "world": world,
        "clinic": published,
    }
    their_id, my_id = OTHER_PATIENTS_IDS[kind](records)
    signed_in(browser, mine)
    refused: set[str] = set()  # methods the route does not take at all (405 whatever the id)
    for pk in (their_id, str(uuid.uuid4()), "not-an-id", str(world.b.appointment.pk)):
        url = _fill(pattern, {"slug": published.slug, "pk": pk, "clinic_id": pk})
        for method in ("get", "post"):
            status = getattr(browser, method)(url).status_code
            assert status in (404, 405), (method, url, status)
            if status == 405:
                refused.add(method)
    # The route does take the patient's own record: the 404s above are about ownership.
    own_url = _fill(pattern, {"slug": published.slug, "pk": my_id, "clinic_id": my_id})
    for method in ("get", "post"):
        status = getattr(browser, method)(own_url).status_code
        assert (status == 405) == (method in refused), (method, own_url, status)
        assert status in (200, 302, 400, 405), (method, own_url, status)  # 400: an empty form
    assert refused != {"get", "post"}


# ----------------------------------------------------------- staff routes vs portal

#: A value for each kind of URL parameter (path converters and router regex groups).
_CONVERTER_VALUES = {"int": "1", "slug": "x", "path": "1", "str": "", "uuid": ""}
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def _concrete(pattern: str) -> str | None:
    """A request path for ``pattern``: parameters filled in (ids: a fresh UUID; the
    format suffix: ``json``); ``None`` for a pattern that is no single path (the front
    end's catch-all)."""
    fresh = str(uuid.uuid4())
    path = _REGEX_GROUP.sub(lambda m: "json" if m["name"] == "format" else fresh, pattern)
    path = _PARAM.sub(lambda m: _CONVERTER_VALUES.get(m["converter"] or "str") or fresh, path)
    path = path.replace("^", "").replace("\\Z", "").replace("$", "").replace("\\.", ".").replace("/?", "/")
    if re.search(r"[()\[\]*+?\\|]", path):
        return None
    return "/" + path


STAFF_PATTERNS = [p for p, _ in _walk(get_resolver().url_patterns) if not p.startswith("portal/")]


def test_no_staff_route_answers_a_portal_session(world, make_patient):
    """Every API, admin and front-end route: GET and POST with a signed-in portal
    patient's session answer exactly what they answer a visitor without credentials
    (401/403/404/redirect to the staff sign-in; public routes stay public)."""
    patient = signed_in(Client(), make_patient())
    anonymous = Client()
    skipped = []
    checked = 0
    addresses = (str(ipaddress.IPv4Address("10.0.0.0") + n) for n in itertools.count(1))
    for pattern in STAFF_PATTERNS:
        path = _concrete(pattern)
        if path is None:
            skipped.append(pattern)
            continue
        for method in ("get", "post"):
            # Sign-in throttles count per address: each request comes from an address of
            # its own, so both clients start even. (Clearing the cache would flush the
            # Redis database the other test processes share for the channel layer and
            # the worker's queue.)
            expected = getattr(anonymous, method)(path, REMOTE_ADDR=next(addresses))
            answered = getattr(patient, method)(path, REMOTE_ADDR=next(addresses))
            assert answered.status_code == expected.status_code, (method, path, answered.status_code)
            if path.startswith("/api/v1/") and answered.status_code == 200:
                assert method == "get" and expected.status_code == 200  # public: no session data
            checked += 1
    assert len(skipped) <= 1 and all(p.startswith("^(?!api/") for p in skipped), skipped
    assert checked > 300
    # The portal session was alive all along.
    assert patient.get("/portal/me/appointments/").status_code == 200
    assert patient.get("/api/v1/users/me").status_code == 401


def test_the_enumeration_finds_the_consent_form_route():
    """The consent form page (``appointments`` kind) is among the routes checked above."""
    assert "portal/me/appointments/<str:pk>/consent-form/" in PORTAL_ID_ROUTES


# ------------------------------------------------------- staff sockets vs portal


def _socket_paths() -> list[str]:
    """Every WebSocket route of the ASGI application (``core.asgi.router``), as paths:
    a new socket is covered without anyone remembering to add it here."""
    found: list[str] = []

    def walk(app: object, prefix: str) -> None:
        while not isinstance(app, URLRouter) and hasattr(app, "application"):
            app = app.application  # origin and host validators wrap the router
        for route in getattr(app, "routes", []):
            pattern = prefix + str(route.pattern)
            inner = getattr(route, "callback", None)
            inner = getattr(inner, "consumer_class", None) or inner
            if isinstance(inner, URLRouter):
                walk(inner, pattern)
            else:
                found.append(pattern)

    walk(router.application_mapping["websocket"], "")
    return ["/" + _PARAM.sub(lambda m: str(uuid.uuid4()), p.lstrip("^").rstrip("$")) for p in found]


async def _socket(path: str, headers: list[tuple[bytes, bytes]]) -> tuple[bool, int | None]:
    communicator = WebsocketCommunicator(
        application, path, headers=[(b"origin", b"http://localhost"), *headers]
    )
    connected, code = await communicator.connect(timeout=5)
    await communicator.disconnect()
    return connected, code


@pytest.mark.django_db(transaction=True)
def test_no_staff_socket_opens_for_a_portal_session(world, published, make_patient):
    """Every WebSocket route, asked with a signed-in portal patient's session cookie for
    the clinic that holds their chart, is refused exactly as for a visitor with no
    credentials; the same socket opens for the clinic's staff (so the refusal is about
    the credential, not a broken route)."""
    account = make_patient()
    _book(account, published, world.b.service, 10)  # the patient has a chart at the clinic
    browser = signed_in(Client(), account)
    assert browser.get("/portal/me/appointments/").status_code == 200  # the session is alive
    cookie = f"{settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}"
    token = tokens_for(world.b.user(Role.RECEPTIONIST)).access
    paths = _socket_paths()
    assert "/ws/clinic/" in paths

    async def scenario() -> None:
        try:
            for path in paths:
                url = f"{path}?clinic={published.pk}"
                anonymous = await _socket(url, [])
                patient = await _socket(url, [(b"cookie", cookie.encode())])
                assert patient == anonymous, (path, patient, anonymous)
                assert patient[0] is False, path
            staff = await _socket(f"/ws/clinic/?clinic={published.pk}&token={token}", [])
            assert staff[0] is True
        finally:
            await database_sync_to_async(connections.close_all)()

    asyncio.run(scenario())
