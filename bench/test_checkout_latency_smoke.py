"""Keeps bench/checkout_latency.py from rotting without running it at full size.

    python -m pytest bench/test_checkout_latency_smoke.py -p no:cacheprovider

The run test needs the PostgreSQL of ``DATABASE_URL`` (default 127.0.0.1:5432) and takes
about twenty seconds: it starts the benchmark, which starts uvicorn, in processes of their own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import checkout_latency as bench

SCRIPT = Path(__file__).resolve().parent / "checkout_latency.py"
SUMMARY = re.compile(
    r"^checkout p95 at 8 clients: floor=(?P<floor>[\d.]+)ms "
    r"checkout=(?P<checkout>[\d.]+)ms ratio=(?P<ratio>[\d.]+) checkouts/s=(?P<rate>[\d.]+)$"
)


def test_the_cart_total_follows_the_pricing_rules() -> None:
    sys.path.insert(0, str(bench.BENCH_DIR.parent / "backend-core"))
    from commerce.pricing import LineInput, price_cart

    cart = price_cart(
        [
            LineInput(unit_price=bench.SERVICE_PRICE, quantity=Decimal(1), tax_rate=bench.VAT),
            LineInput(unit_price=bench.PRODUCT_PRICE, quantity=Decimal(1), tax_rate=bench.VAT),
        ],
        currency="THB",
        tax_inclusive=False,
    )
    assert cart.total == bench.CART_TOTAL


def test_small_run_sells_every_cart_once_and_drops_its_database() -> None:
    import psycopg

    server = os.environ.get("DATABASE_URL") or bench.DEFAULT_DATABASE_URL
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--small"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        env={**os.environ, "DATABASE_URL": server},
    )

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    summary = SUMMARY.match(lines[-1])
    assert summary, lines[-1]
    assert float(summary["floor"]) > 0 and float(summary["checkout"]) > 0 and float(summary["rate"]) > 0
    assert any(line.startswith("checked: 40 sales stored for 40 201s") for line in lines)
    assert "trial balance 0.00" in done.stdout
    with psycopg.connect(server) as conn:
        left = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [bench.BENCH_DATABASE]).fetchall()
    assert left == []
