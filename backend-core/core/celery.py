"""The Celery application; tasks are autodiscovered from each app's ``tasks.py``."""

import os
import sys
from typing import Any

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")

app = Celery("aesthetix")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
@signals.beat_init.connect
def _refuse_published_keys(**kwargs: Any) -> None:
    """A worker or beat keyed with a published default key does not start. (Celery
    logs and swallows a handler's exceptions, but not ``SystemExit``.)"""
    from django.core.exceptions import ImproperlyConfigured

    from core.checks import refuse_published_keys

    try:
        refuse_published_keys()
    except ImproperlyConfigured as exc:
        raise SystemExit(f"Refusing to start: {exc}") from exc


def worker_argv(queue: str) -> list[str]:
    """The command line of one worker process consuming only ``queue`` (no gossip, no
    mingle, one task at a time): what tests and benchmarks start."""
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "core",
        "worker",
        "-Q",
        queue,
        "--pool",
        "solo",
        "--without-gossip",
        "--without-mingle",
        "-l",
        "warning",
    ]
