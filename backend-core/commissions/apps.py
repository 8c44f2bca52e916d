from django.apps import AppConfig


class CommissionsConfig(AppConfig):
    name = "commissions"
    verbose_name = "Commissions"

    def ready(self) -> None:
        # Listen to the sales flow without commerce knowing about commissions.
        from commissions import receivers  # noqa: F401
