"""Professional licences: the clinic's review list, verification by owners and admins
(through the registry adapter: the manual default and the HTTP registry against a local
double), the gate clinical acts pass (``practitioner_licence_check``), and the clinic
setting that turns it on."""

from __future__ import annotations

import datetime as dt
import json
import socket
from collections.abc import Iterator

import pytest
from django.utils import translation

from accounts.models import ProfessionalLicence
from accounts.selectors import practitioner_licence_check
from accounts.tests.factories import ClinicFactory, MembershipFactory
from audit.models import AuditEvent
from commerce.tests.gateway import Gateway
from core.exceptions import Conflict
from core.roles import Role

URL = "/api/v1/licences"


def _licence(user, council="TMC", number="38417", **fields) -> ProfessionalLicence:
    return ProfessionalLicence.objects.create(user=user, council=council, number=number, **fields)


def _fields(response) -> set[str]:
    return {error["field"] for error in response.json().get("errors", [])}


def _refusal(user, clinic) -> str:
    with pytest.raises(Conflict) as refused:
        practitioner_licence_check(user=user, clinic=clinic)
    assert refused.value.code == "licence_required"
    return refused.value.detail


# ------------------------------------------------------------------------ the gate


def test_the_gate_is_open_while_the_clinic_does_not_require_licences(world, django_assert_num_queries):
    with django_assert_num_queries(0):
        practitioner_licence_check(user=world.a.user(Role.DOCTOR), clinic=world.a.clinic)


def test_the_gate_names_the_council_and_what_is_wrong(world):
    clinic, doctor = world.a.clinic, world.a.user(Role.DOCTOR)
    clinic.licence_check = True
    assert "TMC" in _refusal(doctor, clinic) and "No" in _refusal(doctor, clinic)
    _licence(doctor, council="SCFHS", status="verified")  # a Saudi licence does not count in Thailand
    assert "No TMC licence" in _refusal(doctor, clinic)
    licence = _licence(doctor)
    assert "TMC licence 38417 is not verified" in _refusal(doctor, clinic)
    licence.status = "rejected"
    licence.save()
    assert "TMC licence 38417 was rejected" in _refusal(doctor, clinic)
    licence.status, licence.valid_until = "verified", clinic.today() - dt.timedelta(days=1)
    licence.save()
    assert f"expired on {licence.valid_until}" in _refusal(doctor, clinic)
    licence.valid_until = clinic.today()  # valid through its last day
    licence.save()
    practitioner_licence_check(user=doctor, clinic=clinic)


def test_a_nurse_needs_the_nursing_council_a_therapist_any_council_of_the_country(world):
    clinic = world.b.clinic  # Brazil
    clinic.licence_check = True
    nurse, therapist = world.b.user(Role.NURSE), world.b.user(Role.THERAPIST)
    world.b.licence.delete()
    _licence(nurse, council="CRM", number="1", region="SP", status="verified")
    assert "No COREN licence" in _refusal(nurse, clinic)
    _licence(nurse, council="COREN", number="2", region="SP", status="verified")
    practitioner_licence_check(user=nurse, clinic=clinic)
    assert "No CRM / COREN licence" in _refusal(therapist, clinic)
    _licence(therapist, council="COREN", number="3", region="SP", status="verified")
    practitioner_licence_check(user=therapist, clinic=clinic)


@pytest.mark.parametrize("clock", ["23:30"], indirect=True)
def test_expiry_is_judged_on_the_clinics_local_date(clock, world):
    """At 23:30 UTC Bangkok is already on the next day: a licence valid until the UTC
    date has expired there."""
    clinic, doctor = world.a.clinic, world.a.user(Role.DOCTOR)
    clinic.licence_check = True
    _licence(doctor, status="verified", valid_until=clock.date())
    assert clinic.today() == clock.date() + dt.timedelta(days=1)
    assert "expired" in _refusal(doctor, clinic)
    practitioner_licence_check(user=doctor, clinic=clinic, on=clock.date())


# ------------------------------------------------------------------- review list


def test_owner_lists_the_licences_of_the_clinics_practitioners_only(api, world):
    mine = _licence(world.a.user(Role.DOCTOR), valid_until=world.a.clinic.today() + dt.timedelta(days=10))
    _licence(world.b.user(Role.DOCTOR), council="CRM", number="178432", region="SP")
    _licence(world.a.user(Role.RECEPTIONIST), council="TNMC", number="99")  # not a practitioner here
    response = api(world.a.user(), world.a.clinic).get(URL)
    assert response.status_code == 200, response.content
    rows = response.json()["results"]
    assert {row["id"] for row in rows} == {str(mine.pk), str(world.a.licence.pk)}
    [row] = [row for row in rows if row["id"] == str(mine.pk)]
    doctor = world.a.user(Role.DOCTOR)
    assert row["id"] == str(mine.pk)
    assert row["member"] == {"id": str(doctor.pk), "full_name": doctor.full_name, "role": "doctor"}
    assert (row["status"], row["expires_in_days"], row["council"]) == ("pending", 10, "TMC")


