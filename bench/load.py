"""The clinic's day under load: locust drives the real HTTP server as the front desk,
doctors and cashiers (``bench/locustfile.py``), then holds a soak.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, opens a Bangkok clinic (four practitioners working
08:00-20:00 every day, a 30-minute treatment, 2000 patients, a receptionist, a doctor
signed in with the second factor and a cashier), books two weeks of appointments through
the API, and starts the app with uvicorn on 127.0.0.1 (an ephemeral port) with two worker
processes, as the services profile runs it. Then locust, in a process of its own:

1. at 10, 50 and 100 users (each step ``--step-seconds``, all users started in the first
   seconds), p50/p95/p99 in ms, requests and failures per endpoint;
2. a soak of ``--soak-minutes`` at 50 users: failures must be zero, and the server's
   memory (resident set of uvicorn and its workers, sampled every 15 s) must stay flat:
   the last sample over the one after the first minute, target <= 1.2.

Locust shares the two cores with the server and PostgreSQL, so absolute figures are low
on a small machine; compare runs on the same machine. Not part of the test command (it
takes about 15 minutes); its figures are in the README.

    python bench/load.py                    # 60 s per step, 10-minute soak
    python bench/load.py --small            # 10 s per step, 5 and 10 users, 1-minute soak

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from api_floor import _book_day  # noqa: E402
from concurrent_booking import Clinic, _server, _server_env, _setup_django, bench_clinic  # noqa: E402
from patient_search import bench_database_url, recreate_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_load"
ZONE = "Asia/Bangkok"
WORKERS = 2
MEMORY_SAMPLE_SECONDS = 15
TARGET_MEMORY_RATIO = 1.2
# How long uvicorn's workers may take to start answering (Django imports them on a busy machine).
WORKERS_START_SECONDS = 300


@dataclass(frozen=True)
class Scale:
    users: tuple[int, ...]
    step_seconds: int
    soak_users: int
    soak_minutes: float
    patients: int
    #: Days booked through the API before the load (48 appointments a day).
    booked_days: int


FULL = Scale(
    users=(10, 50, 100), step_seconds=60, soak_users=50, soak_minutes=10, patients=2000, booked_days=14
)
SMOKE = Scale(users=(5, 10), step_seconds=10, soak_users=10, soak_minutes=1, patients=100, booked_days=2)


@dataclass
class Row:
    """One endpoint's line of locust's statistics (``*_stats.csv``)."""

    name: str
    requests: int
    failures: int
    p50: float
    p95: float
    p99: float
    rps: float

    def line(self, users: int) -> str:
        return (
            f"  users={users:<4d} {self.name:<16} requests={self.requests:<6d} failures={self.failures:<4d} "
            f"p50={self.p50:7.1f} p95={self.p95:7.1f} p99={self.p99:7.1f} req/s={self.rps:6.1f}"
        )


def _stats(prefix: Path) -> list[Row]:
    """The per-endpoint rows of locust's CSV statistics, the aggregate last."""
    with Path(f"{prefix}_stats.csv").open(newline="") as stats:
        return [
            Row(
                name=record["Name"],
                requests=int(record["Request Count"]),
                failures=int(record["Failure Count"]),
                p50=float(record["50%"] or 0),
                p95=float(record["95%"] or 0),
                p99=float(record["99%"] or 0),
                rps=float(record["Requests/s"] or 0),
            )
            for record in csv.DictReader(stats)
        ]


def _resident_mb(pid: int) -> float:
    """Resident memory of process ``pid`` and its children (uvicorn's workers), in MB."""
    import psutil

    parent = psutil.Process(pid)
    processes = [parent, *parent.children(recursive=True)]
    return sum(p.memory_info().rss for p in processes if p.is_running()) / 2**20


