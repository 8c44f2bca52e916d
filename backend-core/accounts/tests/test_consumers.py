"""The clinic events socket (``accounts.consumers``): admission, re-checks and delivery of live
clinic events over a real WebSocket stack and the configured channel layer (Redis in the
services profile): recorded in the outbox, published right after commit."""

import asyncio
import datetime as dt

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.db import connections, transaction
from django.utils import timezone

from accounts.models import Membership, RefreshTokenFamily, User
from accounts.services import auth_logout, membership_update
from accounts.tests.factories import MembershipFactory, tokens_for
from core.asgi import application
from core.realtime import EVENT_AUDIENCES, event_data_serializers
from core.roles import Role
from core.tenancy import clinic_context
from outbox.models import OutboxEvent
from outbox.publishers import ChannelsPublisher
from outbox.services import outbox_event_record

pytestmark = pytest.mark.django_db(transaction=True)


async def _and_close_connections(scenario):
    """Run ``scenario``, then close the DB connection of the worker thread it used."""
    try:
        await scenario
    finally:
        await database_sync_to_async(connections.close_all)()


def _record(clinic_id, event_type: str, data: dict) -> OutboxEvent:
    return outbox_event_record(clinic_id=clinic_id, type=event_type, subject="thing/1", data=data)


def _publish_both(world) -> OutboxEvent:
    with transaction.atomic():
        _record(world.b.clinic.pk, "appointment.created", {"n": 0})
        return _record(world.a.clinic.pk, "appointment.created", {"n": 1})


def _publish_then_roll_back(world) -> None:
    try:
        with transaction.atomic():
            _record(world.a.clinic.pk, "appointment.created", {})
            raise RuntimeError("rollback")
    except RuntimeError:
        pass


async def _connect(path: str, subprotocols=None) -> tuple[WebsocketCommunicator, bool, int | None]:
    communicator = WebsocketCommunicator(
        application, path, headers=[(b"origin", b"http://localhost")], subprotocols=subprotocols
    )
    connected, code = await communicator.connect(timeout=5)
    return communicator, connected, code


def test_member_receives_events_of_their_clinic_only(world):
    token = tokens_for(world.a.user(Role.RECEPTIONIST)).access

    async def scenario():
        mine, ok, _ = await _connect(f"/ws/clinic/?clinic={world.a.clinic.pk}&token={token}")
        assert ok
        event = await database_sync_to_async(_publish_both)(world)
        # Published by this process right after the commit: no relay ran.
        message = await mine.receive_json_from(timeout=5)
        await database_sync_to_async(event.refresh_from_db)()
        assert message == event.envelope()
        assert message["type"] == "appointment.created" and message["data"] == {"n": 1}
        assert message["id"] == str(event.event_id) and message["clinic"] == str(world.a.clinic.pk)
        assert event.published_at is not None
        assert await mine.receive_nothing(timeout=0.3)
        await mine.disconnect()

    asyncio.run(_and_close_connections(scenario()))


def test_rolled_back_write_sends_no_event(world):
    token = tokens_for(world.a.user(Role.RECEPTIONIST)).access

    async def scenario():
        socket, ok, _ = await _connect(f"/ws/clinic/?clinic={world.a.clinic.pk}&token={token}")
        assert ok
        await database_sync_to_async(_publish_then_roll_back)(world)
        assert await socket.receive_nothing(timeout=0.3)
        await socket.disconnect()

    asyncio.run(_and_close_connections(scenario()))


def test_token_in_subprotocol_is_accepted(world):
    token = tokens_for(world.a.user(Role.CASHIER)).access

    async def scenario():
        socket, ok, _ = await _connect(
            f"/ws/clinic/?clinic={world.a.clinic.pk}", subprotocols=["bearer", token]
        )
        assert ok
        await socket.disconnect()

    asyncio.run(_and_close_connections(scenario()))


@pytest.mark.parametrize(("who", "code"), [("stranger", 4404), ("nobody", 4401)])
def test_socket_is_refused_without_membership_or_token(world, who, code):
    token = tokens_for(world.b.user()).access if who == "stranger" else "garbage"

    async def scenario():
        _socket, ok, close_code = await _connect(f"/ws/clinic/?clinic={world.a.clinic.pk}&token={token}")
        assert not ok and close_code == code

    asyncio.run(_and_close_connections(scenario()))


# ------------------------------------------------ the socket follows REST's rules (item 7)


async def _closed_with(socket: WebsocketCommunicator) -> int:
    output = await socket.receive_output(timeout=5)
    assert output["type"] == "websocket.close", output
    return int(output["code"])


def _path(world, token: str) -> str:
    return f"/ws/clinic/?clinic={world.a.clinic.pk}&token={token}"


def _publish(world, event_type: str, data: dict) -> None:
    with transaction.atomic():
        _record(world.a.clinic.pk, event_type, data)


@pytest.mark.parametrize("role", [Role.DOCTOR, Role.THERAPIST, Role.OWNER])
def test_a_two_factor_role_without_the_second_factor_gets_no_socket(world, role):
    token = tokens_for(world.a.user(role), otp=False).access

    async def scenario():
        _socket, ok, code = await _connect(_path(world, token))
        assert not ok and code == 4403

    asyncio.run(_and_close_connections(scenario()))


def test_logout_closes_the_socket_and_its_token_opens_no_other(world):
    pair = tokens_for(world.a.user(Role.RECEPTIONIST))

    async def scenario():
        socket, ok, _ = await _connect(_path(world, pair.access))
        assert ok
        await database_sync_to_async(auth_logout)(raw_refresh=pair.refresh)
        assert await socket.receive_json_from(timeout=5) == {
            "type": "session.ended",
            "reason": "session_revoked",
        }
        assert await _closed_with(socket) == 4401
        _again, ok, code = await _connect(_path(world, pair.access))
        assert not ok and code == 4401

    asyncio.run(_and_close_connections(scenario()))


