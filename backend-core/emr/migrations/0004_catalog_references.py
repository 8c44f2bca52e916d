"""Services and products referenced by the chart are ``catalog`` models (state only: same
tables and columns)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0001_initial'),
        ('emr', '0003_photo_original_key'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='consentformtemplate',
                    name='service',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service'),
                ),
                migrations.AlterField(
                    model_name='plannedsession',
                    name='service',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service'),
                ),
                migrations.AlterField(
                    model_name='sessionproduct',
                    name='product',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.product'),
                ),
                migrations.AlterField(
                    model_name='treatmentsession',
                    name='service',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service'),
                ),
            ],
        ),
    ]
