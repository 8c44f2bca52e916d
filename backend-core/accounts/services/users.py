"""Users: create, update, deactivate."""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services.authentication import user_sessions_end
from accounts.services.passwords import password_validate
from accounts.validators import clean_national_id, clean_phone, national_id_hash
from core.exceptions import FieldErrors, ValidationFailed
from core.services import model_save


def user_create(
    *,
    phone: str,
    password: str,
    given_name: str,
    family_name: str = "",
    email: str = "",
    national_id: str = "",
    national_id_country: str = "",
    preferred_language: str = "en",
) -> User:
    """Create a user who signs in with ``phone`` (any format ``phonenumbers`` parses with
    a country code) and ``password`` (Django's validators: length ≥ 10, not common, not
    all digits, not like the name). Raises ``ValidationFailed`` naming the field."""
    errors = FieldErrors()
    e164 = phone
    with errors.collect():
        e164 = clean_phone(phone)
        if User.objects.filter(phone=e164).exists():
            raise ValidationFailed(errors={"phone": [_("An account with this mobile number exists.")]})
    country = national_id_country.upper()
    compact = digest = ""  # stays empty when refused, so the model does not refuse it twice
    with errors.collect():
        valid = clean_national_id(country=country, value=national_id)
        hashed = national_id_hash(country=country, national_id=valid)
        if valid and User.objects.filter(national_id_country=country, national_id_hash=hashed).exists():
            raise ValidationFailed(errors={"national_id": [_("This national ID is already registered.")]})
        compact, digest = valid, hashed
    user = User(
        phone=e164,
        given_name=given_name,
        family_name=family_name,
        email=email,
        national_id=compact,
        national_id_hash=digest,
        national_id_country=country if compact else "",
        preferred_language=preferred_language,
    )
    with errors.collect():
        password_validate(password, user)
    user.set_password(password)
    model_save(user, errors=errors)
    return user


@transaction.atomic
def user_deactivate(*, user: User) -> User:
    """Disable an account (platform operators, the admin site): it cannot sign in, and
    every session it has ends at once (OWASP ASVS 5.0 V7.4.2)."""
    if user.is_active:
        user.is_active = False
        model_save(user, update_fields=["is_active"])
    user_sessions_end(user=user, reason="deactivated")
    return user


class UserFields(TypedDict, total=False):
    """The parts of their own profile a user changes with ``user_update``."""

    given_name: str
    family_name: str
    email: str
    preferred_language: str
    national_id: str
    national_id_country: str


@transaction.atomic
def user_update(*, user: User, **fields: Unpack[UserFields]) -> User:
    """Update the caller's own profile: names, e-mail, language, national ID."""
    values: dict[str, Any] = dict(fields)
    if "national_id" in values or "national_id_country" in values:
        country = (values.pop("national_id_country", None) or user.national_id_country).upper()
        compact = clean_national_id(country=country, value=values.pop("national_id", user.national_id))
        digest = national_id_hash(country=country, national_id=compact)
        clash = User.objects.filter(national_id_country=country, national_id_hash=digest).exclude(pk=user.pk)
        if compact and clash.exists():
            raise ValidationFailed(errors={"national_id": [_("This national ID is already registered.")]})
        values.update(
            national_id=compact, national_id_hash=digest, national_id_country=country if compact else ""
        )
    for name, value in values.items():
        setattr(user, name, value)
    if values:
        model_save(user, update_fields=list(values))
    return user
