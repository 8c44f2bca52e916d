"""Treatment rooms (``scheduling.Room``): the API under ``/api/v1/calendar/rooms``:
adding, renaming and taking a room out of use, audited; and a room out of use is not
booked."""

import pytest

from audit.models import AuditEvent
from core.roles import Role
from scheduling.models import Room
from scheduling.tests.test_api import _at, _book, _hours

URL = "/api/v1/calendar/rooms"


def _room(tenant, name="Treatment A", **extra):
    return Room.unscoped.create(clinic=tenant.clinic, name=name, **extra)


def test_manager_adds_renames_and_takes_a_room_out_of_use_audited(api, world):
    manager = api(world.a.user(Role.ADMIN), world.a.clinic)
    created = manager.post(URL, {"name": " Laser room "}, format="json")
    assert created.status_code == 201, created.content
    room = created.json()
    assert room["name"] == "Laser room" and room["is_active"] is True

    renamed = manager.patch(f"{URL}/{room['id']}", {"name": "Treatment B"}, format="json")
    assert renamed.status_code == 200 and renamed.json()["name"] == "Treatment B"
    retired = manager.patch(f"{URL}/{room['id']}", {"is_active": False}, format="json")
    assert retired.status_code == 200 and retired.json()["is_active"] is False

    events = AuditEvent.unscoped.filter(object_id=room["id"]).order_by("sequence")
    assert [(e.action, e.changes) for e in events] == [
        ("room.created", {"name": [None, "Laser room"]}),
        ("room.updated", {"name": ["Laser room", "Treatment B"]}),
        ("room.updated", {"is_active": [True, False]}),
    ]


def test_rooms_in_use_come_first_and_is_active_filters(api, world):
    _room(world.a, "A retired room", is_active=False)
    _room(world.a, "B room")
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    listed = [r["name"] for r in desk.get(URL).json()["results"]]
    assert listed.index("B room") < listed.index("A retired room")
    retired = desk.get(URL, {"is_active": "false"}).json()["results"]
    assert [r["name"] for r in retired] == ["A retired room"]


def test_receptionist_lists_rooms_but_may_not_change_one(api, world):
    room = _room(world.a)
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    assert desk.get(URL).status_code == 200
    assert desk.patch(f"{URL}/{room.pk}", {"is_active": False}, format="json").status_code == 403
    room.refresh_from_db()
    assert room.is_active


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "   "}, "name"),
        ({"name": "treatment a"}, "name"),  # another room's name, case-insensitive
        ({"name": "x" * 101}, "name"),
        ({"is_active": "maybe"}, "is_active"),
    ],
)
def test_a_bad_room_change_is_400_naming_the_field(api, world, body, field):
    _room(world.a)
    other = _room(world.a, "Treatment B")
    response = api(world.a.user(Role.ADMIN), world.a.clinic).patch(f"{URL}/{other.pk}", body, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    other.refresh_from_db()
    assert (other.name, other.is_active) == ("Treatment B", True)


def test_a_blank_new_room_is_400_naming_the_name(api, world):
    response = api(world.a.user(Role.ADMIN), world.a.clinic).post(URL, {"name": " "}, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["name"]


def test_another_clinics_room_is_404_and_untouched(api, world):
    room = _room(world.b, "Their room")
    manager = api(world.a.user(Role.OWNER), world.a.clinic)
    assert manager.get(f"{URL}/{room.pk}").status_code == 404
    response = manager.patch(f"{URL}/{room.pk}", {"name": "Mine", "is_active": False}, format="json")
    assert response.status_code == 404
    room.refresh_from_db()
    assert (room.name, room.is_active) == ("Their room", True)
    assert not AuditEvent.unscoped.filter(object_id=str(room.pk)).exists()


def test_the_same_name_may_be_used_by_another_clinic(api, world):
    _room(world.b, "Treatment A")
    response = api(world.a.user(Role.ADMIN), world.a.clinic).post(URL, {"name": "Treatment A"}, format="json")
    assert response.status_code == 201


def test_a_room_out_of_use_is_not_booked(api, world):
    _hours(world.a.clinic, world.a.user(Role.DOCTOR))
    manager = api(world.a.user(Role.ADMIN), world.a.clinic)
    assert manager.patch(f"{URL}/{world.a.room.pk}", {"is_active": False}, format="json").status_code == 200
    desk = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = _book(desk, world.a, _at(world.a.clinic, 2, 10), room_id=str(world.a.room.pk))
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["room"]
