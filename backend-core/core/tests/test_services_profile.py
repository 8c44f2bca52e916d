"""The services profile under load and over time, with real processes: uvicorn servers
on PostgreSQL (as the application's role, through a small connection pool) and Redis.

* A burst of bookings waits for a pooled connection instead of failing with "too many
  clients", and leaves no connection behind.
* Live events cross server processes through the Redis channel layer, and a socket left
  idle stays open (the layer's blocking read no longer times its Redis connection out).
* The application's role cannot alter tables, truncate them, or switch off the audit
  triggers.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import time
import zoneinfo
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import psycopg
import pytest
from channels.layers import channel_layers
from channels_redis.core import RedisChannelLayer
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg import sql
from psycopg.abc import Query
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from accounts.tests.factories import tokens_for
from compliance.models import HISTORY_MODELS
from core.database_roles import history_redactable_columns, protected_operations
from core.roles import Role
from patients.models import PatientProfile
from scheduling.models import Appointment, StaffSchedule

URL = "/api/v1/calendar/appointments"


def _every_day_open(clinic, doctor) -> None:
    StaffSchedule.unscoped.filter(clinic=clinic, practitioner=doctor).delete()
    StaffSchedule.unscoped.bulk_create(
        StaffSchedule(
            clinic=clinic, practitioner=doctor, weekday=day, start_time=dt.time(9), end_time=dt.time(18)
        )
        for day in range(7)
    )


def _slot(clinic, days: int, hour: int) -> dt.datetime:
    zone = zoneinfo.ZoneInfo(clinic.time_zone)
    day = dt.datetime.now(tz=zone).date() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour), tzinfo=zone)


def _booking(tenant, starts_at: dt.datetime) -> dict[str, str]:
    return {
        "patient_id": str(tenant.patient.pk),
        "practitioner_id": str(tenant.user(Role.DOCTOR).pk),
        "service_id": str(tenant.service.pk),
        "starts_at": starts_at.isoformat(),
    }


def _headers(tenant) -> dict[str, str]:
    return {
        "Authorization": f"Bearer {tokens_for(tenant.user(Role.RECEPTIONIST)).access}",
        "X-Clinic-Id": str(tenant.clinic.pk),
    }


def _connections_of(role: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s", [role])
        return int(cursor.fetchone()[0])


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_a_hundred_concurrent_bookings_of_one_slot_end_one_201_and_99_409_with_no_5xx(world, asgi_servers):
    """Before: each request thread opened (and kept) a connection of its own, and a burst
    of 100 ran PostgreSQL out of connections: 1 x 201, 44 x 409, 55 x 500, then
    /readyz 503. Now the server's four pooled connections serve the burst in turn."""
    doctor = world.a.user(Role.DOCTOR)
    _every_day_open(world.a.clinic, doctor)
    server = asgi_servers.start()
    role = httpx.URL(asgi_servers.env["DATABASE_URL"]).username
    starts = _slot(world.a.clinic, 2, 10)
    body, headers = _booking(world.a, starts), _headers(world.a)

    with httpx.Client(
        base_url=server.base,
        timeout=90,
        limits=httpx.Limits(max_connections=100, max_keepalive_connections=0),
    ) as client:

        def book(_: int) -> tuple[int, str]:
            response = client.post(URL, json=body, headers=headers)
            return response.status_code, response.text[:300]

        with ThreadPoolExecutor(max_workers=100) as threads:
            answers = list(threads.map(book, range(100)))
        codes = Counter(code for code, _ in answers)
        assert codes == {201: 1, 409: 99}, (codes, [a for a in answers if a[0] not in (201, 409)][:3])
        assert client.get("/readyz").status_code == 200

    assert Appointment.unscoped.filter(practitioner=doctor, starts_at=starts).count() == 1
    # The pool's size bounds the server's connections, during the burst and after it.
    assert _connections_of(role) <= 4


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_a_booking_made_through_one_server_reaches_a_socket_of_another_even_after_a_minute_idle(
    world, asgi_servers
):
    """Before: the channel layer's 5-second blocking read hit redis-py's 5-second socket
    timeout, the layer's Redis connection closed with a TimeoutError and the socket
    dropped; events sent in the gap were lost."""
    _every_day_open(world.a.clinic, world.a.user(Role.DOCTOR))
    a = asgi_servers.start(DATABASE_POOL_MAX_SIZE="2")
    b = asgi_servers.start(DATABASE_POOL_MAX_SIZE="2")
    token = tokens_for(world.a.user(Role.RECEPTIONIST)).access
    headers = _headers(world.a)
    socket_url = f"{b.ws_base}/ws/clinic/?clinic={world.a.clinic.pk}&token={token}"

    def book_through_a(hour: int) -> str:
        response = httpx.post(
            f"{a.base}{URL}",
            json=_booking(world.a, _slot(world.a.clinic, 3, hour)),
            headers=headers,
            timeout=30,
        )
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

    def next_appointment_event(socket, within: float) -> dict[str, object]:
        deadline = time.monotonic() + within
        while True:
            event = json.loads(socket.recv(timeout=max(0.1, deadline - time.monotonic())))
            if str(event.get("type", "")).startswith("appointment."):
                return event

    with connect(socket_url, origin=b.base, open_timeout=20) as socket:
        first = book_through_a(10)
        assert next_appointment_event(socket, within=15)["data"]["id"] == first

        # A minute without events: the socket stays open and nothing arrives.
        with pytest.raises(TimeoutError):
            socket.recv(timeout=65)

        second = book_through_a(11)
        try:
            event = next_appointment_event(socket, within=15)
        except ConnectionClosed as closed:
            pytest.fail(f"the idle socket was closed: {closed}\n{b.log.read_text()[-2000:]}")
        assert event["data"]["id"] == second


