"""``manage.py database_app_role [ROLE]``: the role the servers and workers connect as.

Run it as the owner of the tables (the URL migrations use), after ``migrate``; ``migrate``
itself does the same when ``DATABASE_APP_ROLE`` is set. ROLE defaults to
``DATABASE_APP_ROLE``; the password comes from ``DATABASE_APP_PASSWORD`` when set (not
from the command line, which other users of the machine can see). See
``core/database_roles.py``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections

from core.database_roles import DatabaseRoleError, database_app_role_grant


class Command(BaseCommand):
    help = (
        "Create (or update) the PostgreSQL role the application connects as and grant it row access "
        "(SELECT, INSERT, UPDATE, DELETE) to every table, now and for tables later migrations create. "
        "Run as the owner of the tables; password from DATABASE_APP_PASSWORD."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "role", nargs="?", help="Name of the application's role, e.g. aesthetix_app (DATABASE_APP_ROLE)."
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default).")

    def handle(self, *args: Any, role: str | None, database: str, **options: Any) -> None:
        role = role or settings.DATABASE_APP_ROLE
        if not role:
            raise CommandError("Name the role (or set DATABASE_APP_ROLE).")
        if connections[database].vendor != "postgresql":
            raise CommandError("Database roles exist on PostgreSQL only (set DATABASE_URL).")
        try:
            grant = database_app_role_grant(
                role=role, password=settings.DATABASE_APP_PASSWORD or None, using=database
            )
        except DatabaseRoleError as exc:
            raise CommandError(str(exc)) from exc
        revoked = "; ".join(f"{table}: {', '.join(ops)}" for table, ops in grant.revoked.items())
        self.stdout.write(
            f"{'Created' if grant.created else 'Updated'} role {grant.role}: rows of {grant.tables} tables"
            + (f"; revoked {revoked}" if revoked else "")
        )
