"""Keeps bench/commission_engine.py from rotting without running it at full size.

    python -m pytest bench/test_commission_engine_smoke.py -p no:cacheprovider

Needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432); about forty seconds.
The benchmark runs as a process of its own (it sets Django up against its own database
and starts a Celery worker).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import commission_engine as bench

SCRIPT = Path(__file__).resolve().parent / "commission_engine.py"
CHECKOUT = re.compile(
    r"^checkout p50: 1 rule=(?P<one>[\d.]+)ms 50 rules=(?P<many>[\d.]+)ms ratio=(?P<ratio>[\d.]+)$"
)
DONE = re.compile(
    r"^checkout to commission done over 20 sales .*: p50=(?P<p50>[\d.]+)ms p95=(?P<p95>[\d.]+)ms"
)
TASK = re.compile(r"^commission task p50: 1 rule=[\d.]+ms 50 rules=[\d.]+ms ratio=(?P<ratio>[\d.]+)$")


def test_small_run_computes_every_sale_reports_the_figures_and_drops_its_database() -> None:
    import psycopg

    server = os.environ.get("DATABASE_URL") or bench.DEFAULT_DATABASE_URL
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small", "--interval", "0.05"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "DATABASE_URL": server},
    )

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    checkout = CHECKOUT.match(lines[-1])
    assert checkout and float(checkout["ratio"]) > 0, lines[-1]
    assert any(TASK.match(line) for line in lines), lines
    latency = next(DONE.match(line) for line in lines if DONE.match(line))
    assert 0 < float(latency["p50"]) <= float(latency["p95"])
    with psycopg.connect(server) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench.BENCH_DATABASE]).fetchall()
    assert left == []