def test_the_channel_layer_waits_longer_for_redis_than_its_blocking_read() -> None:
    for host in django_settings.CHANNEL_LAYERS["default"].get("CONFIG", {}).get("hosts", []):
        assert host["socket_timeout"] > RedisChannelLayer.brpop_timeout + 1


def test_a_cancelled_receive_ends_within_one_blocking_read() -> None:
    """A socket that closes cancels its layer receive. A cancellation absorbed while
    redis-py connects used to leave the receive asking Redis again for ever once the
    socket timeout no longer cut it off: a task and a connection per closed socket."""
    if not os.environ.get("REDIS_URL"):
        pytest.skip("the Redis channel layer needs REDIS_URL")
    layer = channel_layers.make_backend("default")
    stuck: list[float] = []

    async def receive_then_cancel(delay: float) -> None:
        task = asyncio.ensure_future(layer.receive(await layer.new_channel()))
        await asyncio.sleep(delay)
        task.cancel()
        done, _ = await asyncio.wait([task], timeout=RedisChannelLayer.brpop_timeout + 3)
        if not done:
            stuck.append(delay)

    async def scenario() -> None:
        for n in range(40):
            await receive_then_cancel(n / 2000)  # 0 to 20 ms: during connect, eval, BZPOPMIN

    # Not asyncio.run: it would wait for ever on a receive that ignores cancellation.
    loop = asyncio.new_event_loop()
    loop.run_until_complete(scenario())
    if stuck:
        pytest.fail(f"receives cancelled after {stuck} s kept running", pytrace=False)
    loop.close()


