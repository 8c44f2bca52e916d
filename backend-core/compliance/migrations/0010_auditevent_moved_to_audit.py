"""``AuditEvent`` now belongs to the ``audit`` app (``audit.0001_initial``): only the
model's state leaves compliance; its table, ``compliance_auditevent``, stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
        ("compliance", "0009_serviceevent_obj_in_catalog"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEvent")],
            database_operations=[],
        ),
    ]