def test_expiring_within_days_lists_licences_due_for_renewal_expired_ones_included(api, world):
    today, doctor, nurse = world.a.clinic.today(), world.a.user(Role.DOCTOR), world.a.user(Role.NURSE)
    soon = _licence(doctor, valid_until=today + dt.timedelta(days=30))
    gone = _licence(nurse, council="TNMC", number="7", valid_until=today - dt.timedelta(days=2))
    _licence(doctor, number="2", valid_until=today + dt.timedelta(days=31))
    _licence(nurse, council="TNMC", number="8")  # no expiry
    owner = api(world.a.user(), world.a.clinic)
    rows = owner.get(URL, {"expiring_within_days": 30}).json()["results"]
    assert [(row["id"], row["expires_in_days"]) for row in rows] == [(str(gone.pk), -2), (str(soon.pk), 30)]
    assert len(owner.get(URL).json()["results"]) == 5  # and the world's nurse's, without expiry


@pytest.mark.parametrize("value", ["soon", "-1", "99999"])
def test_a_bad_expiring_within_days_is_a_400_naming_it(api, world, value):
    response = api(world.a.user(), world.a.clinic).get(URL, {"expiring_within_days": value})
    assert response.status_code == 400 and _fields(response) == {"expiring_within_days"}


# ---------------------------------------------------------------------- verify


def test_owner_verifies_a_licence_with_evidence_and_it_is_audited(api, world):
    licence = _licence(world.a.user(Role.DOCTOR))
    owner = world.a.user()
    response = api(owner, world.a.clinic).post(
        f"{URL}/{licence.pk}/verify",
        {"status": "verified", "note": "Found in the TMC register on 6 Dec."},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["verified_by"]) == ("verified", owner.full_name)
    assert body["verification_note"] == "Found in the TMC register on 6 Dec."
    licence.refresh_from_db()
    assert (licence.status, licence.verified_by) == ("verified", owner)
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="licence.verified")
    assert event.object_id == str(licence.pk) and event.changes["status"] == ["pending", "verified"]


def test_admin_rejects_a_licence(api, world):
    licence = _licence(world.a.user(Role.NURSE), council="TNMC", number="5811204873")
    response = api(world.a.user(Role.ADMIN), world.a.clinic).post(
        f"{URL}/{licence.pk}/verify",
        {"status": "rejected", "note": "Number not in the register."},
        format="json",
    )
    assert response.status_code == 200 and response.json()["status"] == "rejected"
    assert AuditEvent.unscoped.filter(clinic=world.a.clinic, action="licence.rejected").count() == 1


def test_a_licence_of_another_clinics_practitioner_is_404(api, world):
    theirs = _licence(world.b.user(Role.DOCTOR), council="CRM", number="178432", region="SP")
    owner = api(world.a.user(), world.a.clinic)
    verify = owner.post(f"{URL}/{theirs.pk}/verify", {"status": "verified", "note": "x"}, format="json")
    assert verify.status_code == 404
    assert owner.get(f"{URL}/{theirs.pk}").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == "pending"


def test_a_licence_of_someone_who_left_the_clinic_is_404(api, world):
    doctor = world.a.members[Role.DOCTOR]
    licence = _licence(doctor.user)
    doctor.is_active = False
    doctor.save()
    response = api(world.a.user(), world.a.clinic).post(
        f"{URL}/{licence.pk}/verify", {"status": "verified", "note": "x"}, format="json"
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "approved", "note": "x"}, "status"),
        ({"status": "pending", "note": "x"}, "status"),
        ({"note": "x"}, "status"),
        ({"status": "verified", "note": " "}, "note"),
        ({"status": "verified"}, "note"),
    ],
)
def test_a_bad_decision_is_a_400_naming_the_field(api, world, body, field):
    licence = _licence(world.a.user(Role.DOCTOR))
    response = api(world.a.user(), world.a.clinic).post(f"{URL}/{licence.pk}/verify", body, format="json")
    assert response.status_code == 400 and field in _fields(response), response.content
    licence.refresh_from_db()
    assert licence.status == "pending"


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.DOCTOR, Role.CASHIER])
def test_only_owners_and_admins_review_licences(api, world, role):
    licence = _licence(world.a.user(Role.DOCTOR))
    client = api(world.a.user(role), world.a.clinic)
    assert client.get(URL).status_code == 403
    verify = client.post(f"{URL}/{licence.pk}/verify", {"status": "verified", "note": "me"}, format="json")
    assert verify.status_code == 403
    licence.refresh_from_db()
    assert licence.status == "pending"


