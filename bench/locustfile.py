"""The clinic's day as locust users: the front desk, doctors and cashiers in the
proportions of a clinic (six, three and one in ten), each waiting a human's moment between
actions. ``bench/load.py`` starts it; it reads its plan (server, tokens, ids) from the JSON
file named by ``AESTHETIX_LOAD_PLAN``.

Every request is named by what it does (not by its URL with ids), so the statistics are
per endpoint. A booking of a time already taken (409) is the answer a real desk gets and
counts as a success; every other answer but a 2xx counts as a failure.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import zoneinfo
from pathlib import Path
from typing import Any

from locust import HttpUser, between, task

PLAN: dict[str, Any] = json.loads(Path(os.environ["AESTHETIX_LOAD_PLAN"]).read_text())
ZONE = zoneinfo.ZoneInfo(PLAN["time_zone"])
DAY = dt.date.fromisoformat(PLAN["day"])
SEARCHES = ("somchai", "name1", "name2", "sri", "name33")


class ClinicUser(HttpUser):
    abstract = True
    role = ""
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        self.client.headers.update(
            {
                "Authorization": f"Bearer {PLAN['tokens'][self.role]}",
                "X-Clinic-Id": PLAN["clinic_id"],
                "Accept-Language": "en",
            }
        )

    def day(self) -> str:
        return str(DAY + dt.timedelta(days=random.randrange(PLAN["days"])))  # noqa: S311

    def patient(self) -> str:
        return str(random.choice(PLAN["patient_ids"]))  # noqa: S311

    def calendar_day(self) -> None:
        day = self.day()
        self.client.get(
            "/api/v1/calendar/appointments/range",
            params={"date_from": day, "date_to": day},
            name="calendar day",
        )


class FrontDesk(ClinicUser):
    """Looks at the day, finds patients, checks free times and books."""

    role = "receptionist"
    weight = 6

    @task(5)
    def calendar(self) -> None:
        self.calendar_day()

    @task(3)
    def search(self) -> None:
        self.client.get("/api/v1/patients", params={"q": random.choice(SEARCHES)}, name="patient search")  # noqa: S311

    @task(2)
    def availability(self) -> None:
        day = self.day()
        self.client.get(
            "/api/v1/calendar/appointments/availability",
            params={"service": PLAN["service_id"], "date_from": day, "date_to": day},
            name="availability",
        )

    @task(1)
    def book(self) -> None:
        day = DAY + dt.timedelta(days=random.randrange(PLAN["days"]))  # noqa: S311
        starts = dt.datetime.combine(day, dt.time(random.randrange(8, 19), random.choice((0, 30))), ZONE)  # noqa: S311
        body = {
            "patient_id": self.patient(),
            "practitioner_id": random.choice(PLAN["practitioner_ids"]),  # noqa: S311
            "service_id": PLAN["service_id"],
            "starts_at": starts.isoformat(),
        }
        with self.client.post(
            "/api/v1/calendar/appointments", json=body, name="book", catch_response=True
        ) as answer:
            if answer.status_code in (201, 409):  # a taken time is the desk's everyday answer
                answer.success()
            else:
                answer.failure(f"{answer.status_code}: {answer.text[:200]}")

    @task(1)
    def me(self) -> None:
        self.client.get("/api/v1/users/me", name="users/me")


class Doctor(ClinicUser):
    """Reads the day's list and the charts and treatment sessions of patients."""

    role = "doctor"
    weight = 3

    @task(2)
    def calendar(self) -> None:
        self.calendar_day()

    @task(3)
    def chart(self) -> None:
        self.client.get(f"/api/v1/clinic/charts/{self.patient()}", name="chart")

    @task(2)
    def sessions(self) -> None:
        self.client.get("/api/v1/clinic/sessions", params={"patient": self.patient()}, name="sessions")


class Cashier(ClinicUser):
    """Looks through invoices and a patient's course balances."""

    role = "cashier"
    weight = 1

    @task(3)
    def invoices(self) -> None:
        self.client.get("/api/v1/commerce/invoices", name="invoices")

    @task(1)
    def balances(self) -> None:
        self.client.get(
            "/api/v1/commerce/course-balances", params={"patient": self.patient()}, name="course balances"
        )

    @task(1)
    def me(self) -> None:
        self.client.get("/api/v1/users/me", name="users/me")
