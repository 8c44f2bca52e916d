"""A report of 1 M rows against one of 10 k rows: peak memory, measured in one run.

A report run (``reporting.services.report_run_generate``) streams its rows from the
database in chunks into a temporary file and stores the file in pieces, so its memory
should follow the chunk, not the rows. This benchmark checks that: it creates its own
PostgreSQL database (dropped and recreated at start, dropped at the end unless
``--keep``), migrates it, and writes synthetic stock movements of one clinic with
``INSERT … SELECT generate_series``: about ``--small-rows`` of them on 28 days of one month
and about ``--rows`` on 28 days of the next. Then it writes the ``inventory_movements`` report of
each month (the small one first) as ``--format`` and prints, for each, the peak of the
Python heap during the run (``tracemalloc``) and the growth of the process's peak
resident size (``ru_maxrss``), and the ratio large / small of the tracemalloc peaks (the
target is at most 1.5): a ratio, not an absolute figure (bench/README.md).

    python bench/report_export.py                     # 10 k vs 1 M rows, CSV
    python bench/report_export.py --format xlsx
    python bench/report_export.py --rows 200000       # a shorter run
    python bench/report_export.py --small             # 5 k vs 50 k (smoke test)

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_report_export"
TARGET_RATIO = 1.5

if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from dashboard import _execute, _setup_django  # noqa: E402
from patient_search import _create_clinics, bench_database_url, recreate_database, size_label  # noqa: E402


@dataclass
class Measure:
    rows: int
    seconds: float
    heap_peak: int  # bytes (tracemalloc)
    rss_growth: int  # bytes (ru_maxrss after - before; 0 when the peak was set earlier)
    file_size: int


def _movements(clinic: Any, owner: Any, first: dt.date, rows: int) -> None:
    """``rows`` stock movements of one lot, spread over the 28 days from ``first``."""
    from catalog.models import Product
    from commerce.models import StockLot, StockMovement
    from core.tenancy import clinic_context

    with clinic_context(clinic):
        product = Product.objects.create(
            clinic=clinic,
            name=f"Filler {first:%Y-%m}",
            kind=Product.Kind.MEDICAL_SUPPLY,
            unit=Product.Unit.SYRINGE,
            price=Decimal("9000.00"),
            currency=clinic.currency,
        )
        lot = StockLot.objects.create(
            clinic=clinic,
            product=product,
            lot_number=f"LOT-{first:%Y%m}",
            expiry_date=first + dt.timedelta(days=700),
            received_at=dt.datetime.combine(first, dt.time(9), tzinfo=clinic.zone),
            quantity_on_hand=Decimal(5),
            unit_cost=Decimal("4000.00"),
        )
        template = StockMovement.objects.create(
            clinic=clinic, lot=lot, kind="consume", quantity=Decimal(-1), actor=owner
        )
    columns = [f.column for f in StockMovement._meta.concrete_fields if f.column not in ("id", "created_at")]
    listed = ", ".join(columns)
    since = dt.datetime.combine(first, dt.time(1), tzinfo=clinic.zone)
    _execute(
        f"""INSERT INTO commerce_stockmovement (id, created_at, {listed})
            SELECT gen_random_uuid(), %(since)s + (n * interval '28 days' / %(rows)s), {listed}
            FROM commerce_stockmovement, generate_series(1, %(rows)s - 1) AS n
            WHERE id = %(template)s""",  # noqa: S608 - column names from the model, values bound
        {"since": since, "rows": rows, "template": template.pk},
    )
    _execute("VACUUM (ANALYZE) commerce_stockmovement")


def export(clinic: Any, owner: Any, first: dt.date, format: str) -> Measure:
    """Write the ``inventory_movements`` report of the 28 days from ``first``."""
    from core.tenancy import clinic_context
    from reporting.models import ReportRun
    from reporting.services import report_run_generate

    with clinic_context(clinic):
        # Written directly, not through report_run_request: that one sends the task to the
        # broker, and this run is written here, measured.
        run = ReportRun.objects.create(
            clinic=clinic,
            requested_by=owner,
            kind="inventory_movements",
            format=format,
            date_from=first,
            date_to=first + dt.timedelta(days=27),
        )
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        tracemalloc.start()
        started = time.perf_counter()
        run = report_run_generate(run_id=run.pk)
        seconds = time.perf_counter() - started
        heap_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - rss_before
    assert run.status == "done", (run.status, run.error)
    return Measure(run.rows_done, seconds, heap_peak, rss_growth, run.file_size)


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def run(
    *,
    small_rows: int,
    rows: int,
    format: str,
    server_url: str,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> float:
    """Create the bench database, load, export both months, print, drop the database
    (unless ``keep``) and return the ratio of the tracemalloc peaks large / small."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    s, l_ = size_label(small_rows), size_label(rows)
    out(f"report export benchmark: {s} vs {l_} rows of inventory movements, {format}")
    recreate_database(server_url, BENCH_DATABASE)
    os.environ.setdefault("AESTHETIX_VAR_DIR", tempfile.mkdtemp(prefix="bench-report-export-"))
    try:
        _setup_django(url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        clinic, _large = _create_clinics()
        from accounts.models import Membership

        owner = Membership.objects.filter(clinic=clinic).first().user  # type: ignore[union-attr]
        small_month = dt.date(2026, 1, 1)
        large_month = dt.date(2026, 2, 1)
        load = time.perf_counter()
        _movements(clinic, owner, small_month, small_rows)
        _movements(clinic, owner, large_month, rows)
        out(f"loaded {small_rows + rows:,} movements in {time.perf_counter() - load:.1f} s")
        measures = []
        for first, name in ((small_month, s), (large_month, l_)):
            measure = export(clinic, owner, first, format)
            measures.append(measure)
            out(
                f"  {name:>4}: {measure.rows:,} rows in {measure.seconds:.1f} s,"
                f" file {_mb(measure.file_size)}, heap peak {_mb(measure.heap_peak)},"
                f" rss growth {_mb(measure.rss_growth)}"
            )
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    small, large = measures
    measured = large.heap_peak / small.heap_peak
    verdict = "within" if measured <= TARGET_RATIO else "ABOVE"
    out(
        f"report export peak memory: {s}={_mb(small.heap_peak)} {l_}={_mb(large.heap_peak)}"
        f" ratio={measured:.2f} ({verdict} the target of {TARGET_RATIO})"
    )
    return measured


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the large report")
    parser.add_argument("--small-rows", type=int, default=10_000, help="rows of the small report")
    parser.add_argument("--small", action="store_true", help="5 k vs 50 k rows: a smoke test")
    parser.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    small_rows, rows = (5_000, 50_000) if args.small else (args.small_rows, args.rows)
    run(
        small_rows=small_rows,
        rows=rows,
        format=args.format,
        server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        keep=args.keep,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
