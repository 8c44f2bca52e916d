"""The dashboard at 1 M appointments a year against 10 k, measured in one run.

The dashboard reads only the daily figures (``reporting``: one row per clinic-day,
practitioner-day and item-day), never the ledger, the sales or the calendar, so its cost
follows the days and the practitioners shown, not the appointments behind them. This
benchmark checks that: it creates its own PostgreSQL database (dropped and recreated at
start, dropped at the end unless ``--keep``), migrates it, and writes a year of daily
figures for clinic S (10 k appointments a year: 5 practitioners, 20 items sold a day, a
small clinic) and clinic L (1 M appointments a year: 100 practitioners, 80 items a day,
the flagship of a large chain), with ``INSERT … SELECT generate_series``. Then, for a
seeded set of periods (the default 30 days, ending on a random day of the year),
interleaved, it times the whole answer of GET /api/v1/reports/dashboard:
``reporting.selectors.dashboard`` (this period and the previous one, by day, treatment and
practitioner, utilization, unique patients and rebooking from the days' cumulative lists,
rooms, products used, course liability and the stock value).

It prints p50 / p95 per clinic and the ratio p95(L) / p95(S) (the target is at most 1.5):
a ratio, not an absolute time (bench/README.md).

    python bench/dashboard.py           # 10 k vs 1 M appointments a year
    python bench/dashboard.py --small   # 1 k vs 20 k (smoke test, seconds)

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
BACKEND_DIR = BENCH_DIR.parent / "backend-core"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_dashboard"
SEED = 20_261_206
YEAR_DAYS = 365
PERIOD_DAYS = 30  # the dashboard's default range
TARGET_RATIO = 1.5

if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from patient_search import bench_database_url, percentile, recreate_database, size_label, timer  # noqa: E402


@dataclass(frozen=True)
class Clinic:
    """A year of one clinic's appointments, its practitioners, items sold a day and rooms
    (a quarter as many products used a day as items sold)."""

    appointments: int
    practitioners: int
    items: int
    rooms: int


@dataclass(frozen=True)
class Scale:
    small: Clinic
    large: Clinic
    periods: int


FULL = Scale(Clinic(10_000, 5, 20, 3), Clinic(1_000_000, 100, 80, 60), periods=200)
SMOKE = Scale(Clinic(1_000, 2, 5, 1), Clinic(20_000, 10, 15, 5), periods=20)


@dataclass
class Timings:
    name: str
    ms: list[float] = field(default_factory=list)

    @property
    def p50(self) -> float:
        return statistics.median(self.ms)

    @property
    def p95(self) -> float:
        return percentile(self.ms, 95)


def ratio(small: Timings, large: Timings) -> float:
    return large.p95 / small.p95


def make_periods(count: int, seed: int = SEED) -> list[int]:
    """How many days before the last loaded day each timed period ends (0 = the last
    day), so that the period and the previous one lie inside the loaded year."""
    rng = random.Random(seed)  # noqa: S311 - reproducible periods, not security
    return [rng.randrange(0, YEAR_DAYS - 2 * PERIOD_DAYS) for _ in range(count)]


def _setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ["DATABASE_CONN_MAX_AGE"] = "0"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.pop("ZEAL_ENABLED", None)  # production settings, not the test suite's
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")
    if str(BACKEND_DIR) not in sys.path:
        sys.path.insert(0, str(BACKEND_DIR))
    import django

    django.setup()


def _execute(statement: str, params: dict[str, Any] | None = None) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _clinics() -> tuple[Any, Any]:
    from patient_search import _create_clinics

    return _create_clinics()


def _practitioners(clinic: Any, count: int, offset: int) -> list[Any]:
    from accounts.models import User

    users = [
        User(phone=f"+6681{offset + n:07d}", given_name=f"Practitioner {offset + n}", family_name="Bench")
        for n in range(count)
    ]
    User.objects.bulk_create(users)
    return [u.pk for u in users]


def _load(clinic: Any, shape: Clinic, practitioner_ids: list[Any], last: dt.date) -> int:
    """A year of daily rows ending on ``last``, whose appointments sum to about
    ``shape.appointments``; returns the rows written."""
    per_day = shape.appointments / YEAR_DAYS
    params = {
        "clinic": clinic.pk,
        "currency": clinic.currency,
        "first": last - dt.timedelta(days=YEAR_DAYS - 1),
        "days": YEAR_DAYS,
        "per_day": per_day,
        "per_practitioner": per_day / shape.practitioners,
        "practitioners": practitioner_ids,
        "items": shape.items,
        # The cumulative patient lists are as long as the longest gap seen (a year at most).
        "gaps": min(366, int(per_day)),
        "rooms": shape.rooms,
        "used": max(1, shape.items // 4),
    }
    _execute(
        """INSERT INTO reporting_dailyclinicfigures (id, clinic_id, created_at, updated_at, date, currency,
              cash_received, revenue_recognized, deferred_revenue, sales_count, sales_total, appointments,
              completed, no_shows, late_cancellations, cancellations, new_patients, returning_patients,
              commission_cost, breakage, patient_gaps, completed_followups)
            SELECT gen_random_uuid(), %(clinic)s, now(), now(), (%(first)s::date + d), %(currency)s,
              round((%(per_day)s * 900 * (0.8 + random() * 0.4))::numeric, 2),
              round((%(per_day)s * 850 * (0.8 + random() * 0.4))::numeric, 2),
              round((%(per_day)s * 50 * random())::numeric, 2),
              ceil(%(per_day)s * 0.8)::int, round((%(per_day)s * 950)::numeric, 2),
              ceil(%(per_day)s)::int, floor(%(per_day)s * 0.85)::int, floor(%(per_day)s * 0.06)::int,
              floor(%(per_day)s * 0.03)::int, floor(%(per_day)s * 0.09)::int, floor(%(per_day)s * 0.2)::int,
              floor(%(per_day)s * 0.6)::int, round((%(per_day)s * 90)::numeric, 2),
              round((%(per_day)s * 5 * random())::numeric, 2),
              (SELECT jsonb_agg(greatest(ceil(%(per_day)s) - k, 1)) FROM generate_series(0, %(gaps)s) AS k),
              (SELECT jsonb_agg(jsonb_build_array(greatest(ceil(%(per_day)s * 0.8) - k, 1),
                 greatest(ceil(%(per_day)s * 0.4) - k, 0))) FROM generate_series(0, %(gaps)s) AS k)
            FROM generate_series(0, %(days)s - 1) AS d""",
        params,
    )
    _execute(
        """INSERT INTO reporting_dailypractitionerfigures (id, clinic_id, created_at, updated_at, date,
              practitioner_id, net_sales, appointments, completed, no_shows, late_cancellations,
              cancellations, new_patients, returning_patients, booked_minutes, available_minutes,
              commission_cost)
            SELECT gen_random_uuid(), %(clinic)s, now(), now(), (%(first)s::date + d), p,
              round((%(per_practitioner)s * 800 * (0.5 + random()))::numeric, 2),
              ceil(%(per_practitioner)s)::int, floor(%(per_practitioner)s * 0.85)::int,
              floor(%(per_practitioner)s * 0.06)::int, floor(%(per_practitioner)s * 0.03)::int,
              floor(%(per_practitioner)s * 0.09)::int, floor(%(per_practitioner)s * 0.2)::int,
              floor(%(per_practitioner)s * 0.6)::int, ceil(%(per_practitioner)s * 30)::int, 540,
              round((%(per_practitioner)s * 80)::numeric, 2)
            FROM generate_series(0, %(days)s - 1) AS d, unnest(%(practitioners)s::uuid[]) AS p""",
        params,
    )
    _execute(
        """INSERT INTO reporting_dailyitemfigures (id, clinic_id, created_at, updated_at, date, kind, item_id,
              name, quantity, net_amount)
            SELECT gen_random_uuid(), %(clinic)s, now(), now(), (%(first)s::date + d), 'service',
              md5(%(clinic)s::text || i::text)::uuid, 'Treatment ' || i,
              ceil(%(per_day)s / %(items)s), round((%(per_day)s / %(items)s * 800 * random())::numeric, 2)
            FROM generate_series(0, %(days)s - 1) AS d, generate_series(1, %(items)s) AS i""",
        params,
    )
    _execute(
        """INSERT INTO reporting_dailyitemfigures (id, clinic_id, created_at, updated_at, date, kind, item_id,
              name, quantity, net_amount)
            SELECT gen_random_uuid(), %(clinic)s, now(), now(), (%(first)s::date + d), 'used',
              md5(%(clinic)s::text || 'used' || i::text)::uuid, 'Product ' || i,
              ceil(%(per_day)s / %(used)s), round((%(per_day)s / %(used)s * 90 * random())::numeric, 2)
            FROM generate_series(0, %(days)s - 1) AS d, generate_series(1, %(used)s) AS i""",
        params,
    )
    _execute(
        """INSERT INTO reporting_dailyroomfigures (id, clinic_id, created_at, updated_at, date, room_id, name,
              booked_minutes, available_minutes)
            SELECT gen_random_uuid(), %(clinic)s, now(), now(), (%(first)s::date + d),
              md5(%(clinic)s::text || 'room' || r::text)::uuid, 'Room ' || r,
              ceil(%(per_day)s * 30 / %(rooms)s)::int, 660
            FROM generate_series(0, %(days)s - 1) AS d, generate_series(1, %(rooms)s) AS r""",
        params,
    )
    return YEAR_DAYS * (1 + shape.practitioners + shape.items + max(1, shape.items // 4) + shape.rooms)


def answer(clinic: Any, end: dt.date) -> float:
    """Milliseconds of the dashboard's whole read for the 30 days ending on ``end``."""
    from reporting.selectors import Period, dashboard

    period = Period(end - dt.timedelta(days=PERIOD_DAYS - 1), end)
    started = time.perf_counter()
    body = dashboard(clinics=[clinic], period=period)
    elapsed = (time.perf_counter() - started) * 1000
    assert len(body["money"][0]["by_day"]) == PERIOD_DAYS
    return elapsed


