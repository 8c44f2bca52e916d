"""Sessions end when they should: password change and reset, deactivation, a removed
role, the idle timeout and the absolute lifetime (issue 14, item 8; OWASP ASVS 5.0 V7)."""

import datetime as dt
import json
import re

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import Membership, PasswordResetCode, RefreshTokenFamily
from accounts.services import user_deactivate
from accounts.tests.factories import PASSWORD, MembershipFactory
from audit.models import AuditEvent
from core.roles import Role
from core.tasks import tasks_inline

LOGIN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/token/refresh"
ME = "/api/v1/users/me"
CHANGE = "/api/v1/auth/password"
RESET = "/api/v1/auth/password-reset"
RESET_CONFIRM = "/api/v1/auth/password-reset/confirm"
NEW_PASSWORD = "Lemongrass-Tide-77"


def _age(login, **ago):
    """Move the session of ``login`` into the past (the clock stays: the JWTs keep their
    own expiry): ``created`` and ``idle`` are timedeltas."""
    family = RefreshTokenFamily.objects.get(user__phone=login.json()["user"]["phone"], revoked_at=None)
    now = timezone.now()
    if "created" in ago:
        family.created_at = now - ago["created"]
    if "idle" in ago:
        family.last_activity_at = now - ago["idle"]
    family.save(update_fields=["created_at", "last_activity_at"])


@pytest.fixture
def receptionist(db):
    return MembershipFactory(role=Role.RECEPTIONIST)


def _login(client, user, password=PASSWORD):
    response = client.post(LOGIN, {"phone": user.phone, "password": password}, format="json")
    assert response.status_code == 200, response.json()
    return response


def _me(client, access):
    return client.get(ME, HTTP_AUTHORIZATION=f"Bearer {access}")


def _refresh_with(client, login):
    client.cookies[settings.REFRESH_COOKIE_NAME] = login.cookies[settings.REFRESH_COOKIE_NAME].value
    return client.post(REFRESH)


# ----------------------------------------------------------------------- password change


def test_password_change_ends_the_old_access_and_refresh_tokens_of_every_session(client, receptionist):
    user = receptionist.user
    laptop, phone = _login(client, user), _login(client, user)
    changed = client.post(
        CHANGE,
        {"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        format="json",
        HTTP_AUTHORIZATION=f"Bearer {laptop.json()['access']}",
    )
    assert changed.status_code == 200, changed.json()

    for old in (laptop, phone):
        assert _me(client, old.json()["access"]).status_code == 401
        refused = _refresh_with(client, old)
        assert refused.status_code == 401 and refused.json()["code"] == "session_revoked"
    # The caller goes on in a new session; the old password no longer signs in.
    assert _me(client, changed.json()["access"]).status_code == 200
    assert client.post(LOGIN, {"phone": user.phone, "password": PASSWORD}, format="json").status_code == 401
    _login(client, user, NEW_PASSWORD)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"current_password": "Not-The-One-1", "new_password": NEW_PASSWORD}, "current_password"),
        ({"current_password": PASSWORD, "new_password": "12345678901"}, "new_password"),
        ({"current_password": PASSWORD, "new_password": PASSWORD}, "new_password"),
        ({"current_password": PASSWORD}, "new_password"),
    ],
)
def test_password_change_bad_input_is_400_naming_the_field_and_ends_nothing(
    client, receptionist, body, field
):
    login = _login(client, receptionist.user)
    access = login.json()["access"]
    response = client.post(CHANGE, body, format="json", HTTP_AUTHORIZATION=f"Bearer {access}")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {field}
    assert _me(client, access).status_code == 200


