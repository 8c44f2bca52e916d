import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from accounts.models import Membership, Organization, User
from accounts.tests.factories import PASSWORD, MembershipFactory
from core.permissions import PERMISSIONS
from core.roles import Role

LOGIN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/token/refresh"


def _code(device: TOTPDevice, drift: int = 0) -> str:
    """The device's current code (``drift`` steps ahead), as an authenticator app shows it."""
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift + drift
    )
    return f"{value:0{device.digits}d}"


def _login(client, user, **extra):
    return client.post(LOGIN, {"phone": user.phone, "password": PASSWORD, **extra}, format="json")


@pytest.fixture
def receptionist(db):
    return MembershipFactory(role=Role.RECEPTIONIST).user


def test_login_returns_access_token_and_sets_httponly_refresh_cookie(client, receptionist):
    response = _login(client, receptionist)
    assert response.status_code == 200
    body = response.json()
    assert body["access"] and body["user"]["phone"] == receptionist.phone
    assert "refresh" not in body
    cookie = response.cookies[settings.REFRESH_COOKIE_NAME]
    assert cookie["httponly"] and cookie["path"] == "/api/v1/auth/"
    me = client.get("/api/v1/users/me", HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert me.status_code == 200 and me.json()["user"]["id"] == str(receptionist.pk)


def test_login_accepts_a_local_format_of_the_number_with_country_code(client, receptionist):
    spaced = f"{receptionist.phone[:3]} {receptionist.phone[3:5]} {receptionist.phone[5:]}"
    assert _login(client, receptionist, phone=spaced).status_code == 200


def test_wrong_password_is_401_problem(client, receptionist):
    response = client.post(LOGIN, {"phone": receptionist.phone, "password": "nope-nope-nope"}, format="json")
    assert response.status_code == 401
    assert response.json()["code"] == "invalid_credentials"
    assert response["Content-Type"] == "application/problem+json"


def test_malformed_phone_is_400_naming_the_field(client, db):
    response = client.post(LOGIN, {"phone": "12ab", "password": "x"}, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "phone"


def test_refresh_rotates_and_reuse_of_the_old_token_revokes_the_family(client, receptionist):
    first = _login(client, receptionist)
    old_refresh = first.cookies[settings.REFRESH_COOKIE_NAME].value
    rotated = client.post(REFRESH)
    assert rotated.status_code == 200
    new_refresh = rotated.cookies[settings.REFRESH_COOKIE_NAME].value
    assert new_refresh != old_refresh

    client.cookies[settings.REFRESH_COOKIE_NAME] = old_refresh
    reused = client.post(REFRESH)
    assert reused.status_code == 401
    assert reused.json()["code"] == "refresh_token_reused"

    # The legitimate holder's newer token is dead too, and so is its access token.
    client.cookies[settings.REFRESH_COOKIE_NAME] = new_refresh
    assert client.post(REFRESH).json()["code"] == "session_revoked"
    access = rotated.json()["access"]
    assert client.get("/api/v1/users/me", HTTP_AUTHORIZATION=f"Bearer {access}").status_code == 401


def test_logout_revokes_the_session(client, receptionist):
    login = _login(client, receptionist)
    access = login.json()["access"]
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert client.get("/api/v1/users/me", HTTP_AUTHORIZATION=f"Bearer {access}").status_code == 401
    client.cookies[settings.REFRESH_COOKIE_NAME] = login.cookies[settings.REFRESH_COOKIE_NAME].value
    assert client.post(REFRESH).status_code == 401
    assert client.post("/api/v1/auth/logout").status_code == 204  # idempotent


def test_the_sign_in_rate_per_address_is_read_from_the_environment() -> None:
    # A clinic whose front desks share one public address may need more than the default.
    printed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings; "
         "print(settings.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES']['auth'])"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "core.settings", "AUTH_THROTTLE_RATE": "7/minute"},
        capture_output=True, text=True, check=True,
    )  # fmt: skip

    assert printed.stdout.strip().splitlines()[-1] == "7/minute"
    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["auth"] == "30/minute"


def test_refreshes_are_limited_per_session_not_per_address(client, receptionist):
    """Every page load refreshes: a clinic's staff behind one address must not use up each
    other's refreshes (nor the sign-in limit of that address)."""
    colleague = APIClient()
    assert _login(colleague, MembershipFactory(role=Role.RECEPTIONIST).user).status_code == 200
    assert _login(client, receptionist).status_code == 200
    limit = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["refresh"].split("/")[0])
    auth_limit = int(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["auth"].split("/")[0])
    assert limit > auth_limit
    for _ in range(limit):
        assert client.post(REFRESH).status_code == 200
    refused = client.post(REFRESH)
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert colleague.post(REFRESH).status_code == 200
    # A forged token counts against the address (the auth endpoints' rule).
    colleague.cookies[settings.REFRESH_COOKIE_NAME] = "not-a-token"
    assert colleague.post(REFRESH).status_code == 401


