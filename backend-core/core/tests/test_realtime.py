"""Live clinic events over a real WebSocket stack and the configured channel layer
(Redis in the services profile)."""

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.db import connections, transaction

from accounts.tests.factories import tokens_for
from core.asgi import application
from core.realtime import clinic_event_publish
from core.roles import Role

pytestmark = pytest.mark.django_db(transaction=True)


async def _and_close_connections(scenario):
    """Run ``scenario``, then close the DB connection of the worker thread it used."""
    try:
        await scenario
    finally:
        await database_sync_to_async(connections.close_all)()


def _publish_both(world) -> None:
    with transaction.atomic():
        clinic_event_publish(clinic_id=world.b.clinic.pk, event_type="appointment.created", data={"n": 0})
        clinic_event_publish(clinic_id=world.a.clinic.pk, event_type="appointment.created", data={"n": 1})


def _publish_then_roll_back(world) -> None:
    try:
        with transaction.atomic():
            clinic_event_publish(clinic_id=world.a.clinic.pk, event_type="x", data={})
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
        await database_sync_to_async(_publish_both)(world)
        message = await mine.receive_json_from(timeout=5)
        assert message == {
            "type": "appointment.created",
            "clinic_id": str(world.a.clinic.pk),
            "data": {"n": 1},
        }
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
