"""Edits behind the application's back, as an attacker with database access would make
them: raw SQL with the append-only trigger switched off for this connection."""

from __future__ import annotations

import pgtrigger
from django.db import connection

from audit.models import AuditEvent

APPEND_ONLY = "audit.AuditEvent:append_only"


def _pk(event: AuditEvent) -> object:
    return AuditEvent._meta.pk.get_db_prep_value(event.pk, connection)


def raw_update(event: AuditEvent, column: str, value: object) -> None:
    with pgtrigger.ignore(APPEND_ONLY), connection.cursor() as cursor:
        cursor.execute(f"UPDATE compliance_auditevent SET {column} = %s WHERE id = %s", [value, _pk(event)])  # noqa: S608


def raw_delete(event: AuditEvent) -> None:
    with pgtrigger.ignore(APPEND_ONLY), connection.cursor() as cursor:
        cursor.execute("DELETE FROM compliance_auditevent WHERE id = %s", [_pk(event)])
