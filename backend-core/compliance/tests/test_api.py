import datetime

import pytest

from audit.models import AuditEvent
from audit.services import audit_changes, audit_event_record
from audit.tests.tampering import raw_delete, raw_update
from core.roles import Role

URL = "/api/v1/compliance/audit-events"


def _record(tenant, role=Role.DOCTOR, **data):
    data = {"action": "patient.viewed", "object_type": "patients.ClinicPatient", "object_id": "p-1", **data}
    return audit_event_record(clinic=tenant.clinic, actor=tenant.user(role), **data)


def test_owner_reads_the_trail_newest_first(api, world):
    viewed = _record(world.a)
    updated = _record(
        world.a,
        Role.RECEPTIONIST,
        action="patient.updated",
        changes=audit_changes(before={"phone": "+66815550101"}, after={"phone": "+66815550202"}),
    )
    response = api(world.a.user(), world.a.clinic).get(URL)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["count"] == 3
    assert [row["id"] for row in body["results"]] == [
        str(updated.pk),
        str(viewed.pk),
        str(world.a.audit_event.pk),
    ]
    row = body["results"][0]
    assert row["actor"] == str(world.a.user(Role.RECEPTIONIST).pk)
    assert row["actor_name"] == world.a.user(Role.RECEPTIONIST).full_name
    assert row["changes"] == {"phone": ["+6XXXXX50101", "+6XXXXX50202"]}
    assert row["sequence"] == 3 and row["prev_hash"] == viewed.hash and row["hash"] == updated.hash


def test_admin_opens_one_event(api, world):
    response = api(world.a.user(Role.ADMIN), world.a.clinic).get(f"{URL}/{world.a.audit_event.pk}")
    assert response.status_code == 200
    assert response.json()["action"] == "service.created"


def test_the_list_has_no_n_plus_one_over_many_actors(api, world):
    for role in Role:
        _record(world.a, role)
    response = api(world.a.user(), world.a.clinic).get(URL, {"page_size": 100})
    assert response.status_code == 200
    assert response.json()["count"] == len(Role) + 1


def test_filters_narrow_the_trail(api, world):
    doctor_view = _record(world.a, Role.DOCTOR)
    _record(world.a, Role.NURSE)
    other_record = _record(world.a, Role.DOCTOR, object_id="p-2")
    client = api(world.a.user(), world.a.clinic)

    def ids(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    doctor = world.a.user(Role.DOCTOR)
    assert ids(actor=str(doctor.pk)) == [str(other_record.pk), str(doctor_view.pk)]
    assert ids(actor=str(doctor.pk), object_id="p-1") == [str(doctor_view.pk)]
    assert ids(action="service.created") == [str(world.a.audit_event.pk)]
    assert ids(object_type="patients.ClinicPatient", object_id="p-2") == [str(other_record.pk)]
    after = doctor_view.occurred_at.isoformat()
    assert ids(occurred_at_after=after, occurred_at_before=other_record.occurred_at.isoformat()) == [
        row for row in ids() if row not in (str(other_record.pk), str(world.a.audit_event.pk))
    ]
    future = (other_record.occurred_at + datetime.timedelta(days=1)).isoformat()
    assert ids(occurred_at_after=future) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"actor": "not-a-uuid"}, "actor"),
        ({"occurred_at_after": "yesterday"}, "occurred_at_after"),
        ({"occurred_at_before": "2026-13-01T00:00:00Z"}, "occurred_at_before"),
        ({"occurred_at_after": "2026-12-01T00:00:00"}, "occurred_at_after"),  # no offset
    ],
)
def test_a_bad_filter_value_is_400_naming_the_parameter(api, world, params, field):
    response = api(world.a.user(), world.a.clinic).get(URL, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_an_extreme_time_zone_offset_is_not_a_server_error(api, world):
    response = api(world.a.user(), world.a.clinic).get(
        URL, {"occurred_at_after": "1100-11-16T00:53:29.4-19:52"}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.DOCTOR, Role.CASHIER])
def test_staff_other_than_managers_and_the_accountant_cannot_read_the_trail(api, world, role):
    client = api(world.a.user(role), world.a.clinic)
    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}/{world.a.audit_event.pk}").status_code == 403
    assert client.get(f"{URL}/verify").status_code == 403


def test_the_trail_is_read_only(api, world):
    client = api(world.a.user(), world.a.clinic)
    assert client.post(URL, {"action": "patient.viewed"}, format="json").status_code in (403, 405)
    assert client.delete(f"{URL}/{world.a.audit_event.pk}").status_code in (403, 405)
    assert client.patch(f"{URL}/{world.a.audit_event.pk}", {}, format="json").status_code in (403, 405)
    assert AuditEvent.unscoped.filter(clinic=world.a.clinic).get().action == "service.created"


