"""``manage.py demo_data``: load the demo clinics and print how to sign in to them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from core.exceptions import ApplicationError
from demo.appointments import FUTURE_DAYS, HISTORY_DAYS
from demo.builders import DEMO_PASSWORD, PATIENTS_PER_CLINIC, demo_build
from demo.shapes import DemoReport, Login

TWO_FACTOR_NOTE = (
    "Roles marked TOTP (owner, admin, doctor, nurse) must enrol an authenticator app at their first\n"
    "sign-in (POST /api/v1/auth/2fa/totp, then .../confirm); until then the API refuses them clinic data."
)


class Command(BaseCommand):
    help = (
        "Load demo data: Lumière Aesthetic Group (Bangkok, São Paulo) and Noor Medical Aesthetics "
        f"(Riyadh), with staff in every role, catalogs, {PATIENTS_PER_CLINIC} patients per clinic, "
        f"working hours, a year of appointments and the coming {FUTURE_DAYS} days at a busy clinic's "
        "occupancy, sales and commission rules. "
        f"Every staff account's password is {DEMO_PASSWORD}. Safe to run again: existing demo "
        "organizations are left as they are."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--history-days",
            type=int,
            default=HISTORY_DAYS,
            help=f"Days of past appointments (default {HISTORY_DAYS}; the browser tests load fewer).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["history_days"] < 1:
            raise CommandError("--history-days must be at least 1.")
        try:
            report = demo_build(history_days=options["history_days"])
        except ApplicationError as exc:
            raise CommandError(f"Demo data was not loaded: {exc.detail} {exc.errors}") from exc
        self._summary(report)
        self._logins(report.logins)

    def _summary(self, report: DemoReport) -> None:
        for name in report.already_present:
            self.stdout.write(f"{name}: already present, left unchanged.")
        for clinic in report.built:
            self.stdout.write(
                self.style.SUCCESS(f"Built {clinic.name}")
                + f": {clinic.staff} staff, {clinic.services} services in {clinic.currency},"
                f" {clinic.patients} patients, {clinic.consents} consent decisions."
            )
            calendar = clinic.calendar
            self.stdout.write(
                self.style.SUCCESS(f"Scheduled {clinic.name}")
                + f": {calendar.rooms} rooms, hours for {calendar.practitioners} practitioners,"
                f" {calendar.past} past appointments ({calendar.no_shows} no-shows),"
                f" {calendar.upcoming} upcoming, {calendar.cancelled} cancelled;"
                f" the coming {FUTURE_DAYS} days {calendar.occupancy:.0%} booked."
            )
            sold = clinic.commerce
            self.stdout.write(
                self.style.SUCCESS(f"Stocked {clinic.name}")
                + f": {sold.products} products in {sold.lots} lots, {sold.courses} courses,"
                f" {sold.sales} sales over a year ({sold.refunds} refunds),"
                f" {sold.redemptions} course sessions used."
            )
            commissions = clinic.commissions
            self.stdout.write(
                self.style.SUCCESS(f"Commissions of {clinic.name}")
                + f": {commissions.rules} rules, {commissions.sales} sales computed,"
                f" {commissions.logs} commission logs."
            )
            clinical = clinic.clinical
            self.stdout.write(
                self.style.SUCCESS(f"Charted {clinic.name}")
                + f": {clinical.visits} visits, {clinical.notes} signed notes, {clinical.consent_forms}"
                f" consent forms, {clinical.photos} photos, {clinical.face_charts} face charts,"
                f" {clinical.plans} treatment plans."
            )

    def _logins(self, logins: tuple[Login, ...]) -> None:
        header = ("Clinic", "Role", "Name", "Phone (E.164)", "Password", "2FA")
        rows = [
            (row.clinic, row.role, row.name, row.phone, DEMO_PASSWORD, "TOTP" if row.two_factor else "")
            for row in logins
        ]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

        def line(cells: tuple[str, ...]) -> str:
            return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Demo sign-ins (mobile number + password)"))
        self.stdout.write(line(header))
        self.stdout.write(line(tuple("-" * width for width in widths)))
        for row in rows:
            self.stdout.write(line(row))
        self.stdout.write("")
        self.stdout.write(TWO_FACTOR_NOTE)