def _remove_membership(world, membership) -> None:
    with clinic_context(world.a.clinic):
        membership_update(membership=membership, actor=world.a.user(), actor_role=Role.OWNER, is_active=False)


def test_removing_the_membership_closes_the_socket(world):
    therapist = world.a.members[Role.THERAPIST]
    token = tokens_for(therapist.user).access

    async def scenario():
        socket, ok, _ = await _connect(_path(world, token))
        assert ok
        await database_sync_to_async(_remove_membership)(world, therapist)
        # The staff event itself is not delivered: the socket's session has ended first.
        assert (await socket.receive_json_from(timeout=5))["type"] == "session.ended"
        assert await _closed_with(socket) == 4401

    asyncio.run(_and_close_connections(scenario()))


def _behind_the_sockets_back(world, *, user=None, membership=None, idle=False) -> None:
    """Changes made without the services (no push to the socket): the socket must
    notice them on the next event."""
    if user is not None:
        User.objects.filter(pk=user.pk).update(is_active=False)
    if membership is not None:
        Membership.objects.filter(pk=membership.pk).update(is_active=False)
    if idle:
        RefreshTokenFamily.objects.update(last_activity_at=timezone.now() - dt.timedelta(minutes=16))
    _publish(world, "appointment.created", {"n": 1})


@pytest.mark.parametrize(
    ("change", "code", "reason"),
    [
        ("user", 4401, "user_inactive"),
        ("membership", 4404, None),
        ("idle", 4401, "session_idle"),
    ],
)
def test_each_event_is_delivered_only_after_rechecking_session_and_membership(world, change, code, reason):
    membership = world.a.members[Role.RECEPTIONIST]
    token = tokens_for(membership.user).access
    target = {
        "user": {"user": membership.user},
        "membership": {"membership": membership},
        "idle": {"idle": True},
    }[change]

    async def scenario():
        socket, ok, _ = await _connect(_path(world, token))
        assert ok
        await database_sync_to_async(_behind_the_sockets_back)(world, **target)
        if reason is not None:
            assert await socket.receive_json_from(timeout=5) == {"type": "session.ended", "reason": reason}
        assert await _closed_with(socket) == code

    asyncio.run(_and_close_connections(scenario()))


COMMISSION = {
    "sale_id": "s1",
    "status": "done",
    "total": "300.00",
    "currency": "THB",
    "lines": [],
}


def test_a_practitioner_socket_gets_only_their_own_commission_lines(world):
    therapist = world.a.user(Role.THERAPIST)
    other = MembershipFactory(clinic=world.a.clinic, role=Role.THERAPIST).user
    nurse = world.a.user(Role.NURSE)
    lines = [
        {
            "sale_line_id": "l1",
            "practitioner_id": str(therapist.pk),
            "kind": "commission",
            "amount": "100.00",
        },
        {"sale_line_id": "l2", "practitioner_id": str(other.pk), "kind": "commission", "amount": "200.00"},
    ]
    data = {**COMMISSION, "lines": lines}
    tokens = {who: tokens_for(user).access for who, user in [("therapist", therapist), ("nurse", nurse)]}
    tokens["owner"] = tokens_for(world.a.user(Role.OWNER)).access
    tokens["cashier"] = tokens_for(world.a.user(Role.CASHIER)).access

    async def scenario():
        sockets = {}
        for who, token in tokens.items():
            sockets[who], ok, _ = await _connect(_path(world, token))
            assert ok
        await database_sync_to_async(_publish)(world, "commission.calculated", data)
        mine = await sockets["therapist"].receive_json_from(timeout=5)
        assert mine["data"]["lines"] == [lines[0]] and mine["data"]["total"] == "100.00"
        # The POS (commission-status) and managers read every line over REST.
        for who in ("owner", "cashier"):
            assert (await sockets[who].receive_json_from(timeout=5))["data"] == data
        assert await sockets["nurse"].receive_nothing(timeout=0.5)  # no line of hers
        for socket in sockets.values():
            await socket.disconnect()

    asyncio.run(_and_close_connections(scenario()))


def _relay_sale_event(world) -> None:
    event = OutboxEvent(
        sequence=1,
        clinic_id=world.a.clinic.pk,
        type="com.aesthetix.sale.completed",
        source="/clinics/x",
        subject="sale/1",
        time=timezone.now(),
        data={"sale_id": "1", "total": "500.00"},
    )
    ChannelsPublisher().publish(event)


def test_outbox_events_reach_only_roles_that_read_the_same_data(world):
    doctor = tokens_for(world.a.user(Role.DOCTOR)).access
    cashier = tokens_for(world.a.user(Role.CASHIER)).access

    async def scenario():
        doctor_socket, ok, _ = await _connect(_path(world, doctor))
        cashier_socket, ok2, _ = await _connect(_path(world, cashier))
        assert ok and ok2
        await database_sync_to_async(_relay_sale_event)(world)
        sale = await cashier_socket.receive_json_from(timeout=5)
        assert sale["type"] == "com.aesthetix.sale.completed"
        assert sale["data"] == {"sale_id": "1", "total": "500.00"}
        assert await doctor_socket.receive_nothing(timeout=0.5)  # 403 on /commerce/sales
        await doctor_socket.disconnect()
        await cashier_socket.disconnect()

    asyncio.run(_and_close_connections(scenario()))


def test_every_event_type_has_a_declared_data_shape_and_an_audience():
    assert set(event_data_serializers()) == set(EVENT_AUDIENCES)
