"""The medical history (intake), the contraindication alerts of a treatment, and their
acknowledgement before a session starts."""

import pytest
from django.db import connection
from django.utils import translation

from audit.models import AuditEvent
from catalog.models import Service
from core.roles import Role
from emr.intake import allergy_codes, intake_alerts
from emr.models import MedicalIntake, TreatmentSession

HISTORY = {
    "allergies": [{"substance": "Xylocaine (lidocaine)", "severity": "severe", "notes": "Hives in 2019"}],
    "medications": [{"name": "Warfarin 5 mg", "kind": "anticoagulant"}],
    "conditions": [{"name": "Keloid on the chest", "kind": "keloid_history"}],
    "pregnancy": "yes",
    "breast_feeding": "no",
    "previous_procedures": [{"procedure": "Lip filler", "when": "2023", "complications": "Bruising"}],
    "photo_sharing": "clinical_only",
    "notes": "",
}


def url(patient, part):
    return f"/api/v1/patients/{patient.pk}/{part}"


def as_role(api, tenant, role=Role.DOCTOR):
    return api(tenant.user(role), tenant.clinic)


def filler(tenant, codes):
    service = tenant.service
    Service.unscoped.filter(pk=service.pk).update(contraindications=codes)
    service.refresh_from_db()
    return service


def test_a_doctor_records_the_history_as_versions(api, world):
    client, patient = as_role(api, world.a), world.a.patient
    assert client.get(url(patient, "intake")).json() == {"current": None, "versions": []}
    response = client.post(url(patient, "intake"), HISTORY, format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["current"]["version"] == 1
    assert body["current"]["history"]["allergies"][0] == HISTORY["allergies"][0]
    assert body["current"]["history"]["medications"][0]["notes"] == ""
    # A retried request records nothing new.
    again = client.post(url(patient, "intake"), HISTORY, format="json")
    assert again.status_code == 200
    assert [v["version"] for v in again.json()["versions"]] == [1]
    changed = client.post(url(patient, "intake"), {**HISTORY, "pregnancy": "no"}, format="json")
    assert changed.status_code == 201
    assert [v["version"] for v in changed.json()["versions"]] == [2, 1]
    assert MedicalIntake.unscoped.get(patient=patient, version=1).history["pregnancy"] == "yes"
    event = AuditEvent.unscoped.filter(clinic=world.a.clinic, action="intake.recorded").latest("occurred_at")
    assert "lidocaine" not in str(event.changes).lower()


def test_the_history_is_encrypted_at_rest(api, world):
    as_role(api, world.a, Role.NURSE).post(url(world.a.patient, "intake"), HISTORY, format="json")
    with connection.cursor() as cursor:
        cursor.execute("SELECT history FROM emr_medicalintake")
        (stored,) = cursor.fetchone()
    assert "ocaine" not in stored and "Warfarin" not in stored


@pytest.mark.parametrize(
    "role", [Role.RECEPTIONIST, Role.CASHIER, Role.ACCOUNTANT, Role.ASSISTANT, Role.OWNER]
)
def test_non_clinical_roles_get_403_on_the_history_of_their_patient(api, world, role):
    client = as_role(api, world.a, role)
    assert client.get(url(world.a.patient, "intake")).status_code == 403
    assert client.post(url(world.a.patient, "intake"), HISTORY, format="json").status_code == 403


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.DOCTOR])
def test_another_clinics_patient_is_404(api, world, role):
    client = as_role(api, world.b, role)
    for part in ("intake", f"alerts?service={world.b.service.pk}", "timeline"):
        assert client.get(url(world.a.patient, part)).status_code == 404, part
    assert client.post(url(world.a.patient, "intake"), HISTORY, format="json").status_code == 404


