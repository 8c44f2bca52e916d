from django.db import migrations, models
from django.db.models import F


def originals_stay_where_they_are(apps, schema_editor):
    """Photos processed before this migration kept their original at the upload key; their
    presigned POSTs expired long ago (≤ 15 minutes), so that key is served as it is."""
    Photo = apps.get_model("emr", "Photo")
    Photo._base_manager.filter(status="ready").update(original_key=F("object_key"))


class Migration(migrations.Migration):
    dependencies = [
        ("emr", "0002_session_products"),
    ]

    operations = [
        migrations.AddField(
            model_name="photo",
            name="original_key",
            field=models.CharField(blank=True, max_length=300),
        ),
        migrations.AddField(
            model_name="photo",
            name="upload_etag",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.RunPython(originals_stay_where_they_are, migrations.RunPython.noop),
    ]
