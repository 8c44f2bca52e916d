"""Commission engine: checkout latency with 1 vs 500 active rules, and the time from
checkout to commission done with a real Celery worker.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, and opens two clinics with the same staff and catalog:
clinic ONE has 1 active commission rule, clinic MANY has 500 (499 rules on specific
services, categories and products, with tiers and priorities, plus the catch-all tiered
rule that ends up paying). Every sale is one toxin line credited 60/40 to a doctor and a
nurse. Then:

1. **checkout**: ``commerce.services.sale_checkout`` as the POS calls it (sale, invoice,
   cash payment, ledger, ``sale_completed``: the commission receiver opens the pending
   run and, after commit, queues ``calculate_commission`` on the broker, a queue nobody
   consumes here, purged at the end). Samples of ONE and MANY
   interleaved; the ratio of the p50s is the figure (target ≤ 1.2: the rules are the
   worker's business, not the POS's).
2. **commission task**: ``sale_commissions_calculate`` of those sales, in process, ONE vs
   MANY (p50 ratio): what 500 rules cost the worker.
3. **checkout to done**: a real worker process (``celery worker --pool solo``) on a queue
   of its own; sales of clinic MANY are checked out one every ``--interval`` seconds and
   each one's latency is ``CommissionRun.completed_at`` (written by the worker) minus the
   instant its checkout committed. p50 and p95 over ``--sales`` sales.

    python bench/commission_engine.py            # 200 sales, 500 rules
    python bench/commission_engine.py --small    # 20 sales, 50 rules: a smoke test

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted. The broker is
``REDIS_URL`` when set, else the embedded filesystem broker in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
BACKEND_DIR = BENCH_DIR.parent / "backend-core"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_commissions"
WORKER_START_SECONDS = 90

if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from concurrent_booking import _server_env, _setup_django  # noqa: E402
from patient_search import bench_database_url, percentile, recreate_database  # noqa: E402


@dataclass(frozen=True)
class Scale:
    rules: int  # active rules of clinic MANY
    samples: int  # checkouts per clinic in steps 1 and 2
    sales: int  # sales through the worker in step 3


FULL = Scale(rules=500, samples=200, sales=200)
SMOKE = Scale(rules=50, samples=10, sales=20)


@dataclass
class Shop:
    """One clinic and who sells there."""

    clinic: Any
    cashier: Any
    credits: list[tuple[Any, Decimal]]
    toxin: Any
    patient: Any


def _shop(name: str, rules: int) -> Shop:
    """A Thai clinic with a cashier, a doctor and a nurse, a toxin service, 50 other
    services and ``rules`` active rules, the catch-all tiered rule among them."""
    from accounts.tests.factories import ClinicFactory, MembershipFactory
    from catalog.models import Product, Service
    from commissions.models import CommissionRule
    from commissions.tests.factories import rule, service
    from patients.tests.factories import ClinicPatientFactory

    clinic = ClinicFactory(name=name, country="TH", time_zone="Asia/Bangkok", currency="THB")
    doctor, nurse, cashier = (
        MembershipFactory(clinic=clinic, role=r).user for r in ("doctor", "nurse", "cashier")
    )
    toxin = service(clinic, "Botulinum toxin", Service.Category.NEUROTOXIN)
    others = [service(clinic, f"Treatment {i:02d}", Service.Category.LASER) for i in range(50)]
    product = Product.unscoped.create(
        clinic=clinic, name="Sunscreen", kind=Product.Kind.RETAIL, price=Decimal(900), currency="THB"
    )
    tiers = [{"above": "100000.00", "value": "10.00"}, {"above": "300000.00", "value": "12.00"}]
    rule(clinic, name="Every service: 5 %, 10 % above 100 000", value=Decimal(5), tiers=tiers, priority=-100)
    scopes = [
        {"scope": CommissionRule.Scope.SERVICE_CATEGORY, "service_category": Service.Category.LASER},
        {"scope": CommissionRule.Scope.PRODUCT, "product": product},
        {"scope": CommissionRule.Scope.COURSE},
    ]
    for i in range(rules - 1):
        target = (
            {"scope": CommissionRule.Scope.SERVICE, "service": others[i % 50]} if i % 4 else scopes[i % 3]
        )
        mode = ("whole_period", "marginal")[i % 2]
        rule(
            clinic, value=Decimal(i % 20), tiers=tiers[: i % 3], tier_mode=mode, priority=i % 7 - 3, **target
        )
    patient = ClinicPatientFactory(clinic=clinic)
    return Shop(clinic, cashier, [(doctor, Decimal(60)), (nurse, Decimal(40))], toxin, patient)


def checkout(shop: Shop) -> tuple[Any, float, float]:
    """One POS checkout (``sale_checkout``: sale, invoice, ledger, ``sale_completed``),
    10 units of toxin paid in cash. Returns ``(sale, seconds taken, epoch seconds at
    commit)``."""
    from commerce.services import CartLine, PaymentInput, sale_checkout
    from core.tenancy import clinic_context

    line = CartLine(item=shop.toxin, quantity=Decimal(10), credits=shop.credits)
    start = time.perf_counter()
    with clinic_context(shop.clinic):
        row, _created = sale_checkout(
            clinic=shop.clinic,
            actor=shop.cashier,
            patient=shop.patient,
            lines=[line],
            payments=[PaymentInput(method="cash", amount=shop.toxin.price * 10)],
            idempotency_key=str(uuid.uuid4()),
        )
    return row, time.perf_counter() - start, time.time()


def calculate(shop: Shop, sale: Any) -> float:
    from commissions.services import sale_commissions_calculate
    from core.tenancy import clinic_context

    start = time.perf_counter()
    with clinic_context(shop.clinic):
        sale_commissions_calculate(sale=sale)
    return time.perf_counter() - start


def _queue(name: str) -> None:
    """Send the tasks to queue ``name`` from now on."""
    from core.celery import app

    app.conf.task_default_queue = name


def _purge(name: str) -> None:
    from core.celery import app

    with app.connection_for_write() as connection:
        connection.default_channel.queue_purge(name)


def _ms(seconds: Sequence[float], pct: float) -> float:
    return percentile([s * 1000 for s in seconds], pct)


def _worker(env: dict[str, str], queue: str) -> subprocess.Popen[bytes]:
    from core.celery import worker_argv

    return subprocess.Popen(
        worker_argv(queue),
        cwd=BACKEND_DIR,
        # A worker keeps its database connection between tasks, as in production.
        env={**env, "CELERY_DEFAULT_QUEUE": queue, "DATABASE_CONN_MAX_AGE": "60"},
        stdout=subprocess.DEVNULL,  # the start-up banner
    )


def _wait(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def _run(scale: Scale, env: dict[str, str], interval: float, out: Callable[[str], None]) -> dict[str, float]:
    from commissions.models import CommissionLog, CommissionRun
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    one, many = _shop("Clinic ONE", 1), _shop("Clinic MANY", scale.rules)
    out(f"clinics ready: ONE with 1 rule, MANY with {scale.rules} rules")

    parked = f"bench-parked-{os.getpid()}"
    _queue(parked)
    checkout(one), checkout(many)  # warm-up: connections, caches
    timings: dict[str, list[float]] = {"one": [], "many": []}
    sales: dict[str, list[Any]] = {"one": [], "many": []}
    for _ in range(scale.samples):
        for key, shop in (("one", one), ("many", many)):
            sale, seconds, _at = checkout(shop)
            timings[key].append(seconds)
            sales[key].append(sale)
    _purge(parked)
    task: dict[str, list[float]] = {"one": [], "many": []}
    for one_sale, many_sale in zip(sales["one"], sales["many"], strict=True):
        task["one"].append(calculate(one, one_sale))
        task["many"].append(calculate(many, many_sale))

    queue = f"bench-commissions-{os.getpid()}"
    _queue(queue)
    worker = _worker(env, queue)
    try:
        warm, _s, _at = checkout(many)
        if not _wait(
            lambda: CommissionRun.unscoped.filter(sale=warm, status="done").exists(), WORKER_START_SECONDS
        ):
            raise SystemExit("the worker did not start")
        committed: dict[Any, float] = {}
        for _ in range(scale.sales):
            sale, _s, at = checkout(many)
            committed[sale.pk] = at
            time.sleep(interval)
        runs = CommissionRun.unscoped.filter(sale_id__in=list(committed))
        if not _wait(lambda: runs.filter(status="done").count() == scale.sales, 60 + scale.sales):
            raise SystemExit(
                f"only {runs.filter(status='done').count()} of {scale.sales} sales were computed"
            )
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    latency = [run.completed_at.timestamp() - committed[run.sale_id] for run in runs]
    logs = CommissionLog.unscoped.filter(sale_id__in=list(committed)).count()
    if logs != 2 * scale.sales:
        raise SystemExit(f"expected {2 * scale.sales} commission logs, found {logs}")

    n = scale.rules
    check_one, check_many = _ms(timings["one"], 50), _ms(timings["many"], 50)
    task_one, task_many = _ms(task["one"], 50), _ms(task["many"], 50)
    done_p50, done_p95 = _ms(latency, 50), _ms(latency, 95)
    out(f"checkout p95: 1 rule={_ms(timings['one'], 95):.2f}ms {n} rules={_ms(timings['many'], 95):.2f}ms")
    out(
        f"commission task p50: 1 rule={task_one:.2f}ms {n} rules={task_many:.2f}ms"
        f" ratio={task_many / task_one:.2f}"
    )
    out(
        f"checkout to commission done over {scale.sales} sales (one every {interval * 1000:.0f} ms):"
        f" p50={done_p50:.1f}ms p95={done_p95:.1f}ms max={max(latency) * 1000:.1f}ms"
    )
    out(
        f"checkout p50: 1 rule={check_one:.2f}ms {n} rules={check_many:.2f}ms"
        f" ratio={check_many / check_one:.2f}"
    )
    figures = {"checkout_ratio": check_many / check_one, "task_ratio": task_many / task_one}
    figures |= {"done_p50": done_p50, "done_p95": done_p95}
    return figures


def run(
    scale: Scale, *, server_url: str, interval: float, keep: bool, out: Callable[[str], None] = print
) -> None:
    url = bench_database_url(server_url, BENCH_DATABASE)
    recreate_database(server_url, BENCH_DATABASE)
    try:
        with tempfile.TemporaryDirectory(prefix="aesthetix-bench-") as var_dir:
            env = _server_env(url, var_dir)
            _setup_django(env)
            _run(scale, env, interval, out)
    finally:
        from django.db import connections

        connections.close_all()
        if not keep:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="20 sales and 50 rules: a smoke test")
    parser.add_argument(
        "--interval",
        type=float,
        default=0.2,
        help="seconds between sales in step 3 (default: 5 sales a second)",
    )
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    run(
        SMOKE if args.small else FULL,
        server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        interval=args.interval,
        keep=args.keep,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