def test_bad_history_is_a_400_naming_the_field(api, world):
    client = as_role(api, world.a)
    bad = {**HISTORY, "allergies": [{"substance": "Latex", "severity": "terrible"}]}
    response = client.post(url(world.a.patient, "intake"), bad, format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "allergies.0.severity"
    response = client.post(url(world.a.patient, "intake"), {**HISTORY, "pregnancy": "maybe"}, format="json")
    assert response.json()["errors"][0]["field"] == "pregnancy"


# ------------------------------------------------------------------------------ alerts


def test_allergies_match_by_name_brand_and_accentless_spelling():
    assert allergy_codes("Xylocaine spray") == ["allergy_lidocaine"]
    assert allergy_codes("Lidocaína") == ["allergy_lidocaine"]
    assert allergy_codes("Ácido hialurônico") == ["allergy_hyaluronic_acid"]
    assert allergy_codes("Penicillin") == []
    assert intake_alerts(None, ["pregnancy"]) == []


def test_allergies_written_in_arabic_match_too():
    # As a Riyadh doctor writes them, with or without the hamza.
    assert allergy_codes("حساسية من الليدوكائين") == ["allergy_lidocaine"]
    assert allergy_codes("زيلوكايين") == ["allergy_lidocaine"]
    assert allergy_codes("البوتوكس") == ["allergy_botulinum_toxin"]
    assert allergy_codes("حمض الهيالورونيك") == ["allergy_hyaluronic_acid"]
    assert allergy_codes("هيالورونيداز") == ["allergy_hyaluronidase"]
    assert allergy_codes("ألبومين") == ["allergy_albumin"]
    assert allergy_codes("بنسلين") == []


@pytest.mark.parametrize(
    ("language", "detail"),
    [
        ("en", "Xylocaine (lidocaine) — Severe (anaphylaxis)"),
        ("th", "Xylocaine (lidocaine) — รุนแรง (แพ้แบบเฉียบพลันรุนแรง)"),
    ],
)
def test_the_severity_of_a_match_reads_in_the_readers_language(language, detail):
    with translation.override(language):
        [alert] = intake_alerts(HISTORY, ["allergy_lidocaine"])
    assert alert.detail == detail


def test_a_clinician_sees_what_matched_in_the_treatments_order(api, world):
    service = filler(world.a, ["allergy_lidocaine", "pregnancy", "breast_feeding", "anticoagulants"])
    client = as_role(api, world.a)
    client.post(url(world.a.patient, "intake"), HISTORY, format="json")
    body = client.get(url(world.a.patient, "alerts"), {"service": str(service.pk)}).json()
    assert body["has_alerts"] and body["details_visible"] and body["intake_recorded"]
    assert [(a["code"], a["found_in"], a["detail"]) for a in body["alerts"]] == [
        ("allergy_lidocaine", "allergy", "Xylocaine (lidocaine) — Severe (anaphylaxis)"),
        ("pregnancy", "pregnancy", "Yes"),
        ("anticoagulants", "medication", "Warfarin 5 mg"),
    ]
    assert body["alerts"][1]["name"] == "Pregnancy"


def test_the_front_desk_learns_only_that_there_is_something_to_check(api, world):
    service = filler(world.a, ["pregnancy"])
    as_role(api, world.a).post(url(world.a.patient, "intake"), HISTORY, format="json")
    response = as_role(api, world.a, Role.RECEPTIONIST).get(
        url(world.a.patient, "alerts"), {"service": service.pk}
    )
    assert response.status_code == 200
    assert response.json() == {
        "service_id": str(service.pk),
        "intake_recorded": True,
        "has_alerts": True,
        "details_visible": False,
        "alerts": [],
    }


def test_no_alert_without_a_history_or_a_matching_contraindication(api, world):
    service = filler(world.a, ["keloid_history"])
    client = as_role(api, world.a, Role.RECEPTIONIST)
    body = client.get(url(world.a.patient, "alerts"), {"service": service.pk}).json()
    assert body["intake_recorded"] is False and body["has_alerts"] is False
    as_role(api, world.a).post(url(world.a.patient, "intake"), {**HISTORY, "conditions": []}, format="json")
    assert client.get(url(world.a.patient, "alerts"), {"service": service.pk}).json()["has_alerts"] is False


def test_the_alerts_need_a_service_of_this_clinic(api, world):
    client = as_role(api, world.a, Role.RECEPTIONIST)
    for params in ({}, {"service": "nope"}, {"service": world.b.service.pk}):
        response = client.get(url(world.a.patient, "alerts"), params)
        assert response.status_code == 400, params
        assert response.json()["errors"][0]["field"] == "service"


# ---------------------------------------------------------- acknowledgement at the start


def test_a_session_starts_only_once_its_alerts_are_acknowledged(api, world):
    filler(world.a, ["pregnancy", "allergy_lidocaine"])
    client = as_role(api, world.a)
    client.post(url(world.a.patient, "intake"), HISTORY, format="json")
    session = world.a.clinical.session
    start = f"/api/v1/clinic/sessions/{session.pk}/start"
    response = client.post(start, {"acknowledged_alerts": ["pregnancy"]}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "alerts_unacknowledged"
    assert TreatmentSession.unscoped.get(pk=session.pk).status == "planned"
    response = client.post(start, {"acknowledged_alerts": ["pregnancy", "allergy_lidocaine"]}, format="json")
    assert response.status_code == 200, response.content
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="session.alerts_acknowledged")
    assert event.actor == world.a.user(Role.DOCTOR)
    assert event.changes["alerts"][1] == ["allergy_lidocaine", "pregnancy"]


def test_a_session_without_alerts_starts_with_no_body(api, world):
    response = as_role(api, world.a).post(f"/api/v1/clinic/sessions/{world.a.clinical.session.pk}/start")
    assert response.status_code == 200, response.content
    bad = as_role(api, world.a).post(
        f"/api/v1/clinic/sessions/{world.a.clinical.session.pk}/start",
        {"acknowledged_alerts": ["x"]},
        format="json",
    )
    assert bad.status_code == 400
