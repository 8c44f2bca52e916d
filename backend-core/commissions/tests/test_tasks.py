import asyncio
import os
import signal
import socket
import uuid
from contextlib import contextmanager
from datetime import timedelta
from decimal import Decimal
from unittest import mock

import psycopg
import pytest
import redis.exceptions
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import OperationalError, transaction
from django.utils import timezone

from commerce.models import Sale
from commerce.services import CartLine, sale_checkout, sale_void
from commissions import tasks
from commissions.models import CommissionLog, CommissionRule, CommissionRun
from commissions.services import commission_runs_requeue_stale, sale_commissions_calculate
from commissions.tests.factories import Line, at, rule, sale
from core.celery import app
from core.realtime import clinic_group
from core.roles import Role
from core.tenancy import clinic_context
from outbox.models import OutboxEvent


def checkout(tenant, credits=None):
    """The POS checkout: three units of the 350.00 service less 50.00, so 1 000.00 net
    (no tax), credited 60/40 to the doctor and the nurse; returns once committed."""
    doctor, nurse = tenant.user(Role.DOCTOR), tenant.user(Role.NURSE)
    line = CartLine(
        item=tenant.service,
        quantity=Decimal(3),
        line_discount=Decimal(50),
        credits=credits or [(doctor, Decimal(60)), (nurse, Decimal(40))],
    )
    with clinic_context(tenant.clinic):
        sale, _created = sale_checkout(
            clinic=tenant.clinic,
            actor=tenant.user(Role.CASHIER),
            patient=tenant.patient,
            lines=[line],
            payments=[],
            idempotency_key=str(uuid.uuid4()),
        )
    return sale


async def next_event(layer, channel, event_type):
    """The first event of ``event_type`` on ``channel`` (the checkout publishes others)."""
    while True:
        message = await asyncio.wait_for(layer.receive(channel), timeout=10)
        if message["event"]["type"] == event_type:
            return message["event"]


CHECKOUT = "/api/v1/commerce/sales/checkout"


def run_status(row):
    """The run's status; a sale without a run yet reads as pending (as the POS sees it)."""
    run = CommissionRun.unscoped.filter(sale=row).first()
    return run.status if run is not None else "pending"


@contextmanager
def run_locked(row):
    """Hold the row lock of ``row``'s commission run from a connection of the test's own,
    inserting the run (pending) when the sale has none yet: a worker's calculation then
    waits at its own insert of the run or at its ``SELECT … FOR UPDATE``, having taken
    the message (unacknowledged) and committed nothing. Yields ``taken()``: whether a
    worker is waiting for the lock."""
    db = settings.DATABASES["default"]
    with (
        psycopg.connect(
            dbname=db["NAME"], user=db["USER"], password=db["PASSWORD"], host=db["HOST"], port=db["PORT"]
        ) as locker,
        locker.transaction(),
    ):
        locker.execute(
            "INSERT INTO commissions_commissionrun (id, created_at, updated_at, clinic_id, sale_id, status,"
            " attempts, error, enqueued_at) SELECT gen_random_uuid(), now(), now(), clinic_id, id, 'pending',"
            " 0, '', now() FROM commerce_sale WHERE id = %s ON CONFLICT (sale_id) DO NOTHING",
            [row.pk],
        )
        locker.execute("SELECT 1 FROM commissions_commissionrun WHERE sale_id = %s FOR UPDATE", [row.pk])

        def taken():
            locker.execute("SELECT pg_stat_clear_snapshot()")  # else read once per transaction
            count = locker.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))"
            ).fetchone()
            return bool(count and count[0])

        yield taken


def test_checkout_returns_before_the_commission_and_the_status_moves_from_pending_to_done(
    celery_workers, world, api
):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)(clinic_group(world.a.clinic.pk), channel)
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)

    row = checkout(world.a)  # returned: the sale is committed and the task queued
    url = f"/api/v1/commerce/sales/{row.pk}/commission-status/"
    with run_locked(row) as taken:
        celery_workers.start()
        assert celery_workers.wait_for(taken), "the worker never took the task"
        pending = cashier.get(url)
        assert (
            pending.status_code == 200
            and pending.json()["status"] == "pending"
            and pending.json()["lines"] == []
        )

    assert celery_workers.wait_for(lambda: run_status(row) == "done"), "the worker did not finish"
    done = cashier.get(url).json()
    assert done["status"] == "done" and done["total"] == "100.00"  # the world's 10 % rule
    assert sorted(line["amount"] for line in done["lines"]) == ["40.00", "60.00"]

    event = async_to_sync(next_event)(layer, channel, "commission.calculated")
    assert event["data"]["sale_id"] == str(row.pk) and event["data"]["total"] == "100.00"


