import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_national_id_encrypted"),
        ("patients", "0009_profile_copy_per_organization"),
    ]

    operations = [
        migrations.AlterField(
            model_name="patientprofile",
            name="organization",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="accounts.organization",
            ),
        ),
    ]
