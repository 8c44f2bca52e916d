"""Account security in the portal: password reset by SMS code (no answer tells whether a
number has an account; lockout per number and per address) and the optional
authenticator-app second factor (enrol with a QR code, sign in with it, turn it off)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import TOTP

from core.tasks import tasks_inline
from portal.models import PortalTotpDevice
from portal.tests.conftest import PASSWORD, sent_codes, signed_in

pytestmark = pytest.mark.usefixtures("clock")

NEW_PASSWORD = "Amber-Lighthouse-92"
UNKNOWN_PHONE = "+5511987650000"


def _field_errors(html: str, field: str) -> str:
    found = re.search(rf'<ul class="errors" id="{re.escape(field)}-error">(.*?)</ul>', html, re.S)
    return found.group(1) if found else ""


def _ask_reset(browser, phone: str, time_machine):
    # A new code at most once a minute per account, sign-up code included.
    time_machine.shift(dt.timedelta(seconds=61))
    with tasks_inline():
        return browser.post(reverse("portal:password_reset"), {"phone": phone})


def _totp(device: PortalTotpDevice, at: dt.datetime | None = None) -> str:
    totp = TOTP(bytes.fromhex(device.key), step=30, t0=0, digits=6)
    if at is not None:
        totp.time = at.timestamp()
    return f"{totp.token():06d}"


# ------------------------------------------------------------------- password reset


def test_password_reset_by_sms_code(browser, make_patient, sms, time_machine):
    account = make_patient()
    thief = signed_in(Client(), account)
    assert thief.get(reverse("portal:appointments")).status_code == 200
    assert browser.get(reverse("portal:password_reset")).status_code == 200
    asked = _ask_reset(browser, account.phone, time_machine)
    assert asked.status_code == 302 and asked["Location"] == reverse("portal:password_reset_code")
    page = browser.get(reverse("portal:password_reset_code"))
    assert page.status_code == 200 and account.phone in page.content.decode()
    code = sent_codes(sms, account.phone)[-1]
    assert "redefinir a senha" in sms.read_text().splitlines()[-1]  # the reset text, in Portuguese
    done = browser.post(reverse("portal:password_reset_code"), {"code": code, "password": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == f"{reverse('portal:signin')}?reset=1"
    old = browser.post(reverse("portal:signin"), {"phone": account.phone, "password": PASSWORD})
    assert old.status_code == 400
    new = browser.post(reverse("portal:signin"), {"phone": account.phone, "password": NEW_PASSWORD})
    assert new.status_code == 302 and new["Location"] == reverse("portal:appointments")
    # Sessions signed in with the old password are over.
    assert thief.get(reverse("portal:appointments")).status_code == 302
    # The code is spent.
    again = browser.post(reverse("portal:password_reset_code"), {"code": code, "password": PASSWORD})
    assert again.status_code == 302 and again["Location"] == reverse("portal:password_reset")


def test_a_number_without_an_account_is_answered_alike_and_sent_nothing(
    browser, make_patient, sms, time_machine
):
    make_patient()
    before = sms.read_text()
    asked = _ask_reset(browser, UNKNOWN_PHONE, time_machine)
    assert asked.status_code == 302 and asked["Location"] == reverse("portal:password_reset_code")
    assert sms.read_text() == before
    wrong = browser.post(reverse("portal:password_reset_code"), {"code": "123456", "password": NEW_PASSWORD})
    assert wrong.status_code == 400 and _field_errors(wrong.content.decode(), "code")


def test_password_reset_names_the_bad_field(browser, make_patient, sms, time_machine):
    account = make_patient()
    malformed = browser.post(reverse("portal:password_reset"), {"phone": "12"})
    assert malformed.status_code == 400 and _field_errors(malformed.content.decode(), "phone")
    _ask_reset(browser, account.phone, time_machine)
    code = sent_codes(sms, account.phone)[-1]
    weak = browser.post(reverse("portal:password_reset_code"), {"code": code, "password": "123"})
    assert weak.status_code == 400 and _field_errors(weak.content.decode(), "password")
    wrong = browser.post(reverse("portal:password_reset_code"), {"code": "000000", "password": NEW_PASSWORD})
    assert wrong.status_code == 400 and _field_errors(wrong.content.decode(), "code")
    # A weak password did not spend the code; the wrong one counted but did not kill it.
    ok = browser.post(reverse("portal:password_reset_code"), {"code": code, "password": NEW_PASSWORD})
    assert ok.status_code == 302


def test_a_sign_up_code_does_not_reset_the_password(browser, make_patient, sms):
    account = make_patient(verified=False)
    [signup_code] = sent_codes(sms, account.phone)
    session = browser.session
    session["portal_reset_phone"] = account.phone
    session.save()
    refused = browser.post(
        reverse("portal:password_reset_code"), {"code": signup_code, "password": NEW_PASSWORD}
    )
    assert refused.status_code == 400 and _field_errors(refused.content.decode(), "code")


@pytest.mark.parametrize("known", [True, False])
def test_wrong_reset_codes_lock_the_number_out(browser, make_patient, settings, known, time_machine):
    phone = make_patient().phone if known else UNKNOWN_PHONE
    _ask_reset(browser, phone, time_machine)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        wrong = browser.post(
            reverse("portal:password_reset_code"), {"code": "000000", "password": NEW_PASSWORD}
        )
        assert wrong.status_code == 400
    last = browser.post(reverse("portal:password_reset_code"), {"code": "000000", "password": NEW_PASSWORD})
    assert last.status_code == 429
    assert browser.post(reverse("portal:password_reset"), {"phone": phone}).status_code == 429


# ------------------------------------------------------------------------------ TOTP


def _enrol(browser, account) -> PortalTotpDevice:
    page = browser.post(reverse("portal:security"), {"action": "enrol"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and 'role="img"' in html
    device = PortalTotpDevice.objects.get(account=account)
    assert device.confirmed_at is None
    return device


def _with_authenticator(browser, account, sign_out: bool = True) -> tuple:
    """``account`` with a confirmed authenticator, then signed out."""
    signed_in(browser, account)
    device = _enrol(browser, account)
    browser.post(reverse("portal:security"), {"action": "confirm", "code": _totp(device)})
    if sign_out:
        browser.post(reverse("portal:signout"))
    return account, device


def test_enrol_confirm_then_sign_in_asks_for_the_code(browser, make_patient, time_machine):
    account = make_patient()
    signed_in(browser, account)
    device = _enrol(browser, account)
    again = PortalTotpDevice.objects.get(account=account)
    browser.post(reverse("portal:security"), {"action": "enrol"})
    assert PortalTotpDevice.objects.get(account=account).key == again.key  # the scanned secret stays
    wrong = browser.post(reverse("portal:security"), {"action": "confirm", "code": "abc"})
    assert wrong.status_code == 400 and _field_errors(wrong.content.decode(), "code")
    ok = browser.post(reverse("portal:security"), {"action": "confirm", "code": _totp(device)})
    assert ok.status_code == 200
    assert PortalTotpDevice.objects.get(account=account).confirmed_at is not None

    browser.post(reverse("portal:signout"))
    step = browser.post(reverse("portal:signin"), {"phone": account.phone, "password": PASSWORD})
    assert step.status_code == 302 and step["Location"].startswith(reverse("portal:signin_code"))
    # Not signed in until the code is typed.
    assert browser.get(reverse("portal:appointments")).status_code == 302
    bad = browser.post(reverse("portal:signin_code"), {"code": "000000"})
    assert bad.status_code == 400 and _field_errors(bad.content.decode(), "code")
    time_machine.shift(dt.timedelta(seconds=31))
    device.refresh_from_db()
    code = _totp(device)
    done = browser.post(reverse("portal:signin_code"), {"code": code})
    assert done.status_code == 302 and done["Location"] == reverse("portal:appointments")
    assert browser.get(reverse("portal:appointments")).status_code == 200

    # The same code does not sign in twice.
    browser.post(reverse("portal:signout"))
    browser.post(reverse("portal:signin"), {"phone": account.phone, "password": PASSWORD})
    replay = browser.post(reverse("portal:signin_code"), {"code": code})
    assert replay.status_code == 400


def test_the_code_step_expires_and_needs_the_password_first(browser, make_patient, time_machine):
    account, device = _with_authenticator(browser, make_patient())
    assert browser.get(reverse("portal:signin_code")).status_code == 302
    browser.post(reverse("portal:signin"), {"phone": account.phone, "password": PASSWORD})
    time_machine.shift(dt.timedelta(minutes=6))
    late = browser.post(reverse("portal:signin_code"), {"code": _totp(device)})
    assert late.status_code == 302 and late["Location"] == reverse("portal:signin")


def test_wrong_codes_lock_out_and_the_password_does_not_reset_the_count(browser, make_patient, settings):
    account, _device = _with_authenticator(browser, make_patient())
    statuses = []
    for _ in range(settings.AXES_FAILURE_LIMIT):
        browser.post(reverse("portal:signin"), {"phone": account.phone, "password": PASSWORD})
        statuses.append(browser.post(reverse("portal:signin_code"), {"code": "000000"}).status_code)
    assert statuses[-1] == 429 and set(statuses[:-1]) == {400}
    locked = browser.post(reverse("portal:signin"), {"phone": account.phone, "password": PASSWORD})
    assert locked.status_code == 429


def test_turn_off_with_the_password(browser, make_patient):
    account, _device = _with_authenticator(browser, make_patient(), sign_out=False)
    wrong = browser.post(reverse("portal:security"), {"action": "disable", "password": "nope"})
    assert wrong.status_code == 400 and _field_errors(wrong.content.decode(), "password")
    assert PortalTotpDevice.objects.filter(account=account).exists()
    off = browser.post(reverse("portal:security"), {"action": "disable", "password": PASSWORD})
    assert off.status_code == 200 and not PortalTotpDevice.objects.filter(account=account).exists()
    unknown = browser.post(reverse("portal:security"), {"action": "explode"})
    assert unknown.status_code == 400 and _field_errors(unknown.content.decode(), "action")


def test_security_page_is_the_signed_in_patients_own(browser, make_patient):
    assert browser.get(reverse("portal:security")).status_code == 302
    mine, other = make_patient(1), make_patient(2)
    signed_in(browser, other)
    _enrol(browser, other)
    signed_in(browser, mine)
    page = browser.get(reverse("portal:security"))
    assert page.status_code == 200 and "<svg" not in page.content.decode()
    browser.post(reverse("portal:security"), {"action": "disable", "password": PASSWORD})
    assert PortalTotpDevice.objects.filter(account=other).exists()
