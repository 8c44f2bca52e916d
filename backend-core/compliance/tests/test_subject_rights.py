import base64
import hashlib
import json
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import ClinicFactory, MembershipFactory
from audit.models import AuditEvent
from catalog.models import Service
from commerce.models import Sale, StockMovement
from compliance.models import DataSubjectRequest
from compliance.subject_rights import dsr_due_days, patient_export_document
from core.roles import Role
from core.tenancy import clinic_context
from core.tests.raw import stored_value
from emr.models import (
    ClinicalNote,
    ConsentFormSignature,
    FaceChart,
    Photo,
    SessionProduct,
    TreatmentPlan,
    TreatmentSession,
    Visit,
)
from emr.tests.factories import clinical_record_rows
from patients.models import ClinicPatient, ConsentPurpose, PatientProfile
from patients.selectors import consent_is_granted
from patients.tests.factories import ClinicPatientFactory, PatientProfileFactory

URL = "/api/v1/compliance/data-subject-requests"


def _open(api, tenant, kind, patient=None, **extra):
    client = api(tenant.user(), tenant.clinic)
    patient = patient or tenant.patient
    created = client.post(URL, {"patient_id": str(patient.pk), "kind": kind, **extra}, format="json")
    assert created.status_code == 201, created.content
    return client, created.json()


DRAWN_PNG = b"\x89PNG\r\n\x1a\n" + b"drawn signature strokes" * 40


def _enrich(tenant):
    """On top of the world's record: a signed note and its amendment, a product used in
    the session from the world lot (with its stock movement), a drawn signature."""
    clinic, doctor, record = tenant.clinic, tenant.user(Role.DOCTOR), tenant.clinical
    now = timezone.now()
    common = {"clinic": clinic, "patient": tenant.patient, "visit": record.visit, "session": record.session}
    signed = ClinicalNote.unscoped.create(
        **common,
        author=doctor,
        assessment="Dynamic glabellar lines.",
        status=ClinicalNote.Status.SIGNED,
        signed_at=now,
        signed_by=doctor,
    )
    ClinicalNote.unscoped.create(
        **common, author=doctor, version=2, amends=signed, amendment_reason="Dose", plan="20 U glabella"
    )
    used = StockMovement.unscoped.create(
        clinic=clinic,
        lot=tenant.lot,
        kind=StockMovement.Kind.CONSUME,
        quantity=Decimal(-1),
        patient=tenant.patient,
        reference_type="emr.treatment_session",
        reference_id=record.session.pk,
        actor=doctor,
    )
    SessionProduct.unscoped.create(
        clinic=clinic,
        session=record.session,
        product=tenant.product,
        lot=tenant.lot,
        movement=used,
        quantity=Decimal(1),
        unit="syringe",
        recorded_by=doctor,
    )
    ConsentFormSignature.unscoped.create(
        clinic=clinic,
        patient=tenant.patient,
        template=record.template,
        method=ConsentFormSignature.Method.DRAWN,
        signature_png=DRAWN_PNG,
        text_sha256="1" * 64,
        signed_at=now,
        recorded_by=doctor,
    )


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value


# Bangkok's day is UTC's next at 23:30 UTC, Sao Paulo's is UTC's previous at 02:00 UTC.
# A copy is due in 30 days in Thailand (PDPA s30 para 3), in 15 in Brazil (LGPD Art. 19 II).
@pytest.mark.parametrize(
    ("clock", "side", "days"), [("23:30", "a", 30), ("02:00", "b", 15)], indirect=["clock"]
)
def test_a_copy_is_due_as_the_clinics_law_says_and_audited(clock, api, world, side, days):
    tenant = getattr(world, side)
    _client, dsr = _open(api, tenant, "export")
    assert dsr["status"] == "received"
    today = timezone.localdate(clock, ZoneInfo(tenant.clinic.time_zone))  # the clinic's day
    assert dsr["due_on"] == (today + timedelta(days=days)).isoformat()
    with clinic_context(tenant.clinic):
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


