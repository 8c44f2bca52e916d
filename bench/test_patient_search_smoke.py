"""Keeps bench/patient_search.py from rotting without running it at full size.

Not collected by CI (which runs backend-core/ and e2e/); run it by hand:

    python -m pytest bench/test_patient_search_smoke.py -p no:cacheprovider

The run test needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432) and
takes about ten seconds in all. It starts the benchmark as a process of its own because the
benchmark sets Django up against its own database, once per process.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import patient_search as bench

SCRIPT = Path(__file__).resolve().parent / "patient_search.py"
SUMMARY = re.compile(
    r"^patient search p95: 1k=(?P<small>[\d.]+)ms 20k=(?P<large>[\d.]+)ms ratio=(?P<ratio>[\d.]+) "
    r"\(1k before 20k was loaded: [\d.]+ms\)$"
)


def _fold(text: str) -> str:
    return bench._strip_accents(text).casefold()


def test_queries_are_the_same_every_run_and_follow_the_mix() -> None:
    queries = bench.make_queries(200)

    assert queries == bench.make_queries(200)
    assert len(queries) == 200
    kinds = [kind for kind, _q in queries]
    for kind, share in bench.QUERY_MIX:
        assert abs(kinds.count(kind) - share * 200) <= 1, kind


def test_no_match_words_are_in_no_generated_name() -> None:
    names = [name for names in bench.GIVEN_NAMES.values() for name, _sex in names]
    names += [name for names in bench.FAMILY_NAMES.values() for name in names]

    for word in bench.NO_MATCH:
        assert not any(_fold(word) in _fold(name) for name in names), word


def test_accented_queries_differ_from_their_unaccented_twins() -> None:
    queries = bench.make_queries(200)

    accented = [q for kind, q in queries if kind == "accented"]
    assert all(_fold(q) != q.casefold() for q in accented)
    assert all(q.isascii() for kind, q in queries if kind == "unaccented")


def test_percentile_interpolates_between_ranks() -> None:
    samples = [float(n) for n in range(1, 101)]

    assert bench.percentile(samples, 50) == pytest.approx(50.5)
    assert bench.percentile(samples, 95) == pytest.approx(95.05)
    assert bench.percentile([7.0], 95) == 7.0


def test_only_the_local_server_is_accepted() -> None:
    url = bench.bench_database_url("postgres://postgres@127.0.0.1:5432/postgres")

    assert url == "postgres://postgres@127.0.0.1:5432/aesthetix_bench"
    with pytest.raises(SystemExit):
        bench.bench_database_url("postgres://postgres@db.example.com:5432/postgres")


def test_small_run_reports_a_ratio_and_drops_its_database() -> None:
    import psycopg

    server = os.environ.get("DATABASE_URL") or bench.DEFAULT_DATABASE_URL

    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env={**os.environ, "DATABASE_URL": server},
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    assert float(summary["small"]) > 0
    assert float(summary["large"]) > 0
    assert float(summary["ratio"]) == pytest.approx(
        float(summary["large"]) / float(summary["small"]), rel=0.01
    )
    assert "checked: sampled search_name equal search_key(name), phones are E.164" in lines
    assert any(
        re.match(r"trigram index used for q='.+' at 20k: page (yes|no), count (yes|no)", ln) for ln in lines
    )
    with psycopg.connect(server) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench.BENCH_DATABASE]).fetchall()
    assert left == []
