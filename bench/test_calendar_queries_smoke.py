"""Keeps bench/calendar_queries.py from rotting without running it at full size.

    python -m pytest bench/test_calendar_queries_smoke.py -p no:cacheprovider

The run test needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432) and takes
about ten seconds. It starts the benchmark as a process of its own because the benchmark
sets Django up against its own database, once per process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import calendar_queries as bench

SCRIPT = Path(__file__).resolve().parent / "calendar_queries.py"
SUMMARY = {
    name: re.compile(rf"^{name} p95: 1k=(?P<small>[\d.]+)ms 20k=(?P<large>[\d.]+)ms ratio=(?P<ratio>[\d.]+)$")
    for name in ("day calendar", "availability")
}


def test_days_are_the_same_every_run_and_in_range() -> None:
    days = bench.make_days(100)

    assert days == bench.make_days(100)
    assert all(-bench.DAYS_BACK <= cal < bench.DAYS_AHEAD for cal, _free in days)
    assert all(0 <= free <= bench.DAYS_AHEAD - bench.WINDOW_DAYS for _cal, free in days)


def test_full_scale_fits_the_practitioners_hours() -> None:
    days = bench.DAYS_BACK + bench.DAYS_AHEAD
    for n, practitioners in ((bench.FULL.small, bench.FULL.small_practitioners),
                             (bench.FULL.large, bench.FULL.large_practitioners)):  # fmt: skip
        per_day = -(-n // practitioners // days)
        assert per_day * bench.SLOT_MINUTES <= 12 * 60


def test_ratio_is_p95_over_p95() -> None:
    small, large = bench.Timings("10k"), bench.Timings("1M")
    for ms in range(1, 101):
        small.add(float(ms), 0.0)
        large.add(float(ms) * 3, 0.0)
    measured = bench.Measured("day calendar", "count", small, large)

    assert measured.ratio == pytest.approx(3.0)
    assert measured.summary().startswith("day calendar p95: 10k=95.05ms 1M=285.15ms ratio=3.00")


def test_small_run_reports_both_ratios_and_drops_its_database() -> None:
    import psycopg

    server = os.environ.get("DATABASE_URL") or bench.DEFAULT_DATABASE_URL

    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DATABASE_URL": server},
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for line, (name, pattern) in zip(lines[-2:], SUMMARY.items(), strict=True):
        summary = pattern.match(line)
        assert summary, (name, line)
        assert float(summary["small"]) > 0
        assert float(summary["ratio"]) == pytest.approx(
            float(summary["large"]) / float(summary["small"]), rel=0.01
        )
    assert any(ln.startswith("checked: Bench Small 1,000 (") and "Bench Large 20,000 (" in ln for ln in lines)
    assert any(ln.startswith("EXPLAIN (ANALYZE, BUFFERS) at 20k, availability") for ln in lines)
    with psycopg.connect(server) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench.BENCH_DATABASE]).fetchall()
    assert left == []
