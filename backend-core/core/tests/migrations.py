"""Run an app's migrations back and forth inside a test."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


class Migrator:
    def __init__(self) -> None:
        self.executor = MigrationExecutor(connection)

    def migrate(self, *targets: tuple[str, str | None]) -> Apps:
        """Migrate to ``targets`` and return the historical models of that state.
        ``(app, None)`` unapplies every migration of ``app``; the state returned is that
        of the other targets."""
        self.executor.loader.build_graph()
        self.executor.migrate(list(targets))
        return self.executor.loader.project_state([t for t in targets if t[1] is not None]).apps


@contextmanager
def migrator() -> Iterator[Migrator]:
    """A ``Migrator``; the database is brought back to the latest migrations afterwards."""
    migrations = Migrator()
    try:
        yield migrations
    finally:
        migrations.executor.loader.build_graph()
        migrations.executor.migrate(migrations.executor.loader.graph.leaf_nodes())
