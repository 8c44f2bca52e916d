"""POS checkout latency against a one-query floor, at 20 concurrent clients.

Creates its own PostgreSQL database (dropped and recreated at start, dropped at the end
unless ``--keep``), migrates it, opens a clinic with 7 % VAT added on top, a treatment,
a retail product with one lot large enough for every sale, a doctor, patients and a
cashier signed in, and starts the app with uvicorn on 127.0.0.1 (an ephemeral port) in a
process of its own, with ``checkout_floor_settings`` as settings (the project's, plus
``GET /bench/floor``: one ``SELECT 1`` through the same server and middleware).

Then ``--clients`` clients (default 20) each send requests back to back, first to the
floor, then POST /api/v1/commerce/sales/checkout (a service line credited to the doctor,
a product line picked FEFO, 7 % VAT, one card payment of the total, a fresh idempotency
key each), and it prints p50/p95/max of both and the ratio of the p95s. It checks that
every checkout answered 201, that the database holds one sale per 201, that the lot went
down by one per sale and that the trial balance is zero; then stops the server.

    python bench/checkout_latency.py            # 400 floor requests, 400 checkouts
    python bench/checkout_latency.py --small    # 40 + 40 at 8 clients: a smoke test
    python bench/checkout_latency.py --requests 100 --sweep 1,10   # at 1, 10, then 20 clients

The server is ``DATABASE_URL`` (default ``postgres://postgres@127.0.0.1:5432/postgres``,
a role that may create databases); only 127.0.0.1 is accepted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
if str(BENCH_DIR) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR))

from concurrent_booking import _server, _server_env, _setup_django  # noqa: E402
from patient_search import bench_database_url, percentile, recreate_database  # noqa: E402

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/postgres"
BENCH_DATABASE = "aesthetix_bench_checkout"
CHECKOUT = "/api/v1/commerce/sales/checkout"
FLOOR = "/bench/floor"
REQUEST_TIMEOUT_SECONDS = 60
SERVICE_PRICE = Decimal("350.00")
PRODUCT_PRICE = Decimal("990.00")
VAT = Decimal(7)
# (350 + 990) * 1.07, rounded per line as commerce.pricing does: 374.50 + 1059.30.
CART_TOTAL = Decimal("1433.80")


@dataclass(frozen=True)
class Scale:
    requests: int  # per endpoint
    clients: int
    sweep: tuple[int, ...] = ()  # client counts measured first, ``requests`` each

    @property
    def checkouts(self) -> int:
        return self.requests * (1 + len(self.sweep))


FULL = Scale(requests=400, clients=20)
SMOKE = Scale(requests=40, clients=8)


@dataclass
class Timings:
    """Latencies (ms) and status codes of one endpoint."""

    name: str
    ms: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    samples: list[str] = field(default_factory=list)
    seconds: float = 0.0  # wall time of the whole run of this endpoint

    def add(self, ms: float, status: int, body: str, expected: int) -> None:
        self.ms.append(ms)
        self.statuses[status] += 1
        if status != expected and len(self.samples) < 5:
            self.samples.append(f"{status}: {body[:300]}")

    def percentile(self, pct: float) -> float:
        return percentile(self.ms, pct)

    def line(self) -> str:
        return (
            f"{self.name:<9} n={len(self.ms):>4}  p50={statistics.median(self.ms):7.1f}ms  "
            f"p95={self.percentile(95):7.1f}ms  max={max(self.ms):7.1f}ms  "
            f"rate={self.rate():6.1f}/s  statuses={dict(self.statuses)}"
        )

    def rate(self) -> float:
        """Answers per second over the run (all clients together)."""
        return len(self.ms) / self.seconds if self.seconds else 0.0


@dataclass
class Shop:
    clinic_id: str
    service_id: str
    product_id: str
    lot_id: str
    doctor_id: str
    patient_ids: list[str]
    token: str


def _create_shop(scale: Scale) -> Shop:
    """The clinic the cashier sells in (VAT 7 % on top), its catalog and stock."""
    import datetime as dt

    from accounts.tests.factories import ClinicFactory, MembershipFactory, tokens_for
    from catalog.models import Product, Service
    from catalog.services import product_create
    from commerce.services import settings_for, stock_receive
    from core.roles import Role
    from core.tenancy import clinic_context
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from patients.tests.factories import ClinicPatientFactory, PatientProfileFactory

    clinic = ClinicFactory(name="Bench Checkout")
    owner, doctor, cashier = (
        MembershipFactory(clinic=clinic, role=role, user__password=make_password(None)).user
        for role in (Role.OWNER, Role.DOCTOR, Role.CASHIER)
    )
    row = settings_for(clinic)
    row.service_tax_rate = row.product_tax_rate = row.course_tax_rate = VAT
    row.save()
    service = Service.unscoped.create(
        clinic=clinic,
        name="Botulinum toxin, forehead",
        category=Service.Category.NEUROTOXIN,
        price=SERVICE_PRICE,
        currency=clinic.currency,
        duration_minutes=30,
    )
    with clinic_context(clinic):
        product = product_create(
            clinic=clinic, actor=owner, name="Hydrating serum", kind=Product.Kind.RETAIL, price=PRODUCT_PRICE
        )
        lot = stock_receive(
            clinic=clinic,
            actor=owner,
            product=product,
            lot_number="SER-1",
            expiry_date=timezone.localdate() + dt.timedelta(days=365),
            quantity=Decimal(scale.checkouts + 10),
            unit_cost=Decimal("400.00"),
        ).lot
    patients = [
        ClinicPatientFactory(
            clinic=clinic,
            profile=PatientProfileFactory(given_name=f"Patient{n}", phone=f"+6683{n:07d}", email=""),
            chart_number=f"HN{n + 1:06d}",
        )
        for n in range(50)
    ]
    return Shop(
        clinic_id=str(clinic.pk),
        service_id=str(service.pk),
        product_id=str(product.pk),
        lot_id=str(lot.pk),
        doctor_id=str(doctor.pk),
        patient_ids=[str(p.pk) for p in patients],
        token=str(tokens_for(cashier).access),
    )


def _cart(shop: Shop, n: int) -> dict[str, object]:
    return {
        "idempotency_key": f"bench-{uuid.uuid4()}",
        "patient_id": shop.patient_ids[n % len(shop.patient_ids)],
        "lines": [
            {
                "kind": "service",
                "item_id": shop.service_id,
                "credits": [{"practitioner_id": shop.doctor_id, "share": "100"}],
            },
            {"kind": "product", "item_id": shop.product_id},
        ],
        "payments": [{"method": "card", "amount": str(CART_TOTAL), "provider_reference": f"AUTH-{n}"}],
    }


async def _load(base_url: str, shop: Shop, scale: Scale) -> tuple[Timings, Timings]:
    """``scale.clients`` clients, each sending requests back to back: first all floor
    requests, then all checkouts (a bounded number of each, each with a timeout)."""
    import httpx

    headers = {"Authorization": f"Bearer {shop.token}", "X-Clinic-Id": shop.clinic_id}
    limits = httpx.Limits(max_connections=scale.clients, max_keepalive_connections=scale.clients)
    floor, checkout = Timings("floor"), Timings("checkout")
    async with httpx.AsyncClient(
        base_url=base_url, headers=headers, limits=limits, timeout=REQUEST_TIMEOUT_SECONDS
    ) as client:
        for url in (FLOOR, "/api/v1/catalog/services"):  # load the app's modules
            warm = await client.get(url)
            if warm.status_code != 200:
                raise SystemExit(f"GET {url} answered {warm.status_code}: {warm.text[:300]}")

        async def run(timings: Timings, send: Callable[[int], object], expected: int) -> None:
            numbers = iter(range(scale.requests))

            async def worker() -> None:
                for n in numbers:
                    began = time.perf_counter()
                    try:
                        response = await send(n)  # type: ignore[misc]
                        status, body = response.status_code, response.text
                    except httpx.HTTPError as exc:
                        status, body = 0, repr(exc)
                    timings.add((time.perf_counter() - began) * 1000, status, body, expected)

            began = time.perf_counter()
            await asyncio.gather(*(worker() for _ in range(scale.clients)))
            timings.seconds = time.perf_counter() - began

        await run(floor, lambda n: client.get(FLOOR), 200)
        await run(checkout, lambda n: client.post(CHECKOUT, json=_cart(shop, n)), 201)
    return floor, checkout


def _checked(shop: Shop) -> tuple[int, Decimal, Decimal]:
    """Sales stored, what left the lot, and the clinic's trial balance total."""
    from accounts.models import Clinic
    from commerce.models import Sale, StockMovement
    from commerce.selectors import trial_balance
    from core.tenancy import clinic_context
    from django.db.models import Sum

    clinic = Clinic.objects.get(pk=shop.clinic_id)
    with clinic_context(clinic):
        sales = Sale.objects.count()
        sold = StockMovement.objects.filter(lot_id=shop.lot_id, kind="sale").aggregate(s=Sum("quantity"))["s"]
        return sales, -(sold or Decimal(0)), trial_balance()["total_balance"]