def test_export_holds_the_clinical_and_commercial_record(api, world):
    _enrich(world.a)
    client, dsr = _open(api, world.a, "export")
    response = client.post(f"{URL}/{dsr['id']}/complete")
    assert response.status_code == 200, response.content
    # The document as stored (the owner who ran it is not shown its clinical part).
    [chart] = DataSubjectRequest.unscoped.get(pk=dsr["id"]).result["clinics"]
    clinical, commerce = chart["clinical"], chart["commerce"]
    stored = stored_value(DataSubjectRequest, dsr["id"], "result")  # health data: encrypted at rest
    assert stored.startswith("gAAAAA") and "Frown lines." not in stored
    record, doctor = world.a.clinical, world.a.user(Role.DOCTOR)

    [visit] = clinical["visits"]
    assert (visit["id"], visit["kind"]) == (str(record.visit.pk), "appointment")
    [session] = clinical["treatment_sessions"]
    assert session["service"]["name"] == "Botulinum toxin"
    assert session["practitioners"] == [{"id": str(doctor.pk), "name": doctor.full_name}]
    [used] = session["products_used"]
    assert (used["lot_number"], used["registration_number"], used["quantity"]) == (
        "LOT-1",
        "80117580578",
        "1.000",
    )
    notes = {(n["version"], n["status"]): n for n in clinical["clinical_notes"]}
    assert notes[(1, "draft")]["subjective"] == "Frown lines."  # decrypted
    assert notes[(1, "signed")]["signed_by"]["name"] == doctor.full_name
    amendment = notes[(2, "draft")]
    assert amendment["amends_id"] == notes[(1, "signed")]["id"] and amendment["plan"] == "20 U glabella"
    [plan] = clinical["treatment_plans"]
    assert (
        plan["goals"] == ["Soften frown lines"] and plan["planned_sessions"][0]["target_date"] == "2030-01-02"
    )

    typed, drawn = clinical["consent_forms"]
    assert (typed["method"], typed["typed_name"], typed["drawn_signature"]) == ("typed", "Ploy Srisuk", None)
    assert typed["template"]["version"] == 1 and typed["template"]["body"] == "Risks: bruising."
    assert drawn["drawn_signature"] == {
        "consent_form_id": drawn["id"],
        "sha256": hashlib.sha256(DRAWN_PNG).hexdigest(),
        "size_bytes": len(DRAWN_PNG),
    }

    [photo] = session["photos"]
    assert photo["object_key"] == record.photo.object_key
    assert (photo["kind"], photo["angle"], photo["size_bytes"], photo["status"]) == (
        "before",
        "front",
        1000,
        "ready",
    )
    assert not {"url", "urls", "data", "content"} & set(photo)
    [chart_version] = session["face_charts"]
    assert chart_version["annotations"]["points"][0]["x"] == 0.5  # stored JSON stays numbers

    texts = list(_strings(chart))
    assert not [t for t in texts if "signature=" in t or "X-Amz-" in t]  # no presigned link
    assert base64.b64encode(DRAWN_PNG).decode() not in texts
    assert not [t for t in texts if "drawn signature strokes" in t]

    [sale] = commerce["sales"]
    assert (sale["number"], sale["total"]) == ("S-WORLD", "15000.00")
    assert [line["kind"] for line in sale["lines"]] == ["product", "course"]
    [invoice] = commerce["invoices"]
    assert invoice["number"] == "INV-WORLD" and invoice["balance_due"] == "14000.00"
    assert [(p["amount"], p["method"]) for p in invoice["payments"]] == [("1000.00", "cash")]
    [balance] = commerce["course_balances"]
    assert (balance["course"]["name"], balance["sessions_remaining"]) == ("6 sessions", 6)
    assert [(m["kind"], m["quantity"]) for m in commerce["stock_movements"]] == [
        ("sale", "-1.000"),
        ("consume", "-1.000"),
    ]


