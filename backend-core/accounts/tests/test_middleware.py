"""The clinic context middleware: which clinic a request acts in, and who may ask."""

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Clinic, Membership, User
from core.roles import Role
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


# The session and the membership are read in one query on every request, nothing cached
# between requests: each change below must count on the very next request of the same
# client (the same access token).


def test_a_revoked_session_answers_401_on_its_next_request_with_a_clinic_header(world, api):
    from accounts.models import RefreshTokenFamily

    client = api(world.a.user(), world.a.clinic)
    assert client.get("/api/v1/users/me").status_code == 200
    RefreshTokenFamily.objects.filter(user=world.a.user()).update(revoked_at=timezone.now())

    response = client.get("/api/v1/users/me")

    assert response.status_code == 401
    assert response.json()["code"] == "session_revoked"


def test_a_removed_membership_answers_404_on_its_next_request(world, api):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert client.get("/api/v1/staff").status_code == 200
    Membership.objects.filter(user=world.a.user(Role.RECEPTIONIST), clinic=world.a.clinic).update(
        is_active=False
    )

    assert client.get("/api/v1/staff").status_code == 404


def test_a_deactivated_clinic_answers_404_on_its_next_request(world, api):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert client.get("/api/v1/staff").status_code == 200
    Clinic.objects.filter(pk=world.a.clinic.pk).update(is_active=False)

    assert client.get("/api/v1/staff").status_code == 404


def test_a_changed_role_counts_on_its_next_request(world, api):
    user = world.a.user(Role.RECEPTIONIST)
    client = api(user, world.a.clinic)
    assert "sale.create" not in client.get("/api/v1/users/me").json()["permissions"]
    Membership.objects.filter(user=user, clinic=world.a.clinic).update(role=Role.CASHIER)

    me = client.get("/api/v1/users/me").json()

    assert "sale.create" in me["permissions"]
    assert "calendar.book" not in me["permissions"]


def test_a_role_that_now_needs_the_second_factor_is_refused_without_it_at_once(world, api):
    user = world.a.user(Role.RECEPTIONIST)
    client = api(user, world.a.clinic, otp=False)
    assert client.get("/api/v1/staff").status_code == 200
    Membership.objects.filter(user=user, clinic=world.a.clinic).update(role=Role.DOCTOR)

    response = client.get("/api/v1/staff")

    assert response.status_code == 403
    assert client.get("/api/v1/users/me").json()["two_factor"]["required"] is True


@pytest.mark.parametrize("enrolled", [False, True])
def test_users_me_reads_session_and_membership_once_and_the_2fa_state_with_them(
    world, api, django_assert_num_queries, enrolled
):
    """One query for session + user + membership + clinic + organization, one for the
    memberships (which also say whether 2FA is required and whether the user has a
    confirmed authenticator); a request without Accept-Language takes the saved language
    from the user already read."""
    user = world.a.user(Role.RECEPTIONIST)
    User.objects.filter(pk=user.pk).update(preferred_language="pt-BR")
    TOTPDevice.objects.create(user=user, name="phone", confirmed=enrolled)
    client = api(user, world.a.clinic)

    with django_assert_num_queries(2):
        response = client.get("/api/v1/users/me")

    assert response.status_code == 200
    assert response["Content-Language"] == "pt-br"
    body = response.json()
    assert body["memberships"] == [
        {
            "id": str(world.a.members[Role.RECEPTIONIST].pk),
            "clinic_id": str(world.a.clinic.pk),
            "clinic_name": world.a.clinic.name,
            "clinic_time_zone": world.a.clinic.time_zone,
            "role": "receptionist",
        }
    ]
    assert body["two_factor"] == {"required": False, "enrolled": enrolled, "verified": True}


def test_two_factor_is_required_by_a_membership_at_a_deactivated_clinic_that_is_not_listed(world, api):
    """``required`` counts every active membership (as ``user_requires_two_factor``);
    the list shows active clinics only."""
    user = world.a.user(Role.RECEPTIONIST)
    Membership.objects.create(user=user, clinic=world.b.clinic, role=Role.DOCTOR)
    Clinic.objects.filter(pk=world.b.clinic.pk).update(is_active=False)

    body = api(user, world.a.clinic).get("/api/v1/users/me").json()

    assert [row["clinic_id"] for row in body["memberships"]] == [str(world.a.clinic.pk)]
    assert body["two_factor"]["required"] is True


def test_a_token_of_another_user_for_the_same_session_is_not_valid(world, api):
    """The session row must belong to the token's user (its ``user_id`` claim)."""
    from rest_framework_simplejwt.tokens import AccessToken

    from accounts.tests.factories import tokens_for

    token = AccessToken(tokens_for(world.a.user()).access)  # type: ignore[arg-type]
    token["sub"] = str(world.a.user(Role.RECEPTIONIST).pk)
    client = api(None, world.a.clinic)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")

    assert client.get("/api/v1/users/me").status_code == 401
