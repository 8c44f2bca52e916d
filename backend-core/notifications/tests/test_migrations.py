import pytest
from django.utils import timezone

from core.tests.migrations import migrator
from notifications.models import Notification
from notifications.templates import render


@pytest.mark.django_db(transaction=True)
def test_a_receipt_queued_before_receipts_named_their_payments_still_renders(world):
    with migrator() as migrations:
        state = migrations.migrate(("notifications", "0001_notification"))
        old = state.get_model("notifications", "Notification")
        old.objects.create(
            clinic_id=world.a.clinic.pk,
            channel="sms",
            recipient="+66815550101",
            template="payment.receipt",
            language="en",
            payload={
                "clinic_name": "Lumière",
                "invoice_number": "INV-000001",
                "amount": "THB100.00",
                "balance_due": "THB0.00",
            },
            scheduled_for=timezone.now(),
            dedupe_key="receipt:old",
        )
        migrations.migrate(("notifications", "0002_receipts_name_their_payments"))

    row = Notification.unscoped.get(dedupe_key="receipt:old")
    assert "(THB100.00)" in render(row.template, languages=["en"], payload=row.payload).body
