"""A clinic opens with the default consent wording in its language, so its first patient's
decisions can be recorded; a clinic's own wording is never replaced."""

from __future__ import annotations

import pytest

from accounts.models import Clinic
from accounts.tests.factories import ClinicFactory
from audit.models import AuditEvent
from core.roles import Role
from core.tenancy import clinic_context
from patients.default_consents import DEFAULT_TEXTS, default_texts_for
from patients.models import ConsentPurpose, ConsentText
from patients.services import consent_text_publish, consent_texts_default_publish

SIGNUP = {
    "organization_name": "Clínica Ipê Group",
    "clinic": {
        "name": "Clínica Ipê Moema",
        "country": "BR",
        "time_zone": "America/Sao_Paulo",
        "locale": "pt-BR",
        "currency": "BRL",
    },
    "owner": {"phone": "+55 11 97777-1201", "password": "Ipe-Amarelo-2026", "given_name": "Lúcia"},
}


def _texts(clinic: Clinic) -> list[ConsentText]:
    with clinic_context(clinic):
        return list(ConsentText.objects.order_by("purpose"))


def test_a_signed_up_clinic_opens_with_every_purpose_in_its_language(client, db):
    response = client.post("/api/v1/auth/signup", SIGNUP, format="json")
    assert response.status_code == 201, response.content
    clinic = Clinic.objects.get(name="Clínica Ipê Moema")
    texts = _texts(clinic)
    assert {text.purpose for text in texts} == set(ConsentPurpose.values)
    assert {(text.locale, text.version) for text in texts} == {("pt-br", 1)}
    treatment = next(text for text in texts if text.purpose == ConsentPurpose.TREATMENT)
    assert treatment.title == "Consentimento para tratamento"
    with clinic_context(clinic):
        published = list(AuditEvent.objects.filter(action="consent_text.published").select_related("actor"))
    assert len(published) == len(ConsentPurpose.values)
    assert {event.actor.phone for event in published if event.actor} == {"+5511977771201"}


def test_a_new_branch_opens_with_them_too_and_the_registration_offers_them(api, world):
    owner = api(world.a.user(), world.a.clinic)
    response = owner.post(
        "/api/v1/clinics",
        {
            "name": "Lumière Chiang Mai",
            "country": "TH",
            "time_zone": "Asia/Bangkok",
            "locale": "th",
            "currency": "THB",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    branch = Clinic.objects.get(pk=response.json()["id"])
    offered = api(world.a.user(), branch).get("/api/v1/consent-texts/current", {"locale": "th"})
    assert offered.status_code == 200, offered.content
    titles = {row["purpose"]: row["title"] for row in offered.json()}
    assert titles[ConsentPurpose.TREATMENT] == DEFAULT_TEXTS["th"][ConsentPurpose.TREATMENT][0]


def test_a_language_without_default_wording_gets_english():
    assert default_texts_for("ja")[0] == "en"
    assert default_texts_for("pt-BR")[0] == "pt-br"
    assert default_texts_for("ar-SA")[0] == "ar"


@pytest.mark.django_db
def test_a_clinic_with_its_own_wording_keeps_it(world):
    clinic = ClinicFactory(locale="en")
    actor = world.a.user(Role.OWNER)
    with clinic_context(clinic):
        own = consent_text_publish(
            clinic=clinic, actor=actor, purpose="treatment", locale="en", title="Ours", body="Our words."
        )
    assert consent_texts_default_publish(clinic=clinic, actor=actor) == []
    assert _texts(clinic) == [own]
