"""Rows of the commerce context for tests, written through the services where the
behaviour under test depends on them (stock on hand, ledger)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from accounts.models import Clinic, User
from catalog.models import Product
from commerce.models import StockLot
from commerce.services import stock_receive
from core.tenancy import clinic_context


def lot(
    clinic: Clinic,
    actor: User,
    item: Product,
    lot_number: str,
    quantity: str | Decimal,
    expires_in_days: int = 365,
    unit_cost: str = "0",
) -> StockLot:
    with clinic_context(clinic):
        movement = stock_receive(
            clinic=clinic,
            actor=actor,
            product=item,
            lot_number=lot_number,
            expiry_date=clinic.today() + dt.timedelta(days=expires_in_days),
            quantity=Decimal(quantity),
            unit_cost=Decimal(unit_cost),
        )
        return movement.lot


def expire(lot_row: StockLot, days_ago: int = 1) -> None:
    """Move a lot's expiry into the past (receipt refuses expired lots)."""
    StockLot.unscoped.filter(pk=lot_row.pk).update(
        expiry_date=lot_row.clinic.today() - dt.timedelta(days=days_ago)
    )
    lot_row.refresh_from_db()


def taxes(clinic: Clinic, *, rate: str, inclusive: bool, label: str = "VAT") -> None:
    from commerce.services import settings_for

    row = settings_for(clinic)
    row.tax_label = label
    row.service_tax_rate = row.product_tax_rate = row.course_tax_rate = Decimal(rate)
    row.tax_inclusive = inclusive
    row.save()


def at_once(call, times: int = 2) -> list[object]:
    """Run ``call`` in ``times`` threads released together, each on its own database
    connection; returns what each returned or the exception it raised, in finishing order."""
    import threading

    from django.db import connection

    barrier = threading.Barrier(times)
    outcomes: list[object] = []

    def run() -> None:
        try:
            barrier.wait()
            outcomes.append(call())
        except Exception as exc:
            outcomes.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
