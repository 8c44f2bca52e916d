"""Encrypt patients' national IDs at rest; look them up and keep them unique by a keyed hash.

1. add ``national_id_hash``; drop the unique constraint on the plain column;
2. widen ``national_id`` to text (a Fernet token is longer than 20 characters);
3. encrypt every stored national ID in place and store its blind index;
4. switch the field to the encrypted type (no schema change: text as well);
5. constrain "unique per country" on the hash.

Works the same on PostgreSQL and SQLite. Reversible: going back decrypts in place.
"""

from django.db import migrations, models
from django.db.models import Q

import core.crypto
from core.crypto import blind_index, decrypt, encrypt

BATCH = 500


def _national_id_hash(country, national_id):
    # accounts.validators.national_id_hash as of this migration.
    return blind_index(national_id, purpose=f"national_id:{country}")


def _rewrite(model, db, change):
    rows = model._base_manager.using(db).exclude(national_id="").only("pk", "national_id", "national_id_country")
    batch = []
    for row in rows.iterator(chunk_size=BATCH):
        change(row)
        batch.append(row)
        if len(batch) == BATCH:
            model._base_manager.using(db).bulk_update(batch, ["national_id", "national_id_hash"])
            batch = []
    if batch:
        model._base_manager.using(db).bulk_update(batch, ["national_id", "national_id_hash"])


def _encrypt(row):
    row.national_id_hash = _national_id_hash(row.national_id_country, row.national_id)
    row.national_id = encrypt(row.national_id)


def _decrypt(row):
    row.national_id = decrypt(row.national_id)
    row.national_id_hash = ""


def encrypt_existing(apps, schema_editor):
    _rewrite(apps.get_model("patients", "PatientProfile"), schema_editor.connection.alias, _encrypt)


def decrypt_existing(apps, schema_editor):
    _rewrite(apps.get_model("patients", "PatientProfile"), schema_editor.connection.alias, _decrypt)


class Migration(migrations.Migration):
    dependencies = [("patients", "0003_search_name_trigram")]

    operations = [
        migrations.AddField(
            model_name="patientprofile",
            name="national_id_hash",
            field=models.CharField(blank=True, db_index=True, default="", editable=False, max_length=64),
        ),
        migrations.RemoveConstraint(model_name="patientprofile", name="patient_national_id_unique_per_country"),
        migrations.AlterField(
            model_name="patientprofile",
            name="national_id",
            field=models.TextField(blank=True),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
        migrations.AlterField(
            model_name="patientprofile",
            name="national_id",
            field=core.crypto.EncryptedCharField(blank=True, max_length=20),
        ),
        migrations.AddConstraint(
            model_name="patientprofile",
            constraint=models.UniqueConstraint(
                condition=~Q(national_id_hash=""),
                fields=("national_id_country", "national_id_hash"),
                name="patient_national_id_unique_per_country",
            ),
        ),
    ]
