"""Commissions: when a pending calculation counts as lost and is sent again."""

from .env import env

# A commission run still ``pending`` this many minutes after it was last sent to the
# workers is sent again by beat (``commissions.tasks.requeue_stale_commission_runs``):
# its message never reached the broker or was lost. Sending it twice is harmless (the
# calculation is idempotent), so this only bounds how long a lost one waits.
COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES = env.int("COMMISSIONS_RUN_REQUEUE_AFTER_MINUTES", default=10)