def run(
    scale: Scale = FULL,
    *,
    server_url: str = DEFAULT_DATABASE_URL,
    keep: bool = False,
    out: Callable[[str], None] = print,
) -> tuple[Timings, Timings]:
    """Create the database, set the shop up, start the server, measure, stop the server,
    drop the database (unless ``keep``); print as it goes. Raises SystemExit when a
    check fails (after printing the figures). Once per process (Django is set up)."""
    url = bench_database_url(server_url, BENCH_DATABASE)
    started = time.perf_counter()
    out(
        f"checkout benchmark: {scale.requests} floor requests then {scale.requests} checkouts, "
        f"{scale.clients} clients"
    )
    recreate_database(server_url, BENCH_DATABASE)
    try:
        with tempfile.TemporaryDirectory(prefix="aesthetix-bench-") as var_dir:
            env = _server_env(url, var_dir)
            env["DJANGO_SETTINGS_MODULE"] = "checkout_floor_settings"
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(BENCH_DIR), env.get("PYTHONPATH", "")]))
            floor, checkout = _run(scale, env, out)
    finally:
        from django.db import connections

        connections.close_all()
        if keep:
            out(f"kept database {BENCH_DATABASE}")
        else:
            recreate_database(server_url, BENCH_DATABASE, drop_only=True)
    out(f"total {time.perf_counter() - started:.1f} s")
    ratio = checkout.percentile(95) / floor.percentile(95)
    out(
        f"checkout p95 at {scale.clients} clients: floor={floor.percentile(95):.1f}ms "
        f"checkout={checkout.percentile(95):.1f}ms ratio={ratio:.1f} checkouts/s={checkout.rate():.1f}"
    )
    return floor, checkout


