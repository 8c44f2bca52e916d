"""Sales and rules for commission tests, written straight to the models (the checkout
service is exercised by its own tests); amounts are the net amounts the checkout would
have computed."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from accounts.models import Clinic, User
from catalog.models import Service
from commerce.models import Refund, RefundLine, Sale, SaleLine, SaleLineCredit
from commissions.models import CommissionRule

_numbers = itertools.count(1)


@dataclass
class Line:
    item: Any  # Service, Product or Course
    net: Decimal | str
    credits: Sequence[tuple[User, Decimal | str | int]]
    quantity: Decimal | str = "1"
    kind: str = field(default="")


def sale(
    clinic: Clinic,
    cashier: User,
    lines: Sequence[Line],
    *,
    at: dt.datetime | None = None,
    status: str = Sale.Status.COMPLETED,
) -> Sale:
    """A completed sale of ``lines`` (net amounts, no tax) made at ``at`` (default now)."""
    total = sum((Decimal(line.net) for line in lines), Decimal(0))
    number = next(_numbers)
    row = Sale.unscoped.create(
        clinic=clinic,
        number=f"S{number:06d}",
        currency=clinic.currency,
        subtotal=total,
        total=total,
        idempotency_key=f"test-{number}",
        created_by=cashier,
        status=status,
    )
    if at is not None:
        Sale.unscoped.filter(pk=row.pk).update(created_at=at)
        row.created_at = at
    for position, line in enumerate(lines, start=1):
        kind = line.kind or type(line.item).__name__.lower()
        net = Decimal(line.net)
        sale_line = SaleLine.unscoped.create(
            clinic=clinic,
            sale=row,
            position=position,
            kind=kind,
            **{kind: line.item},
            description=str(line.item),
            quantity=Decimal(line.quantity),
            unit_price=net / Decimal(line.quantity),
            net_amount=net,
            total=net,
            currency=clinic.currency,
        )
        for practitioner, share in line.credits:
            SaleLineCredit.unscoped.create(
                clinic=clinic, sale_line=sale_line, practitioner=practitioner, share=Decimal(share)
            )
    return row


def refund(sale_row: Sale, cashier: User, amounts: dict[int, Decimal | str]) -> Refund:
    """Refund net ``amounts`` by line position (no tax)."""
    total = sum((Decimal(a) for a in amounts.values()), Decimal(0))
    row = Refund.unscoped.create(
        clinic=sale_row.clinic,
        sale=sale_row,
        amount=total,
        reason="test",
        created_by=cashier,
        idempotency_key=f"refund-{next(_numbers)}",
    )
    for position, amount in amounts.items():
        line = SaleLine.unscoped.get(sale=sale_row, position=position)
        RefundLine.unscoped.create(
            clinic=sale_row.clinic,
            refund=row,
            sale_line=line,
            quantity=line.quantity * Decimal(amount) / line.net_amount,
            amount=Decimal(amount),
            net_amount=Decimal(amount),
            tax_amount=Decimal(0),
        )
    return row


def rule(clinic: Clinic, **fields: Any) -> CommissionRule:
    """A rule of every service by default: 5 %, whole period, month, from 2020."""
    fields.setdefault("name", f"Rule {next(_numbers)}")
    fields.setdefault("scope", CommissionRule.Scope.SERVICE)
    fields.setdefault("value", Decimal(5))
    fields.setdefault("effective_from", dt.date(2020, 1, 1))
    return CommissionRule.unscoped.create(clinic=clinic, currency=clinic.currency, **fields)


def service(clinic: Clinic, name: str, category: str = Service.Category.LASER) -> Service:
    return Service.unscoped.create(
        clinic=clinic,
        name=name,
        category=category,
        price=Decimal(1000),
        currency=clinic.currency,
        duration_minutes=30,
    )


def at(year: int, month: int, day: int, hour: int = 12) -> dt.datetime:
    """A UTC instant (midday, so it is the same day in Bangkok and São Paulo)."""
    return dt.datetime(year, month, day, hour, tzinfo=dt.UTC)
