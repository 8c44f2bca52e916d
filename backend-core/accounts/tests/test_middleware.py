"""The clinic context middleware: which clinic a request acts in, and who may ask."""

from core.tenancy import get_current_clinic


def test_context_is_reset_after_a_request(world, api):
    response = api(world.a.user(), world.a.clinic).get("/api/v1/staff")
    assert response.status_code == 200
    assert get_current_clinic() is None


def test_an_expired_token_with_a_clinic_header_answers_401_so_the_client_refreshes(world, api):
    """A stale access token must read as "not signed in" (401), not as a stranger to the
    clinic (404): the front end renews the token on 401 only."""
    client = api(world.a.user(), world.a.clinic)
    client.credentials(
        HTTP_AUTHORIZATION="Bearer expired.or.revoked", HTTP_X_CLINIC_ID=str(world.a.clinic.pk)
    )
    response = client.get("/api/v1/staff")
    assert response.status_code == 401


def test_a_signed_in_stranger_to_the_clinic_still_gets_404(world, api):
    client = api(world.b.user(), world.b.clinic)
    response = client.get("/api/v1/staff", HTTP_X_CLINIC_ID=str(world.a.clinic.pk))
    assert response.status_code == 404
