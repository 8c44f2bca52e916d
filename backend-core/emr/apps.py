from django.apps import AppConfig


class EmrConfig(AppConfig):
    name = "emr"
    verbose_name = "Clinical records"

    def ready(self) -> None:
        from emr import receivers  # noqa: F401  (connects the scheduling hook)
