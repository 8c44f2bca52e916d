import pytest

from notifications.templates import TEMPLATES, TemplateError, render
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
        ("ar", "مرحبًا \u2068Somchai\u2069، نذكّركم بموعد \u2068Botox\u2069 في \u2068Siam Aesthetics\u2069"),
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
    # Each value is an isolate (FSI ... PDI): the Latin role and the link keep their order.
    assert text.body == (
        "تدعوك \u2068عيادة الرياض\u2069 للانضمام إلى AesthetixOS بصفة \u2068nurse\u2069: "  # noqa: RUF001
        "\u2068https://x.test/accept-invite?token=abc\u2069"
    )


def test_missing_payload_value_is_a_template_error():
    payload = reminder_payload()
    del payload["clinic_phone"]
    with pytest.raises(TemplateError, match="clinic_phone"):
        render("appointment.reminder", languages=["en"], payload=payload)


def test_unknown_template_is_a_template_error():
    with pytest.raises(TemplateError):
        render("appointment.nope", languages=["en"], payload={})
