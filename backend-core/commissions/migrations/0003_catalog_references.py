"""The service, product or course a rule names is a ``catalog`` model (state only: same
tables and columns)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalog', '0001_initial'),
        ('commissions', '0002_commissionrun_requeue'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='commissionrule',
                    name='course',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.course'),
                ),
                migrations.AlterField(
                    model_name='commissionrule',
                    name='product',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.product'),
                ),
                migrations.AlterField(
                    model_name='commissionrule',
                    name='service',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='catalog.service'),
                ),
            ],
        ),
    ]
