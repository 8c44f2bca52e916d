"""Which fields are personal data too sensitive to copy into audit records, and how
their values are masked there.

An audit trail must say *that* a patient's phone changed and who changed it, but it
must not become a second, un-erasable copy of the phone number: audit rows are
append-only, while the data subject may ask for erasure or rectification (LGPD Art. 18
III and VI; PDPA s33 and s35). So values of these fields are masked before they are
written to ``AuditEvent.changes``, and left out of the trigger-written history rows.
"""

from __future__ import annotations

from typing import Any

from core.logging import mask_pii

# The one list of sensitive field names; the audit service and the history models read it.
SENSITIVE_FIELDS: frozenset[str] = frozenset(
    {
        "phone",
        "phone_alt",
        "email",
        "national_id",
        "national_id_hash",
        "address",
        "notes",
        "password",
        "token_hash",
    }
)

# Masked in the audit trail as well: the trail is hash-chained and can never be rewritten,
# so it must not hold a patient's name either (a name change is recorded as "changed",
# its values "[redacted]"). The row history keeps names (what the database saw) because
# erasure can redact it (compliance.services.history_redact).
AUDIT_MASKED_FIELDS: frozenset[str] = SENSITIVE_FIELDS | {"given_name", "family_name", "search_name"}

REDACTED = "[redacted]"


def mask_value(value: Any) -> Any:
    """The audit form of a sensitive value.

    ``None`` and ``""`` stay as they are (they show a value was set or cleared, and hold
    nothing). Text in which ``core.logging.mask_pii`` finds a phone number, e-mail
    address or national ID is masked the same way logs are (``+6XXXXX50101``,
    ``a***@example.com``); anything else (an address, a short code) becomes
    ``"[redacted]"``. Never returns the value unchanged.
    """
    if value is None or value == "":
        return value
    text = str(value)
    masked = mask_pii(text)
    return masked if masked != text else REDACTED
