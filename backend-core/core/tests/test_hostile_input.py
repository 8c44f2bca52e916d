"""A corpus of hostile values posted into every writable field and query parameter of
every operation of the OpenAPI schema: whatever arrives, the answer is never a 5xx.

The schema is the list of endpoints (drf-spectacular, the one the front end types come
from), so a new endpoint is fuzzed without touching this file. Each request runs in a
savepoint that is rolled back, so the world stays as ``conftest.world`` made it."""

from __future__ import annotations

import json
import random
import re
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pytest
from django.db import transaction
from django.urls import resolve
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient
from rest_framework.throttling import SimpleRateThrottle

from accounts.tests.factories import tokens_for
from core.roles import Role

# One of each kind of trouble: control characters (NUL is refused by PostgreSQL), lone
# surrogates (not encodable as UTF-8), bidirectional overrides, numbers past any column,
# naive and out-of-range date-times, unknown time zones and currencies, wrong JSON types.
HOSTILE: dict[str, Any] = {
    "nul": "a\x00b",
    "control": "\x1b[2J\x07\x08\x7f",
    "surrogate": "\ud800x",
    "bidi": "\u202egnp.exe",
    "long": "x" * 20_000,
    "huge_int": 10**40,
    "huge_negative": -(10**40),
    "huge_float": 1e308,
    "digits": "9" * 60,
    "exponent": "1e999999",
    "naive_datetime": "2030-01-07T10:00:00",
    "far_datetime": "9999-12-31T23:59:59-23:59",
    "tiny_datetime": "0001-01-01T00:00:00+14:00",
    "bad_date": "2030-02-30",
    "time_zone": "Mars/Olympus_Mons",
    "currency": "ZZZ",
    "object": {"$gt": "", "a": [1, {"b": None}]},
    "nested_list": [[["x"]]],
    "null": None,
    "true": True,
    "empty": "",
}

DEEP_JSON = "[" * 100_000 + "]" * 100_000
# Raw bodies sent as JSON to every operation: invalid UTF-8, another encoding, a deep
# nesting that exhausts the parser's recursion, a non-object document.
RAW_BODIES: dict[str, tuple[bytes, str]] = {
    "deep_nesting": (DEEP_JSON.encode(), "application/json"),
    "deep_object": (('{"a":' * 50_000 + "1" + "}" * 50_000).encode(), "application/json"),
    "invalid_utf8": (b'{"name": "\xff\xfe\xc3\x28"}', "application/json"),
    "utf16": ('{"name": "x"}'.encode("utf-16"), "application/json; charset=utf-16"),
    "unknown_charset": (b'{"name": "x"}', "application/json; charset=klingon"),
    "not_an_object": (b"[1, 2, 3]", "application/json"),
    "nan": (b'{"amount": NaN}', "application/json"),
}

UUID_RE = re.compile(r"\{[^}]+\}")


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # template, e.g. /api/v1/patients/{id}
    body: dict[str, Any] | None  # request body schema (resolved), None when none
    query: tuple[str, ...]  # query parameter names


