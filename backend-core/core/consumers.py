"""WebSocket endpoint for a clinic's live events.

Connect to ``/ws/clinic/?clinic=<clinic uuid>`` with the access token either in the
``token`` query parameter or as the second WebSocket sub-protocol (``["bearer", <jwt>]``;
browsers cannot set an Authorization header on a WebSocket). The socket closes with code
4401 when the token is missing or invalid and 4404 when the user is not an active member
of that clinic (the same for a clinic that does not exist).
"""

from __future__ import annotations

import uuid
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from core.realtime import clinic_group


class ClinicEventsConsumer(AsyncJsonWebsocketConsumer):
    group: str | None = None

    async def connect(self) -> None:
        query = parse_qs(self.scope.get("query_string", b"").decode())
        protocols = self.scope.get("subprotocols") or []
        raw_token = (query.get("token") or [""])[0]
        subprotocol = None
        if not raw_token and len(protocols) == 2 and protocols[0] == "bearer":
            raw_token, subprotocol = protocols[1], "bearer"
        user_id = await database_sync_to_async(_user_id_for_token)(raw_token)
        if user_id is None:
            await self.close(code=4401)
            return
        try:
            clinic_id = uuid.UUID((query.get("clinic") or [""])[0])
        except ValueError:
            await self.close(code=4404)
            return
        membership = await database_sync_to_async(_membership)(user_id, clinic_id)
        if membership is None:
            await self.close(code=4404)
            return
        self.group = clinic_group(clinic_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept(subprotocol=subprotocol)

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def clinic_event(self, message: dict[str, Any]) -> None:
        await self.send_json(message["event"])


def _user_id_for_token(raw: str) -> uuid.UUID | None:
    from accounts.authentication import user_id_from_access_token

    return user_id_from_access_token(raw)


def _membership(user_id: uuid.UUID, clinic_id: uuid.UUID) -> Any:
    from accounts.selectors import membership_active_get

    return membership_active_get(user_id=user_id, clinic_id=clinic_id)