def _run(scale: Scale, env: dict[str, str], out: Callable[[str], None]) -> tuple[Timings, Timings]:
    _setup_django(env)
    from django.core.management import call_command

    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    shop = _create_shop(scale)
    out(f"database {BENCH_DATABASE} migrated, shop set up in {time.perf_counter() - began:.1f} s")
    began = time.perf_counter()
    with _server(env) as server:
        out(f"uvicorn at {server.base_url}, started in {time.perf_counter() - began:.1f} s")
        answered = 0
        for clients in scale.sweep:  # the same shop, fewer clients first
            step = Scale(requests=scale.requests, clients=clients)
            floor, checkout = asyncio.run(_load(server.base_url, shop, step))
            answered += checkout.statuses[201]
            out(
                f"at {clients:>2} clients: floor p95={floor.percentile(95):7.1f}ms  "
                f"checkout p50={statistics.median(checkout.ms):7.1f}ms p95={checkout.percentile(95):7.1f}ms  "
                f"ratio={checkout.percentile(95) / floor.percentile(95):5.1f}  "
                f"checkouts/s={checkout.rate():5.1f}  statuses={dict(checkout.statuses)}"
            )
        floor, checkout = asyncio.run(_load(server.base_url, shop, scale))
        answered += checkout.statuses[201]
        failed = (
            floor.statuses[200] != scale.requests
            or checkout.statuses[201] != scale.requests
            or answered != scale.checkouts
        )
        if failed:
            out("server output (tail):\n" + server.error_lines())
    out("server stopped")
    for timings in (floor, checkout):
        out(timings.line())
        for sample in timings.samples:
            out(f"  unexpected answer {sample}")
    sales, sold, balance = _checked(shop)
    out(f"checked: {sales} sales stored for {answered} 201s, {sold} units sold, trial balance {balance}")
    if failed or sales != answered or sold != sales or balance != 0:
        raise SystemExit("FAILED: see the statuses and checks above")
    return floor, checkout


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small", action="store_true", help="40 + 40 requests at 8 clients: a smoke test")
    parser.add_argument("--requests", type=int, help="requests per endpoint (default 400)")
    parser.add_argument("--clients", type=int, help="concurrent clients (default 20)")
    parser.add_argument(
        "--sweep",
        help="client counts measured first, comma-separated (e.g. 1,10): the same figures at each",
    )
    parser.add_argument("--keep", action="store_true", help=f"keep the {BENCH_DATABASE} database")
    args = parser.parse_args(argv)
    scale = SMOKE if args.small else FULL
    sweep = tuple(int(n) for n in args.sweep.split(",")) if args.sweep else ()
    scale = Scale(
        requests=args.requests or scale.requests, clients=args.clients or scale.clients, sweep=sweep
    )
    run(scale, server_url=os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL, keep=args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
