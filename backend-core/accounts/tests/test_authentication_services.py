"""Sign-in, sign-out, the second factor and passwords leave their record in the audit
trail of each clinic the user works at (``accounts.services.authentication.user_audit``),
with no password, code or phone number in it."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import PasswordResetCode
from accounts.services import password_reset_code_hash, password_reset_confirm
from accounts.tests.factories import PASSWORD, ClinicFactory, MembershipFactory
from audit.models import AuditEvent
from core.exceptions import ValidationFailed
from core.roles import Role

LOGIN = "/api/v1/auth/token"
LOGOUT = "/api/v1/auth/logout"


def _login(client, user, **extra):
    return client.post(LOGIN, {"phone": user.phone, "password": PASSWORD, **extra}, format="json")


def _code(device: TOTPDevice, drift: int = 0) -> str:
    value = totp(
        device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift + drift
    )
    return f"{value:0{device.digits}d}"


def _events(user, action):
    return list(
        AuditEvent.unscoped.filter(action=action, object_id=str(user.pk)).order_by("clinic__name", "sequence")
    )


@pytest.fixture
def member(db):
    """A receptionist who is also a nurse at a second clinic (and left a third)."""
    first = MembershipFactory(role=Role.RECEPTIONIST, clinic=ClinicFactory(name="A clinic"))
    MembershipFactory(user=first.user, role=Role.NURSE, clinic=ClinicFactory(name="B clinic"))
    MembershipFactory(
        user=first.user, role=Role.CASHIER, is_active=False, clinic=ClinicFactory(name="C clinic")
    )
    return first.user


def test_a_sign_in_is_audited_at_each_clinic_the_user_works_at_with_their_role_there(client, member):
    assert _login(client, member).status_code == 200
    events = _events(member, "user.signed_in")
    assert [(e.clinic.name, e.actor, e.actor_role) for e in events] == [
        ("A clinic", member, Role.RECEPTIONIST),
        ("B clinic", member, Role.NURSE),
    ]
    assert events[0].object_type == "accounts.User"
    assert set(events[0].changes) == {"session_id", "otp_verified"}
    assert events[0].changes["otp_verified"] == [None, False]


def test_a_failed_sign_in_is_audited_with_no_actor_password_or_phone(client, member):
    assert (
        client.post(LOGIN, {"phone": member.phone, "password": "Wrong-Guess-1"}, format="json").status_code
        == 401
    )
    events = _events(member, "user.sign_in_failed")
    assert len(events) == 2
    assert {(e.actor, str(e.changes)) for e in events} == {
        (None, str({"reason": [None, "invalid_credentials"]}))
    }
    assert not _events(member, "user.signed_in")


def test_a_failed_sign_in_for_a_number_no_account_has_writes_nothing(client, db):
    before = AuditEvent.unscoped.count()
    assert (
        client.post(LOGIN, {"phone": "+66815559999", "password": "Wrong-Guess-1"}, format="json").status_code
        == 401
    )
    assert AuditEvent.unscoped.count() == before


def test_two_factor_enrolment_confirmation_and_a_wrong_code_are_audited(client, member):
    access = _login(client, member).json()["access"]
    auth = {"HTTP_AUTHORIZATION": f"Bearer {access}"}
    assert client.post("/api/v1/auth/2fa/totp", **auth).status_code == 201
    assert client.post("/api/v1/auth/2fa/totp", **auth).status_code == 201  # the same secret again
    assert len(_events(member, "user.totp_enrolment_started")) == 2  # one per clinic, once
    device = TOTPDevice.objects.get(user=member)
    wrong = client.post("/api/v1/auth/2fa/totp/confirm", {"code": "000000"}, format="json", **auth)
    assert wrong.status_code == 400 and not _events(member, "user.totp_confirmed")
    confirm = client.post("/api/v1/auth/2fa/totp/confirm", {"code": _code(device)}, format="json", **auth)
    assert confirm.status_code == 200
    confirmed = _events(member, "user.totp_confirmed")
    assert len(confirmed) == 2 and confirmed[0].actor == member
    old_session, new_session = confirmed[0].changes["session_id"]
    assert old_session and new_session and old_session != new_session
    assert not _events(member, "user.signed_out")  # the session was replaced, not signed out

    assert _login(client, member).json()["code"] == "otp_required"
    assert not _events(member, "user.sign_in_failed")  # asking for the code is no failure
    device.refresh_from_db()
    code = _code(device, drift=1)
    assert _login(client, member, otp_code=code).status_code == 200
    assert _login(client, member, otp_code=code).json()["code"] == "otp_invalid"
    failed = _events(member, "user.sign_in_failed")
    assert [e.changes for e in failed] == [{"reason": [None, "otp_invalid"]}] * 2
    assert code not in str([e.changes for e in failed])


def test_a_sign_out_is_audited_once(client, member):
    _login(client, member)
    assert client.post(LOGOUT).status_code == 204
    assert client.post(LOGOUT).status_code == 204
    events = _events(member, "user.signed_out")
    assert len(events) == 2 and {e.actor for e in events} == {member}


def test_a_password_reset_is_audited_and_a_wrong_code_is_not(member):
    PasswordResetCode.objects.create(
        user=member,
        code_hash=password_reset_code_hash(member, "123456"),
        expires_at=timezone.now() + timedelta(minutes=10),
    )
    with pytest.raises(ValidationFailed):
        password_reset_confirm(phone=member.phone, code="654321", new_password="Lemongrass-Tide-77")
    assert not _events(member, "user.password_reset")
    password_reset_confirm(phone=member.phone, code="123456", new_password="Lemongrass-Tide-77")
    events = _events(member, "user.password_reset")
    assert [(e.actor, e.changes) for e in events] == [(member, {}), (member, {})]