@pytest.mark.django_db(transaction=True)
def test_the_application_role_reads_and_writes_rows_but_cannot_touch_the_schema_or_the_audit_triggers(
    app_role_database_url, world
):
    if connection.vendor != "postgresql":
        pytest.skip("database roles exist on PostgreSQL only")
    url = app_role_database_url
    denied: list[Query] = [
        "TRUNCATE compliance_auditevent",
        "TRUNCATE compliance_auditevent CASCADE",
        "ALTER TABLE compliance_auditevent DISABLE TRIGGER ALL",
        "ALTER TABLE compliance_auditevent DISABLE TRIGGER USER",
        "ALTER TABLE compliance_auditevent ADD COLUMN smuggled integer",
        "DROP TABLE compliance_auditevent",
        "SET session_replication_role = replica",
        # pgtrigger lets any session skip its triggers; the privilege is gone as well.
        "UPDATE compliance_auditevent SET action = 'service.deleted'",
        "DELETE FROM compliance_auditevent",
        "DELETE FROM emr_clinicalnote",
        "INSERT INTO django_migrations (app, name, applied) VALUES ('core', 'smuggled', now())",
        "CREATE TABLE smuggled (id integer)",
    ]
    triggers_of_the_audit_table = (
        "SELECT tgname FROM pg_trigger "
        "WHERE tgrelid = 'compliance_auditevent'::regclass AND tgenabled = 'O' AND NOT tgisinternal"
    )
    with connection.cursor() as cursor:
        cursor.execute(triggers_of_the_audit_table)
        triggers = [name for (name,) in cursor.fetchall()]
    assert triggers, "the audit table has no triggers to protect"
    denied += [
        sql.SQL("DROP TRIGGER {} ON compliance_auditevent").format(sql.Identifier(name)) for name in triggers
    ]

    with psycopg.connect(url, autocommit=True) as app:
        assert app.execute("SELECT count(*) FROM compliance_auditevent").fetchone() >= (1,)
        app.execute("UPDATE scheduling_room SET name = name || ' ' WHERE id = %s", [world.a.room.pk])
        for statement in denied:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute(statement)
        assert len(app.execute(triggers_of_the_audit_table).fetchall()) == len(triggers)
    assert protected_operations()["compliance_auditevent"] == ("DELETE", "UPDATE")


@pytest.mark.django_db(transaction=True)
def test_the_application_role_may_blank_erased_values_in_history_rows_but_delete_none(
    app_role_database_url, world
):
    """The right to erasure rewrites the snapshot columns of history rows
    (``compliance.services.history_redact``); who changed what and when stays."""
    if connection.vendor != "postgresql":
        pytest.skip("database roles exist on PostgreSQL only")
    url = app_role_database_url
    table = next(m for m in HISTORY_MODELS if m.pgh_tracked_model is PatientProfile)._meta.db_table
    with psycopg.connect(url, autocommit=True) as app:
        role = app.execute("SELECT current_user").fetchone()[0]
        privilege = app.execute(
            "SELECT has_column_privilege(%s, %s, 'given_name', 'UPDATE'),"
            " has_column_privilege(%s, %s, 'pgh_created_at', 'UPDATE'),"
            " has_column_privilege(%s, %s, 'pgh_context_id', 'UPDATE'),"
            " has_table_privilege(%s, %s, 'DELETE')",
            [role, table] * 4,
        ).fetchone()
    assert privilege == (True, False, False, False)
    assert "given_name" in history_redactable_columns()[table]


@pytest.mark.django_db(transaction=True)
def test_tables_a_later_migration_creates_are_granted_to_the_application_role(app_role_database_url):
    if connection.vendor != "postgresql":
        pytest.skip("database roles exist on PostgreSQL only")
    url = app_role_database_url
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE later_migration (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, note text)"
        )
    try:
        with psycopg.connect(url, autocommit=True) as app:
            app.execute("INSERT INTO later_migration (note) VALUES ('written by the app')")
            assert app.execute("SELECT note FROM later_migration").fetchone() == ("written by the app",)
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                app.execute("ALTER TABLE later_migration ADD COLUMN smuggled integer")
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE later_migration")


@pytest.mark.django_db(transaction=True)
def test_a_superuser_or_the_running_role_is_refused_as_the_application_role(settings):
    if connection.vendor != "postgresql":
        pytest.skip("database roles exist on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user")
        (owner,) = cursor.fetchone()
    with pytest.raises(CommandError, match="owner of the tables"):
        call_command("database_app_role", owner)
