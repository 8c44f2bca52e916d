"""The built front end from Django: page addresses answer the host's index.html, the
prefixes served elsewhere keep their own 404s, and only hashed files are cached forever."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client, override_settings

from core.settings.frontend import immutable_static_file

INDEX = "<!doctype html><html><body><div id=app></div></body></html>"


@pytest.fixture
def built(tmp_path: Path):
    (tmp_path / "host").mkdir()
    (tmp_path / "host" / "index.html").write_text(INDEX)
    with override_settings(STATIC_ROOT=tmp_path, STATICFILES_DIRS=[]):
        yield tmp_path


@pytest.mark.parametrize("address", ["/", "/calendar", "/settings/staff", "/login?redirect=/calendar"])
def test_page_addresses_answer_the_host_index(built, address):
    response = Client().get(address)
    assert response.status_code == 200
    assert response.content.decode() == INDEX
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("address", ["/api/v1/no-such-thing", "/static/host/missing.js", "/ws/clinic/"])
def test_other_prefixes_keep_their_own_not_found(built, address):
    response = Client().get(address)
    assert response.status_code == 404
    assert INDEX not in response.content.decode()


def test_probes_are_not_pages(built, db):
    assert Client().get("/healthz").json() == {"status": "ok"}


def test_pages_are_read_only(built):
    assert Client().post("/calendar").status_code == 405


def test_unbuilt_front_end_answers_a_problem(tmp_path):
    with override_settings(STATIC_ROOT=tmp_path, STATICFILES_DIRS=[]):
        response = Client().get("/calendar")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "npm run build" in response.json()["detail"]


@pytest.mark.parametrize(
    ("url", "immutable"),
    [
        ("/static/scheduling/remoteEntry.js", False),
        ("/static/host/index.html", False),
        ("/static/scheduling/assets/CalendarModule-7JGqXeaF.js", True),
        ("/static/host/assets/index-DsmlOfcf.css", True),
        ("/static/drf_spectacular_sidecar/swagger-ui.0123456789ab.css", True),
        ("/static/admin/css/base.css", False),
    ],
)
def test_only_hashed_files_are_immutable(url, immutable):
    assert immutable_static_file("", url) is immutable
