from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    name = "compliance"
    verbose_name = "Compliance: audit trail and history"

    def ready(self) -> None:
        from compliance import receivers  # noqa: F401  (audit records of lower contexts)
