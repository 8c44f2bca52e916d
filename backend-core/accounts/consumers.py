"""WebSocket endpoint for a clinic's live events, held to the rules of the REST API.

Connect to ``/ws/clinic/?clinic=<clinic uuid>`` with the access token either in the
``token`` query parameter or as the second WebSocket sub-protocol (``["bearer", <jwt>]``;
browsers cannot set an Authorization header on a WebSocket).

The socket is authenticated by the same function as a REST request
(``accounts.authentication.session_authenticate``) and admitted by the same rules: an
active membership at the clinic and, for ``TWO_FACTOR_ROLES``, a session that passed the
second factor. Before every event the session and the membership are read again and the
event is filtered by the member's current role (``core.realtime.event_for_member``), so
a role change, a deactivation, the idle timeout or the end of the session takes effect
on the next event at the latest. A session that ends (logout, password change or reset,
reuse, deactivation) also closes its sockets at once: they are in the session's group
and get ``{"type": "session.ended", "reason": <code>}``.

Close codes: 4401 no, invalid or ended session (the client renews its token once, then
signs in again); 4403 the role needs two-factor authentication this session lacks;
4404 not an active member of that clinic (the same for a clinic that does not exist).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from accounts.authentication import SessionEnded, session_authenticate, session_check
from accounts.selectors import membership_active_get
from core.exceptions import TwoFactorRequired
from core.permissions import member_two_factor_check
from core.realtime import clinic_group, event_for_member, session_group

UNAUTHENTICATED, TWO_FACTOR_REQUIRED, NOT_A_MEMBER = 4401, 4403, 4404


class _Refused(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(reason)
        self.code, self.reason = code, reason


@dataclass(frozen=True)
class _Access:
    user_id: str
    session_id: str
    clinic_id: uuid.UUID
    otp_verified: bool


class ClinicEventsConsumer(AsyncJsonWebsocketConsumer):
    access: _Access | None = None

    async def connect(self) -> None:
        query = parse_qs(self.scope.get("query_string", b"").decode())
        protocols = self.scope.get("subprotocols") or []
        raw_token = (query.get("token") or [""])[0]
        subprotocol = None
        if not raw_token and len(protocols) == 2 and protocols[0] == "bearer":
            raw_token, subprotocol = protocols[1], "bearer"
        try:
            self.access = await database_sync_to_async(_admit)(raw_token, (query.get("clinic") or [""])[0])
        except _Refused as refused:
            await self.close(code=refused.code)
            return
        await self.channel_layer.group_add(clinic_group(self.access.clinic_id), self.channel_name)
        await self.channel_layer.group_add(session_group(self.access.session_id), self.channel_name)
        await self.accept(subprotocol=subprotocol)

    async def disconnect(self, code: int) -> None:
        if self.access is not None:
            await self.channel_layer.group_discard(clinic_group(self.access.clinic_id), self.channel_name)
            await self.channel_layer.group_discard(session_group(self.access.session_id), self.channel_name)
            self.access = None

    async def clinic_event(self, message: dict[str, Any]) -> None:
        access = self.access
        if access is None:
            return
        try:
            role = await database_sync_to_async(_recheck)(access)
        except _Refused as refused:
            await self._end(refused)
            return
        event = event_for_member(message["event"], role=role, user_id=access.user_id)
        if event is not None:
            await self.send_json(event)

    async def session_ended(self, message: dict[str, Any]) -> None:
        await self._end(_Refused(UNAUTHENTICATED, str(message.get("reason", "session_revoked"))))

    async def _end(self, refused: _Refused) -> None:
        if refused.code == UNAUTHENTICATED:
            await self.send_json({"type": "session.ended", "reason": refused.reason})
        await self.disconnect(refused.code)
        await self.close(code=refused.code)


def _member_role(access: _Access) -> str:
    membership = membership_active_get(user_id=uuid.UUID(access.user_id), clinic_id=access.clinic_id)
    if membership is None:
        raise _Refused(NOT_A_MEMBER, "not_a_member")
    try:
        member_two_factor_check(role=membership.role, otp_verified=access.otp_verified)
    except TwoFactorRequired as exc:
        raise _Refused(TWO_FACTOR_REQUIRED, exc.code) from exc
    return str(membership.role)


def _admit(raw_token: str, raw_clinic: str) -> _Access:
    """The socket's session and clinic, as a REST request would be admitted."""
    try:
        session = session_authenticate(raw_token)
    except SessionEnded as exc:
        raise _Refused(UNAUTHENTICATED, str(exc.get_codes())) from exc
    try:
        clinic_id = uuid.UUID(raw_clinic)
    except ValueError as exc:
        raise _Refused(NOT_A_MEMBER, "not_a_member") from exc
    access = _Access(
        user_id=str(session.user.pk),
        session_id=str(session.family.pk),
        clinic_id=clinic_id,
        otp_verified=session.otp_verified,
    )
    _member_role(access)
    return access


def _recheck(access: _Access) -> str:
    """The member's current role if the session and membership still hold."""
    try:
        session_check(access.session_id)
    except SessionEnded as exc:
        raise _Refused(UNAUTHENTICATED, str(exc.get_codes())) from exc
    return _member_role(access)