@pytest.mark.parametrize("role", [Role.OWNER, Role.ADMIN])
def test_a_manager_without_a_clinical_role_gets_the_export_without_the_clinical_record(api, world, role):
    # Attack: an owner gets 403 on the notes but read them decrypted through an export.
    _enrich(world.a)
    client = api(world.a.user(role), world.a.clinic)
    dsr = client.post(URL, {"patient_id": str(world.a.patient.pk), "kind": "export"}, format="json").json()
    for response in (client.post(f"{URL}/{dsr['id']}/complete"), client.get(f"{URL}/{dsr['id']}")):
        assert response.status_code == 200, response.content
        document = response.json()["result"]
        assert document["withheld"] == ["clinical"]
        assert [chart["clinical"] for chart in document["clinics"]] == [None]
        assert document["clinics"][0]["commerce"]["sales"]  # the rest is there
        texts = list(_strings(document))
        assert not [t for t in texts if "Frown lines" in t or "glabella" in t]
    # The stored document is whole: a clinician gives the clinical part.
    stored = DataSubjectRequest.unscoped.get(pk=dsr["id"]).result
    assert stored["clinics"][0]["clinical"]["clinical_notes"] and "withheld" not in stored


def _second_chart(clinic, profile, doctor, *, chart_number, note):
    """The same person at another clinic, with a clinical record and a sale there."""
    service = Service.unscoped.create(
        clinic=clinic,
        name="Filler",
        category=Service.Category.FILLER,
        price=Decimal("9000.00"),
        currency=clinic.currency,
        duration_minutes=45,
    )
    link = ClinicPatientFactory(clinic=clinic, profile=profile, chart_number=chart_number)
    record = clinical_record_rows(
        clinic=clinic, patient=link, doctor=doctor, service=service, appointment=None
    )
    ClinicalNote.unscoped.filter(pk=record.note.pk).update(subjective="")  # keeps the ciphertext format
    ClinicalNote.unscoped.create(
        clinic=clinic, patient=link, visit=record.visit, author=doctor, subjective=note
    )
    Sale.unscoped.create(
        clinic=clinic,
        number=f"S-{chart_number}",
        patient=link,
        currency=clinic.currency,
        subtotal=Decimal("9000.00"),
        total=Decimal("9000.00"),
        idempotency_key=chart_number,
        created_by=doctor,
    )
    return link


def _export_in_request_clinic(tenant):
    with clinic_context(tenant.clinic):  # as in a request: the requesting clinic is current
        patient = ClinicPatient.objects.select_related("clinic").get(pk=tenant.patient.pk)
        with CaptureQueriesContext(connection) as queries:
            document = patient_export_document(patient=patient)
    return document, len(queries.captured_queries)


def test_export_covers_every_clinic_of_the_organization_and_no_other_organization(world):
    _enrich(world.a)
    alone, queries_for_one_clinic = _export_in_request_clinic(world.a)
    profile = PatientProfile.objects.get(pk=world.a.patient.profile_id)
    branch = ClinicFactory(organization=world.a.clinic.organization)
    _second_chart(branch, profile, world.a.user(Role.DOCTOR), chart_number="HN-BRANCH", note="Branch note.")
    # The same person is also a patient of another organization (another controller),
    # which holds its own profile of them.
    _second_chart(
        world.b.clinic,
        PatientProfileFactory(organization=world.b.clinic.organization),
        world.b.user(Role.DOCTOR),
        chart_number="BR-OTHER",
        note="Other org.",
    )

    document, queries_for_two_clinics = _export_in_request_clinic(world.a)

    assert [c["chart_number"] for c in document["clinics"]] == ["HN000001", "HN-BRANCH"]
    here, there = document["clinics"]
    assert here["clinical"] == alone["clinics"][0]["clinical"]
    assert [n["subjective"] for n in there["clinical"]["clinical_notes"]] == ["", "Branch note."]
    assert [s["number"] for s in there["commerce"]["sales"]] == ["S-HN-BRANCH"]
    assert {
        p["object_key"].split("/")[1] for s in there["clinical"]["treatment_sessions"] for p in s["photos"]
    } == {str(branch.pk)}
    dumped = json.dumps(document)
    assert "Other org." not in dumped and "BR-OTHER" not in dumped and str(world.b.clinic.pk) not in dumped
    # A fixed number of queries: a second clinic and its rows add none.
    assert queries_for_two_clinics == queries_for_one_clinic <= 23


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


CLINICAL_MODELS = {
    Visit: ["opened_at", "created_at"],
    TreatmentSession: ["created_at"],
    ClinicalNote: ["created_at"],
    Photo: ["created_at"],
    ConsentFormSignature: ["signed_at"],
    TreatmentPlan: ["created_at"],
}


