from django.apps import AppConfig


class CommerceConfig(AppConfig):
    name = "commerce"
    verbose_name = "Stock, sales and payments"

    def ready(self) -> None:
        from commerce import receivers  # noqa: F401  (connects the signal receivers)
        from commerce.services.invoice_delivery import invoice_document_attachments
        from notifications.services import notification_attachments_register

        # An invoice sent by e-mail carries its PDF, built when the e-mail goes.
        notification_attachments_register("invoice.document", invoice_document_attachments)
