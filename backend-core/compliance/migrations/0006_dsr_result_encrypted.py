"""Encrypt the results of data-subject requests at rest: an export document carries the
person's decrypted clinical record. The ``jsonb`` column becomes ``text`` (holding the
JSON text), then each stored result is encrypted in place. Reversible: going back
decrypts, then the column is ``jsonb`` again.
"""

from django.db import migrations

import core.crypto
from core.crypto import decrypt, encrypt

BATCH = 500


def _rewrite(apps, schema_editor, change):
    # A cursor, not the model: the historical model's field would decrypt on read.
    connection = schema_editor.connection
    table = connection.ops.quote_name("compliance_datasubjectrequest")
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT id, result FROM {table} WHERE result IS NOT NULL")  # noqa: S608
        rows = cursor.fetchall()
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                f"UPDATE {table} SET result = %s WHERE id = %s",  # noqa: S608
                [(change(result), pk) for pk, result in rows[start : start + BATCH]],
            )


def encrypt_results(apps, schema_editor):
    _rewrite(apps, schema_editor, encrypt)


def decrypt_results(apps, schema_editor):
    _rewrite(apps, schema_editor, decrypt)


class Migration(migrations.Migration):
    dependencies = [("compliance", "0005_history_without_notes")]

    operations = [
        migrations.AlterField(
            model_name="datasubjectrequest",
            name="result",
            field=core.crypto.EncryptedJSONField(blank=True, null=True),
        ),
        migrations.RunPython(encrypt_results, decrypt_results),
    ]
