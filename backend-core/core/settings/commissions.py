"""Commissions: test-only hooks of the calculation task (off by default)."""

from .env import env

# When set to a path and that file exists, ``sale_commissions_calculate`` pauses with its
# logs written but not committed (and touches ``<path>.held``) until the file is removed.
# Only the worker-crash test sets it; leave it empty everywhere else.
COMMISSIONS_TEST_HOLD_FILE = env.str("COMMISSIONS_TEST_HOLD_FILE", default="")
