from django.apps import AppConfig


class CommerceConfig(AppConfig):
    name = "commerce"
    verbose_name = "Stock, sales and payments"

    def ready(self) -> None:
        from commerce import receivers  # noqa: F401  (connects the signal receivers)