def _patient_with_record(tenant, *, years_ago, chart_number="HN000002"):
    """A new patient of ``tenant``'s clinic (not known elsewhere) whose whole clinical
    record was written ``years_ago`` years ago (``None``: no clinical record)."""
    patient = ClinicPatientFactory(
        clinic=tenant.clinic,
        profile__given_name="Nok",
        profile__phone="+66815550199",
        chart_number=chart_number,
    )
    if years_ago is not None:
        clinical_record_rows(
            clinic=tenant.clinic,
            patient=patient,
            doctor=tenant.user(Role.DOCTOR),
            service=Service.unscoped.create(
                clinic=tenant.clinic,
                name=f"Peel {chart_number}",
                category=Service.Category.PEEL,
                price=Decimal(100),
                currency=tenant.clinic.currency,
                duration_minutes=30,
            ),
            appointment=None,
        )
        then = timezone.now() - timedelta(days=round(365.25 * years_ago))
        for model, fields in CLINICAL_MODELS.items():
            model.unscoped.filter(patient=patient).update(**dict.fromkeys(fields, then))
        FaceChart.unscoped.filter(session__patient=patient).update(created_at=then)
    return patient


def _erase(api, tenant, patient):
    client, erasure = _open(api, tenant, "erasure", patient=patient)
    response = client.post(f"{URL}/{erasure['id']}/complete")
    assert response.status_code == 200, response.content
    return response.json()["result"], PatientProfile.objects.get(pk=patient.profile_id)


def test_a_record_whose_last_visit_is_past_the_retention_period_is_anonymized_fully(api, world):
    patient = _patient_with_record(world.a, years_ago=11)  # Thailand: 10 years
    report, profile = _erase(api, world.a, patient)
    assert report["retained_until"] == {} and "given_name" in report["removed"]
    assert (profile.given_name, profile.national_id) == ("Anonymized", "")


def test_a_record_within_the_retention_period_keeps_the_identity(api, world):
    patient = _patient_with_record(world.a, years_ago=5)
    report, profile = _erase(api, world.a, patient)
    [until] = report["retained_until"].values()
    assert int(until[:4]) == timezone.now().year - 5 + 10
    assert profile.given_name == "Nok" and profile.phone == ""


def test_a_patient_with_no_clinical_record_has_nothing_to_retain(api, world):
    patient = _patient_with_record(world.a, years_ago=None)
    report, profile = _erase(api, world.a, patient)
    assert report["retained_until"] == {} and profile.given_name == "Anonymized"


def test_a_later_entry_of_the_record_restarts_the_period(api, world):
    patient = _patient_with_record(world.a, years_ago=11)
    FaceChart.unscoped.filter(session__patient=patient).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    report, profile = _erase(api, world.a, patient)
    assert report["retained_until"] and profile.given_name == "Nok"


def test_brazilian_records_are_kept_20_years_from_the_last_entry(api, world):
    patient = _patient_with_record(world.b, years_ago=11, chart_number="BR000002")
    report, profile = _erase(api, world.b, patient)
    assert report["retained_until"] == {
        str(world.b.clinic.pk): report["retained_until"][str(world.b.clinic.pk)]
    }
    assert int(report["retained_until"][str(world.b.clinic.pk)][:4]) == timezone.now().year - 11 + 20
    assert profile.given_name == "Nok"


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


def _result_reads(tenant):
    return AuditEvent.unscoped.filter(clinic=tenant.clinic, action="dsr_result.viewed")


def _completed_export(api, tenant):
    """``(client of the owner, id of a completed export, the completion's response)``."""
    client, export = _open(api, tenant, "export")
    completed = client.post(f"{URL}/{export['id']}/complete")
    assert completed.status_code == 200, completed.content
    return client, export["id"], completed


