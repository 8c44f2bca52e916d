"""Front-desk registration: consent decisions in the same step, duplicates offered before
registering (this organization only), adding a sibling clinic's patient, correcting a
phone from a masked role, and the list's bounded total."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import ClinicFactory
from accounts.validators import national_id_hash
from audit.models import AuditEvent
from core.pagination import BoundedCountPagination
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ClinicPatient, Consent, ConsentPurpose, PatientProfile
from patients.tests.factories import ClinicPatientFactory, ConsentTextFactory

URL = "/api/v1/patients"
NEW = {"given_name": "Somchai", "family_name": "Jaidee", "birth_date": "1985-07-01", "phone": "089-123-4567"}


def _texts(clinic):
    return {
        purpose: ConsentTextFactory(
            clinic=clinic, purpose=purpose, locale=locale, title=f"{purpose} {locale}"
        )
        for purpose, locale in [
            (ConsentPurpose.TREATMENT, "th"),
            (ConsentPurpose.CLINICAL_PHOTOS, "th"),
            (ConsentPurpose.MARKETING_MESSAGES, "th"),
        ]
    }


def _receptionist(api, tenant):
    return api(tenant.user(Role.RECEPTIONIST), tenant.clinic)


@pytest.mark.parametrize("clock", ["23:30"], indirect=True)
def test_register_records_consent_decisions_in_the_same_step(clock, api, world):
    texts = _texts(world.a.clinic)
    body = {
        **NEW,
        "preferred_language": "th",
        "consents": [
            {
                "purpose": "treatment",
                "decision": "granted",
                "channel": "in_person",
                "text_id": str(texts["treatment"].pk),
            },
            {
                "purpose": "marketing_messages",
                "decision": "withdrawn",
                "channel": "paper",
                "evidence": "Form 12",
            },
        ],
    }
    response = _receptionist(api, world.a).post(URL, body, format="json")
    assert response.status_code == 201, response.content
    with clinic_context(world.a.clinic):
        decisions = {c.purpose: c for c in Consent.objects.filter(patient_id=response.json()["id"])}
    assert decisions["treatment"].decision == "granted"
    assert decisions["treatment"].text == texts["treatment"]
    assert decisions["treatment"].recorded_by == world.a.user(Role.RECEPTIONIST)
    assert decisions["marketing_messages"].decision == "withdrawn"
    assert decisions["marketing_messages"].evidence == "Form 12"


@pytest.mark.parametrize(
    ("consent", "field"),
    [
        ({"purpose": "teeth", "decision": "granted", "channel": "in_person"}, "consents.1.purpose"),
        ({"purpose": "clinical_photos", "decision": "granted", "channel": "fax"}, "consents.1.channel"),
        # Granting a purpose that has no published text names the text.
        ({"purpose": "data_sharing", "decision": "granted", "channel": "in_person"}, "consents.1.text"),
        ({"purpose": "treatment", "decision": "granted", "channel": "in_person"}, "consents.1.purpose"),
    ],
)
def test_a_refused_consent_decision_refuses_the_whole_registration(api, world, consent, field):
    _texts(world.a.clinic)
    first = {"purpose": "treatment", "decision": "granted", "channel": "in_person"}
    response = _receptionist(api, world.a).post(URL, {**NEW, "consents": [first, consent]}, format="json")
    assert response.status_code == 400, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not PatientProfile.objects.filter(phone="+66891234567").exists()


def test_a_consent_text_of_another_clinic_is_unknown(api, world):
    foreign = ConsentTextFactory(clinic=world.b.clinic, purpose=ConsentPurpose.TREATMENT)
    consent = {
        "purpose": "treatment",
        "decision": "granted",
        "channel": "in_person",
        "text_id": str(foreign.pk),
    }
    response = _receptionist(api, world.a).post(URL, {**NEW, "consents": [consent]}, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["consents.0.text_id"]
    assert not PatientProfile.objects.filter(phone="+66891234567").exists()


def test_current_consent_texts_are_the_patients_language_then_the_clinics(api, world):
    texts = _texts(world.a.clinic)
    newer = ConsentTextFactory(
        clinic=world.a.clinic, purpose=ConsentPurpose.TREATMENT, locale="th", version=2
    )
    arabic = ConsentTextFactory(clinic=world.a.clinic, purpose=ConsentPurpose.CLINICAL_PHOTOS, locale="ar")
    english = ConsentTextFactory(clinic=world.a.clinic, purpose=ConsentPurpose.MARKETING_PHOTOS, locale="en")
    ConsentTextFactory(clinic=world.b.clinic, purpose=ConsentPurpose.DATA_SHARING, locale="ar")
    client = _receptionist(api, world.a)
    body = client.get("/api/v1/consent-texts/current", {"locale": "ar"}).json()
    # Arabic where there is one, else the clinic's Thai, else English; never clinic B's.
    assert [t["id"] for t in body] == [
        str(newer.pk),
        str(arabic.pk),
        str(english.pk),
        str(texts["marketing_messages"].pk),
    ]
    assert (
        client.get("/api/v1/consent-texts/current", {"locale": "xx"}).json()["errors"][0]["field"] == "locale"
    )


# ------------------------------------------------------------------------ duplicates


def _sibling(world):
    """A second clinic of clinic A's organization with a receptionist, and a patient of
    that clinic only."""
    sibling = ClinicFactory(organization=world.a.clinic.organization, country="TH", name="Lumière Chiang Mai")
    patient = ClinicPatientFactory(
        clinic=sibling, profile__given_name="Nok", profile__phone="+66897770000", chart_number="HN000001"
    )
    return sibling, patient


def test_matches_offer_this_clinics_patient_by_local_phone_masked_for_the_receptionist(api, world):
    body = _receptionist(api, world.a).post(f"{URL}/matches", {"phone": "081 555 0101"}, format="json").json()
    assert body == [
        {
            "profile": str(world.a.patient.profile_id),
            "patient": str(world.a.patient.pk),
            "chart_number": "HN000001",
            "given_name": "Ploy",
            "family_name": "Srisuk",
            "birth_date": "1990-04-12",
            "phone": "081-XXX-0101",
            "national_id": "",
            "clinics": [],
            "matched_on": ["phone"],
        }
    ]
    doctor = api(world.a.user(Role.DOCTOR), world.a.clinic)
    assert (
        doctor.post(f"{URL}/matches", {"phone": "0815550101"}, format="json").json()[0]["phone"]
        == "081-555-0101"
    )


def test_matches_by_national_id_offer_a_sibling_clinics_patient(api, world):
    sibling, patient = _sibling(world)
    profile = patient.profile
    profile.national_id, profile.national_id_country = "1101700230708", "TH"
    profile.national_id_hash = national_id_hash(country="TH", national_id="1101700230708")
    profile.save()
    body = (
        _receptionist(api, world.a)
        .post(f"{URL}/matches", {"national_id": "1-1017-00230-70-8", "phone": "0897770000"}, format="json")
        .json()
    )
    assert [(m["profile"], m["patient"], m["clinics"], m["matched_on"]) for m in body] == [
        (str(profile.pk), None, [sibling.name], ["phone", "national_id"])
    ]
    assert body[0]["national_id"] == "XXXXXXXXX0708"


def test_matches_never_look_at_other_organizations(api, world):
    # Clinic B's patient has this number; clinic A's receptionist learns nothing of it,
    # exactly as for a number nobody has.
    ClinicPatientFactory(clinic=world.b.clinic, profile__phone="+66891112222", chart_number="HN000009")
    client = _receptionist(api, world.a)
    known_elsewhere = client.post(f"{URL}/matches", {"phone": "089-111-2222"}, format="json")
    known_nowhere = client.post(f"{URL}/matches", {"phone": "089-111-3333"}, format="json")
    assert known_elsewhere.status_code == known_nowhere.status_code == 200
    assert known_elsewhere.json() == known_nowhere.json() == []


def test_another_clinics_user_finds_none_of_this_clinics_patients(api, world):
    client = api(world.b.user(Role.RECEPTIONIST), world.b.clinic)
    assert client.post(f"{URL}/matches", {"phone": "+66815550101"}, format="json").json() == []
    # Naming clinic A without a membership there is refused before anything is read.
    foreign = api(world.b.user(Role.RECEPTIONIST), world.a.clinic)
    assert foreign.post(f"{URL}/matches", {"phone": "+66815550101"}, format="json").status_code in (403, 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "phone"), ({"phone": "12"}, "phone"), ({"national_id": "1234"}, "national_id")],
)
def test_matches_name_the_bad_field(api, world, body, field):
    response = _receptionist(api, world.a).post(f"{URL}/matches", body, format="json")
    assert response.status_code == 400
    assert field in {e["field"] for e in response.json()["errors"]}


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.CASHIER])
def test_roles_that_do_not_register_cannot_ask_for_matches(api, world, role):
    client = api(world.a.user(role), world.a.clinic)
    assert client.post(f"{URL}/matches", {"phone": "0815550101"}, format="json").status_code == 403


def test_enrol_makes_a_sibling_clinics_patient_a_patient_here_once(api, world):
    _clinic, patient = _sibling(world)
    _texts(world.a.clinic)
    client = _receptionist(api, world.a)
    body = {
        "profile": str(patient.profile_id),
        "consents": [{"purpose": "treatment", "decision": "granted", "channel": "in_person"}],
    }
    first = client.post(f"{URL}/enrol", body, format="json")
    assert first.status_code == 201, first.content
    assert first.json()["given_name"] == "Nok"
    assert first.json()["phone"] == "089-XXX-0000"
    again = client.post(f"{URL}/enrol", {"profile": str(patient.profile_id)}, format="json")
    assert again.json()["id"] == first.json()["id"]
    assert ClinicPatient.unscoped.filter(profile=patient.profile).count() == 2
    with clinic_context(world.a.clinic):
        assert Consent.objects.filter(patient_id=first.json()["id"], purpose="treatment").exists()
        assert AuditEvent.objects.filter(action="patient.created", object_id=first.json()["id"]).exists()


def test_enrol_treats_another_organizations_profile_as_unknown(api, world):
    response = _receptionist(api, world.a).post(
        f"{URL}/enrol", {"profile": str(world.b.patient.profile_id)}, format="json"
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["profile"]
    assert not ClinicPatient.unscoped.filter(clinic=world.a.clinic, profile=world.b.patient.profile).exists()


# --------------------------------------------------------------------------- editing


def test_receptionist_corrects_a_phone_without_seeing_the_old_one(api, world):
    client = _receptionist(api, world.a)
    response = client.patch(f"{URL}/{world.a.patient.pk}", {"phone": "082-444-9999"}, format="json")
    assert response.status_code == 200, response.content
    assert "0101" not in response.content.decode()
    assert "555" not in response.content.decode()
    assert response.json()["phone"] == "082-XXX-9999"
    with clinic_context(world.a.clinic):
        event = AuditEvent.objects.filter(action="patient.updated").latest("occurred_at")
    assert "+66815550101" not in str(event.changes)
    world.a.patient.profile.refresh_from_db()
    assert world.a.patient.profile.phone == "+66824449999"
    # The other masked fields were not sent, so they are unchanged.
    assert world.a.patient.profile.email == "ploy.srisuk@example.com"


def test_an_edit_from_another_clinic_is_not_found(api, world):
    client = _receptionist(api, world.b)
    response = client.patch(f"{URL}/{world.a.patient.pk}", {"phone": "082-444-9999"}, format="json")
    assert response.status_code == 404


# ------------------------------------------------------------------------ list total


def test_the_list_total_is_exact_below_the_bound(api, world):
    body = _receptionist(api, world.a).get(URL).json()
    assert (body["count"], body["count_is_exact"], body["count_bound"]) == (1, True, 1000)


def test_the_list_stops_counting_at_the_bound(api, world, monkeypatch):
    monkeypatch.setattr(BoundedCountPagination, "count_bound", 3)
    for n in range(2, 7):
        ClinicPatientFactory(clinic=world.a.clinic, chart_number=f"HN{n:06d}")
    client = _receptionist(api, world.a)
    with CaptureQueriesContext(connection) as queries:
        body = client.get(URL, {"page_size": 2}).json()
    assert (body["count"], body["count_is_exact"], len(body["results"])) == (3, False, 2)
    assert body["next"] is not None
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    assert len(counts) == 1
    assert "LIMIT 4" in counts[0]
    # A page past the bound still pages: 6 rows, page 3 of size 2 is the last.
    last = client.get(URL, {"page_size": 2, "page": 3}).json()
    assert (last["count"], last["count_is_exact"], last["next"], len(last["results"])) == (3, False, None, 2)


def test_a_page_number_past_any_bound_is_not_found(api, world):
    response = _receptionist(api, world.a).get(URL, {"page": "99999999999999999999"})
    assert response.status_code == 404
