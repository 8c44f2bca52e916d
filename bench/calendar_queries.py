"""Calendar queries at 1 M appointments against 10 k, measured in one run.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, and loads clinic S (10 k appointments) and clinic L
(1 M appointments) spread over two years (one back, one ahead), with weekly hours and
time off for every practitioner. Then it times, for a seeded set of days at both
clinics, interleaved:

- the day calendar as GET /api/v1/calendar/appointments?start=…&end=… runs it:
  ``scheduling.selectors.appointment_list(start=, end=)`` inside the clinic's context,
  evaluated to the first page (25 rows) plus the paginator's ``count()``;
- availability as GET …/appointments/availability runs it for one service and one
  practitioner over 7 days: ``scheduling.selectors.practitioner_free_slots``.

It prints p50 / p95 per clinic and the ratio p95(L) / p95(S): a ratio, not an absolute
time (bench/README.md).

    python bench/calendar_queries.py           # 10 k vs 1 M
    python bench/calendar_queries.py --small   # 1 k vs 20 k (smoke test, seconds)

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import statistics
import sys
import time
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
BACKEND_DIR = BENCH_DIR.parent / "backend-core"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_calendar"
PAGE_SIZE = 25  # core.pagination.PageNumberPagination.page_size
SEED = 20_240_612
DAYS_BACK = 365  # appointments run from a year ago …
DAYS_AHEAD = 365  # … to a year ahead
SLOT_MINUTES = 20  # one appointment every 20 minutes from 08:00, per practitioner
FIRST_SLOT = dt.time(8)
HOURS = (dt.time(8), dt.time(20))  # weekly hours, every day
WINDOW_DAYS = 7  # availability window
LONGEST_BLOCK = dt.timedelta(minutes=720 + 240)  # Service: duration <= 720, buffer <= 240

if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from patient_search import (  # noqa: E402
    bench_database_url,
    percentile,
    recreate_database,
    size_label,
    timer,
)


@dataclass(frozen=True)
class Scale:
    """Appointments and practitioners of clinic S and clinic L, and how many days are timed."""

    small: int
    small_practitioners: int
    large: int
    large_practitioners: int
    days: int


# 10 k over 5 practitioners is about 3 a day each; 1 M over 50 is about 28 a day each
# (08:00 to 17:20 back to back), a busy clinic.
FULL = Scale(small=10_000, small_practitioners=5, large=1_000_000, large_practitioners=50, days=100)
SMOKE = Scale(small=1_000, small_practitioners=2, large=20_000, large_practitioners=5, days=20)


def _today() -> dt.date:
    return dt.datetime.now(tz=dt.UTC).date()


@dataclass
class Timings:
    """Milliseconds per timed call at one clinic: the whole call and the part of it spent
    in the query on ``scheduling_appointment`` (``parts``)."""

    label: str
    total: list[float] = field(default_factory=list)
    part: list[float] = field(default_factory=list)

    def add(self, total_ms: float, part_ms: float) -> None:
        self.total.append(total_ms)
        self.part.append(part_ms)

    @property
    def p50(self) -> float:
        return percentile(self.total, 50)

    @property
    def p95(self) -> float:
        return percentile(self.total, 95)


@dataclass
class Measured:
    """S and L timings of one kind of query; ``ratio`` is the figure to report."""

    name: str
    part_name: str
    small: Timings
    large: Timings

    @property
    def ratio(self) -> float:
        return self.large.p95 / self.small.p95

    def summary(self) -> str:
        return (
            f"{self.name} p95: {self.small.label}={self.small.p95:.2f}ms "
            f"{self.large.label}={self.large.p95:.2f}ms ratio={self.ratio:.2f}"
        )

    def table(self) -> list[str]:
        lines = [f"{self.name + ', ms':<28}{'p50':>9}{'p95':>9}{'max':>9}{'p95 ' + self.part_name:>22}"]
        for t in (self.small, self.large):
            lines.append(
                f"  {t.label:<26}{t.p50:9.2f}{t.p95:9.2f}{max(t.total):9.2f}{percentile(t.part, 95):22.2f}"
            )
        return lines


# ---------------------------------------------------------------------------- database


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


def _execute(*statements: str, params: dict[str, Any] | None = None) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement, params)


@dataclass
class ClinicSetup:
    """One clinic of the run and what the measurements need of it."""

    clinic: Any
    practitioners: list[Any]
    service: Any  # the 20-minute consultation availability is asked for
    appointments: int


def _create_clinic(name: str, country: str, zone: str, practitioners: int) -> ClinicSetup:
    """A clinic, its practitioners (doctors, one room each), three services and every
    practitioner's hours: 08:00-20:00 every day, one whole day off a month."""
    from decimal import Decimal

    from accounts.tests.factories import ClinicFactory, MembershipFactory
    from catalog.models import Service
    from core.roles import Role
    from django.contrib.auth.hashers import make_password
    from scheduling.models import Room, ScheduleException, StaffSchedule

    clinic = ClinicFactory(name=name, country=country, time_zone=zone)
    doctors = [
        MembershipFactory(clinic=clinic, role=Role.DOCTOR, user__password=make_password(None)).user
        for _ in range(practitioners)
    ]
    Room.unscoped.bulk_create([Room(clinic=clinic, name=f"Room {n + 1}") for n in range(practitioners)])
    services = [
        Service(clinic=clinic, name=label, category=category, price=Decimal(price), currency="USD", **minutes)
        for label, category, price, minutes in (
            ("Consultation", Service.Category.CONSULTATION, "50", {"duration_minutes": 20}),
            (
                "Botulinum toxin",
                Service.Category.NEUROTOXIN,
                "300",
                {"duration_minutes": 15, "buffer_minutes": 5},
            ),
            ("Laser session", Service.Category.LASER, "200", {"duration_minutes": 20}),
        )
    ]
    Service.unscoped.bulk_create(services)
    StaffSchedule.unscoped.bulk_create(
        StaffSchedule(clinic=clinic, practitioner=user, weekday=day, start_time=HOURS[0], end_time=HOURS[1])
        for user in doctors
        for day in range(7)
    )
    rng = random.Random(SEED + practitioners)  # noqa: S311 - reproducible test data
    today = _today()
    ScheduleException.unscoped.bulk_create(
        ScheduleException(
            clinic=clinic,
            practitioner=user,
            date=today + dt.timedelta(days=month * 30 + rng.randrange(30) - DAYS_BACK),
            kind=ScheduleException.Kind.TIME_OFF,
            reason="Leave",
        )
        for user in doctors
        for month in range((DAYS_BACK + DAYS_AHEAD) // 30)
    )
    return ClinicSetup(clinic, doctors, services[0], 0)


# One patient pool per practitioner: a practitioner's appointments never overlap, so
# neither do any patient's (the patient exclusion constraint holds too).
_PATIENTS_SQL = """
WITH made AS (
    INSERT INTO patients_patientprofile (
        id, created_at, updated_at, organization_id, given_name, family_name, search_name, birth_date,
        sex, phone, phone_alt, email, address, national_id, national_id_hash, national_id_country,
        preferred_language, preferred_channel)
    SELECT gen_random_uuid(), now(), now(), %(organization)s, 'Bench', 'Patient ' || i, 'bench patient ' || i,
           date '1960-01-01' + (i %% 15000), CASE WHEN i %% 5 = 0 THEN 'male' ELSE 'female' END,
           '+668' || lpad((%(first)s + i)::text, 8, '0'), '', '', '', '', '', '', 'en', 'sms'
    FROM generate_series(1, %(n)s) AS i
    RETURNING id, search_name
)
INSERT INTO patients_clinicpatient (
    id, created_at, updated_at, clinic_id, profile_id, search_name, chart_number, tags, notes,
    referral_source, first_visit_on)
SELECT gen_random_uuid(), now(), now(), %(clinic)s, id, search_name,
       'HN' || lpad((row_number() OVER ())::text, 7, '0'), '[]'::jsonb, '', '', NULL
FROM made
"""

# Row g: practitioner p = g % P, their i-th appointment (i = g / P) on day i / per_day
# of the two years, slot i % per_day from 08:00 local, every 20 minutes; services of
# 30, 15 (+5 buffer) and 20 minutes all fit the slot. Past appointments are mostly
# completed, future ones booked or confirmed; cancellations and no-shows throughout.
_APPOINTMENTS_SQL = """
CREATE TEMP TABLE bench_patients ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY id)) - 1 AS n, id
FROM patients_clinicpatient WHERE clinic_id = %(clinic)s;
CREATE INDEX ON bench_patients (n);
INSERT INTO scheduling_appointment (
    id, created_at, updated_at, clinic_id, patient_id, practitioner_id, service_id, room_id,
    resource_id, starts_at, ends_at, blocked_until, status, source, notes, cancel_reason, booked_by_id,
    late_cancellation)
SELECT gen_random_uuid(), a.starts_at - interval '7 days', a.starts_at - interval '7 days',
       %(clinic)s, pt.id, (%(practitioners)s::uuid[])[a.p + 1], (%(services)s::uuid[])[a.s],
       (%(rooms)s::uuid[])[a.p + 1], NULL, a.starts_at,
       a.starts_at + make_interval(mins => (%(durations)s::int[])[a.s]),
       a.starts_at + make_interval(mins => (%(durations)s::int[])[a.s] + (%(buffers)s::int[])[a.s]),
       CASE WHEN a.starts_at < now() THEN
                CASE WHEN a.r < 0.07 THEN 'cancelled' WHEN a.r < 0.11 THEN 'no_show' ELSE 'completed' END
            ELSE CASE WHEN a.r < 0.08 THEN 'cancelled' WHEN a.r < 0.60 THEN 'booked' ELSE 'confirmed' END
       END,
       CASE WHEN a.r2 < 0.3 THEN 'portal' ELSE 'staff' END, '',
       CASE WHEN a.r < 0.08 THEN 'Patient asked to cancel' ELSE '' END, NULL, a.r < 0.02
FROM (
    SELECT g %% %(p)s AS p, g / %(p)s AS i, 1 + floor(random() * 3)::int AS s,
           random() AS r, random() AS r2,
           ((%(first_day)s::date + (g / %(p)s) / %(per_day)s)::timestamp + %(first_slot)s::time
             + make_interval(mins => ((g / %(p)s) %% %(per_day)s) * %(slot)s))
             AT TIME ZONE %(zone)s AS starts_at
    FROM generate_series(0, %(n)s - 1) AS g OFFSET 0
) AS a
JOIN bench_patients AS pt ON pt.n = a.p * %(pool)s + a.i %% %(pool)s
"""


def _constraints() -> list[tuple[str, str]]:
    """The exclusion constraints of scheduling migration 0002, read back from the catalog."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'scheduling_appointment'::regclass AND contype = 'x' ORDER BY conname"
        )
        rows = [(str(name), str(definition)) for name, definition in cursor.fetchall()]
    if len(rows) != 4:
        raise SystemExit(f"expected the 4 exclusion constraints of scheduling 0002, found {rows}")
    return rows


def _load(setup: ClinicSetup, n: int) -> None:
    from catalog.models import Service
    from django.db import connection, transaction
    from scheduling.models import Room

    clinic = setup.clinic
    practitioners = len(setup.practitioners)
    per_practitioner = -(-n // practitioners)
    per_day = -(-per_practitioner // (DAYS_BACK + DAYS_AHEAD))
    if per_day * SLOT_MINUTES > 12 * 60:
        raise SystemExit(f"{per_day} appointments a day do not fit the practitioners' hours")
    pool = max(50, per_practitioner // 20)  # about 20 visits per patient over two years
    services = list(Service.unscoped.filter(clinic=clinic).order_by("name"))
    rooms = list(Room.unscoped.filter(clinic=clinic).order_by("name"))
    params = {
        "clinic": clinic.pk,
        "n": n,
        "p": practitioners,
        "per_day": per_day,
        "pool": pool,
        "slot": SLOT_MINUTES,
        "first_slot": FIRST_SLOT,
        "first_day": _today() - dt.timedelta(days=DAYS_BACK),
        "zone": clinic.time_zone,
        "practitioners": [user.pk for user in setup.practitioners],
        "services": [s.pk for s in services],
        "durations": [s.duration_minutes for s in services],
        "buffers": [s.buffer_minutes for s in services],
        "rooms": [room.pk for room in rooms],
    }
    if any(d + b > SLOT_MINUTES for d, b in zip(params["durations"], params["buffers"], strict=True)):
        raise SystemExit("a service is longer than its slot")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit = off")
        # Bulk load without the row-history triggers (compliance): this measures reads.
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("SELECT setseed(%s)", [(SEED + n) % 1000 / 1000])
        first = 0 if len(setup.practitioners) < 10 else 50_000_000  # distinct phones per clinic
        cursor.execute(
            _PATIENTS_SQL,
            {
                "n": practitioners * pool,
                "clinic": clinic.pk,
                "organization": clinic.organization_id,
                "first": first,
            },
        )
        for statement in _APPOINTMENTS_SQL.strip().split(";\n"):
            cursor.execute(statement, params)
    setup.appointments = n


def _check(setups: Sequence[ClinicSetup]) -> str:
    """Counts per clinic and status shares, as loaded."""
    from django.db.models import Count
    from scheduling.models import Appointment

    parts = []
    for setup in setups:
        rows = dict(
            Appointment.unscoped.filter(clinic=setup.clinic)
            .values_list("status")
            .annotate(n=Count("id"))
            .values_list("status", "n")
        )
        total = sum(rows.values())
        if total != setup.appointments:
            raise SystemExit(f"{setup.clinic.name}: {total} appointments, expected {setup.appointments}")
        shares = ", ".join(f"{status} {100 * n / total:.0f}%" for status, n in sorted(rows.items()))
        parts.append(f"{setup.clinic.name} {total:,} ({shares})")
    return "; ".join(parts)


# ---------------------------------------------------------------------------- measuring


@contextmanager
def _appointment_query_time(into: list[float]) -> Iterator[None]:
    """Adds to ``into`` the milliseconds spent executing queries on scheduling_appointment."""
    from django.db import connection

    def wrapper(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if '"scheduling_appointment"' in sql:
                into.append((time.perf_counter() - start) * 1000)

    with connection.execute_wrapper(wrapper):
        yield


def _day_bounds(clinic: Any, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    zone = zoneinfo.ZoneInfo(clinic.time_zone)
    start = dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    return start, end


def day_calendar(setup: ClinicSetup, day: dt.date) -> tuple[float, float, int]:
    """The list endpoint for one local day: first page, then count. Milliseconds of the
    whole, of the count query, and the count."""
    from core.tenancy import clinic_context
    from scheduling.selectors import appointment_list

    start, end = _day_bounds(setup.clinic, day)
    with clinic_context(setup.clinic):
        began = time.perf_counter()
        qs = appointment_list(start=start, end=end)
        list(qs[:PAGE_SIZE])
        middle = time.perf_counter()
        found = qs.count()
        done = time.perf_counter()
    return (done - began) * 1000, (done - middle) * 1000, found


def availability(setup: ClinicSetup, day: dt.date, practitioner: Any) -> tuple[float, float, int]:
    """Free slots of one practitioner for the consultation over 7 days from ``day``.
    Milliseconds of the whole, of the appointment query in it, and the slots found."""
    from core.tenancy import clinic_context
    from scheduling.selectors import practitioner_free_slots

    spent: list[float] = []
    with clinic_context(setup.clinic), _appointment_query_time(spent):
        began = time.perf_counter()
        slots = practitioner_free_slots(
            clinic=setup.clinic,
            service=setup.service,
            date_from=day,
            date_to=day + dt.timedelta(days=WINDOW_DAYS - 1),
            practitioner_id=practitioner.pk,
        )
        done = time.perf_counter()
    return (done - began) * 1000, sum(spent), len(slots)


def make_days(count: int, seed: int = SEED) -> list[tuple[int, int]]:
    """``count`` ``(calendar day offset, availability day offset)`` pairs from today, the
    same for the same seed: calendar days anywhere in the two years, availability
    windows in the year ahead (what the front desk and the portal ask for)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data
    return [
        (rng.randrange(-DAYS_BACK, DAYS_AHEAD), rng.randrange(0, DAYS_AHEAD - WINDOW_DAYS))
        for _ in range(count)
    ]


def _measure(
    setups: Sequence[ClinicSetup], labels: Sequence[str], days: Sequence[tuple[int, int]]
) -> tuple[Measured, Measured, dict[str, list[int]]]:
    """Time both queries for every seeded day at every clinic, interleaved (the order
    alternates per day) so drift in the machine's load hits both clinics alike."""
    today = _today()
    calendar = Measured("day calendar", "count", *(Timings(label) for label in labels))
    slots = Measured("availability", "appointment query", *(Timings(label) for label in labels))
    found: dict[str, list[int]] = {label: [] for label in labels}
    rng = random.Random(SEED)  # noqa: S311 - reproducible choice of practitioner
    for cal_offset, _ in days[:5]:  # warm-up, untimed
        for setup in setups:
            day_calendar(setup, today + dt.timedelta(days=cal_offset))
            availability(setup, today + dt.timedelta(days=cal_offset), setup.practitioners[0])
    for number, (cal_offset, free_offset) in enumerate(days):
        order = list(
            zip(setups, (calendar.small, calendar.large), (slots.small, slots.large), labels, strict=True)
        )
        if number % 2:
            order.reverse()
        pick = rng.random()
        for setup, cal_timings, slot_timings, label in order:
            total, count_ms, n = day_calendar(setup, today + dt.timedelta(days=cal_offset))
            cal_timings.add(total, count_ms)
            found[label].append(n)
            practitioner = setup.practitioners[int(pick * len(setup.practitioners))]
            total, query_ms, _n = availability(setup, today + dt.timedelta(days=free_offset), practitioner)
            slot_timings.add(total, query_ms)
    return calendar, slots, found


def _explain(sql: str) -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(str(row[0]) for row in cursor.fetchall())


def _captured(call: Callable[[], Any]) -> list[str]:
    """SQL of the queries on scheduling_appointment that ``call`` runs."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return [q["sql"] for q in captured.captured_queries if '"scheduling_appointment"' in q["sql"]]


def _plans(setup: ClinicSetup, day: dt.date) -> list[tuple[str, str]]:
    """EXPLAIN (ANALYZE, BUFFERS) at L: the calendar's page and count queries, the
    availability's appointment query, and the same with a lower bound on starts_at
    (no appointment blocks longer than ``LONGEST_BLOCK``), which the index on
    (practitioner_id, starts_at) can then bound on both sides."""
    page, count = _captured(lambda: day_calendar(setup, day))
    (busy,) = _captured(lambda: availability(setup, day, setup.practitioners[0]))
    plans = [
        ("calendar page", _explain(page)),
        ("calendar count", _explain(count)),
        ("availability", _explain(busy)),
    ]
    zone = zoneinfo.ZoneInfo(setup.clinic.time_zone)
    window_start = dt.datetime.combine(day, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    lower = (window_start - LONGEST_BLOCK).isoformat()
    bounded = busy.replace(" WHERE ", f""" WHERE "scheduling_appointment"."starts_at" > '{lower}' AND """, 1)
    plans.append(("availability with starts_at > window start - 16 h", _explain(bounded)))
    return plans


def _execution_ms(plan: str) -> float:
    match = re.search(r"Execution Time: ([\d.]+) ms", plan)
    return float(match[1]) if match else float("nan")


# ---------------------------------------------------------------------------- run


def run(
    scale: Scale = FULL,
    *,
    server_url: str = DEFAULT_DATABASE_URL,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> tuple[Measured, Measured]:
    """Create the bench database, load both clinics, measure, print as it goes, drop the
    database (unless ``keep``) and return (day calendar, availability). Django is set up
    inside, pointed at the bench database, so call this once per process."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    out(
        f"calendar benchmark: {size_label(scale.small)} vs {size_label(scale.large)} appointments, "
        f"{scale.days} days (seed {SEED})"
    )
    recreate_database(server_url, BENCH_DATABASE)
    try:
        results = _run(scale, url, out)
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    for measured in results:
        out(measured.summary())
    return results


