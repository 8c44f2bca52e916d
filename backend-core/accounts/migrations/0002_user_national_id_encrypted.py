"""Encrypt users' national IDs at rest; look them up and keep them unique by a keyed hash.

1. add ``national_id_hash``; drop the constraints on the plain column;
2. widen ``national_id`` to text (a Fernet token is longer than 20 characters);
3. encrypt every stored national ID in place and store its blind index;
4. switch the field to the encrypted type (no schema change: text as well);
5. constrain "unique per country" and "an ID needs a country" on the hash.

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
    _rewrite(apps.get_model("accounts", "User"), schema_editor.connection.alias, _encrypt)


def decrypt_existing(apps, schema_editor):
    _rewrite(apps.get_model("accounts", "User"), schema_editor.connection.alias, _decrypt)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="national_id_hash",
            field=models.CharField(blank=True, db_index=True, default="", editable=False, max_length=64),
        ),
        migrations.RemoveConstraint(model_name="user", name="user_national_id_unique_per_country"),
        migrations.RemoveConstraint(model_name="user", name="user_national_id_has_country"),
        migrations.AlterField(
            model_name="user",
            name="national_id",
            field=models.TextField(blank=True, verbose_name="national ID"),
        ),
        migrations.RunPython(encrypt_existing, decrypt_existing),
        migrations.AlterField(
            model_name="user",
            name="national_id",
            field=core.crypto.EncryptedCharField(blank=True, max_length=20, verbose_name="national ID"),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                condition=~Q(national_id_hash=""),
                fields=("national_id_country", "national_id_hash"),
                name="user_national_id_unique_per_country",
            ),
        ),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.CheckConstraint(
                condition=Q(national_id_hash="") | ~Q(national_id_country=""),
                name="user_national_id_has_country",
            ),
        ),
    ]
