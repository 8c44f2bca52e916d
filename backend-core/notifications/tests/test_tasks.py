import json

from django.utils import timezone

from core.tenancy import clinic_context
from notifications.models import Notification
from notifications.services import notification_schedule
from notifications.tasks import notifications_dispatch_due
from notifications.tests.factories import NotificationFactory, reminder_payload


def test_a_due_reminder_is_delivered_once_by_a_real_worker(celery_worker, world):
    due = NotificationFactory(clinic=world.a.clinic, language="th", dedupe_key="appointment:7:reminder:24h")
    # The beat job, run twice: the notification is queued once.
    assert notifications_dispatch_due() == 1
    assert notifications_dispatch_due() == 0

    def sent() -> bool:
        return Notification.unscoped.filter(pk=due.pk, status=Notification.Status.SENT).exists()

    assert celery_worker.wait_for(sent), "the worker did not deliver the notification"
    due.refresh_from_db()
    assert due.attempts == 1 and due.provider_reference == "file:appointment:7:reminder:24h"
    [line] = celery_worker.notifications_file.read_text().splitlines()
    message = json.loads(line)
    assert message["to"] == "+66815550101" and message["channel"] == "sms"
    assert message["body"].startswith("คุณSomchai ขอเตือนนัดหมาย Botox")


def test_scheduling_a_due_email_sends_it_through_the_worker(celery_worker, world):
    with clinic_context(world.b.clinic):
        notification = notification_schedule(
            clinic=world.b.clinic,
            channel="email",
            recipient="ana@example.com",
            template="appointment.reminder",
            language="",
            payload=reminder_payload(patient_name="Ana"),
            scheduled_for=timezone.now(),
        )

    def sent() -> bool:
        return Notification.unscoped.filter(pk=notification.pk, status=Notification.Status.SENT).exists()

    assert celery_worker.wait_for(sent), "the worker did not deliver the notification"
    message = json.loads(celery_worker.notifications_file.read_text().splitlines()[0])
    assert message["to"] == "ana@example.com"
    assert message["subject"] == "Lembrete de agendamento: Siam Aesthetics"  # clinic B speaks pt-BR