def _locust(plan: Path, base_url: str, users: int, seconds: float, prefix: Path) -> list[Row]:
    """Run locust headless for ``seconds`` at ``users`` users (all started within the
    first two seconds); its statistics. Stops by itself (``--run-time``)."""
    command = [
        sys.executable, "-m", "locust", "-f", str(BENCH_DIR / "locustfile.py"), "--headless",
        "--host", base_url, "--users", str(users), "--spawn-rate", str(max(users / 2, 1)),
        "--run-time", f"{int(seconds)}s", "--stop-timeout", "10", "--csv", str(prefix),
        "--only-summary", "--loglevel", "WARNING", "--exit-code-on-error", "0",
    ]  # fmt: skip
    done = subprocess.run(
        command,
        env={**os.environ, "AESTHETIX_LOAD_PLAN": str(plan)},
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"FAILED: locust exited with {done.returncode}:\n{done.stderr[-2000:]}")
    return _stats(prefix)


@dataclass
class Results:
    steps: dict[int, list[Row]] = field(default_factory=dict)
    soak: list[Row] = field(default_factory=list)
    soak_users: int = 0
    memory: list[tuple[float, float]] = field(default_factory=list)  # (seconds, MB)

    def memory_ratio(self) -> float:
        """The last sample over the first one taken after a minute (the warm server)."""
        warm = next((mb for seconds, mb in self.memory if seconds >= 60), self.memory[0][1])
        return self.memory[-1][1] / warm

    def failures(self) -> int:
        return sum(
            row.failures
            for rows in (*self.steps.values(), self.soak)
            for row in rows
            if row.name != "Aggregated"
        )

    def summary(self) -> str:
        lines = ["latencies (ms), requests and failures per endpoint:"]
        for users, rows in self.steps.items():
            lines += [row.line(users) for row in rows]
        lines.append(f"soak at {self.soak_users} users:")
        lines += [row.line(self.soak_users) for row in self.soak]
        lines.append(
            "server memory (MB): " + " ".join(f"{seconds:.0f}s={mb:.0f}" for seconds, mb in self.memory)
        )
        ratio = self.memory_ratio()
        verdict = "within target" if ratio <= TARGET_MEMORY_RATIO else "OVER target"
        lines.append(
            f"load: failures={self.failures()} soak memory last/after 1 min={ratio:.2f} "
            f"(target <= {TARGET_MEMORY_RATIO:g}: {verdict})"
        )
        return "\n".join(lines)


def _soak(plan: Path, base_url: str, pid: int, scale: Scale, folder: Path, results: Results) -> None:
    """The soak, sampling the server's memory every ``MEMORY_SAMPLE_SECONDS`` meanwhile."""
    seconds = scale.soak_minutes * 60
    done = threading.Event()
    began = time.monotonic()

    def sample() -> None:
        while not done.wait(MEMORY_SAMPLE_SECONDS):
            results.memory.append((time.monotonic() - began, _resident_mb(pid)))

    sampler = threading.Thread(target=sample, daemon=True)
    results.memory.append((0.0, _resident_mb(pid)))
    sampler.start()
    try:
        results.soak = _locust(plan, base_url, scale.soak_users, seconds, folder / "soak")
    finally:
        done.set()
        sampler.join(timeout=MEMORY_SAMPLE_SECONDS + 5)
    results.memory.append((time.monotonic() - began, _resident_mb(pid)))
    results.soak_users = scale.soak_users


def _plan(clinic: Clinic, tokens: dict[str, str], day: dt.date, days: int, folder: Path) -> Path:
    plan = folder / "plan.json"
    plan.write_text(
        json.dumps(
            {
                "clinic_id": clinic.clinic_id,
                "service_id": clinic.service_id,
                "practitioner_ids": clinic.practitioner_ids,
                "patient_ids": clinic.patient_ids,
                "tokens": tokens,
                "time_zone": ZONE,
                "day": str(day),
                "days": days,
            }
        )
    )
    return plan


