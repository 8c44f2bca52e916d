"""Database triggers of the audit trail (django-pgtrigger, django-pghistory).

Triggers are installed after every ``migrate`` instead of through migration files:
the history triggers live on tables of other apps (accounts, patients, commerce) while
the tables they write to belong to ``compliance``, and migration files in those apps
would depend on ``compliance`` in a cycle. ``pgtrigger.install`` is idempotent and
prunes triggers that are no longer declared.

Triggers exist on PostgreSQL only (the services profile). On SQLite (the embedded
profile) there is nothing to install: the history tables stay empty and the audit
trail's append-only rule is not enforced by the database (its hash chain still shows
tampering).
"""

from .database import DATABASES

PGTRIGGER_MIGRATIONS = False
PGTRIGGER_INSTALL_ON_MIGRATE = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
