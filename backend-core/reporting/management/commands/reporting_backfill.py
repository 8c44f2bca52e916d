"""``manage.py reporting_backfill [--days N] [--clinic ID]``: rebuild the dashboard's
daily figures of the last N days (clinic-local; default 400) of every clinic or one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from accounts.models import Clinic
from reporting.services import daily_figures_backfill


class Command(BaseCommand):
    help = "Rebuild the dashboard's daily figures of the last N days (every clinic, or --clinic)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=400, help="Days before today to rebuild (default 400)."
        )
        parser.add_argument("--clinic", help="Only this clinic (its id).")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["days"] < 1:
            raise CommandError("--days must be at least 1.")
        clinics = Clinic.objects.all()
        if options["clinic"]:
            clinics = clinics.filter(pk=options["clinic"])
            if not clinics.exists():
                raise CommandError(f"No clinic {options['clinic']}.")
        for clinic in clinics.order_by("name"):
            today = clinic.today()
            written = daily_figures_backfill(
                clinic=clinic, start=today - dt.timedelta(days=options["days"]), end=today
            )
            self.stdout.write(f"{clinic.name}: {written} daily rows.")
