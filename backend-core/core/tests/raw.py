"""Read columns as the database stores them, past the ORM's conversions (decryption)."""

from __future__ import annotations

from typing import Any

from django.db import connection, models


def stored_value(model: type[models.Model], pk: Any, column: str) -> Any:
    """The raw content of ``column`` in ``model``'s row ``pk``, read with a cursor."""
    table = connection.ops.quote_name(model._meta.db_table)
    name = connection.ops.quote_name(column)
    key = model._meta.pk.get_db_prep_value(pk, connection)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {name} FROM {table} WHERE id = %s", [key])  # noqa: S608  # quoted names
        row = cursor.fetchone()
    assert row is not None, f"no {model._meta.label} row {pk}"
    return row[0]