def test_the_accountant_reads_the_trail_without_clinical_changes(api, world):
    plan = _record(
        world.a,
        action="plan.updated",
        object_type="emr.TreatmentPlan",
        object_id="plan-1",
        changes={"goals": ["", "soften glabellar lines"]},
    )
    accountant = api(world.a.user(Role.ACCOUNTANT), world.a.clinic)
    row = accountant.get(f"{URL}/{plan.pk}").json()
    assert row["changes"] == {} and row["changes_withheld"] is True
    owner_row = api(world.a.user(), world.a.clinic).get(f"{URL}/{plan.pk}").json()
    assert owner_row["changes"] == {"goals": ["", "soften glabellar lines"]}
    assert owner_row["changes_withheld"] is False
    assert accountant.get(f"{URL}/verify").json()["verified"] is True


def test_action_prefix_patient_and_local_day_filters(api, world):
    patient = world.a.patient
    viewed = _record(world.a, object_id=str(patient.pk))
    updated = _record(world.a, action="patient.updated", object_id=str(patient.pk))
    consent = _record(world.a, action="consent.granted", object_type="patients.Consent", object_id="c-1")
    client = api(world.a.user(), world.a.clinic)

    def ids(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(action="patient.") == {str(viewed.pk), str(updated.pk)}
    assert ids(action="patient.viewed") == {str(viewed.pk)}
    assert ids(patient=str(patient.pk)) == {str(viewed.pk), str(updated.pk)}
    assert ids(patient=str(patient.pk), action="patient.viewed") == {str(viewed.pk)}
    # 20:00 UTC on 5 December is 6 December in Bangkok (clinic A).
    raw_update(consent, "occurred_at", datetime.datetime(2026, 12, 5, 20, 0, tzinfo=datetime.UTC))
    assert ids(date_from="2026-12-06", date_to="2026-12-06") == {str(consent.pk)}
    assert ids(date_from="2026-12-05", date_to="2026-12-05") == set()


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("", {"patient": "nobody"}, "patient"),
        ("", {"date_from": "2026-13-45"}, "date_from"),
        ("/verify", {"date_to": "tomorrow"}, "date_to"),
        ("/verify", {"date_from": "2026-12-06", "date_to": "2026-12-01"}, "date_to"),
    ],
)
def test_bad_dates_and_patients_are_400_naming_the_parameter(api, world, path, params, field):
    response = api(world.a.user(), world.a.clinic).get(f"{URL}{path}", params)
    assert response.status_code == 400, response.content
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_another_clinics_event_is_a_404_and_never_listed(api, world):
    intruder = api(world.b.user(), world.b.clinic)
    assert intruder.get(f"{URL}/{world.a.audit_event.pk}").status_code == 404
    listed = intruder.get(URL, {"page_size": 100}).json()["results"]
    assert str(world.a.audit_event.pk) not in {row["id"] for row in listed}
    # Clinic A's broken chain is not clinic B's business: B's verifies.
    raw_update(world.a.audit_event, "object_id", "tampered")
    assert intruder.get(f"{URL}/verify").json()["verified"] is True


def test_verify_reports_an_intact_chain_for_the_days_shown(api, world):
    for _ in range(3):
        _record(world.a)
    today = world.a.clinic.today().isoformat()
    body = (
        api(world.a.user(), world.a.clinic)
        .get(f"{URL}/verify", {"date_from": today, "date_to": today})
        .json()
    )
    assert body == {
        "verified": True,
        "events": 4,
        "first_sequence": 1,
        "last_sequence": 4,
        "first_break": None,
    }


def test_verify_names_the_first_broken_link_after_a_row_is_tampered(api, world):
    events = [_record(world.a) for _ in range(3)]
    raw_update(events[1], "object_type", "patients.Consent")
    body = api(world.a.user(Role.ADMIN), world.a.clinic).get(f"{URL}/verify").json()
    assert body["verified"] is False
    assert body["first_break"]["event_id"] == str(events[1].pk)
    assert body["first_break"]["sequence"] == events[1].sequence
    assert body["first_break"]["problem"] == "hash_mismatch"
    assert body["first_break"]["found"] == events[1].hash
    assert body["events"] == 3


def test_verify_of_a_later_span_sees_a_deleted_event_at_its_edge(api, world):
    events = [_record(world.a) for _ in range(3)]
    raw_delete(events[1])
    later = "2100-01-01"
    client = api(world.a.user(), world.a.clinic)
    assert client.get(f"{URL}/verify", {"date_from": later}).json() == {
        "verified": True,
        "events": 0,
        "first_sequence": None,
        "last_sequence": None,
        "first_break": None,
    }
    body = client.get(f"{URL}/verify").json()
    assert body["first_break"]["problem"] == "sequence_gap"
    assert body["first_break"]["event_id"] == str(events[2].pk)
