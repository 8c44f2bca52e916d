"""The catalog models changed app (``commerce`` → ``catalog``) in the migration state
only: on a database with the demo loaded, migrating back before the move and forward
again keeps every row, every foreign key into the catalog and the history trigger of
services, and relabels the content types both ways."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.apps.registry import Apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from catalog.models import Course, CourseItem, Product, Service, ServiceMaterial
from core.tests.migrations import migrator

MOVED = (Service, ServiceMaterial, Product, Course, CourseItem)

# (app, model, foreign key into the catalog): the rows that must still reach theirs.
REFERENCES = (
    ("commerce", "SaleLine", "service"),
    ("commerce", "SaleLine", "product"),
    ("commerce", "SaleLine", "course"),
    ("commerce", "StockLot", "product"),
    ("commerce", "CourseBalance", "course"),
    ("scheduling", "Appointment", "service"),
    ("emr", "TreatmentSession", "service"),
)


def _table_rows(model: type) -> list[dict[str, Any]]:
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table} ORDER BY id")  # noqa: S608  # a quoted model table
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _columns(rows: list[dict[str, Any]]) -> set[str]:
    return set(rows[0]) if rows else set()


def _rows_kept(now: list[dict[str, Any]], before: list[dict[str, Any]], columns: set[str]) -> bool:
    """The same rows with the same values in ``columns``: the columns the table had before
    the move (those that catalog migrations added after it are dropped on the way back,
    and come back with their defaults)."""
    return [{name: row[name] for name in columns} for row in now] == [
        {name: row[name] for name in columns} for row in before
    ]


def _references(apps: Apps) -> dict[tuple[str, str, str], list[tuple[Any, str]]]:
    """Each referencing row's id and the name of the catalog row it reaches, joined
    through the foreign keys of the migration state ``apps``."""
    return {
        (app, model, field): sorted(
            apps.get_model(app, model)
            .objects.filter(**{f"{field}__isnull": False})
            .values_list("pk", f"{field}__name")
        )
        for app, model, field in REFERENCES
    }


def _content_type_labels(apps: Apps) -> set[str]:
    content_type = apps.get_model("contenttypes", "ContentType")
    names = [model._meta.model_name for model in MOVED]
    return set(content_type.objects.filter(model__in=names).values_list("app_label", flat=True))


# Unapplying catalog unapplies every app above it: Django renders the project state of
# each migration on the way, which takes minutes on a busy machine.
@pytest.mark.timeout(900)
@pytest.mark.django_db(transaction=True)
def test_the_demo_keeps_its_catalog_rows_and_references_back_and_forth(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.OBJECT_STORE_ROOT, settings.S3_BUCKET = tmp_path, ""
    call_command("demo_data", stdout=io.StringIO())
    tables = {model: _table_rows(model) for model in MOVED}
    assert all(tables.values())

    with migrator() as migrations:
        latest = migrations.executor.loader.graph.leaf_nodes()
        now = migrations.migrate(*latest)
        references = _references(now)
        assert all(references.values())
        assert _content_type_labels(now) == {"catalog"}

        # Before the move: no catalog migration (nor any migration depending on one).
        migrations.executor.migrate([("catalog", None)])
        migrations.executor.loader.build_graph()
        old = migrations.executor.loader.project_state(
            list(migrations.executor.loader.applied_migrations)
        ).apps
        assert not [model for model in old.get_models() if model._meta.app_label == "catalog"]
        moved_columns = {model: _columns(_table_rows(model)) for model in MOVED}
        assert all(_rows_kept(_table_rows(model), tables[model], moved_columns[model]) for model in MOVED)
        old_service = old.get_model("commerce", "Service")
        assert old_service._meta.db_table == Service._meta.db_table
        assert old_service.objects.count() == len(tables[Service])
        assert _references(old) == references
        assert _content_type_labels(old) == {"commerce"}

        new = migrations.migrate(*latest)
        assert all(
            _rows_kept(_table_rows(model), tables[model], moved_columns[model])
            and _columns(_table_rows(model)) == _columns(tables[model])
            for model in MOVED
        )
        assert _references(new) == references
        assert _content_type_labels(new) == {"catalog"}

        # The history of services still records a change, reached through the moved key.
        service = new.get_model("catalog", "Service").objects.order_by("pk").first()
        events = new.get_model("compliance", "ServiceEvent").objects.filter(pgh_obj=service)
        before = events.count()
        new.get_model("catalog", "Service").objects.filter(pk=service.pk).update(price=service.price + 1)
        assert events.count() == before + 1
        assert events.order_by("-pgh_id").first().price == service.price + 1

    ContentType.objects.clear_cache()
    assert ContentType.objects.get_for_model(Service).app_label == "catalog"