def _staff_tokens(clinic: Clinic) -> dict[str, str]:
    """A doctor (signed in with the second factor, as the role must be) and a cashier
    beside the benchmark clinic's receptionist."""
    from accounts.models import Clinic as ClinicRow
    from accounts.tests.factories import MembershipFactory, tokens_for
    from core.roles import Role
    from django.contrib.auth.hashers import make_password

    home = ClinicRow.objects.get(pk=clinic.clinic_id)

    def member(role: str) -> str:
        user = MembershipFactory(clinic=home, role=role, user__password=make_password(None)).user
        return str(tokens_for(user).access)

    return {"receptionist": clinic.token, "doctor": member(Role.DOCTOR), "cashier": member(Role.CASHIER)}


async def _book(base_url: str, clinic: Clinic, day: dt.date, days: int) -> int:
    """Once the workers answer (they listen only after their start), book ``days`` days
    from ``day`` through the API; how many appointments."""
    import httpx

    headers = {"Authorization": f"Bearer {clinic.token}", "X-Clinic-Id": clinic.clinic_id}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=60) as client:
        deadline = time.monotonic() + WORKERS_START_SECONDS
        while True:
            try:
                (await client.get("/healthz")).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.5)
        return sum([await _book_day(client, clinic, day + dt.timedelta(days=n)) for n in range(days)])


def run(
    scale: Scale = FULL,
    *,
    server_url: str = DEFAULT_DATABASE_URL,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> Results:
    """Create the bench database, set the clinic up, start the server, load it step by
    step, soak it, stop the server, drop the database (unless ``keep``)."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    out(
        f"load benchmark: {', '.join(map(str, scale.users))} users for {scale.step_seconds} s each, "
        f"then {scale.soak_minutes:g} min at {scale.soak_users} users; {WORKERS} server workers"
    )
    recreate_database(server_url, BENCH_DATABASE)
    results = Results()
    try:
        with tempfile.TemporaryDirectory(prefix="aesthetix-bench-") as var_dir:
            # Tokens minted once last the run (a real desk refreshes them meanwhile).
            env = {**_server_env(url, var_dir), "JWT_ACCESS_MINUTES": str(int(scale.soak_minutes) + 60)}
            _setup_django(env)
            from django.core.management import call_command

            began = time.perf_counter()
            call_command("migrate", verbosity=0)
            clinic = bench_clinic(
                "Bench Load",
                practitioners=4,
                patients=scale.patients,
                hours=(8, 20),
                given_name=lambda n: "Somchai" if n % 10 == 0 else f"Name{n}",
            )
            tokens = _staff_tokens(clinic)
            out(f"database {BENCH_DATABASE} migrated, clinic set up in {time.perf_counter() - began:.1f} s")
            day = dt.datetime.now(tz=zoneinfo.ZoneInfo(ZONE)).date() + dt.timedelta(days=1)
            folder = Path(var_dir)
            plan = _plan(clinic, tokens, day, scale.booked_days, folder)
            with _server(env, workers=WORKERS) as server:
                try:
                    booked = asyncio.run(_book(server.base_url, clinic, day, scale.booked_days))
                    out(f"booked {booked} appointments")
                    for users in scale.users:
                        results.steps[users] = _locust(
                            plan, server.base_url, users, scale.step_seconds, folder / f"u{users}"
                        )
                        out("\n".join(row.line(users) for row in results.steps[users]))
                    _soak(plan, server.base_url, server.process.pid, scale, folder, results)
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
    parser.add_argument("--small", action="store_true", help="a short run with few users: a smoke test")
    parser.add_argument("--step-seconds", type=int, help="seconds per user step (default 60)")
    parser.add_argument("--soak-minutes", type=float, help="minutes of the soak (default 10)")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    scale = SMOKE if args.small else FULL
    if args.step_seconds or args.soak_minutes:
        scale = Scale(
            users=scale.users,
            step_seconds=args.step_seconds or scale.step_seconds,
            soak_users=scale.soak_users,
            soak_minutes=args.soak_minutes or scale.soak_minutes,
            patients=scale.patients,
            booked_days=scale.booked_days,
        )
    results = run(scale, server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, keep=args.keep)
    return 0 if results.failures() == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