def test_password_change_needs_a_session_and_is_audited_in_the_clinic(client, world):
    assert client.post(CHANGE, {}, format="json").status_code == 401
    member = world.a.user(Role.RECEPTIONIST)
    access = _login(client, member).json()["access"]
    response = client.post(
        CHANGE,
        {"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        format="json",
        HTTP_AUTHORIZATION=f"Bearer {access}",
    )
    assert response.status_code == 200
    events = AuditEvent.unscoped.filter(action="user.password_changed", object_id=str(member.pk))
    assert [e.clinic_id for e in events] == [world.a.clinic.pk]


def test_password_change_with_another_clinics_header_is_404_and_changes_nothing(client, world):
    member = world.a.user(Role.RECEPTIONIST)
    access = _login(client, member).json()["access"]
    response = client.post(
        CHANGE,
        {"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        format="json",
        HTTP_AUTHORIZATION=f"Bearer {access}",
        HTTP_X_CLINIC_ID=str(world.b.clinic.pk),
    )
    assert response.status_code == 404
    member.refresh_from_db()
    assert member.check_password(PASSWORD)


# ------------------------------------------------------------------------ password reset


def _sent_codes(path, phone):
    lines = path.read_text().splitlines() if path.exists() else []
    bodies = [json.loads(line)["body"] for line in lines if json.loads(line)["to"] == phone]
    return [re.search(r"\b(\d{6})\b", body).group(1) for body in bodies]


@pytest.fixture
def sms(settings, tmp_path):
    settings.NOTIFICATIONS_FILE = str(tmp_path / "outbox.jsonl")
    return tmp_path / "outbox.jsonl"


def test_password_reset_by_code_to_the_phone_on_file_ends_every_session(client, receptionist, sms):
    user = receptionist.user
    before = _login(client, user)
    with tasks_inline():
        assert client.post(RESET, {"phone": user.phone}, format="json").status_code == 202
    [code] = _sent_codes(sms, user.phone)

    done = client.post(
        RESET_CONFIRM, {"phone": user.phone, "code": code, "new_password": NEW_PASSWORD}, format="json"
    )
    assert done.status_code == 204
    assert _me(client, before.json()["access"]).status_code == 401
    assert _refresh_with(client, before).status_code == 401
    _login(client, user, NEW_PASSWORD)
    # The code is spent.
    again = client.post(
        RESET_CONFIRM,
        {"phone": user.phone, "code": code, "new_password": "Another-Long-One-9"},
        format="json",
    )
    assert again.status_code == 400 and again.json()["code"] == "reset_code_invalid"


def test_password_reset_answers_the_same_for_an_unknown_number_and_sends_nothing(client, db, sms):
    with tasks_inline():
        response = client.post(RESET, {"phone": "+66819998877"}, format="json")
    assert response.status_code == 202 and response.content == b""
    assert not sms.exists()
    confirm = client.post(
        RESET_CONFIRM,
        {"phone": "+66819998877", "code": "123456", "new_password": NEW_PASSWORD},
        format="json",
    )
    assert confirm.status_code == 400 and confirm.json()["code"] == "reset_code_invalid"


def test_a_reset_code_dies_after_five_wrong_tries(client, receptionist, sms):
    user = receptionist.user
    with tasks_inline():
        client.post(RESET, {"phone": user.phone}, format="json")
    [code] = _sent_codes(sms, user.phone)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(settings.PASSWORD_RESET_MAX_ATTEMPTS):
        body = {"phone": user.phone, "code": wrong, "new_password": NEW_PASSWORD}
        assert client.post(RESET_CONFIRM, body, format="json").status_code == 400
    right = client.post(
        RESET_CONFIRM, {"phone": user.phone, "code": code, "new_password": NEW_PASSWORD}, format="json"
    )
    assert right.status_code == 400 and right.json()["code"] == "reset_code_invalid"
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_reset_codes_are_rate_limited_per_account_and_expire(client, receptionist, sms):
    user = receptionist.user
    with tasks_inline():
        client.post(RESET, {"phone": user.phone}, format="json")
        client.post(RESET, {"phone": user.phone}, format="json")  # within a minute: dropped
    [code] = _sent_codes(sms, user.phone)
    PasswordResetCode.objects.filter(user=user).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    expired = client.post(
        RESET_CONFIRM, {"phone": user.phone, "code": code, "new_password": NEW_PASSWORD}, format="json"
    )
    assert expired.status_code == 400 and expired.json()["code"] == "reset_code_invalid"


def test_reset_with_a_weak_password_names_it_and_keeps_the_code(client, receptionist, sms):
    user = receptionist.user
    with tasks_inline():
        client.post(RESET, {"phone": user.phone}, format="json")
    [code] = _sent_codes(sms, user.phone)
    weak = client.post(
        RESET_CONFIRM, {"phone": user.phone, "code": code, "new_password": "1234567890"}, format="json"
    )
    assert weak.status_code == 400
    assert {e["field"] for e in weak.json()["errors"]} == {"new_password"}
    body = {"phone": user.phone, "code": code, "new_password": NEW_PASSWORD}
    assert client.post(RESET_CONFIRM, body, format="json").status_code == 204


# --------------------------------------------------------------- idle and absolute limits


def test_an_idle_session_is_refused_at_refresh_and_its_access_token_stops(client, receptionist):
    login = _login(client, receptionist.user)
    _age(login, idle=dt.timedelta(minutes=14))
    assert _me(client, login.json()["access"]).status_code == 200  # activity: the clock restarts
    assert RefreshTokenFamily.objects.get(revoked_at=None).last_activity_at > timezone.now() - dt.timedelta(
        seconds=5
    )
    _age(login, idle=dt.timedelta(minutes=15, seconds=1))
    assert _me(client, login.json()["access"]).json()["code"] == "session_idle"
    idle = _refresh_with(client, login)
    assert idle.status_code == 401 and idle.json()["code"] == "session_idle"
    assert RefreshTokenFamily.objects.get().revoked_reason == "idle"


def test_refreshing_alone_does_not_keep_a_session_alive(client, receptionist):
    """An open page that only renews its token is idle: the refresh is not activity."""
    login = _login(client, receptionist.user)
    _age(login, idle=dt.timedelta(minutes=8))
    rotated = _refresh_with(client, login)
    assert rotated.status_code == 200
    _age(login, idle=dt.timedelta(minutes=16))
    idle = _refresh_with(client, rotated)
    assert idle.status_code == 401 and idle.json()["code"] == "session_idle"


def test_a_clinic_can_set_a_stricter_idle_timeout(client, receptionist):
    receptionist.clinic.session_idle_minutes = 5
    receptionist.clinic.save(update_fields=["session_idle_minutes"])
    login = _login(client, receptionist.user)
    _age(login, idle=dt.timedelta(minutes=4, seconds=50))
    assert _me(client, login.json()["access"]).status_code == 200
    _age(login, idle=dt.timedelta(minutes=5, seconds=1))
    assert _me(client, login.json()["access"]).json()["code"] == "session_idle"


def test_a_session_ends_at_its_absolute_lifetime_however_active(client, receptionist):
    login = _login(client, receptionist.user)
    lifetime = dt.timedelta(hours=settings.SESSION_ABSOLUTE_HOURS)
    _age(login, created=lifetime - dt.timedelta(minutes=1), idle=dt.timedelta(0))
    rotated = _refresh_with(client, login)
    assert rotated.status_code == 200
    _age(login, created=lifetime, idle=dt.timedelta(0))
    assert _me(client, rotated.json()["access"]).json()["code"] == "session_expired"
    ended = _refresh_with(client, rotated)
    assert ended.status_code == 401 and ended.json()["code"] == "session_expired"


# ------------------------------------------------------ deactivation and removed roles


def test_deactivating_a_member_ends_all_their_sessions(client, api, world):
    therapist = world.a.members[Role.THERAPIST]
    login = _login(client, therapist.user)
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    assert (
        owner.patch(f"/api/v1/staff/{therapist.pk}", {"is_active": False}, format="json").status_code == 200
    )
    assert _me(client, login.json()["access"]).status_code == 401
    assert _refresh_with(client, login).json()["code"] == "session_revoked"


def test_changing_a_members_role_ends_their_sessions(client, api, world):
    nurse = world.a.members[Role.NURSE]
    login = _login(client, nurse.user)
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    response = owner.patch(f"/api/v1/staff/{nurse.pk}", {"role": Role.RECEPTIONIST}, format="json")
    assert response.status_code == 200
    assert _me(client, login.json()["access"]).status_code == 401
    assert Membership.objects.get(pk=nurse.pk).role == Role.RECEPTIONIST


def test_a_deactivated_account_loses_its_sessions_at_once(client, receptionist):
    login = _login(client, receptionist.user)
    user_deactivate(user=receptionist.user)
    assert _me(client, login.json()["access"]).status_code == 401
    assert _refresh_with(client, login).status_code == 401


def test_therapists_need_the_second_factor(client, api, world):
    therapist = world.a.user(Role.THERAPIST)
    login = _login(client, therapist)
    assert login.json()["two_factor"]["required"] is True
    response = api(therapist, world.a.clinic, otp=False).get("/api/v1/clinic/visits")
    assert response.status_code == 403 and response.json()["code"] == "two_factor_required"


def test_managers_set_their_clinics_idle_timeout_and_no_other(api, world):
    owner = api(world.a.user(Role.OWNER), world.a.clinic)
    response = owner.patch("/api/v1/clinics/me", {"session_idle_minutes": 5}, format="json")
    assert response.status_code == 200 and response.json()["session_idle_minutes"] == 5
    bad = owner.patch("/api/v1/clinics/me", {"session_idle_minutes": 0}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "session_idle_minutes"
    foreign = owner.patch(f"/api/v1/clinics/{world.b.clinic.pk}", {"session_idle_minutes": 1}, format="json")
    assert foreign.status_code == 404
    receptionist = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    denied = receptionist.patch("/api/v1/clinics/me", {"session_idle_minutes": 60}, format="json")
    assert denied.status_code == 403
    world.b.clinic.refresh_from_db()
    assert world.b.clinic.session_idle_minutes is None