# ----------------------------------------------------------- the HTTP registry


@pytest.fixture
def registry(settings) -> Iterator[Gateway]:
    """A registry double on 127.0.0.1 (the card gateway double: it records each POST and
    answers what the test sets) behind the ``http`` backend."""
    double = Gateway().start()
    double.status, double.answer = 200, json.dumps({"status": "active", "reference": "REG-1"}).encode()
    settings.LICENCE_REGISTRY_BACKEND = "http"
    settings.LICENCE_REGISTRY_HTTP_URL = f"{double.url}/licences/lookup"
    settings.LICENCE_REGISTRY_HTTP_API_KEY = "reg-key"
    settings.LICENCE_REGISTRY_HTTP_TIMEOUT = 5.0
    yield double
    double.stop()


def _verify(api, world, licence, status="verified"):
    return api(world.a.user(), world.a.clinic).post(
        f"{URL}/{licence.pk}/verify", {"status": status, "note": "Asked the registry."}, format="json"
    )


def test_the_registry_confirms_a_licence_in_force(api, world, registry):
    licence = _licence(world.a.user(Role.DOCTOR), region="")
    response = _verify(api, world, licence)
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["registry_reference"]) == ("verified", "REG-1")
    [sent] = registry.requests
    assert sent["path"] == "/v1/licences/lookup"
    assert sent["body"] == {"council": "TMC", "region": "", "number": "38417"}
    assert sent["headers"]["Authorization"] == "Bearer reg-key"


@pytest.mark.parametrize(
    ("status", "answer", "reference"),
    [
        (200, {"status": "suspended", "reference": "REG-9"}, "REG-9"),
        (200, {"status": "not_found"}, "not_found"),
        (404, {"error": "unknown"}, "not_found"),
    ],
)
def test_a_licence_the_registry_finds_not_in_force_is_rejected(
    api, world, registry, status, answer, reference
):
    licence = _licence(world.a.user(Role.DOCTOR))
    registry.status, registry.answer = status, json.dumps(answer).encode()
    response = _verify(api, world, licence)
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["registry_reference"]) == ("rejected", reference)
    assert AuditEvent.unscoped.filter(action="licence.rejected", object_id=str(licence.pk)).exists()


def test_a_rejection_does_not_ask_the_registry(api, world, registry):
    licence = _licence(world.a.user(Role.DOCTOR))
    assert _verify(api, world, licence, status="rejected").json()["status"] == "rejected"
    assert registry.requests == []


@pytest.mark.parametrize(
    ("status", "answer", "delay", "reason"),
    [
        (500, b"oops", 0, "HTTP 500"),
        (200, b"<html>", 0, "other than JSON"),
        (200, b'{"status": "maybe"}', 0, "unknown status"),
        (200, b'{"status": "active"}', 2.0, "in time"),
    ],
)
def test_no_usable_registry_answer_is_a_clear_503_and_changes_nothing(
    api, world, registry, settings, status, answer, delay, reason
):
    settings.LICENCE_REGISTRY_HTTP_TIMEOUT = 0.5
    registry.status, registry.answer, registry.delay = status, answer, delay
    licence = _licence(world.a.user(Role.DOCTOR))
    response = _verify(api, world, licence)
    assert response.status_code == 503, response.content
    body = response.json()
    assert body["code"] == "licence_registry_unavailable" and reason in body["detail"]
    assert "not changed" in body["detail"]
    licence.refresh_from_db()
    assert (licence.status, licence.verified_at) == ("pending", None)
    assert not AuditEvent.unscoped.filter(object_id=str(licence.pk)).exists()


def test_an_unreachable_registry_is_a_503(api, world, settings):
    with socket.socket() as closed:  # a port nothing listens on once this socket is closed
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    settings.LICENCE_REGISTRY_BACKEND = "http"
    settings.LICENCE_REGISTRY_HTTP_URL = f"http://127.0.0.1:{port}/lookup"
    licence = _licence(world.a.user(Role.DOCTOR))
    response = _verify(api, world, licence)
    assert response.status_code == 503 and "could not be reached" in response.json()["detail"]
    licence.refresh_from_db()
    assert licence.status == "pending"


# ------------------------------------------------------------ clinic setting


def test_owner_turns_the_licence_check_on_and_it_is_audited(api, world):
    owner = api(world.a.user(), world.a.clinic)
    response = owner.patch("/api/v1/clinics/me", {"licence_check": True}, format="json")
    assert response.status_code == 200 and response.json()["licence_check"] is True
    world.a.clinic.refresh_from_db()
    assert world.a.clinic.licence_check is True
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="clinic.updated")
    assert event.changes == {"licence_check": [False, True]}
    assert owner.get("/api/v1/clinics/me").json()["licence_check"] is True


