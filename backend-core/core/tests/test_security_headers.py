"""Content-Security-Policy on every page, the Swagger UI working under it, and which tool
pages a production server exposes (``API_DOCS_PUBLIC``, ``DJANGO_ADMIN_ENABLED``, the
admin's TOTP sign-in)."""

from __future__ import annotations

import importlib
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
import yaml
from csp.utils import build_policy
from django.test import Client, override_settings
from django.urls import clear_url_caches
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.tests.factories import PASSWORD, UserFactory
from core.settings.csp import CONTENT_SECURITY_POLICY, content_security_policy
from core.tests.test_deploy import COMPOSE_FILE


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    """Pages link static files by name: no collected manifest in tests."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def directives(header: str) -> dict[str, list[str]]:
    parsed = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in parsed}


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.inline_handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        self.inline_handlers += [name for name, _value in attrs if name.startswith("on")]


@pytest.mark.parametrize("address", ["/api/docs/", "/admin/login/", "/api/v1/no-such-thing"])
@override_settings(API_DOCS_PUBLIC=True)
def test_pages_forbid_inline_script_and_framing(db, address):
    response = Client().get(address)
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]


@override_settings(API_DOCS_PUBLIC=True)
def test_swagger_ui_runs_from_files_only(db):
    """drf-spectacular's default page starts Swagger UI with an inline script, which the
    policy blocks (a blank page); the split view serves that script from a URL."""
    page = Client().get("/api/docs/")
    assert page.status_code == 200
    parser = _Scripts()
    parser.feed(page.content.decode())
    assert parser.scripts and all(script.get("src") for script in parser.scripts)
    assert parser.inline_handlers == []
    start = urlsplit(str(parser.scripts[-1]["src"]))
    script = Client().get(start.path, dict(part.split("=", 1) for part in start.query.split("&")))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in script.content


def test_the_object_store_origin_is_allowed_for_photos_and_uploads():
    config = content_security_policy("https://photos.example.com:9000/bucket")
    policy = directives(build_policy(config=config["DIRECTIVES"]))
    assert "https://photos.example.com:9000" in policy["img-src"]
    assert "https://photos.example.com:9000" in policy["connect-src"]
    assert "https://photos.example.com:9000" not in policy["script-src"]
    embedded = directives(build_policy(config=CONTENT_SECURITY_POLICY["DIRECTIVES"]))
    assert embedded["connect-src"] == ["'self'"]  # the local store is this origin


def test_compose_front_end_containers_send_the_backends_policy():
    raw = yaml.safe_load(COMPOSE_FILE.read_text())
    default_store = "http://localhost:9000"
    sent = re.sub(r"\$\{S3_PUBLIC_ENDPOINT_URL:-[^}]*\}", default_store, raw["x-csp"])
    backend = build_policy(config=content_security_policy(default_store)["DIRECTIVES"])
    assert directives(sent) == directives(backend)
    for app in ("host", "emr", "pos", "scheduling"):
        assert raw["services"][f"frontend-{app}"]["environment"]["CONTENT_SECURITY_POLICY"] == raw["x-csp"]


@pytest.mark.parametrize("address", ["/api/docs/", "/api/v1/schema/"])
def test_api_docs_and_schema_are_not_served_unless_public(db, address, settings):
    settings.API_DOCS_PUBLIC = False
    hidden = Client().get(address)
    assert hidden.status_code == 404
    assert hidden["Content-Type"] == "application/problem+json"
    settings.API_DOCS_PUBLIC = True
    assert Client().get(address).status_code == 200


def test_admin_sign_in_needs_a_totp_code(db):
    staff = UserFactory(is_staff=True, is_superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)
    client = Client()
    form = {"username": staff.phone, "password": PASSWORD, "next": "/admin/"}
    refused = client.post("/admin/login/", form)
    assert refused.status_code == 200  # the form again, with an error
    assert client.get("/admin/").status_code == 302
    code = str(totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits))
    code = code.zfill(device.digits)
    signed_in = client.post("/admin/login/", {**form, "otp_device": device.persistent_id, "otp_token": code})
    assert signed_in.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.fixture
def reloaded_urls(settings):
    """Reload ``core.urls`` after the test changed a setting it reads, and back after."""
    import core.urls

    yield lambda: (importlib.reload(core.urls), clear_url_caches())
    settings.DJANGO_ADMIN_ENABLED = True
    importlib.reload(core.urls)
    clear_url_caches()


def test_the_admin_can_be_switched_off(db, settings, reloaded_urls):
    settings.DJANGO_ADMIN_ENABLED = False
    reloaded_urls()
    assert Client().get("/admin/login/").status_code == 404
