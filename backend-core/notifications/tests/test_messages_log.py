"""``/api/v1/notifications/messages``: the messages log and retrying a failed message."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from audit.models import AuditEvent
from core.roles import Role
from core.tenancy import clinic_context
from notifications.models import Notification
from notifications.selectors import notification_log
from notifications.tests.factories import NotificationFactory

URL = "/api/v1/notifications/messages"


def failed(world):
    return Notification.unscoped.get(clinic=world.a.clinic, status=Notification.Status.FAILED)


def test_the_owner_reads_the_log_newest_first_with_masked_recipients(world, api):
    older = failed(world)
    email = NotificationFactory(
        clinic=world.a.clinic, channel="email", recipient="ploy.s@example.com", template="payment.receipt"
    )
    response = api(world.a.user(Role.OWNER), world.a.clinic).get(URL)
    assert response.status_code == 200, response.content
    rows = response.json()["results"]
    assert [r["id"] for r in rows] == [str(email.pk), str(older.pk)]
    assert rows[0]["recipient"] == "p***@example.com"
    assert rows[1]["recipient"] == "081-XXX-0101"
    assert rows[1]["status"] == "failed" and rows[1]["attempts"] == 3
    assert rows[1]["last_error"] == "provider answered 400: number unreachable"
    assert rows[1]["patient_id"] == str(world.a.patient.pk)
    assert rows[1]["created_at"].endswith("Z")


def test_filters_narrow_the_log(world, api):
    sms = failed(world)
    email = NotificationFactory(clinic=world.a.clinic, channel="email", recipient="a@example.com")
    receipt = NotificationFactory(clinic=world.a.clinic, template="payment.receipt", status="sent")
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)

    def ids(**params):
        response = client.get(URL, params)
        assert response.status_code == 200, response.content
        return {row["id"] for row in response.json()["results"]}

    assert ids(channel="email") == {str(email.pk)}
    assert ids(status="failed") == {str(sms.pk)}
    assert ids(template="payment.receipt") == {str(receipt.pk)}
    assert ids(template="appointment.") == {str(sms.pk), str(email.pk)}
    assert ids(patient=str(world.a.patient.pk)) == {str(sms.pk)}
    assert ids(patient=str(world.b.patient.pk)) == set()


def test_the_date_range_is_the_clinics_local_days(world):
    # 20:00 UTC on 5 December is 03:00 on 6 December in Bangkok (clinic A).
    row = failed(world)
    Notification.unscoped.filter(pk=row.pk).update(created_at=dt.datetime(2026, 12, 5, 20, 0, tzinfo=dt.UTC))
    bangkok_6th = (
        dt.datetime(2026, 12, 5, 17, 0, tzinfo=dt.UTC),
        dt.datetime(2026, 12, 6, 17, 0, tzinfo=dt.UTC),
    )
    with clinic_context(world.a.clinic):
        assert list(notification_log(created_from=bangkok_6th[0], created_to=bangkok_6th[1])) == [row]
        assert list(notification_log(created_to=bangkok_6th[0])) == []


def test_the_api_applies_the_clinics_time_zone(world, api):
    row = failed(world)
    Notification.unscoped.filter(pk=row.pk).update(created_at=dt.datetime(2026, 12, 5, 20, 0, tzinfo=dt.UTC))
    client = api(world.a.user(), world.a.clinic)
    on_6th = client.get(URL, {"date_from": "2026-12-06", "date_to": "2026-12-06"}).json()["results"]
    on_5th = client.get(URL, {"date_from": "2026-12-05", "date_to": "2026-12-05"}).json()["results"]
    assert [r["id"] for r in on_6th] == [str(row.pk)] and on_5th == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"channel": "fax"}, "channel"),
        ({"status": "lost"}, "status"),
        ({"template": "nope.nothing"}, "template"),
        ({"patient": "not-a-uuid"}, "patient"),
        ({"date_from": "yesterday"}, "date_from"),
        ({"date_from": "2026-12-06", "date_to": "2026-12-01"}, "date_to"),
    ],
)
def test_a_bad_filter_is_a_400_naming_it(world, api, params, field):
    response = api(world.a.user(), world.a.clinic).get(URL, params)
    assert response.status_code == 400, response.content
    assert [e["field"] for e in response.json()["errors"]] == [field]


def test_another_clinics_messages_never_show_and_cannot_be_retried(world, api):
    theirs = failed(world)
    intruder = api(world.b.user(Role.OWNER), world.b.clinic)
    listed = intruder.get(URL, {"page_size": 100}).json()["results"]
    assert str(theirs.pk) not in {r["id"] for r in listed}
    assert intruder.post(f"{URL}/{theirs.pk}/retry").status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Notification.Status.FAILED


@pytest.mark.parametrize("role", [Role.DOCTOR, Role.CASHIER, Role.ACCOUNTANT])
def test_roles_without_the_log_are_refused(world, api, role):
    client = api(world.a.user(role), world.a.clinic)
    assert client.get(URL).status_code == 403
    assert client.post(f"{URL}/{failed(world).pk}/retry").status_code == 403


def test_retry_queues_once_is_audited_and_a_second_retry_is_a_409(world, api):
    row = failed(world)
    client = api(world.a.user(Role.RECEPTIONIST), world.a.clinic)
    response = client.post(f"{URL}/{row.pk}/retry")
    assert response.status_code == 202, response.content
    assert response.json()["status"] == "scheduled"
    row.refresh_from_db()
    assert row.status == Notification.Status.SCHEDULED and row.enqueued_at is not None
    event = AuditEvent.unscoped.get(clinic=world.a.clinic, action="notification.retried")
    assert event.object_id == str(row.pk) and event.actor == world.a.user(Role.RECEPTIONIST)
    again = client.post(f"{URL}/{row.pk}/retry")
    assert again.status_code == 409
    assert [(e["field"], e["detail"]) for e in again.json()["errors"]] == [("status", "scheduled")]
    assert "scheduled" in again.json()["detail"]
    assert AuditEvent.unscoped.filter(clinic=world.a.clinic, action="notification.retried").count() == 1


def test_a_sent_message_is_not_sent_again(world, api):
    sent = NotificationFactory(clinic=world.a.clinic, status="sent")
    response = api(world.a.user(), world.a.clinic).post(f"{URL}/{sent.pk}/retry")
    assert response.status_code == 409
    assert response.json()["errors"][0]["detail"] == "sent"


def test_a_retried_message_is_delivered_by_a_real_worker(celery_worker, world, api):
    row = failed(world)
    response = api(world.a.user(), world.a.clinic).post(f"{URL}/{row.pk}/retry")
    assert response.status_code == 202

    def sent() -> bool:
        return Notification.unscoped.filter(pk=row.pk, status=Notification.Status.SENT).exists()

    assert celery_worker.wait_for(sent), "the worker did not deliver the retried message"
    row.refresh_from_db()
    assert row.attempts == 4 and row.last_error == "" and row.sent_at is not None
    [line] = celery_worker.notifications_file.read_text().splitlines()
    assert json.loads(line)["to"] == "+66815550101"