def test_refresh_without_cookie_is_401(client, db):
    response = client.post(REFRESH)
    assert response.status_code == 401
    assert response.json()["code"] == "refresh_token_missing"


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN, Role.DOCTOR, Role.NURSE])
def test_two_factor_is_required_for_clinical_and_admin_roles(client, db, role):
    membership = MembershipFactory(role=role)
    login = _login(client, membership.user)
    assert login.status_code == 200
    assert login.json()["two_factor"] == {"required": True, "enrolled": False, "verified": False}
    response = client.get(
        "/api/v1/staff",
        HTTP_AUTHORIZATION=f"Bearer {login.json()['access']}",
        HTTP_X_CLINIC_ID=str(membership.clinic_id),
    )
    assert response.status_code == 403
    assert response.json()["code"] == "two_factor_required"


def test_enrolment_then_login_requires_a_code_and_rejects_a_reused_one(client, db):
    membership = MembershipFactory(role=Role.DOCTOR)
    user = membership.user
    access = _login(client, user).json()["access"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {access}"}
    enrol = client.post("/api/v1/auth/2fa/totp", **auth)
    assert enrol.status_code == 201 and enrol.json()["config_url"].startswith("otpauth://totp/")
    device = TOTPDevice.objects.get(user=user)
    confirm = client.post("/api/v1/auth/2fa/totp/confirm", {"code": _code(device)}, format="json", **auth)
    assert confirm.status_code == 200
    assert confirm.json()["two_factor"]["verified"] is True
    staff = client.get(
        "/api/v1/staff",
        HTTP_AUTHORIZATION=f"Bearer {confirm.json()['access']}",
        HTTP_X_CLINIC_ID=str(membership.clinic_id),
    )
    assert staff.status_code == 200
    # The pre-2FA session was replaced.
    assert client.get("/api/v1/users/me", **auth).status_code == 401

    missing = _login(client, user)
    assert missing.status_code == 400 and missing.json()["code"] == "otp_required"
    assert missing.json()["errors"][0]["field"] == "otp_code"

    device.refresh_from_db()
    code = _code(device, drift=1)
    assert _login(client, user, otp_code=code).status_code == 200
    reused = _login(client, user, otp_code=code)
    assert reused.status_code == 400 and reused.json()["code"] == "otp_invalid"


def test_starting_enrolment_again_keeps_the_secret_until_it_is_stale(client, db):
    user = MembershipFactory(role=Role.DOCTOR).user
    auth = {"HTTP_AUTHORIZATION": f"Bearer {_login(client, user).json()['access']}"}
    first = client.post("/api/v1/auth/2fa/totp", **auth).json()["secret"]
    again = client.post("/api/v1/auth/2fa/totp", **auth).json()["secret"]
    assert again == first  # the page shown twice: the secret scanned still works
    assert TOTPDevice.objects.filter(user=user).count() == 1

    TOTPDevice.objects.filter(user=user).update(created_at=timezone.now() - timedelta(minutes=11))
    fresh = client.post("/api/v1/auth/2fa/totp", **auth).json()["secret"]
    assert fresh != first and TOTPDevice.objects.filter(user=user).count() == 1
    device = TOTPDevice.objects.get(user=user)
    confirm = client.post("/api/v1/auth/2fa/totp/confirm", {"code": _code(device)}, format="json", **auth)
    assert confirm.status_code == 200


def test_lockout_after_repeated_failures_even_with_the_right_password(client, receptionist):
    wrong = {"phone": receptionist.phone, "password": "wrong-password-1"}
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(LOGIN, wrong, format="json").status_code == 401
    assert client.post(LOGIN, wrong, format="json").status_code == 429  # the limit-th failure locks
    locked = _login(client, receptionist)
    assert locked.status_code == 429
    assert locked.json()["code"] == "login_locked_out"
    assert int(locked["Retry-After"]) > 0


def test_signup_creates_organization_clinic_and_owner(client, db):
    payload = {
        "organization_name": "Siam Skin Group",
        "clinic": {
            "name": "Siam Skin Sukhumvit",
            "country": "TH",
            "time_zone": "Asia/Bangkok",
            "locale": "th",
            "currency": "THB",
            "phone": "02-123-4567",
        },
        "owner": {
            "phone": "+66 81 234 5678",
            "password": "Lotus-Garden-77",
            "given_name": "Ploy",
            "family_name": "Srisuk",
        },
    }
    response = client.post("/api/v1/auth/signup", payload, format="json")
    assert response.status_code == 201, response.content
    owner = User.objects.get(phone="+66812345678")
    membership = Membership.objects.get(user=owner)
    assert membership.role == Role.OWNER and membership.clinic.currency == "THB"
    assert response.json()["two_factor"]["required"] is True


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"owner": {"phone": "555", "password": "Lotus-Garden-77", "given_name": "A"}}, "phone"),
        ({"owner": {"phone": "+66812345678", "password": "12345", "given_name": "A"}}, "password"),
        (
            {
                "clinic": {
                    "name": "X",
                    "country": "TH",
                    "time_zone": "Mars/Olympus",
                    "locale": "th",
                    "currency": "THB",
                }
            },
            "time_zone",
        ),
        (
            {
                "clinic": {
                    "name": "X",
                    "country": "TH",
                    "time_zone": "Asia/Bangkok",
                    "locale": "th",
                    "currency": "ZZZ",
                }
            },
            "currency",
        ),
        ({"organization_name": ""}, "organization_name"),
    ],
)
def test_signup_bad_input_is_400_naming_the_field_and_writes_nothing(client, db, patch, field):
    payload = {
        "organization_name": "Siam Skin Group",
        "clinic": {
            "name": "Siam",
            "country": "TH",
            "time_zone": "Asia/Bangkok",
            "locale": "th",
            "currency": "THB",
        },
        "owner": {"phone": "+66812345678", "password": "Lotus-Garden-77", "given_name": "Ploy"},
        **patch,
    }
    response = client.post("/api/v1/auth/signup", payload, format="json")
    assert response.status_code == 400, response.content
    fields = [e["field"].rsplit(".", 1)[-1] for e in response.json()["errors"]]
    assert field in fields
    assert not Organization.objects.exists() and not User.objects.exists()


