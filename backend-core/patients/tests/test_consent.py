from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ConsentPurpose
from patients.selectors import consent_is_granted, patients_consenting_to


def _consents(world):
    return f"/api/v1/patients/{world.a.patient.pk}/consents"


def test_withdrawn_marketing_consent_makes_the_patient_ineligible(api, world):
    with clinic_context(world.a.clinic):
        assert list(patients_consenting_to(purpose=ConsentPurpose.MARKETING_MESSAGES)) == [world.a.patient]
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).post(
        _consents(world),
        {"purpose": "marketing_messages", "decision": "withdrawn", "channel": "phone"},
        format="json",
    )
    assert response.status_code == 201, response.content
    with clinic_context(world.a.clinic):
        assert not consent_is_granted(patient=world.a.patient, purpose=ConsentPurpose.MARKETING_MESSAGES)
        assert not patients_consenting_to(purpose=ConsentPurpose.MARKETING_MESSAGES).exists()


def test_history_is_append_only_and_current_state_per_purpose(api, world):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    client.post(
        _consents(world),
        {"purpose": "marketing_messages", "decision": "withdrawn", "channel": "portal"},
        format="json",
    )
    state = client.get(_consents(world)).json()
    assert state["current"]["marketing_messages"]["decision"] == "withdrawn"
    assert state["current"]["treatment"] is None
    assert [c["decision"] for c in state["history"]] == ["withdrawn", "granted"]
    assert state["history"][1]["text_version"] == 1


def test_grant_needs_a_published_text(api, world):
    response = api(world.a.user(Role.NURSE), world.a.clinic).post(
        _consents(world),
        {"purpose": "clinical_photos", "decision": "granted", "channel": "in_person"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "text"


def test_unknown_purpose_is_400_naming_the_field(api, world):
    response = api(world.a.user(Role.NURSE), world.a.clinic).post(
        _consents(world),
        {"purpose": "telepathy", "decision": "granted", "channel": "in_person"},
        format="json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "purpose"


def test_new_text_versions_and_grant_with_a_chosen_text(api, world):
    owner = api(world.a.user(), world.a.clinic)
    text = owner.post(
        "/api/v1/consent-texts",
        {"purpose": "clinical_photos", "locale": "th", "title": "ภาพถ่ายทางคลินิก", "body": "..."},
        format="json",
    ).json()
    assert text["version"] == 1
    again = owner.post(
        "/api/v1/consent-texts",
        {"purpose": "clinical_photos", "locale": "th", "title": "v2", "body": "..."},
        format="json",
    ).json()
    assert again["version"] == 2
    granted = owner.post(
        _consents(world),
        {
            "purpose": "clinical_photos",
            "decision": "granted",
            "channel": "paper",
            "text_id": text["id"],
            "evidence": "scan 2026-11-21/0042",
        },
        format="json",
    )
    assert granted.status_code == 201 and granted.json()["text_version"] == 1


def test_text_of_another_clinic_cannot_be_used(api, world):
    with clinic_context(world.b.clinic):
        from patients.models import ConsentText

        foreign = ConsentText.objects.first()
    response = api(world.a.user(), world.a.clinic).post(
        _consents(world),
        {
            "purpose": "marketing_messages",
            "decision": "granted",
            "channel": "paper",
            "text_id": str(foreign.pk),
        },
        format="json",
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "text_id"


def test_receptionist_cannot_publish_consent_texts(api, world):
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).post(
        "/api/v1/consent-texts",
        {"purpose": "treatment", "locale": "en", "title": "t", "body": "b"},
        format="json",
    )
    assert response.status_code == 403
