import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from accounts.validators import national_id_hash
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ClinicPatient, PatientProfile

URL = "/api/v1/patients"


def _get(api, world, role):
    return api(world.a.user(role), world.a.clinic).get(f"{URL}/{world.a.patient.pk}").json()


def test_receptionist_gets_masked_and_doctor_full_phone(api, world):
    assert _get(api, world, Role.RECEPTIONIST)["phone"] == "081-XXX-0101"
    assert _get(api, world, Role.DOCTOR)["phone"] == "081-555-0101"


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.ACCOUNTANT, Role.CASHIER])
def test_non_clinical_roles_see_masked_contact_data(api, world, role):
    body = _get(api, world, role)
    assert body["email"] == "p***@example.com"
    assert body["address"] == "***, Bangkok 10110"
    assert "555" not in body["phone"]


def test_nurse_sees_contact_data_in_full(api, world):
    body = _get(api, world, Role.NURSE)
    assert body["email"] == "ploy.srisuk@example.com"
    assert body["address"] == "12 Sukhumvit 39, Bangkok 10110"


def test_register_with_local_phone_and_thai_id(api, world):
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).post(
        URL,
        {
            "given_name": "Somchai",
            "family_name": "Jaidee",
            "birth_date": "1985-07-01",
            "sex": "male",
            "phone": "089-123-4567",
            "national_id": "1-1017-00230-70-8",
            "tags": ["vip"],
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["chart_number"] == "HN000002"
    assert body["phone"] == "089-XXX-4567"
    assert body["national_id"] == "XXXXXXXXX0708"
    with clinic_context(world.a.clinic):
        assert ClinicPatient.objects.get(pk=body["id"]).profile.phone == "+66891234567"


def test_same_national_id_at_another_organization_makes_its_own_profile(api, world):
    payload = {
        "given_name": "Somchai",
        "birth_date": "1985-07-01",
        "phone": "+66891234567",
        "national_id": "1101700230708",
        "national_id_country": "TH",
    }
    first = api(world.a.user(), world.a.clinic).post(URL, payload, format="json")
    second = api(world.b.user(), world.b.clinic).post(URL, payload, format="json")
    assert first.status_code == second.status_code == 201
    digest = national_id_hash(country="TH", national_id="1101700230708")
    profiles = PatientProfile.objects.filter(national_id_hash=digest)
    assert {p.organization_id for p in profiles} == {
        world.a.clinic.organization_id,
        world.b.clinic.organization_id,
    }


@pytest.mark.parametrize(
    ("patch", "field"),
    [
        ({"national_id": "1101700230709"}, "national_id"),
        ({"phone": "12345"}, "phone"),
        ({"birth_date": "2999-01-01"}, "birth_date"),
        ({"birth_date": "yesterday"}, "birth_date"),
        ({"given_name": ""}, "given_name"),
        ({"sex": "x"}, "sex"),
    ],
)
def test_bad_registration_is_400_naming_the_field(api, world, patch, field):
    payload = {"given_name": "Nok", "birth_date": "1992-02-02", "phone": "0891112222", **patch}
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).post(URL, payload, format="json")
    assert response.status_code == 400, response.content
    assert field in [e["field"] for e in response.json()["errors"]]
    with clinic_context(world.a.clinic):
        assert ClinicPatient.objects.count() == 1


def test_a_registration_with_several_bad_fields_names_them_all_in_one_answer(api, world):
    payload = {
        "given_name": "Nok",
        "birth_date": "2999-01-01",
        "phone": "12345",
        "phone_alt": "999",
        "national_id": "1101700230709",
    }
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).post(URL, payload, format="json")
    assert response.status_code == 400, response.content
    assert {e["field"] for e in response.json()["errors"]} == {
        "birth_date",
        "phone",
        "phone_alt",
        "national_id",
    }


def test_search_is_accent_and_case_insensitive_and_never_crosses_clinics(api, world):
    client = api(world.b.user(), world.b.clinic)
    client.post(
        URL,
        {
            "given_name": "João",
            "family_name": "Conceição",
            "birth_date": "1980-01-01",
            "phone": "(11) 91234-5678",
        },
        format="json",
    )
    found = client.get(URL, {"q": "joao conceicao"}).json()["results"]
    assert [p["given_name"] for p in found] == ["João"]
    assert client.get(URL, {"q": "JOÃO"}).json()["count"] == 1
    # "Ploy" exists in both clinics; clinic B sees only its own.
    ploys = client.get(URL, {"q": "ploy"}).json()["results"]
    assert [p["id"] for p in ploys] == [str(world.b.patient.pk)]


