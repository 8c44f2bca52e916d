"""Keeps bench/concurrent_booking.py from rotting without running it at full size.

    python -m pytest bench/test_concurrent_booking_smoke.py -p no:cacheprovider

The run test needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432) and takes
about ten seconds: it starts the benchmark, which starts uvicorn, in processes of their own.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import concurrent_booking as bench

SCRIPT = Path(__file__).resolve().parent / "concurrent_booking.py"
SUMMARY = re.compile(
    r"^concurrent booking: 40 requests, successes=(?P<ok>\d+) conflicts=(?P<conflicts>\d+) "
    r"errors=(?P<errors>\d+) \(5xx=(?P<server>\d+)\) req/s=(?P<rps>[\d.]+) "
    r"contested slots=(?P<contested>\d+) with one booking each=(?P<won>\d+)$"
)


def _overlap(a: bench.Attempt, b: bench.Attempt) -> bool:
    length = dt.timedelta(minutes=bench.SERVICE_MINUTES)
    return (
        a.practitioner == b.practitioner
        and a.starts_at < b.starts_at + length
        and b.starts_at < a.starts_at + length
    )


def test_attempts_clash_only_within_a_contested_slot() -> None:
    rounds = bench.make_attempts(bench.FULL, dt.date(2030, 3, 4))
    attempts = [a for r in rounds for a in r]

    assert len(attempts) == 200
    assert len({a.patient for a in attempts}) == len(attempts)  # only the practitioner clashes
    for a, b in itertools.combinations(attempts, 2):
        assert _overlap(a, b) == (a.slot == b.slot and a.contested), (a, b)
    contested = {a.slot for a in attempts if a.contested}
    assert len(contested) == bench.FULL.rounds * bench.FULL.contested


def test_small_run_has_one_winner_per_contested_slot_and_drops_its_database() -> None:
    import psycopg

    server = os.environ.get("DATABASE_URL") or bench.DEFAULT_DATABASE_URL

    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small"],
        capture_output=True,
        text=True,
        timeout=300,  # a busy machine migrates slowly; this is a smoke test, not a timing
        check=False,
        env={**os.environ, "DATABASE_URL": server},
    )

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    scale = bench.SMOKE
    contested = scale.rounds * scale.contested
    assert int(summary["contested"]) == int(summary["won"]) == contested
    assert int(summary["ok"]) == contested + scale.rounds * scale.free
    assert int(summary["conflicts"]) == contested * (scale.per_slot - 1)
    assert int(summary["errors"]) == int(summary["server"]) == 0
    assert float(summary["rps"]) > 0
    assert "server stopped" in lines
    with psycopg.connect(server) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench.BENCH_DATABASE]).fetchall()
    assert left == []
