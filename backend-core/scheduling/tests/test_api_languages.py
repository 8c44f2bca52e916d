"""Server messages in the user's language: the Accept-Language the api-client sends, else
the user's saved language, else the clinic's (``accounts.middleware``)."""

import re

import pytest
from django.utils.translation import override

from accounts.models import User
from core.roles import Role
from patients.tests.factories import ClinicPatientFactory
from scheduling.models import Appointment
from scheduling.tests.test_api import URL, _at, _book, _hours

THAI = re.compile(r"[\u0e00-\u0e7f]")
ARABIC = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture
def desk(api, world):
    _hours(world.a.clinic, world.a.user(Role.DOCTOR))
    return api(world.a.user(Role.RECEPTIONIST), world.a.clinic)


@pytest.fixture
def clash(desk, world):
    """Book a slot, then return a function that books a second patient over it (a 409)."""
    starts = _at(world.a.clinic, 2, 10)
    assert _book(desk, world.a, starts).status_code == 201
    other = ClinicPatientFactory(clinic=world.a.clinic, chart_number="HN000098")

    def again(**headers):
        desk.credentials(**desk._credentials, **headers)
        return _book(desk, world.a, starts, patient=other)

    return again


@pytest.mark.parametrize(
    ("accept_language", "title", "detail"),
    [
        ("th", "ข้อมูลขัดแย้ง", "ผู้ให้บริการมีนัดหมายในเวลานี้อยู่แล้ว (ที่คลินิกนี้หรือคลินิกอื่น)"),
        ("ar,en;q=0.5", "تعارض", "لدى الممارس موعد في هذا الوقت بالفعل (في هذه العيادة أو في غيرها)."),
        (
            "pt-BR",
            "Conflito",
            "O profissional já tem uma consulta neste horário (nesta ou em outra clínica).",
        ),
    ],
)
def test_a_conflict_comes_back_in_the_language_the_client_asks_for(clash, accept_language, title, detail):
    response = clash(HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 409
    body = response.json()
    assert (body["title"], body["detail"]) == (title, detail)
    assert body["errors"][0] == {**body["errors"][0], "field": "practitioner", "detail": detail}
    assert response["Content-Language"] == accept_language.split(",")[0].lower()


def test_without_accept_language_the_users_saved_language_is_used(clash, world):
    User.objects.filter(pk=world.a.user(Role.RECEPTIONIST).pk).update(preferred_language="ar")
    body = clash().json()
    assert ARABIC.search(body["detail"]) and body["title"] == "تعارض"


def test_the_header_wins_over_the_saved_language(clash, world):
    User.objects.filter(pk=world.a.user(Role.RECEPTIONIST).pk).update(preferred_language="ar")
    assert clash(HTTP_ACCEPT_LANGUAGE="th").json()["title"] == "ข้อมูลขัดแย้ง"


def test_a_user_without_a_saved_language_gets_the_clinics(clash, world):
    User.objects.filter(pk=world.a.user(Role.RECEPTIONIST).pk).update(preferred_language="")
    assert world.a.clinic.locale == "th"
    assert THAI.search(clash().json()["detail"])


def test_drf_and_django_messages_are_translated_too(desk):
    # DRF's "required" and "not a valid UUID" come from DRF's and Django's own catalogues.
    response = desk.post(URL, {"patient_id": "nope"}, format="json", HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 400
    details = {e["field"]: e["detail"] for e in response.json()["errors"]}
    assert {"patient_id", "practitioner_id", "service_id", "starts_at"} <= set(details)
    assert all(THAI.search(detail) for detail in details.values()), details


def test_choice_labels_are_translated():
    with override("th"):
        assert str(Appointment.Status.NO_SHOW.label) == "ไม่มาตามนัด"
    with override("ar"):
        assert str(Appointment.Status.CANCELLED.label) == "ملغى"
    with override("pt-br"):
        assert str(Appointment.Status.CONFIRMED.label) == "Confirmado"