def test_a_worker_killed_mid_task_leaves_one_set_of_logs_after_redelivery(celery_workers, world):
    # Redelivery of an unacknowledged message waits for the visibility timeout: 3 s here.
    quick = {"CELERY_VISIBILITY_TIMEOUT": "3", "CELERY_UNACKED_RESTORE_INTERVAL": "1"}
    row = checkout(world.a)
    with run_locked(row) as taken:
        first = celery_workers.start(**quick)
        assert celery_workers.wait_for(taken), "the worker never took the task"
        os.kill(first.pid, signal.SIGKILL)  # mid-task: nothing committed, message not acknowledged
        first.wait(timeout=10)
    assert not CommissionLog.unscoped.filter(sale=row).exists()

    celery_workers.start(**quick)
    assert celery_workers.wait_for(lambda: run_status(row) == "done", timeout=60), "not redelivered"
    logs = CommissionLog.unscoped.filter(sale=row)
    assert sorted(logs.values_list("amount", flat=True)) == [Decimal("40.00"), Decimal("60.00")]
    # Delivered again (a duplicate message): still one set.
    tasks.calculate_commission.delay(clinic_id=str(world.a.clinic.pk), sale_id=str(row.pk))
    with clinic_context(world.a.clinic):
        sale_void(sale=row, actor=world.a.user(Role.OWNER), reason="Keyed on the wrong patient")
    assert celery_workers.wait_for(lambda: logs.filter(kind="reversal").count() == 2), "no reversal"
    assert logs.filter(kind="commission").count() == 2 and sum(logs.values_list("amount", flat=True)) == 0


@contextmanager
def broker_unreachable():
    """This process's Celery sends to a port of 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    previous = app.conf.broker_url
    app.conf.broker_url = f"redis://127.0.0.1:{closed}/0"
    app._after_fork()  # drops the pooled connections to the real broker
    try:
        yield
    finally:
        app.conf.broker_url = previous
        app._after_fork()


def _cart_json(tenant):
    """``checkout()``'s cart as the POS posts it."""
    doctor, nurse = tenant.user(Role.DOCTOR), tenant.user(Role.NURSE)
    return {
        "patient_id": str(tenant.patient.pk),
        "lines": [
            {
                "kind": "service",
                "item_id": str(tenant.service.pk),
                "quantity": "3",
                "line_discount": "50.00",
                "credits": [
                    {"practitioner_id": str(doctor.pk), "share": "60"},
                    {"practitioner_id": str(nurse.pk), "share": "40"},
                ],
            }
        ],
        "payments": [],
    }


def test_with_the_broker_down_checkout_answers_201_and_the_sweep_gets_the_commission_calculated(
    celery_workers, world, api, caplog
):
    cashier = api(world.a.user(Role.CASHIER), world.a.clinic)
    with broker_unreachable():
        response = cashier.post(CHECKOUT, _cart_json(world.a), format="json", HTTP_IDEMPOTENCY_KEY="till-9")
    assert response.status_code == 201, response.content
    row = Sale.unscoped.get(pk=response.json()["id"])  # committed; its run is opened by the sweep
    assert run_status(row) == "pending"
    assert "calculate_commission not sent after commit" in caplog.text

    # The broker is back; beat's sweep (every minute) finds the run and a worker does it.
    celery_workers.start(COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES="0")
    tasks.requeue_stale_commission_runs.delay()
    assert celery_workers.wait_for(lambda: run_status(row) == "done"), "the sweep did not recover it"
    amounts = CommissionLog.unscoped.filter(sale=row).values_list("amount", flat=True)
    assert sorted(amounts) == [Decimal("40.00"), Decimal("60.00")]


@pytest.mark.django_db(transaction=True)
def test_a_commission_never_sent_because_the_process_died_is_sent_again_by_the_sweep(world, settings):
    settings.COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES = 10
    with mock.patch("core.tasks.task_send_after_commit"):  # dies after the commit, before sending
        row = checkout(world.a)
    kwargs = {"clinic_id": str(world.a.clinic.pk), "sale_id": str(row.pk)}
    assert not CommissionRun.unscoped.filter(sale=row).exists()  # checkout writes none
    now = timezone.now()
    with mock.patch.object(tasks.calculate_commission, "apply_async") as send:
        assert commission_runs_requeue_stale(now=now) == 0  # not stale yet
        assert commission_runs_requeue_stale(now=now + timedelta(minutes=11)) == 1
        assert commission_runs_requeue_stale(now=now + timedelta(minutes=12)) == 0  # once per interval
        send.assert_called_once_with(kwargs=kwargs)
        assert commission_runs_requeue_stale(now=now + timedelta(minutes=22)) == 1  # lost again
    assert run_status(row) == "pending"

    tasks.calculate_commission.apply(kwargs=kwargs)  # what the worker does with it
    assert run_status(row) == "done"
    assert sorted(CommissionLog.unscoped.filter(sale=row).values_list("amount", flat=True)) == [
        Decimal("40.00"),
        Decimal("60.00"),
    ]
    assert commission_runs_requeue_stale(now=now + timedelta(hours=2)) == 0


