"""Role-based masking of personal data in API responses (PDPA s37 security measures and
LGPD Art. 6 III necessity: staff see only the personal data their work needs).

``FULL_VIEW`` is the one rule table: for each kind of personal data, the roles that see
it in full. Everyone else, and any rendering without a clinic membership, gets the mask.
``PDPAMaskingField`` applies the table in serializers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import phonenumbers
from rest_framework import serializers

from core.roles import Role

_FULL = frozenset({Role.OWNER, Role.ADMIN, Role.DOCTOR, Role.NURSE})

FULL_VIEW: Mapping[str, frozenset[Role]] = {
    "phone": _FULL,
    "email": _FULL,
    "national_id": _FULL,
    "address": _FULL,
}


# Model fields holding each kind of personal data (the last part of a lookup path such as
# ``profile__phone``): search and ordering by them follow the same table.
PERSONAL_DATA_FIELDS: Mapping[str, str] = {
    "phone": "phone",
    "phone_alt": "phone",
    "email": "email",
    "national_id": "national_id",
    "national_id_hash": "national_id",
    "address": "address",
}


def sees_in_full(role: str | None, kind: str) -> bool:
    """True when ``role`` reads ``kind`` (a ``FULL_VIEW`` key) unmasked. A role that sees a
    kind masked may not search it by fragments or order by it either: answers to
    "which numbers contain 5550" or "which comes first" recover a masked value digit by
    digit, so for it such searches match whole values only and ordering is refused."""
    return role is not None and role in FULL_VIEW[kind]


@functools.lru_cache(maxsize=4096)
def format_phone(e164: str, *, region: str | None) -> str:
    """How staff read a number: national form for numbers of the clinic's country with
    hyphens between digit groups (``+66815550101`` in Thailand → ``081-555-0101``),
    international form otherwise. Remembered for the last 4096 numbers and regions: a
    list of patients formats the same numbers page after page, and parsing one takes
    libphonenumber a tenth of a millisecond."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    same_country = region is not None and phonenumbers.region_code_for_number(number) == region
    style = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if same_country
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return re.sub(r"(?<=\d) (?=\d)", "-", phonenumbers.format_number(number, style))


def mask_phone(display: str) -> str:
    """Keep the first three and last four digits: ``081-555-0101`` → ``081-XXX-0101``."""
    total = sum(c.isdigit() for c in display)
    seen, out = 0, []
    for char in display:
        if char.isdigit():
            seen += 1
            out.append(char if seen <= 3 or seen > total - 4 else "X")
        else:
            out.append(char)
    return "".join(out)


def mask_national_id(value: str) -> str:
    """Only the last four characters: ``1101700230708`` → ``XXXXXXXXX0708``."""
    return "X" * max(len(value) - 4, 0) + value[-4:]


def mask_email(value: str) -> str:
    """First letter and the domain: ``ploy.s@example.com`` → ``p***@example.com``."""
    local, _, domain = value.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def mask_address(value: str) -> str:
    """Only the last part (city, postcode): ``12 Sukhumvit 39, Bangkok 10110`` →
    ``***, Bangkok 10110``."""
    parts = [p.strip() for p in re.split(r"[,\n]", value) if p.strip()]
    return f"***, {parts[-1]}" if len(parts) > 1 else "***"


MASKS: Mapping[str, Callable[[str], str]] = {
    "phone": mask_phone,
    "email": mask_email,
    "national_id": mask_national_id,
    "address": mask_address,
}


class PDPAMaskingField(serializers.CharField):
    """Read-only field rendering personal data in full or masked by the requesting
    user's role in the request's clinic (``FULL_VIEW``). ``kind`` is one of
    ``FULL_VIEW``'s keys; phones are first formatted for the clinic's country."""

    def __init__(self, *, kind: str, **kwargs: Any) -> None:
        if kind not in FULL_VIEW:
            raise ValueError(f"unknown personal-data kind {kind!r}")
        self.kind = kind
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> str:
        text = str(value or "")
        if not text:
            return ""
        request = self.context.get("request")
        clinic = getattr(request, "clinic", None)
        if self.kind == "phone":
            text = format_phone(text, region=getattr(clinic, "country", None))
        membership = getattr(request, "membership", None)
        if sees_in_full(getattr(membership, "role", None), self.kind):
            return text
        return MASKS[self.kind](text)
