"""Celery: Redis broker in the services profile, kombu's filesystem transport otherwise.

The filesystem transport needs no server, yet the worker is a real separate process that
consumes the same queue folder the web process writes to.
"""

from .cache import REDIS_URL
from .env import VAR_DIR, env

if REDIS_URL:
    CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
    # A message a worker took but never acknowledged (the worker died) is handed out again
    # once it has been unacknowledged for ``visibility_timeout`` seconds; the workers look
    # for such messages every ``unacked_restore_interval`` seconds. Tests shorten both.
    # Five minutes: a dead worker's tasks run again within six. Every task must finish,
    # and every retry wait must end (``core.tasks.ClinicTask.retry_backoff_max``), well
    # within it, or the task runs twice.
    CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {
        "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=300),
        "unacked_restore_interval": env.int("CELERY_UNACKED_RESTORE_INTERVAL", default=60),
        "unacked_restore_throttle": 1,
    }
else:
    _queue = VAR_DIR / "celery" / "queue"
    _processed = VAR_DIR / "celery" / "processed"
    _control = VAR_DIR / "celery" / "control"
    for _folder in (_queue, _processed, _control):
        _folder.mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_URL = "filesystem://"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_queue),
        "data_folder_out": str(_queue),
        "processed_folder": str(_processed),
        "store_processed": False,
        # Broadcast (pidbox) exchanges; kombu's default is ./control in the working directory.
        "control_folder": str(_control),
    }

# Results are stored in our own tables (status fields), not in a result backend.
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A prefork worker child whose resident memory passed this (KiB) after a task is
# replaced, so one large photo does not leave the worker holding its peak for good.
CELERY_WORKER_MAX_MEMORY_PER_CHILD = env.int("CELERY_WORKER_MAX_MEMORY_KB", default=1024 * 1024)
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_DEFAULT_QUEUE", default="celery")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)

CELERY_BEAT_SCHEDULE = {
    # Reminders and other scheduled notifications of every clinic; at most a minute late.
    "notifications-dispatch-due": {
        "task": "notifications.tasks.notifications_dispatch_due",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Domain events the after-commit relay missed (a worker restart); ordered, at least once.
    "outbox-relay": {"task": "outbox.tasks.outbox_relay", "schedule": 60.0, "options": {"expires": 55}},
    "outbox-purge": {"task": "outbox.tasks.outbox_purge", "schedule": 86400.0},
    # Commission runs still pending after COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES (the
    # broker was down at checkout, or the process died before sending): sent again.
    "emr-requeue-stale-photos": {
        "task": "emr.tasks.requeue_stale_photos",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    "commissions-requeue-stale-runs": {
        "task": "commissions.tasks.requeue_stale_commission_runs",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Commission period close: adjustments so each ended period matches its final tier.
    "commissions-settle-periods": {
        "task": "commissions.tasks.settle_commission_periods",
        "schedule": 86400.0,
        "options": {"expires": 3600},
    },
    # Unpaid invoices past their due date become overdue (hourly; idempotent).
    "commerce-invoices-mark-overdue": {
        "task": "commerce.tasks.invoices_mark_overdue_task",
        "schedule": 3600.0,
        "options": {"expires": 3000},
    },
    # Card payments pending that the gateway never acknowledged (no answer, or the process
    # died before asking): sent again under the same Idempotency-Key.
    "commerce-card-charges-resend": {
        "task": "commerce.tasks.card_charges_resend_task",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # Deposits of cancelled or missed appointments still held (the release after the
    # appointment's change failed or was lost): settled again, at most 100 a run.
    "emr-deposits-release-sweep": {
        "task": "emr.tasks.deposits_release_sweep_task",
        "schedule": 300.0,
        "options": {"expires": 280},
    },
    # The dashboard's daily figures of each clinic's last few days (late refunds,
    # commissions, deposits): rebuilt every five minutes, idempotent.
    "reporting-daily-figures-refresh": {
        "task": "reporting.tasks.daily_figures_refresh_recent",
        "schedule": 300.0,
        "options": {"expires": 280},
    },
    # Report runs whose message or worker was lost are sent again.
    "reporting-report-runs-requeue": {
        "task": "reporting.tasks.report_runs_requeue_stale",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
    # The rebooking figures of the last 90 days (a visit counts as rebooked when its
    # patient books later): rebuilt once a day, idempotent.
    "reporting-daily-figures-followups": {
        "task": "reporting.tasks.daily_figures_refresh_followups",
        "schedule": 86400.0,
        "options": {"expires": 3600},
    },
    # Course balances past their expiry close; unused sessions become breakage revenue.
    "commerce-course-balances-expire": {
        "task": "commerce.tasks.course_balances_expire_task",
        "schedule": 3600.0,
        "options": {"expires": 3000},
    },
}
