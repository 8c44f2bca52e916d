"""Listeners of the sales flow: checkout queues the commission calculation after commit,
writing nothing in the sale's transaction (beat's sweep starts the calculation of a sale
whose message was lost: ``services.commission_runs_requeue_stale``); refunds and voids
mark the run's reversals due in the sale's transaction and queue them, so beat sends
again what was lost."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from commerce.models import Sale
from commerce.signals import sale_completed, sale_reversed
from commissions import tasks
from commissions.services import commission_run_reversals_due
from core.tasks import enqueue_on_commit


@receiver(sale_completed, dispatch_uid="commissions.sale_completed")
def on_sale_completed(sender: Any, *, sale: Sale, **kwargs: Any) -> None:
    enqueue_on_commit(tasks.calculate_commission, clinic_id=str(sale.clinic_id), sale_id=str(sale.pk))


@receiver(sale_reversed, dispatch_uid="commissions.sale_reversed")
def on_sale_reversed(sender: Any, *, sale: Sale, **kwargs: Any) -> None:
    commission_run_reversals_due(sale=sale)
    enqueue_on_commit(tasks.reverse_commission, clinic_id=str(sale.clinic_id), sale_id=str(sale.pk))
