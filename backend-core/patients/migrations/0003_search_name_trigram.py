"""Trigram index for patient name search, on PostgreSQL only.

A GIN ``gin_trgm_ops`` index lets ``search_name LIKE '%term%'`` use an index. SQLite (the
embedded profile) has no such index type; its searches scan, which is fine at the sizes
an embedded install holds.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "patient_search_name_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON patients_patientprofile "
            "USING gin (search_name gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("patients", "0002_profile_contact_search_consent")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_index, drop_index),
    ]
