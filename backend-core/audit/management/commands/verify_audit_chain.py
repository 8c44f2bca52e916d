"""``manage.py verify_audit_chain [--clinic UUID]``: check the audit trail's hash chains.

Prints one line per clinic and exits with status 1 when any chain is broken (0 when
every chain is intact), so it can run from cron or CI and alert.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from audit.selectors import audit_chain_verify


class Command(BaseCommand):
    help = "Recompute the audit trail's hash chains and report the first broken link of each clinic."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--clinic", help="Check only this clinic (its UUID).")

    def handle(self, *args: Any, **options: Any) -> None:
        clinic_id = None
        if options["clinic"]:
            try:
                clinic_id = uuid.UUID(options["clinic"])
            except ValueError as exc:
                raise CommandError(f"--clinic must be a clinic UUID, not {options['clinic']!r}.") from exc
        reports = audit_chain_verify(clinic_id=clinic_id)
        broken = [report for report in reports if not report.intact]
        for report in reports:
            if report.first_break is None:
                self.stdout.write(
                    f"clinic {report.clinic_id}: {report.events} events, intact, head {report.head_hash}"
                )
            else:
                self.stderr.write(f"BROKEN {report.first_break}")
        if broken:
            raise CommandError(
                f"The audit trail of {len(broken)} clinic(s) has been tampered with or damaged.",
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS(f"{len(reports)} clinic chain(s) intact."))
