"""A clinic's own wording of its messages: validation, what delivery sends, the preview
and its SMS count, and the audit trail."""

import pytest

from audit.models import AuditEvent
from core.exceptions import ValidationFailed
from core.roles import Role
from core.tenancy import clinic_context
from notifications.models import MessageTemplate, Notification
from notifications.selectors import message_template_catalogue
from notifications.services import notification_deliver
from notifications.templates import CUSTOMIZABLE, wording_errors
from notifications.tests.factories import NotificationFactory
from notifications.tests.test_services import RecordingAdapter, adapter  # noqa: F401 - fixture
from notifications.wording import (
    message_template_preview,
    message_template_reset,
    message_template_set,
    sms_count,
)


def word(tenant, **overrides):
    arguments = {
        "key": "appointment.reminder",
        "channel": "sms",
        "language": "th",
        "subject": "",
        "body": "{clinic_name}: คุณ{patient_name} นัด {starts_at_local}",
        **overrides,
    }
    with clinic_context(tenant.clinic):
        return message_template_set(clinic=tenant.clinic, actor=tenant.user(Role.OWNER), **arguments)


# ------------------------------------------------------------------------ validation


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Hi {name}", "{name} is not one of this message's placeholders"),
        ("Hi {patient_name.__class__}", "is not one of this message's placeholders"),
        ("Hi {patient_name!r}", "is not one of this message's placeholders"),
        ("Hi {patient_name:>40}", "is not one of this message's placeholders"),
        ("Hi {}", "is not one of this message's placeholders"),
        ("Hi {patient_name", "Braces do not pair"),
        ("Hi } there", "Braces do not pair"),
    ],
)
def test_a_wording_names_what_cannot_be_filled(body, message):
    errors = wording_errors("appointment.reminder", subject="", body=body)
    assert message in errors["body"][0]


def test_literal_braces_are_written_doubled():
    assert wording_errors("appointment.reminder", subject="", body="{{VIP}} {patient_name}") == {}


def test_a_link_message_must_keep_its_url():
    errors = wording_errors("invoice.link", subject="", body="{clinic_name}: invoice {invoice_number}")
    assert errors == {"body": ["The text must keep {url}."]}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"key": "password_reset.code"}, "key"),
        ({"key": "no.such"}, "key"),
        ({"key": "invoice.document"}, "channel"),
        ({"language": "fr"}, "language"),
        ({"body": "   "}, "body"),
        ({"channel": "email", "subject": ""}, "subject"),
        ({"channel": "email", "subject": "{nope}"}, "subject"),
    ],
)
def test_saving_names_the_bad_field_and_writes_nothing(world, overrides, field):
    before = MessageTemplate.unscoped.count()
    with pytest.raises(ValidationFailed) as caught:
        word(world.a, **overrides)
    assert field in caught.value.errors
    assert MessageTemplate.unscoped.count() == before


# ------------------------------------------------------------------------ saving


def test_saving_twice_replaces_the_text_and_audits_both(world):
    first = word(world.a, language="TH")
    second = word(world.a, body="  คุณ{patient_name} พบกัน {starts_at_local}  ")
    assert second.pk == first.pk and first.language == "th"
    assert second.body == "คุณ{patient_name} พบกัน {starts_at_local}"
    events = AuditEvent.unscoped.filter(clinic=world.a.clinic, action="message_template.updated")
    events = events.order_by("sequence")
    assert [e.changes["body"][1] for e in events] == [first.body, second.body]
    assert events.last().changes["body"][0] == first.body


def test_the_subject_is_kept_for_email_only(world):
    sms = word(world.a, subject="ignored")
    email = word(world.a, channel="email", subject="  {clinic_name}  ")
    assert sms.subject == "" and email.subject == "{clinic_name}"


def test_delivery_sends_the_clinics_wording_in_the_recipients_language(world, adapter):  # noqa: F811
    word(world.a)
    thai = NotificationFactory(clinic=world.a.clinic, language="th", dedupe_key="r:1")
    english = NotificationFactory(clinic=world.a.clinic, language="en", dedupe_key="r:2")
    with clinic_context(world.a.clinic):
        MessageTemplate.objects.filter(language="en").delete()
        notification_deliver(notification=thai)
        notification_deliver(notification=english)
    thai_message, english_message = adapter.sent
    assert thai_message.body == "Siam Aesthetics: คุณSomchai นัด Tue 25 Nov 14:30"
    assert english_message.body.startswith("Hi Somchai, a reminder of your Botox appointment")


