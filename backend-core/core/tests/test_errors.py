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
