import datetime as dt

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from reporting.models import DailyClinicFigures
from reporting.tasks import RECENT_DAYS, daily_figures_refresh_recent


def test_beat_rebuilds_every_clinics_recent_days(world):
    daily_figures_refresh_recent()
    for tenant in (world.a, world.b):
        days = set(DailyClinicFigures.unscoped.filter(clinic=tenant.clinic).values_list("date", flat=True))
        today = tenant.clinic.today()
        assert days == {today - dt.timedelta(days=n) for n in range(RECENT_DAYS + 1)}
    # The world's sale was made today: beat's rows carry it.
    assert (
        DailyClinicFigures.unscoped.get(clinic=world.a.clinic, date=world.a.clinic.today()).sales_count == 1
    )
    schedule = settings.CELERY_BEAT_SCHEDULE["reporting-daily-figures-refresh"]
    assert schedule["task"] == "reporting.tasks.daily_figures_refresh_recent"


def test_the_backfill_command_rebuilds_one_clinics_days(world):
    call_command("reporting_backfill", "--days", "100", "--clinic", str(world.b.clinic.pk))
    rows = DailyClinicFigures.unscoped.filter(clinic=world.b.clinic)
    assert rows.count() == 101  # more than one refresh's 92 days: done in chunks
    assert not DailyClinicFigures.unscoped.filter(clinic=world.a.clinic).exists()
    with pytest.raises(CommandError):
        call_command("reporting_backfill", "--days", "0")
