"""Property-based API testing over the generated OpenAPI schema (schemathesis).

Every operation is called with generated valid and invalid input (schemathesis'
positive and negative modes), as a signed-in owner of clinic A and, more briefly, as a
stranger without credentials; any 5xx, undocumented status, wrong content type or
response that does not match the schema fails the test. Hand-picked hostile values
(NUL, surrogates, deep nesting, naive instants…) are in ``test_hostile_input.py``.
(Schemathesis' ``negative_data_rejection`` is not used: DRF deliberately reads JSON
numbers as text for text fields, and ``null`` as "unknown" for boolean filters.)"""

from typing import Any

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.tests.factories import tokens_for
from core.wsgi import application


def test_schema_generates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))


# The schema is served where API_DOCS_PUBLIC allows it (off by default in production).
with override_settings(API_DOCS_PUBLIC=True):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)

HYPOTHESIS: dict[str, Any] = {
    "deadline": None,
    "derandomize": True,
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
}

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def in_thread_wsgi(db):
    """Requests go through the WSGI app in this thread, so like Django's test client we
    keep the test's connection open between requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def owner_headers(world, in_thread_wsgi):
    """Headers of clinic A's owner."""
    return {
        "Authorization": f"Bearer {tokens_for(world.a.user()).access}",
        "X-Clinic-Id": str(world.a.clinic.pk),
    }


@schema.parametrize()
@settings(max_examples=25, **HYPOTHESIS)
def test_every_operation_conforms_to_the_schema(case, owner_headers):
    case.call_and_validate(headers=owner_headers, checks=CHECKS)


@schema.parametrize()
@settings(max_examples=4, **HYPOTHESIS)
def test_every_operation_answers_a_stranger_without_a_server_error(case, in_thread_wsgi):
    """No credentials: the open routes (sign-up, sign-in, invites) read the input, the
    others must refuse it with a documented 401, whatever it holds."""
    case.call_and_validate(checks=CHECKS)
