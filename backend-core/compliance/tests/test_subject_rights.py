from datetime import timedelta

import pytest
from django.utils import timezone

from compliance.models import AuditEvent, DataSubjectRequest
from compliance.subject_rights import retention_until
from core.roles import Role
from core.tenancy import clinic_context
from patients.models import ConsentPurpose, PatientProfile
from patients.selectors import consent_is_granted

URL = "/api/v1/compliance/data-subject-requests"


def _open(api, tenant, kind, **extra):
    client = api(tenant.user(), tenant.clinic)
    created = client.post(URL, {"patient_id": str(tenant.patient.pk), "kind": kind, **extra}, format="json")
    assert created.status_code == 201, created.content
    return client, created.json()


def test_a_request_is_due_in_30_days_and_audited(api, world):
    _client, dsr = _open(api, world.a, "export")
    assert dsr["status"] == "received"
    assert dsr["due_on"] == (timezone.localdate() + timedelta(days=30)).isoformat()
    with clinic_context(world.a.clinic):
        assert AuditEvent.objects.filter(action="dsr.received", object_id=dsr["id"]).exists()


def test_export_holds_everything_the_organization_has(api, world):
    client, dsr = _open(api, world.a, "export")
    done = client.post(f"{URL}/{dsr['id']}/complete").json()
    document = done["result"]
    assert done["status"] == "completed"
    assert document["format"] == "aesthetix.patient-export/1"
    assert document["person"]["phone"] == "+66815550101"
    assert document["person"]["email"] == "ploy.srisuk@example.com"
    [chart] = document["clinics"]
    assert chart["chart_number"] == "HN000001"
    assert [c["purpose"] for c in chart["consents"]] == ["marketing_messages"]


def test_erasure_keeps_the_clinical_record_removes_contact_data_and_export_shows_what_is_left(api, world):
    client, erasure = _open(api, world.a, "erasure")
    report = client.post(f"{URL}/{erasure['id']}/complete").json()["result"]
    assert {"phone", "email", "address", "notes", "tags"} <= set(report["removed"])
    assert "given_name" in report["retained"] and report["retained_until"]
    assert report["withdrawn"] == [ConsentPurpose.MARKETING_MESSAGES]
    profile = PatientProfile.objects.get(pk=world.a.patient.profile_id)
    assert (profile.phone, profile.email, profile.address) == ("", "", "")
    assert profile.given_name == "Ploy"
    with clinic_context(world.a.clinic):
        assert not consent_is_granted(patient=world.a.patient, purpose=ConsentPurpose.MARKETING_MESSAGES)

    _client, export = _open(api, world.a, "export")
    person = client.post(f"{URL}/{export['id']}/complete").json()["result"]["person"]
    assert person["given_name"] == "Ploy" and person["birth_date"] == "1990-04-12"
    assert person["phone"] == person["email"] == person["address"] == ""


def test_without_a_record_to_keep_erasure_anonymizes_the_identity(api, world, settings):
    settings.CLINICAL_RECORD_RETENTION_YEARS = {"TH": 0}
    settings.DEFAULT_RECORD_RETENTION_YEARS = 0
    with clinic_context(world.a.clinic):
        type(world.a.patient).objects.filter(pk=world.a.patient.pk).update(
            updated_at=timezone.now() - timedelta(days=2)
        )
    client, erasure = _open(api, world.a, "erasure")
    report = client.post(f"{URL}/{erasure['id']}/complete").json()["result"]
    assert "given_name" in report["removed"]
    assert PatientProfile.objects.get(pk=world.a.patient.profile_id).given_name == "Anonymized"


def test_brazilian_records_are_kept_20_years(world):
    with clinic_context(world.b.clinic):
        link = type(world.b.patient).objects.get(pk=world.b.patient.pk)
    assert retention_until(link).year == link.updated_at.year + 20


def test_rectification_applies_the_corrected_values(api, world):
    client, dsr = _open(
        api,
        world.a,
        "rectification",
        details={
            "family_name": "Srisuk-Lee",
            "national_id": "1-1017-00230-70-8",
            "national_id_country": "TH",
        },
    )
    done = client.post(f"{URL}/{dsr['id']}/complete").json()
    assert done["result"]["rectified"] == ["family_name", "national_id", "national_id_country"]
    profile = PatientProfile.objects.get(pk=world.a.patient.profile_id)
    assert (profile.family_name, profile.national_id) == ("Srisuk-Lee", "1101700230708")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "rectification", "details": {"favourite_colour": "blue"}}, "details"),
        ({"kind": "rectification"}, "details"),
        ({"kind": "forget-me"}, "kind"),
        ({"kind": "export", "patient_id": "00000000-0000-0000-0000-000000000000"}, "patient_id"),
    ],
)
def test_bad_requests_are_400_naming_the_field(api, world, payload, field):
    body = {"patient_id": str(world.a.patient.pk), **payload}
    response = api(world.a.user(), world.a.clinic).post(URL, body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["errors"][0]["field"] == field


def test_bad_rectification_value_changes_nothing(api, world):
    client, dsr = _open(api, world.a, "rectification", details={"national_id": "123", "family_name": "X"})
    response = client.post(f"{URL}/{dsr['id']}/complete")
    assert response.status_code == 400
    assert PatientProfile.objects.get(pk=world.a.patient.profile_id).family_name == "Srisuk"
    with clinic_context(world.a.clinic):
        assert DataSubjectRequest.objects.get(pk=dsr["id"]).status == "received"


def test_closed_requests_cannot_be_completed_again_and_rejection_needs_a_reason(api, world):
    client, dsr = _open(api, world.a, "export")
    assert client.post(f"{URL}/{dsr['id']}/reject", {"reason": ""}, format="json").status_code == 400
    rejected = client.post(f"{URL}/{dsr['id']}/reject", {"reason": "Identity not confirmed"}, format="json")
    assert rejected.json()["status"] == "rejected"
    assert client.post(f"{URL}/{dsr['id']}/complete").status_code == 409


def test_receptionist_cannot_handle_requests(api, world):
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).get(URL)
    assert response.status_code == 403