def test_malformed_json_is_400_problem(client, db):
    response = client.post(LOGIN, data="{not json", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "malformed_request"


def test_national_id_is_validated_per_country_and_unique(api, world):
    user = world.a.user(Role.RECEPTIONIST)
    client = api(user)
    bad = client.patch(
        "/api/v1/users/me", {"national_id": "1234567890123", "national_id_country": "TH"}, format="json"
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "national_id"
    ok = client.patch(
        "/api/v1/users/me", {"national_id": "1-1017-00230-70-8", "national_id_country": "TH"}, format="json"
    )
    assert ok.status_code == 200 and ok.json()["user"]["national_id"] == "1101700230708"
    other = api(world.b.user(Role.RECEPTIONIST))
    clash = other.patch(
        "/api/v1/users/me", {"national_id": "1101700230708", "national_id_country": "TH"}, format="json"
    )
    assert clash.status_code == 400 and clash.json()["errors"][0]["field"] == "national_id"


@pytest.mark.parametrize("role", list(Role))
def test_me_lists_exactly_the_permissions_of_the_role_in_the_requests_clinic(api, world, role):
    response = api(world.a.user(role), world.a.clinic).get("/api/v1/users/me")
    assert response.status_code == 200
    expected = {name for name, roles in PERMISSIONS.items() if role in roles}
    assert response.json()["permissions"] == sorted(expected)


def test_me_permissions_follow_the_matrix_not_a_role_list(api, world):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic).get("/api/v1/users/me").json()["permissions"]
    assert "sale.create" in cashier and "stock.manage" not in cashier and "clinical.view" not in cashier
    doctor = api(world.a.user(Role.DOCTOR), world.a.clinic).get("/api/v1/users/me").json()["permissions"]
    assert {"clinical.view", "stock.recall"} <= set(doctor) and "sale.create" not in doctor
    owner = api(world.a.user(Role.OWNER), world.a.clinic).patch(
        "/api/v1/users/me", {"given_name": "Ana"}, format="json"
    )
    assert owner.status_code == 200 and "stock.manage" in owner.json()["permissions"]


def test_me_without_a_clinic_holds_no_permissions(api, world):
    response = api(world.a.user(Role.OWNER)).get("/api/v1/users/me")
    assert response.status_code == 200 and response.json()["permissions"] == []
    assert response.json()["memberships"][0]["clinic_id"] == str(world.a.clinic.pk)


def test_me_naming_another_clinic_is_404(api, world):
    response = api(world.b.user(Role.OWNER), world.a.clinic).get("/api/v1/users/me")
    assert response.status_code == 404