@pytest.mark.django_db(transaction=True)
def test_a_reversal_never_sent_because_the_process_died_is_sent_again_by_the_sweep(world, settings):
    settings.COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES = 10
    with mock.patch.object(tasks.calculate_commission, "apply_async"):
        row = checkout(world.a)
    kwargs = {"clinic_id": str(world.a.clinic.pk), "sale_id": str(row.pk)}
    tasks.calculate_commission.apply(kwargs=kwargs)
    with mock.patch("core.tasks.task_send_after_commit"), clinic_context(world.a.clinic):
        sale_void(sale=row, actor=world.a.user(Role.OWNER), reason="Keyed on the wrong patient")
    logs = CommissionLog.unscoped.filter(sale=row)
    assert not logs.filter(kind="reversal").exists()

    now = timezone.now()
    with mock.patch.object(tasks.reverse_commission, "apply_async") as send:
        assert commission_runs_requeue_stale(now=now) == 0
        assert commission_runs_requeue_stale(now=now + timedelta(minutes=11)) == 1
    send.assert_called_once_with(kwargs=kwargs)
    tasks.reverse_commission.apply(kwargs=kwargs)
    assert logs.filter(kind="reversal").count() == 2 and sum(logs.values_list("amount", flat=True)) == 0
    assert CommissionRun.unscoped.get(sale=row).reversals_enqueued_at is None
    assert commission_runs_requeue_stale(now=now + timedelta(hours=2)) == 0


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_checkout_enqueues_nothing(world):
    def declined_checkout():
        with transaction.atomic():  # a caller's transaction that fails after the checkout
            checkout(world.a)
            raise RuntimeError("payment declined")

    with mock.patch.object(tasks.calculate_commission, "apply_async") as send:
        with pytest.raises(RuntimeError):
            declined_checkout()
        assert not send.called
        assert (
            not CommissionRun.unscoped.filter(sale__clinic=world.a.clinic).exclude(sale=world.a.sale).exists()
        )
        row = checkout(world.a)
        send.assert_called_once_with(kwargs={"clinic_id": str(world.a.clinic.pk), "sale_id": str(row.pk)})
        assert run_status(row) == "pending"


@pytest.mark.django_db(transaction=True)
def test_a_calculation_stays_done_when_the_live_event_cannot_be_sent(world):
    with mock.patch.object(tasks.calculate_commission, "apply_async"):
        row = checkout(world.a)
    layer = mock.Mock(group_send=mock.AsyncMock(side_effect=redis.exceptions.ConnectionError("down")))
    with (
        mock.patch("outbox.publishers.get_channel_layer", return_value=layer),
        mock.patch("outbox.tasks.outbox_relay.apply_async") as sweep,
    ):
        result = tasks.calculate_commission.apply(
            kwargs={"clinic_id": str(world.a.clinic.pk), "sale_id": str(row.pk)}
        )
    assert layer.group_send.called and result.successful() and run_status(row) == "done"
    # The event waits in the outbox for the relay, queued at once and swept by beat.
    event = OutboxEvent.objects.get(type="commission.calculated", subject=f"sale/{row.pk}")
    assert event.published_at is None and event.attempts == 1 and sweep.called


@pytest.mark.django_db(transaction=True)
def test_transient_errors_are_retried_and_other_errors_mark_the_run_failed(world):
    row = checkout(world.a, credits=[(world.a.user(Role.DOCTOR), 100)])
    kwargs = {"clinic_id": str(world.a.clinic.pk), "sale_id": str(row.pk)}
    real = tasks.sale_commissions_calculate
    calls = iter([OperationalError("connection lost")])

    def once_flaky(**kw):
        for error in calls:
            raise error
        return real(**kw)

    with mock.patch.object(tasks, "sale_commissions_calculate", side_effect=once_flaky) as calculate:
        tasks.calculate_commission.apply(kwargs=kwargs)
    assert calculate.call_count == 2 and run_status(row) == "done"

    broken = checkout(world.a, credits=[(world.a.user(Role.DOCTOR), 100)])
    with mock.patch.object(tasks, "sale_commissions_calculate", side_effect=ValueError("bad tiers")):
        result = tasks.calculate_commission.apply(kwargs={**kwargs, "sale_id": str(broken.pk)})
    assert result.failed()
    run = CommissionRun.unscoped.get(sale=broken)
    assert run.status == "failed" and run.error == "ValueError: bad tiers"


def test_the_daily_close_settles_the_ended_periods_of_every_clinic(world):
    CommissionRule.unscoped.filter(pk=world.b.commission_rule.pk).update(is_active=False)
    rule(world.b.clinic, value=Decimal(5), tiers=[{"above": "100.00", "value": "10.00"}])
    doctor = world.b.user(Role.DOCTOR)
    with clinic_context(world.b.clinic):
        for day in (2, 3):  # 60.00 at 5 %, then 60.00 at 10 % (120 > 100)
            row = sale(
                world.b.clinic, doctor, [Line(world.b.service, "60.00", [(doctor, 100)])], at=at(2026, 3, day)
            )
            sale_commissions_calculate(sale=row)
    assert tasks.settle_commission_periods() == 1
    assert tasks.settle_commission_periods() == 0
    adjustment = CommissionLog.unscoped.get(kind="adjustment")
    assert adjustment.amount == Decimal("3.00") and adjustment.clinic == world.b.clinic
