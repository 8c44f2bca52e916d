"""Encrypt the clinic's free-text notes on a patient at rest (they may hold clinical
details). Existing notes are encrypted in place, then the field becomes an
``EncryptedTextField`` (both are ``text`` columns). Reversible: going back decrypts.
"""

from django.db import migrations

import core.crypto
from core.crypto import decrypt, encrypt

BATCH = 500


def _rewrite(apps, schema_editor, change):
    model = apps.get_model("patients", "ClinicPatient")
    manager = model._base_manager.using(schema_editor.connection.alias)
    batch = []
    for row in manager.exclude(notes="").only("pk", "notes").iterator(chunk_size=BATCH):
        row.notes = change(row.notes)
        batch.append(row)
        if len(batch) == BATCH:
            manager.bulk_update(batch, ["notes"])
            batch = []
    if batch:
        manager.bulk_update(batch, ["notes"])


def encrypt_notes(apps, schema_editor):
    _rewrite(apps, schema_editor, encrypt)


def decrypt_notes(apps, schema_editor):
    _rewrite(apps, schema_editor, decrypt)


class Migration(migrations.Migration):
    dependencies = [("patients", "0006_link_search_name")]

    operations = [
        migrations.RunPython(encrypt_notes, decrypt_notes),
        migrations.AlterField(
            model_name="clinicpatient",
            name="notes",
            field=core.crypto.EncryptedTextField(blank=True, help_text="Free text; encrypted at rest"),
        ),
    ]