def test_an_admin_cannot_turn_the_licence_check_on_or_off(api, world):
    admin = api(world.a.user(Role.ADMIN), world.a.clinic)
    response = admin.patch("/api/v1/clinics/me", {"licence_check": True}, format="json")
    assert response.status_code == 403
    world.a.clinic.refresh_from_db()
    assert world.a.clinic.licence_check is False
    # Sending the setting unchanged, with other settings, is not a change of it.
    unchanged = admin.patch("/api/v1/clinics/me", {"licence_check": False, "name": "Bangkok"}, format="json")
    assert unchanged.status_code == 200


def test_the_licence_check_needs_a_country_whose_councils_are_known(api, world):
    branch = ClinicFactory(organization=world.a.clinic.organization, country="US", currency="USD")
    MembershipFactory(user=world.a.user(), clinic=branch, role=Role.OWNER)
    response = api(world.a.user(), branch).patch(
        "/api/v1/clinics/me", {"licence_check": "yes"}, format="json"
    )
    assert response.status_code == 400 and _fields(response) == {"licence_check"}
    response = api(world.a.user(), branch).patch(
        "/api/v1/clinics/me", {"licence_check": "maybe"}, format="json"
    )
    assert response.status_code == 400 and _fields(response) == {"licence_check"}


def test_the_refusal_is_translated(world):
    clinic = world.b.clinic
    clinic.licence_check = True
    with translation.override("pt-br"):
        assert "Não há registro no CRM" in _refusal(world.b.user(Role.DOCTOR), clinic)


# ------------------------------------------------------------- the practitioner's own

MINE = "/api/v1/users/me/licences"


def test_a_doctor_records_a_licence_it_is_pending_and_audited_where_they_practise(api, world):
    doctor = world.a.user(Role.DOCTOR)
    MembershipFactory(user=doctor, clinic=world.b.clinic, role=Role.DOCTOR)
    client = api(doctor, world.a.clinic)
    body = {
        "council": "CRM",
        "number": " 178432 ",
        "region": "sp",
        "specialty": "Dermatologia (RQE 5521)",
        "valid_until": "2031-03-31",
    }
    created = client.post(MINE, body, format="json")
    assert created.status_code == 201, created.content
    licence = created.json()
    assert (licence["number"], licence["region"], licence["status"]) == ("178432", "SP", "pending")
    assert licence["specialty"] == "Dermatologia (RQE 5521)"
    assert [row["id"] for row in client.get(MINE).json() if row["council"] == "CRM"] == [licence["id"]]
    audited = AuditEvent.unscoped.filter(action="licence.recorded", object_id=licence["id"])
    assert {event.clinic_id for event in audited} == {world.a.clinic.pk, world.b.clinic.pk}
    row = api(world.a.user(), world.a.clinic).get(URL, {"council": "CRM"}).json()["results"][0]
    assert (row["id"], row["specialty"]) == (licence["id"], "Dermatologia (RQE 5521)")


def test_each_person_sees_only_their_own_licences(api, world):
    _licence(world.b.user(Role.DOCTOR), council="CRM", number="5", region="RJ")
    rows = api(world.a.user(Role.DOCTOR), world.a.clinic).get(MINE).json()
    assert "5" not in [row["number"] for row in rows]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"council": "CFX", "number": "1"}, "council"),
        ({"council": "CRM", "number": "  "}, "number"),
        ({"council": "CRM", "number": "178432", "region": "SP"}, "number"),  # already on file
        ({"council": "CRM", "number": "1", "valid_until": "31/03/2031"}, "valid_until"),
        ({"council": "CRM", "number": "1", "specialty": "x" * 121}, "specialty"),
    ],
)
def test_a_bad_licence_is_a_400_naming_the_field(api, world, body, field):
    _licence(world.b.user(Role.DOCTOR), council="CRM", number="178432", region="SP")
    doctor = world.a.user(Role.DOCTOR)
    before = ProfessionalLicence.objects.filter(user=doctor).count()
    response = api(doctor, world.a.clinic).post(MINE, body, format="json")
    assert response.status_code == 400 and _fields(response) == {field}
    assert ProfessionalLicence.objects.filter(user=doctor).count() == before


def test_recording_a_licence_with_another_clinics_header_is_404_and_records_nothing(api, world):
    doctor = world.a.user(Role.DOCTOR)
    before = ProfessionalLicence.objects.filter(user=doctor).count()
    response = api(doctor, world.b.clinic).post(MINE, {"council": "CRM", "number": "9"}, format="json")
    assert response.status_code == 404
    assert ProfessionalLicence.objects.filter(user=doctor).count() == before
