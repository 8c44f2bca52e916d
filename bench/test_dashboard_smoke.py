"""Keeps bench/dashboard.py from rotting without running it at full size.

    python -m pytest bench/test_dashboard_smoke.py -p no:cacheprovider

The run test needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432). It starts
the benchmark as a process of its own because the benchmark sets Django up against its own
database, once per process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import dashboard as bench

SCRIPT = Path(__file__).resolve().parent / "dashboard.py"
SUMMARY = re.compile(
    r"^dashboard p95: 1k=(?P<small>[\d.]+)ms 20k=(?P<large>[\d.]+)ms ratio=(?P<ratio>[\d.]+) "
)


def test_periods_are_the_same_every_run_and_inside_the_year() -> None:
    periods = bench.make_periods(50)
    assert periods == bench.make_periods(50)
    assert all(back >= 0 and back + 2 * bench.PERIOD_DAYS <= bench.YEAR_DAYS for back in periods)


def test_ratio_is_p95_over_p95() -> None:
    small, large = bench.Timings("10k"), bench.Timings("1M")
    small.ms = [float(ms) for ms in range(1, 101)]
    large.ms = [2.0 * ms for ms in range(1, 101)]
    assert bench.ratio(small, large) == 2.0


def test_the_small_run_prints_its_ratio() -> None:
    env = {**os.environ}
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small"],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    summary = [m for line in done.stdout.splitlines() if (m := SUMMARY.match(line))]
    assert len(summary) == 1, done.stdout
    assert float(summary[0]["ratio"]) > 0
