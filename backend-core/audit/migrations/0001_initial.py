"""``AuditEvent`` moves here from ``compliance``: the model's state only, no data moves.

The table keeps its name (``compliance_auditevent``, see ``Meta.db_table``), its rows,
indexes, constraints and grants; ``compliance.0009`` takes the model out of compliance's
state. The ``django_content_type`` row is relabelled so permissions and admin log entries
follow the model. The append-only trigger is declared by the model and installed by
django-pgtrigger after ``migrate`` (``core.settings.audit``): under its new name
(``audit.AuditEvent:append_only``) the one with the old name is pruned as it is replaced.
"""

import uuid

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MODEL = "auditevent"


def _relabel(apps, old_label, new_label):
    content_type = apps.get_model("contenttypes", "ContentType")
    if not content_type.objects.filter(app_label=new_label, model=MODEL).exists():
        content_type.objects.filter(app_label=old_label, model=MODEL).update(app_label=new_label)


def content_type_to_audit(apps, schema_editor):
    _relabel(apps, "compliance", "audit")


def content_type_to_compliance(apps, schema_editor):
    _relabel(apps, "audit", "compliance")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("accounts", "0003_session_lifetime_and_password_reset"),
        ("compliance", "0008_patientprofileevent_identity"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEvent",
                    fields=[
                        ("id", models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ("sequence", models.PositiveBigIntegerField(editable=False)),
                        ("occurred_at", models.DateTimeField()),
                        ("actor_role", models.CharField(blank=True, max_length=20)),
                        ("action", models.CharField(max_length=64, validators=[django.core.validators.RegexValidator("^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$", "Use the form <noun>.<verb> in lower case, e.g. patient.viewed.", code="invalid_action")])),
                        ("object_type", models.CharField(max_length=100)),
                        ("object_id", models.CharField(max_length=64)),
                        ("changes", models.JSONField(blank=True, default=dict)),
                        ("ip", models.GenericIPAddressField(blank=True, null=True)),
                        ("user_agent", models.CharField(blank=True, max_length=256)),
                        ("request_id", models.CharField(blank=True, max_length=64)),
                        ("prev_hash", models.CharField(max_length=64)),
                        ("hash", models.CharField(max_length=64, unique=True)),
                        ("actor", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL)),
                        ("clinic", models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="accounts.clinic")),
                    ],
                    options={
                        "db_table": "compliance_auditevent",
                        "indexes": [models.Index(fields=["clinic", "-occurred_at"], name="audit_event_clinic_recent"), models.Index(fields=["clinic", "object_type", "object_id"], name="audit_event_clinic_object")],
                        "constraints": [models.UniqueConstraint(fields=("clinic", "sequence"), name="audit_event_sequence_per_clinic"), models.CheckConstraint(condition=models.Q(("sequence__gte", 1)), name="audit_event_sequence_positive")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_type_to_audit, content_type_to_compliance),
    ]
