from datetime import UTC, datetime

import pytest

from notifications.templates import TEMPLATES, TemplateError, format_local_datetime, render
from notifications.tests.factories import reminder_payload

LANGUAGES = ("en", "pt-br", "th", "ar")


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_every_template_speaks_every_language(key):
    assert set(TEMPLATES[key]) == set(LANGUAGES)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Hi Somchai, a reminder of your Botox appointment at Siam Aesthetics"),
        ("pt-BR", "Olá, Somchai! Lembrete do seu agendamento: Botox"),
        ("th", "คุณSomchai ขอเตือนนัดหมาย Botox ที่ Siam Aesthetics"),
        ("ar", "مرحبًا Somchai، نذكّركم بموعد Botox في Siam Aesthetics"),
    ],
)
def test_reminder_renders_in_the_patients_language(language, expected):
    text = render("appointment.reminder", languages=[language, "en"], payload=reminder_payload())
    assert text.body.startswith(expected)
    assert "Tue 25 Nov 14:30" in text.body and "+6621234567" in text.body
    assert "Siam Aesthetics" in text.subject


def test_unknown_patient_language_falls_back_to_the_clinics():
    text = render("appointment.reminder", languages=["fr", "th"], payload=reminder_payload())
    assert text.language == "th"


def test_no_known_language_falls_back_to_english():
    text = render("appointment.reminder", languages=["fr", "", "de"], payload=reminder_payload())
    assert text.language == "en"


def test_language_codes_are_matched_loosely():
    for code in ("pt-BR", "pt_BR", "pt", "pt-PT"):
        assert render(
            "invite.sent", languages=[code], payload={"clinic": "C", "role": "r", "url": "u"}
        ).language == ("pt-br")


def test_payload_values_are_inserted_verbatim():
    text = render(
        "appointment.reminder", languages=["en"], payload=reminder_payload(patient_name="{clinic_phone}")
    )
    assert text.body.startswith("Hi {clinic_phone},")


def test_invite_renders_clinic_role_and_link():
    text = render(
        "invite.sent",
        languages=["ar"],
        payload={"clinic": "عيادة الرياض", "role": "nurse", "url": "https://x.test/accept-invite?token=abc"},
    )
    assert (
        text.body
        == "تدعوك عيادة الرياض للانضمام إلى AesthetixOS بصفة nurse: https://x.test/accept-invite?token=abc"
    )


def test_missing_payload_value_is_a_template_error():
    payload = reminder_payload()
    del payload["clinic_phone"]
    with pytest.raises(TemplateError, match="clinic_phone"):
        render("appointment.reminder", languages=["en"], payload=payload)


def test_unknown_template_is_a_template_error():
    with pytest.raises(TemplateError):
        render("appointment.nope", languages=["en"], payload={})


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Tue, Nov 25 14:30"), ("pt-BR", "ter., 25 de nov. 14:30"), ("th", "อ. 25 พ.ย. 14:30")],
)
def test_start_time_is_shown_in_the_clinics_zone_and_language(language, expected):
    instant = datetime(2025, 11, 25, 7, 30, tzinfo=UTC)
    assert format_local_datetime(instant, time_zone="Asia/Bangkok", language=language) == expected


def test_naive_start_time_is_refused():
    with pytest.raises(ValueError, match="aware"):
        format_local_datetime(datetime(2025, 11, 25, 7, 30), time_zone="Asia/Bangkok", language="en")  # noqa: DTZ001
