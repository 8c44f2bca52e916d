"""Receipts queued before the ``payment.receipt`` template named each payment
(``{payments}``) would no longer render: give them their one amount as the list."""

from django.db import migrations


def payments_from_amount(apps, schema_editor):
    Notification = apps.get_model("notifications", "Notification")
    waiting = Notification.objects.filter(template="payment.receipt").exclude(status__in=["sent", "cancelled"])
    for row in waiting.iterator():
        if "payments" not in row.payload:
            row.payload["payments"] = row.payload.get("amount", "")
            row.save(update_fields=["payload"])


class Migration(migrations.Migration):
    dependencies = [("notifications", "0001_notification")]

    operations = [migrations.RunPython(payments_from_amount, migrations.RunPython.noop)]