def _run(scale: Scale, url: str, out: Callable[[str], None]) -> tuple[Timings, Timings]:
    _setup_django(url)
    from django.core.management import call_command

    seconds: dict[str, float] = {}
    with timer(seconds, "migrate"):
        call_command("migrate", verbosity=0)
    out(f"database {BENCH_DATABASE} migrated in {seconds['migrate']:.1f} s")
    small, large = _clinics()
    last = small.today()
    with timer(seconds, "load"):
        rows_s = _load(small, scale.small, _practitioners(small, scale.small.practitioners, 0), last)
        rows_l = _load(large, scale.large, _practitioners(large, scale.large.practitioners, 1000), last)
        for table in (
            "dailyclinicfigures",
            "dailypractitionerfigures",
            "dailyitemfigures",
            "dailyroomfigures",
        ):
            _execute(f"VACUUM (ANALYZE) reporting_{table}")
    s, l_ = size_label(scale.small.appointments), size_label(scale.large.appointments)
    out(
        f"loaded a year of daily rows in {seconds['load']:.1f} s: {s} appointments -> {rows_s:,} rows, "
        f"{l_} appointments -> {rows_l:,} rows"
    )
    timings = (Timings(s), Timings(l_))
    for clinic, timing in zip((small, large), timings, strict=True):  # warm both once
        answer(clinic, last)
        timing.ms.clear()
    for back in make_periods(scale.periods):
        end = last - dt.timedelta(days=back)
        for clinic, timing in zip((small, large), timings, strict=True):
            timing.ms.append(answer(clinic, end))
    for timing in timings:
        out(
            f"  {timing.name:>4}: p50 {timing.p50:7.2f} ms  p95 {timing.p95:7.2f} ms"
            f"  ({len(timing.ms)} periods)"
        )
    return timings


def run(scale: Scale, *, server_url: str, keep: bool = False, out: Callable[[str], None] = print) -> float:
    """Create the bench database, load both clinics, measure, print, drop the database
    (unless ``keep``) and return the p95 ratio L / S. Django is set up inside, pointed at
    the bench database, so call this once per process."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    s, l_ = size_label(scale.small.appointments), size_label(scale.large.appointments)
    out(
        f"dashboard benchmark: {s} vs {l_} appointments a year,"
        f" {scale.periods} periods of {PERIOD_DAYS} days (seed {SEED})"
    )
    recreate_database(server_url, BENCH_DATABASE)
    try:
        small, large = _run(scale, url, out)
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    measured = ratio(small, large)
    verdict = "within" if measured <= TARGET_RATIO else "ABOVE"
    out(
        f"dashboard p95: {small.name}={small.p95:.2f}ms {large.name}={large.p95:.2f}ms ratio={measured:.2f}"
        f" ({verdict} the target of {TARGET_RATIO})"
    )
    return measured


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="1 k vs 20 k appointments: a smoke test")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    run(
        SMOKE if args.small else FULL,
        server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        keep=args.keep,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
