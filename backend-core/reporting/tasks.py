"""Celery entry points of the reporting context (thin: they call the services)."""

from __future__ import annotations

import datetime as dt

from celery import shared_task

from accounts.models import Clinic
from reporting.services import daily_figures_backfill, daily_figures_refresh
from scheduling.selectors import REBOOKING_WINDOW_DAYS

# Days before the clinic's today that beat refreshes each time: late postings (a refund,
# a commission computed after midnight, a deposit settled) land on recent days.
RECENT_DAYS = 3


@shared_task(acks_late=True)
def daily_figures_refresh_recent() -> int:
    """Every few minutes (beat): rebuild the daily figures of every clinic for its local
    today and the ``RECENT_DAYS`` days before. Idempotent. Returns the rows written."""
    written = 0
    for clinic in Clinic.objects.all():
        today = clinic.today()
        written += daily_figures_refresh(
            clinic=clinic, start=today - dt.timedelta(days=RECENT_DAYS), end=today
        )
    return written


@shared_task(acks_late=True)
def daily_figures_refresh_followups() -> int:
    """Nightly (beat): rebuild every clinic's figures of the ``REBOOKING_WINDOW_DAYS``
    days before today, whose rebooking counts (``completed_followups``) change as
    patients book their next visit. Idempotent. Returns the rows written."""
    written = 0
    for clinic in Clinic.objects.all():
        today = clinic.today()
        written += daily_figures_backfill(
            clinic=clinic, start=today - dt.timedelta(days=REBOOKING_WINDOW_DAYS), end=today
        )
    return written
