"""Concurrent bookings against the real ASGI app: one winner per contested slot, no 5xx.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, opens a clinic with practitioners (hours 09:00-18:00
every day), a 30-minute service, one patient per request and a receptionist, and starts
the app with uvicorn on 127.0.0.1 (an ephemeral port) in a process of its own. It then
fires POST /api/v1/calendar/appointments as the receptionist in rounds, all requests of a
round at once (``--concurrency`` connections): in every round several slots are each
wanted by many requests (same practitioner, start times equal or 15 minutes apart, so
every two of them overlap), the rest of the round asks for free slots. It prints 201s
(successes), 409s (conflicts), anything else (errors) and requests per second, checks
that every contested slot got exactly one booking, every free slot its booking, no
response was a 5xx and the database holds exactly the 201s; then stops the server.

    python bench/concurrent_booking.py            # 200 requests in 5 rounds of 40
    python bench/concurrent_booking.py --small    # 40 requests in 2 rounds of 20

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zoneinfo
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
BACKEND_DIR = BENCH_DIR.parent / "backend-core"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_booking"
URL = "/api/v1/calendar/appointments"
SERVER_START_SECONDS = 60
REQUEST_TIMEOUT_SECONDS = 60
ZONE = "Asia/Bangkok"
SERVICE_MINUTES = 30

if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from patient_search import bench_database_url, recreate_database  # noqa: E402


@dataclass(frozen=True)
class Scale:
    """Requests in all; per round: contested slots, requests per contested slot, and
    requests for free slots. ``concurrency`` caps open connections (and so the server's
    threads and database connections)."""

    requests: int
    contested: int
    per_slot: int
    free: int
    practitioners: int
    concurrency: int

    @property
    def round_size(self) -> int:
        return self.contested * self.per_slot + self.free

    @property
    def rounds(self) -> int:
        return max(1, self.requests // self.round_size)


FULL = Scale(requests=200, contested=4, per_slot=8, free=8, practitioners=4, concurrency=32)
SMOKE = Scale(requests=40, contested=2, per_slot=6, free=8, practitioners=2, concurrency=16)


@dataclass(frozen=True)
class Attempt:
    """One booking request: which round, which slot (``contested`` or free) it wants."""

    round: int
    slot: str
    contested: bool
    practitioner: int
    starts_at: dt.datetime
    patient: int


def make_attempts(scale: Scale, first_day: dt.date) -> list[list[Attempt]]:
    """The requests of every round. Round r books local day ``first_day + r``. Contested
    slot c is practitioner c % P from 09:00 + 2 h * (c // P), its requests starting at +0
    or +15 minutes (a 30-minute service: all of them overlap). Free slots are distinct
    practitioner-hours from 14:00. Every request has a patient of its own, so the only
    clash is the practitioner's."""
    zone = zoneinfo.ZoneInfo(ZONE)
    patients = iter(range(scale.rounds * scale.round_size))
    rounds = []
    for r in range(scale.rounds):
        day = first_day + dt.timedelta(days=r)
        attempts = []
        for c in range(scale.contested):
            practitioner = c % scale.practitioners
            base = dt.datetime.combine(day, dt.time(9 + 2 * (c // scale.practitioners)), tzinfo=zone)
            for k in range(scale.per_slot):
                starts = base + dt.timedelta(minutes=15 * (k % 2))
                attempts.append(Attempt(r, f"r{r}-contested{c}", True, practitioner, starts, next(patients)))
        for f in range(scale.free):
            practitioner = f % scale.practitioners
            starts = dt.datetime.combine(day, dt.time(14 + f // scale.practitioners), tzinfo=zone)
            attempts.append(Attempt(r, f"r{r}-free{f}", False, practitioner, starts, next(patients)))
        closing = dt.datetime.combine(day, dt.time(18), tzinfo=zone)
        if any(a.starts_at + dt.timedelta(minutes=SERVICE_MINUTES) > closing for a in attempts):
            raise SystemExit("too many slots for one day: lower --requests per round")
        rounds.append(attempts)
    return rounds


@dataclass
class Results:
    """Status codes per slot and the time the rounds took."""

    scale: Scale
    by_slot: dict[str, Counter[int]] = field(default_factory=dict)
    contested: set[str] = field(default_factory=set)
    seconds: float = 0.0
    samples: list[str] = field(default_factory=list)  # bodies of unexpected answers

    def add(self, attempt: Attempt, status: int, body: str) -> None:
        self.by_slot.setdefault(attempt.slot, Counter())[status] += 1
        if attempt.contested:
            self.contested.add(attempt.slot)
        if status not in (201, 409) and len(self.samples) < 5:
            self.samples.append(f"{status}: {body[:300]}")

    @property
    def statuses(self) -> Counter[int]:
        total: Counter[int] = Counter()
        for counts in self.by_slot.values():
            total.update(counts)
        return total

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def successes(self) -> int:
        return self.statuses[201]

    @property
    def conflicts(self) -> int:
        return self.statuses[409]

    @property
    def errors(self) -> int:
        return self.requests - self.successes - self.conflicts

    @property
    def server_errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status >= 500)

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def problems(self) -> list[str]:
        """What broke the promise: a 5xx, a contested slot with other than one winner, a
        free slot not booked."""
        found = []
        if self.server_errors:
            found.append(f"{self.server_errors} responses were 5xx")
        for slot, counts in sorted(self.by_slot.items()):
            if slot in self.contested and counts[201] != 1:
                found.append(f"contested slot {slot} has {counts[201]} bookings: {dict(counts)}")
            if slot not in self.contested and counts[201] != sum(counts.values()):
                found.append(f"free slot {slot} was not booked: {dict(counts)}")
        return found

    def summary(self) -> str:
        return (
            f"concurrent booking: {self.requests} requests, successes={self.successes} "
            f"conflicts={self.conflicts} errors={self.errors} (5xx={self.server_errors}) "
            f"req/s={self.per_second:.1f} contested slots={len(self.contested)} "
            f"with one booking each={sum(1 for s in self.contested if self.by_slot[s][201] == 1)}"
        )


# ---------------------------------------------------------------------------- database


def _server_env(url: str, var_dir: str) -> dict[str, str]:
    """The environment of this process and of the server: the bench database, no
    persistent connections (ASGI), production checks rather than the test suite's."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DATABASE_CONN_MAX_AGE": "0",
        "DJANGO_SETTINGS_MODULE": "core.settings",
        "AESTHETIX_VAR_DIR": var_dir,
        "LOG_LEVEL": os.environ.get("LOG_LEVEL", "WARNING"),
    }
    env.pop("ZEAL_ENABLED", None)
    return env


def _setup_django(env: dict[str, str]) -> None:
    os.environ.clear()
    os.environ.update(env)
    if str(BACKEND_DIR) not in sys.path:
        sys.path.insert(0, str(BACKEND_DIR))
    import django

    django.setup()


@dataclass
class Clinic:
    """What the requests need: ids, and the receptionist's access token."""

    clinic_id: str
    service_id: str
    practitioner_ids: list[str]
    patient_ids: list[str]
    token: str


def _create_clinic(scale: Scale) -> Clinic:
    """A clinic with practitioners working 09:00-18:00 every day, a 30-minute service,
    one patient per request and a receptionist signed in (token as after sign-in)."""
    return bench_clinic(
        "Bench Booking", practitioners=scale.practitioners, patients=scale.rounds * scale.round_size
    )


def bench_clinic(
    name: str,
    *,
    practitioners: int,
    patients: int,
    hours: tuple[int, int] = (9, 18),
    given_name: Callable[[int], str] = lambda n: f"Patient{n}",
) -> Clinic:
    """A Bangkok clinic ``name`` with ``practitioners`` doctors working ``hours`` (local
    hours, start and end) every day, a 30-minute consultation, ``patients`` patients
    (``given_name(n)``, Thai mobile numbers) and a receptionist signed in (token as after
    sign-in). Shared by the benchmarks that drive the API as the front desk."""
    from decimal import Decimal

    from accounts.tests.factories import ClinicFactory, MembershipFactory, tokens_for
    from catalog.models import Service
    from core.roles import Role
    from django.contrib.auth.hashers import make_password
    from patients.tests.factories import ClinicPatientFactory
    from scheduling.models import StaffSchedule

    clinic = ClinicFactory(name=name, time_zone=ZONE)
    doctors = [
        MembershipFactory(clinic=clinic, role=Role.DOCTOR, user__password=make_password(None)).user
        for _ in range(practitioners)
    ]
    receptionist = MembershipFactory(
        clinic=clinic, role=Role.RECEPTIONIST, user__password=make_password(None)
    ).user
    service = Service.unscoped.create(
        clinic=clinic,
        name="Consultation",
        category=Service.Category.CONSULTATION,
        price=Decimal("50.00"),
        currency=clinic.currency,
        duration_minutes=SERVICE_MINUTES,
    )
    StaffSchedule.unscoped.bulk_create(
        StaffSchedule(
            clinic=clinic,
            practitioner=user,
            weekday=day,
            start_time=dt.time(hours[0]),
            end_time=dt.time(hours[1]),
        )
        for user in doctors
        for day in range(7)
    )
    rows = [
        ClinicPatientFactory(
            clinic=clinic,
            profile__given_name=given_name(n),
            profile__phone=f"+6682{n:07d}",
            profile__email="",
            chart_number=f"HN{n + 1:06d}",
        )
        for n in range(patients)
    ]
    return Clinic(
        clinic_id=str(clinic.pk),
        service_id=str(service.pk),
        practitioner_ids=[str(user.pk) for user in doctors],
        patient_ids=[str(p.pk) for p in rows],
        token=str(tokens_for(receptionist).access),
    )


def _stored(clinic: Clinic) -> tuple[int, int]:
    """Active appointments in the database, and how many pairs of them overlap for the
    same practitioner (must be none)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM scheduling_appointment WHERE clinic_id = %s AND status = 'booked'",
            [clinic.clinic_id],
        )
        (count,) = cursor.fetchone()
        cursor.execute(
            "SELECT count(*) FROM scheduling_appointment a JOIN scheduling_appointment b "
            "ON a.practitioner_id = b.practitioner_id AND a.id < b.id "
            "AND a.starts_at < b.blocked_until AND b.starts_at < a.blocked_until "
            "WHERE a.clinic_id = %s",
            [clinic.clinic_id],
        )
        (overlaps,) = cursor.fetchone()
    return int(count), int(overlaps)


# ---------------------------------------------------------------------------- server


@dataclass
class Server:
    """uvicorn serving core.asgi in a process of its own; ``lines`` is its output."""

    process: subprocess.Popen[str]
    base_url: str
    lines: list[str]

    def error_lines(self, n: int = 30) -> str:
        """The last ``n`` lines of its output other than INFO and WARNING records (the
        409s are warnings), so that a 5xx's traceback is what shows."""
        quiet = ('"level": "INFO"', '"level": "WARNING"', "INFO:")
        return "\n".join([line for line in self.lines if not any(q in line for q in quiet)][-n:])


@contextmanager
def _server(env: dict[str, str], *, workers: int = 1) -> Iterator[Server]:
    """Start uvicorn on 127.0.0.1 with ``workers`` worker processes, port chosen by the
    system (read back from its log), and stop it (SIGINT, then SIGKILL after 10 s) on the
    way out."""
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "core.asgi:application", "--host", "127.0.0.1", "--port", "0",
         "--workers", str(workers), "--no-access-log", "--log-level", "info", "--lifespan", "off"],
        cwd=BACKEND_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip
    lines: list[str] = []
    found: queue.Queue[str] = queue.Queue()

    def drain() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip())
            match = re.search(r"running on http://127\.0\.0\.1:(\d+)", line)
            if match:
                found.put(match[1])

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        try:
            port = found.get(timeout=SERVER_START_SECONDS)
        except queue.Empty:
            raise SystemExit(
                "uvicorn did not start in time:\n" + "\n".join(lines[-30:])
            ) from None  # fmt: skip
        yield Server(process, f"http://127.0.0.1:{port}", lines)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        reader.join(timeout=5)


# ---------------------------------------------------------------------------- firing


async def _fire(base_url: str, clinic: Clinic, rounds: Sequence[Sequence[Attempt]], scale: Scale) -> Results:
    """Every round's requests at once (up to ``concurrency`` connections), one round
    after the other; a bounded number of requests, each with a timeout."""
    import httpx

    results = Results(scale)
    headers = {"Authorization": f"Bearer {clinic.token}", "X-Clinic-Id": clinic.clinic_id}
    limits = httpx.Limits(max_connections=scale.concurrency, max_keepalive_connections=scale.concurrency)
    async with httpx.AsyncClient(
        base_url=base_url, headers=headers, limits=limits, timeout=REQUEST_TIMEOUT_SECONDS
    ) as client:
        warm = await client.get(URL, params={"page_size": 1})  # loads the app's modules
        if warm.status_code != 200:
            raise SystemExit(f"GET {URL} answered {warm.status_code}: {warm.text[:300]}")

        async def book(attempt: Attempt) -> tuple[Attempt, int, str]:
            body = {
                "patient_id": clinic.patient_ids[attempt.patient],
                "practitioner_id": clinic.practitioner_ids[attempt.practitioner],
                "service_id": clinic.service_id,
                "starts_at": attempt.starts_at.isoformat(),
            }
            try:
                response = await client.post(URL, json=body)
            except httpx.HTTPError as exc:  # no answer at all counts as an error
                return attempt, 0, repr(exc)
            return attempt, response.status_code, response.text

        started = time.perf_counter()
        for attempts in rounds:
            for attempt, status, text in await asyncio.gather(*(book(a) for a in attempts)):
                results.add(attempt, status, text)
        results.seconds = time.perf_counter() - started
    return results


# ---------------------------------------------------------------------------- run


def run(
    scale: Scale = FULL,
    *,
    server_url: str = DEFAULT_DATABASE_URL,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> Results:
    """Create the bench database, set the clinic up, start the server, fire, stop the
    server, drop the database (unless ``keep``); print as it goes. Raises SystemExit when
    a check fails (after printing the figures). Once per process (Django is set up)."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    out(
        f"concurrent booking benchmark: {scale.rounds * scale.round_size} requests in {scale.rounds} rounds "
        f"of {scale.round_size} ({scale.contested} contested slots x {scale.per_slot} requests + "
        f"{scale.free} free slots), {scale.concurrency} connections"
    )
    recreate_database(server_url, BENCH_DATABASE)
    try:
        with tempfile.TemporaryDirectory(prefix="aesthetix-bench-") as var_dir:
            results = _run(scale, _server_env(url, var_dir), out)
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    out(results.summary())
    problems = results.problems()
    if problems:
        raise SystemExit("FAILED: " + "; ".join(problems))
    return results


def _run(scale: Scale, env: dict[str, str], out: Callable[[str], None]) -> Results:
    _setup_django(env)
    from django.core.management import call_command

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    clinic = _create_clinic(scale)
    out(f"database {BENCH_DATABASE} migrated, clinic set up in {time.perf_counter() - began:.1f} s")
    first_day = dt.datetime.now(tz=zoneinfo.ZoneInfo(ZONE)).date() + dt.timedelta(days=1)
    rounds = make_attempts(scale, first_day)
    began = time.perf_counter()
    with _server(env) as server:
        out(f"uvicorn at {server.base_url}, started in {time.perf_counter() - began:.1f} s")
        results = asyncio.run(_fire(server.base_url, clinic, rounds, scale))
        if results.server_errors:
            out("server errors (last lines):\n" + server.error_lines())
    out("server stopped")
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(results.statuses.items()))
    out(f"status codes: {statuses}; {results.seconds:.2f} s of requests")
    for sample in results.samples:
        out(f"  unexpected answer {sample}")
    stored, overlaps = _stored(clinic)
    out(
        f"checked: {stored} appointments stored for {results.successes} successes, "
        f"{overlaps} overlapping pairs"
    )
    if stored != results.successes or overlaps:
        raise SystemExit(f"FAILED: the database holds {stored} bookings ({overlaps} overlapping)")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="40 requests in 2 rounds: a smoke test")
    parser.add_argument("--requests", type=int, help="requests in all (whole rounds; default 200)")
    parser.add_argument("--concurrency", type=int, help="open connections at most")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    scale = SMOKE if args.small else FULL
    if args.requests or args.concurrency:
        scale = Scale(
            requests=args.requests or scale.requests,
            contested=scale.contested,
            per_slot=scale.per_slot,
            free=scale.free,
            practitioners=scale.practitioners,
            concurrency=args.concurrency or scale.concurrency,
        )
    run(scale, server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
