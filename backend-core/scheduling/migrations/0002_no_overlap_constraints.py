"""Double booking made impossible by the database (PostgreSQL exclusion constraints).

Among active appointments (not cancelled or no-show), the busy intervals
``[starts_at, blocked_until)`` may not overlap for the same practitioner — across every
clinic of every organization, since one doctor may work at several — nor for the same
room, resource or patient. SQLite (the embedded profile) has no exclusion constraints;
there the booking service checks inside its write transaction, which SQLite serializes.
"""

from django.contrib.postgres.operations import BtreeGistExtension
from django.db import migrations

ACTIVE = "status NOT IN ('cancelled', 'no_show')"
CONSTRAINTS = {
    "appointment_practitioner_no_overlap": ("practitioner_id", ""),
    "appointment_room_no_overlap": ("room_id", " AND room_id IS NOT NULL"),
    "appointment_resource_no_overlap": ("resource_id", " AND resource_id IS NOT NULL"),
    "appointment_patient_no_overlap": ("patient_id", ""),
}


def add_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (column, extra) in CONSTRAINTS.items():
        schema_editor.execute(
            f"ALTER TABLE scheduling_appointment ADD CONSTRAINT {name} EXCLUDE USING gist "
            f"({column} WITH =, tstzrange(starts_at, blocked_until, '[)') WITH &&) WHERE ({ACTIVE}{extra})"
        )


def drop_constraints(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE scheduling_appointment DROP CONSTRAINT IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("scheduling", "0001_initial")]

    operations = [
        BtreeGistExtension(),
        migrations.RunPython(add_constraints, drop_constraints),
    ]
