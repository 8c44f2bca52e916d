"""``manage.py reencrypt_fields``: rewrite every encrypted column with the newest key.

The key-rotation step between "put the new key first in FIELD_ENCRYPTION_KEYS" and
"remove the old key" (see ``core/settings/crypto.py``). Safe to run again and to
interrupt: every row stays readable with the configured keys throughout.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS

from core.crypto import DecryptionError, encrypted_models, reencrypt_model


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted model field (found across the installed apps) with the newest key "
        "of FIELD_ENCRYPTION_KEYS, in batches of one transaction each, and report the rows per model."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Count the rows that would be rewritten; write nothing."
        )
        parser.add_argument("--batch-size", type=int, default=500, help="Rows per transaction (500).")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias (default).")

    def handle(self, *args: Any, dry_run: bool, batch_size: int, database: str, **options: Any) -> None:
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        verb = "would be re-encrypted" if dry_run else "re-encrypted"
        for model, field_names in encrypted_models():
            try:
                count = reencrypt_model(
                    model, field_names=field_names, batch_size=batch_size, using=database, dry_run=dry_run
                )
            except DecryptionError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"{model._meta.label}: {count} rows {verb} ({', '.join(field_names)})")