def test_search_by_phone_chart_number_and_national_id(api, world):
    client = api(world.a.user(), world.a.clinic)
    assert client.get(URL, {"phone": "081 555 0101"}).json()["count"] == 1
    assert client.get(URL, {"phone": "5550101"}).json()["count"] == 1
    assert client.get(URL, {"chart_number": "hn000001"}).json()["count"] == 1
    client.post(
        URL,
        {
            "given_name": "A",
            "birth_date": "1990-01-01",
            "phone": "0891112222",
            "national_id": "1101700230708",
        },
        format="json",
    )
    assert client.get(URL, {"national_id": "1-1017-00230-70-8"}).json()["count"] == 1
    bad = client.get(URL, {"national_id": "123"})
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "national_id"


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.CASHIER, Role.ACCOUNTANT])
def test_a_role_that_sees_phones_masked_cannot_search_them_by_fragment(api, world, role):
    # Attack: 081-XXX-0101 is shown; "which numbers contain 0815" … "08155" recovers the
    # hidden digits one by one. Only the whole number may be looked up.
    client = api(world.a.user(role), world.a.clinic)
    for fragment in ("0815", "815550", "5550101"):
        response = client.get(URL, {"phone": fragment})
        assert response.status_code == 400, fragment
        assert [e["field"] for e in response.json()["errors"]] == ["phone"]
    assert client.get(URL, {"phone": "081-555-0101"}).json()["count"] == 1
    assert client.get(URL, {"phone": "081-555-0102"}).json()["count"] == 0


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.DOCTOR])
@pytest.mark.parametrize(
    "term", ["profile__phone", "-profile__phone", "profile__email", "phone", "created_at"]
)
def test_patients_cannot_be_ordered_by_personal_data_or_undeclared_fields(api, world, role, term):
    # Attack: the order of the rows against a known number gives a masked one away.
    response = api(world.a.user(role), world.a.clinic).get(URL, {"ordering": term})
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["ordering"]


# Bangkok's day is UTC's next at 23:30 UTC, Sao Paulo's is UTC's previous at 02:00 UTC.
@pytest.mark.parametrize(
    ("clock", "side", "phone"),
    [("23:30", "a", "0891112222"), ("02:00", "b", "11987654322")],
    indirect=["clock"],
)
def test_a_birth_date_may_be_the_clinics_today_but_not_its_tomorrow(clock, api, world, side, phone):
    tenant = getattr(world, side)
    today = timezone.localdate(clock, ZoneInfo(tenant.clinic.time_zone))
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    client = api(tenant.user(Role.RECEPTIONIST), tenant.clinic)
    payload = {"given_name": "Nok", "phone": phone}
    refused = client.post(URL, {**payload, "birth_date": tomorrow}, format="json")
    assert refused.status_code == 400 and refused.json()["errors"][0]["field"] == "birth_date"
    born = client.post(URL, {**payload, "birth_date": today.isoformat()}, format="json")
    assert born.status_code == 201, born.content
    chart = f"{URL}/{tenant.patient.pk}"
    assert client.patch(chart, {"birth_date": tomorrow}, format="json").status_code == 400
    assert client.patch(chart, {"birth_date": today.isoformat()}, format="json").status_code == 200


def test_update_changes_profile_and_link(api, world):
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = client.patch(
        f"{URL}/{world.a.patient.pk}",
        {"family_name": "Wongsakul", "tags": ["filler", "vip"], "phone": "0812223333"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["tags"] == ["filler", "vip"]
    assert client.get(URL, {"q": "wongsakul"}).json()["count"] == 1


def test_cashier_cannot_register_patients(api, world):
    response = api(world.a.user(Role.CASHIER), world.a.clinic).post(
        URL, {"given_name": "N", "birth_date": "1990-01-01", "phone": "0891112222"}, format="json"
    )
    assert response.status_code == 403


def test_another_clinics_patient_is_404(api, world):
    response = api(world.b.user(), world.b.clinic).get(f"{URL}/{world.a.patient.pk}")
    assert response.status_code == 404


def test_reading_a_chart_is_audited_and_listed_in_its_access_history(api, world):
    api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(f"{URL}/{world.a.patient.pk}")
    api(world.a.user(Role.DOCTOR), world.a.clinic).get(f"{URL}/{world.a.patient.pk}")
    history = api(world.a.user(), world.a.clinic).get(f"{URL}/{world.a.patient.pk}/access-history").json()
    assert [e["actor_role"] for e in history["results"]] == ["doctor", "receptionist"]
    assert history["results"][0]["actor"] == world.a.user(Role.DOCTOR).full_name
    receptionist = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert receptionist.get(f"{URL}/{world.a.patient.pk}/access-history").status_code == 403


def test_edits_are_audited_with_sensitive_values_masked(api, world):
    from audit.models import AuditEvent

    api(world.a.user(Role.RECEPTIONIST), world.a.clinic).patch(
        f"{URL}/{world.a.patient.pk}", {"phone": "0812223333", "notes": "prefers mornings"}, format="json"
    )
    with clinic_context(world.a.clinic):
        event = AuditEvent.objects.filter(action="patient.updated").get()
    assert event.object_id == str(world.a.patient.pk)
    assert event.changes["notes"] == ["", "[redacted]"]  # free text may hold clinical details
    assert "2223333" not in str(event.changes["phone"])
    assert "5550101" not in str(event.changes["phone"])


def test_notes_are_encrypted_at_rest(api, world):
    from django.db import connection

    api(world.a.user(Role.NURSE), world.a.clinic).patch(
        f"{URL}/{world.a.patient.pk}", {"notes": "Allergic to lidocaine"}, format="json"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT notes FROM patients_clinicpatient WHERE id = %s", [world.a.patient.pk])
        (raw,) = cursor.fetchone()
    assert "lidocaine" not in raw and raw
    assert _get(api, world, Role.NURSE)["notes"] == "Allergic to lidocaine"
