"""The Celery application; tasks are autodiscovered from each app's ``tasks.py``."""

import os
import sys

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "core.settings")

app = Celery("aesthetix")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


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
