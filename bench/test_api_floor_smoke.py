"""Keeps bench/api_floor.py from rotting without running it at full size.

    python -m pytest bench/test_api_floor_smoke.py -p no:cacheprovider

The run test needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432) and takes
about a minute: it starts the benchmark, which starts uvicorn, in processes of their own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api_floor as bench

SCRIPT = Path(__file__).resolve().parent / "api_floor.py"
ROW = re.compile(
    r"^  (?P<name>.+?)\s+c=(?P<c>\d+)\s+p50\s+[\d.]+ ms  p95\s+(?P<p95>[\d.]+) ms\s+(?P<rps>[\d.]+) req/s  "
    r"server CPU\s+(?P<cpu>[\d.]+) ms/req  errors (?P<errors>\d+)$"
)
RATIO = re.compile(
    r"^  (?P<what>.+?)\s+(?P<value>[\d.]+)  \(target <= (?P<target>[\d.]+): (within target|OVER target)\)$"
)


def _measured(name: str, concurrency: int, p95: float, cpu_seconds: float = 0.1) -> bench.Measured:
    return bench.Measured(name, concurrency, samples=[p95] * 10, seconds=1.0, server_cpu_seconds=cpu_seconds)


def test_ratios_compare_the_floor_with_healthz_and_each_read_with_the_floor_at_its_concurrency() -> None:
    results = bench.Results(
        [
            _measured("healthz", 1, 2.0),
            _measured("users/me", 1, 5.0, cpu_seconds=0.04),
            _measured("users/me", 10, 20.0),
            _measured("calendar day", 10, 30.0),
        ]
    )

    assert results.ratios() == [
        ("users/me p95 / healthz p95, c=1", 2.5, bench.TARGET_FLOOR_RATIO),
        ("users/me server CPU ms/req, c=1", 4.0, bench.TARGET_FLOOR_CPU_MS),
        ("calendar day p95 / users/me p95, c=10", 1.5, bench.TARGET_READ_RATIO),
    ]
    assert "OVER target" in results.summary()


def test_small_run_measures_every_endpoint_and_drops_its_database() -> None:
    import psycopg

    server = os.environ.get("DATABASE_URL") or bench.DEFAULT_DATABASE_URL

    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "DATABASE_URL": server},
    )

    assert done.returncode == 0, done.stdout + done.stderr
    rows = [match for line in done.stdout.splitlines() if (match := ROW.match(line))]
    assert [(row["name"], int(row["c"])) for row in rows] == [
        ("healthz", 1),
        ("users/me", 1),
        ("users/me", 10),
        ("calendar day", 10),
        ("patient search", 10),
        ("availability", 10),
    ]
    assert all(float(row["p95"]) > 0 and float(row["rps"]) > 0 and row["errors"] == "0" for row in rows)
    ratios = [match for line in done.stdout.splitlines() if (match := RATIO.match(line))]
    assert len(ratios) == 5
    with psycopg.connect(server) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench.BENCH_DATABASE]).fetchall()
    assert left == []