def _run(scale: Scale, url: str, out: Callable[[str], None]) -> tuple[Measured, Measured]:
    _setup_django(url)
    from django.core.management import call_command

    seconds: dict[str, float] = {}
    with timer(seconds, "migrate"):
        call_command("migrate", verbosity=0)
    out(f"database {BENCH_DATABASE} migrated in {seconds['migrate']:.1f} s")
    s, l_ = size_label(scale.small), size_label(scale.large)
    small = _create_clinic("Bench Small", "TH", "Asia/Bangkok", scale.small_practitioners)
    large = _create_clinic("Bench Large", "BR", "America/Sao_Paulo", scale.large_practitioners)

    # Load without the exclusion constraints and add them back afterwards: adding them
    # validates every row, so the data provably has no double booking.
    constraints = _constraints()
    with timer(seconds, "rows"):
        _execute(
            *(f"ALTER TABLE scheduling_appointment DROP CONSTRAINT {name}" for name, _def in constraints)
        )
        _load(small, scale.small)
        _load(large, scale.large)
    with timer(seconds, "constraints"):
        _execute(
            "SET maintenance_work_mem = '256MB'",
            *(f"ALTER TABLE scheduling_appointment ADD CONSTRAINT {name} {d}" for name, d in constraints),
            "RESET maintenance_work_mem",
        )
    with timer(seconds, "vacuum"):
        _execute(
            "VACUUM (ANALYZE) scheduling_appointment",
            "VACUUM (ANALYZE) patients_clinicpatient",
            "VACUUM (ANALYZE) patients_patientprofile",
        )
    load = seconds["rows"] + seconds["constraints"] + seconds["vacuum"]
    out(
        f"load {scale.small + scale.large:,} appointments: {load:.1f} s (rows {seconds['rows']:.1f} s, "
        f"exclusion constraints added back and validated {seconds['constraints']:.1f} s, "
        f"vacuum analyze {seconds['vacuum']:.1f} s)"
    )
    out(f"checked: {_check((small, large))}")

    days = make_days(scale.days)
    out(f"measuring {len(days)} days at S and L: day calendar (page of {PAGE_SIZE} + count), availability")
    calendar, slots, found = _measure((small, large), (s, l_), days)
    out(f"appointments per day calendar: {s} median {statistics.median(found[s]):.0f}, "
        f"{l_} median {statistics.median(found[l_]):.0f}")  # fmt: skip
    out("")
    for measured in (calendar, slots):
        out(f"{measured.name}: p95(L) / p95(S) = {measured.ratio:.2f}")
        for line in measured.table():
            out(line)
        out("")
    day = _today() + dt.timedelta(days=days[0][1])
    for title, plan in _plans(large, day):
        out(f"EXPLAIN (ANALYZE, BUFFERS) at {l_}, {title} ({_execution_ms(plan):.2f} ms):")
        out(re.sub(r"^", "  ", plan, flags=re.MULTILINE))
    return calendar, slots


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
