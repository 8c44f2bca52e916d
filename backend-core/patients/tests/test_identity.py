"""Patient identity across organizations (README "Patient identity"): each organization
keeps its own copy of a person, registration says nothing about other organizations, and
records are joined only with a code sent to a phone another organization has on file."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.throttling import ScopedRateThrottle

from accounts.tests.factories import MembershipFactory
from audit.models import AuditEvent
from core.roles import Role
from core.tasks import tasks_inline
from core.tenancy import clinic_context
from patients.models import ClinicPatient, IdentityLinkRequest, PatientProfile
from patients.services import patient_national_id_correct

URL = "/api/v1/patients"
THAI_ID = "1101700230708"
OTHER_THAI_ID = "1101700230716"
BORN = "1985-07-01"


@pytest.fixture
def outbox(settings, tmp_path):
    """The messages sent during the test, as the file adapter wrote them."""
    settings.NOTIFICATIONS_SMS_ADAPTER = "file"
    settings.NOTIFICATIONS_FILE = str(tmp_path / "outbox.jsonl")

    def read() -> list[dict]:
        path = tmp_path / "outbox.jsonl"
        return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []

    return read


def _register(api, tenant, **fields):
    payload = {
        "given_name": "Somchai",
        "family_name": "Jaidee",
        "birth_date": BORN,
        "phone": "+66891234567",
        "address": "99 Silom Road, Bangkok 10500",
        "national_id": THAI_ID,
        "national_id_country": "TH",
        **fields,
    }
    return api(tenant.user(Role.RECEPTIONIST), tenant.clinic).post(URL, payload, format="json")


def _shape(body: dict) -> dict:
    """The response with what differs between any two registrations (ids, numbers,
    instants, the values sent) replaced by their type: what is left is the shape."""
    return {key: type(value).__name__ for key, value in body.items()}


def test_registering_an_id_another_organization_holds_answers_as_for_a_new_id(api, world):
    assert _register(api, world.a).status_code == 201

    fresh = _register(api, world.b, national_id=OTHER_THAI_ID)
    known_wrong_birth_date = _register(api, world.b, birth_date="1985-07-02", phone="+66891234500")

    assert fresh.status_code == known_wrong_birth_date.status_code == 201, known_wrong_birth_date.content
    assert _shape(fresh.json()) == _shape(known_wrong_birth_date.json())
    assert fresh.json()["identity_linked"] is known_wrong_birth_date.json()["identity_linked"] is False


def test_another_organization_can_neither_read_nor_change_the_contact_data_one_organization_holds(api, world):
    mine = _register(api, world.a).json()
    intruder = api(world.b.user(Role.DOCTOR), world.b.clinic)

    theirs = _register(api, world.b, given_name="Eve", phone="+66890000001", address="").json()
    assert (theirs["given_name"], theirs["address"]) == ("Eve", "")
    assert "4567" not in json.dumps(theirs) and "Silom" not in json.dumps(theirs)
    changed = intruder.patch(
        f"{URL}/{theirs['id']}", {"phone": "+66890000002", "address": "Attacker Street 1"}, format="json"
    )
    assert changed.status_code == 200

    seen_at_a = api(world.a.user(Role.DOCTOR), world.a.clinic).get(f"{URL}/{mine['id']}").json()
    assert (seen_at_a["given_name"], seen_at_a["phone"]) == ("Somchai", "089-123-4567")
    assert seen_at_a["address"] == "99 Silom Road, Bangkok 10500"
    with clinic_context(world.a.clinic):
        profile = ClinicPatient.objects.get(pk=mine["id"]).profile
    assert profile.organization_id == world.a.clinic.organization_id
    assert PatientProfile.objects.filter(national_id_country="TH").count() == 2
    assert not AuditEvent.unscoped.filter(clinic=world.a.clinic, actor=world.b.user(Role.DOCTOR)).exists()


def _request_link(api, tenant, patient_id):
    client = api(tenant.user(Role.RECEPTIONIST), tenant.clinic)
    with tasks_inline():
        response = client.post(f"{URL}/{patient_id}/identity-link")
    return client, response


def _code(message: dict) -> str:
    [code] = re.findall(r"\b\d{6}\b", message["body"])
    return code


def test_a_link_needs_the_code_sent_to_the_phone_the_other_organization_has_on_file(api, world, outbox):
    mine = _register(api, world.a).json()
    theirs = _register(api, world.b, phone="+66890000001").json()

    client, response = _request_link(api, world.b, theirs["id"])

    assert response.status_code == 202, response.content
    assert set(response.json()) == {"expires_at"}
    [message] = outbox()
    assert message["to"] == "+66891234567" and message["channel"] == "sms"
    code = _code(message)
    assert code not in response.content.decode()
    assert client.post(f"{URL}/{theirs['id']}/identity-link/confirm", {"code": "000000"}).status_code == 400

    confirmed = client.post(f"{URL}/{theirs['id']}/identity-link/confirm", {"code": code})

    assert confirmed.status_code == 200, confirmed.content
    assert confirmed.json()["identity_linked"] is True
    assert confirmed.json()["phone"].endswith("0001")  # still its own copy
    profiles = PatientProfile.objects.filter(national_id_country="TH")
    assert len({p.identity_id for p in profiles}) == 1 and None not in {p.identity_id for p in profiles}
    at_a = AuditEvent.unscoped.get(clinic=world.a.clinic, action="patient.identity_linked")
    at_b = AuditEvent.unscoped.get(clinic=world.b.clinic, action="patient.identity_linked")
    assert (at_a.object_id, at_a.actor_id) == (mine["id"], None)
    assert (at_b.object_id, at_b.actor_id) == (theirs["id"], world.b.user(Role.RECEPTIONIST).pk)
    assert at_a.changes["by_organization"] == [None, str(world.b.clinic.organization_id)]
    assert at_a.ip is None  # nothing of the other organization's request


def test_a_link_request_answers_the_same_and_sends_nothing_when_no_one_else_holds_the_id(api, world, outbox):
    alone = _register(api, world.b).json()

    client, response = _request_link(api, world.b, alone["id"])

    assert response.status_code == 202 and set(response.json()) == {"expires_at"}
    assert outbox() == []
    wrong = client.post(f"{URL}/{alone['id']}/identity-link/confirm", {"code": "123456"})
    assert wrong.status_code == 400 and [e["field"] for e in wrong.json()["errors"]] == ["code"]


def test_a_patient_without_national_id_cannot_be_linked(api, world):
    patient = _register(api, world.b, national_id="").json()
    _client, response = _request_link(api, world.b, patient["id"])
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "national_id"


def test_codes_allow_few_wrong_tries_and_expire(api, world, outbox, settings):
    settings.IDENTITY_LINK_MAX_ATTEMPTS = 2
    _register(api, world.a)
    theirs = _register(api, world.b).json()
    confirm = f"{URL}/{theirs['id']}/identity-link/confirm"

    client, _response = _request_link(api, world.b, theirs["id"])
    code = _code(outbox()[-1])
    wrong = "000000" if code != "000000" else "111111"
    assert [client.post(confirm, {"code": wrong}).status_code for _ in range(2)] == [400, 400]
    assert client.post(confirm, {"code": code}).status_code == 400  # too many wrong tries

    client, _response = _request_link(api, world.b, theirs["id"])
    code = _code(outbox()[-1])
    # Ten minutes later (IDENTITY_LINK_CODE_TTL_MINUTES):
    IdentityLinkRequest.unscoped.filter(patient_id=theirs["id"]).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    assert client.post(confirm, {"code": code}).status_code == 400
    assert not PatientProfile.objects.filter(identity__isnull=False).exists()


def test_link_requests_are_throttled_per_user(api, world, monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "identity_link", "2/hour")
    theirs = _register(api, world.b).json()
    statuses = [_request_link(api, world.b, theirs["id"])[1].status_code for _ in range(3)]
    assert statuses == [202, 202, 429]


def test_another_clinics_patient_cannot_be_linked(api, world):
    client = api(world.b.user(), world.b.clinic)
    assert client.post(f"{URL}/{world.a.patient.pk}/identity-link").status_code == 404
    response = client.post(f"{URL}/{world.a.patient.pk}/identity-link/confirm", {"code": "123456"})
    assert response.status_code == 404


def test_correcting_the_national_id_of_a_linked_record_unlinks_it_at_both_organizations(api, world, outbox):
    mine = _register(api, world.a).json()
    theirs = _register(api, world.b).json()
    client, _response = _request_link(api, world.b, theirs["id"])
    client.post(f"{URL}/{theirs['id']}/identity-link/confirm", {"code": _code(outbox()[-1])})

    with clinic_context(world.b.clinic):
        patient = ClinicPatient.objects.select_related("clinic").get(pk=theirs["id"])
        patient_national_id_correct(
            patient=patient, actor=world.b.user(), national_id=OTHER_THAI_ID, national_id_country="TH"
        )

    assert PatientProfile.objects.get(pk=patient.profile_id).identity_id is None
    unlinked = AuditEvent.unscoped.filter(action="patient.identity_unlinked")
    assert sorted(str(e.object_id) for e in unlinked) == sorted([mine["id"], theirs["id"]])


def test_a_chart_cannot_point_at_another_organizations_profile(world):
    chart = ClinicPatient(clinic=world.b.clinic, profile=world.a.patient.profile, chart_number="HN9")

    with clinic_context(world.b.clinic), pytest.raises(ValidationError) as caught:
        chart.full_clean()

    assert "profile" in caught.value.message_dict


def test_a_third_organization_joins_the_existing_identity_with_the_code_of_one_phone(
    api, world, outbox, new_tenant
):
    _register(api, world.a)
    theirs = _register(api, world.b, phone="+66890000001").json()
    client, _response = _request_link(api, world.b, theirs["id"])
    client.post(f"{URL}/{theirs['id']}/identity-link/confirm", {"code": _code(outbox()[-1])})
    identity = PatientProfile.objects.get(
        organization=world.b.clinic.organization, national_id_country="TH"
    ).identity_id
    third = new_tenant(country="TH")
    third.members[Role.RECEPTIONIST] = MembershipFactory(clinic=third.clinic, role=Role.RECEPTIONIST)
    newcomer = _register(api, third, phone="+66890000003").json()

    client, _response = _request_link(api, third, newcomer["id"])
    sent = {m["to"]: _code(m) for m in outbox()[1:]}
    assert set(sent) == {"+66891234567", "+66890000001"}  # one code per phone on file elsewhere
    confirmed = client.post(f"{URL}/{newcomer['id']}/identity-link/confirm", {"code": sent["+66890000001"]})

    assert confirmed.status_code == 200 and confirmed.json()["identity_linked"] is True
    assert {p.identity_id for p in PatientProfile.objects.filter(national_id_country="TH")} == {identity}
    linked = AuditEvent.unscoped.filter(action="patient.identity_linked")
    # The newcomer's chart, and none already in the identity (the first link's two).
    assert sorted(str(e.clinic_id) for e in linked) == sorted(
        str(c.pk) for c in (world.a.clinic, world.b.clinic, third.clinic)
    )
