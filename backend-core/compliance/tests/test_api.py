import datetime

import pytest

from audit.models import AuditEvent
from audit.services import audit_changes, audit_event_record
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


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.DOCTOR, Role.CASHIER, Role.ACCOUNTANT])
def test_staff_other_than_managers_cannot_read_the_trail(api, world, role):
    client = api(world.a.user(role), world.a.clinic)
    assert client.get(URL).status_code == 403
    assert client.get(f"{URL}/{world.a.audit_event.pk}").status_code == 403


def test_the_trail_is_read_only(api, world):
    client = api(world.a.user(), world.a.clinic)
    assert client.post(URL, {"action": "patient.viewed"}, format="json").status_code in (403, 405)
    assert client.delete(f"{URL}/{world.a.audit_event.pk}").status_code in (403, 405)
    assert client.patch(f"{URL}/{world.a.audit_event.pk}", {}, format="json").status_code in (403, 405)
    assert AuditEvent.unscoped.filter(clinic=world.a.clinic).get().action == "service.created"
