"""JWT authentication for the API and WebSockets.

Tokens are SimpleJWT tokens with two extra claims copied from refresh to access token:
``fam`` (the refresh-token family, see ``RefreshTokenFamily``) and ``otp`` (the session
passed the second factor). A revoked family (logout, refresh-token reuse) invalidates its
access tokens at once through a cache flag, not only at expiry.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError
from rest_framework_simplejwt.tokens import AccessToken


def family_revoked_cache_key(family_id: str) -> str:
    return f"jwt:family-revoked:{family_id}"


def access_token_validate(raw: str) -> AccessToken:
    """Validate signature, expiry, type and family; raises ``TokenError``."""
    token = AccessToken(raw)  # type: ignore[arg-type]  # the stubs say Token; it takes the encoded str
    family = token.get("fam")
    if family and cache.get(family_revoked_cache_key(str(family))):
        raise TokenError("Token family has been revoked")
    return token


def user_id_from_access_token(raw: str) -> uuid.UUID | None:
    """The user id of a valid access token, or ``None`` for a missing/invalid one."""
    if not raw:
        return None
    try:
        token = access_token_validate(raw)
        return uuid.UUID(str(token[settings.SIMPLE_JWT["USER_ID_CLAIM"]]))
    except (TokenError, KeyError, ValueError):
        return None


def user_id_from_request(request: HttpRequest) -> uuid.UUID | None:
    """Who is calling, before DRF authenticates: bearer token first, then the session."""
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, raw = header.partition(" ")
        return user_id_from_access_token(raw.strip()) if scheme == "Bearer" else None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return user.pk
    return None


class JWTAuthentication(authentication.JWTAuthentication):
    def get_validated_token(self, raw_token: bytes) -> Any:
        try:
            return access_token_validate(raw_token.decode())
        except TokenError as exc:
            raise InvalidToken({"detail": str(exc), "code": "token_not_valid"}) from exc
