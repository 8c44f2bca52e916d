"""The fixed cost of an authenticated request, and the front desk's reads against it.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, opens a Bangkok clinic with four practitioners working
08:00-20:00 every day, a 30-minute treatment, patients and a receptionist signed in, and
starts the app with uvicorn on 127.0.0.1 (an ephemeral port) in a process of its own.
Then, with httpx from this process:

1. books a day's worth of appointments through the API (the calendar has something to
   show);
2. at one connection, ``/healthz`` (no authentication, no database) against
   ``/api/v1/users/me`` (the authenticated floor: token, session row, membership,
   the user's memberships and second factor): the ratio of their p95s (target <= 2),
   and the server's CPU per request of each (the uvicorn process's user + system time
   over the requests, from ``/proc``; target for ``/users/me`` <= 3 ms);
3. at 10 and at 50 connections, the authenticated floor against one day of the calendar
   (``/api/v1/calendar/appointments/range``), a patient search (``/api/v1/patients?q=``)
   and a day's availability (``/api/v1/calendar/appointments/availability``): the ratio
   of each p95 to the floor's p95 at the same concurrency (target <= 2), and the
   calendar day's requests per second.

Every answer must be a 200 (the run fails otherwise); a request whose connection broke
is counted as an error in its row. Absolute times depend on the
machine and on what else runs; read the ratios, measured in the same run.

    python bench/api_floor.py            # 300 requests per measurement
    python bench/api_floor.py --small    # 40 per measurement: a smoke test

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import sys
import tempfile
import time
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from concurrent_booking import Clinic, _server, _server_env, _setup_django, bench_clinic  # noqa: E402
from patient_search import bench_database_url, percentile, recreate_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_api_floor"
ZONE = "Asia/Bangkok"
REQUEST_TIMEOUT_SECONDS = 60
SERVICE_MINUTES = 30
HEALTH = "/healthz"
FLOOR = "/api/v1/users/me"
TARGET_FLOOR_RATIO = 2.0
TARGET_FLOOR_CPU_MS = 3.0
TARGET_READ_RATIO = 2.0


@dataclass(frozen=True)
class Scale:
    """Requests per measurement, patients in the clinic, concurrency levels of step 3."""

    requests: int
    patients: int
    concurrencies: tuple[int, ...]


FULL = Scale(requests=300, patients=2000, concurrencies=(10, 50))
SMOKE = Scale(requests=40, patients=100, concurrencies=(10,))


@dataclass
class Measured:
    """Latencies (ms) of one endpoint at one concurrency, with the wall time and the
    server's CPU seconds they took, and how many requests got no answer (a broken
    connection)."""

    name: str
    concurrency: int
    samples: list[float] = field(default_factory=list)
    seconds: float = 0.0
    server_cpu_seconds: float = 0.0
    errors: int = 0

    @property
    def p50(self) -> float:
        return percentile(self.samples, 50)

    @property
    def p95(self) -> float:
        return percentile(self.samples, 95)

    @property
    def per_second(self) -> float:
        return len(self.samples) / self.seconds if self.seconds else 0.0

    @property
    def cpu_ms(self) -> float:
        return 1000 * self.server_cpu_seconds / len(self.samples)

    def row(self) -> str:
        return (
            f"  {self.name:<22} c={self.concurrency:<3} p50 {self.p50:7.2f} ms  p95 {self.p95:7.2f} ms  "
            f"{self.per_second:7.1f} req/s  server CPU {self.cpu_ms:5.2f} ms/req  errors {self.errors}"
        )


def _create_clinic(scale: Scale) -> Clinic:
    """Four practitioners working 08:00-20:00 every day, a 30-minute treatment, patients
    (every tenth named Somchai, whom the search looks for) and a receptionist signed in."""
    return bench_clinic(
        "Bench Floor",
        practitioners=4,
        patients=scale.patients,
        hours=(8, 20),
        given_name=lambda n: "Somchai" if n % 10 == 0 else f"Name{n}",
    )


def _process_cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` (Linux ``/proc``), in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _measure(
    client: object, pid: int, name: str, url: str, params: dict[str, str], requests: int, concurrency: int
) -> Measured:
    """``requests`` GETs of ``url`` over ``concurrency`` workers sending back to back."""
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    measured = Measured(name, concurrency)
    left = iter(range(requests))
    failures: list[str] = []

    async def worker() -> None:
        for _ in left:
            began = time.perf_counter()
            try:
                answer = await client.get(url, params=params)
            except httpx.TransportError:  # the connection broke: counted, not timed
                measured.errors += 1
                continue
            measured.samples.append(1000 * (time.perf_counter() - began))
            if answer.status_code != 200:
                failures.append(f"{name}: {answer.status_code} {answer.text[:300]}")

    cpu_before, began = _process_cpu_seconds(pid), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    measured.seconds = time.perf_counter() - began
    measured.server_cpu_seconds = _process_cpu_seconds(pid) - cpu_before
    if failures:
        raise SystemExit(
            f"FAILED: {len(failures)} of {requests} {name} requests at concurrency {concurrency} got no 200, "
            f"e.g. {failures[0]}"
        )
    return measured


async def _book_day(client: object, clinic: Clinic, day: dt.date) -> int:
    """Book every other half hour of ``day`` for each practitioner; returns how many."""
    import httpx

    assert isinstance(client, httpx.AsyncClient)
    zone = zoneinfo.ZoneInfo(ZONE)
    booked = 0
    patients = iter(clinic.patient_ids)
    for practitioner in clinic.practitioner_ids:
        for hour in range(8, 20):
            starts_at = dt.datetime.combine(day, dt.time(hour), zone)
            answer = await client.post(
                "/api/v1/calendar/appointments",
                json={
                    "patient_id": next(patients),
                    "practitioner_id": practitioner,
                    "service_id": clinic.service_id,
                    "starts_at": starts_at.isoformat(),
                },
            )
            if answer.status_code != 201:
                raise SystemExit(f"FAILED: booking answered {answer.status_code}: {answer.text[:300]}")
            booked += 1
    return booked


@dataclass
class Results:
    """Every measurement of the run, in order."""

    measured: list[Measured] = field(default_factory=list)

    def of(self, name: str, concurrency: int) -> Measured:
        return next(m for m in self.measured if m.name == name and m.concurrency == concurrency)

    def ratios(self) -> list[tuple[str, float, float]]:
        """(what, ratio, target) for every target of the module docstring."""
        health, floor1 = self.of("healthz", 1), self.of("users/me", 1)
        rows = [("users/me p95 / healthz p95, c=1", floor1.p95 / health.p95, TARGET_FLOOR_RATIO)]
        rows.append(("users/me server CPU ms/req, c=1", floor1.cpu_ms, TARGET_FLOOR_CPU_MS))
        for measured in self.measured:
            if measured.name in ("healthz", "users/me"):
                continue
            floor = self.of("users/me", measured.concurrency)
            rows.append(
                (f"{measured.name} p95 / users/me p95, c={measured.concurrency}", measured.p95 / floor.p95,
                 TARGET_READ_RATIO)
            )  # fmt: skip
        return rows

    def summary(self) -> str:
        lines = ["latencies (ms), requests per second and server CPU per request:"]
        lines += [m.row() for m in self.measured]
        lines.append("ratios against their targets:")
        for what, value, target in self.ratios():
            verdict = "within target" if value <= target else "OVER target"
            lines.append(f"  {what:<48} {value:6.2f}  (target <= {target:g}: {verdict})")
        return "\n".join(lines)


async def _fire(
    base_url: str, pid: int, clinic: Clinic, scale: Scale, day: dt.date, out: Callable[[str], None]
) -> Results:
    import httpx

    headers = {
        "Authorization": f"Bearer {clinic.token}",
        "X-Clinic-Id": clinic.clinic_id,
        "Accept-Language": "en",
    }
    concurrency_max = max((1, *scale.concurrencies))
    limits = httpx.Limits(max_connections=concurrency_max, max_keepalive_connections=concurrency_max)
    results = Results()
    async with (
        httpx.AsyncClient(
            base_url=base_url, headers=headers, limits=limits, timeout=REQUEST_TIMEOUT_SECONDS
        ) as client,
        httpx.AsyncClient(base_url=base_url, timeout=REQUEST_TIMEOUT_SECONDS) as anonymous,
    ):
        out(f"booked {await _book_day(client, clinic, day)} appointments on {day}")
        reads = {
            "calendar day": (
                "/api/v1/calendar/appointments/range",
                {"date_from": str(day), "date_to": str(day)},
            ),
            "patient search": ("/api/v1/patients", {"q": "somchai"}),
            "availability": (
                "/api/v1/calendar/appointments/availability",
                {"service": clinic.service_id, "date_from": str(day), "date_to": str(day)},
            ),
        }
        await _measure(anonymous, pid, "warm", HEALTH, {}, 20, 1)
        for url, params in [(FLOOR, {}), *reads.values()]:  # warm every code path
            await _measure(client, pid, "warm", url, params, 20, 1)
        results.measured.append(await _measure(anonymous, pid, "healthz", HEALTH, {}, scale.requests, 1))
        results.measured.append(await _measure(client, pid, "users/me", FLOOR, {}, scale.requests, 1))
        for concurrency in scale.concurrencies:
            results.measured.append(
                await _measure(client, pid, "users/me", FLOOR, {}, scale.requests, concurrency)
            )
            for name, (url, params) in reads.items():
                results.measured.append(
                    await _measure(client, pid, name, url, params, scale.requests, concurrency)
                )
    return results


def run(
    scale: Scale = FULL,
    *,
    server_url: str = DEFAULT_DATABASE_URL,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> Results:
    """Create the bench database, set the clinic up, start the server, measure, stop the
    server, drop the database (unless ``keep``); print as it goes. Once per process."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    out(
        f"API floor benchmark: {scale.requests} requests per measurement, "
        f"concurrency 1 and {', '.join(map(str, scale.concurrencies))}"
    )
    recreate_database(server_url, BENCH_DATABASE)
    try:
        with tempfile.TemporaryDirectory(prefix="aesthetix-bench-") as var_dir:
            env = _server_env(url, var_dir)
            _setup_django(env)
            from django.core.management import call_command

            began = time.perf_counter()
            call_command("migrate", verbosity=0)
            clinic = _create_clinic(scale)
            out(f"database {BENCH_DATABASE} migrated, clinic set up in {time.perf_counter() - began:.1f} s")
            day = dt.datetime.now(tz=zoneinfo.ZoneInfo(ZONE)).date() + dt.timedelta(days=1)
            with _server(env) as server:
                try:
                    results = asyncio.run(_fire(server.base_url, server.process.pid, clinic, scale, day, out))
                except (Exception, SystemExit):  # a failed check exits the run
                    out("the server's last lines:\n" + server.error_lines())
                    raise
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    out(results.summary())
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="40 requests per measurement: a smoke test")
    parser.add_argument("--requests", type=int, help="requests per measurement (default 300)")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    scale = SMOKE if args.small else FULL
    if args.requests:
        scale = Scale(requests=args.requests, patients=scale.patients, concurrencies=scale.concurrencies)
    run(scale, server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
