"""Fixtures of the portal's tests: a published clinic (the world's São Paulo clinic, with
its default consent texts), the SMS outbox the phone codes go to, and signed-up
patients."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.test import Client
from stdnum.br import cpf

from accounts.models import Clinic, Role
from core.tasks import tasks_inline
from core.tenancy import clinic_context
from patients.services import consent_text_publish
from portal import services
from portal.models import PortalAccount

PASSWORD = "Quiet-Harbour-47"
#: A Monday the world's doctor works (09:00-18:00 local), after the ``clock`` day.
MONDAY = dt.date(2026, 6, 15)


def cpf_number(seed: int) -> str:
    """A valid CPF (check digits computed), different for each ``seed``."""
    digits = f"{123456000 + seed:09d}"
    for _ in range(2):  # the two check digits (Receita Federal's modulus 11)
        total = sum(int(d) * w for d, w in zip(digits, range(len(digits) + 1, 1, -1), strict=True))
        digits += str((11 - total % 11) % 11 % 10)
    assert cpf.is_valid(digits)
    return digits


def sent_codes(outbox: Path, phone: str) -> list[str]:
    lines = outbox.read_text().splitlines() if outbox.exists() else []
    rows = [json.loads(line) for line in lines]
    return [re.search(r"\b(\d{6})\b", row["body"]).group(1) for row in rows if row["to"] == phone]


@pytest.fixture(autouse=True)
def _static_files_uncollected(settings) -> None:
    """Pages link their CSS and script by ``{% static %}``; the test run does not
    ``collectstatic``, so names come unhashed instead of from the manifest."""
    storages = dict(settings.STORAGES)
    storages["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    settings.STORAGES = storages


@pytest.fixture
def sms(settings, tmp_path: Path) -> Path:
    settings.NOTIFICATIONS_FILE = str(tmp_path / "outbox.jsonl")
    return tmp_path / "outbox.jsonl"


@pytest.fixture
def published(world) -> Clinic:
    clinic = world.b.clinic
    clinic.portal_published = True
    clinic.city = "São Paulo"
    clinic.save(update_fields=["portal_published", "city"])
    with clinic_context(clinic):
        for purpose in services.BOOKING_CONSENT_PURPOSES:
            consent_text_publish(
                clinic=clinic,
                actor=world.b.user(Role.OWNER),
                purpose=purpose,
                locale="pt-br",
                title=f"Termo: {purpose}",
                body="Li e concordo.",
            )
    return clinic


@pytest.fixture
def make_patient(db: None, sms: Path) -> Callable[..., PortalAccount]:
    """A signed-up patient whose phone is proven (``seed`` makes phone and CPF unique)."""

    def make(seed: int = 1, verified: bool = True) -> PortalAccount:
        phone = f"+55119{seed:08d}"
        with tasks_inline():
            signup = services.portal_account_signup(
                phone=phone,
                password=PASSWORD,
                given_name="Beatriz",
                family_name=f"Souza {seed}",
                birth_date=dt.date(1991, 3, 14),
                national_id=cpf_number(seed),
                national_id_country="BR",
                language="pt-br",
            )
        account = signup.account
        assert account is not None, "a phone or CPF of an earlier patient"
        if verified:
            [code] = sent_codes(sms, phone)
            services.portal_phone_verify(account=account, code=code)
        return account

    return make


@pytest.fixture
def browser() -> Client:
    return Client()


def signed_in(browser: Client, account: PortalAccount) -> Client:
    session = browser.session
    session[services.PORTAL_SESSION_KEY] = str(account.pk)
    session[services.PORTAL_SESSION_HASH_KEY] = services.portal_session_hash(account)
    session.save()
    return browser