def test_another_channel_and_another_clinic_keep_the_standard_text(world, adapter, settings):  # noqa: F811
    settings.NOTIFICATIONS_WHATSAPP_ADAPTER = settings.NOTIFICATIONS_SMS_ADAPTER
    word(world.a)
    whatsapp = NotificationFactory(clinic=world.a.clinic, language="th", channel="whatsapp", dedupe_key="w")
    other = NotificationFactory(clinic=world.b.clinic, language="th", dedupe_key="o")
    with clinic_context(world.a.clinic):
        notification_deliver(notification=whatsapp)
    with clinic_context(world.b.clinic):
        notification_deliver(notification=other)
    assert [m.body.startswith("คุณSomchai ขอเตือนนัดหมาย") for m in adapter.sent] == [True, True]
    assert Notification.unscoped.filter(status="sent").count() == 2


def test_reset_goes_back_to_the_standard_text_and_is_audited(world):
    row = word(world.a)
    pk = row.pk
    with clinic_context(world.a.clinic):
        message_template_reset(clinic=world.a.clinic, actor=world.a.user(Role.OWNER), template=row)
    assert not MessageTemplate.unscoped.filter(pk=pk).exists()
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="message_template.reset")
    assert event.object_id == str(pk) and event.changes["body"] == [row.body, None]


# ------------------------------------------------------------------------ catalogue, preview


def test_the_catalogue_lists_every_message_with_the_clinics_text(world):
    row = word(world.a)
    with clinic_context(world.a.clinic):
        entries = message_template_catalogue()
    expected = sum(len(rule.channels) for rule in CUSTOMIZABLE.values()) * 4
    assert len(entries) == expected
    worded = [e for e in entries if e.custom is not None]
    assert {(e.key, e.channel, e.language) for e in worded} == {
        ("appointment.reminder", "sms", "th"),
        ("appointment.reminder", "sms", "en"),  # the world's own row
    }
    assert next(e for e in worded if e.language == "th").custom == row
    link = next(e for e in entries if e.key == "invoice.link")
    assert link.required == ["url"] and "url" in link.placeholders


def test_the_preview_fills_sample_values_in_the_clinics_currency(world):
    with clinic_context(world.b.clinic):
        preview = message_template_preview(
            clinic=world.b.clinic,
            key="payment.receipt",
            channel="sms",
            language="pt-br",
            subject="",
            body="Recebemos {amount}. Saldo {balance_due}.",
        )
    assert preview.body == "Recebemos R$\xa01.500,00. Saldo R$\xa01.000,00."
    assert preview.sms.encoding == "ucs2" and preview.sms.segments == 1  # the no-break spaces


def test_the_preview_without_a_text_shows_ours(world):
    with clinic_context(world.a.clinic):
        preview = message_template_preview(
            clinic=world.a.clinic,
            key="appointment.reminder",
            channel="email",
            language="en",
            subject="",
            body="",
        )
    assert preview.subject == f"Appointment reminder: {world.a.clinic.name}"
    assert preview.body.startswith("Hi Ana Lima, a reminder of your Botulinum toxin, forehead appointment")


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", "gsm7", 0, 0),
        ("a" * 160, "gsm7", 160, 1),
        ("a" * 161, "gsm7", 161, 2),
        ("€" * 80, "gsm7", 160, 1),  # extension characters count twice
        ("a" * 306, "gsm7", 306, 2),
        ("a" * 307, "gsm7", 307, 3),
        ("ก" * 70, "ucs2", 70, 1),
        ("ก" * 71, "ucs2", 71, 2),
        ("a" * 100 + "ã", "ucs2", 101, 2),  # one character outside GSM-7 makes all UCS-2
        ("😀" * 35, "ucs2", 70, 1),  # outside the BMP: two UTF-16 units each
    ],
)
def test_sms_count_follows_the_gsm_alphabets(text, encoding, units, segments):
    count = sms_count(text)
    assert (count.encoding, count.units, count.segments) == (encoding, units, segments)
