"""users/me/preferences: the member's screen choices, kept on the server per clinic."""

import pytest

from accounts.tests.factories import MembershipFactory
from core.roles import Role

URL = "/api/v1/users/me/preferences"


def test_the_chosen_practitioners_follow_the_receptionist_to_another_desk(api, world):
    receptionist = world.a.user(Role.RECEPTIONIST)
    chosen = [str(world.a.user(Role.NURSE).pk), str(world.a.user(Role.DOCTOR).pk)]
    saved = api(receptionist, world.a.clinic).patch(
        URL, {"calendar_practitioners": chosen, "calendar_view": "week"}, format="json"
    )
    assert saved.status_code == 200, saved.content
    other_desk = api(receptionist, world.a.clinic).get(URL)
    assert other_desk.json() == {"calendar_practitioners": chosen, "calendar_view": "week"}
    # One key at a time leaves the other as it was.
    api(receptionist, world.a.clinic).patch(URL, {"calendar_view": "timeline"}, format="json")
    assert api(receptionist, world.a.clinic).get(URL).json() == {
        "calendar_practitioners": chosen,
        "calendar_view": "timeline",
    }


def test_preferences_are_per_clinic(api, world):
    doctor = world.a.user(Role.DOCTOR)
    MembershipFactory(user=world.a.user(Role.RECEPTIONIST), clinic=world.b.clinic, role=Role.RECEPTIONIST)
    receptionist = world.a.user(Role.RECEPTIONIST)
    api(receptionist, world.a.clinic).patch(URL, {"calendar_practitioners": [str(doctor.pk)]}, format="json")
    assert api(receptionist, world.b.clinic).get(URL).json() == {}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"calendar_practitioners": ["nope"]}, "calendar_practitioners.0"),
        ({"calendar_view": "month"}, "calendar_view"),
    ],
)
def test_bad_preferences_are_400_naming_the_field(api, world, body, field):
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).patch(URL, body, format="json")
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == field


def test_another_clinics_practitioner_cannot_be_chosen(api, world):
    foreign = str(world.b.user(Role.DOCTOR).pk)
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).patch(
        URL, {"calendar_practitioners": [foreign]}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "calendar_practitioners"


def test_a_receptionist_is_not_a_practitioner_to_choose(api, world):
    response = api(world.a.user(Role.RECEPTIONIST), world.a.clinic).patch(
        URL, {"calendar_practitioners": [str(world.a.user(Role.ACCOUNTANT).pk)]}, format="json"
    )
    assert response.status_code == 400


def test_preferences_of_another_clinic_are_404_and_need_a_clinic_and_sign_in(api, world):
    receptionist = world.a.user(Role.RECEPTIONIST)
    assert api(receptionist, world.b.clinic).get(URL).status_code == 404
    assert (
        api(receptionist, world.b.clinic).patch(URL, {"calendar_view": "day"}, format="json").status_code
        == 404
    )
    no_clinic = api(receptionist).get(URL)
    assert no_clinic.status_code == 400 and no_clinic.json()["code"] == "clinic_required"
    assert api().get(URL).status_code == 401
