"""The PostgreSQL role the application runs as: rows yes, schema no.

Migrations run as the owner of the tables (``DATABASE_MIGRATE_URL`` in the README's
Profiles). The servers and workers connect as another role (``DATABASE_URL``) that
:func:`database_app_role_grant` sets up: it may SELECT, INSERT, UPDATE and DELETE rows
and use sequences, and nothing else. PostgreSQL lets only a table's owner (or a
superuser) ALTER it, ENABLE/DISABLE or DROP its triggers, and only holders of the
TRUNCATE privilege truncate it, so an injected statement or a stolen application
password cannot switch off the audit triggers, alter tables, or wipe a table past its
DELETE triggers. Default privileges give the role the same rights on every table the
owner's later migrations create.

On top of that, the operations an unconditional ``pgtrigger.Protect`` trigger forbids
(the audit trail and the history tables: UPDATE and DELETE; clinical notes: DELETE) are
revoked from the role: pgtrigger lets any session skip its triggers with
``SET pgtrigger.ignore``, and without the privilege there is nothing to skip to. One
exception, for the right to erasure (``compliance.services.history_redact``): the role
may UPDATE the snapshot columns of the history tables (never their ``pgh_*`` columns,
which say what changed, when and in which context), so an erasure can blank what it
erases in the history rows; it can still delete none of them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pgtrigger
from django.apps import apps
from django.db import connections
from psycopg import sql

ROW_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE")
_REVOCABLE = {"INSERT", "UPDATE", "DELETE"}


class DatabaseRoleError(Exception):
    """The role cannot be used as the application role (it is a superuser, owns
    tables, or is the role running the command)."""


@dataclass(frozen=True)
class AppRoleGrant:
    role: str
    created: bool
    tables: int
    revoked: dict[str, tuple[str, ...]]


def protected_operations() -> dict[str, tuple[str, ...]]:
    """``{table: (operation, …)}`` every unconditional ``pgtrigger.Protect`` trigger of
    the installed models forbids (INSERT, UPDATE, DELETE)."""
    found: dict[str, set[str]] = {}
    for model in apps.get_models():
        for trigger in getattr(model._meta, "triggers", ()):
            protect = isinstance(trigger, pgtrigger.Protect) and trigger.operation is not None
            if not protect or trigger.condition is not None:
                continue
            names = {str(operation) for operation in trigger.operation}
            found.setdefault(model._meta.db_table, set()).update(names & _REVOCABLE)
    return {table: tuple(sorted(ops)) for table, ops in sorted(found.items()) if ops}


def history_redactable_columns() -> dict[str, tuple[str, ...]]:
    """``{history table: (snapshot column, …)}`` of every django-pghistory event model:
    the columns an erasure may blank (all but the record's ``id`` and the ``pgh_*``
    bookkeeping columns)."""
    from pghistory.models import Event

    return {
        model._meta.db_table: tuple(
            field.column
            for field in model._meta.concrete_fields
            if field.column != "id" and not field.column.startswith("pgh_")
        )
        for model in apps.get_models()
        if issubclass(model, Event) and not model._meta.proxy and model._meta.managed
    }


def database_app_role_grant(
    *, role: str, password: str | None = None, using: str = "default"
) -> AppRoleGrant:
    """Create ``role`` (LOGIN, no superuser, no CREATEDB/CREATEROLE, no BYPASSRLS) when
    it does not exist, set its ``password`` when one is given, and grant it row access
    to every table of the ``public`` schema, now and for the tables the connected role
    creates later. Idempotent; run it as the tables' owner after ``migrate``.

    Raises :class:`DatabaseRoleError` when ``role`` is the connected role, a superuser,
    or owns a relation of the schema (it could then alter it)."""
    connection = connections[using]
    ident = sql.Identifier(role)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_user, current_database()")
        current_user, database = cursor.fetchone()
        if current_user == role:
            raise DatabaseRoleError(f"run this as the owner of the tables, not as {role}")
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role])
        row = cursor.fetchone()
        created = row is None
        attributes = sql.SQL("LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS")
        if created:
            statement = sql.SQL("CREATE ROLE {} {}").format(ident, attributes)
            if password:
                statement = sql.SQL("{} PASSWORD {}").format(statement, sql.Literal(password))
            cursor.execute(statement)
        else:
            if row[0]:
                raise DatabaseRoleError(f"{role} is a superuser: it could disable triggers and alter tables")
            if password:
                cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(ident, sql.Literal(password)))
        cursor.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = %s",
            [role],
        )
        if cursor.fetchone()[0]:
            raise DatabaseRoleError(f"{role} owns tables of the schema: it could alter them")
        rows = sql.SQL(", ").join(sql.SQL(p) for p in ROW_PRIVILEGES)
        for statement in (
            sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(sql.Identifier(database), ident),
            sql.SQL("GRANT USAGE ON SCHEMA public TO {}").format(ident),
            sql.SQL("GRANT {} ON ALL TABLES IN SCHEMA public TO {}").format(rows, ident),
            sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {}").format(ident),
            sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT {} ON TABLES TO {}").format(rows, ident),
            sql.SQL(
                "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {}"
            ).format(ident),
            # Migrations are recorded by the owner; the application only reads them.
            sql.SQL("REVOKE INSERT, UPDATE, DELETE ON django_migrations FROM {}").format(ident),
        ):
            cursor.execute(statement)
        revoked = protected_operations()
        for table, operations in revoked.items():
            cursor.execute(
                sql.SQL("REVOKE {} ON {} FROM {}").format(
                    sql.SQL(", ").join(sql.SQL(op) for op in operations), sql.Identifier(table), ident
                )
            )
        for table, columns in history_redactable_columns().items():
            cursor.execute(
                sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(
                    sql.SQL(", ").join(sql.Identifier(column) for column in columns),
                    sql.Identifier(table),
                    ident,
                )
            )
        cursor.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
            "AND has_table_privilege(%s, format('%%I.%%I', schemaname, tablename), 'SELECT')",
            [role],
        )
        tables = cursor.fetchone()[0]
    return AppRoleGrant(role=role, created=created, tables=tables, revoked=revoked)
