from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = "Compliance: row history and data-subject requests"

    def ready(self) -> None:
        from compliance import receivers  # noqa: F401  (audit records of lower contexts)
