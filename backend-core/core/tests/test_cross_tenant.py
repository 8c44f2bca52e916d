"""Automatic tenant-isolation test over EVERY clinic-scoped API route.

Routes are enumerated from the URL resolver; each one served by a
``ClinicScopedViewSet`` is tried by a member of clinic B whose role may perform the
action (the owner where the owner may; clinical routes: a doctor) against clinic A's record:
every detail route (any method) must answer 404 and no list may contain it. New
endpoints are covered without anyone remembering to add a test; a viewset whose model
has no row in the ``world`` fixture fails here until the fixture gets one. The patient
portal's routes (another patient's record, and no staff route opened by a portal
session) are enumerated the same way in ``portal.tests.test_isolation``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from core.api import ClinicScopedViewSet
from core.permissions import role_has_permission
from core.roles import Role

DETAIL_METHODS = ("get", "put", "patch", "delete", "post")


@dataclass(frozen=True)
class Route:
    path: str
    view: type[ClinicScopedViewSet]
    actions: dict[str, str]

    @property
    def is_detail(self) -> bool:
        return "(?P<pk>" in self.path


def _walk(patterns, prefix=""):
    for pattern in patterns:
        regex = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, regex)
        elif isinstance(pattern, URLPattern):
            yield regex, pattern.callback


def clinic_scoped_routes() -> list[Route]:
    routes = []
    for regex, callback in _walk(get_resolver().url_patterns):
        view = getattr(callback, "cls", None)
        if view is not None and issubclass(view, ClinicScopedViewSet):
            routes.append(Route(regex, view, dict(getattr(callback, "actions", {}) or {})))
    return routes


def _url(route: Route, pk: object) -> str:
    path = route.path.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\.", ".")
    path = re.sub(r"\(\?P<pk>[^)]*\)", str(pk), path)
    return "/" + path


def _records_of_clinic(route: Route, tenant) -> list:
    view = route.view
    manager = view.model._base_manager
    if view.tenant_scope == "organization":
        rows = manager.filter(**{f"{view.organization_field}_id": tenant.clinic.organization_id})
    else:
        rows = manager.filter(**{f"{view.clinic_field}_id": tenant.clinic.pk})
    return list(rows.values_list("pk", flat=True))


ROUTES = clinic_scoped_routes()


def _member_allowed(tenant, view: type[ClinicScopedViewSet], action: str):
    """The tenant's owner if the owner holds the action's permission, else the first
    role that does: a 403 for the role would hide whether isolation holds."""
    permission = view.required_permissions.get(action, "")
    role = next((r for r in (Role.OWNER, *Role) if role_has_permission(r, permission)), Role.OWNER)
    return tenant.user(role)


def test_the_enumeration_finds_the_clinic_scoped_api():
    names = {route.view.__name__ for route in ROUTES}
    assert {"ClinicViewSet", "StaffViewSet", "InviteViewSet", "ServiceViewSet"} <= names
    assert any(route.is_detail for route in ROUTES)


@pytest.mark.parametrize("route", [r for r in ROUTES if r.is_detail], ids=lambda r: r.path)
def test_detail_routes_answer_404_for_another_clinics_record(world, api, route):
    records = _records_of_clinic(route, world.a)
    assert records, f"world fixture has no {route.view.model.__name__} in clinic A: add one"
    for method in DETAIL_METHODS:
        if method not in route.actions:
            continue
        client = api(_member_allowed(world.b, route.view, route.actions[method]), world.b.clinic)
        # An empty body and a malformed one (a JSON array): a view that read the body
        # before looking the record up would answer 400 and reveal that the id exists.
        bodies = [{}, []] if method in ("post", "put", "patch") else [{}]
        for pk in records:
            for body in bodies:
                response = getattr(client, method)(_url(route, pk), data=body, format="json")
                assert response.status_code == 404, (method, _url(route, pk), body, response.content)
                assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("route", [r for r in ROUTES if r.actions.get("get") == "list"], ids=lambda r: r.path)
def test_lists_never_show_another_clinics_records(world, api, route):
    foreign = {str(pk) for pk in _records_of_clinic(route, world.a)}
    own = {str(pk) for pk in _records_of_clinic(route, world.b)}
    user = _member_allowed(world.b, route.view, "list")
    response = api(user, world.b.clinic).get(_url(route, ""), {"page_size": 100})
    assert response.status_code == 200, response.content
    body = response.json()
    items = body["results"] if isinstance(body, dict) and "results" in body else body
    items = items if isinstance(items, list) else [items]
    seen = {item["id"] for item in items}
    assert not seen & foreign
    assert seen & own, "the list should show the caller's own clinic's records"


@pytest.mark.parametrize("route", [r for r in ROUTES if "get" in r.actions][:1], ids=lambda r: r.path)
def test_clinic_header_without_membership_is_refused(world, api, route):
    response = api(world.b.user(), world.a.clinic).get(_url(route, ""))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