def _resolve(schema: dict[str, Any], node: Any, depth: int = 0) -> Any:
    if depth > 8:
        return {}
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return _resolve(schema, schema["components"]["schemas"][name], depth + 1)
        return {k: _resolve(schema, v, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [_resolve(schema, v, depth + 1) for v in node]
    return node


def operations() -> list[Operation]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, item in schema["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            body = None
            content = op.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                body = _resolve(schema, content["application/json"]["schema"])
            query = tuple(p["name"] for p in op.get("parameters", []) if p.get("in") == "query")
            found.append(Operation(method, path, body, query))
    return found


def _writable(schema: dict[str, Any], prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Paths of the writable properties, nested objects and first array items included."""
    schema = _merged(schema)
    for name, prop in schema.get("properties", {}).items():
        if prop.get("readOnly"):
            continue
        path = (*prefix, name)
        yield path
        prop = _merged(prop)
        if prop.get("type") == "object" and "properties" in prop and len(path) < 4:
            yield from _writable(prop, path)
        if prop.get("type") == "array" and len(path) < 4:
            items = _merged(prop.get("items", {}))
            if "properties" in items:
                yield from _writable(items, (*path, 0))


def _merged(schema: dict[str, Any]) -> dict[str, Any]:
    for key in ("allOf", "oneOf", "anyOf"):
        if key in schema:
            merged: dict[str, Any] = {k: v for k, v in schema.items() if k != key}
            for part in schema[key]:
                part = _merged(part)
                merged.setdefault("properties", {}).update(part.get("properties", {}))
                merged.setdefault("type", part.get("type"))
                if "enum" in part:
                    merged["enum"] = part["enum"]
                if "format" in part:
                    merged["format"] = part["format"]
            return merged
    return schema


class Baseline:
    """Plausible values for a request body: real ids of clinic A where a field's name
    says what it refers to, schema-shaped values elsewhere."""

    def __init__(self, world: Any) -> None:
        a = world.a
        self.ids = {
            "patient": a.patient.pk,
            "service": a.service.pk,
            "practitioner": a.user(Role.DOCTOR).pk,
            "room": a.room.pk,
            "product": a.product.pk,
            "lot": a.lot.pk,
            "appointment": a.appointment.pk,
            "visit": a.clinical.visit.pk,
            "session": a.clinical.session.pk,
        }

    def value(self, name: str, schema: dict[str, Any], depth: int = 0) -> Any:
        schema = _merged(schema)
        if schema.get("enum"):
            return next((v for v in schema["enum"] if v not in (None, "")), None)
        kind = schema.get("type")
        if kind == "object" or "properties" in schema:
            if depth > 3:
                return {}
            return {
                k: self.value(k, v, depth + 1)
                for k, v in schema.get("properties", {}).items()
                if not v.get("readOnly")
            }
        if kind == "array":
            return [self.value(name, schema.get("items", {}), depth + 1)]
        if kind == "integer":
            return 1
        if kind == "number":
            return 1
        if kind == "boolean":
            return True
        return self._string(name, schema)

    def _string(self, name: str, schema: dict[str, Any]) -> str:
        fmt = schema.get("format")
        if fmt == "uuid":
            key = name.removesuffix("_id").removesuffix("_ids")
            return str(self.ids.get(key, uuid.uuid4()))
        if fmt == "date-time":
            return "2030-01-07T03:00:00Z"
        if fmt == "date":
            return "2030-01-07"
        if fmt == "decimal" or schema.get("pattern", "").startswith("^-?\\d"):
            return "1.00"
        if name in ("currency",):
            return "THB"
        if name in ("time_zone",):
            return "Asia/Bangkok"
        if name == "phone":
            return "+66815550199"
        return "text"


def _set(body: Any, path: tuple[Any, ...], value: Any) -> Any:
    body = json.loads(json.dumps(body))
    node = body
    for key in path[:-1]:
        if isinstance(key, int):
            if not isinstance(node, list) or not node:
                return body
            node = node[0]
        else:
            if not isinstance(node, dict):
                return body
            node = node.setdefault(key, {})
    if isinstance(node, dict):
        node[path[-1]] = value
    return body


def _url(op: Operation, world: Any) -> str:
    def one(match: re.Match[str]) -> str:
        return str(_path_id(op, world))

    return UUID_RE.sub(one, op.path)


def _path_id(op: Operation, world: Any) -> Any:
    probe = UUID_RE.sub(str(uuid.uuid4()), op.path)
    view = resolve(probe).func
    cls = getattr(view, "cls", None)
    model = getattr(cls, "model", None)
    if model is None:
        return world.a.patient.pk
    if getattr(cls, "tenant_scope", "clinic") == "organization":
        return world.a.clinic.pk
    row = model._base_manager.filter(**{f"{cls.clinic_field}_id": world.a.clinic.pk}).first()
    return row.pk if row is not None else uuid.uuid4()


class _Rollback(Exception):
    pass


@dataclass
class Failure:
    what: str
    status: int | str
    detail: str


class Fuzzer:
    def __init__(self, world: Any) -> None:
        self.world = world
        self.failures: list[Failure] = []
        self.clients = {
            None: APIClient(),
            Role.OWNER: self._client(Role.OWNER),
            Role.DOCTOR: self._client(Role.DOCTOR),
        }
        for client in self.clients.values():
            client.raise_request_exception = False

    def _client(self, role: str) -> APIClient:
        client = APIClient()
        client.credentials(
            HTTP_AUTHORIZATION=f"Bearer {tokens_for(self.world.a.user(role)).access}",
            HTTP_X_CLINIC_ID=str(self.world.a.clinic.pk),
        )
        return client

    def send(self, role: str | None, method: str, url: str, what: str, **kwargs: Any) -> int:
        client = self.clients[role]
        if kwargs.pop("format", None) == "json":
            # ASCII-escaped JSON: a lone surrogate travels as the text "\\ud800", as a
            # client would send it.
            kwargs = {"data": json.dumps(kwargs["data"]), "content_type": "application/json"}
        status: int = 0
        try:
            with transaction.atomic():
                response = getattr(client, method)(url, **kwargs)
                status = response.status_code
                if status >= 500:
                    body = getattr(response, "content", b"")[:300]
                    exc = getattr(response, "exc_info", None)
                    detail = repr(exc[1])[:300] if exc else body.decode(errors="replace")
                    self.failures.append(Failure(what, status, detail))
                raise _Rollback
        except _Rollback:
            pass
        return status


@pytest.fixture
def fuzzer(world: Any, monkeypatch: pytest.MonkeyPatch) -> Fuzzer:
    # Throttles and the sign-in lockout would answer 429 before the input is read.
    monkeypatch.setattr(SimpleRateThrottle, "allow_request", lambda self, request, view: True)
    monkeypatch.setattr("axes.handlers.proxy.AxesProxyHandler.is_allowed", lambda *a, **k: True)
    return Fuzzer(world)


def _report(failures: list[Failure]) -> str:
    return "\n".join(f"{f.status} {f.what}: {f.detail}" for f in failures[:40])


class Rotation:
    """Deterministic sampling: each call hands out the next ``k`` labels of a cycle, so
    over an operation's fields every value is used while the run stays bounded."""

    def __init__(self, labels: list[str], seed: int) -> None:
        self.labels = labels
        self.position = random.Random(seed).randrange(len(labels))

    def take(self, k: int) -> list[str]:
        picked = [self.labels[(self.position + i) % len(self.labels)] for i in range(k)]
        self.position += k
        return picked


LIST_PARAMETERS = ("search", "ordering", "page", "page_size")
SCALAR = [
    label for label, value in HOSTILE.items() if not isinstance(value, dict | list) and value is not None
]
# Samples per run (the whole corpus on every field would take tens of minutes on 2 cores).
PER_QUERY_PARAM, PER_FIELD, ALL_FIELDS_AT_ONCE, RAW_PER_OPERATION = 2, 2, 7, 3


def _role(fuzzer: Fuzzer, signed_in: bool, op: Operation, url: str, body: Any) -> str | None:
    """The owner; the doctor where the owner's role is refused (clinical writes)."""
    if not signed_in:
        return None
    if op.method != "get":
        status = fuzzer.send(
            Role.OWNER, op.method, url, f"{op.method} {op.path} baseline", data=body, format="json"
        )
        if status == 403:
            return Role.DOCTOR
    return Role.OWNER


@pytest.mark.parametrize("signed_in", [True, False], ids=["owner", "anonymous"])
def test_hostile_query_parameters_never_answer_5xx(fuzzer: Fuzzer, signed_in: bool) -> None:
    rotation = Rotation(SCALAR, seed=12)
    for op in operations():
        if op.method != "get":
            continue
        url = _url(op, fuzzer.world)
        role = _role(fuzzer, signed_in, op, url, None)
        # Lists also get the parameters views read without declaring them in the schema.
        extra = LIST_PARAMETERS if "{" not in op.path else ()
        for name in dict.fromkeys((*op.query, *extra)):
            for label in rotation.take(PER_QUERY_PARAM):
                # A lone surrogate goes as the bytes %ED%A0%80: invalid UTF-8.
                query = urlencode({name: str(HOSTILE[label])}, errors="surrogatepass")
                fuzzer.send(role, "get", f"{url}?{query}", f"GET {op.path}?{name}={label}")
    assert not fuzzer.failures, _report(fuzzer.failures)


@pytest.mark.parametrize("signed_in", [True, False], ids=["owner", "anonymous"])
def test_hostile_bodies_never_answer_5xx(fuzzer: Fuzzer, signed_in: bool) -> None:
    baseline = Baseline(fuzzer.world)
    values, raw = Rotation(sorted(HOSTILE), seed=14), Rotation(sorted(RAW_BODIES), seed=4217)
    for op in operations():
        if op.body is None:
            continue
        url = _url(op, fuzzer.world)
        body = baseline.value("", op.body)
        role = _role(fuzzer, signed_in, op, url, body)
        fields = list(_writable(op.body))
        for label in values.take(ALL_FIELDS_AT_ONCE):
            everything = body
            for path in fields:
                everything = _set(everything, path, HOSTILE[label])
            fuzzer.send(
                role, op.method, url, f"{op.method} {op.path} all={label}", data=everything, format="json"
            )
        for path in fields:  # each field alone in an otherwise plausible body
            for label in values.take(PER_FIELD):
                name = ".".join(map(str, path))
                data = _set(body, path, HOSTILE[label])
                fuzzer.send(
                    role, op.method, url, f"{op.method} {op.path} {name}={label}", data=data, format="json"
                )
        for label in raw.take(RAW_PER_OPERATION):
            payload, content_type = RAW_BODIES[label]
            fuzzer.send(
                role,
                op.method,
                url,
                f"{op.method} {op.path} body={label}",
                data=payload,
                content_type=content_type,
            )
    assert not fuzzer.failures, _report(fuzzer.failures)


def _fields(response: Any) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


@pytest.mark.parametrize("raw", ["deep_nesting", "deep_object"])
def test_deeply_nested_json_is_a_400_without_signing_in(client: APIClient, db: None, raw: str) -> None:
    payload, content_type = RAW_BODIES[raw]
    response = client.post("/api/v1/auth/token", payload, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_request"


def test_nesting_past_the_limit_is_refused_naming_where(client: APIClient, db: None) -> None:
    nested: Any = "x"
    for _ in range(40):
        nested = [nested]
    response = client.post("/api/v1/auth/token", {"phone": nested}, format="json")
    assert response.status_code == 400
    assert any(field.startswith("phone.0.0") for field in _fields(response))


def test_nul_and_lone_surrogates_are_400_naming_each_field(client: APIClient, db: None) -> None:
    body = json.dumps(
        {
            "organization_name": "Lumi\x00ère",
            "clinic": {"name": "\ud800", "country": "TH"},
            "owner": {"given_name": "Ann", "notes": {"k\x00": 1}},
        }
    )
    response = client.post("/api/v1/auth/signup", body, content_type="application/json")
    assert response.status_code == 400
    assert _fields(response) == {"organization_name", "clinic.name", "owner.notes"}
    # The answer itself is valid UTF-8 JSON: the bad text is never echoed back.
    assert "\ud800" not in response.content.decode()


def test_nul_in_a_query_parameter_is_400_naming_it(api: Any, world: Any) -> None:
    owner = api(world.a.user(), world.a.clinic)
    response = owner.get("/api/v1/staff?search=%00&page=1")  # a search PostgreSQL cannot run
    assert response.status_code == 400 and _fields(response) == {"search"}
    assert api().get("/api/v1/patients?ordering=a%00").status_code == 400
