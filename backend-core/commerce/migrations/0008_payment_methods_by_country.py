"""Per-clinic payment settings: the accepted methods (existing clinics get their
country's defaults: no PromptPay outside Thailand, no Pix outside Brazil), the
PromptPay ID, the Pix key and the city a BR Code prints."""

from django.db import migrations, models

# Frozen copy of commerce.payment_methods' defaults as of this migration.
DEFAULTS = {
    "TH": ["cash", "card", "promptpay", "bank_transfer"],
    "BR": ["cash", "card", "pix", "bank_transfer"],
    "SA": ["cash", "card", "bank_transfer"],
}
ELSEWHERE = ["cash", "card", "bank_transfer"]


def methods_from_country(apps, schema_editor):
    settings = apps.get_model("commerce", "CommerceSettings")
    rows = settings._base_manager.using(schema_editor.connection.alias).select_related("clinic")
    for row in rows:
        if row.payment_methods:
            continue
        row.payment_methods = DEFAULTS.get(row.clinic.country, ELSEWHERE)
        row.save(update_fields=["payment_methods"])


class Migration(migrations.Migration):

    dependencies = [
        ('commerce', '0007_course_redemption_practitioner'),
    ]

    operations = [
        migrations.AddField(
            model_name='commercesettings',
            name='merchant_city',
            field=models.CharField(blank=True, max_length=15),
        ),
        migrations.AddField(
            model_name='commercesettings',
            name='payment_methods',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name='commercesettings',
            name='pix_key',
            field=models.CharField(blank=True, max_length=77),
        ),
        migrations.AddField(
            model_name='commercesettings',
            name='promptpay_id',
            field=models.CharField(blank=True, max_length=13),
        ),
        migrations.RunPython(methods_from_country, migrations.RunPython.noop),
    ]