def test_the_list_holds_no_result(api, world):
    client, export_id, completed = _completed_export(api, world.a)
    note = "ploy.srisuk@example.com"  # in the export's person section
    assert note in completed.content.decode()
    response = client.get(URL)
    assert response.status_code == 200, response.content
    rows = {row["id"]: row for row in response.json()["results"]}
    assert len(rows) == 2
    assert all("result" not in row for row in rows.values())
    assert rows[export_id]["has_result"] is True and rows[export_id]["status"] == "completed"
    [world_request] = [row for key, row in rows.items() if key != export_id]
    assert world_request["has_result"] is False and world_request["chart_number"] == "HN000001"
    assert note not in response.content.decode()
    assert not _result_reads(world.a).exists()


def test_opening_a_request_returns_its_result_and_audits_each_read(api, world):
    client, export_id, completed = _completed_export(api, world.a)
    admin = world.a.user(Role.ADMIN)
    for reader, reads in ((world.a.user(), 1), (admin, 2), (admin, 3)):
        response = api(reader, world.a.clinic).get(f"{URL}/{export_id}")
        assert response.status_code == 200, response.content
        assert response.json()["result"] == completed.json()["result"]
        assert _result_reads(world.a).count() == reads
    first, *_rest, last = _result_reads(world.a).order_by("sequence")
    assert (first.actor, first.actor_role, last.actor, last.actor_role) == (
        world.a.user(),
        "owner",
        admin,
        "admin",
    )
    assert (last.object_type, last.object_id) == ("patients.ClinicPatient", str(world.a.patient.pk))
    assert last.changes == {"data_subject_request": [None, export_id], "kind": [None, "export"]}
    history = client.get(f"/api/v1/patients/{world.a.patient.pk}/access-history").json()
    assert [e["actor_role"] for e in history["results"]] == ["admin", "admin", "owner"]


def test_opening_a_request_without_result_is_not_audited(api, world):
    client, received = _open(api, world.a, "export")
    _client, rejected = _open(api, world.a, "erasure")
    client.post(f"{URL}/{rejected['id']}/reject", {"reason": "Identity not confirmed"}, format="json")
    for dsr in (received, rejected):
        response = client.get(f"{URL}/{dsr['id']}")
        assert response.status_code == 200, response.content
        assert response.json()["result"] is None
    assert not _result_reads(world.a).exists()


def test_another_clinic_or_organization_cannot_open_a_request(api, world):
    _client, export_id, _completed = _completed_export(api, world.a)
    sibling = ClinicFactory(organization=world.a.clinic.organization)
    sibling_owner = MembershipFactory(clinic=sibling, role=Role.OWNER).user
    for user, clinic in ((world.b.user(), world.b.clinic), (sibling_owner, sibling)):
        client = api(user, clinic)
        assert client.get(f"{URL}/{export_id}").status_code == 404
        assert export_id not in {row["id"] for row in client.get(URL).json()["results"]}
    assert not AuditEvent.unscoped.filter(action="dsr_result.viewed").exists()


@pytest.mark.parametrize("role", sorted(set(Role) - {Role.OWNER, Role.ADMIN}))
def test_staff_other_than_managers_cannot_see_requests(api, world, role):
    _client, export_id, _completed = _completed_export(api, world.a)
    client = api(world.a.user(role), world.a.clinic)
    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}/{export_id}").status_code == 403
    assert not _result_reads(world.a).exists()


@pytest.mark.parametrize(
    ("country", "kind", "days"),
    [
        ("BR", "export", 15),  # LGPD Art. 19 II
        ("BR", "erasure", 45),  # no term in the LGPD: the fallback setting
        ("BR", "rectification", 45),
        ("TH", "export", 30),  # PDPA s30 para 3
        ("TH", "erasure", 30),
        ("SA", "export", 30),  # PDPL Implementing Regulation
        ("SA", "rectification", 30),
        ("PT", "export", 45),  # a country without a rule: the fallback setting
    ],
)
def test_due_days_follow_the_country_and_the_kind(settings, country, kind, days):
    settings.DSR_DUE_DAYS = 45
    assert dsr_due_days(country=country, kind=kind) == days


def test_a_brazilian_erasure_request_takes_the_fallback_term(clock, api, world, settings):
    settings.DSR_DUE_DAYS = 45
    tenant = world.b
    _client, dsr = _open(api, tenant, "erasure")
    assert dsr["due_on"] == (tenant.clinic.today() + timedelta(days=45)).isoformat()
