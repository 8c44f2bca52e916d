from django.db import migrations, models


def retail_billable(apps, schema_editor):
    """Products already in the catalog follow the default a new one gets: a retail
    product used at a visit is charged, a medical supply is part of the treatment."""
    Product = apps.get_model("catalog", "Product")
    Product.objects.filter(kind="retail").update(billable=True)


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0004_service_deposit"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="billable",
            field=models.BooleanField(default=False, help_text="Charged on the visit's invoice when used"),
        ),
        migrations.RunPython(retail_billable, migrations.RunPython.noop),
    ]
